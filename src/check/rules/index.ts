// The rules that need the whole elaborated protocol: the cell, the order of steps and the loops.
// Local checks (dimensions, names, loop counts, missing cell data) happen earlier, in the
// elaborator; it calls runProtocolRules once the IR is built. Each rule family lives in its own
// file and walks the IR once (loops are analysed as one body plus the wrap-around edge).

import { sortDiagnostics, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../ir/types.js";
import { checkHoldAfterCutoff } from "./cc-cv.js";
import { checkCurrentsAgainstCell } from "./currents.js";
import { checkLoopBodies } from "./loops.js";
import { checkStepsEnd } from "./never-ends.js";
import { checkTechniques } from "./techniques.js";
import { checkVoltageState } from "./voltage-state.js";
import { checkWindowAndLimits } from "./window.js";

export type ProtocolRule = (ir: ProtocolIR) => Diagnostic[];

/** Every rule family, in the order their findings are most useful to read. */
export const protocolRules: readonly ProtocolRule[] = [
  checkStepsEnd,
  checkVoltageState,
  checkWindowAndLimits,
  checkHoldAfterCutoff,
  checkTechniques,
  checkCurrentsAgainstCell,
  checkLoopBodies,
];

/** The semantic rules that look at the whole elaborated protocol (steps that may never end,
 * the voltage the cell is at across steps, cell window and safety limits, CC→CV mismatches,
 * technique settings, currents against the cell, loops with nothing electrical). The result is
 * sorted in reading order. */
export function runProtocolRules(ir: ProtocolIR): Diagnostic[] {
  return sortDiagnostics(protocolRules.flatMap((rule) => rule(ir)));
}

export { checkHoldAfterCutoff, checkCurrentsAgainstCell, checkLoopBodies, checkStepsEnd, checkTechniques, checkVoltageState, checkWindowAndLimits };
