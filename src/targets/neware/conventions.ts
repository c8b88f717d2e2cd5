// Every Neware BTS convention btp relies on, in one place. Evidence (see
// /work/shared/research/cycler-formats.md §2 and docs/targets/neware.md): one real BTS 8 file and
// one real BTS 7 file (no licence, not copied), the generators aurora-unicycler ("tested on BTS
// 8.0.0"), bmgen, neware-utils, and Neware's web manuals.

import { formatNumber } from "../../units/format.js";

// ---------------------------------------------------------------------------------------------
// The file

/** `<config type="Step File" version="17">`: BTS 8.0.0 (15 = BTS 7.x, 18 = BTS 8.0.1). */
export const CONFIG_VERSION = "17";
/** Tools that pick up step files (aurora-cycler-manager) look for this prefix, so always write it. */
export const CLIENT_VERSION = "BTS Client 8.0.0.478(2024.06.24)(R3)";
/** 66 in every BTS 8 file seen (65 in BTS 7); its meaning is not documented. */
export const OPERATE = "66";
/** 103 = "non C-rate mode": the instrument runs `Curr` (mA) even when `Rate` is written too. */
export const RATE_TYPE = "103";
/** The date attribute (yyyymmddHHMMSS in BTS-saved files). btp writes "0", as bmgen does, so
 * the same protocol always compiles to the same bytes. */
export const FILE_DATE = "0";

/** UTF-8 declaration; attribute text is kept to ASCII (other characters become character
 * references) because BTS clients on Chinese Windows read undeclared bytes as GB2312. */
export const XML_DECLARATION_ENCODING = "UTF-8";
/** BTS runs on Windows and the real BTS 7 file uses CRLF; XML readers accept either. */
export const LINE_ENDING = "\r\n";
export const INDENT = "  ";

/** Neware's limit: 254 editable steps per process, plus the mandatory End step. */
export const MAX_EDITABLE_STEPS = 254;

// ---------------------------------------------------------------------------------------------
// Step types (Step_Type), current sign and loop counting

export const STEP_TYPE = {
  ccCharge: 1,
  ccDischarge: 2,
  cvCharge: 3,
  rest: 4,
  cycle: 5,
  end: 6,
  ccCvCharge: 7,
  cvDischarge: 19,
  ccCvDischarge: 20,
} as const;

/** Names of the step types btp does not import, for messages (bmgen / neware-utils numbering). */
export const UNSUPPORTED_STEP_TYPES: Readonly<Record<number, string>> = {
  8: "CP_DChg (constant-power discharge)",
  9: "CP_Chg (constant-power charge)",
  10: "CR_DChg (constant-resistance discharge)",
  13: "Pause",
  16: "Pulse",
  17: "SIM (drive profile)",
  18: "PCCCV_Chg",
  25: "voltage scan",
};

/** Current has no sign in the file: the step type says charge or discharge, values are
 * magnitudes. */
export function ccStepType(direction: "charge" | "discharge"): number {
  return direction === "charge" ? STEP_TYPE.ccCharge : STEP_TYPE.ccDischarge;
}

export function cvStepType(direction: "charge" | "discharge"): number {
  return direction === "charge" ? STEP_TYPE.cvCharge : STEP_TYPE.cvDischarge;
}

export function ccCvStepType(direction: "charge" | "discharge"): number {
  return direction === "charge" ? STEP_TYPE.ccCvCharge : STEP_TYPE.ccCvDischarge;
}

/** A Cycle step (type 5) sends the run back to Start_Step, Cycle_Count times in all: Neware's
 * manual says "cycle from step x to the step above for n times", and aurora-unicycler (tested on
 * BTS 8) writes its total pass count there (the same number it writes as `count − 1` into
 * BioLogic's ctrl_repeat). So 3 passes → Cycle_Count 3. Unconfirmed on an instrument: see
 * docs/targets/neware.md. */
export function cycleCountForPasses(passes: number): number {
  return passes;
}

export function passesForCycleCount(cycleCount: number): number {
  return cycleCount;
}

// ---------------------------------------------------------------------------------------------
// Units. `Scale` multiplies currents and capacities (Scale 1: mA and mA·s; BTS 7 files use
// Scale 1000, i.e. µA). btp writes Scale 1 and reads whatever the file says.

export const WRITE_SCALE = 1;

/** V → 0.1 mV */
export function voltsToFile(volts: number): number {
  return volts * 10_000;
}

export function fileToVolts(value: number): number {
  return value / 10_000;
}

/** s → ms */
export function secondsToFile(seconds: number): number {
  return seconds * 1000;
}

export function fileToSeconds(value: number): number {
  return value / 1000;
}

/** A → mA × Scale */
export function ampsToFile(amperes: number, scale = WRITE_SCALE): number {
  return amperes * 1000 * scale;
}

export function fileToAmps(value: number, scale: number): number {
  return value / 1000 / scale;
}

/** C (coulomb = A·s) → mA·s × Scale */
export function coulombsToFile(coulombs: number, scale = WRITE_SCALE): number {
  return coulombs * 1000 * scale;
}

export function fileToCoulombs(value: number, scale: number): number {
  return value / 1000 / scale;
}

/** Numbers as BTS writes them: plain decimals with a point, no exponent, no float residue. */
export function formatFileNumber(value: number): string {
  const text = formatNumber(value, 12);
  if (!/e/i.test(text)) return text;
  // Below 1e-6 (a current under 1 nA in mA): fixed notation, trailing zeros trimmed.
  return value.toFixed(12).replace(/\.?0+$/, "") || "0";
}
