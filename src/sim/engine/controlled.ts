// Steps where the instrument controls the voltage (holds, sweeps, voltammetry) or the power.
// The current is held constant over each sub-step and solved so that the voltage (or power) at the
// end of the sub-step is on target (a zero-order hold, solved implicitly, so it stays stable for
// any sub-step length). Holds adapt the sub-step to how fast the current changes; sweeps use a
// fixed voltage increment. A taper end is located by interpolating log|I| inside the last
// sub-step, which is then re-solved to that length.

import type { SubstepControl } from "../model/cell-model.js";
import type { EndReason } from "../types.js";
import type { VoltageEvent } from "./march.js";
import { ModelFailure, type Run } from "./run.js";

/** |I| compared with a threshold: a taper (`below`, CV end) or a rise. */
export interface CurrentEvent {
  below: boolean;
  amps: number;
  text: string;
}

export interface ControlledPhase {
  control: SubstepControl;
  /** Target voltage (V) or power (W, positive on charge) at `t` s into the phase. */
  target: (t: number) => number;
  compliance: number;
  /** s: fixed sub-step (sweeps), or null for the adaptive rule (holds, power). */
  fixedStep: number | null;
  /** s: the phase ends here at the latest. */
  horizon: number;
  horizonReason: EndReason;
  horizonText: string;
  currentEvents: readonly CurrentEvent[];
  /** Voltage ends, for constant power. */
  voltageEvents: readonly VoltageEvent[];
  /** C passed in the step after which the phase ends. */
  capacity: { coulombs: number; reason: EndReason; text: string } | null;
  /** Current to start the Newton solve from (the previous current is a good guess). */
  guess: number;
  /** Emit the step's start row at the first sub-step. */
  startsStep: boolean;
  /** Called at every sub-step end (voltammograms). */
  onPoint?: (time: number, target: number, current: number) => void;
}

export interface PhaseResult {
  elapsed: number;
  reason: EndReason;
  text: string;
  voltage: number;
  current: number;
}

const FIRST_SUBSTEP = 1; // s
const LONGEST_SUBSTEP = 900; // s
const GROW = 1.5;
const SHRINK = 0.7;
/** Relative change of the current per sub-step below which a hold's sub-step grows. */
const CURRENT_CHANGE = 0.05;
/** Voltage change per sub-step above which a constant-power sub-step shrinks (V). */
const POWER_VOLTAGE_CHANGE = 0.01;
/** Largest share of the capacity one sub-step may pass. */
const MAX_SOC_PER_SUBSTEP = 0.02;
const MAX_SUBSTEPS = 5_000_000;

export function runControlledPhase(run: Run, phase: ControlledPhase): PhaseResult {
  const model = run.model;
  let t = 0;
  let h = phase.fixedStep ?? FIRST_SUBSTEP;
  let previous = phase.guess;
  let previousVoltage = NaN;
  let lastVoltage = NaN;
  let first = true;
  let substeps = 0;

  const solve = (length: number, guess: number): number => {
    const current = model.solveSubstep(phase.control, phase.target(t + length), length, guess, phase.compliance);
    if (!Number.isFinite(current)) throw new ModelFailure("non-finite current");
    return current;
  };

  while (t < phase.horizon) {
    if (++substeps > MAX_SUBSTEPS) throw new ModelFailure("the step needed too many sub-steps");
    model.setTemperature(run.chamber.cellAt(run.time));
    let length = Math.min(h, phase.horizon - t, run.chamber.refreshAfter(run.time));
    let current = solve(length, previous);
    if (first && phase.startsStep) run.stepStarted(phase.control === "voltage" ? phase.target(0) : model.voltageWith(current), current);

    // Which end falls inside this sub-step, if any, and where.
    let ended: { reason: EndReason; text: string } | null = null;
    for (const e of phase.currentEvents) {
      const now = Math.abs(current);
      const fires = e.below ? now <= e.amps : now >= e.amps;
      if (!fires) continue;
      const before = Math.abs(previous);
      let fraction = 1;
      if (!first) {
        if (e.below && before > e.amps && now > 0) fraction = Math.log(before / e.amps) / Math.log(before / now);
        else if (!e.below && before < e.amps) fraction = (e.amps - before) / (now - before);
      }
      const shorter = Math.max(1e-9, Math.min(1, fraction) * length);
      if (shorter < length) {
        length = shorter;
        current = solve(length, current);
      }
      ended = { reason: "current", text: e.text };
      break;
    }
    if (phase.capacity && current !== 0) {
      const left = phase.capacity.coulombs - run.stepCharge();
      if (Math.abs(current) * length >= left) {
        for (let i = 0; i < 3; i++) {
          length = Math.max(1e-9, left / Math.abs(current));
          current = solve(length, current);
        }
        ended = { reason: phase.capacity.reason, text: phase.capacity.text };
      }
    }
    if (!ended) {
      // Voltage ends (constant power) and the model's range, at the end of the sub-step; the exact
      // time is found by bisection on the sub-step length, re-solving the current each time.
      const endVoltage = model.substepVoltage(current, length);
      const beyond = model.lastRangeExcess() > 0;
      const fired = phase.voltageEvents.find((e) => e.sign * (endVoltage - e.volts) >= 0);
      if (fired || beyond) {
        const crossed = (v: number): boolean => (fired ? fired.sign * (v - fired.volts) >= 0 : model.lastRangeExcess() > 0);
        let lo = 0;
        let hi = length;
        for (let i = 0; i < 60 && hi - lo > 1e-6; i++) {
          const mid = 0.5 * (lo + hi);
          const trial = solve(mid, current);
          if (crossed(model.substepVoltage(trial, mid))) hi = mid;
          else lo = mid;
        }
        length = hi;
        current = solve(length, current);
        ended = fired ? { reason: fired.reason, text: fired.text } : { reason: "guard", text: "the cell is full or empty" };
      }
    }

    model.commitSubstep(current, length);
    const voltage = model.voltageWith(current);
    if (!Number.isFinite(voltage)) throw new ModelFailure("non-finite voltage");
    run.advance(length, current, voltage * current * length);
    lastVoltage = voltage;
    t += length;
    phase.onPoint?.(run.time, phase.target(t), current);
    if (ended) return { elapsed: t, reason: ended.reason, text: ended.text, voltage, current };
    if (t < phase.horizon) run.sample(run.time, voltage, current);

    if (phase.fixedStep === null) {
      const currentChange = Math.abs(current - previous) / Math.max(Math.abs(current), 1e-15);
      const voltageChange = Number.isNaN(previousVoltage) ? 0 : Math.abs(voltage - previousVoltage);
      const steady =
        phase.control === "power" ? voltageChange < POWER_VOLTAGE_CHANGE && currentChange < CURRENT_CHANGE : currentChange < CURRENT_CHANGE;
      h = first || steady ? h * GROW : h * SHRINK;
      // Never more than a few per cent of the capacity in one sub-step.
      if (model.capacity > 0 && current !== 0) h = Math.min(h, (MAX_SOC_PER_SUBSTEP * model.capacity) / Math.abs(current));
      h = Math.min(LONGEST_SUBSTEP, Math.max(1e-3, h));
    }
    previous = current;
    previousVoltage = voltage;
    first = false;
  }
  return { elapsed: t, reason: phase.horizonReason, text: phase.horizonText, voltage: lastVoltage, current: previous };
}
