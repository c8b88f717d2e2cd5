// Everything that is particular to EC-Lab / BT-Lab settings files, in one place: encoding and
// line ends, the 20-character columns, how numbers, durations and units are written, the sign
// of currents, how loops count, and which current and voltage ranges to ask for. The writer and
// the importer both read from here, so a convention is changed once.
//
// Sources: the two real BT-Lab files and the EC-Lab logs and exports in
// /work/shared/vendor-samples/biologic/, and research/potentiostat-and-data-formats.md §1.

import type { LineEnding, TextEncoding } from "../common/text.js";

// ---------------------------------------------------------------------------------------------
// Bytes

/** EC-Lab reads Windows-1252; a UTF-8 "µ" has been read as "m" (milli). */
export const ENCODING: TextEncoding = "cp1252";
export const LINE_ENDING: LineEnding = "\r\n";
/** Row names and every value cell are left-justified in 20 characters, trailing spaces kept. */
export const COLUMN_WIDTH = 20;
/** The first line of a file EC-Lab writes; BT-Lab (the BCS cyclers' software) writes its own. */
export const FIRST_LINE = "EC-LAB SETTING FILE";
export const ACCEPTED_FIRST_LINES: readonly string[] = ["EC-LAB SETTING FILE", "BT-LAB SETTING FILE"];

// ---------------------------------------------------------------------------------------------
// Numbers

/** Settings are written with a decimal point and 3 decimals ("0.150"); `N` of a C-rate has 2. */
export const DECIMALS = 3;
export const N_DECIMALS = 2;

export function fixed(x: number, decimals = DECIMALS): string {
  const text = (Math.abs(x) < 0.5 * 10 ** -decimals ? 0 : x).toFixed(decimals);
  return text === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : text;
}

/** Whether `x` survives being written with `decimals` decimals. */
export function exactAt(x: number, decimals = DECIMALS): boolean {
  return Math.abs(Number(x.toFixed(decimals)) - x) <= 1e-9 * Math.max(1, Math.abs(x));
}

/** Files saved on a PC with a comma locale write "0,241"; the importer accepts both. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim().replace(",", ".");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** Durations in "(h:m:s)" rows: hours unpadded, minutes two digits, seconds unpadded with four
 * decimals, as EC-Lab writes them: 0:00:10.0000, 6:00:0.0000. */
export function hms(seconds: number): string {
  const tenths = Math.round(Math.max(0, seconds) * 10_000);
  const hours = Math.floor(tenths / 36_000_000);
  const minutes = Math.floor((tenths % 36_000_000) / 600_000);
  const rest = (tenths % 600_000) / 10_000;
  return `${hours}:${String(minutes).padStart(2, "0")}:${rest.toFixed(4)}`;
}

/** "1:30:0.0000" → 5400 (also "1:30:0,0000"); null when it is not a duration. */
export function parseHms(text: string): number | null {
  const match = /^(\d+):(\d{1,2}):(\d+(?:[.,]\d*)?)$/.exec(text.trim());
  if (!match) return null;
  const seconds = parseDecimal(match[3]!);
  if (seconds === null) return null;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + seconds;
}

// ---------------------------------------------------------------------------------------------
// Units. Each ladder runs from the largest unit to the smallest; a value is written in the
// largest unit in which it is at least 1 and still exact with 3 decimals (0.147 mA is written
// "147.000 uA"). Micro is "u" in value units: "µA" written as UTF-8 has been read as mA.

export interface UnitStep {
  unit: string;
  /** SI value of one unit. */
  factor: number;
}

