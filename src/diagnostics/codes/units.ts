import type { DiagnosticCodeInfo } from "./types.js";

// BTP3xxx: units, dimensions, types.
export const unitsCodes: DiagnosticCodeInfo[] = [];
