// Temperature set-points for instruments that cannot drive a chamber. A set-point before the
// first measurement becomes an instruction for the operator (set the chamber, then start) and,
// when it has a settle time, a rest of that length at the start of the schedule, so that the
// cell still reaches temperature before the first current. A set-point later in the protocol
// would need someone to change the chamber at the right moment: that is a problem to report
// (a plan, `btp compile --plan`, turns it into a step of the run sheet).
//
// (Neware and Arbin do the same one step at a time while lowering, with their own wording:
// ../chamber-at-start.ts.)

import { formatDuration } from "../../../units/duration.js";
import { formatQuantity } from "../../../units/display.js";
import type { NodeIR, RestStepIR, TemperatureStepIR } from "../../../ir/types.js";
import { walkNodes } from "../../../ir/types.js";
import type { Emulation } from "../../target.js";
import type { ShapeProblem } from "./problem.js";

export interface SetpointResult {
  body: NodeIR[];
  /** Sentences for the operator, for the file's header. */
  instructions: string[];
  emulations: Emulation[];
  problems: ShapeProblem[];
}

/** `body` must have its groups flattened (flattenGroups). */
export function leadingSetpoints(body: readonly NodeIR[], target: string): SetpointResult {
  const out: NodeIR[] = [];
  const instructions: string[] = [];
  const emulations: Emulation[] = [];
  let leading = true;
  for (const node of body) {
    if (leading && node.kind === "temperature") {
      const temperature = formatQuantity(node.setpoint, "temperature");
      const settle = settleRest(node);
      instructions.push(instructionFor(node, temperature));
      if (settle) out.push(settle);
      emulations.push({
        span: node.span,
        construct: "temperature",
        message: `set-point ${temperature}: an instruction to set the chamber before starting${settle ? `, then a ${formatDuration(settle.ends[0]!.kind === "time" ? settle.ends[0]!.seconds : 0)} rest for the settle time` : ""}`,
      });
      continue;
    }
    leading = false;
    out.push(node);
  }
  const later = [...walkNodes(out)].filter((node): node is TemperatureStepIR => node.kind === "temperature");
  const problems: ShapeProblem[] = [];
  if (later.length > 0) {
    const first = later[0]!;
    problems.push({
      span: first.span,
      message: `${target} cannot change the chamber temperature during the run (set-point ${formatQuantity(first.setpoint, "temperature")}${later.length > 1 ? ` and ${later.length - 1} more` : ""})`,
      hint: `compile with --plan --cycler <name> --potentiostat ${target} so the run sheet tells the operator when to change it, or split the protocol at this step`,
      ...(later.length > 1 ? { related: later.slice(1, 21).map((node) => ({ message: `set-point ${formatQuantity(node.setpoint, "temperature")}`, span: node.span })) } : {}),
    });
  }
  return { body: out, instructions, emulations, problems };
}

function instructionFor(step: TemperatureStepIR, temperature: string): string {
  switch (step.settle.kind) {
    case "time":
      return `Before starting: set the chamber to ${temperature} and start the run; it begins with a ${formatDuration(step.settle.seconds)} rest for the cell to reach the temperature.`;
    case "stable":
      return `Before starting: set the chamber to ${temperature} and wait until the cell is stable at it.`;
    case "none":
      return `Before starting: set the chamber to ${temperature}.`;
  }
}

function settleRest(step: TemperatureStepIR): RestStepIR | null {
  if (step.settle.kind !== "time" || step.settle.seconds <= 0) return null;
  return {
    kind: "rest",
    id: step.id,
    span: step.span,
    label: step.label,
    limits: step.limits,
    record: step.record,
    ambient: step.ambient,
    ends: [{ kind: "time", seconds: step.settle.seconds, span: step.span }],
  };
}
