// Rule family 4: a constant-voltage hold right after a constant-current step that stops on a
// voltage is the two halves of a CC-CV charge (or discharge). The hold is meant to sit at the
// cut-off; `charge … until 3.9 V` followed by `hold at 4.9 V` is a classic typing mistake.
// "Right after" follows the order the cell sees, so it crosses group boundaries and a loop's
// wrap-around, and a cycle action that may be skipped leaves both possibilities open.

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR, StepIR } from "../../ir/types.js";
import { describeStep, formatVolts } from "./describe.js";
import { followFlow, type FlowDomain } from "./flow.js";
import { SAME_VOLTAGE, firstCutoff, reachableCutoffs } from "./step-facts.js";
import { stepsOf } from "./walk.js";

/** A hold more than this away from the cut-off before it is not the same voltage. */
const HOLD_TOLERANCE = 1e-3;
/** The steps that may have run just before; more than a handful only happens after many
 * skippable cycle actions in a row, and then the first few are enough to judge. */
const MAX_PREDECESSORS = 8;

type JustBefore = readonly StepIR[];

export function checkHoldAfterCutoff(ir: ProtocolIR): Diagnostic[] {
  const order = new Map<StepIR, number>(stepsOf(ir.body).map((step, index) => [step, index]));
  const found = new Map<string, Diagnostic>();

  const domain: FlowDomain<JustBefore> = {
    unknown: [],
    join: (a, b) => [...new Set([...a, ...b])].slice(0, MAX_PREDECESSORS),
    key: (steps) => steps.map((step) => order.get(step) ?? -1).join(","),
    step(before, step) {
      for (const previous of before) {
        const key = `${order.get(step)}<${order.get(previous)}`;
        if (found.has(key)) continue;
        const problem = mismatch(previous, step);
        if (problem) found.set(key, problem);
      }
      return [step];
    },
  };
  followFlow(ir.body, domain.unknown, domain);
  return [...found.values()];
}

function mismatch(previous: StepIR, step: StepIR): Diagnostic | null {
  if (step.kind !== "constantVoltage" || step.voltage.reference !== "absolute") return null;
  if (previous.kind !== "constantCurrent" && previous.kind !== "constantPower") return null;
  const hold = step.voltage.volts;
  const cutoffs = reachableCutoffs(previous);
  const cutoff = firstCutoff(previous.direction, cutoffs);
  if (!cutoff) return null;
  if (cutoffs.some((end) => Math.abs(end.volts - hold) <= HOLD_TOLERANCE + SAME_VOLTAGE)) return null;
  return {
    code: "BTP4030",
    severity: "warning",
    message: `this hold at ${formatVolts(hold)} follows a ${previous.direction} that stops at ${formatVolts(cutoff.volts)}: a hold at a different voltage from the cut-off before it is a classic typing mistake`,
    span: step.span,
    hint: `hold at the cut-off (\`hold at ${formatVolts(cutoff.volts)}\`), or write both as one step: \`${describeStep(previous)} until ${formatVolts(cutoff.volts)} then hold until C/20\``,
    related: [
      { message: `the ${previous.direction} stops at ${formatVolts(cutoff.volts)} here`, span: cutoff.span },
      { message: "the step before the hold", span: previous.span },
    ],
  };
}
