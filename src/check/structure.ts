// The walk over statements: blocks, loops (kept as loops), sweeps and sequence calls (expanded
// into groups that say where they came from), cycle actions, temperature blocks, sections,
// guards, and the limits and recording rules that apply to the rest of their block.

import type { Span } from "../diagnostics/diagnostic.js";
import type { LimitsIR, NodeIR, RecordIR, TemperatureStepIR } from "../ir/types.js";
import type {
  CycleAction,
  RepeatBlock,
  SequenceCall,
  SequenceDecl,
  Statement,
  StopIf,
  SweepBlock,
  TemperatureBlock,
} from "../syntax/ast.js";
import { coverSpans } from "./context.js";
import type { CheckContext } from "./context.js";
import type { Declarations, Declared } from "./declarations.js";
import { evaluate } from "./evaluate.js";
import { expectWholeNumber } from "./expect.js";
import { mergeLimits, readLimits, readRecord } from "./limits.js";
import { readLoopCondition, readRepeatCount } from "./loops.js";
import type { Scope } from "./scope.js";
import { buildStep, readSettle, readTemperature } from "./steps.js";
import type { IdAllocator, StepEnvironment } from "./steps.js";
import { didYouMean } from "./suggest.js";
import { bindArguments, checkParameterList, standInFrame } from "./sequences.js";
import { describeValue, invalid } from "./values.js";
import type { Value } from "./values.js";

/** Deeper nesting than this is refused rather than risk the stack. */
const MAX_NESTING = 100;

/** The innermost enclosing repeat: its bound when known; undefined inside a sequence checked on
 * its own (any loop may call it). */
interface LoopFrame {
  passes: number | null | undefined;
}

export interface BlockEnvironment extends StepEnvironment {
  loop: LoopFrame | null;
  /** Sequences being called, outermost first, to refuse recursion. */
  callStack: { name: string; span: Span }[];
  depth: number;
}

const STEP_KINDS = new Set([
  "ChargeStep", "HoldStep", "RestStep", "OcvStep", "EisStep", "SweepStep", "CyclicVoltammetryStep", "TemperatureStep", "PauseStep",
]);

export class Elaborator {
  /** Limits and recording written at the top level of the main file. */
  protocolLimits: LimitsIR = {};
  protocolRecord: RecordIR = {};
  /** Sequences walked from the protocol; the others are checked on their own afterwards. */
  readonly called = new Set<string>();

  constructor(
    private readonly ctx: CheckContext,
    private readonly declarations: Declarations,
    private readonly globals: Scope,
  ) {}

  /** The protocol's own statements. */
  topLevel(statements: readonly Statement[]): NodeIR[] {
    const env: BlockEnvironment = { scope: this.globals, limits: {}, record: {}, ambient: null, loop: null, callStack: [], depth: 0 };
    return this.block(statements, env, "", true);
  }

  /** What can be checked of a sequence without calling it: its parameter list and body. */
  checkSequenceDeclaration(sequence: Declared<SequenceDecl>): void {
    checkParameterList(this.ctx, sequence);
    this.requireBody(sequence.decl.body, sequence.decl.span, "sequence");
  }

  /** A sequence nobody calls: its body is still checked, with typed parameters standing for
   * values of their type, and its IR is dropped. */
  checkUncalledSequence(sequence: Declared<SequenceDecl>): void {
    const decl = sequence.decl;
    const frame = standInFrame(this.ctx, this.globals, sequence);
    const wasAbstract = this.ctx.abstract;
    this.ctx.abstract = true;
    try {
      const env: BlockEnvironment = {
        scope: frame,
        limits: {},
        record: {},
        ambient: null,
        loop: { passes: undefined },
        callStack: [{ name: decl.name.name, span: decl.name.span }],
        depth: 0,
      };
      this.block(decl.body ?? [], env, "0", false);
    } finally {
      this.ctx.abstract = wasAbstract;
    }
  }

