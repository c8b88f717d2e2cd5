// IR → readable .btp source, for `btp import` (a vendor schedule becomes a protocol a person can
// read and edit) and for round-trip tests (check(print(ir)) gives the IR back). Loops are
// written as `repeat`, sweeps as one-value `for` blocks (which keeps their labels), sections and
// sequence calls as sections, temperature blocks as `at … { }`. Limits and recording rules are
// written once at the top and again on the steps where they differ.

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { GroupIR, LoopConditionIR, NodeIR, ProtocolIR, StepIR } from "../../ir/types.js";
import { isStep } from "../../ir/types.js";
import { describeNode } from "../../ir/describe.js";
import { formatQuantity } from "../../units/display.js";
import { formatNumber } from "../../units/format.js";
import { parseQuantity } from "../../units/index.js";
import { cellSpellings, printCell } from "./cell.js";
import { hasUnwritableLimit, limitsBlock, printStep, recordRule, type StepContext } from "./steps.js";
import { namesIn, quote, sameValue, type NamesInScope } from "./values.js";

export const UNPRINTABLE_PART = "BTP6042";

export interface PrintOptions {
  /** Comment lines for the top of the file (without "# "). */
  header?: readonly string[];
}

export interface PrintResult {
  text: string;
  /** Parts that could not be written as btp and were kept as comments (BTP6042). */
  diagnostics: Diagnostic[];
}

const INDENT = "  ";
/** Deeper than any protocol a person writes; keeps a hostile import from exhausting the stack. */
const MAX_DEPTH = 64;

export function printProtocol(ir: ProtocolIR, options: PrintOptions = {}): PrintResult {
  const printer = new Printer(ir);
  return { text: printer.print(options.header ?? []), diagnostics: printer.diagnostics };
}

class Printer {
  readonly diagnostics: Diagnostic[] = [];
  private readonly lines: string[] = [];
  private readonly context: StepContext;
  /** Params and the variables of enclosing `for` blocks: names an expression may use. */
  private readonly names: Set<string>;
  /** Value text → the innermost sweep variable that has it. */
  private readonly sweepValues = new Map<string, string>();
  private readonly known: NamesInScope;

  constructor(private readonly ir: ProtocolIR) {
    this.names = new Set(ir.params.map((p) => p.name));
    this.known = namesIn(this.names, this.sweepValues);
    this.context = { cell: ir.cell, limits: ir.limits, record: ir.record, known: this.known };
  }

  print(header: readonly string[]): string {
    const ir = this.ir;
    for (const line of header.flatMap((h) => h.split(/\r?\n/))) this.lines.push(`# ${line}`.trimEnd());
    if (header.length > 0) this.lines.push("");
    if (ir.title !== null) this.lines.push(`protocol ${quote(ir.title)}`);
    const meta = ir.metadata;
    for (const text of meta.citations) this.lines.push(`cite ${quote(text)}`);
    for (const text of meta.figures) this.lines.push(`figure ${quote(text)}`);
    for (const text of meta.authors) this.lines.push(`author ${quote(text)}`);
    for (const text of meta.instruments) this.lines.push(`instrument ${quote(text)}`);
    for (const text of meta.notes) this.lines.push(`note ${quote(text)}`);
    this.blank();
    if (ir.cell) {
      this.lines.push(...printCell(ir.cell, cellSpellings(ir)));
      this.blank();
    }
    for (const param of ir.params) {
      this.lines.push(`param ${param.name} = ${param.text}${param.doc ? `  # ${param.doc.replace(/[\r\n]+/g, " ")}` : ""}`);
    }
    if (ir.params.length > 0) this.blank();
    if (Object.keys(ir.limits).length > 0) {
      if (hasUnwritableLimit(ir.limits)) this.unprintable(`limits with only a lower bound (${JSON.stringify(ir.limits)})`, ir.body[0]?.span);
      this.lines.push(limitsBlock(ir.limits));
    }
    if (Object.keys(ir.record).length > 0) this.lines.push(recordRule(ir.record));
    this.blank();
    this.body(ir.body, 0, { inLoop: false, ambient: null });
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === "") this.lines.pop();
    return this.lines.join("\n") + "\n";
  }

