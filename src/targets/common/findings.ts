// What a target's compile steps find (diagnostics and emulations), each said once per place:
// instruments whose loops cannot test the pass number get a loop cut at its cycle actions, which
// writes the same step more than once. Used by the biologic and chi targets, whose compile
// contexts add what they need on top.

import type { Diagnostic, RelatedInformation, Span } from "../../diagnostics/diagnostic.js";
import type { Construct, Emulation } from "../target.js";

export class CompileFindings {
  readonly diagnostics: Diagnostic[] = [];
  readonly emulations: Emulation[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly target: string) {}

  error(code: string, message: string, span: Span, hint?: string, related?: RelatedInformation[]): void {
    this.report({ code, severity: "error", message, span, ...(hint ? { hint } : {}), ...(related ? { related } : {}), target: this.target });
  }

  warning(code: string, message: string, span: Span, hint?: string): void {
    this.report({ code, severity: "warning", message, span, ...(hint ? { hint } : {}), target: this.target });
  }

  private report(d: Diagnostic): void {
    const key = `${d.code}\u0000${d.span.file}\u0000${d.span.start.offset}\u0000${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push(d);
  }

  emulate(span: Span, construct: Construct, message: string): void {
    const key = `emulation\u0000${construct}\u0000${span.file}\u0000${span.start.offset}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.emulations.push({ span, construct, message });
  }

  /** True the first time `key` is asked for: for problems worth saying once per file. */
  first(key: string): boolean {
    const full = `first\u0000${key}`;
    if (this.seen.has(full)) return false;
    this.seen.add(full);
    return true;
  }
}
