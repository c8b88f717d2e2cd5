// What the chi compile steps share: diagnostics and emulations (each place said once, even when
// a loop cut at its cycle actions writes a step twice: ../common/findings.ts), the cell's nominal
// capacity, and the potential bounds the protocol's voltage limits give.

import type { StepIR } from "../../ir/types.js";
import { CompileFindings } from "../common/findings.js";
import { DEFAULTS } from "./conventions.js";

export const TARGET_NAME = "chi";

export class ChiContext extends CompileFindings {
  constructor(readonly nominalCapacity: number | null) {
    super(TARGET_NAME);
  }

  /** The potential window of ocpt and cp: the step's voltage limits, else the instrument's. */
  potentialLimits(step: StepIR): { low: number; high: number } {
    return {
      low: step.limits.voltage?.min ?? DEFAULTS.lowestPotential,
      high: step.limits.voltage?.max ?? DEFAULTS.highestPotential,
    };
  }
}