  private blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  private line(depth: number, text: string): void {
    this.lines.push(INDENT.repeat(depth) + text);
  }

  /** `ambient`: the chamber set-point in force before these nodes (K), to recognise the step the
   * checker adds at the end of an `at` block to set the chamber back. */
  private body(nodes: readonly NodeIR[], depth: number, where: { inLoop: boolean; ambient: number | null }): void {
    if (depth > MAX_DEPTH && nodes.length > 0) {
      this.unprintable(`blocks nested more than ${MAX_DEPTH} deep`, nodes[0]!.span, MAX_DEPTH);
      return;
    }
    let ambient = where.ambient;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const sweep = this.sweepRun(nodes, i, depth, { inLoop: where.inLoop, ambient });
      if (sweep > 0) {
        i += sweep - 1;
        continue;
      }
      if (isStep(node)) {
        this.step(node, depth);
        if (node.kind === "temperature") ambient = node.setpoint;
        continue;
      }
      switch (node.kind) {
        case "loop": {
          const until = node.until ? ` until ${loopCondition(node.until)}` : "";
          this.block(depth, `repeat ${node.count}${until}`, node.body, { inLoop: true, ambient });
          break;
        }
        case "cycleAction": {
          if (!where.inLoop) {
            this.unprintable(`${describeNode(node, this.ir.cell)} outside any loop`, node.span, depth, node.body);
            break;
          }
          const head = node.cycles !== null ? `after ${node.cycles.length === 1 ? "cycle" : "cycles"} ${node.cycles.join(", ")}` : `every ${node.every ?? 1} cycles`;
          this.block(depth, head, node.body, { inLoop: true, ambient });
          break;
        }
        case "group":
          this.group(node, depth, { inLoop: where.inLoop, ambient });
          break;
        case "stop":
          if (!where.inLoop) this.unprintable(`stop if ${node.condition.text} outside any loop`, node.span, depth);
          else this.line(depth, `stop if ${loopCondition(node.condition)}`);
          break;
      }
    }
  }

  /** Consecutive values of one sweep whose bodies read the same (they use the variable, not its
   * value) are written back as one `for name in [a, b, c]`. Returns how many groups it wrote. */
  private sweepRun(nodes: readonly NodeIR[], start: number, depth: number, where: { inLoop: boolean; ambient: number | null }): number {
    const variable = (node: NodeIR | undefined): { name: string; value: string } | null => {
      if (node?.kind !== "group" || node.origin !== "sweep") return null;
      const match = /^([A-Za-z_][A-Za-z0-9_]*) = (.+)$/.exec(node.label);
      return match && parseQuantity(match[2]!).ok ? { name: match[1]!, value: match[2]! } : null;
    };
    const first = variable(nodes[start]);
    if (!first) return 0;
    const values = [first.value];
    const bodies: string[][] = [];
    const render = (group: GroupIR): string[] => {
      const lines = this.lines.length;
      const diagnostics = this.diagnostics.length;
      this.withName(first.name, variable(group)!.value, () => this.body(group.body, depth + 1, where));
      this.diagnostics.splice(diagnostics);
      return this.lines.splice(lines);
    };
    bodies.push(render(nodes[start] as GroupIR));
    let end = start + 1;
    for (; end < nodes.length; end++) {
      const next = variable(nodes[end]);
      if (!next || next.name !== first.name) break;
      const body = render(nodes[end] as GroupIR);
      if (body.join("\n") !== bodies[0]!.join("\n")) break;
      values.push(next.value);
      bodies.push(body);
    }
    this.line(depth, `for ${first.name} in [${values.join(", ")}] {`);
    this.withName(first.name, first.value, () => this.body((nodes[start] as GroupIR).body, depth + 1, where));
    this.line(depth, "}");
    return values.length;
  }

  /** Runs `run` with a sweep variable in scope. */
  private withName(name: string, value: string, run: () => void): void {
    const shadows = this.names.has(name);
    const previous = this.sweepValues.get(value.trim());
    this.names.add(name);
    this.sweepValues.set(value.trim(), name);
    run();
    if (!shadows) this.names.delete(name);
    if (previous === undefined) this.sweepValues.delete(value.trim());
    else this.sweepValues.set(value.trim(), previous);
  }

  private block(depth: number, head: string, body: readonly NodeIR[], where: { inLoop: boolean; ambient: number | null }): void {
    this.line(depth, `${head} {`);
    this.body(body, depth + 1, where);
    this.line(depth, "}");
  }

  private group(group: GroupIR, depth: number, where: { inLoop: boolean; ambient: number | null }): void {
    if (group.origin === "temperature") {
      const opened = temperatureBlock(group, where.ambient, this.known);
      if (opened) {
        this.block(depth, opened.head, opened.body, { inLoop: where.inLoop, ambient: opened.setpoint });
        return;
      }
    }
    this.block(depth, `section ${quote(group.label)}`, group.body, where);
  }

  private step(step: StepIR, depth: number): void {
    if (hasUnwritableLimit(step.limits)) this.unprintable(`limits with only a lower bound on this step`, step.span);
    this.line(depth, printStep(step, this.context));
  }

  /** Keeps what cannot be written as commented-out description, and says so. */
  private unprintable(what: string, span: StepIR["span"] | undefined, depth = 0, body: readonly NodeIR[] = []): void {
    if (span) {
      this.diagnostics.push({
        code: UNPRINTABLE_PART,
        severity: "warning",
        message: `${what} cannot be written as btp source; it is kept as a comment`,
        span,
        hint: "rewrite the commented part by hand",
      });
    }
    this.line(depth, `# not expressible in btp: ${what}`);
    for (const node of body) this.line(depth, `#   ${describeNode(node, this.ir.cell)}`);
  }
}

