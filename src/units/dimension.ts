// Physical dimensions as exponent vectors. The bases are the ones a battery lab thinks in:
// volts stay volts (not kg·m²·s⁻³·A⁻¹), so that `V/s` reads as a scan rate and `A·V` as a power.
// "C" is a pseudo-base for the C-rate: a multiple of the cell's 1C current, which only a declared
// cell can turn into amperes, so it must never silently mix with A.

export type BaseDimension = "A" | "V" | "s" | "kg" | "m" | "K" | "C";

export type Dimension = Readonly<Record<BaseDimension, number>>;

/** The bases in the order descriptions print them. */
export const BASE_DIMENSIONS: readonly BaseDimension[] = ["A", "V", "s", "kg", "m", "K", "C"];

/** A frozen dimension from the exponents given; missing bases are 0. */
export function dimension(exponents: Partial<Record<BaseDimension, number>> = {}): Dimension {
  const d = { A: 0, V: 0, s: 0, kg: 0, m: 0, K: 0, C: 0 };
  for (const base of BASE_DIMENSIONS) d[base] = exponents[base] ?? 0;
  return Object.freeze(d);
}

export const DIMENSIONLESS: Dimension = dimension();

export function sameDimension(a: Dimension, b: Dimension): boolean {
  return BASE_DIMENSIONS.every((base) => a[base] === b[base]);
}

export function isDimensionless(d: Dimension): boolean {
  return sameDimension(d, DIMENSIONLESS);
}

export function multiplyDimensions(a: Dimension, b: Dimension): Dimension {
  return combine(a, b, 1);
}

export function divideDimensions(a: Dimension, b: Dimension): Dimension {
  return combine(a, b, -1);
}

/** `d` raised to a whole power, as in `cm²` or `s⁻¹`. */
export function powerOfDimension(d: Dimension, exponent: number): Dimension {
  const result: Partial<Record<BaseDimension, number>> = {};
  // `|| 0` turns the -0 of 0 * -1 into 0 so that printed vectors stay clean.
  for (const base of BASE_DIMENSIONS) result[base] = d[base] * exponent || 0;
  return dimension(result);
}

function combine(a: Dimension, b: Dimension, sign: 1 | -1): Dimension {
  const result: Partial<Record<BaseDimension, number>> = {};
  for (const base of BASE_DIMENSIONS) result[base] = a[base] + sign * b[base] || 0;
  return dimension(result);
}
