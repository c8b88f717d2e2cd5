// A Maccor procedure as the file holds it: an ordered list of steps whose fields are text, with
// jump targets as 1-based step numbers. The writer pads the fields; the reader trims them. Spans
// are set by the reader (they point into the file) and are absent for steps btp built.

import type { Span } from "../../diagnostics/diagnostic.js";
import type { MaccorOper } from "./conventions.js";

export interface MaccorEnd {
  /** EndType, trimmed: "StepTime", "Voltage", "Current", "Amp Hour", "Loop Cnt"… */
  type: string;
  oper: MaccorOper;
  /** The step to go to (1-based). */
  goto: number;
  value: string;
  /** <ChanSafetyEnd>True</ChanSafetyEnd>: a channel safety end. */
  channelSafety: boolean;
  span?: Span;
}

export interface MaccorReport {
  /** ReportType, trimmed: "StepTime", "Voltage", "Current". */
  type: string;
  value: string;
  span?: Span;
}

/** One child of <Limits>: <Voltage>4.2</Voltage> (the CV clamp of a CCCV step) or <Current>. */
export interface MaccorLimit {
  name: string;
  value: string;
}

export interface MaccorStep {
  /** StepType, trimmed: "Rest", "Charge", "Dischrge", "Do 1", "Loop 1", "End"… */
  type: string;
  /** StepMode, trimmed: "" | "Current" | "Voltage" | "Power". */
  mode: string;
  value: string;
  limits: MaccorLimit[];
  ends: MaccorEnd[];
  reports: MaccorReport[];
  range: string;
  options: [string, string, string];
  note: string;
  span?: Span;
}

export interface MaccorProcedure {
  /** False for the empty-procedure edge case (no <header> element at all). */
  hasHeader: boolean;
  description: string;
  /** False when the file has no <ProcSteps> element. */
  hasSteps: boolean;
  steps: MaccorStep[];
}

/** A side file a procedure names (an FRA set-up for an impedance step). */
export interface MaccorSideFile {
  name: string;
  extension: "FRA";
  text: string;
}
