// Printing numbers for people. Floating point arithmetic leaves residue (117.6 * 3.6 is
// 423.35999999999996 in binary); a battery researcher must see 423.36. Every number btp prints
// goes through formatNumber.

/** Magnitudes in [SMALLEST_PLAIN, LARGEST_PLAIN] print as plain decimals; outside, as `1.5e-9`. */
const SMALLEST_PLAIN = 1e-6;
const LARGEST_PLAIN = 1e15;

/**
 * Decimal text for `x`, rounded to `significantDigits` (1 to 15; default 12, which is far finer
 * than any instrument and still hides binary residue). No trailing zeros, `-0` prints as `0`,
 * and no exponent between 1e-6 and 1e15.
 */
export function formatNumber(x: number, significantDigits = 12): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  const digits = Math.min(15, Math.max(1, Math.round(Number.isFinite(significantDigits) ? significantDigits : 12)));
  // toPrecision rounds in decimal; reading it back gives the double nearest that short decimal,
  // whose shortest round-trip text (String) is the short decimal itself.
  const rounded = Number(x.toPrecision(digits));
  if (rounded === 0) return "0";
  const magnitude = Math.abs(rounded);
  if (magnitude >= SMALLEST_PLAIN && magnitude <= LARGEST_PLAIN) return plainDecimal(rounded);
  return rounded.toExponential().replace("e+", "e");
}

/** String() writes plain decimals for magnitudes from 1e-6 up to 1e21, which covers the plain
 * range; the exponent branch is a guard, not an expected path. */
function plainDecimal(x: number): string {
  const text = String(x);
  return text.includes("e") ? x.toExponential().replace("e+", "e") : text;
}
