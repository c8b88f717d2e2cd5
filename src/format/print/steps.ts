// Steps, one per line: the action, how it ends, then its options after commas.
//
//   charge at 0.5C until 3.9 V then hold until C/20, record every 30 s or 5 mV, label "CC-CV"
//   eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade, at ocv
//
// A step's clauses must stay on its line (a newline ends the step), so nothing here breaks;
// only a `limits { … }` option may open over several lines when it was written that way.

import { builders } from "prettier/doc";
import type {
  EndCondition,
  Expr,
  LimitItem,
  LimitsBlock,
  LoopCondition,
  RecordRule,
  Settle,
  Step,
  StepEnd,
  StepOptions,
} from "../../syntax/ast.js";
import { printBraceBlock } from "./container.js";
import type { PrintContext } from "./context.js";
import { printExpr, printJoined } from "./expressions.js";

type Doc = builders.Doc;

/** Things printed in the order they were written, found by their source offsets. */
function inSourceOrder(parts: { offset: number; doc: Doc }[]): Doc[] {
  return parts.sort((a, b) => a.offset - b.offset).map((p) => p.doc);
}

function printEndCondition(ctx: PrintContext, c: EndCondition): Doc {
  return [
    c.subject === "auto" ? "" : `${c.subject} `,
    c.comparator ? `${c.comparator} ` : "",
    printExpr(ctx, c.value),
    c.ofNominal ? " of nominal" : "",
  ];
}

/** `for 2 h`, `until 3.9 V`, `for 1 h or until 4.1 V`, `until 2.5 V or 3 h`: the ends in the
 * order written, each joined to the previous one with `or`. */
function printStepEnd(ctx: PrintContext, end: StepEnd): Doc {
  const ends: { offset: number; kind: "duration" | "condition"; doc: Doc }[] = [];
  if (end.duration) {
    ends.push({ offset: end.duration.span.start.offset, kind: "duration", doc: printExpr(ctx, end.duration) });
  }
  for (const c of end.conditions) {
    ends.push({ offset: c.span.start.offset, kind: "condition", doc: printEndCondition(ctx, c) });
  }
  ends.sort((a, b) => a.offset - b.offset);
  return ends.map((e, i) => {
    if (e.kind === "duration") return [i === 0 ? "for " : " or for ", e.doc];
    // A condition right after another condition needs no second `until`.
    const afterCondition = i > 0 && ends[i - 1]!.kind === "condition";
    return [i === 0 ? "until " : afterCondition ? " or " : " or until ", e.doc];
  });
}

function withEnd(ctx: PrintContext, end: StepEnd | null): Doc {
  return end ? [" ", printStepEnd(ctx, end)] : "";
}

export function printRecordRule(ctx: PrintContext, rule: RecordRule): Doc {
  return ["record every ", printJoined(ctx, rule.every, " or ")];
}

function printLimitItem(ctx: PrintContext, item: LimitItem): Doc {
  return item.min
    ? [item.subject, " ", printExpr(ctx, item.min), " .. ", printExpr(ctx, item.max)]
    : [item.subject, " ", printExpr(ctx, item.max)];
}

export function printLimitsBlock(ctx: PrintContext, limits: LimitsBlock, depth: number): Doc {
  const start = limits.span.start.offset;
  const open = ctx.source.find("{", start + "limits".length);
  return [
    "limits ",
    printBraceBlock(ctx, {
      kind: "properties",
      headerEnd: start + "limits".length,
      open,
      close: limits.span.end.offset - 1,
      depth: depth + 1,
      entries: limits.items.map((item) => ({
        start: item.span.start.offset,
        end: item.span.end.offset,
        print: () => printLimitItem(ctx, item),
      })),
    }),
  ];
}

/** `, record every 1 s`, `, limits { … }`, `, label "…"` in the order written. PyBaMM's
 * `(1 minute period)` is written as the `record every 1 minute` it means. */
function printStepOptions(ctx: PrintContext, options: StepOptions, depth: number): Doc {
  const parts: { offset: number; doc: Doc }[] = [];
  if (options.record) {
    const record = options.record;
    parts.push({ offset: record.span.start.offset, doc: [", ", printRecordRule(ctx, record)] });
  }
  if (options.limits) {
    const limits = options.limits;
    parts.push({ offset: limits.span.start.offset, doc: [", ", printLimitsBlock(ctx, limits, depth)] });
  }
  if (options.label) {
    const label = options.label;
    parts.push({ offset: label.span.start.offset, doc: [", label ", printString(ctx, label.span)] });
  }
  return inSourceOrder(parts);
}

