// Reading unit text such as `mA/cm2`, `mAh·g⁻¹`, `°C` or `A.h` into a Unit.
//
// A unit is one or more factors joined by `·`, `⋅`, `*` or `.`, with at most one `/`: every
// factor after the `/` divides (`W/m·K` is watts per metre-kelvin). A factor is a symbol, maybe
// with an SI prefix, then maybe a whole exponent written `2`, `^2`, `²`, `-2`, `^-2` or `⁻²`.
// Spaces are not allowed inside a unit: in `mA cm-2` the parser could not tell where a unit ends.

import { PREFIXES, UNIT_BY_SPELLING, prefixApplies } from "./catalogue.js";
import type { BaseUnit } from "./catalogue.js";
import { DIMENSIONLESS, multiplyDimensions, powerOfDimension } from "./dimension.js";
import type { Dimension } from "./dimension.js";
import { suggestSymbol } from "./suggest.js";
import { scaleByPowerOfTen } from "./unit.js";
import type { Unit } from "./unit.js";

/** BTP3001: unknown or malformed unit; BTP3002: °C inside a compound unit. */
export type UnitProblemCode = "BTP3001" | "BTP3002";

export type UnitParseResult =
  { ok: true; unit: Unit } | { ok: false; code: UnitProblemCode; message: string; suggestion?: string };

/** Longer text cannot be a unit; refusing it early keeps edit distances cheap. */
const MAX_UNIT_LENGTH = 40;
/** No physical unit needs more; it also keeps 10^(3·exponent) within double range. */
const MAX_EXPONENT = 9;
/** Parsed units are cached; the cache is emptied when it reaches this size so that a file full of
 * distinct garbage cannot grow memory without bound. */
const CACHE_LIMIT = 4096;

const cache = new Map<string, UnitParseResult>();

/** Parse unit text. Never throws; results are cached and frozen. */
export function parseUnit(text: string): UnitParseResult {
  const cached = cache.get(text);
  if (cached) return cached;
  const result = Object.freeze(parseUncached(text));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

const SEPARATORS = new Set(["/", "·", "⋅", "*", "."]);
const SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** Characters that end a symbol and start its exponent. */
const EXPONENT_START = /[0-9⁰¹²³⁴⁵⁶⁷⁸⁹^+\-⁺⁻]/u;
const EXPONENT = /^\^?([-+⁻⁺]?)([0-9]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/u;

interface FactorText {
  text: string;
  /** Offset of the factor in the whole unit text, to splice a suggestion back in. */
  start: number;
  dividing: boolean;
}

interface ReadFactor {
  symbol: string;
  start: number;
  base: BaseUnit | null; // null for the `1` of `1/s`
  prefixPower: number;
  exponent: number;
}

type Failure = Extract<UnitParseResult, { ok: false }>;

function fail(message: string, suggestion?: string, code: UnitProblemCode = "BTP3001"): Failure {
  return suggestion === undefined ? { ok: false, code, message } : { ok: false, code, message, suggestion };
}

function parseUncached(text: string): UnitParseResult {
  if (typeof text !== "string" || text.length === 0) return fail("a unit is missing");
  if (text.length > MAX_UNIT_LENGTH) return fail(`\`${text.slice(0, 20)}…\` is too long to be a unit`);
  if (/\s/u.test(text)) return spacesInside(text);

  const split = splitFactors(text);
  if ("ok" in split) return split;

  const factors: ReadFactor[] = [];
  for (const [index, factor] of split.entries()) {
    const read = readFactor(factor, index === 0 && split.length > 1 && split[1]!.dividing);
    if ("ok" in read) return withContext(read, factor, text, split.length > 1);
    factors.push(read);
  }
  return combine(text, factors);
}

function spacesInside(text: string): Failure {
  const message = `a unit cannot contain spaces: \`${text}\``;
  const known = suggestSymbol(text);
  if (known !== undefined) return fail(message, known);
  const joined = text.trim().split(/\s+/u).join("·");
  const rejoined = joined === text ? undefined : parseUnit(joined);
  return fail(message, rejoined?.ok ? joined : undefined);
}

function splitFactors(text: string): FactorText[] | Failure {
  const factors: FactorText[] = [];
  let start = 0;
  let dividing = false;
  let slashes = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i < text.length && !SEPARATORS.has(ch!)) continue;
    if (i === start) return fail(`\`${text}\` has a separator without a unit on both sides`);
    factors.push({ text: text.slice(start, i), start, dividing });
    if (ch === "/") {
      slashes++;
      if (slashes > 1) {
        return fail(
          `\`${text}\` has more than one \`/\`; everything after the first \`/\` already divides (write \`mAh/g·h\`, not \`mAh/g/h\`)`,
        );
      }
      dividing = true;
    }
    start = i + 1;
  }
  return factors;
}

