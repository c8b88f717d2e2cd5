// How the protocol rules print quantities and name steps in their messages. The IR is in SI
// units; people read `0.294 mA`, `3.9 V`, `60 °C` and `10 mHz`, so every number goes through
// formatNumber (no float residue) and, where the size varies over decades, through an SI prefix.

import { formatNumber } from "../../units/format.js";
import type { CellIR, Resolved, StepIR, VoltageSetpointIR } from "../../ir/types.js";

const PREFIXES: ReadonlyArray<readonly [exponent: number, symbol: string]> = [
  [9, "G"],
  [6, "M"],
  [3, "k"],
  [0, ""],
  [-3, "m"],
  [-6, "µ"],
  [-9, "n"],
  [-12, "p"],
];

/** `0.000294` + "A" → "294 µA": the prefix that puts the number between 1 and 1000. */
export function withPrefix(value: number, unit: string): string {
  if (!Number.isFinite(value)) return `${formatNumber(value)} ${unit}`;
  // Round first so that 999.9999999999 µA does not pick µ and then print as "1000 µA".
  const rounded = Number(value.toPrecision(12));
  if (rounded === 0) return `0 ${unit}`;
  const magnitude = Math.abs(rounded);
  const [exponent, symbol] = PREFIXES.find(([e]) => magnitude >= 10 ** e) ?? PREFIXES[PREFIXES.length - 1]!;
  return `${formatNumber(rounded / 10 ** exponent)} ${symbol}${unit}`;
}

/** Cut-offs and set-points read best in volts, as papers write them ("2.3 V", "3.9 V"). */
export function formatVolts(volts: number): string {
  return Math.abs(volts) < 0.1 && volts !== 0 ? withPrefix(volts, "V") : `${formatNumber(volts)} V`;
}

export function formatWindow(window: { min: number; max: number }): string {
  return `${formatVolts(window.min)} .. ${formatVolts(window.max)}`;
}

export function formatAmperes(amperes: number): string {
  return withPrefix(amperes, "A");
}

export function formatWatts(watts: number): string {
  return withPrefix(watts, "W");
}

export function formatHertz(hertz: number): string {
  return withPrefix(hertz, "Hz");
}

export function formatScanRate(voltsPerSecond: number): string {
  return withPrefix(voltsPerSecond, "V/s");
}

/** Charge in the lab's unit: coulombs → mAh (1 mAh = 3.6 C). */
export function formatCharge(coulombs: number): string {
  return withPrefix(coulombs / 3600, "Ah");
}

/** Kelvin → degrees Celsius, as chambers and papers state them. */
export function formatCelsius(kelvin: number): string {
  return `${formatNumber(kelvin - 273.15, 6)} °C`;
}

/** The range a limit allows, with an open side printed as "…". */
export function formatRange(min: number | null, max: number | null, format: (x: number) => string): string {
  return `${min === null ? "…" : format(min)} .. ${max === null ? "…" : format(max)}`;
}

/** A set-point as the user wrote it, with the SI value when that reads differently:
 * `0.5C (0.147 mA)`, `2 mA`. */
export function describeResolved(resolved: Resolved, formatted: string): string {
  return resolved.text && resolved.text !== formatted ? `${resolved.text} (${formatted})` : formatted;
}

export function describeSetpoint(setpoint: VoltageSetpointIR): string {
  return setpoint.text || (setpoint.reference === "absolute" ? formatVolts(setpoint.volts) : "ocv");
}

/** A short name for a step as the user wrote it: `charge at 0.5C`, `hold at 3.9 V`, `rest`. */
export function describeStep(step: StepIR): string {
  switch (step.kind) {
    case "rest":
      return "rest";
    case "ocv":
      return "open-circuit step";
    case "constantCurrent":
      return `${step.direction} at ${step.current.text}`;
    case "constantPower":
      return `${step.direction} at ${step.power.text}`;
    case "constantVoltage":
      return `hold at ${describeSetpoint(step.voltage)}`;
    case "ccCv":
      return `${step.direction} at ${step.current.text} then hold at ${formatVolts(step.voltage)}`;
    case "eis":
      return "impedance measurement";
    case "linearSweep":
      return `sweep to ${describeSetpoint(step.to)}`;
    case "cyclicVoltammetry":
      return "cyclic voltammetry";
    case "temperature":
      return `temperature ${formatCelsius(step.setpoint)}`;
    case "pause":
      return "pause";
  }
}

/** `cell "Na | CGE | NVP"` for hints, or "the cell" when it has no title. */
export function describeCell(cell: CellIR): string {
  return cell.title ? `the cell "${cell.title}"` : `the cell ${cell.name}`;
}
