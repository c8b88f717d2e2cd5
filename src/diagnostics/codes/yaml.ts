import type { DiagnosticCodeInfo } from "./types.js";

// BTP5xxx: the YAML front end.
export const yamlCodes: DiagnosticCodeInfo[] = [];
