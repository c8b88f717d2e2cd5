// Values: `3.9 V`, `0.5C`, `C/20`, `ocv + 50 mV`, `(1 h + 30 min) / 2`, `[0.5C, 1C, 2C]`.
// Numbers and units print exactly as written (no float noise, no unit conversion); only the
// space is normalised: one space before a unit, none before the C of a C-rate.

import { builders } from "prettier/doc";
import type { BinaryExpr, Expr, QuantityLiteral } from "../../syntax/ast.js";
import { printBracketList, type Entry } from "./container.js";
import type { PrintContext } from "./context.js";

type Doc = builders.Doc;

export function printQuantity(q: QuantityLiteral): string {
  if (q.cRateDivisor !== undefined) return `C/${q.text}`;
  if (q.unit === null) return q.text;
  return q.unit === "C" ? `${q.text}C` : `${q.text} ${q.unit}`;
}

/** How tightly an operator binds: `*` and `/` before `+` and `-`. */
function precedence(operator: BinaryExpr["operator"]): number {
  return operator === "*" || operator === "/" ? 2 : 1;
}

export function printExpr(ctx: PrintContext, expr: Expr): Doc {
  switch (expr.kind) {
    case "QuantityLiteral":
      return printQuantity(expr);
    case "NameRef":
      return expr.name.name;
    case "OcvRef":
      return "ocv";
    case "UnaryExpr": {
      const operand = printExpr(ctx, expr.operand);
      if (expr.operand.kind === "BinaryExpr") return [expr.operator, "(", operand, ")"];
      // `- -1 V` reads as two signs; `--1 V` looks like a typo.
      return [expr.operator, expr.operand.kind === "UnaryExpr" ? " " : "", operand];
    }
    case "BinaryExpr": {
      const own = precedence(expr.operator);
      const left = printExpr(ctx, expr.left);
      const right = printExpr(ctx, expr.right);
      // Operators chain to the left, so `a - (b - c)` keeps its parentheses and `(a - b) - c`
      // loses them.
      const leftNeedsParens = expr.left.kind === "BinaryExpr" && precedence(expr.left.operator) < own;
      const rightNeedsParens = expr.right.kind === "BinaryExpr" && precedence(expr.right.operator) <= own;
      return [
        leftNeedsParens ? ["(", left, ")"] : left,
        ` ${expr.operator} `,
        rightNeedsParens ? ["(", right, ")"] : right,
      ];
    }
    case "ListExpr": {
      const entries: Entry[] = expr.items.map((item) => ({
        start: item.span.start.offset,
        end: item.span.end.offset,
        print: () => printExpr(ctx, item),
      }));
      return printBracketList(ctx, {
        open: "[",
        close: "]",
        openOffset: expr.span.start.offset,
        closeOffset: expr.span.end.offset - 1,
        entries,
        fillLines: true,
      });
    }
  }
}

/** Several values joined by a word: `30 s or 5 mV`, `10, 60`. */
export function printJoined(ctx: PrintContext, exprs: readonly Expr[], separator: string): Doc[] {
  const parts: Doc[] = [];
  exprs.forEach((e, i) => {
    if (i > 0) parts.push(separator);
    parts.push(printExpr(ctx, e));
  });
  return parts;
}
