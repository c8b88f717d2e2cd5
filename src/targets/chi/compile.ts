// Protocol IR → one CHI macro (.mcr): a commented header that says the macro is unverified on an
// instrument and lists every emulation, then the techniques in order, each run and saved to its
// own data file, loops as for/next. A loop of plain charge/discharge segments becomes one cp run
// with as many segments, so every cycle lands in one data file.

import { fileSpan, hasErrors } from "../../diagnostics/diagnostic.js";
import type { ConstantCurrentStepIR, LoopIR, NodeIR, ProtocolIR } from "../../ir/types.js";
import { isStep, voltageSetpoints, walkNodes } from "../../ir/types.js";
import { formatQuantity } from "../../units/index.js";
import { reportShaping, shapeForCountedLoops } from "../common/counted-loops/index.js";
import { commentLines, headerLines } from "../common/header.js";
import { lowerAfterTable } from "../common/lowering.js";
import { encodeText, joinLines } from "../common/text.js";
import type { CompileOptions, CompileResult, Target } from "../target.js";
import { CODES } from "./codes.js";
import { cpLines, segmentOf, stepCommands, type Segment } from "./commands.js";
import { ChiContext, TARGET_NAME } from "./context.js";
import { COMMENT, ENCODING, EXTENSION, LINE_ENDING, LOOP_END, command, loopHeader, saveName } from "./conventions.js";

export const OUTPUT_DESCRIPTION = "CH Instruments macro (.mcr, ASCII, CRLF; unverified on an instrument)";
export const UNVERIFIED = [
  "UNVERIFIED: no CHI manual or real macro file is public. This macro follows CHI's own Macro Command",
  "example and public generators; it has not been run on a CHI 660E/760E. Open it in Control >",
  "Macro Command, check every technique's parameters in its dialog, and try it on a dummy cell first.",
];

const INDENT = "  ";

type TargetInfo = Pick<Target, "name" | "title" | "kind" | "capabilities">;

export function compileChi(ir: ProtocolIR, options: CompileOptions, target: TargetInfo): CompileResult {
  const { lowered, diagnostics, emulations } = lowerAfterTable(ir, target, () => writeMacroBody(ir, options.baseName));
  if (!lowered || hasErrors(diagnostics)) return { files: [], diagnostics, emulations };

  const header = headerLines({ ir, targetTitle: target.title, btpVersion: options.btpVersion, emulations, notes: [...UNVERIFIED, ...lowered.instructions] });
  const lines = [...commentLines(header, COMMENT), "", command("fileoverride"), "", ...lowered.body];
  const encoded = encodeText(joinLines(lines, LINE_ENDING), ENCODING, {
    plainSpellings: true,
    span: ir.body[0]?.span ?? fileSpan(ir.source),
    target: TARGET_NAME,
    what: "the macro's comments",
  });
  if (!encoded.bytes) return { files: [], diagnostics: [...diagnostics, ...encoded.diagnostics], emulations };
  return { files: [{ path: `${options.baseName}${EXTENSION}`, content: encoded.bytes, description: OUTPUT_DESCRIPTION }], diagnostics, emulations };
}

/** The macro's commands for the reshaped tree, with the operator's instructions for the header. */
function writeMacroBody(ir: ProtocolIR, baseName: string) {
  const ctx = new ChiContext(ir.cell?.nominalCapacity ?? null);
  checkOcvRelativeSetpoints(ir, ctx);
  const shaped = shapeForCountedLoops(ir.body, TARGET_NAME);
  reportShaping(shaped, ctx, CODES);
  const body = new MacroWriter(ctx, baseName).nodes(shaped.body, 0);
  return { diagnostics: ctx.diagnostics, emulations: ctx.emulations, body, instructions: shaped.instructions };
}

/** CHI cannot set a potential relative to the OCV. A symmetric cell's OCV is 0 V by
 * construction, so there the offset is the absolute potential; elsewhere it is refused. */
