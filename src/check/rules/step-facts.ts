// Small facts about steps that several rules share: which way a step drives the voltage, which of
// its voltage ends lie on the side it is heading to, and where its voltages are.

import type { ComparatorIR, EndConditionIR, StepIR } from "../../ir/types.js";
import { stepEnds } from "../../ir/types.js";
import type { Span } from "../../diagnostics/diagnostic.js";

/** Two voltages closer than this are the same voltage (float residue, not a different cut-off). */
export const SAME_VOLTAGE = 1e-6;

export type VoltageEnd = Extract<EndConditionIR, { kind: "voltage" }>;
export type Direction = "charge" | "discharge";

/** Charging drives the voltage up, discharging down: the ends a step can reach are the voltages
 * it is heading towards. */
export function isRising(comparator: ComparatorIR): boolean {
  return comparator === ">" || comparator === ">=";
}

export function headsTowards(direction: Direction, end: VoltageEnd): boolean {
  return direction === "charge" ? isRising(end.comparator) : !isRising(end.comparator);
}

/** The direction of a step that pushes charge one way, or null (rest, holds, techniques). */
export function directionOf(step: StepIR): Direction | null {
  return step.kind === "constantCurrent" || step.kind === "constantPower" || step.kind === "ccCv" ? step.direction : null;
}

export function voltageEnds(ends: readonly EndConditionIR[]): VoltageEnd[] {
  return ends.filter((end): end is VoltageEnd => end.kind === "voltage");
}

/** The voltage cut-offs of a constant-current or constant-power step that it can actually reach
 * (a charge heading up to `> 3.9 V`, a discharge heading down to `< 2.3 V`). */
export function reachableCutoffs(step: StepIR): VoltageEnd[] {
  if (step.kind !== "constantCurrent" && step.kind !== "constantPower") return [];
  return voltageEnds(step.ends).filter((end) => headsTowards(step.direction, end));
}

/** The cut-off reached first: the lowest one on the way up, the highest one on the way down. */
export function firstCutoff(direction: Direction, cutoffs: readonly VoltageEnd[]): VoltageEnd | null {
  let first: VoltageEnd | null = null;
  for (const end of cutoffs) {
    if (first === null) first = end;
    else if (direction === "charge" ? end.volts < first.volts : end.volts > first.volts) first = end;
  }
  return first;
}

/** Steps that pass current or hold a potential; temperature changes and pauses do not. */
export function isElectrical(step: StepIR): boolean {
  return step.kind !== "temperature" && step.kind !== "pause";
}

/** A voltage that a step commands or stops at, with the words to name it and where it was written. */
export interface StepVoltage {
  volts: number;
  role: "cut-off" | "hold voltage" | "bias" | "sweep start" | "sweep end" | "lower vertex" | "upper vertex";
  /** The end condition's own span when there is one; set-points share the step's span. */
  span: Span;
  /** Voltage sweeps (LSV, CV) are judged against the window only on cells that store charge. */
  sweep: boolean;
}

/** Every absolute voltage in a step. Set-points relative to the open-circuit voltage are left
 * out: where they land is not known before the test runs. */
export function stepVoltages(step: StepIR): StepVoltage[] {
  const out: StepVoltage[] = voltageEnds(stepEnds(step)).map((end) => ({
    volts: end.volts,
    role: "cut-off",
    span: end.span,
    sweep: false,
  }));
  const add = (volts: number, role: StepVoltage["role"], sweep: boolean): void => {
    out.push({ volts, role, span: step.span, sweep });
  };
  switch (step.kind) {
    case "constantVoltage":
      if (step.voltage.reference === "absolute") add(step.voltage.volts, "hold voltage", false);
      break;
    case "ccCv":
      add(step.voltage, "hold voltage", false);
      break;
    case "eis":
      if (step.mode === "potentiostatic" && step.bias.reference === "absolute") add(step.bias.value, "bias", false);
      break;
    case "linearSweep":
      if (step.from.reference === "absolute") add(step.from.volts, "sweep start", true);
      if (step.to.reference === "absolute") add(step.to.volts, "sweep end", true);
      break;
    case "cyclicVoltammetry":
      // The start lies between the vertices (or BTP4045 says it does not), so the vertices are
      // what can leave a window or a limit.
      add(step.lower, "lower vertex", true);
      add(step.upper, "upper vertex", true);
      break;
    default:
      break;
  }
  return out;
}
