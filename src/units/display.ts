// Choosing a readable unit for an SI value, the way a battery paper would write it: currents in
// mA or A, capacities in mAh, specific capacity in mAh/g, temperatures in °C, scan rates in mV/s.

import { requireUnit } from "./convert.js";
import { sameDimension } from "./dimension.js";
import { formatNumber } from "./format.js";
import { KIND_DIMENSIONS } from "./kinds.js";
import type { QuantityKind } from "./kinds.js";
import { parseUnit } from "./parse.js";
import { fromSI } from "./unit.js";

/** A ladder of units from largest to smallest. The first unit in which the value reaches
 * `threshold` wins: 0.000147 A is "0.147 mA" (threshold 0.1), 1e5 Hz is "100 kHz" (threshold 1). */
interface Ladder {
  units: readonly string[];
  threshold: number;
  /** For zero, where no rung is better than another. */
  home: string;
}

function ladder(units: string[], threshold: number, home = units[0]!): Ladder {
  return { units, threshold, home };
}

function fixed(unit: string): Ladder {
  return { units: [unit], threshold: 0, home: unit };
}

const LADDERS: Readonly<Record<Exclude<QuantityKind, "count" | "percent" | "c-rate" | "time">, Ladder>> = {
  current: ladder(["A", "mA", "µA", "nA", "pA"], 0.1),
  "current density": fixed("mA/cm²"),
  "specific current": fixed("mA/g"),
  voltage: ladder(["V", "mV", "µV"], 0.1),
  capacity: ladder(["Ah", "mAh", "µAh", "nAh"], 0.1, "mAh"),
  "specific capacity": fixed("mAh/g"),
  "areal capacity": fixed("mAh/cm²"),
  energy: ladder(["kWh", "Wh", "mWh", "µWh"], 0.1, "Wh"),
  power: ladder(["kW", "W", "mW", "µW"], 0.1, "W"),
  resistance: ladder(["MΩ", "kΩ", "Ω", "mΩ", "µΩ"], 1, "Ω"),
  temperature: fixed("°C"),
  frequency: ladder(["GHz", "MHz", "kHz", "Hz", "mHz", "µHz"], 1, "Hz"),
  "scan rate": fixed("mV/s"),
  length: ladder(["m", "mm", "µm", "nm"], 1, "mm"),
  area: fixed("cm²"),
  mass: ladder(["kg", "g", "mg", "µg"], 0.1, "mg"),
  loading: fixed("mg/cm²"),
  conductivity: fixed("mS/cm"),
};

/** Whole seconds and up read best in the largest unit that gives a short number (1.5 h, 45 min,
 * 100 s); below a second, in ms or µs. */
const LONG_TIME_UNITS = ["d", "h", "min", "s"];
const SHORT_TIME_UNITS = ["ms", "µs"];

export interface DisplayQuantity {
  /** The value in `unit` (for a C-rate: the multiple of 1C). */
  value: number;
  /** The unit spelling, "" for a count. */
  unit: string;
}

export interface FormatOptions {
  /** Force this unit (must fit the kind; otherwise the automatic choice is used). */
  unit?: string;
  /** Significant digits, default 12. */
  digits?: number;
}

/** The value and unit formatQuantity would print, for callers that lay them out themselves. */
export function toDisplay(si: number, kind: QuantityKind, options: FormatOptions = {}): DisplayQuantity {
  const digits = options.digits ?? 12;
  if (options.unit !== undefined) {
    const forced = parseUnit(options.unit);
    if (forced.ok && sameDimension(forced.unit.dimension, KIND_DIMENSIONS[kind])) {
      return { value: fromSI(si, forced.unit), unit: options.unit };
    }
  }
  switch (kind) {
    case "count":
      return { value: si, unit: "" };
    case "percent":
      return { value: fromSI(si, requireUnit("%")), unit: "%" };
    case "c-rate":
      return { value: si, unit: "C" };
    case "time":
      return inUnit(si, pickTimeUnit(si, digits));
    default:
      return inUnit(si, pickFromLadder(si, LADDERS[kind], digits));
  }
}

/**
 * A readable quantity: `formatQuantity(0.000147, "current")` is "0.147 mA",
 * `formatQuantity(298.15, "temperature")` is "25 °C", `formatQuantity(0.05, "c-rate")` is "C/20".
 * The text parses back to the same value (within the significant digits).
 */
export function formatQuantity(si: number, kind: QuantityKind, options: FormatOptions = {}): string {
  const digits = options.digits ?? 12;
  const shown = toDisplay(si, kind, options);
  if (shown.unit === "") return formatNumber(shown.value, digits);
  if (shown.unit === "C") return formatCRate(shown.value, digits);
  return `${formatNumber(shown.value, digits)} ${shown.unit}`;
}

function inUnit(si: number, unit: string): DisplayQuantity {
  return { value: fromSI(si, requireUnit(unit)), unit };
}

/** Compare the value as it will print, so 0.09999999999999999 counts as reaching 0.1. */
function shownMagnitude(si: number, unit: string, digits: number): number {
  return Math.abs(Number(formatNumber(fromSI(si, requireUnit(unit)), digits)));
}

function pickFromLadder(si: number, { units, threshold, home }: Ladder, digits: number): string {
  if (si === 0 || !Number.isFinite(si)) return home;
  return units.find((unit) => shownMagnitude(si, unit, digits) >= threshold) ?? units[units.length - 1]!;
}

function pickTimeUnit(si: number, digits: number): string {
  if (si === 0 || !Number.isFinite(si)) return "s";
  if (Math.abs(si) < 1) return SHORT_TIME_UNITS.find((unit) => shownMagnitude(si, unit, digits) >= 1) ?? "µs";
  const reachable = LONG_TIME_UNITS.filter((unit) => shownMagnitude(si, unit, digits) >= 1);
  const short = reachable.find((unit) => decimalPlaces(formatNumber(fromSI(si, requireUnit(unit)), digits)) <= 2);
  return short ?? reachable[0] ?? "s";
}

function decimalPlaces(text: string): number {
  if (text.includes("e")) return Infinity;
  const point = text.indexOf(".");
  return point === -1 ? 0 : text.length - point - 1;
}

/** Papers write 0.5C and 2C, but C/20 and C/3 rather than 0.05C and 0.333333C. */
function formatCRate(multiple: number, digits: number): string {
  const plain = formatNumber(multiple, digits);
  if (multiple >= 0.1 && decimalPlaces(plain) <= 2) return `${plain}C`;
  if (multiple > 0 && multiple < 1) {
    const divisor = Math.round(1 / multiple);
    if (divisor <= 10000 && Math.abs(divisor * multiple - 1) < 1e-9) return `C/${divisor}`;
  }
  return `${plain}C`;
}
