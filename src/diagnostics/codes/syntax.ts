import type { DiagnosticCodeInfo } from "./types.js";

// BTP1xxx: lexing and parsing.
export const syntaxCodes: DiagnosticCodeInfo[] = [];