  /** `firstPosition` numbers the first node (temperature blocks start their statements at 2). */
  private block(statements: readonly Statement[], outer: BlockEnvironment, idPrefix: string, isProtocolLevel: boolean, firstPosition = 1): NodeIR[] {
    const nodes: NodeIR[] = [];
    let count = firstPosition - 1;
    const nextId: IdAllocator = () => (idPrefix === "" ? String(++count) : `${idPrefix}.${++count}`);
    // Limits, recording and temperature statements change the environment of what follows.
    const env: BlockEnvironment = { ...outer };
    for (const statement of statements ?? []) {
      if (this.ctx.overBudget) break;
      if (!statement || statement.recovered || !statement.kind) continue;
      if (env.depth > MAX_NESTING) {
        this.ctx.error("BTP2027", `blocks are nested more than ${MAX_NESTING} deep`, statement.span, { hint: "flatten the protocol with sequences" });
        break;
      }
      switch (statement.kind) {
        case "LimitsStatement": {
          const limits = readLimits(this.ctx, statement.limits, env.scope);
          env.limits = mergeLimits(env.limits, limits);
          if (isProtocolLevel) this.protocolLimits = mergeLimits(this.protocolLimits, limits);
          continue;
        }
        case "RecordStatement": {
          env.record = readRecord(this.ctx, statement.rule, env.scope);
          if (isProtocolLevel) this.protocolRecord = env.record;
          continue;
        }
        default:
          break;
      }
      const produced = this.statement(statement, env, nextId);
      for (const node of produced) {
        if (node.kind === "temperature") env.ambient = { kelvin: node.setpoint, settle: node.settle };
        this.count(statement.span);
      }
      nodes.push(...produced);
    }
    return nodes;
  }

  /** Counts a produced node; past the budget, reports once and stops the walk. */
  private count(span: Span): void {
    if (this.ctx.abstract) return;
    this.ctx.nodeCount++;
    if (this.ctx.nodeCount > this.ctx.maxNodes && !this.ctx.overBudget) {
      this.ctx.overBudget = true;
      this.ctx.error("BTP2026", `the protocol expands to more than ${this.ctx.maxNodes} steps and blocks`, span, {
        hint: "sweeps and sequence calls are written out in full (loops are not); nest fewer of them, or use `repeat`",
      });
    }
  }

  private statement(statement: Statement, env: BlockEnvironment, nextId: IdAllocator): NodeIR[] {
    if (STEP_KINDS.has(statement.kind)) return buildStep(this.ctx, statement as Parameters<typeof buildStep>[1], env, nextId);
    switch (statement.kind) {
      case "RepeatBlock":
        return this.repeat(statement, env, nextId);
      case "SweepBlock":
        return this.sweep(statement, env, nextId);
      case "CycleAction":
        return this.cycleAction(statement, env, nextId);
      case "TemperatureBlock":
        return this.atTemperature(statement, env, nextId);
      case "SectionBlock": {
        const id = nextId();
        this.requireBody(statement.body, statement.span, "section");
        const body = this.block(statement.body, this.inner(env), id, false);
        return [{ kind: "group", id, span: statement.span, origin: "section", label: statement.title?.value ?? "", body }];
      }
      case "StopIf":
        return this.stopIf(statement, env, nextId);
      case "SequenceCall":
        return this.call(statement, env, nextId);
      default:
        return [];
    }
  }

  private inner(env: BlockEnvironment, changes: Partial<BlockEnvironment> = {}): BlockEnvironment {
    return { ...env, depth: env.depth + 1, ...changes };
  }

  private requireBody(body: readonly Statement[] | undefined, span: Span, what: string): void {
    if (!body || body.length === 0) {
      this.ctx.error("BTP2025", `empty ${what}: the block has no steps`, span, { hint: "put steps inside the braces, or delete the block" });
    }
  }

  private repeat(statement: RepeatBlock, env: BlockEnvironment, nextId: IdAllocator): NodeIR[] {
    const id = nextId();
    const passes = readRepeatCount(this.ctx, statement.count, env.scope, statement.span);
    const until = statement.until ? readLoopCondition(this.ctx, statement.until, env.scope, passes) : null;
    this.requireBody(statement.body, statement.span, "loop");
    const body = this.block(statement.body, this.inner(env, { loop: { passes } }), id, false);
    return [{ kind: "loop", id, span: statement.span, count: passes ?? 1, until, body }];
  }

