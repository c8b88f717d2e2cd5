import type { Severity } from "../diagnostic.js";

/** One entry of the diagnostics catalogue. docs/diagnostics.md is generated from these, and a
 * test checks that every code the source emits is catalogued. */
export interface DiagnosticCodeInfo {
  code: string;
  severity: Severity;
  /** A short title, e.g. "Dimension mismatch". */
  title: string;
  /** When it fires and why it matters, in plain words. */
  explanation: string;
  /** A minimal input that triggers it (btp source unless `exampleLanguage` says otherwise). */
  bad: string;
  /** The same input, fixed. */
  fix: string;
  exampleLanguage?: "btp" | "yaml" | "shell" | "text";
}
