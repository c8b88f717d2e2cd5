// Statements: steps, and the blocks that group them (`repeat`, `for`, `after cycle`, `at`,
// `section`), plus `stop if`, sequence calls, and `limits`/`record` as statements.

import { builders } from "prettier/doc";
import type { NodeBase, Statement } from "../../syntax/ast.js";
import { printBraceBlock, printBracketList, type Entry } from "./container.js";
import type { PrintContext } from "./context.js";
import { printExpr, printJoined } from "./expressions.js";
import { printLimitsBlock, printLoopCondition, printRecordRule, printSettle, printStep } from "./steps.js";

type Doc = builders.Doc;

export function statementEntries(ctx: PrintContext, statements: readonly Statement[], depth: number): Entry[] {
  return statements.map((s) => ({
    start: s.span.start.offset,
    end: s.span.end.offset,
    print: () => printStatement(ctx, s, depth),
  }));
}

/** The `{ … }` of a block statement whose header ends at `headerEnd`. */
export function printBody(ctx: PrintContext, owner: NodeBase, statements: readonly Statement[], headerEnd: number, depth: number): Doc {
  return printBraceBlock(ctx, {
    kind: "statements",
    headerEnd,
    open: ctx.source.find("{", headerEnd),
    close: owner.span.end.offset - 1,
    depth: depth + 1,
    entries: statementEntries(ctx, statements, depth + 1),
  });
}

export function printStatement(ctx: PrintContext, s: Statement, depth: number): Doc {
  switch (s.kind) {
    case "RepeatBlock": {
      const headerEnd = (s.until ?? s.count).span.end.offset;
      const times = ctx.source.wordAfter(s.count.span.end.offset) === "times" ? " times" : "";
      return [
        "repeat ",
        printExpr(ctx, s.count),
        times,
        s.until ? [" until ", printLoopCondition(ctx, s.until)] : "",
        " ",
        printBody(ctx, s, s.body, headerEnd, depth),
      ];
    }
    case "SweepBlock":
      return [
        "for ",
        s.variable.name,
        " in ",
        printExpr(ctx, s.values),
        " ",
        printBody(ctx, s, s.body, s.values.span.end.offset, depth),
      ];
    case "CycleAction": {
      const last = s.cycles[s.cycles.length - 1]!;
      if (s.mode === "every") {
        const every = s.cycles[0]!;
        const word = ctx.source.wordAfter(every.span.end.offset) === "cycle" ? "cycle" : "cycles";
        return ["every ", printExpr(ctx, every), ` ${word} `, printBody(ctx, s, s.body, last.span.end.offset, depth)];
      }
      const word = ctx.source.wordAfter(s.span.start.offset + "after".length) === "cycles" ? "cycles" : "cycle";
      return [`after ${word} `, printJoined(ctx, s.cycles, ", "), " ", printBody(ctx, s, s.body, last.span.end.offset, depth)];
    }
    case "TemperatureBlock":
      return [
        "at ",
        printExpr(ctx, s.setpoint),
        s.settle ? [", ", printSettle(ctx, s.settle)] : "",
        " ",
        printBody(ctx, s, s.body, (s.settle ?? s.setpoint).span.end.offset, depth),
      ];
    case "SectionBlock":
      return [
        "section ",
        ctx.source.slice(s.title.span.start.offset, s.title.span.end.offset),
        " ",
        printBody(ctx, s, s.body, s.title.span.end.offset, depth),
      ];
    case "StopIf":
      return ["stop if ", printLoopCondition(ctx, s.condition)];
    case "SequenceCall": {
      const open = ctx.source.find("(", s.callee.span.end.offset);
      const entries: Entry[] = s.args.map((arg) => ({
        start: arg.span.start.offset,
        end: arg.span.end.offset,
        print: () => (arg.name ? [arg.name.name, " = ", printExpr(ctx, arg.value)] : printExpr(ctx, arg.value)),
      }));
      return [
        s.callee.name,
        printBracketList(ctx, {
          open: "(",
          close: ")",
          openOffset: open,
          closeOffset: s.span.end.offset - 1,
          entries,
          fillLines: false,
        }),
      ];
    }
    case "LimitsStatement":
      return printLimitsBlock(ctx, s.limits, depth);
    case "RecordStatement":
      return printRecordRule(ctx, s.rule);
    default:
      return printStep(ctx, s, depth);
  }
}
