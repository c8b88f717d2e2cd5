// One function per kind of electrical step: open the step, run its phases, close it with the end
// that fired. Techniques (EIS, LSV, CV) and temperature steps live in techniques.ts.

import type {
  CcCvStepIR,
  ConstantCurrentStepIR,
  ConstantPowerStepIR,
  ConstantVoltageStepIR,
  EndConditionIR,
  LimitsIR,
  StepIR,
  VoltageSetpointIR,
} from "../../ir/types.js";
import { formatDuration } from "../../units/duration.js";
import type { EndReason, StepType } from "../types.js";
import { runControlledPhase } from "./controlled.js";
import { volts } from "./describe.js";
import { collectEnds, DURATION_GUARD, type StepEnds } from "./ends.js";
import { marchConstantCurrent } from "./march.js";
import type { Run } from "./run.js";
import { runTechnique } from "./techniques.js";

export interface PhaseEnd {
  reason: EndReason;
  text: string;
  voltage: number;
  current: number;
}

/** Runs one step of any kind. */
export function runStep(run: Run, step: StepIR): void {
  if (step.kind !== "temperature" && step.ambient !== null) run.chamber.set(step.ambient, run.time);
  switch (step.kind) {
    case "rest":
    case "ocv":
      return runOpenCircuit(run, step, step.kind === "rest" ? "REST" : "OCV", step.ends);
    case "pause":
      run.beginStep(step, "PAUSE", null);
      return finish(run, openCircuitStart(run));
    case "constantCurrent":
      return runConstantCurrent(run, step);
    case "constantPower":
      return runConstantPower(run, step);
    case "constantVoltage":
      return runHold(run, step);
    case "ccCv":
      return runCcCv(run, step);
    default:
      return runTechnique(run, step);
  }
}

/** The start row of a step at zero current; returns a zero-length end. */
export function openCircuitStart(run: Run): PhaseEnd {
  const voltage = run.model.voltageWith(0);
  run.stepStarted(voltage, 0);
  return { reason: "complete", text: "done", voltage, current: 0 };
}

/** Closes the step, and reports guards and limits. */
export function finish(run: Run, end: PhaseEnd): void {
  if (end.reason === "guard" && end.text.startsWith(DURATION_GUARD)) {
    run.warn(
      "BTP7004",
      `${run.stepName()} did not end within ${formatDuration(run.settings.maxStepDuration)} of simulated time; the simulator stopped it there`,
      "its ends are probably unreachable: give the step a time limit, or check its cut-off",
    );
  } else if (end.reason === "guard") {
    run.warn(
      "BTP7003",
      `${run.stepName()} cannot reach its end in the model: ${run.model.rangeLimitText(end.current > 0)}; the simulator stopped the step there`,
      "check the cut-off against the cell's voltage window, or give the step a time limit",
    );
  } else if (end.reason === "limit") {
    const message = `${run.stepName()} reached the ${end.text} at ${volts(end.voltage)}; a cycler stops the test here, and so does the simulation`;
    run.warn("BTP7005", message, "widen the safety limits, or check the step's cut-off and current");
    run.stoppedEarly = { reason: "limit", stepId: run.step?.id ?? null, message };
  }
  run.endStep(end.reason, end.text, end.voltage, end.current);
}

/** Runs `current` under the step's ends until one fires. Shared by CC, rest and techniques. */
export function constantCurrentPhase(run: Run, current: number, ends: StepEnds, startsStep: boolean): PhaseEnd {
  const model = run.model;
  if (startsStep) {
    model.setTemperature(run.chamber.cellAt(run.time));
    run.stepStarted(model.voltageWith(current), current);
  }
  const guard = current !== 0;
  const result = marchConstantCurrent(run, current, ends.horizon.seconds, ends.voltageEvents, guard);
  if (result.fired === null) return { reason: ends.horizon.reason, text: ends.horizon.text, voltage: result.voltage, current };
  if (result.fired === "guard") return { reason: "guard", text: "the cell is full or empty", voltage: result.voltage, current };
  return { reason: result.fired.reason, text: result.fired.text, voltage: result.voltage, current };
}

function runOpenCircuit(run: Run, step: StepIR, type: StepType, ends: readonly EndConditionIR[]): void {
  run.beginStep(step, type, null);
  finish(run, constantCurrentPhase(run, 0, collectEnds(run, ends, step.limits, 0), true));
}

