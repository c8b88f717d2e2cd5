// Expressions → values. Units are resolved here, dimensions are combined by the rules of
// arithmetic (adding a voltage to a time is an error; multiplying makes a new dimension), and
// `ocv ± voltage` becomes a voltage relative to the open circuit.

import type { Span } from "../diagnostics/diagnostic.js";
import type { BinaryExpr, Expr, QuantityLiteral, UnaryExpr } from "../syntax/ast.js";
import {
  DIMENSIONLESS,
  KIND_DIMENSIONS,
  divideDimensions,
  isDimensionless,
  multiplyDimensions,
  resolveUnit,
  sameDimension,
  toSI,
} from "../units/index.js";
import type { CheckContext } from "./context.js";
import type { Scope } from "./scope.js";
import { didYouMean } from "./suggest.js";
import { describeValue, invalid } from "./values.js";
import type { OcvValue, QuantityValue, Value } from "./values.js";

/** Deeper expressions than this are refused rather than risk the stack; no protocol needs it. */
const MAX_EXPRESSION_DEPTH = 1000;

/** Shared by one evaluation: once it gives up for depth, the rest of the tree stays quiet. */
interface Walk {
  tooDeep: boolean;
}

export function evaluate(ctx: CheckContext, expr: Expr, scope: Scope): Value {
  return evaluateAt(ctx, expr, scope, 0, { tooDeep: false });
}

function evaluateAt(ctx: CheckContext, expr: Expr, scope: Scope, depth: number, walk: Walk): Value {
  if (expr === null || expr === undefined || typeof expr !== "object") return invalidNowhere();
  if (expr.recovered) return invalid(expr.span);
  if (walk.tooDeep) return invalid(expr.span);
  if (depth > MAX_EXPRESSION_DEPTH) {
    walk.tooDeep = true;
    ctx.error("BTP2027", "this expression is nested too deeply to check", expr.span, {
      hint: `btp accepts up to ${MAX_EXPRESSION_DEPTH} levels of brackets and operators; split it into params`,
    });
    return invalid(expr.span);
  }
  switch (expr.kind) {
    case "QuantityLiteral":
      return literal(ctx, expr, false, expr.span);
    case "NameRef":
      return nameRef(ctx, expr.name.name, expr.name.span, scope);
    case "OcvRef":
      return { kind: "ocv", offset: 0, text: "ocv", span: expr.span };
    case "UnaryExpr":
      return unary(ctx, expr, scope, depth, walk);
    case "BinaryExpr":
      return binary(ctx, expr, scope, depth, walk);
    case "ListExpr": {
      const items: Value[] = [];
      for (const item of expr.items) {
        const value = evaluateAt(ctx, item, scope, depth + 1, walk);
        if (value.kind === "list") {
          ctx.error("BTP3025", "a list cannot contain another list", item.span, {
            hint: "write the values one after another: `[0.5C, 1C, 2C]`",
          });
          items.push(invalid(item.span));
        } else {
          items.push(value);
        }
      }
      return { kind: "list", items, text: ctx.textOf(expr.span), span: expr.span };
    }
    default:
      return invalid((expr as { span: Span }).span);
  }
}

function invalidNowhere(): Value {
  const start = { offset: 0, line: 1, column: 1 };
  return invalid({ file: "<unknown>", start, end: start });
}

/** A number with its unit. `negate` applies a unary minus before the unit's offset, so that
 * `-20 °C` is 253.15 K and not −293.15 K. */