export const CURRENT_UNITS: readonly UnitStep[] = [
  { unit: "A", factor: 1 },
  { unit: "mA", factor: 1e-3 },
  { unit: "uA", factor: 1e-6 },
  { unit: "nA", factor: 1e-9 },
];
export const VOLTAGE_UNITS: readonly UnitStep[] = [
  { unit: "V", factor: 1 },
  { unit: "mV", factor: 1e-3 },
];
/** Modulo Bat writes minutes as "mn", never "min". */
export const TIME_UNITS: readonly UnitStep[] = [
  { unit: "h", factor: 3600 },
  { unit: "mn", factor: 60 },
  { unit: "s", factor: 1 },
];
/** Charge in ampere-hours, coulombs × 1/3600. */
export const CHARGE_UNITS: readonly UnitStep[] = [
  { unit: "A.h", factor: 3600 },
  { unit: "mA.h", factor: 3.6 },
  { unit: "uA.h", factor: 3.6e-3 },
];
export const FREQUENCY_UNITS: readonly UnitStep[] = [
  { unit: "MHz", factor: 1e6 },
  { unit: "kHz", factor: 1e3 },
  { unit: "Hz", factor: 1 },
  { unit: "mHz", factor: 1e-3 },
];

/** Units the importer understands beyond the ones btp writes (µ spelled either way, days,
 * milliseconds, BT-Lab's "Ohm"). */
const EXTRA_UNITS: Readonly<Record<string, UnitStep[]>> = {
  current: [
    { unit: "µA", factor: 1e-6 },
    { unit: "pA", factor: 1e-12 },
  ],
  voltage: [{ unit: "uV", factor: 1e-6 }, { unit: "µV", factor: 1e-6 }],
  time: [
    { unit: "d", factor: 86400 },
    { unit: "ms", factor: 1e-3 },
  ],
  charge: [
    { unit: "µA.h", factor: 3.6e-3 },
    { unit: "nA.h", factor: 3.6e-6 },
  ],
  frequency: [{ unit: "uHz", factor: 1e-6 }, { unit: "µHz", factor: 1e-6 }],
};

export type UnitFamily = "current" | "voltage" | "time" | "charge" | "frequency";

const FAMILIES: Readonly<Record<UnitFamily, readonly UnitStep[]>> = {
  current: CURRENT_UNITS,
  voltage: VOLTAGE_UNITS,
  time: TIME_UNITS,
  charge: CHARGE_UNITS,
  frequency: FREQUENCY_UNITS,
};

export interface ValueInUnit {
  value: string;
  unit: string;
}

/** `si` (a magnitude or signed value) as EC-Lab writes it: 3 decimals in a readable unit. */
export function inUnit(si: number, family: UnitFamily): ValueInUnit {
  const ladder = FAMILIES[family];
  const magnitude = Math.abs(si);
  for (const step of ladder) {
    const value = si / step.factor;
    if (magnitude / step.factor >= 1 - 1e-12 && exactAt(value)) return { value: fixed(value), unit: step.unit };
  }
  // Zero, or a value no unit holds exactly: the smallest unit loses the least.
  const smallest = magnitude === 0 ? ladder.find((s) => s.factor === 1) ?? ladder[0]! : ladder[ladder.length - 1]!;
  return { value: fixed(si / smallest.factor), unit: smallest.unit };
}

/** The SI factor of a unit as written in a file, or null when the unit is not one of its family. */
export function unitFactor(unit: string, family: UnitFamily): number | null {
  const wanted = unit.trim();
  const found = [...FAMILIES[family], ...(EXTRA_UNITS[family] ?? [])].find((s) => s.unit === wanted);
  return found ? found.factor : null;
}

// ---------------------------------------------------------------------------------------------
// Sign of currents. EC-Lab and BT-Lab, in the files they save, write the magnitude and say the
// direction in the `charge/discharge` row ("Charge" = positive current, oxidation at the working
// electrode, which is the positive electrode of a cell). Some generators write a signed value
// with "Charge"; the importer reads a negative value as the opposite of the word.

export type Direction = "charge" | "discharge";

export function directionWord(direction: Direction): string {
  return direction === "charge" ? "Charge" : "Discharge";
}

