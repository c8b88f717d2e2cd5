// The protocol tree reshaped for instruments that run a flat list with plain counted loops
// (EC-Lab settings, CHI macros): groups spliced in, leading temperature set-points turned into
// operator instructions, steps at given cycles turned into loops cut at those cycles. Used by the
// biologic and chi targets; a candidate for src/targets/common/ if another target needs it.

import type { NodeIR } from "../../../ir/types.js";
import type { Emulation } from "../../target.js";
import { splitCycleActions } from "./cycle-actions.js";
import { flattenGroups } from "./groups.js";
import type { ShapeProblem } from "./problem.js";
import { leadingSetpoints } from "./setpoints.js";

export type { ShapeProblem, ShapeResult } from "./problem.js";
export { flattenGroups } from "./groups.js";
export { leadingSetpoints } from "./setpoints.js";
export { MAX_SPLIT_PARTS, splitCycleActions } from "./cycle-actions.js";

export interface ShapedProtocol {
  body: NodeIR[];
  /** For the operator, in the file's header. */
  instructions: string[];
  emulations: Emulation[];
  setpointProblems: ShapeProblem[];
  cycleActionProblems: ShapeProblem[];
}

export function shapeForCountedLoops(body: readonly NodeIR[], target: string): ShapedProtocol {
  const setpoints = leadingSetpoints(flattenGroups(body), target);
  const actions = splitCycleActions(setpoints.body);
  return {
    body: actions.body,
    instructions: setpoints.instructions,
    emulations: [...setpoints.emulations, ...actions.emulations],
    setpointProblems: setpoints.problems,
    cycleActionProblems: actions.problems,
  };
}
