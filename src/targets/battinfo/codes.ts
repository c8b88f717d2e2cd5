// The BattINFO target's diagnostic codes (BTP6740–6759), catalogued with examples in
// src/diagnostics/codes/targets.ts.

export const PASS_PATTERN_TOO_LONG = "BTP6740";
