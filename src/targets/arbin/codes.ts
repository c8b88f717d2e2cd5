// The Arbin target's diagnostic codes (BTP6400–6499), catalogued with examples in
// src/diagnostics/codes/targets.ts.

// Compiling
export const CONDITION_NOT_EXPRESSIBLE = "BTP6401";
export const END_NOT_EXPRESSIBLE = "BTP6402";
export const TEMPERATURE_NOT_AT_START = "BTP6403";
export const TEMPERATURE_UNTIMED = "BTP6404";
export const LIMIT_NOT_EXPRESSIBLE = "BTP6405";
export const CURRENT_UNKNOWN = "BTP6406";

// Importing
export const NOT_A_SCHEDULE = "BTP6410";
export const FILE_TOO_LARGE = "BTP6411";
export const ENCODING_GUESSED = "BTP6412";
export const UNSUPPORTED_STEP = "BTP6413";
export const KEY_IGNORED = "BTP6414";
export const JUMP_NOT_STRUCTURED = "BTP6415";
export const LOOP_NOT_REBUILT = "BTP6416";
export const CAPACITY_FROM_SETUP = "BTP6417";
export const BAD_VALUE = "BTP6418";
export const APPROXIMATED = "BTP6419";
