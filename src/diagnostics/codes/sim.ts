import type { DiagnosticCodeInfo } from "./types.js";

// BTP7xxx: the simulator.
export const simCodes: DiagnosticCodeInfo[] = [];
