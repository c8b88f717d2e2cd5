// Cycle numbering and the per-cycle summary.
//
// Cycle Count starts at 1. Inside a loop whose body holds no further loop, every pass is a cycle:
// a pass starts a new cycle unless the cycle so far has passed no current (so an impedance
// measurement or a rest before the first loop joins cycle 1). Outside such loops, a charge that
// follows a discharge starts a new cycle (the charge/discharge alternance cyclers use), and so
// does the first current-carrying step after a loop pass has ended.
//
// The summary is computed from differences of the test's running totals of charge and energy,
// which are integrated exactly (or by Simpson's rule on the accepted march intervals) and do not
// depend on the trace tolerance.

import type { CycleSummary, TraceSink } from "../types.js";

export interface Totals {
  time: number;
  charged: number;
  discharged: number;
  chargeEnergy: number;
  dischargeEnergy: number;
}

export type StepDirection = "charge" | "discharge" | "other";

export class CycleCounter {
  cycle = 1;
  private start: Totals;
  private hasCurrent = false;
  private hasDischarge = false;
  private afterPass = false;
  private innermostDepth = 0;
  private endOfCharge: number | null = null;
  private endOfDischarge: number | null = null;
  private ambient = 298.15;
  private reference: number | null = null;
  completed = 0;

  constructor(
    start: Totals,
    private readonly sink: TraceSink,
    private readonly referenceCycle: number | null,
    /** Retention means something only for a cell with a capacity (not Na | Na, not blocking). */
    private readonly hasCapacity: boolean,
  ) {
    this.start = { ...start };
  }

  /** A pass of an innermost loop begins. */
  passStart(now: Totals): void {
    if (this.hasCurrent) this.next(now);
    this.afterPass = false;
    this.innermostDepth++;
  }

  passEnd(): void {
    this.innermostDepth--;
    this.afterPass = true;
  }

  /** A step that passes current begins (`other`: a hold, sweep or voltammetry). */
  currentStepStart(direction: StepDirection, now: Totals): void {
    if (this.innermostDepth === 0 && this.hasCurrent && (this.afterPass || (direction === "charge" && this.hasDischarge))) {
      this.next(now);
    }
    this.afterPass = false;
    this.hasCurrent = true;
    if (direction === "discharge") this.hasDischarge = true;
  }

  /** A step ended: remember its end voltage if it charged or discharged. */
  stepEnded(charged: number, discharged: number, endVoltage: number, ambient: number): void {
    if (charged > 0 && discharged === 0) this.endOfCharge = endVoltage;
    if (discharged > 0 && charged === 0) this.endOfDischarge = endVoltage;
    this.ambient = ambient;
  }

  private next(now: Totals): void {
    this.close(now);
    this.cycle++;
    this.start = { ...now };
    this.hasCurrent = false;
    this.hasDischarge = false;
    this.endOfCharge = null;
    this.endOfDischarge = null;
  }

  /** Emits the summary of the cycle in progress (at the end of the test, or when a new one starts). */
  close(now: Totals): void {
    const charge = now.charged - this.start.charged;
    const discharge = now.discharged - this.start.discharged;
    const chargeEnergy = now.chargeEnergy - this.start.chargeEnergy;
    const dischargeEnergy = now.dischargeEnergy - this.start.dischargeEnergy;
    if (this.reference === null && discharge > 0 && (this.referenceCycle === null || this.cycle === this.referenceCycle)) {
      this.reference = discharge;
    }
    const summary: CycleSummary = {
      cycle: this.cycle,
      startTime: this.start.time,
      endTime: now.time,
      chargeCapacity: charge,
      dischargeCapacity: discharge,
      coulombicEfficiency: charge > 0 && discharge > 0 ? discharge / charge : null,
      chargeEnergy,
      dischargeEnergy,
      meanChargeVoltage: charge > 0 ? chargeEnergy / charge : null,
      meanDischargeVoltage: discharge > 0 ? dischargeEnergy / discharge : null,
      endOfChargeVoltage: this.endOfCharge,
      endOfDischargeVoltage: this.endOfDischarge,
      retention: this.hasCapacity && this.reference !== null ? discharge / this.reference : null,
      ambientTemperature: this.ambient,
    };
    this.completed++;
    this.sink.cycle?.(summary);
  }
}
