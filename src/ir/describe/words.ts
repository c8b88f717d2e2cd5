// Small pieces of English and of paper typography shared by the step descriptions, the step
// table, the summary and the methods paragraph.

import { formatNumber } from "../../units/format.js";
import { formatQuantity } from "../../units/display.js";
import type { QuantityKind } from "../../units/kinds.js";

const SMALL_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** Whole numbers with thousands separators: 10000 → "10,000". Non-integers keep their decimals. */
export function groupDigits(n: number): string {
  const text = formatNumber(n);
  if (text.includes("e")) return text;
  const [whole, fraction] = text.split(".");
  const sign = whole!.startsWith("-") ? "-" : "";
  const digits = sign ? whole!.slice(1) : whole!;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + grouped + (fraction !== undefined ? `.${fraction}` : "");
}

/** Counts the way a methods section writes them: "five", "1,000". */
export function countInWords(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < SMALL_NUMBERS.length ? SMALL_NUMBERS[n]! : groupDigits(n);
}

/** "five cycles", "one cycle", "1,000 cycles". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${countInWords(n)} ${n === 1 ? singular : plural}`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 60 → "60th". */
export function ordinal(n: number): string {
  const lastTwo = Math.abs(n) % 100;
  const last = Math.abs(n) % 10;
  const suffix =
    lastTwo >= 11 && lastTwo <= 13 ? "th" : last === 1 ? "st" : last === 2 ? "nd" : last === 3 ? "rd" : "th";
  return `${groupDigits(n)}${suffix}`;
}

/** ["a"] → "a"; ["a", "b"] → "a and b"; ["a", "b", "c"] → "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Units as journals typeset them: "mV/s" → "mV s⁻¹", "mA/cm²" → "mA cm⁻²", "mA/g" → "mA g⁻¹". */
export function paperUnit(unit: string): string {
  return unit.replace(/\/(cm|m)(²|2|\^2)/g, " $1⁻²").replace(/\/(s|g|kg|h)\b/g, " $1⁻¹");
}

/** A quantity in paper style, with a true minus sign: "−20 °C", "0.1 mV s⁻¹". */
export function paperQuantity(si: number, kind: QuantityKind): string {
  return withMinusSign(paperUnit(formatQuantity(si, kind)));
}

export function withMinusSign(text: string): string {
  return text.replace(/^-(?=\d)/, "−").replace(/(\s)-(?=\d)/g, "$1−");
}

/** An article for a noun phrase: "a LAND CT3002AU", "an Arbin BT2000". */
export function withArticle(phrase: string): string {
  return /^[aeiou]/i.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

/** Capitalise the first letter of a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return "";
  const capital = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
const YEAR = 365.25 * DAY;

/** A short duration for table cells and summaries: "45 s", "16.5 min", "2 h", "3.4 d". Three
 * significant digits at most: estimates are not more precise than that. */
export function compactDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "∞";
  const s = Math.max(0, seconds);
  if (s < MINUTE) return `${formatNumber(s, s < 1 ? 2 : 3)} s`;
  if (s < HOUR) return `${formatNumber(s / MINUTE, 3)} min`;
  if (s < 2 * DAY) return `${formatNumber(s / HOUR, 3)} h`;
  return `${formatNumber(s / DAY, 3)} d`;
}

/** A duration in words for a summary: "about 42 days", "2.5 hours", "1.6 years". */
export function durationInWords(seconds: number): string {
  const { value, unit } = durationParts(seconds);
  return `${value} ${value === "1" ? unit : `${unit}s`}`;
}

/** "35–50 days" when both ends share a unit, "2 hours – 50 days" otherwise. */
export function durationRangeInWords(min: number, max: number): string {
  const low = durationParts(min);
  const high = durationParts(max);
  if (low.unit === high.unit) return `${low.value}–${high.value} ${high.unit}s`;
  return `${durationInWords(min)} – ${durationInWords(max)}`;
}

function durationParts(seconds: number): { value: string; unit: string } {
  if (!Number.isFinite(seconds)) return { value: "unbounded", unit: "" };
  const s = Math.max(0, seconds);
  const [value, unit] =
    s < MINUTE
      ? [s, "second"]
      : s < HOUR
        ? [s / MINUTE, "minute"]
        : s < 2 * DAY
          ? [s / HOUR, "hour"]
          : s < 2 * YEAR
            ? [s / DAY, "day"]
            : [s / YEAR, "year"];
  // Two significant digits below 100 ("42 days", "2.5 hours"); whole numbers above.
  const shown = value >= 100 ? Math.round(value) : Number(formatNumber(value, 2));
  return { value: groupDigits(shown), unit };
}
