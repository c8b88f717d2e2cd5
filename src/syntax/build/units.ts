// "Every number has a unit (except counts)". Where the grammar already knows that a place takes a
// measured value (a set-point, a cut-off, a duration…), a bare number is a typo we can name
// precisely, with the unit that place usually takes. Names and expressions are left to the
// checker, which knows their dimensions.

import type { Expr } from "../ast.js";
import type { BuildContext } from "./context.js";

export type ValueSlot =
  | "setpoint"
  | "voltage"
  | "current"
  | "capacity"
  | "power"
  | "duration"
  | "temperature"
  | "frequency"
  | "amplitude"
  | "scan rate"
  | "record"
  | "condition";

const EXAMPLE_UNITS: Record<ValueSlot, (n: string) => string> = {
  setpoint: (n) => `\`${n}C\` or \`${n} mA\``,
  voltage: (n) => `\`${n} V\``,
  current: (n) => `\`${n} mA\``,
  capacity: (n) => `\`${n} mAh\``,
  power: (n) => `\`${n} mW\``,
  duration: (n) => `\`${n} h\``,
  temperature: (n) => `\`${n} °C\``,
  frequency: (n) => `\`${n} Hz\``,
  amplitude: (n) => `\`${n} mV\``,
  "scan rate": (n) => `\`${n} mV/s\``,
  record: (n) => `\`${n} s\``,
  condition: (n) => `\`${n} V\``,
};

/** Reports a bare number (`until 3.9`) where a measured value is required. */
export function requireUnit(ctx: BuildContext, expr: Expr, slot: ValueSlot): void {
  let literal = expr;
  let sign = "";
  while (literal.kind === "UnaryExpr") {
    sign += literal.operator === "-" ? "-" : "";
    literal = literal.operand;
  }
  if (literal.kind !== "QuantityLiteral" || literal.unit !== null || literal.recovered) return;
  const number = sign.length % 2 === 1 ? `-${literal.text}` : literal.text;
  ctx.error(
    "BTP1016",
    `expected a unit after ${number} (for example ${EXAMPLE_UNITS[slot](number)})`,
    expr.span,
    "every value needs a unit; only counts such as cycles are bare numbers",
  );
}
