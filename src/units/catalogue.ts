// The table of units btp understands. Everything else in src/units reads this table: the parser,
// the suggestions for misspellings, editor completion and docs/units.md (kept in step by a test).
//
// Two battery-lab conventions shape it:
// - `m` is the metre, never minutes (`min`), so that `mm`, `cm2` and `µm` mean what they say.
// - `C` is the C-rate (a multiple of the cell's 1C current), never the coulomb; a charge in
//   coulombs is written `As` or `A·s`.

import { dimension, DIMENSIONLESS } from "./dimension.js";
import type { Dimension } from "./dimension.js";

export interface BaseUnit {
  /** What the unit is called in messages and docs. */
  name: string;
  /** Every accepted spelling; the first is the one btp prints. */
  spellings: readonly string[];
  dimension: Dimension;
  /** The SI factor is mantissa × 10^powerOfTen; keeping powers of ten apart lets conversions
   * divide by exact powers of ten instead of multiplying by inexact 0.001. */
  mantissa: number;
  powerOfTen: number;
  /** Added after scaling: only the degree Celsius has one (0 °C = 273.15 K). */
  offset: number;
  /** Whether SI prefixes apply to the symbol spellings (never to the word spellings). */
  prefixable: boolean;
  isPercent: boolean;
}

/** Spellings that are whole words; prefixes never attach to them (`ksec` is not a unit). `ohm`
 * is the exception: `mOhm` and `kOhm` are what instrument software writes. */
const WORD_SPELLINGS = new Set(["sec", "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days"]);

function unit(
  name: string,
  spellings: string[],
  dim: Dimension,
  options: { mantissa?: number; powerOfTen?: number; offset?: number; prefixable?: boolean; isPercent?: boolean } = {},
): BaseUnit {
  return Object.freeze({
    name,
    spellings: Object.freeze(spellings),
    dimension: dim,
    mantissa: options.mantissa ?? 1,
    powerOfTen: options.powerOfTen ?? 0,
    offset: options.offset ?? 0,
    prefixable: options.prefixable ?? false,
    isPercent: options.isPercent ?? false,
  });
}

const CURRENT = dimension({ A: 1 });
const TIME = dimension({ s: 1 });
const CHARGE = dimension({ A: 1, s: 1 });
const POWER = dimension({ A: 1, V: 1 });
const ENERGY = dimension({ A: 1, V: 1, s: 1 });

export const BASE_UNITS: readonly BaseUnit[] = Object.freeze([
  unit("ampere", ["A"], CURRENT, { prefixable: true }),
  unit("volt", ["V"], dimension({ V: 1 }), { prefixable: true }),
  unit("second", ["s", "sec", "second", "seconds"], TIME, { prefixable: true }),
  unit("minute", ["min", "minute", "minutes"], TIME, { mantissa: 60 }),
  unit("hour", ["h", "hr", "hour", "hours"], TIME, { mantissa: 3600 }),
  unit("day", ["d", "day", "days"], TIME, { mantissa: 86400 }),
  unit("ampere-hour", ["Ah"], CHARGE, { mantissa: 3600, prefixable: true }),
  unit("ampere-second (coulomb)", ["As"], CHARGE, { prefixable: true }),
  unit("watt", ["W"], POWER, { prefixable: true }),
  unit("watt-hour", ["Wh"], ENERGY, { mantissa: 3600, prefixable: true }),
  unit("joule", ["J"], ENERGY, { prefixable: true }),
  // U+03A9 GREEK CAPITAL LETTER OMEGA and U+2126 OHM SIGN look identical; accept both.
  unit("ohm", ["Ω", "\u2126", "ohm", "Ohm"], dimension({ V: 1, A: -1 }), { prefixable: true }),
  unit("siemens", ["S"], dimension({ A: 1, V: -1 }), { prefixable: true }),
  unit("hertz", ["Hz"], dimension({ s: -1 }), { prefixable: true }),
  unit("kelvin", ["K"], dimension({ K: 1 }), { prefixable: true }),
  unit("degree Celsius", ["°C", "degC", "℃"], dimension({ K: 1 }), { offset: 273.15 }),
  unit("C-rate", ["C"], dimension({ C: 1 })),
  unit("metre", ["m"], dimension({ m: 1 }), { prefixable: true }),
  unit("gram", ["g"], dimension({ kg: 1 }), { powerOfTen: -3, prefixable: true }),
  unit("percent", ["%"], DIMENSIONLESS, { powerOfTen: -2, isPercent: true }),
]);

export interface Prefix {
  spelling: string;
  powerOfTen: number;
}

/** SI prefixes. `u`, `µ` (U+00B5 MICRO SIGN) and `μ` (U+03BC GREEK SMALL LETTER MU) are all micro. */
export const PREFIXES: readonly Prefix[] = Object.freeze([
  { spelling: "p", powerOfTen: -12 },
  { spelling: "n", powerOfTen: -9 },
  { spelling: "u", powerOfTen: -6 },
  { spelling: "µ", powerOfTen: -6 },
  { spelling: "μ", powerOfTen: -6 },
  { spelling: "m", powerOfTen: -3 },
  { spelling: "c", powerOfTen: -2 },
  { spelling: "k", powerOfTen: 3 },
  { spelling: "M", powerOfTen: 6 },
  { spelling: "G", powerOfTen: 9 },
]);

/** Centi is only idiomatic on the metre (cm, cm², mA/cm²); `cA` or `cV` would be typos. */
export function prefixApplies(prefix: Prefix, base: BaseUnit, spelling: string): boolean {
  if (!base.prefixable || WORD_SPELLINGS.has(spelling)) return false;
  return prefix.spelling !== "c" || base.name === "metre";
}

/** Spelling → base unit, for exact lookups. */
export const UNIT_BY_SPELLING: ReadonlyMap<string, BaseUnit> = new Map(
  BASE_UNITS.flatMap((base) => base.spellings.map((spelling) => [spelling, base] as const)),
);

/** Common ways of writing a unit that btp does not accept, with the spelling to use instead.
 * Keys are lower case with single spaces; edit distance alone would miss these (`volts` is far
 * from `V`, and `hrs` is nearer `hr` than the `h` a lab would write). */
export const MISSPELLINGS: ReadonlyMap<string, string> = new Map([
  ...words(["volt", "volts"], "V"),
  ...words(["millivolt", "millivolts"], "mV"),
  ...words(["amp", "amps", "ampere", "amperes"], "A"),
  ...words(["milliamp", "milliamps", "milliampere", "milliamperes"], "mA"),
  ...words(["hrs"], "h"),
  ...words(["mn", "mins"], "min"),
  ...words(["secs"], "s"),
  ...words(["watt", "watts"], "W"),
  ...words(["hertz"], "Hz"),
  ...words(["kelvin", "kelvins", "°k"], "K"),
  ...words(["celsius", "degrees c", "degree c", "deg c", "° c", "oc", "ºc", "˚c", "c°", "°"], "°C"),
  ...words(["gram", "grams"], "g"),
  ...words(["milligram", "milligrams"], "mg"),
  ...words(["meter", "meters", "metre", "metres"], "m"),
  ...words(["coulomb", "coulombs"], "A·s"),
  ...words(["c-rate", "crate"], "C"),
  ...words(["percent", "pct"], "%"),
]);

function words(spellings: string[], suggestion: string): [string, string][] {
  return spellings.map((spelling) => [spelling, suggestion]);
}
