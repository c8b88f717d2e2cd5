// Every Maccor convention btp relies on, in one place. Evidence (see
// /work/shared/research/cycler-formats.md §4 and docs/targets/maccor.md): the nine procedures in
// /work/shared/vendor-samples/maccor/ (TRI-AMDD beep and mpet: real and real-style .000 files),
// BattGenie's BG_EIS.000 and its .FRA files (public, MIT), and BEEP's Maccor readers/converters.

import { formatNumber } from "../../units/format.js";

// ---------------------------------------------------------------------------------------------
// The file

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
export const PROCESSING_INSTRUCTION = '<?maccor-application progid="Maccor Procedure File"?>';
/** The header versions of the TRI files (BEEP's templates); every public procedure has BTVersion 11. */
export const BUILD_TEST_VERSION = { major: "1", minor: "5", release: "7006", build: "32043" } as const;
export const BT_VERSION = "11";
/** Real files use both; the ones saved on instrument PCs (diagnosticV5, Short_PreDiag) use CRLF. */
export const LINE_ENDING = "\r\n";
export const INDENT = "  ";
/** Every public procedure is pure ASCII under a UTF-8 declaration. btp keeps it so: any other
 * character is written as an XML character reference (&#xB0; for °), which every XML reader
 * turns back into the character, so nothing is lost or replaced. */
export const ASCII_ONLY = true;

// ---------------------------------------------------------------------------------------------
// Fixed-width fields

/** StepType, StepMode, EndType and ReportType are 8-character fields, centred the way Python's
 * str.center pads (the odd space goes to the right: "End" → "  End   ", "Current" → "Current ").
 * Longer text is written as it is. */
export const FIELD_WIDTH = 8;

export function padField(text: string, width = FIELD_WIDTH): string {
  const margin = width - text.length;
  if (margin <= 0) return text;
  const left = Math.floor(margin / 2) + (margin & width & 1);
  return " ".repeat(left) + text + " ".repeat(margin - left);
}

/** SpecialType is always one space in public files. */
export const SPECIAL_TYPE = " ";

/** Oper is a 3-character field: " = " for times and loop counts, ">= " and "<= " otherwise. */
export type MaccorOper = "=" | ">=" | "<=" | ">" | "<";

export function operField(oper: MaccorOper): string {
  return oper === "=" ? " = " : oper.padEnd(3, " ");
}

/** Jump targets are 3-digit step numbers ("007"), so a procedure holds at most 999 steps. */
export const MAX_STEPS = 999;

export function stepNumberField(n: number): string {
  return String(n).padStart(3, "0");
}

// ---------------------------------------------------------------------------------------------
// Step, mode, end and report names (trimmed; the writer pads them)

export const STEP = {
  rest: "Rest",
  charge: "Charge",
  /** Maccor's own spelling. */
  discharge: "Dischrge",
  pause: "Pause",
  fra: "FRA",
  end: "End",
  advanceCycle: "AdvCycle",
} as const;

export const doStep = (level: number): string => `Do ${level}`;
export const loopStep = (level: number): string => `Loop ${level}`;

export const MODE = { current: "Current", voltage: "Voltage", power: "Power" } as const;
export const END = { time: "StepTime", voltage: "Voltage", current: "Current", capacity: "Amp Hour", loopCount: "Loop Cnt" } as const;
export const REPORT = { time: "StepTime", voltage: "Voltage", current: "Current" } as const;

/** Steps that carry no measurement (Do, Loop, End, Pause, FRA, AdvCycle) leave Range and the
 * options empty; charge, discharge and rest steps use the auto range "A" and options "N", as the
 * TRI files do. */
export const MEASURING_RANGE = "A";
export const MEASURING_OPTION = "N";

// ---------------------------------------------------------------------------------------------
// Current sign and units

/** Values are magnitudes; the direction is the StepType (Charge / Dischrge). Units: A, V, W, Ah.
 * A value with a "C" suffix is a multiple of the cell capacity, which a Maccor procedure does not
 * hold (it is entered when the test starts). */
export const C_SUFFIX = "C";

/** Numbers as the public files write them: a decimal point always ("3.0", "4.2"), scientific
 * notation below 1e-3 in Java's style ("1.0E-4"), never binary residue. */
export function formatValue(x: number): string {
  if (!Number.isFinite(x) || x === 0) return "0.0";
  const rounded = Number(x.toPrecision(12));
  const magnitude = Math.abs(rounded);
  if (magnitude >= 1e-3 && magnitude < 1e7) return withPoint(formatNumber(rounded));
  const [mantissa, exponent] = rounded.toExponential().split("e") as [string, string];
  return `${withPoint(formatNumber(Number(mantissa)))}E${Number(exponent)}`;
}