  private sweep(statement: SweepBlock, env: BlockEnvironment, nextId: IdAllocator): NodeIR[] {
    const variable = statement.variable;
    if (!variable || variable.recovered) return [];
    const definition = this.ctx.symbols.define(variable.name, "sweepVariable", statement.span, variable.span);
    const values = evaluate(this.ctx, statement.values, env.scope);
    this.requireBody(statement.body, statement.span, "sweep");
    let items: Value[] = [];
    if (values.kind === "list") {
      items = values.items;
      if (items.length === 0) {
        this.ctx.error("BTP2025", "empty sweep: the list has no values", values.span, { hint: "list the values to sweep, e.g. `[0.5C, 1C, 2C]`" });
      }
    } else if (values.kind !== "invalid") {
      this.ctx.error("BTP3025", `\`for ${variable.name} in\` needs a list, but \`${values.text}\` is ${describeValue(values)}`, values.span, {
        hint: `write the values in brackets: \`for ${variable.name} in [${values.text}] { … }\``,
      });
    }
    const valid = items.filter((item) => item.kind !== "invalid");
    if (valid.length === 0) {
      // Still check the body once, so its own mistakes are found.
      const scope = env.scope.child();
      scope.define(variable.name, { value: invalid(variable.span), definition });
      this.block(statement.body, this.inner(env, { scope }), "0", false);
      return [];
    }
    const nodes: NodeIR[] = [];
    for (const item of valid) {
      if (this.ctx.overBudget) break;
      const id = nextId();
      const scope = env.scope.child();
      scope.define(variable.name, { value: item, definition });
      const body = this.block(statement.body, this.inner(env, { scope }), id, false);
      nodes.push({ kind: "group", id, span: statement.span, origin: "sweep", label: `${variable.name} = ${item.text}`, body });
    }
    return nodes;
  }

  private cycleAction(statement: CycleAction, env: BlockEnvironment, nextId: IdAllocator): NodeIR[] {
    const keyword = statement.mode === "after" ? "`after cycle`" : "`every … cycles`";
    if (!env.loop) {
      this.ctx.error("BTP2023", `${keyword} can only be used inside a repeat`, statement.span, {
        hint: "put it inside the `repeat` whose cycles it counts",
      });
    }
    const passes = env.loop?.passes;
    const cycles: number[] = [];
    const readCycle = (value: Value, what: string): number | null => {
      const cycle = expectWholeNumber(this.ctx, value, { what, min: 1 });
      if (typeof cycle !== "number") return null;
      if (typeof passes === "number" && cycle > passes) {
        this.ctx.error("BTP3036", `${what} ${cycle} never comes: the loop runs ${passes} passes`, value.span, { hint: `use a cycle from 1 to ${passes}` });
        return null;
      }
      return cycle;
    };
    for (const expr of statement.cycles ?? []) {
      const value = evaluate(this.ctx, expr, env.scope);
      // `after cycle checkpoints` where checkpoints is a list param.
      const values = value.kind === "list" && statement.mode === "after" ? value.items : [value];
      for (const item of values) {
        const cycle = readCycle(item, statement.mode === "after" ? "cycle" : "the period");
        if (cycle !== null) cycles.push(cycle);
      }
    }
    this.requireBody(statement.body, statement.span, "cycle action");
    const id = nextId();
    const body = this.block(statement.body, this.inner(env), id, false);
    if (statement.mode === "every") {
      return [{ kind: "cycleAction", id, span: statement.span, cycles: null, every: cycles[0] ?? 1, body }];
    }
    return [{ kind: "cycleAction", id, span: statement.span, cycles, every: null, body }];
  }

