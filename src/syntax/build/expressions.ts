// Expressions: `3.9 V`, `C/20`, `ocv + 50 mV`, `[0.5C, 1C]`, `2 * t`.

import type { BinaryExpr, Expr, QuantityLiteral, UnaryExpr } from "../ast.js";
import {
  childNode,
  childNodes,
  childToken,
  childrenInOrder,
  isRealToken,
  isToken,
  type CstNode,
  type IToken,
} from "../cst.js";
import { splitQuantity } from "../tokens.js";
import type { BuildContext } from "./context.js";

/** The deepest expression tree the parser hands on. Later phases walk expressions
 * recursively; `1 V + 1 V + …` twenty thousand times, or a hundred thousand minus signs, must not
 * overflow their stack. Real protocols stay below ten. */
export const MAX_EXPRESSION_DEPTH = 100;

/** Depth of each expression node built here (a leaf is 1). */
const depths = new WeakMap<Expr, number>();

function depthOf(expr: Expr): number {
  return depths.get(expr) ?? 1;
}

function withDepth<T extends Expr>(expr: T, depth: number): T {
  depths.set(expr, depth);
  return expr;
}

/** Builds an expression node; a missing or unreadable one becomes a recovered placeholder at
 * `fallbackOffset`. */
export function buildExpression(ctx: BuildContext, node: CstNode | undefined, fallbackOffset: number): Expr {
  if (!node) return ctx.missingExpr(fallbackOffset);
  const expr = binaryChain(ctx, node, EXPRESSION_PARTS, fallbackOffset, buildTerm);
  return limitDepth(ctx, expr);
}

/** Replaces an absurdly deep expression by a placeholder (once, at its outermost level). */
function limitDepth(ctx: BuildContext, expr: Expr): Expr {
  if (depthOf(expr) <= MAX_EXPRESSION_DEPTH) return expr;
  ctx.error(
    "BTP1026",
    `this expression is too deeply nested (more than ${MAX_EXPRESSION_DEPTH} operators or signs in a chain)`,
    expr.span,
    "write the value directly, or build it in steps with `param`",
  );
  const placeholder = ctx.missingExpr(expr.span.start.offset - ctx.spans.origin.offset);
  placeholder.span = expr.span;
  return placeholder;
}

function buildTerm(ctx: BuildContext, node: CstNode | undefined, fallbackOffset: number): Expr {
  if (!node) return ctx.missingExpr(fallbackOffset);
  return binaryChain(ctx, node, TERM_PARTS, fallbackOffset, buildUnary);
}

/** The children of an `expression` and a `term` node: operands and the operators between them. */
const EXPRESSION_PARTS = ["term", "Plus", "Minus"] as const;
const TERM_PARTS = ["unary", "Star", "Slash"] as const;
const SIGNS = ["Plus", "Minus"] as const;

/** Left-associative chain: operands and operators interleave in text order. */
function binaryChain(
  ctx: BuildContext,
  node: CstNode,
  operandAndOperatorKeys: readonly string[],
  fallbackOffset: number,
  buildOperand: (ctx: BuildContext, n: CstNode | undefined, offset: number) => Expr,
): Expr {
  const parts = childrenInOrder(node, operandAndOperatorKeys);
  let result: Expr | null = null;
  let pendingOperator: IToken | null = null;
  let offset = fallbackOffset;
  for (const part of parts) {
    if (isToken(part)) {
      if (isRealToken(part)) offset = part.startOffset + part.image.length;
      pendingOperator = part;
      continue;
    }
    const operand = buildOperand(ctx, part, offset);
    offset = operand.span.end.offset - ctx.spans.origin.offset;
    if (result === null) {
      result = operand;
    } else {
      const operator = (pendingOperator?.image ?? "+") as BinaryExpr["operator"];
      result = binary(ctx, normalizeOperator(operator), result, operand);
    }
    pendingOperator = null;
  }
  if (result === null) return ctx.missingExpr(fallbackOffset);
  if (pendingOperator !== null) {
    // `3 V +` with the right operand missing (already reported by the parser).
    result = binary(ctx, normalizeOperator(pendingOperator.image), result, ctx.missingExpr(offset));
  }
  if (ctx.isRecovered(node)) result.recovered = true;
  return result;
}

function normalizeOperator(image: string): BinaryExpr["operator"] {
  if (image === "−") return "-";
  if (image === "×") return "*";
  return image as BinaryExpr["operator"];
}

function binary(ctx: BuildContext, operator: BinaryExpr["operator"], left: Expr, right: Expr): BinaryExpr {
  const span = ctx.coverSpans([left.span, right.span])!;
  const node: BinaryExpr = { kind: "BinaryExpr", operator, left, right, span };
  if (left.recovered || right.recovered) node.recovered = true;
  return withDepth(node, 1 + Math.max(depthOf(left), depthOf(right)));
}