function runConstantCurrent(run: Run, step: ConstantCurrentStepIR): void {
  const charge = step.direction === "charge";
  const current = charge ? step.current.si : -step.current.si;
  run.beginStep(step, charge ? "CC_CHG" : "CC_DCH", step.direction);
  finish(run, constantCurrentPhase(run, current, collectEnds(run, step.ends, step.limits, current), true));
}

/** The compliance of the channel during a hold: the protocol's current limit or the model's. */
export function complianceOf(limits: LimitsIR, cap: number): number {
  const limit = limits.current?.max;
  return Math.min(cap, limit != null && limit > 0 ? limit : Infinity);
}

function setpointVolts(run: Run, setpoint: VoltageSetpointIR): number {
  return setpoint.reference === "absolute" ? setpoint.volts : run.model.openCircuitVoltage() + setpoint.offsetVolts;
}

function runHold(run: Run, step: ConstantVoltageStepIR): void {
  const target = setpointVolts(run, step.voltage);
  const charging = target >= run.model.openCircuitVoltage();
  run.beginStep(step, charging ? "CV_CHG" : "CV_DCH", "other");
  const ends = collectEnds(run, step.ends, step.limits, null);
  finish(run, holdPhase(run, target, ends, complianceOf(step.limits, run.complianceCurrent), run.lastCurrent, true));
}

/** A voltage hold at `target` until the ends fire. */
export function holdPhase(run: Run, target: number, ends: StepEnds, compliance: number, guess: number, startsStep: boolean): PhaseEnd {
  if (ends.horizon.seconds <= 0) {
    if (startsStep) openCircuitStart(run);
    return { reason: ends.horizon.reason, text: ends.horizon.text, voltage: run.lastVoltage, current: run.lastCurrent };
  }
  return runControlledPhase(run, {
    control: "voltage",
    target: () => target,
    compliance,
    fixedStep: null,
    horizon: ends.horizon.seconds,
    horizonReason: ends.horizon.reason,
    horizonText: ends.horizon.text,
    currentEvents: ends.currentEvents,
    voltageEvents: [],
    capacity: ends.capacity,
    guess,
    startsStep,
  });
}

function runCcCv(run: Run, step: CcCvStepIR): void {
  const charge = step.direction === "charge";
  const current = charge ? step.current.si : -step.current.si;
  run.beginStep(step, charge ? "CCCV_CHG" : "CCCV_DCH", step.direction);
  const ccEnds = collectEnds(run, step.ccEnds, step.limits, current);
  const reach = {
    sign: charge ? 1 : -1,
    volts: step.voltage,
    reason: "voltage",
    text: `voltage ${charge ? "≥" : "≤"} ${volts(step.voltage)}`,
  } as const;
  ccEnds.voltageEvents.unshift(reach);
  const cc = constantCurrentPhase(run, current, ccEnds, true);
  if (cc.reason !== "voltage" || cc.text !== reach.text) return finish(run, cc);
  // The CV part: the channel limits the current to the CC current, as cyclers do.
  const cvEnds = collectEnds(run, step.cvEnds, step.limits, null, run.time);
  finish(run, holdPhase(run, step.voltage, cvEnds, Math.abs(current), current, false));
}

function runConstantPower(run: Run, step: ConstantPowerStepIR): void {
  const charge = step.direction === "charge";
  const power = charge ? step.power.si : -step.power.si;
  run.beginStep(step, charge ? "CP_CHG" : "CP_DCH", step.direction);
  const ends = collectEnds(run, step.ends, step.limits, null);
  if (ends.horizon.seconds <= 0) return finish(run, { ...openCircuitStart(run), reason: ends.horizon.reason, text: ends.horizon.text });
  const open = run.model.openCircuitVoltage();
  const end = runControlledPhase(run, {
    control: "power",
    target: () => power,
    compliance: complianceOf(step.limits, run.complianceCurrent),
    fixedStep: null,
    horizon: ends.horizon.seconds,
    horizonReason: ends.horizon.reason,
    horizonText: ends.horizon.text,
    currentEvents: ends.currentEvents,
    voltageEvents: ends.voltageEvents,
    capacity: ends.capacity,
    guess: open > 0 ? power / open : 0,
    startsStep: true,
  });
  finish(run, end);
}