function readFactor(factor: FactorText, mayBeOne: boolean): ReadFactor | Failure {
  if (mayBeOne && factor.text === "1")
    return { symbol: "1", start: factor.start, base: null, prefixPower: 0, exponent: 1 };
  const exponentAt = factor.text.search(EXPONENT_START);
  const symbol = exponentAt === -1 ? factor.text : factor.text.slice(0, exponentAt);
  const exponentText = exponentAt === -1 ? "" : factor.text.slice(exponentAt);
  if (symbol.length === 0) return fail(`\`${factor.text}\` is not a unit`);

  const exponent = readExponent(exponentText, factor.text);
  if (typeof exponent !== "number") return exponent;

  const found = lookUpSymbol(symbol);
  if ("ok" in found) return found;
  return {
    symbol,
    start: factor.start,
    base: found.base,
    prefixPower: found.prefixPower,
    exponent: factor.dividing ? -exponent : exponent,
  };
}

function readExponent(exponentText: string, factorText: string): number | Failure {
  if (exponentText === "") return 1;
  const match = EXPONENT.exec(exponentText);
  if (!match) {
    return fail(
      `cannot read the exponent in \`${factorText}\`; write it as \`cm2\`, \`cm^2\`, \`cm²\`, \`cm-2\` or \`cm⁻²\``,
    );
  }
  const digits = [...match[2]!]
    .map((d) => (SUPERSCRIPT_DIGITS.includes(d) ? SUPERSCRIPT_DIGITS.indexOf(d) : Number(d)))
    .join("");
  const magnitude = Number(digits);
  if (magnitude === 0) return fail(`\`${factorText}\` has an exponent of 0; leave the unit out instead`);
  if (magnitude > MAX_EXPONENT) return fail(`the exponent in \`${factorText}\` is too large to be a unit`);
  return match[1] === "-" || match[1] === "⁻" ? -magnitude : magnitude;
}

function lookUpSymbol(symbol: string): { base: BaseUnit; prefixPower: number } | Failure {
  const exact = UNIT_BY_SPELLING.get(symbol);
  if (exact) return { base: exact, prefixPower: 0 };
  for (const prefix of PREFIXES) {
    if (!symbol.startsWith(prefix.spelling)) continue;
    const rest = symbol.slice(prefix.spelling.length);
    const base = UNIT_BY_SPELLING.get(rest);
    if (base && prefixApplies(prefix, base, rest)) return { base, prefixPower: prefix.powerOfTen };
    if (base?.name === "C-rate") {
      return fail(
        `\`C\` is the C-rate and takes no prefix; a charge in coulombs is written in ampere-seconds (\`${symbol}\` is \`${prefix.spelling}A·s\`)`,
        `${prefix.spelling}A·s`,
      );
    }
  }
  return fail(`unknown unit \`${symbol}\``, suggestSymbol(symbol));
}

/** Name the whole unit in the message and splice the suggested symbol back into it, keeping
 * the other factors and the exponent (`mAH/g` → `mAh/g`, `mAcm-2` → `mA·cm-2`). */
function withContext(problem: Failure, factor: FactorText, text: string, compound: boolean): Failure {
  const message =
    compound && problem.message.startsWith("unknown unit") ? `${problem.message} in \`${text}\`` : problem.message;
  if (problem.suggestion === undefined) return { ...problem, message };
  const symbolEnd =
    factor.start +
    (factor.text.search(EXPONENT_START) === -1 ? factor.text.length : factor.text.search(EXPONENT_START));
  const suggestion = text.slice(0, factor.start) + problem.suggestion + text.slice(symbolEnd);
  return { ...problem, message, suggestion };
}

function combine(text: string, factors: ReadFactor[]): UnitParseResult {
  const offsetFactor = factors.find((f) => f.base !== null && f.base.offset !== 0);
  if (offsetFactor && (factors.length > 1 || offsetFactor.exponent !== 1)) {
    const suggestion =
      text.slice(0, offsetFactor.start) + "K" + text.slice(offsetFactor.start + offsetFactor.symbol.length);
    return fail(
      `\`${offsetFactor.symbol}\` cannot be part of the compound unit \`${text}\`: it has an offset (0 °C is 273.15 K); a difference of 1 °C is 1 K`,
      suggestion,
      "BTP3002",
    );
  }
  if (factors.some((f) => f.base?.isPercent && (factors.length > 1 || f.exponent !== 1))) {
    return fail(`\`%\` stands alone: it cannot be combined with other units or raised to a power (\`${text}\`)`);
  }

  let dim: Dimension = DIMENSIONLESS;
  let mantissa = 1;
  let powerOfTen = 0;
  for (const f of factors) {
    if (f.base === null) continue;
    dim = multiplyDimensions(dim, powerOfDimension(f.base.dimension, f.exponent));
    mantissa *= f.base.mantissa ** f.exponent;
    powerOfTen += (f.base.powerOfTen + f.prefixPower) * f.exponent;
  }
  const single = factors.length === 1 ? factors[0]!.base : null;
  const unit: Unit = Object.freeze({
    text,
    dimension: dim,
    factor: scaleByPowerOfTen(mantissa, powerOfTen),
    offset: single?.offset ?? 0,
    isPercent: single?.isPercent ?? false,
    scale: Object.freeze({ mantissa, powerOfTen }),
  });
  return { ok: true, unit };
}
