// Rule family 1: steps that may never end. On the instrument such a step runs until someone
// notices, or until a safety limit trips and ends the whole test. Three shapes:
// - no end condition at all;
// - a constant-voltage hold (alone, or after CC) without a time or current end: the current
//   tapers towards zero and a capacity end may never be reached;
// - a constant-current (or constant-power) step whose every end lies where the step cannot go:
//   a charge that only ends below a voltage, a discharge that only ends above one, a constant
//   current that waits for its own current to change.
// A CC step ending on a voltage alone is how papers write it and is fine.

import type { Diagnostic, RelatedInformation } from "../../diagnostics/diagnostic.js";
import type { CcCvStepIR, ConstantVoltageStepIR, EndConditionIR, ProtocolIR, StepIR } from "../../ir/types.js";
import { describeStep, formatAmperes, formatVolts } from "./describe.js";
import { directionOf, headsTowards, isRising } from "./step-facts.js";
import { stepsOf } from "./walk.js";

export function checkStepsEnd(ir: ProtocolIR): Diagnostic[] {
  const found: Diagnostic[] = [];
  const windowEdges = ir.cell?.window ?? null;
  for (const step of stepsOf(ir.body)) {
    switch (step.kind) {
      case "rest":
      case "ocv":
      case "constantCurrent":
      case "constantPower":
      case "constantVoltage":
        if (step.ends.length === 0) {
          found.push(noEnd(step, windowEdges));
        } else if (step.kind === "constantVoltage") {
          if (!endsHold(step.ends)) found.push(holdWithoutEnd(step));
        } else if (step.kind === "constantCurrent" || step.kind === "constantPower") {
          const problem = unreachableEnds(step);
          if (problem) found.push(problem);
        }
        break;
      case "ccCv":
        if (!endsHold(step.cvEnds)) found.push(holdWithoutEnd(step));
        break;
      default:
        break;
    }
  }
  return found;
}

/** A hold ends for sure only on a time, or on the current it tapers to. */
function endsHold(ends: readonly EndConditionIR[]): boolean {
  return ends.some((end) => end.kind === "time" || end.kind === "current");
}

function noEnd(step: StepIR, windowEdges: { min: number; max: number } | null): Diagnostic {
  let hint: string;
  if (step.kind === "rest" || step.kind === "ocv") {
    hint = `give it a duration, e.g. \`${step.kind} for 1 h\``;
  } else if (step.kind === "constantVoltage") {
    hint = "end the hold on a taper current, a time, or both, e.g. `until C/20` or `for 2 h or until C/50`";
  } else {
    const discharge = directionOf(step) === "discharge";
    const edge = windowEdges ? (discharge ? windowEdges.min : windowEdges.max) : null;
    const cutoff = edge === null ? (discharge ? "2.5 V" : "4.2 V") : formatVolts(edge);
    hint = `add how it ends: a cut-off (\`until ${cutoff}\`), a duration (\`for 2 h\`), or both (\`for 2 h or until ${cutoff}\`)`;
  }
  return {
    code: "BTP4001",
    severity: "error",
    message: `this ${describeStep(step)} has no end condition, so it would never end`,
    span: step.span,
    hint,
  };
}

function holdWithoutEnd(step: ConstantVoltageStepIR | CcCvStepIR): Diagnostic {
  const what =
    step.kind === "ccCv"
      ? `the hold at ${formatVolts(step.voltage)} after this ${step.direction}`
      : `this ${describeStep(step)}`;
  const ends = step.kind === "ccCv" ? step.cvEnds : step.ends;
  return {
    code: "BTP4002",
    severity: "error",
    message: `${what} has no time or current end, so it may never end: the current tapers towards zero`,
    span: step.span,
    hint: "end the hold on a taper current, a time, or both, e.g. `until C/20` or `for 2 h or until C/50`",
    related: ends.map((end) => ({ message: "this end may never be reached during a hold", span: end.span })),
  };
}

/** The error for a constant-current or constant-power step none of whose ends can be reached. */
function unreachableEnds(step: Extract<StepIR, { kind: "constantCurrent" | "constantPower" }>): Diagnostic | null {
  const reasons: RelatedInformation[] = [];
  for (const end of step.ends) {
    const reason = whyUnreachable(step, end);
    if (reason === null) return null; // one reachable end is enough
    reasons.push({ message: reason, span: end.span });
  }
  const wrongVoltage = step.ends.some((end) => end.kind === "voltage");
  const hint = wrongVoltage
    ? step.direction === "charge"
      ? "a charge stops when the voltage rises to its cut-off (`until 3.9 V`); check the comparator or the direction"
      : "a discharge stops when the voltage falls to its cut-off (`until 2.3 V`); check the comparator or the direction"
    : "a constant-current step cannot wait for its own current to change; end it on a voltage, time or capacity, or write `then hold … until C/20` for a taper";
  return {
    code: "BTP4003",
    severity: "error",
    message: `this ${describeStep(step)} may never end: ${reasons.map((r) => r.message).join("; ")}`,
    span: step.span,
    hint,
    related: reasons,
  };
}

/** Why this end can never fire during this step, or null when it can. */
function whyUnreachable(step: Extract<StepIR, { kind: "constantCurrent" | "constantPower" }>, end: EndConditionIR): string | null {
  if (end.kind === "voltage") {
    if (headsTowards(step.direction, end)) return null;
    return step.direction === "charge"
      ? `charging raises the voltage, so it will not fall below ${formatVolts(end.volts)}`
      : `discharging lowers the voltage, so it will not rise above ${formatVolts(end.volts)}`;
  }
  if (end.kind === "current" && step.kind === "constantCurrent") {
    // The current is the set-point: the end either holds from the start or never.
    const current = step.current.si;
    const holdsAtOnce = isRising(end.comparator)
      ? current > end.amperes || (end.comparator === ">=" && current === end.amperes)
      : current < end.amperes || (end.comparator === "<=" && current === end.amperes);
    if (holdsAtOnce) return null;
    return `the current stays at ${formatAmperes(current)}, so it will not ${isRising(end.comparator) ? "rise above" : "fall below"} ${formatAmperes(end.amperes)}`;
  }
  return null;
}