export function formatCMultiple(multiple: number): string {
  return `${formatValue(multiple)}${C_SUFFIX}`;
}

function withPoint(text: string): string {
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A value field: a number, optionally with the C suffix; null when it is not one. */
export function parseValue(text: string): { value: number; perC: boolean } | null {
  const trimmed = text.trim();
  const perC = /c$/i.test(trimmed);
  const digits = perC ? trimmed.slice(0, -1).trim() : trimmed;
  if (!NUMBER.test(digits)) return null;
  const value = Number(digits);
  return Number.isFinite(value) ? { value, perC } : null;
}

// ---------------------------------------------------------------------------------------------
// Times

/** Maccor counts step time in 10 ms ticks ("::.01" is the shortest time in public files). */
export const TIME_RESOLUTION_SECONDS = 0.01;

/** "hh:mm:ss", with hundredths when needed ("00:00:00.5"); hours are not capped at 99. Null when
 * the time is not a whole number of 10 ms ticks or not finite. */
export function formatTime(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  const ticks = Math.round(seconds / TIME_RESOLUTION_SECONDS);
  if (Math.abs(ticks * TIME_RESOLUTION_SECONDS - seconds) > 1e-9 * Math.max(1, seconds)) return null;
  const hours = Math.floor(ticks / 360_000);
  const minutes = Math.floor((ticks % 360_000) / 6000);
  const hundredths = ticks % 6000;
  const whole = Math.floor(hundredths / 100);
  const fraction = hundredths % 100;
  const secondsText = String(whole).padStart(2, "0") + (fraction === 0 ? "" : `.${String(fraction).padStart(2, "0").replace(/0$/, "")}`);
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}:${secondsText}`;
}

/** "hh:mm:ss(.ss)", where any field may be empty ("::.01" = 10 ms, "3600::" = 3600 h). */
export function parseTime(text: string): number | null {
  const parts = text.trim().split(":");
  if (parts.length !== 3) return null;
  let total = 0;
  const scale = [3600, 60, 1];
  for (let i = 0; i < 3; i++) {
    const part = parts[i]!.trim();
    if (part === "") continue;
    if (!/^(?:\d+\.?\d*|\.\d+)$/.test(part)) return null;
    total += Number(part) * scale[i]!;
  }
  return Number.isFinite(total) ? Number(total.toPrecision(12)) : null;
}

// ---------------------------------------------------------------------------------------------
// Loops

/** A loop is a `Do n` step, the body, and a `Loop n` step whose "Loop Cnt" end holds the count
 * and jumps to the step after the loop once the count is met. The count is the number of passes
 * through the body: `repeat 3` is "Loop Cnt = 3" (BEEP's converters read it so: Maccor "Loop Cnt
 * N" becomes BioLogic ctrl_repeat N − 1 and an Arbin counter test "< N"). */
export function loopCountField(passes: number): string {
  return String(passes);
}

export function passesOf(loopCount: number): number {
  return loopCount;
}

/** Do 1 … Do 3 are seen in public procedures; deeper nesting is not documented. btp numbers the
 * levels by depth: the outermost loop is Do 1 / Loop 1. */
export const MAX_LOOP_DEPTH = 3;

/** An AdvCycle step ends each pass of an innermost loop, so that the cycle number in Maccor's
 * data file counts btp's cycles (TRI procedures advance it after every charge/discharge pair). */
export const ADVANCE_CYCLE_IN_INNERMOST_LOOPS = true;

// ---------------------------------------------------------------------------------------------
// Impedance: the FRA step and its .FRA side file

/** The FRA step names its settings file (without extension) in StepValue. BEEP limits FastWave
 * names to 24 characters; btp keeps FRA names to the same. */
export const MAX_SIDE_FILE_NAME = 24;

/** The .FRA keys btp writes, in the order of BattGenie's BG_EIS_5mV_BaselineCycle.FRA. Only the
 * sweep (amplitude in mV, frequencies in Hz, points per decade) comes from the protocol; the rest
 * is that file's set-up (potentiostatic at open circuit, auto bandwidth, 200 mA range, 4 A
 * current limit) and is listed in the procedure's header as something to check. */
export const FRA_SETUP = {
  FRAType: "3",
  Mode: "0",
  DataQuality: "1",
  MeasDelay: "0",
  Range: "200 mA",
  BandWidth: "AUTO",
  Potential: "0",
  PotentialVs: "-1",
  LimitCurrent: "4",
} as const;
