// What the compile steps share: the diagnostics and emulations found so far (each place said
// once: ../../common/findings.ts), the cell's capacity (for C / N currents), the safety limits
// written in the header, and every voltage the file will set (to choose the channel's potential
// range).

import { CompileFindings } from "../../common/findings.js";
import type { SafetyLimits } from "../model.js";

export const TARGET_NAME = "biologic";

export class CompileContext extends CompileFindings {
  /** V: absolute potentials the file sets or compares against. */
  readonly voltages: number[] = [];

  constructor(
    /** C, or null when the cell's nominal capacity is unknown. */
    readonly capacity: number | null,
    readonly safety: SafetyLimits,
  ) {
    super(TARGET_NAME);
  }

  voltage(volts: number): void {
    this.voltages.push(volts);
  }
}
