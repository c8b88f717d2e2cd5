// The PyBaMM target's diagnostic codes (BTP6700–6739), catalogued with examples in
// src/diagnostics/codes/targets.ts.

// Compiling
export const CAPACITY_END_NOT_CC = "BTP6701";
export const RISING_CURRENT_END = "BTP6702";
export const SETTLE_UNTIL_STABLE = "BTP6703";
export const PASS_PATTERN_TOO_LONG = "BTP6704";
export const STEP_WITHOUT_END = "BTP6705";
export const NOTHING_TO_RUN = "BTP6706";

// Importing
export const NOT_AN_EXPERIMENT = "BTP6710";
export const UNSUPPORTED_PYTHON = "BTP6711";
export const NOT_PYBAMM_GRAMMAR = "BTP6712";
export const VOLTAGE_END_IGNORED = "BTP6713";
export const EXPERIMENT_TERMINATION_IGNORED = "BTP6714";
export const CAPACITY_UNKNOWN = "BTP6715";
export const INPUT_TOO_LARGE = "BTP6716";
export const KEYWORD_IGNORED = "BTP6717";
export const BAD_REPEAT_COUNT = "BTP6718";
export const UNREADABLE_TEXT = "BTP6719";
export const SIGNED_CURRENT_END = "BTP6720";
export const TEMPERATURE_RESET = "BTP6721";
