// Potentiostat techniques and chamber steps: impedance spectra, linear sweeps, cyclic
// voltammetry, temperature set-points.

import type { CyclicVoltammetryStepIR, EisStepIR, LinearSweepStepIR, StepIR, TemperatureStepIR } from "../../ir/types.js";
import { formatDuration } from "../../units/duration.js";
import type { EisPoint, VoltammogramPoint } from "../types.js";
import { complex } from "../model/complex.js";
import { runControlledPhase } from "./controlled.js";
import { celsius, volts } from "./describe.js";
import { durationGuard, collectEnds, type StepEnds } from "./ends.js";
import type { Run } from "./run.js";
import { complianceOf, constantCurrentPhase, finish, holdPhase, openCircuitStart, type PhaseEnd } from "./steps.js";

/** Each frequency is measured for two periods, and at least this long (s). */
const MIN_TIME_PER_FREQUENCY = 0.5;
/** Sweeps advance the set potential by this much per sub-step (V). */
const SWEEP_INCREMENT = 1e-3;
/** "Settle until stable" waits until the cell is this close to the set-point (K). */
const STABLE_BAND = 0.1;
/** Voltammogram points kept for one step; longer runs are thinned evenly. */
const MAX_VOLTAMMOGRAM_POINTS = 200_000;

export function runTechnique(run: Run, step: StepIR): void {
  switch (step.kind) {
    case "eis":
      return runEis(run, step);
    case "linearSweep":
      return runLinearSweep(run, step);
    case "cyclicVoltammetry":
      return runCyclicVoltammetry(run, step);
    case "temperature":
      return runTemperature(run, step);
    default:
      throw new Error(`btp internal error: ${step.kind} is not a technique`);
  }
}

/** Frequencies from start to end, `perDecade` per decade, log-spaced, both ends included. */
export function eisFrequencies(start: number, end: number, perDecade: number): number[] {
  if (!(start > 0) || !(end > 0)) return [];
  const decades = Math.abs(Math.log10(end / start));
  const count = Math.max(1, Math.min(10_000, Math.round(decades * Math.max(1, perDecade)))) + 1;
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(start * Math.pow(end / start, count === 1 ? 0 : i / (count - 1)));
  return out;
}

function runEis(run: Run, step: EisStepIR): void {
  const frequencies = eisFrequencies(step.startFrequency, step.endFrequency, step.pointsPerDecade);
  const duration = frequencies.reduce((sum, f) => sum + Math.max(2 / f, MIN_TIME_PER_FREQUENCY), 0);
  const biased = step.bias.reference === "absolute";
  run.beginStep(step, "EIS", biased ? "other" : null);
  // A spectrum down to absurdly low frequencies would take for ever: the duration bound applies.
  const guard = durationGuard(run);
  const horizon =
    duration <= guard.seconds
      ? {
          seconds: duration,
          reason: "complete" as const,
          text: `spectrum of ${frequencies.length} frequencies (${formatDuration(duration)})`,
        }
      : guard;
  const ends: StepEnds = { horizon, voltageEvents: [], currentEvents: [], capacity: null };
  let end: PhaseEnd;
  if (step.bias.reference === "absolute" && step.mode === "potentiostatic") {
    end = holdPhase(run, step.bias.value, ends, complianceOf(step.limits, run.complianceCurrent), run.lastCurrent, true);
  } else {
    const current = step.bias.reference === "absolute" ? step.bias.value : 0;
    end = constantCurrentPhase(run, current, ends, true);
  }
  const out = complex();
  const points: EisPoint[] = frequencies.map((frequency) => {
    run.model.impedance(frequency, end.current, out);
    const modulus = Math.hypot(out.re, out.im);
    return { frequency, real: out.re, imaginary: out.im, modulus, phase: (Math.atan2(out.im, out.re) * 180) / Math.PI };
  });
  finish(run, end);
  run.sink.eis?.({
    step: run.stepCount,
    stepId: step.id,
    cycle: run.cycles.cycle,
    time: run.time,
    cellTemperature: run.model.temperature,
    dcCurrent: end.current,
    points: points.filter((p) => Number.isFinite(p.real) && Number.isFinite(p.imaginary)),
  });
}

/** Collects the points of one voltammetry step, thinned evenly if it grows past the cap. */
class VoltammogramCollector {
  readonly points: VoltammogramPoint[] = [];
  private stride = 1;
  private seen = 0;
  sweepCycle = 1;

