import type { DiagnosticCodeInfo } from "./types.js";

// BTP4xxx: protocol rules (steps, ends, loops, limits, cell window, estimates).
export const rulesCodes: DiagnosticCodeInfo[] = [];
