// Rule family 3: cut-offs and set-points against the cell's voltage window and the safety limits.
// - Beyond a safety limit is an error: the limit would stop the whole test before the step could
//   do what it says.
// - Outside the cell window is a warning: the window is what the cell is declared for, and a
//   cut-off outside it is usually a typing mistake (4.9 V for 3.9 V) or the wrong cell.
// Voltage sweeps (LSV, CV) are judged against the window only on cells that store charge
// (full and half cells); sweeping far past the window is the point of an LSV or blocking cell.

import type { Diagnostic, RelatedInformation } from "../../diagnostics/diagnostic.js";
import type { CellIR, ProtocolIR, StepIR } from "../../ir/types.js";
import { stepEnds } from "../../ir/types.js";
import {
  describeCell,
  describeResolved,
  formatAmperes,
  formatCelsius,
  formatCharge,
  formatRange,
  formatVolts,
  formatWatts,
  formatWindow,
} from "./describe.js";
import { SAME_VOLTAGE, stepVoltages, type StepVoltage } from "./step-facts.js";
import { stepsOf } from "./walk.js";

/** Relative slack for comparing a value with a limit: float residue is not an excess. */
const LIMIT_SLACK = 1e-9;
/** Kelvin: temperatures closer than this to a limit are on it (°C → K conversion residue). */
const SAME_TEMPERATURE = 1e-6;

export function checkWindowAndLimits(ir: ProtocolIR): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const step of stepsOf(ir.body)) {
    for (const voltage of stepVoltages(step)) {
      const problem = voltageBeyondLimits(step, voltage) ?? voltageOutsideWindow(ir.cell, step, voltage);
      if (problem) found.push(problem);
    }
    found.push(...setpointsBeyondLimits(step));
  }
  return found;
}

function voltageBeyondLimits(step: StepIR, voltage: StepVoltage): Diagnostic | null {
  const limit = step.limits.voltage;
  if (!limit) return null;
  const below = limit.min !== null && voltage.volts < limit.min - SAME_VOLTAGE;
  const above = limit.max !== null && voltage.volts > limit.max + SAME_VOLTAGE;
  if (!below && !above) return null;
  const edge = below ? limit.min! : limit.max!;
  return {
    code: "BTP4021",
    severity: "error",
    message: `the ${voltage.role} ${formatVolts(voltage.volts)} is ${below ? "below" : "above"} the safety limit ${formatVolts(edge)}: the limit would stop the test first`,
    span: step.span,
    hint: `the limits in effect here allow ${formatRange(limit.min, limit.max, formatVolts)}; move the ${voltage.role} inside them, or widen the limits if that is safe for the cell`,
    related: pointAt(step, voltage),
  };
}

function voltageOutsideWindow(cell: CellIR | null, step: StepIR, voltage: StepVoltage): Diagnostic | null {
  const window = cell?.window;
  if (!cell || !window) return null;
  if (voltage.sweep && cell.kind !== "full" && cell.kind !== "half") return null;
  const below = voltage.volts < window.min - SAME_VOLTAGE;
  const above = voltage.volts > window.max + SAME_VOLTAGE;
  if (!below && !above) return null;
  const hint = voltage.sweep
    ? `${describeCell(cell)} is declared for ${formatWindow(window)}; sweeping a ${cell.kind} cell past its window decomposes the electrolyte or plates metal. Keep the sweep inside the window, or correct the window in the cell`
    : `${describeCell(cell)} is declared for ${formatWindow(window)}; use a ${voltage.role} inside it, or correct the window in the cell`;
  return {
    code: "BTP4020",
    severity: "warning",
    message: `the ${voltage.role} ${formatVolts(voltage.volts)} is ${below ? "below" : "above"} the cell window ${formatWindow(window)}`,
    span: step.span,
    hint,
    related: [...pointAt(step, voltage), { message: "the window is declared here", span: cell.span }],
  };
}

/** A cut-off has its own span inside the step; point at it when it does. */
function pointAt(step: StepIR, voltage: StepVoltage): RelatedInformation[] {
  return voltage.span === step.span ? [] : [{ message: `the ${voltage.role}`, span: voltage.span }];
}

function exceeds(value: number, max: number): boolean {
  return value > max * (1 + LIMIT_SLACK);
}

/** Current, power, capacity and temperature set-points that a safety limit would stop. */
function setpointsBeyondLimits(step: StepIR): Diagnostic[] {
  const found: Diagnostic[] = [];
  const { limits } = step;
  if ((step.kind === "constantCurrent" || step.kind === "ccCv") && limits.current && exceeds(step.current.si, limits.current.max)) {
    found.push({
      code: "BTP4022",
      severity: "error",
      message: `the current ${describeResolved(step.current, formatAmperes(step.current.si))} is above the current limit ${formatAmperes(limits.current.max)}: the limit would stop the test as soon as this step starts`,
      span: step.span,
      hint: "lower the current, or raise the current limit if the cell and the channel allow it",
    });
  }
  if (step.kind === "constantPower" && limits.power && exceeds(step.power.si, limits.power.max)) {
    found.push({
      code: "BTP4024",
      severity: "error",
      message: `the power ${describeResolved(step.power, formatWatts(step.power.si))} is above the power limit ${formatWatts(limits.power.max)}: the limit would stop the test as soon as this step starts`,
      span: step.span,
      hint: "lower the power, or raise the power limit if the cell and the channel allow it",
    });
  }
  if (limits.capacity) {
    const max = limits.capacity.max;
    for (const end of stepEnds(step)) {
      if (end.kind !== "capacity" || !exceeds(end.coulombs, max)) continue;
      found.push({
        code: "BTP4025",
        severity: "error",
        message: `the capacity end ${describeResolved(end.resolved, formatCharge(end.coulombs))} is above the capacity limit ${formatCharge(max)}: the limit would stop the test first`,
        span: step.span,
        hint: "lower the capacity end, or raise the capacity limit if that is safe for the cell",
        related: [{ message: "the capacity end", span: end.span }],
      });
    }
  }
  if (step.kind === "temperature" && limits.temperature) {
    const { min, max } = limits.temperature;
    const below = min !== null && step.setpoint < min - SAME_TEMPERATURE;
    const above = max !== null && step.setpoint > max + SAME_TEMPERATURE;
    if (below || above) {
      found.push({
        code: "BTP4023",
        severity: "error",
        message: `the temperature set-point ${formatCelsius(step.setpoint)} is ${below ? "below" : "above"} the temperature limit ${formatCelsius(below ? min! : max!)}: the limit would stop the test`,
        span: step.span,
        hint: `the limits in effect here allow ${formatRange(min, max, formatCelsius)}; change the set-point or the limits`,
      });
    }
  }
  return found;
}
