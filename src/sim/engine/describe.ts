// Words for steps and end conditions in the simulator's warnings and step table:
// "charge at 1C until 5 V", "voltage ≥ 3.9 V", "time 2 h".

import type { ComparatorIR, EndConditionIR, StepIR, VoltageSetpointIR } from "../../ir/types.js";
import { formatDuration } from "../../units/duration.js";
import { formatNumber } from "../../units/format.js";

export function volts(v: number): string {
  return `${formatNumber(v, 6)} V`;
}

export function celsius(kelvin: number): string {
  return `${formatNumber(kelvin - 273.15, 6)} °C`;
}

function setpoint(s: VoltageSetpointIR): string {
  if (s.text) return s.text;
  return s.reference === "absolute" ? volts(s.volts) : `ocv + ${volts(s.offsetVolts)}`;
}

/** An end condition as a protocol would say it. */
export function describeEnd(end: EndConditionIR): string {
  switch (end.kind) {
    case "time":
      return `time ${formatDuration(end.seconds)}`;
    case "voltage":
      return `voltage ${comparatorWord(end.comparator)} ${volts(end.volts)}`;
    case "current":
      return `current ${comparatorWord(end.comparator)} ${end.resolved.text || `${formatNumber(end.amperes, 6)} A`}`;
    case "capacity":
      return `capacity ${end.resolved.text || `${formatNumber(end.coulombs / 3.6, 6)} mAh`}`;
    case "temperature":
      return `temperature ${comparatorWord(end.comparator)} ${celsius(end.kelvin)}`;
  }
}

function comparatorWord(c: ComparatorIR): string {
  return c === "<" ? "<" : c === "<=" ? "≤" : c === ">" ? ">" : "≥";
}

function until(ends: readonly EndConditionIR[]): string {
  return ends.length ? ` until ${ends.map(describeEnd).join(" or ")}` : "";
}

/** A short description of a step as the user wrote it. */
export function describeStep(step: StepIR): string {
  switch (step.kind) {
    case "rest":
      return `rest${until(step.ends)}`;
    case "ocv":
      return `open circuit${until(step.ends)}`;
    case "constantCurrent":
      return `${step.direction} at ${step.current.text}${until(step.ends)}`;
    case "constantPower":
      return `${step.direction} at ${step.power.text}${until(step.ends)}`;
    case "constantVoltage":
      return `hold at ${setpoint(step.voltage)}${until(step.ends)}`;
    case "ccCv":
      return `${step.direction} at ${step.current.text} until ${volts(step.voltage)} then hold${until(step.cvEnds)}`;
    case "eis":
      return "impedance spectrum";
    case "linearSweep":
      return `sweep from ${setpoint(step.from)} to ${setpoint(step.to)}`;
    case "cyclicVoltammetry":
      return `cyclic voltammetry between ${volts(step.lower)} and ${volts(step.upper)}`;
    case "temperature":
      return `temperature ${celsius(step.setpoint)}`;
    case "pause":
      return "pause";
  }
}
