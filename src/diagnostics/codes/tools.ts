import type { DiagnosticCodeInfo } from "./types.js";

// BTP8xxx: CLI, formatter, language server.
export const toolsCodes: DiagnosticCodeInfo[] = [];
