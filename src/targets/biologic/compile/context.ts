// What the compile steps share: the diagnostics and emulations found so far, the cell's
// capacity (for C / N currents), the safety limits written in the header, and every voltage
// the file will set (to choose the channel's potential range).

import type { Diagnostic, RelatedInformation, Span } from "../../../diagnostics/diagnostic.js";
import type { Construct, Emulation } from "../../target.js";
import type { SafetyLimits } from "../model.js";

export const TARGET_NAME = "biologic";

export class CompileContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly emulations: Emulation[] = [];
  /** V: absolute potentials the file sets or compares against. */
  readonly voltages: number[] = [];
  private readonly seen = new Set<string>();

  constructor(
    /** C, or null when the cell's nominal capacity is unknown. */
    readonly capacity: number | null,
    readonly safety: SafetyLimits,
  ) {}

  error(code: string, message: string, span: Span, hint?: string, related?: RelatedInformation[]): void {
    this.report({ code, severity: "error", message, span, ...(hint ? { hint } : {}), ...(related ? { related } : {}), target: TARGET_NAME });
  }

  warning(code: string, message: string, span: Span, hint?: string): void {
    this.report({ code, severity: "warning", message, span, ...(hint ? { hint } : {}), target: TARGET_NAME });
  }

  /** A step written more than once (a loop cut at its cycle actions) is reported once. */
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

  voltage(volts: number): void {
    this.voltages.push(volts);
  }
}
