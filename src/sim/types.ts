// What the simulator produces. Everything is in SI units (s, V, A, C, J, K); the writers convert
// to the units of the output format (Ah, Wh, °C). Current is positive on charge, as in BDF.

import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { CellParameters } from "./parameters/catalogue.js";

/** Step types as BDF and cycler exports name them. */
export type StepType =
  | "REST"
  | "OCV"
  | "CC_CHG"
  | "CC_DCH"
  | "CP_CHG"
  | "CP_DCH"
  | "CV_CHG"
  | "CV_DCH"
  | "CCCV_CHG"
  | "CCCV_DCH"
  | "EIS"
  | "LSV"
  | "CV"
  | "TEMPERATURE"
  | "PAUSE";

/** One sample of the trace. */
export interface TraceRow {
  /** s since the start of the test */
  time: number;
  /** V */
  voltage: number;
  /** A, positive on charge */
  current: number;
  /** 1-based cycle number (docs/simulator.md, "Cycles") */
  cycle: number;
  /** 1-based count of executed steps; never repeats */
  step: number;
  /** The protocol step (IR id, e.g. "3.1.2"); repeats in loops */
  stepId: string;
  stepType: StepType;
  /** C charged into the cell since the start of the test */
  chargeCapacity: number;
  /** C discharged from the cell since the start of the test */
  dischargeCapacity: number;
  /** K: the chamber set-point */
  ambientTemperature: number;
  /** K: the cell, which follows the chamber with a lag */
  cellTemperature: number;
}

/** Which end condition finished a step. */
export type EndReason =
  | "time"
  | "voltage"
  | "current"
  | "capacity"
  | "temperature"
  /** The step ends by its nature: a sweep reached its last vertex, an EIS finished, a pause. */
  | "complete"
  /** The model could not meet any end condition and a safety bound stopped it (with a warning). */
  | "guard"
  /** A safety limit of the protocol was reached; the test stops there. */
  | "limit"
  /** The model failed (a non-finite value); the test stops there. */
  | "error";

/** One row of the step table: every executed step. */
export interface StepRecord {
  step: number;
  stepId: string;
  label: string | null;
  stepType: StepType;
  cycle: number;
  /** s */
  startTime: number;
  endTime: number;
  endReason: EndReason;
  /** The condition in words, e.g. "voltage ≥ 3.9 V", "time 2 h", "sweep complete". */
  endCondition: string;
  startVoltage: number;
  endVoltage: number;
  /** A at the start and at the end of the step */
  startCurrent: number;
  endCurrent: number;
  /** C charged and discharged during the step (magnitudes) */
  chargeCapacity: number;
  dischargeCapacity: number;
  /** J into and out of the cell during the step (magnitudes) */
  chargeEnergy: number;
  dischargeEnergy: number;
  ambientTemperature: number;
  cellTemperature: number;
  /** The model state at the end of the step (state of charge, capacity, ...). */
  state: Record<string, number>;
}

/** One row of the per-cycle summary. */
export interface CycleSummary {
  cycle: number;
  startTime: number;
  endTime: number;
  /** C (magnitudes) */
  chargeCapacity: number;
  dischargeCapacity: number;
  /** discharge / charge, null without a charge */
  coulombicEfficiency: number | null;
  /** J (magnitudes) */
  chargeEnergy: number;
  dischargeEnergy: number;
  /** V: energy / capacity, null without charge or discharge */
  meanChargeVoltage: number | null;
  meanDischargeVoltage: number | null;
  /** V at the end of the last charge and discharge steps of the cycle */
  endOfChargeVoltage: number | null;
  endOfDischargeVoltage: number | null;
  /** Discharge capacity as a fraction of the reference cycle's (null before the reference). */
  retention: number | null;
  ambientTemperature: number;
}

export interface EisPoint {
  /** Hz */
  frequency: number;
  /** Ω */
  real: number;
  /** Ω, negative when capacitive (as BDF reports it) */
  imaginary: number;
  modulus: number;
  /** degrees */
  phase: number;
}

export interface EisSpectrum {
  step: number;
  stepId: string;
  cycle: number;
  /** s: when the spectrum was taken (the end of the EIS step) */
  time: number;
  cellTemperature: number;
  /** A: DC bias current */
  dcCurrent: number;
  points: EisPoint[];
}

export interface VoltammogramPoint {
  time: number;
  /** V: the applied (set) potential */
  potential: number;
  /** A, positive anodic/charging */
  current: number;
  /** 1-based sweep cycle within the step */
  sweepCycle: number;
}

/** Where the simulator sends its output, as it goes: nothing is kept in memory. `row` receives
 * a fresh object that the sink may keep. */
export interface TraceSink {
  row(r: TraceRow): void;
  step?(s: StepRecord): void;
  cycle?(c: CycleSummary): void;
  eis?(e: EisSpectrum): void;
  /** One call per LSV or CV step, with all its points. */
  voltammogram?(v: VoltammogramPoint[], step: { step: number; stepId: string; cycle: number; scanRate: number }): void;
}

export interface SimulationOptions {
  /** V: straight lines between trace points stay this close to the model curve. Default 0.002. */
  tolerance?: number;
  /** Overrides on top of the cell's defaults (from a parameter file or the API). */
  cellParameters?: Partial<CellParameters>;
  /** Called with 0..1 as the run proceeds (at most about 200 times). */
  onProgress?: (fraction: number) => void;
  /** Per-cycle summary and step table only: no trace rows (faster). */
  summaryOnly?: boolean;
  /** Retention is relative to this cycle's discharge capacity; default: the first cycle with a
   * discharge. */
  retentionReferenceCycle?: number;
  /** K: the cell's temperature before the first step. Default: the first step's ambient when it is
   * not a temperature step, else 25 °C. */
  initialTemperature?: number;
  /** Refuse protocols that would run more steps than this (default 5,000,000). */
  maxSteps?: number;
  /** s: a step that has not ended after this long stops with a warning (default 1000 h). */
  maxStepDuration?: number;
}

export interface SimulationResult {
  diagnostics: Diagnostic[];
  /** The parameters used (null when the cell could not be modelled). */
  parameters: CellParameters | null;
  stepsRun: number;
  cycles: number;
  /** s of simulated test time */
  duration: number;
  rowsWritten: number;
  /** Why the test ended early, when it did. */
  stoppedEarly: { reason: "limit" | "stop" | "error"; stepId: string | null; message: string } | null;
}
