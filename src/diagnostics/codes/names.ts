import type { DiagnosticCodeInfo } from "./types.js";

// BTP2xxx: names, imports, declarations.
export const namesCodes: DiagnosticCodeInfo[] = [];
