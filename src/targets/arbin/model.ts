// An Arbin MITS Pro 7 schedule as data: what the compiler builds from the IR and the writer turns
// into .sdu text, and what the reader builds from .sdu text and the importer turns into the IR.
// Values stay as the file spells them (strings) except where btp computes them; units are the
// file's own (A, V, s, Ah), converted only in lower.ts and to-ir.ts.

import type { Span } from "../../diagnostics/diagnostic.js";

/** One comparison: `PV_CHAN_Voltage >= 4.2`. */
export interface ArbinEquation {
  left: string;
  compare: string;
  right: string;
}

/** A [Schedule_StepN_LimitM] section. */
export interface ArbinLimit {
  /** m_bStepLimit: the limit ends the step (else it only logs a point). */
  stepLimit: boolean;
  /** m_bLogDataLimit: a data point is logged when it fires. */
  logLimit: boolean;
  /** "Next Step", "End Test", "Unsafe" or a step label. */
  goto: string;
  /** Up to three, all of which must hold. */
  equations: ArbinEquation[];
  span: Span;
}

/** A [Schedule_StepN] section. */
export interface ArbinStep {
  label: string;
  ctrlType: string;
  currentRange: string;
  voltageRange: string;
  ctrlValue: string;
  extCtrlValue1: string;
  extCtrlValue2: string;
  limits: ArbinLimit[];
  /** Other keys as read (import) — kept for reporting, never written. */
  otherKeys?: Record<string, string>;
  span: Span;
}

/** Safety scopes of [Schedule]; each [min, max] in the file's unit (A, V, W, °C). */
export interface ArbinSafety {
  current?: [number, number];
  voltage?: [number, number];
  power?: [number, number];
  temperature?: [number, number];
}

export interface ArbinSchedule {
  comments: string;
  creator: string;
  safety: ArbinSafety;
  /** m_fMinDtSeconds, when btp sets it (the shortest logging interval). */
  minDtSeconds?: number;
  steps: ArbinStep[];
}