function literal(ctx: CheckContext, expr: QuantityLiteral, negate: boolean, span: Span): Value {
  const number = negate ? -expr.value : expr.value;
  const text = ctx.textOf(span) || `${negate ? "-" : ""}${expr.text}${expr.unit ?? ""}`;
  if (!Number.isFinite(number)) {
    ctx.error("BTP3027", `the number \`${expr.text}\` is too large to work with`, span, {
      hint: "use an SI prefix instead (`1 MHz` rather than `1e999 Hz`)",
    });
    return invalid(span);
  }
  let value: QuantityValue;
  if (expr.unit === null) {
    value = { kind: "quantity", si: number, dimension: DIMENSIONLESS, isPercent: false, text, span, writtenAt: span, asWritten: { number, unit: "" } };
  } else {
    const unitText = expr.cRateDivisor !== undefined ? "C" : expr.unit;
    const resolved = resolveUnit(unitText, expr.unitSpan ?? expr.span);
    if (!resolved.ok) {
      ctx.report(resolved.diagnostic);
      return invalid(span);
    }
    const unit = resolved.unit;
    value = {
      kind: "quantity",
      si: toSI(number, unit),
      dimension: unit.dimension,
      isPercent: unit.isPercent,
      text,
      span,
      writtenAt: span,
      asWritten: { number, unit: expr.unit },
    };
  }
  if (!Number.isFinite(value.si)) {
    ctx.error("BTP3027", `\`${text}\` is too large to work with`, span, { hint: "check the number and its SI prefix" });
    return invalid(span);
  }
  ctx.noteLiteral(span, value);
  return value;
}

function nameRef(ctx: CheckContext, name: string, span: Span, scope: Scope): Value {
  const binding = scope.lookup(name);
  if (binding !== undefined) {
    ctx.symbols.reference(name, span, binding.definition);
    // The value keeps its own text, so `rate` prints back as "0.5C" in labels and derivations,
    // but is placed at the name, so that a misuse is reported where it happens.
    return { ...binding.value, span };
  }
  if (scope.isDeclaredLater(name)) {
    ctx.error("BTP2017", `\`${name}\` is used before it is declared`, span, {
      hint: `a param can only use params declared above it; move \`param ${name}\` up`,
    });
    return invalid(span);
  }
  let hint: string | undefined;
  if (ctx.sequenceNames.has(name)) hint = `\`${name}\` is a sequence; call it as a statement: \`${name}(…)\``;
  else if (ctx.cellNames.has(name)) hint = `\`${name}\` is a cell; choose it with \`use cell ${name}\``;
  else hint = didYouMean(name, scope.visibleNames()) ?? `declare it first, e.g. \`param ${name} = …\``;
  ctx.error("BTP2001", `unknown name \`${name}\``, span, { hint });
  return invalid(span);
}

function unary(ctx: CheckContext, expr: UnaryExpr, scope: Scope, depth: number, walk: Walk): Value {
  const operand = expr.operand;
  // A signed literal is one number: the sign must apply before a unit offset (°C).
  if (operand && operand.kind === "QuantityLiteral" && !operand.recovered) {
    return literal(ctx, operand, expr.operator === "-", expr.span);
  }
  const value = evaluateAt(ctx, operand, scope, depth + 1, walk);
  if (expr.operator === "+" || value.kind === "invalid") return value;
  if (value.kind === "ocv") {
    ctx.error("BTP3019", "`-ocv` has no meaning", expr.span, { hint: "write `ocv - 50 mV` for a voltage below the open circuit" });
    return invalid(expr.span);
  }
  if (value.kind === "list") {
    ctx.error("BTP3025", "a list cannot be negated", expr.span, { hint: "negate the values inside the list" });
    return invalid(expr.span);
  }
  return {
    ...value,
    si: value.si === null ? null : -value.si,
    text: ctx.textOf(expr.span),
    span: expr.span,
    writtenAt: expr.span,
    asWritten: value.asWritten ? { number: -value.asWritten.number, unit: value.asWritten.unit } : null,
  };
}

