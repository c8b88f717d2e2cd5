// The LAND target's diagnostic codes (BTP6600–6649), catalogued with examples in
// src/diagnostics/codes/targets.ts.

export const CC_GUARD_IN_CCCV = "BTP6601";
export const LIMIT_NOT_EXPRESSIBLE = "BTP6602";