function checkOcvRelativeSetpoints(ir: ProtocolIR, ctx: ChiContext): void {
  const symmetric = ir.cell?.kind === "symmetric";
  for (const node of walkNodes(ir.body)) {
    if (!isStep(node)) continue;
    for (const setpoint of voltageSetpoints(node)) {
      if (setpoint.reference !== "ocv") continue;
      if (symmetric) {
        ctx.emulate(
          node.span,
          "ocvRelativeVoltage",
          `${setpoint.text} written as ${formatQuantity(setpoint.offsetVolts, "voltage")} vs the counter electrode: a symmetric cell's open-circuit voltage is 0 V (check that the OCP reads about 0 V before this step)`,
        );
      } else {
        ctx.error(
          CODES.ocvRelativeOnCell,
          `CHI cannot set a potential relative to open circuit (\`${setpoint.text}\`): its techniques take absolute potentials, and this cell's open-circuit voltage is not known in advance`,
          node.span,
          "measure the OCV and write the absolute voltage (for example `hold at 3.45 V for 1 h`), or run this step on a potentiostat target that supports it (biologic)",
        );
      }
    }
  }
}

class MacroWriter {
  private runs = 0;

  constructor(
    private readonly ctx: ChiContext,
    private readonly baseName: string,
  ) {}

  nodes(nodes: readonly NodeIR[], depth: number): string[] {
    return nodes.flatMap((node) => this.node(node, depth));
  }

  private node(node: NodeIR, depth: number): string[] {
    const pad = INDENT.repeat(depth);
    if (node.kind === "loop") return this.loop(node, depth);
    if (!isStep(node)) return [];
    const commands = stepCommands(node, this.ctx);
    if (!commands) return [];
    return [...commands.lines, ...(commands.technique ? this.save(commands.technique) : [])].map((line) => pad + line);
  }

  private save(technique: string): string[] {
    this.runs++;
    const name = saveName(this.baseName, this.runs, technique);
    return [command("save", name), command("tsave", name)];
  }

  private loop(loop: LoopIR, depth: number): string[] {
    const pad = INDENT.repeat(depth);
    const cycling = cyclingSegments(loop, this.ctx);
    if (cycling) {
      this.ctx.emulate(loop.span, "loop", `the ${loop.count}-cycle loop of charge and discharge is one cp run of ${2 * loop.count} segments, so every cycle is in one data file`);
      return [...cpLines(cycling, 2 * loop.count, loop.body[0] as ConstantCurrentStepIR, this.ctx), ...this.save("cp")].map((line) => pad + line);
    }
    const runsBefore = this.runs;
    const body = this.nodes(loop.body, depth + 1);
    if (this.runs > runsBefore && loop.count > 1) {
      this.ctx.warning(
        CODES.overwrittenData,
        `each of the ${loop.count} passes of this loop saves its data under the same file names, so only the last pass is kept`,
        loop.span,
        "if every pass's data matters, write the passes out one after the other, or save by hand; a loop of plain charge and discharge steps is written as one cp run instead",
      );
    }
    return [pad + loopHeader(loop.count), ...body, pad + LOOP_END];
  }
}

/** A loop whose body is one charge and one discharge at constant current (either order), each
 * ending on its cut-off, on time, or both: CHI's cp cycles those segments itself. */
function cyclingSegments(loop: LoopIR, ctx: ChiContext): Segment[] | null {
  if (loop.until !== null || loop.body.length !== 2) return null;
  const [a, b] = loop.body;
  if (a?.kind !== "constantCurrent" || b?.kind !== "constantCurrent" || a.direction === b.direction) return null;
  const plain = (step: ConstantCurrentStepIR): boolean =>
    step.ends.length > 0 && step.ends.every((e) => e.kind === "time" || e.kind === "voltage") && step.ends.filter((e) => e.kind === "voltage").length <= 1 && sameRecord(step, a);
  if (!plain(a) || !plain(b)) return null;
  const first = segmentOf(a, a.direction, a.ends, null, ctx);
  const second = segmentOf(b, b.direction, b.ends, null, ctx);
  return first && second ? [first, second] : null;
}

function sameRecord(x: ConstantCurrentStepIR, y: ConstantCurrentStepIR): boolean {
  return x.record.time === y.record.time && JSON.stringify(x.limits) === JSON.stringify(y.limits);
}
