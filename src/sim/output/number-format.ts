// Fast, noise-free number text for the output files. A 10,000-cycle trace has a million rows, so
// formatting dominates the cost of writing it; these work on rounded integers (whose text V8
// produces quickly) and never print binary residue such as 0.30000000000000004: the value is
// rounded to a fixed number of decimals and trailing zeros are dropped.

const POWERS = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const ZEROS = "0000000000000000";

/** `x` rounded to `decimals` (0..15) places, without trailing zeros: 3.9 → "3.9", 0 → "0". */
export function fixed(x: number, decimals: number): string {
  const scaled = Math.round(x * POWERS[decimals]!);
  if (scaled === 0) return "0";
  if (!Number.isSafeInteger(scaled)) return String(Number(x.toPrecision(15)));
  const negative = scaled < 0;
  let digits = String(negative ? -scaled : scaled);
  let trailing = 0;
  while (trailing < decimals && digits.charCodeAt(digits.length - 1 - trailing) === 48) trailing++;
  const kept = decimals - trailing;
  if (digits.length <= decimals) digits = ZEROS.slice(0, decimals + 1 - digits.length) + digits;
  const point = digits.length - decimals;
  const text = kept > 0 ? `${digits.slice(0, point)}.${digits.slice(point, point + kept)}` : digits.slice(0, point);
  return negative ? `-${text}` : text;
}

/** `x` to `digits` significant digits (plain decimals down to 1e-15, then exponent form). */
export function significant(x: number, digits: number): string {
  if (x === 0) return "0";
  const exponent = Math.floor(Math.log10(Math.abs(x)));
  const decimals = digits - 1 - exponent;
  if (decimals < 0) return fixed(x, 0);
  if (decimals <= 15) return fixed(x, decimals);
  return Number(x.toPrecision(digits)).toExponential().replace("e+", "e");
}

/** A CSV field: quoted when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
