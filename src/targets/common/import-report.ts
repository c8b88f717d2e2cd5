// The diagnostics of an importer that reads a schedule line by line: errors as they are met, and
// each distinct warning once, with its other places listed as related (a file with 300 steps
// that all carry the same unknown key gets one warning, not 300). Used by the Neware and Arbin
// importers.

import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";

/** Places listed as `related` on one warning; the rest are not listed. */
const MAX_RELATED = 20;

export class ImportReport {
  /** The errors so far, in the order they were met. */
  readonly errors: Diagnostic[] = [];
  private readonly warnings = new Map<string, Diagnostic>();

  constructor(private readonly target: string) {}

  error(code: string, message: string, span: Span, hint: string): void {
    this.errors.push({ code, severity: "error", message, span, hint, target: this.target });
  }

  /** Warnings with the same message are reported once, the other places listed as related. */
  warn(code: string, message: string, span: Span): void {
    const seen = this.warnings.get(message);
    if (!seen) {
      this.warnings.set(message, { code, severity: "warning", message, span, target: this.target });
      return;
    }
    seen.related ??= [];
    if (seen.related.length < MAX_RELATED) seen.related.push({ message: "also here", span });
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }

  /** Errors first, then the warnings. */
  all(): Diagnostic[] {
    return [...this.errors, ...this.warnings.values()];
  }
}
