// Which instrument of a plan runs a step. Cycling (constant current, CC-CV, constant power) goes
// to the cycler; impedance, sweeps, voltammetry and open-circuit measurements to the potentiostat;
// a rest, a hold or a pause can run on either and stays with its neighbours; a temperature
// set-point is an instruction for the operator (the oven is not connected to either instrument).
// Each choice is checked against the targets' capability tables: a step the preferred instrument
// refuses goes to the other one if that one can run it.

import type { NodeIR, StepIR } from "../../ir/types.js";
import { isStep } from "../../ir/types.js";
import { supportOf } from "../common/capabilities.js";
import { CONSTRUCT_LABELS, constructsOfNode } from "../common/constructs.js";
import type { Target } from "../target.js";

export type Role = "cycler" | "potentiostat";
export const ROLES: readonly Role[] = ["cycler", "potentiostat"];

export type PlanTargets = Record<Role, Pick<Target, "name" | "title" | "kind" | "capabilities">>;

/** Where a step belongs: one instrument, either of them (in preference order), the operator, or
 * nowhere (neither target can run it). */
export type Placement =
  | { kind: "instrument"; roles: Role[] }
  | { kind: "operator" }
  | { kind: "nowhere" };

function preferred(step: StepIR): Role | "either" | "operator" {
  switch (step.kind) {
    case "constantCurrent":
    case "constantPower":
    case "ccCv":
      return "cycler";
    case "eis":
    case "linearSweep":
    case "cyclicVoltammetry":
    case "ocv":
      return "potentiostat";
    case "temperature":
      return "operator";
    case "rest":
    case "constantVoltage":
    case "pause":
      return "either";
  }
}

export function canRun(target: PlanTargets[Role], step: StepIR): boolean {
  return refusedBy(target, step).length === 0;
}

/** What in a step a target refuses, in words ("a voltage relative to open circuit"). */
export function refusedBy(target: PlanTargets[Role], step: StepIR): string[] {
  const refused = constructsOfNode(step, false).filter((use) => supportOf(target.capabilities, use.construct) === "refused");
  return [...new Set(refused.map((use) => CONSTRUCT_LABELS[use.construct]))];
}

export function placeStep(step: StepIR, targets: PlanTargets): Placement {
  const wish = preferred(step);
  if (wish === "operator") return { kind: "operator" };
  const able = ROLES.filter((role) => canRun(targets[role], step));
  if (able.length === 0) return { kind: "nowhere" };
  if (wish === "either") return { kind: "instrument", roles: able };
  return { kind: "instrument", roles: able.includes(wish) ? [wish] : able };
}

/** What a subtree needs: the instruments every step can share, or null when it needs more than
 * one instrument or the operator (so it must be split). */
export function sharedRoles(nodes: readonly NodeIR[], targets: PlanTargets): Role[] | null {
  let shared: Role[] = [...ROLES];
  const visit = (list: readonly NodeIR[]): boolean => {
    for (const node of list) {
      if (isStep(node)) {
        const placement = placeStep(node, targets);
        if (placement.kind !== "instrument") return false;
        shared = shared.filter((role) => placement.roles.includes(role));
        if (shared.length === 0) return false;
      } else if (node.kind !== "stop" && !visit(node.body)) {
        return false;
      }
    }
    return true;
  };
  return visit(nodes) ? shared : null;
}
