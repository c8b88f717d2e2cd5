import type { DiagnosticCodeInfo } from "./types.js";

// BTP6xxx: instrument targets, plans and importers.
export const targetsCodes: DiagnosticCodeInfo[] = [];
