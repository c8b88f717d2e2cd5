// The state of one simulated test: the clock, the running totals, the step in progress, and the
// sink that receives rows, steps and cycles as they happen. Step runners advance it; nothing in
// here depends on how many cycles have passed, so memory stays flat.

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { StepIR } from "../../ir/types.js";
import type { CellModel } from "../model/cell-model.js";
import type { EndReason, StepRecord, StepType, TraceSink } from "../types.js";
import { Chamber } from "./chamber.js";
import { CycleCounter, type StepDirection, type Totals } from "./cycles.js";
import { describeStep } from "./describe.js";

/** Thrown when the model returns a non-finite number; the walker turns it into BTP7006. */
export class ModelFailure extends Error {}

export interface RunSettings {
  /** V: the chord tolerance used inside steps (0.7 × the user's tolerance). */
  chordTolerance: number;
  emitRows: boolean;
  maxStepDuration: number;
}

export class Run implements Totals {
  time = 0;
  charged = 0;
  discharged = 0;
  chargeEnergy = 0;
  dischargeEnergy = 0;
  stepCount = 0;
  rowsWritten = 0;
  readonly cycles: CycleCounter;
  readonly diagnostics: Diagnostic[] = [];
  stoppedEarly: { reason: "limit" | "stop" | "error"; stepId: string | null; message: string } | null = null;

  /** Scratch for the march (one object for the whole run, so marching allocates nothing). */
  readonly chordValues = { mid: 0, end: 0, midExcess: 0, endExcess: 0 };
  /** The step in progress. */
  step: StepIR | null = null;
  stepType: StepType = "REST";
  private stepStart: Totals = this.totals();
  private stepStartVoltage = NaN;
  private stepStartCurrent = 0;
  /** The voltage and current at the last point the run passed through. */
  lastVoltage = NaN;
  lastCurrent = 0;

  constructor(
    readonly model: CellModel,
    readonly chamber: Chamber,
    readonly sink: TraceSink,
    readonly settings: RunSettings,
    referenceCycle: number | null,
    /** A: the channel's current limit in voltage-controlled steps. */
    readonly complianceCurrent: number,
  ) {
    this.cycles = new CycleCounter(this.totals(), sink, referenceCycle, model.kind === "full");
  }

  totals(): Totals {
    return {
      time: this.time,
      charged: this.charged,
      discharged: this.discharged,
      chargeEnergy: this.chargeEnergy,
      dischargeEnergy: this.dischargeEnergy,
    };
  }

  /** Books `dt` seconds at `current` with `energy` J (∫V·I dt, signed like the current). */
  advance(dt: number, current: number, energy: number): void {
    this.time += dt;
    if (current > 0) {
      this.charged += current * dt;
      this.chargeEnergy += energy;
    } else if (current < 0) {
      this.discharged -= current * dt;
      this.dischargeEnergy -= energy;
    }
  }

  /** A trace row at absolute `time`; `pending` seconds at `current` are not booked yet. */
  sample(time: number, voltage: number, current: number, pending = 0): void {
    if (!Number.isFinite(voltage) || !Number.isFinite(current))
      throw new ModelFailure(`non-finite ${Number.isFinite(voltage) ? "current" : "voltage"}`);
    this.lastVoltage = voltage;
    this.lastCurrent = current;
    if (!this.settings.emitRows) return;
    this.sink.row({
      time,
      voltage,
      current,
      cycle: this.cycles.cycle,
      step: this.stepCount,
      stepId: this.step?.id ?? "",
      stepType: this.stepType,
      chargeCapacity: this.charged + (current > 0 ? current * pending : 0),
      dischargeCapacity: this.discharged + (current < 0 ? -current * pending : 0),
      ambientTemperature: this.chamber.setpoint,
      cellTemperature: this.chamber.cellAt(time),
    });
    this.rowsWritten++;
  }

  /** Opens a step. `direction` says whether it passes current (for cycle numbering). */
  beginStep(step: StepIR, type: StepType, direction: StepDirection | null): void {
    if (direction !== null) this.cycles.currentStepStart(direction, this);
    this.stepCount++;
    this.step = step;
    this.stepType = type;
    this.stepStart = this.totals();
    this.stepStartVoltage = NaN;
  }

  /** The first point of a step (after the instantaneous jump of an IR drop). */
  stepStarted(voltage: number, current: number): void {
    this.stepStartVoltage = voltage;
    this.stepStartCurrent = current;
    this.sample(this.time, voltage, current);
  }

  /** Closes the step: its last row, its record, the cycle's end voltages, the model's aging. */
  endStep(reason: EndReason, condition: string, voltage: number, current: number): StepRecord {
    const step = this.step!;
    if (this.time > this.stepStart.time || Number.isNaN(this.stepStartVoltage)) this.sample(this.time, voltage, current);
    if (Number.isNaN(this.stepStartVoltage)) {
      this.stepStartVoltage = voltage;
      this.stepStartCurrent = current;
    }
    this.model.endStep();
    const charged = this.charged - this.stepStart.charged;
    const discharged = this.discharged - this.stepStart.discharged;
    this.cycles.stepEnded(charged, discharged, voltage, this.chamber.setpoint);
    const record: StepRecord = {
      step: this.stepCount,
      stepId: step.id,
      label: step.label,
      stepType: this.stepType,
      cycle: this.cycles.cycle,
      startTime: this.stepStart.time,
      endTime: this.time,
      endReason: reason,
      endCondition: condition,
      startVoltage: this.stepStartVoltage,
      endVoltage: voltage,
      startCurrent: this.stepStartCurrent,
      endCurrent: current,
      chargeCapacity: charged,
      dischargeCapacity: discharged,
      chargeEnergy: this.chargeEnergy - this.stepStart.chargeEnergy,
      dischargeEnergy: this.dischargeEnergy - this.stepStart.dischargeEnergy,
      ambientTemperature: this.chamber.setpoint,
      cellTemperature: this.chamber.cellAt(this.time),
      state: this.model.stateSummary(),
    };
    this.sink.step?.(record);
    this.lastVoltage = voltage;
    this.lastCurrent = current;
    return record;
  }

  /** |charge| passed since the step began (C). */
  stepCharge(): number {
    return this.charged - this.stepStart.charged + (this.discharged - this.stepStart.discharged);
  }

  stepElapsed(): number {
    return this.time - this.stepStart.time;
  }

  warn(code: string, message: string, hint?: string): void {
    const step = this.step!;
    this.diagnostics.push({ code, severity: "warning", message, span: step.span, ...(hint ? { hint } : {}) });
  }

  /** `step 3.1 (charge at 1C)`: how messages name the step in progress. */
  stepName(): string {
    const step = this.step!;
    const label = step.label ? ` "${step.label}"` : "";
    return `step ${step.id}${label} (${describeStep(step)})`;
  }
}

export type { Totals, StepDirection };