  add(time: number, potential: number, current: number): void {
    if (this.seen++ % this.stride !== 0) return;
    this.points.push({ time, potential, current, sweepCycle: this.sweepCycle });
    if (this.points.length >= MAX_VOLTAMMOGRAM_POINTS) {
      // Keep every other point and sample half as often from now on.
      let j = 0;
      for (let i = 0; i < this.points.length; i += 2) this.points[j++] = this.points[i]!;
      this.points.length = j;
      this.stride *= 2;
    }
  }
}

/** Sweeps the set potential linearly from `from` to `to` at `rate` (V/s). */
function sweep(
  run: Run,
  step: StepIR,
  from: number,
  to: number,
  rate: number,
  collector: VoltammogramCollector,
  startsStep: boolean,
): PhaseEnd {
  const duration = Math.abs(to - from) / rate;
  const guard = durationGuard(run);
  const horizon = Math.min(duration, guard.seconds);
  const sign = to >= from ? 1 : -1;
  if (horizon <= 0) {
    const start = startsStep ? openCircuitStart(run) : { voltage: run.lastVoltage, current: run.lastCurrent };
    return { reason: "complete", text: "nothing to sweep", voltage: start.voltage, current: start.current };
  }
  return runControlledPhase(run, {
    control: "voltage",
    target: (t) => from + sign * rate * t,
    compliance: complianceOf(step.limits, run.complianceCurrent),
    fixedStep: SWEEP_INCREMENT / rate,
    horizon,
    horizonReason: horizon < duration ? "guard" : "complete",
    horizonText: horizon < duration ? guard.text : `sweep to ${volts(to)} complete`,
    currentEvents: [],
    voltageEvents: [],
    capacity: null,
    guess: run.lastCurrent,
    startsStep,
    onPoint: (time, potential, current) => collector.add(time, potential, current),
  });
}

function runLinearSweep(run: Run, step: LinearSweepStepIR): void {
  run.beginStep(step, "LSV", "other");
  const from = setpoint(run, step.from);
  const to = setpoint(run, step.to);
  const collector = new VoltammogramCollector();
  const rate = step.scanRate > 0 ? step.scanRate : 1e-4;
  const end = sweep(run, step, from, to, rate, collector, true);
  finish(run, end);
  run.sink.voltammogram?.(collector.points, { step: run.stepCount, stepId: step.id, cycle: run.cycles.cycle, scanRate: rate });
}

function setpoint(run: Run, s: LinearSweepStepIR["from"]): number {
  return s.reference === "absolute" ? s.volts : run.model.openCircuitVoltage() + s.offsetVolts;
}

/** Cyclic voltammetry: from the start potential to the upper vertex, down to the lower vertex and
 * back to the start, `cycles` times. A start at a vertex makes each cycle one full triangle. */
function runCyclicVoltammetry(run: Run, step: CyclicVoltammetryStepIR): void {
  run.beginStep(step, "CV", "other");
  const start = setpoint(run, step.start);
  const rate = step.scanRate > 0 ? step.scanRate : 1e-4;
  const collector = new VoltammogramCollector();
  let end: PhaseEnd | null = null;
  let potential = start;
  let first = true;
  for (let cycle = 1; cycle <= Math.max(1, step.cycles); cycle++) {
    collector.sweepCycle = cycle;
    for (const vertex of [step.upper, step.lower, start]) {
      if (vertex === potential) continue;
      end = sweep(run, step, potential, vertex, rate, collector, first);
      first = false;
      potential = vertex;
      if (end.reason === "guard") break;
    }
    if (end?.reason === "guard") break;
  }
  finish(run, end ?? openCircuitStart(run));
  run.sink.voltammogram?.(collector.points, { step: run.stepCount, stepId: step.id, cycle: run.cycles.cycle, scanRate: rate });
}

function runTemperature(run: Run, step: TemperatureStepIR): void {
  run.chamber.set(step.setpoint, run.time);
  run.beginStep(step, "TEMPERATURE", null);
  let seconds = 0;
  let text = `chamber set to ${celsius(step.setpoint)}`;
  if (step.settle.kind === "time") {
    seconds = step.settle.seconds;
    text = `settle ${formatDuration(seconds)}`;
  } else if (step.settle.kind === "stable") {
    seconds = run.chamber.timeToSettle(run.time, STABLE_BAND);
    text = `cell within ${STABLE_BAND} K of ${celsius(step.setpoint)}`;
  }
  const ends = collectEnds(run, [], step.limits, 0);
  if (seconds < ends.horizon.seconds)
    ends.horizon = {
      seconds,
      reason: step.settle.kind === "stable" ? "temperature" : step.settle.kind === "time" ? "time" : "complete",
      text,
    };
  finish(run, constantCurrentPhase(run, 0, ends, true));
}
