// A parsed unit and the conversions between it and SI. Values are stored in SI everywhere after
// checking (A, V, s, A·s for capacity, K, Hz, m, kg, ...; the C-rate stays a multiple of 1C).

import type { Dimension } from "./dimension.js";

export interface Unit {
  /** The unit exactly as written, e.g. `mA/cm2`. */
  readonly text: string;
  readonly dimension: Dimension;
  /** SI value = value × factor + offset. */
  readonly factor: number;
  /** Non-zero only for °C (273.15). */
  readonly offset: number;
  /** True for `%`: the value is a dimensionless fraction scaled by 0.01. */
  readonly isPercent: boolean;
  /** `factor` split as mantissa × 10^powerOfTen, when known, so that conversions by powers of ten
   * are exact divisions (0.147 mA → 0.000147 A, not 0.00014699999999999999). */
  readonly scale?: { readonly mantissa: number; readonly powerOfTen: number };
}

/** The value in SI units: `value × factor + offset`. */
export function toSI(value: number, unit: Unit): number {
  const scaled = unit.scale
    ? scaleByPowerOfTen(value * unit.scale.mantissa, unit.scale.powerOfTen)
    : value * unit.factor;
  return scaled + unit.offset;
}

/** The inverse of toSI: an SI value expressed in `unit`. */
export function fromSI(si: number, unit: Unit): number {
  const shifted = si - unit.offset;
  return unit.scale ? scaleByPowerOfTen(shifted / unit.scale.mantissa, -unit.scale.powerOfTen) : shifted / unit.factor;
}

/** x × 10^power. Powers of ten up to 10^22 are exact doubles, so dividing by one rounds once,
 * whereas multiplying by an inexact 10^-3 can round twice. */
export function scaleByPowerOfTen(x: number, power: number): number {
  if (power === 0) return x;
  return power > 0 ? x * 10 ** power : x / 10 ** -power;
}
