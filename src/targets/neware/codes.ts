// The Neware target's diagnostic codes (BTP6300–6399), catalogued with examples in
// src/diagnostics/codes/targets.ts.

// Compiling
export const TOO_MANY_STEPS = "BTP6301";
export const END_NOT_EXPRESSIBLE = "BTP6302";
export const TEMPERATURE_NOT_AT_START = "BTP6303";
export const TEMPERATURE_UNTIMED = "BTP6304";
export const LIMIT_NOT_EXPRESSIBLE = "BTP6305";
export const HOLD_WITHOUT_CURRENT = "BTP6306";
export const CURRENT_UNKNOWN = "BTP6307";

// Importing
export const NOT_A_STEP_FILE = "BTP6310";
export const HOSTILE_XML = "BTP6311";
export const FILE_TOO_LARGE = "BTP6312";
export const UNREADABLE_TEXT = "BTP6313";
export const UNSUPPORTED_STEP = "BTP6314";
export const FIELD_IGNORED = "BTP6315";
export const SCALE_NOT_ONE = "BTP6316";
export const LOOP_NOT_STRUCTURED = "BTP6317";
export const BAD_VALUE = "BTP6318";
export const APPROXIMATED = "BTP6319";
