// The named kinds of quantity that protocols talk about, each tied to one dimension. Parameter
// types (`param j: current density`), error messages and display units all use these names.

import { BASE_DIMENSIONS, DIMENSIONLESS, dimension, isDimensionless, sameDimension } from "./dimension.js";
import type { BaseDimension, Dimension } from "./dimension.js";

export type QuantityKind =
  | "count"
  | "percent"
  | "current"
  | "c-rate"
  | "current density"
  | "specific current"
  | "voltage"
  | "time"
  | "capacity"
  | "specific capacity"
  | "areal capacity"
  | "energy"
  | "power"
  | "resistance"
  | "temperature"
  | "frequency"
  | "scan rate"
  | "length"
  | "area"
  | "mass"
  | "loading"
  | "conductivity";

/** Count and percent are both dimensionless: a percent is a count scaled by 0.01, and the unit
 * (`Unit.isPercent`) is what tells them apart. Capacity is charge (A·s); energy is A·V·s. */
export const KIND_DIMENSIONS: Readonly<Record<QuantityKind, Dimension>> = Object.freeze({
  count: DIMENSIONLESS,
  percent: DIMENSIONLESS,
  current: dimension({ A: 1 }),
  "c-rate": dimension({ C: 1 }),
  "current density": dimension({ A: 1, m: -2 }),
  "specific current": dimension({ A: 1, kg: -1 }),
  voltage: dimension({ V: 1 }),
  time: dimension({ s: 1 }),
  capacity: dimension({ A: 1, s: 1 }),
  "specific capacity": dimension({ A: 1, s: 1, kg: -1 }),
  "areal capacity": dimension({ A: 1, s: 1, m: -2 }),
  energy: dimension({ A: 1, V: 1, s: 1 }),
  power: dimension({ A: 1, V: 1 }),
  resistance: dimension({ V: 1, A: -1 }),
  temperature: dimension({ K: 1 }),
  frequency: dimension({ s: -1 }),
  "scan rate": dimension({ V: 1, s: -1 }),
  length: dimension({ m: 1 }),
  area: dimension({ m: 2 }),
  mass: dimension({ kg: 1 }),
  loading: dimension({ kg: 1, m: -2 }),
  conductivity: dimension({ A: 1, V: -1, m: -1 }),
});

export const QUANTITY_KINDS: readonly QuantityKind[] = Object.keys(KIND_DIMENSIONS) as QuantityKind[];

/** The named kind of a dimension, or null. A dimensionless value is a "count" (whether it was
 * written with `%` is a property of the unit, not of the dimension). */
export function kindOf(d: Dimension): QuantityKind | null {
  if (isDimensionless(d)) return "count";
  for (const kind of QUANTITY_KINDS) if (sameDimension(KIND_DIMENSIONS[kind], d)) return kind;
  return null;
}

/** A name for messages: the kind ("current density") when there is one, otherwise the dimension
 * in base units ("A·V/s", "A/s²"). The C-rate pseudo-base prints as "C-rate" so that it is never
 * read as coulombs. */
export function describeDimension(d: Dimension): string {
  const kind = kindOf(d);
  if (kind !== null) return kind;
  const numerator: string[] = [];
  const denominator: string[] = [];
  for (const base of BASE_DIMENSIONS) {
    const exponent = d[base];
    if (exponent > 0) numerator.push(baseWithPower(base, exponent));
    if (exponent < 0) denominator.push(baseWithPower(base, -exponent));
  }
  const top = numerator.length > 0 ? numerator.join("·") : "1";
  return denominator.length > 0 ? `${top}/${denominator.join("·")}` : top;
}

const SUPERSCRIPT_DIGITS = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];

function baseWithPower(base: BaseDimension, exponent: number): string {
  const name = base === "C" ? "C-rate" : base;
  if (exponent === 1) return name;
  if (Number.isInteger(exponent) && exponent > 0) {
    return name + [...String(exponent)].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join("");
  }
  return `${name}^${exponent}`;
}
