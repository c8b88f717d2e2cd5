// What the chi compile steps share: diagnostics and emulations (each place reported once, even
// when a loop cut at its cycle actions writes a step twice), the cell's nominal capacity, and the
// potential bounds the protocol's voltage limits give.

import type { Diagnostic, RelatedInformation, Span } from "../../diagnostics/diagnostic.js";
import type { StepIR } from "../../ir/types.js";
import type { Construct, Emulation } from "../target.js";
import { DEFAULTS } from "./conventions.js";

export const TARGET_NAME = "chi";

export class ChiContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly emulations: Emulation[] = [];
  private readonly seen = new Set<string>();

  constructor(readonly nominalCapacity: number | null) {}

  error(code: string, message: string, span: Span, hint?: string, related?: RelatedInformation[]): void {
    this.report({ code, severity: "error", message, span, ...(hint ? { hint } : {}), ...(related ? { related } : {}), target: TARGET_NAME });
  }

  warning(code: string, message: string, span: Span, hint?: string): void {
    this.report({ code, severity: "warning", message, span, ...(hint ? { hint } : {}), target: TARGET_NAME });
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

  /** The potential window of ocpt and cp: the step's voltage limits, else the instrument's. */
  potentialLimits(step: StepIR): { low: number; high: number } {
    return {
      low: step.limits.voltage?.min ?? DEFAULTS.lowestPotential,
      high: step.limits.voltage?.max ?? DEFAULTS.highestPotential,
    };
  }
}