function binary(ctx: CheckContext, expr: BinaryExpr, scope: Scope, depth: number, walk: Walk): Value {
  const left = evaluateAt(ctx, expr.left, scope, depth + 1, walk);
  const right = evaluateAt(ctx, expr.right, scope, depth + 1, walk);
  if (left.kind === "invalid" || right.kind === "invalid") return invalid(expr.span);
  const text = ctx.textOf(expr.span);
  if (left.kind === "list" || right.kind === "list") {
    ctx.error("BTP3025", "arithmetic on a list is not supported", expr.span, {
      hint: "lists are for sweeps (`for rate in [0.5C, 1C] { … }`); compute each value on its own",
    });
    return invalid(expr.span);
  }
  if (left.kind === "ocv" || right.kind === "ocv") return ocvArithmetic(ctx, expr, left, right, text);

  const a = left;
  const b = right;
  switch (expr.operator) {
    case "+":
    case "-": {
      if (!sameDimension(a.dimension, b.dimension)) {
        ctx.error("BTP3010", `cannot ${expr.operator === "+" ? "add" : "subtract"} ${describeValue(b)} (\`${b.text}\`) ${expr.operator === "+" ? "to" : "from"} ${describeValue(a)} (\`${a.text}\`)`, expr.span, {
          hint: "both sides of `+` and `-` must be the same kind of quantity; check the units",
        });
        return invalid(expr.span);
      }
      const si = a.si === null || b.si === null ? null : expr.operator === "+" ? a.si + b.si : a.si - b.si;
      return finite(ctx, { ...a, si, isPercent: a.isPercent || b.isPercent, text, span: expr.span, writtenAt: expr.span, asWritten: null });
    }
    case "*": {
      const dimension = multiplyDimensions(a.dimension, b.dimension);
      const si = a.si === null || b.si === null ? null : a.si * b.si;
      return finite(ctx, { kind: "quantity", si, dimension, isPercent: isDimensionless(dimension) && (a.isPercent !== b.isPercent), text, span: expr.span, writtenAt: expr.span, asWritten: null });
    }
    case "/": {
      if (b.si === 0) {
        ctx.error("BTP3026", "division by zero", expr.right.span, { hint: "the value after `/` must not be zero" });
        return invalid(expr.span);
      }
      const dimension = divideDimensions(a.dimension, b.dimension);
      const si = a.si === null || b.si === null ? null : a.si / b.si;
      return finite(ctx, { kind: "quantity", si, dimension, isPercent: isDimensionless(dimension) && a.isPercent && !b.isPercent, text, span: expr.span, writtenAt: expr.span, asWritten: null });
    }
  }
  return invalid(expr.span);
}

/** Only `ocv + voltage`, `ocv - voltage` and `voltage + ocv` mean something. */
function ocvArithmetic(ctx: CheckContext, expr: BinaryExpr, left: Value, right: Value, text: string): Value {
  const voltage = KIND_DIMENSIONS.voltage;
  const offsetOf = (value: Value): number | null | undefined =>
    value.kind === "quantity" && sameDimension(value.dimension, voltage) ? value.si : undefined;
  if (left.kind === "ocv" && right.kind === "quantity" && (expr.operator === "+" || expr.operator === "-")) {
    const offset = offsetOf(right);
    if (offset !== undefined) {
      const total = left.offset === null || offset === null ? null : expr.operator === "+" ? left.offset + offset : left.offset - offset;
      return { kind: "ocv", offset: total, text, span: expr.span } satisfies OcvValue;
    }
  }
  if (right.kind === "ocv" && left.kind === "quantity" && expr.operator === "+") {
    const offset = offsetOf(left);
    if (offset !== undefined) {
      const total = right.offset === null || offset === null ? null : right.offset + offset;
      return { kind: "ocv", offset: total, text, span: expr.span } satisfies OcvValue;
    }
  }
  ctx.error("BTP3019", `\`${text}\` is not a voltage relative to open circuit`, expr.span, {
    hint: "only `ocv + <voltage>` and `ocv - <voltage>` are allowed, e.g. `ocv + 50 mV`",
  });
  return invalid(expr.span);
}

function finite(ctx: CheckContext, value: QuantityValue): Value {
  if (value.si !== null && !Number.isFinite(value.si)) {
    ctx.error("BTP3027", `\`${value.text}\` gives a number too large to work with`, value.span, {
      hint: "check the numbers and their SI prefixes",
    });
    return invalid(value.span);
  }
  return value;
}