export function directionFrom(word: string, signedValue: number): Direction | null {
  const base = word.trim() === "Charge" ? "charge" : word.trim() === "Discharge" ? "discharge" : null;
  if (base === null) return null;
  if (signedValue >= 0) return base;
  return base === "charge" ? "discharge" : "charge";
}

/** A charge stops when the voltage rises above its cut-off, a discharge when it falls below. */
export function cutoffComparison(direction: Direction): "<" | ">" {
  return direction === "charge" ? ">" : "<";
}

// ---------------------------------------------------------------------------------------------
// Loops. A Modulo Bat `Loop` sequence jumps back to `ctrl_seq`; `ctrl_repeat` counts the jumps,
// so a loop of 3 passes has ctrl_repeat = 2. The `Loop` technique (`goto Ne`, `nt times`) is
// read the same way. Sequences are numbered from 0 (`Ns`), techniques from 1.

export function repeatsForPasses(passes: number): number {
  return passes - 1;
}

export function passesForRepeats(repeats: number): number {
  return repeats + 1;
}

export const FIRST_SEQUENCE = 0;
export const FIRST_TECHNIQUE = 1;
/** The `lim*_seq` written with the action "Stop" (any number past the last sequence works). */
export const STOP_SEQUENCE = 9999;

/** The largest loop count the importer accepts; EC-Lab's own limit is not documented. */
export const MAX_REPEATS = 1_000_000_000;

// ---------------------------------------------------------------------------------------------
// Ranges. A constant current needs a fixed range at least as large as the current; EC-Lab
// cannot switch range between a CC and the CV that follows it, so the CV keeps the CC's range.
// Impedance in current control needs a range at least twice the amplitude. Labels keep "µ" (byte
// 0xB5): that is how EC-Lab spells them.

export const CURRENT_RANGES: readonly { label: string; amperes: number }[] = [
  { label: "10 µA", amperes: 1e-5 },
  { label: "100 µA", amperes: 1e-4 },
  { label: "1 mA", amperes: 1e-3 },
  { label: "10 mA", amperes: 1e-2 },
  { label: "100 mA", amperes: 0.1 },
  { label: "1 A", amperes: 1 },
  { label: "10 A", amperes: 10 },
];
export const AUTO_RANGE = "Auto";
export const LARGEST_CURRENT = CURRENT_RANGES[CURRENT_RANGES.length - 1]!.amperes;

/** The smallest range that holds `amperes`, or null above the largest. */
export function currentRangeFor(amperes: number): string | null {
  const range = CURRENT_RANGES.find((r) => amperes <= r.amperes * (1 + 1e-9));
  return range ? range.label : null;
}

/** Potential control ranges (V) offered by EC-Lab channels; the file asks for the smallest that
 * holds every voltage of the protocol. */
export const POTENTIAL_RANGES: readonly { min: number; max: number }[] = [
  { min: 0, max: 5 },
  { min: -5, max: 5 },
  { min: 0, max: 10 },
  { min: -10, max: 10 },
];

export function potentialRangeFor(lowest: number, highest: number): { min: number; max: number } | null {
  return POTENTIAL_RANGES.find((r) => lowest >= r.min - 1e-9 && highest <= r.max + 1e-9) ?? null;
}

/** Fixed settings btp does not derive from the protocol. */
export const DEFAULTS = {
  bandwidth: "5",
  /** PEIS/GEIS: measures per frequency, and the share of a period to wait before measuring. */
  measuresPerFrequency: "2",
  waitPeriods: "0.10",
  /** The Open Circuit Voltage technique must record at some interval; when the protocol gives
   * no recording rule, every 10 s (EC-Lab's own default). */
  openCircuitRecordSeconds: 10,
  /** Safety limits act after the condition has held this long. */
  safetyDelay: "for t > 10 ms",
  /** LSV: the share of each potential step averaged, and the number of points averaged. */
  stepPercent: "50",
  averagedPoints: "10",
} as const;