/** A string exactly as written, quotes and escapes included. */
export function printString(ctx: PrintContext, span: { start: { offset: number }; end: { offset: number } }): string {
  return ctx.source.slice(span.start.offset, span.end.offset);
}

export function printSettle(ctx: PrintContext, settle: Settle): Doc {
  if (settle.untilStable || !settle.duration) return "settle until stable";
  return ["settle ", printExpr(ctx, settle.duration)];
}

/** `5 cycles` / `1 cycle`: the word as the author wrote it after the value. */
function cycleWord(ctx: PrintContext, value: Expr): string {
  return ctx.source.wordAfter(value.span.end.offset) === "cycle" ? "cycle" : "cycles";
}

export function printLoopCondition(ctx: PrintContext, c: LoopCondition): Doc {
  return [
    c.subject,
    ` ${c.comparator} `,
    printExpr(ctx, c.value),
    c.ofCycle ? [" of cycle ", printExpr(ctx, c.ofCycle)] : "",
  ];
}

export function printStep(ctx: PrintContext, step: Step, depth: number): Doc {
  const options = printStepOptions(ctx, step.options, depth);
  switch (step.kind) {
    case "ChargeStep": {
      const hold = step.thenHold;
      return [
        step.direction,
        " at ",
        printExpr(ctx, step.setpoint),
        withEnd(ctx, step.end),
        hold ? [" then hold", hold.voltage ? [" at ", printExpr(ctx, hold.voltage)] : "", withEnd(ctx, hold.end)] : "",
        options,
      ];
    }
    case "HoldStep":
      return ["hold at ", printExpr(ctx, step.voltage), withEnd(ctx, step.end), options];
    case "RestStep":
      return ["rest", withEnd(ctx, step.end), options];
    case "OcvStep":
      return ["ocv", withEnd(ctx, step.end), options];
    case "EisStep": {
      const clauses: { offset: number; doc: Doc }[] = [];
      if (step.amplitude) {
        clauses.push({ offset: step.amplitude.span.start.offset, doc: [", amplitude ", printExpr(ctx, step.amplitude)] });
      }
      if (step.pointsPerDecade) {
        const points = step.pointsPerDecade;
        clauses.push({ offset: points.span.start.offset, doc: [", ", printExpr(ctx, points), " points per decade"] });
      }
      if (step.bias) {
        // `at 3.7 V` and `bias 3.7 V` mean the same; keep the author's word.
        const word = ctx.source.wordBefore(step.bias.span.start.offset) === "bias" ? "bias" : "at";
        clauses.push({ offset: step.bias.span.start.offset, doc: [`, ${word} `, printExpr(ctx, step.bias)] });
      }
      return ["eis from ", printExpr(ctx, step.from), " to ", printExpr(ctx, step.to), inSourceOrder(clauses), options];
    }
    case "SweepStep":
      return [
        "sweep from ",
        printExpr(ctx, step.from),
        " to ",
        printExpr(ctx, step.to),
        " at ",
        printExpr(ctx, step.scanRate),
        options,
      ];
    case "CyclicVoltammetryStep": {
      const clauses: { offset: number; doc: Doc }[] = [];
      if (step.cycles) {
        const cycles = step.cycles;
        clauses.push({ offset: cycles.span.start.offset, doc: [", ", printExpr(ctx, cycles), ` ${cycleWord(ctx, cycles)}`] });
      }
      if (step.start) {
        clauses.push({ offset: step.start.span.start.offset, doc: [", start at ", printExpr(ctx, step.start)] });
      }
      return [
        "cv between ",
        printExpr(ctx, step.lower),
        " and ",
        printExpr(ctx, step.upper),
        " at ",
        printExpr(ctx, step.scanRate),
        inSourceOrder(clauses),
        options,
      ];
    }
    case "TemperatureStep":
      return [
        "temperature ",
        printExpr(ctx, step.setpoint),
        step.settle ? [", ", printSettle(ctx, step.settle)] : "",
        options,
      ];
    case "PauseStep":
      return ["pause ", printString(ctx, step.message.span), options];
  }
}
