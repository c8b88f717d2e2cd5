// The Maccor target's diagnostic codes (BTP6500–6599), catalogued with examples in
// src/diagnostics/codes/targets.ts.

// Compiling
export const TOO_MANY_STEPS = "BTP6501";
export const TIME_NOT_REPRESENTABLE = "BTP6502";
export const LIMIT_NOT_EXPRESSIBLE = "BTP6503";
export const EIS_BIAS_NOT_SUPPORTED = "BTP6504";

// Importing
export const NOT_A_PROCEDURE = "BTP6510";
export const HOSTILE_XML = "BTP6511";
export const FILE_TOO_LARGE = "BTP6512";
export const UNREADABLE_TEXT = "BTP6513";
export const EMPTY_PROCEDURE = "BTP6514";
export const UNSUPPORTED_STEP = "BTP6515";
export const GOTO_NOT_STRUCTURED = "BTP6516";
export const LOOP_NOT_STRUCTURED = "BTP6517";
export const BAD_VALUE = "BTP6518";
export const FIELD_IGNORED = "BTP6519";
export const RELATIVE_TO_UNKNOWN_CAPACITY = "BTP6520";
export const CYCLE_COUNTER_DROPPED = "BTP6521";
export const APPROXIMATED = "BTP6522";
export const STEPS_AFTER_END = "BTP6523";
