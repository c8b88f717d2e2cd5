// Rule family 5: potentiostat techniques with settings no instrument or experiment would use.
// EIS: an empty frequency range, frequencies outside what impedance analysers reach (10 µHz to
// 10 MHz), an amplitude too large to be small-signal, an absurd point density. LSV and CV: scan
// rates outside 1 µV/s .. 10 V/s (usually a unit slip: mV/s written as V/s), and a CV that
// starts outside its own vertices.

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { EisStepIR, ProtocolIR, StepIR } from "../../ir/types.js";
import { formatNumber } from "../../units/format.js";
import { formatHertz, formatScanRate, formatVolts, withPrefix } from "./describe.js";
import { SAME_VOLTAGE } from "./step-facts.js";
import { stepsOf } from "./walk.js";

/** Hz: no commercial impedance analyser goes outside this range. */
const LOWEST_FREQUENCY = 10e-6;
const HIGHEST_FREQUENCY = 10e6;
/** V: above this a potentiostatic perturbation is no longer small-signal (linear response). */
const LARGEST_SMALL_SIGNAL = 0.05;
const MOST_POINTS_PER_DECADE = 100;
/** V/s: slower would take months per sweep; faster is beyond battery electrochemistry. */
const SLOWEST_SCAN = 1e-6;
const FASTEST_SCAN = 10;

export function checkTechniques(ir: ProtocolIR): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const step of stepsOf(ir.body)) {
    if (step.kind === "eis") found.push(...checkEis(step));
    if (step.kind === "linearSweep" || step.kind === "cyclicVoltammetry") {
      const rate = scanRateProblem(step, step.scanRate);
      if (rate) found.push(rate);
    }
    if (step.kind === "cyclicVoltammetry" && step.start.reference === "absolute") {
      const lower = Math.min(step.lower, step.upper);
      const upper = Math.max(step.lower, step.upper);
      const start = step.start.volts;
      if (start < lower - SAME_VOLTAGE || start > upper + SAME_VOLTAGE) {
        found.push({
          code: "BTP4045",
          severity: "error",
          message: `this cyclic voltammetry starts at ${formatVolts(start)}, outside its vertices ${formatVolts(lower)} .. ${formatVolts(upper)}`,
          span: step.span,
          hint: `start between the vertices (e.g. \`start at ${formatVolts(lower)}\`), or widen the vertices`,
        });
      }
    }
  }
  return found;
}

function checkEis(step: EisStepIR): Diagnostic[] {
  const found: Diagnostic[] = [];
  const { startFrequency, endFrequency } = step;
  if (Math.abs(startFrequency - endFrequency) <= 1e-12 * Math.max(Math.abs(startFrequency), Math.abs(endFrequency))) {
    found.push({
      code: "BTP4040",
      severity: "error",
      message: `this impedance measurement starts and ends at ${formatHertz(startFrequency)}, so it sweeps no frequencies`,
      span: step.span,
      hint: "give a range, typically from high to low: `eis from 1 MHz to 10 mHz`",
    });
  }
  for (const [which, frequency] of [
    ["start", startFrequency],
    ["end", endFrequency],
  ] as const) {
    if (frequency >= LOWEST_FREQUENCY && frequency <= HIGHEST_FREQUENCY) continue;
    found.push({
      code: "BTP4041",
      severity: "warning",
      message: `the ${which} frequency ${formatHertz(frequency)} is ${frequency > HIGHEST_FREQUENCY ? "above" : "below"} what any impedance analyser measures (${formatHertz(LOWEST_FREQUENCY)} .. ${formatHertz(HIGHEST_FREQUENCY)})`,
      span: step.span,
      hint: "check the unit prefix (mHz, kHz, MHz); battery impedance is usually measured between 1 MHz and 10 mHz",
    });
  }
  if (step.mode === "potentiostatic" && step.amplitude > LARGEST_SMALL_SIGNAL * (1 + 1e-9)) {
    found.push({
      code: "BTP4042",
      severity: "warning",
      message: `the amplitude ${withPrefix(step.amplitude, "V")} is not small-signal: above ${withPrefix(LARGEST_SMALL_SIGNAL, "V")} the cell no longer responds linearly and the spectrum is distorted`,
      span: step.span,
      hint: "use 5 to 10 mV, e.g. `amplitude 5 mV`",
    });
  }
  if (step.pointsPerDecade > MOST_POINTS_PER_DECADE) {
    found.push({
      code: "BTP4043",
      severity: "warning",
      message: `${formatNumber(step.pointsPerDecade)} points per decade is far more than a spectrum needs (at most ${MOST_POINTS_PER_DECADE}), and the low frequencies will take very long`,
      span: step.span,
      hint: "5 to 20 points per decade is usual, e.g. `10 points per decade`",
    });
  }
  return found;
}

function scanRateProblem(step: StepIR, scanRate: number): Diagnostic | null {
  if (scanRate >= SLOWEST_SCAN && scanRate <= FASTEST_SCAN) return null;
  const tooFast = scanRate > FASTEST_SCAN;
  return {
    code: "BTP4044",
    severity: "warning",
    message: `absurd scan rate ${formatScanRate(scanRate)}: ${tooFast ? "faster" : "slower"} than ${formatScanRate(tooFast ? FASTEST_SCAN : SLOWEST_SCAN)}`,
    span: step.span,
    hint: "check the unit: battery voltammetry runs at about 0.01 to 10 mV/s, e.g. `at 0.1 mV/s`",
  };
}