function buildUnary(ctx: BuildContext, node: CstNode | undefined, fallbackOffset: number): Expr {
  if (!node) return ctx.missingExpr(fallbackOffset);
  // Token keys hold tokens only.
  const signs = childrenInOrder(node, SIGNS) as readonly IToken[];
  const lastSign = signs[signs.length - 1];
  const operandOffset =
    lastSign && isRealToken(lastSign) ? lastSign.startOffset + lastSign.image.length : fallbackOffset;
  let result = buildPrimary(ctx, childNode(node, "primary"), operandOffset);
  for (let i = signs.length - 1; i >= 0; i--) {
    const sign = signs[i]!;
    const operator: UnaryExpr["operator"] = sign.image === "+" ? "+" : "-";
    const span = isRealToken(sign) ? ctx.coverSpans([ctx.tokenSpan(sign), result.span])! : result.span;
    const unary: UnaryExpr = { kind: "UnaryExpr", operator, operand: result, span };
    if (result.recovered) unary.recovered = true;
    result = withDepth(unary, depthOf(result) + 1);
    // Stop stacking signs once too deep; limitDepth reports it.
    if (depthOf(result) > MAX_EXPRESSION_DEPTH) return result;
  }
  return result;
}

function buildPrimary(ctx: BuildContext, node: CstNode | undefined, fallbackOffset: number): Expr {
  if (!node) return ctx.missingExpr(fallbackOffset);
  const quantity = childToken(node, "Quantity");
  if (isRealToken(quantity)) return quantityLiteral(ctx, quantity);
  const number = childToken(node, "NumberLiteral");
  if (isRealToken(number)) return numberLiteral(ctx, number);
  const cRate = childToken(node, "CRate");
  if (isRealToken(cRate)) return cRateLiteral(ctx, cRate);
  const name = childToken(node, "Identifier");
  if (isRealToken(name)) return { kind: "NameRef", name: ctx.identifier(name), span: ctx.tokenSpan(name) };
  const ocv = childToken(node, "Ocv");
  if (isRealToken(ocv)) return { kind: "OcvRef", span: ctx.tokenSpan(ocv) };
  const list = childNode(node, "list");
  if (list) return buildList(ctx, list, fallbackOffset);
  const inner = childNode(node, "expression");
  if (inner) {
    const open = childToken(node, "LParen");
    const innerOffset = isRealToken(open) ? open.startOffset + 1 : fallbackOffset;
    const expr = buildExpression(ctx, inner, innerOffset);
    if (ctx.isRecovered(node)) expr.recovered = true;
    return expr;
  }
  return ctx.missingExpr(fallbackOffset);
}

function buildList(ctx: BuildContext, node: CstNode, fallbackOffset: number): Expr {
  const open = childToken(node, "LBracket");
  let offset = isRealToken(open) ? open.startOffset + 1 : fallbackOffset;
  const items: Expr[] = [];
  for (const item of childNodes(node, "expression")) {
    const expr = buildExpression(ctx, item, offset);
    items.push(expr);
    offset = expr.span.end.offset - ctx.spans.origin.offset;
  }
  const span = ctx.nodeSpan(node, fallbackOffset);
  const list: Expr = { kind: "ListExpr", items, span };
  if (ctx.isRecovered(node)) list.recovered = true;
  return withDepth(list, 1 + items.reduce((deepest, item) => Math.max(deepest, depthOf(item)), 0));
}

/** The numeric value of a number as written (`10_000` → 10000). */
function numericValue(text: string): number {
  return Number(text.includes("_") ? text.replace(/_/g, "") : text);
}

function checkFinite(ctx: BuildContext, literal: QuantityLiteral): QuantityLiteral {
  if (!Number.isFinite(literal.value)) {
    ctx.error(
      "BTP1024",
      `the number \`${literal.text}\` is too large to be represented`,
      literal.span,
      "battery quantities never need more than about 15 digits; check for a typo",
    );
    literal.recovered = true;
  }
  return literal;
}

function quantityLiteral(ctx: BuildContext, token: IToken): QuantityLiteral {
  const { number, unit, unitStart } = splitQuantity(token.image);
  const start = token.startOffset;
  return checkFinite(ctx, {
    kind: "QuantityLiteral",
    text: number,
    value: numericValue(number),
    unit,
    unitSpan: ctx.spans.span(start + unitStart, start + token.image.length),
    span: ctx.tokenSpan(token),
  });
}

function numberLiteral(ctx: BuildContext, token: IToken): QuantityLiteral {
  return checkFinite(ctx, {
    kind: "QuantityLiteral",
    text: token.image,
    value: numericValue(token.image),
    unit: null,
    unitSpan: null,
    span: ctx.tokenSpan(token),
  });
}

/** `C/20`: text is the divisor as written ("20"), unit "C", value 1/20. */
function cRateLiteral(ctx: BuildContext, token: IToken): QuantityLiteral {
  const divisorText = token.image.slice(2);
  const divisor = numericValue(divisorText);
  const literal: QuantityLiteral = {
    kind: "QuantityLiteral",
    text: divisorText,
    value: 1 / divisor,
    unit: "C",
    unitSpan: ctx.spans.span(token.startOffset, token.startOffset + 1),
    span: ctx.tokenSpan(token),
    cRateDivisor: divisor,
  };
  if (divisor === 0 || !Number.isFinite(divisor)) {
    ctx.error(
      "BTP1025",
      `\`${token.image}\` divides by ${divisorText}: a C-rate divisor must be a positive number`,
      ctx.tokenSpan(token),
      "write for example `C/20` (one twentieth of 1C)",
    );
    literal.recovered = true;
    literal.value = 0;
  }
  return literal;
}