/** `at 25 °C, settle 2 h` for a temperature group: its first node is the set-point the checker
 * put there, and its last may be the step that sets the chamber back; neither is written. */
function temperatureBlock(group: GroupIR, ambientBefore: number | null, known: NamesInScope): { head: string; body: NodeIR[]; setpoint: number } | null {
  const first = group.body[0];
  if (!first || first.kind !== "temperature") return null;
  let body = group.body.slice(1);
  const last = body[body.length - 1];
  if (ambientBefore !== null && last?.kind === "temperature" && sameValue(last.setpoint, ambientBefore)) body = body.slice(0, -1);
  const written = group.label.replace(/^at\s+/, "");
  const parsed = parseQuantity(written);
  const literal = parsed.ok && parsed.kind === "temperature" && sameValue(parsed.si, first.setpoint);
  // The label is the source text, so a sweep value is not replaced by its variable here.
  const value = literal || known.known(written) ? written : formatQuantity(first.setpoint, "temperature");
  const settle = first.settle.kind === "time" ? `, settle ${formatQuantity(first.settle.seconds, "time")}` : first.settle.kind === "stable" ? ", settle until stable" : "";
  return { head: `at ${value}${settle}`, body, setpoint: first.setpoint };
}

const SUBJECTS: Record<LoopConditionIR["subject"], string> = {
  chargeCapacity: "charge capacity",
  dischargeCapacity: "discharge capacity",
  coulombicEfficiency: "coulombic efficiency",
  endVoltage: "end voltage",
};

/** The condition as written when it reads as one, else rebuilt from its parts. */
export function loopCondition(condition: LoopConditionIR): string {
  const subject = SUBJECTS[condition.subject];
  if (condition.text.trim().toLowerCase().startsWith(subject)) return condition.text.trim();
  let value: string;
  if (condition.fractionOfCycle) {
    value = `${formatNumber(condition.fractionOfCycle.fraction * 100)} % of cycle ${condition.fractionOfCycle.cycle}`;
  } else if (condition.subject === "coulombicEfficiency") {
    value = `${formatNumber((condition.value ?? 0) * 100)} %`;
  } else if (condition.subject === "endVoltage") {
    value = formatQuantity(condition.value ?? 0, "voltage");
  } else {
    value = formatQuantity(condition.value ?? 0, "capacity");
  }
  return `${subject} ${condition.comparator} ${value}`;
}