  private atTemperature(statement: TemperatureBlock, env: BlockEnvironment, nextId: IdAllocator): NodeIR[] {
    const id = nextId();
    const setpoint = readTemperature(this.ctx, statement.setpoint, env.scope);
    const settle = readSettle(this.ctx, statement.settle, env.scope);
    this.requireBody(statement.body, statement.span, "temperature block");
    const header = coverSpans(statement.span, (statement.settle ?? statement.setpoint).span);
    const ambient = setpoint === null || settle === null ? env.ambient : { kelvin: setpoint.kelvin, settle };
    const body: NodeIR[] = [];
    // The temperature step opens the block as its first node; the block's statements follow it.
    const setStep = this.temperatureStep(`${id}.1`, header, ambient, env);
    if (setStep) body.push(setStep);
    body.push(...this.block(statement.body, this.inner(env, { ambient }), id, false, body.length + 1));
    // Afterwards the chamber goes back to the temperature of the enclosing block, if one was set.
    if (env.ambient && setStep) {
      const back = this.temperatureStep(`${id}.${body.length + 1}`, statement.span, env.ambient, env);
      if (back) body.push(back);
    }
    const label = `at ${setpoint?.text ?? (this.ctx.textOf(statement.setpoint.span) || "?")}`;
    return [{ kind: "group", id, span: statement.span, origin: "temperature", label, body }];
  }

  private temperatureStep(
    id: string,
    span: Span,
    ambient: { kelvin: number; settle: TemperatureStepIR["settle"] } | null,
    env: BlockEnvironment,
  ): TemperatureStepIR | null {
    if (!ambient) return null;
    this.count(span);
    return { id, span, label: null, limits: env.limits, record: env.record, ambient: ambient.kelvin, kind: "temperature", setpoint: ambient.kelvin, settle: ambient.settle };
  }

  private stopIf(statement: StopIf, env: BlockEnvironment, nextId: IdAllocator): NodeIR[] {
    if (!env.loop) {
      this.ctx.error("BTP2024", "`stop if` can only be used inside a repeat", statement.span, {
        hint: "the condition is checked at the end of each pass of the enclosing `repeat`; put it inside one",
      });
    }
    const condition = statement.condition ? readLoopCondition(this.ctx, statement.condition, env.scope, env.loop?.passes) : null;
    if (!condition) return [];
    return [{ kind: "stop", id: nextId(), span: statement.span, condition }];
  }

  // -------------------------------------------------------------------------------------------
  // sequence calls

  private call(statement: SequenceCall, env: BlockEnvironment, nextId: IdAllocator): NodeIR[] {
    const callee = statement.callee;
    if (!callee || callee.recovered) return [];
    const name = callee.name;
    const sequence = this.declarations.sequences.get(name);
    if (!sequence) {
      const isValue = env.scope.lookup(name) !== undefined;
      this.ctx.error("BTP2003", `unknown sequence \`${name}\``, callee.span, {
        hint: isValue
          ? `\`${name}\` is a value, not a sequence`
          : (didYouMean(name, this.declarations.sequences.keys()) ?? `declare it: \`sequence ${name}(…) { … }\``),
      });
      for (const arg of statement.args ?? []) if (arg?.value) evaluate(this.ctx, arg.value, env.scope);
      return [];
    }
    this.ctx.symbols.reference(name, callee.span, sequence.definition);
    const open = env.callStack.findIndex((frame) => frame.name === name);
    if (open !== -1) {
      this.ctx.error("BTP2015", `\`${name}\` calls itself${open < env.callStack.length - 1 ? ` (through ${env.callStack.slice(open + 1).map((f) => f.name).join(", ")})` : ""}`, callee.span, {
        hint: "sequences cannot be recursive; use `repeat` to run steps again",
        related: env.callStack.slice(open).map((frame) => ({ message: `\`${frame.name}\` is called here`, span: frame.span })),
      });
      return [];
    }
    const bound = bindArguments(this.ctx, this.globals, statement, sequence, env.scope);
    if (this.ctx.abstract) return [];
    this.called.add(name);
    const id = nextId();
    const body = this.block(
      sequence.decl.body ?? [],
      this.inner(env, { scope: bound.scope, callStack: [...env.callStack, { name, span: callee.span }] }),
      id,
      false,
    );
    return [{ kind: "group", id, span: statement.span, origin: "sequence", label: `${name}(${bound.labels.join(", ")})`, body }];
  }
}
