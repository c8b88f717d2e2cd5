// A Neware step file as data, in SI units: what the compiler builds from the IR and the writer
// turns into XML, and what the reader builds from XML and the importer turns into the IR. Unit
// scaling happens only at the XML boundary (conventions.ts).

import type { Span } from "../../diagnostics/diagnostic.js";

/** `Limit/Main` of a step. */
export interface NewareMain {
  /** A, magnitude (`Curr`). For a CV step: the current it may draw. */
  current?: number;
  /** C-rate written beside `Curr` (`Rate`), for reference. */
  rate?: number;
  /** V (`Volt`): the CV set-point of CV and CC-CV steps. */
  voltage?: number;
  /** V (`Stop_Volt`): the cut-off of CC steps. */
  stopVoltage?: number;
  /** A (`Stop_Curr`): the taper current of CV and CC-CV steps. */
  stopCurrent?: number;
  /** (`Stop_Rate`) */
  stopRate?: number;
  /** s (`Time`): the step time limit. */
  time?: number;
  /** C (`Cap`): the step capacity limit. */
  capacity?: number;
}

export interface NewareProtection {
  /** V */
  voltageUpper?: number;
  voltageLower?: number;
  /** A, signed as in the file (lower is negative). */
  currentUpper?: number;
  currentLower?: number;
  /** C */
  capacityUpper?: number;
  /** s; read, not written (the IR has no protection delay). */
  delay?: number;
}

export interface NewareRecord {
  /** s */
  time?: number;
  /** V */
  voltage?: number;
  /** A */
  current?: number;
}

export interface NewareStep {
  /** Step_ID, 1-based; also the N of the element name StepN. */
  id: number;
  type: number;
  main: NewareMain;
  /** For Cycle steps (type 5). */
  cycle?: { startStep: number; count: number };
  /** Per-step recording, when it differs from the whole file's. */
  record?: NewareRecord;
  /** Per-step protection, when it differs from the whole file's. */
  protect?: NewareProtection;
  /** Where the step came from (IR node when compiling, the StepN element when importing). */
  span: Span;
}

export interface NewareSchedule {
  /** Free text; btp writes the protocol title here. */
  remark: string;
  creator: string;
  /** "Product number": btp writes the cell's name. */
  pn: string;
  /** C; the reference capacity for C-rates (`MultCap`), when the protocol has any. */
  multCap?: number;
  /** Scale the file's currents and capacities are written in (1 = mA, mA·s). */
  scale: number;
  protect: NewareProtection;
  record: NewareRecord;
  /** Every step including the final End step. */
  steps: NewareStep[];
}
