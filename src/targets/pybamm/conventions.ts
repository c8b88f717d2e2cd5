// Every PyBaMM convention btp relies on, in one place. Evidence: PyBaMM's experiment step parser
// (`pybamm/experiment/step/steps.py::string`, `base_step.py`, `step_termination.py`) and its
// tests, summarised in /work/shared/research/potentiostat-and-data-formats.md §4 and
// docs/targets/pybamm.md.
//
// The step-string grammar PyBaMM reads (since v23.5):
//   "Discharge at 0.5 A until 2.3 V", "Charge at C/20 for 1 hour or until 4.1 V",
//   "Hold at 3.9 V until 14.7 mA", "Rest for 10 minutes"
// - instructions are case-sensitive: Charge, Discharge, Hold, Rest;
// - values: a number with A, V, W, Ohm or C (C-rate), optionally with the prefix m; `C/N`;
//   no other prefix (no µA, no kW);
// - one `for` and at most one `until` per string; more end conditions need the keyword form
//   (termination=[…]);
// - temperature is never inside the string (PyBaMM refuses "oC" there): it is the keyword
//   argument `temperature="25oC"`, per step or for the whole experiment.

import { formatNumber } from "../../units/format.js";

// ---------------------------------------------------------------------------------------------
// The file

export const FILE_EXTENSION = ".py";
/** Python source: UTF-8 (PEP 3120 default), LF line ends, 4-space indentation. */
export const LINE_ENDING = "\n";
export const INDENT = "    ";
/** A tuple or call is written on one line when it fits in this many columns. */
export const LINE_WIDTH = 99;

// ---------------------------------------------------------------------------------------------
// Sign: PyBaMM's current, C-rate and power are positive on discharge and negative on charge.
// Strings carry the direction as a word; only the keyword form (pybamm.step.current(-0.5, …))
// needs the sign.

export function signedValue(direction: "charge" | "discharge", magnitude: number): number {
  return direction === "charge" ? -magnitude : magnitude;
}

export const INSTRUCTION = { charge: "Charge", discharge: "Discharge", hold: "Hold", rest: "Rest" } as const;

// ---------------------------------------------------------------------------------------------
// Parameters of the parameter set that the protocol decides

/** PyBaMM reads a C-rate against this parameter, so it must be the cell's 1C. */
export const NOMINAL_CAPACITY_PARAMETER = "Nominal cell capacity [A.h]";
/** The model stops at these voltages (events); btp writes the protocol's safety window there. */
export const LOWER_CUTOFF_PARAMETER = "Lower voltage cut-off [V]";
export const UPPER_CUTOFF_PARAMETER = "Upper voltage cut-off [V]";

/** The tag on the rest that stands for a chamber's settle time after a temperature change, so
 * that `btp import` can turn it back into `temperature T, settle t`. */
export const SETTLE_TAG = "temperature settle";

// ---------------------------------------------------------------------------------------------
// Numbers and units as PyBaMM reads them

/** A current as PyBaMM reads it: A, or mA below 1 A (PyBaMM knows no µA). */
export function currentText(amperes: number): string {
  const magnitude = Math.abs(amperes);
  return magnitude >= 1 ? `${formatNumber(amperes)} A` : `${formatNumber(amperes * 1000)} mA`;
}

/** A power: W, or mW below 1 W. */
export function powerText(watts: number): string {
  return Math.abs(watts) >= 1 ? `${formatNumber(watts)} W` : `${formatNumber(watts * 1000)} mW`;
}

export function voltageText(volts: number): string {
  return `${formatNumber(volts)} V`;
}

/** A C-rate as written in the source when PyBaMM reads that spelling (`C/20`, `0.5C`), else the
 * multiple of C (`0.333333333333C`). PyBaMM's `C/N` must have no spaces. */
export function cRateText(relative: number, sourceText: string): string {
  const divisor = /^C\s*\/\s*(\d+(?:\.\d+)?)$/.exec(sourceText.trim());
  if (divisor && Math.abs(1 / Number(divisor[1]) - relative) <= 1e-12 * Math.max(1, relative)) {
    return `C/${divisor[1]}`;
  }
  return `${formatNumber(relative)}C`;
}

/** A duration in the largest of PyBaMM's time words that gives a short number: "2 hours",
 * "90 minutes", "12.5 seconds". */
export function durationText(seconds: number): string {
  const whole = (x: number): boolean => Number.isInteger(Number(formatNumber(x)));
  if (seconds >= 3600 && whole(seconds / 3600)) return plural(Number(formatNumber(seconds / 3600)), "hour");
  if (seconds >= 60 && whole(seconds / 60)) return plural(Number(formatNumber(seconds / 60)), "minute");
  return plural(Number(formatNumber(seconds)), "second");
}

function plural(n: number, word: string): string {
  return `${formatNumber(n)} ${word}${n === 1 ? "" : "s"}`;
}

/** PyBaMM's temperature keyword: "25oC" (its own spelling of °C; "298.15K" also works). */
export function temperatureText(kelvin: number): string {
  return `${formatNumber(kelvin - 273.15)}oC`;
}

/** A Python string literal (double quotes, escapes for quotes, backslashes and controls).
 * Non-ASCII characters stay as they are: the file is UTF-8. */
export function pythonString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A Python number literal (Python reads `1e-05` and `0.000147` alike). */
export function pythonNumber(x: number): string {
  return formatNumber(x);
}

// ---------------------------------------------------------------------------------------------
// Reading PyBaMM back (btp import)

/** Time words of PyBaMM's `_convert_time_to_seconds`. `m` is minutes there; btp reads `m` as
 * the metre, so the importer rewrites it. */
export const PYBAMM_TIME_UNITS: Readonly<Record<string, number>> = {
  second: 1,
  seconds: 1,
  s: 1,
  sec: 1,
  minute: 60,
  minutes: 60,
  m: 60,
  min: 60,
  hour: 3600,
  hours: 3600,
  h: 3600,
  hr: 3600,
};

/** The step builders of `pybamm.step` btp reads, and the quantity each one's value is. */
export const STEP_FUNCTIONS = ["string", "current", "c_rate", "voltage", "power", "rest"] as const;
export type StepFunction = (typeof STEP_FUNCTIONS)[number];

/** Keyword arguments of a step that btp reads; others are reported. */
export const STEP_KEYWORDS = ["duration", "termination", "period", "temperature", "tags"] as const;
/** Keyword arguments of pybamm.Experiment. */
export const EXPERIMENT_KEYWORDS = ["operating_conditions", "period", "temperature", "termination"] as const;
