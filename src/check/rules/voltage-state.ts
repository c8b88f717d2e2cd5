// Rule family 2: where the cell already is. Following the protocol in order, we keep what is
// known about the cell voltage: a step that stops on a voltage cut-off, a hold, or a sweep leaves
// the cell at a known voltage; a charge can only raise it and a discharge only lower it. A charge
// whose cut-off is at or below where the cell already is (or a discharge whose cut-off is at or
// above) ends the moment it starts, which is almost always a typing mistake.
//
// Rests, impedance, temperature changes and pauses let the cell drift to a voltage we cannot
// know, so after them nothing is assumed and nothing is reported.

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR, StepIR } from "../../ir/types.js";
import { formatVolts, describeStep } from "./describe.js";
import { followFlow, type FlowDomain } from "./flow.js";
import { SAME_VOLTAGE, firstCutoff, headsTowards, reachableCutoffs, type Direction } from "./step-facts.js";
import { stepsOf } from "./walk.js";

/** One side of what is known, and the step that made it known. */
interface Bound {
  volts: number;
  setBy: StepIR;
}

/** The cell voltage is at least `atLeast` and at most `atMost`; null means no bound is known. */
interface VoltageState {
  atLeast: Bound | null;
  atMost: Bound | null;
}

const UNKNOWN: VoltageState = { atLeast: null, atMost: null };

export function checkVoltageState(ir: ProtocolIR): Diagnostic[] {
  // Source order tells a cut-off left by an earlier step from one left by the previous pass of
  // a loop (the step that set it comes later in the body than the step that meets it).
  const order = new Map<StepIR, number>(stepsOf(ir.body).map((step, index) => [step, index]));
  const found = new Map<StepIR, Diagnostic>();

  const domain: FlowDomain<VoltageState> = {
    unknown: UNKNOWN,
    join: joinStates,
    key: (state) => `${boundKey(state.atLeast, order)}|${boundKey(state.atMost, order)}`,
    step(before, step) {
      const problem = endsAtOnce(before, step, order);
      if (problem && !found.has(step)) found.set(step, problem);
      return after(before, step, problem !== null);
    },
  };
  followFlow(ir.body, UNKNOWN, domain);
  return [...found.values()];
}

/** The warning for a charge or discharge whose cut-off is already behind the cell, or null. */
function endsAtOnce(before: VoltageState, step: StepIR, order: Map<StepIR, number>): Diagnostic | null {
  const cut = cutoffOf(step);
  if (!cut) return null;
  const { direction, volts } = cut;
  const bound = direction === "charge" ? before.atLeast : before.atMost;
  if (!bound) return null;
  // A CC-CV step already at its voltage just holds, which is harmless; only a cut-off strictly
  // behind the cell makes its hold push the cell the wrong way.
  const slack = step.kind === "ccCv" ? -SAME_VOLTAGE : SAME_VOLTAGE;
  const behind = direction === "charge" ? volts <= bound.volts + slack : volts >= bound.volts - slack;
  if (!behind) return null;

  const exact = before.atLeast && before.atMost && Math.abs(before.atMost.volts - before.atLeast.volts) <= SAME_VOLTAGE;
  const where = exact ? `at ${formatVolts(bound.volts)}` : `at ${direction === "charge" ? "least" : "most"} ${formatVolts(bound.volts)}`;
  const side = direction === "charge" ? "at or below" : "at or above";
  const fromLastPass = (order.get(bound.setBy) ?? -1) >= (order.get(step) ?? -1);
  return {
    code: "BTP4010",
    severity: "warning",
    message:
      step.kind === "ccCv"
        ? `the constant-current part of this ${describeStep(step)} ends at once: its cut-off ${formatVolts(volts)} is ${direction === "charge" ? "below" : "above"} where the cell already is (${where}), so the hold ${direction === "charge" ? "discharges" : "charges"} the cell`
        : `this ${describeStep(step)} ends at once: its cut-off ${formatVolts(volts)} is ${side} where the cell already is (${where})`,
    span: step.span,
    hint:
      direction === "charge"
        ? "a charge must stop above where the previous step left the cell; check the cut-off, or whether a discharge was meant"
        : "a discharge must stop below where the previous step left the cell; check the cut-off, or whether a charge was meant",
    related: [
      {
        message: fromLastPass
          ? `the previous pass of the loop leaves the cell ${where} here`
          : `this step leaves the cell ${where}`,
        span: bound.setBy.span,
      },
    ],
  };
}

/** The cut-off that decides when a charge or discharge stops, if it stops on a voltage. */
function cutoffOf(step: StepIR): { direction: Direction; volts: number } | null {
  if (step.kind === "ccCv") return { direction: step.direction, volts: step.voltage };
  if (step.kind !== "constantCurrent" && step.kind !== "constantPower") return null;
  const first = firstCutoff(step.direction, reachableCutoffs(step));
  return first ? { direction: step.direction, volts: first.volts } : null;
}

/** What is known about the voltage once `step` has run. */
function after(before: VoltageState, step: StepIR, endedAtOnce: boolean): VoltageState {
  switch (step.kind) {
    case "constantCurrent":
    case "constantPower": {
      // A step that ends as it starts leaves the cell where it was.
      if (endedAtOnce) return before;
      const first = firstCutoff(step.direction, reachableCutoffs(step));
      const onlyCutoffs = step.ends.every((end) => end.kind === "voltage" && headsTowards(step.direction, end));
      const reached = first ? { volts: first.volts, setBy: step } : null;
      return moved(before, step.direction, reached, onlyCutoffs);
    }
    case "ccCv": {
      // Unless a guard stops the constant-current part early, the hold pins the cell at its voltage.
      const reached = { volts: step.voltage, setBy: step };
      return moved(before, step.direction, reached, step.ccEnds.length === 0);
    }
    case "constantVoltage":
      return step.voltage.reference === "absolute" ? pinned(step.voltage.volts, step) : UNKNOWN;
    case "linearSweep":
      return step.to.reference === "absolute" ? pinned(step.to.volts, step) : UNKNOWN;
    default:
      // Rest, open circuit, impedance, cyclic voltammetry, temperature, pause.
      return UNKNOWN;
  }
}

/** A charge raises the voltage: what was a lower bound stays one, and the cut-off (if any) is the
 * new upper bound. When the cut-off is the only way the step can end, the cell sits exactly on it. */
function moved(before: VoltageState, direction: Direction, reached: Bound | null, certain: boolean): VoltageState {
  if (reached && certain) return { atLeast: reached, atMost: reached };
  return direction === "charge"
    ? { atLeast: before.atLeast, atMost: reached }
    : { atLeast: reached, atMost: before.atMost };
}

function pinned(volts: number, step: StepIR): VoltageState {
  const bound = { volts, setBy: step };
  return { atLeast: bound, atMost: bound };
}

function joinStates(a: VoltageState, b: VoltageState): VoltageState {
  return {
    atLeast: a.atLeast && b.atLeast ? (a.atLeast.volts <= b.atLeast.volts ? a.atLeast : b.atLeast) : null,
    atMost: a.atMost && b.atMost ? (a.atMost.volts >= b.atMost.volts ? a.atMost : b.atMost) : null,
  };
}

function boundKey(bound: Bound | null, order: Map<StepIR, number>): string {
  return bound ? `${bound.volts}@${order.get(bound.setBy) ?? -1}` : "-";
}
