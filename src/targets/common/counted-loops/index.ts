// The protocol tree reshaped for instruments that run a flat list with plain counted loops
// (EC-Lab settings, CHI macros): groups spliced in, leading temperature set-points turned into
// operator instructions, steps at given cycles turned into loops cut at those cycles. Used by the
// biologic and chi targets.

import type { NodeIR } from "../../../ir/types.js";
import type { Emulation } from "../../target.js";
import type { CompileFindings } from "../findings.js";
import { splitCycleActions } from "./cut-loops.js";
import { flattenGroups } from "./groups.js";
import type { ShapeProblem } from "./problem.js";
import { leadingSetpoints } from "./setpoints.js";

export type { ShapeProblem, ShapeResult } from "./problem.js";
export { flattenGroups } from "./groups.js";
export { leadingSetpoints } from "./setpoints.js";
export { MAX_SPLIT_PARTS, splitCycleActions } from "./cut-loops.js";

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

/** A target's codes for the two things shaping can refuse. */
export interface ShapingCodes {
  setpointDuringRun: string;
  cycleActionSplit: string;
}

/** What shaping could not do becomes the target's errors; what it changed, its emulations. */
export function reportShaping(shaped: ShapedProtocol, findings: CompileFindings, codes: ShapingCodes): void {
  for (const p of shaped.setpointProblems) findings.error(codes.setpointDuringRun, p.message, p.span, p.hint, p.related);
  for (const p of shaped.cycleActionProblems) findings.error(codes.cycleActionSplit, p.message, p.span, p.hint);
  for (const e of shaped.emulations) findings.emulate(e.span, e.construct, e.message);
}
