// Step shapes that cyclers handle alike. Used by the Neware and Arbin targets.
//
// A cycler's CC-CV step has ONE step clock: its time limit counts from the start of the CC part
// and also ends the CV part. The IR keeps the CC part's guards (ccEnds) apart from the hold's own
// ends (cvEnds, timed from the start of the hold). So a CC-CV stays one instrument step only when
// that difference cannot change when the step ends in a way the user did not write; otherwise it
// becomes a CC step and a CV step.

import type {
  CcCvStepIR,
  ConstantCurrentStepIR,
  ConstantVoltageStepIR,
  EndConditionIR,
  NodeIR,
  StepIR,
} from "../../ir/types.js";
import { walkNodes, isStep } from "../../ir/types.js";
import { formatQuantity } from "../../units/display.js";
import { formatDuration } from "../../units/duration.js";

export type CurrentEnd = Extract<EndConditionIR, { kind: "current" }>;

/** What an instrument's single CC-CV step can hold besides the CC current and the voltage. */
export interface CcCvPolicy {
  /** End kinds the instrument applies to the whole step, usable for the CC part's guards. */
  guards: ReadonlyArray<"time" | "capacity" | "voltage">;
  /** Whether the step can time the CV part on its own (Arbin's PV_CHAN_CV_StageTime). */
  cvTime: boolean;
}

export type CcCvLowering =
  /** One instrument CC-CV step. `guards` are the CC part's ends, which the instrument applies
   * to the whole step (said in `note` when that can change when the step ends). */
  | { kind: "single"; taper: CurrentEnd | null; cvTime: number | null; guards: EndConditionIR[]; note: string | null }
  /** A CC step to the voltage, then a CV hold at it. */
  | { kind: "split"; cc: ConstantCurrentStepIR; cv: ConstantVoltageStepIR; note: string };

export function lowerCcCv(step: CcCvStepIR, policy: CcCvPolicy): CcCvLowering {
  const tapers = step.cvEnds.filter((end): end is CurrentEnd => end.kind === "current");
  const cvTimes = step.cvEnds.filter((end) => end.kind === "time");
  const holdFits =
    tapers.length + cvTimes.length === step.cvEnds.length &&
    tapers.length <= 1 &&
    tapers.every((end) => end.comparator === "<" || end.comparator === "<=") &&
    cvTimes.length <= (policy.cvTime ? 1 : 0);
  const count = (kind: string) => step.ccEnds.filter((end) => end.kind === kind).length;
  const guardsFit = step.ccEnds.every((end) => (policy.guards as readonly string[]).includes(end.kind)) && count("time") <= 1 && count("capacity") <= 1;
  if (holdFits && guardsFit) {
    const described = step.ccEnds.flatMap((end) =>
      end.kind === "time" ? [`the ${formatDuration(end.seconds)} time limit`] : end.kind === "capacity" ? [`the ${formatQuantity(end.coulombs, "capacity")} capacity limit`] : [],
    );
    // A voltage guard cannot fire differently in the CV part, which holds the voltage.
    const note = described.length
      ? `${described.join(" and ")} of the CC part also bound${described.length === 1 ? "s" : ""} the CV part (one step clock for the whole CC-CV step)`
      : null;
    const cvTime = cvTimes[0]?.kind === "time" ? cvTimes[0].seconds : null;
    return { kind: "single", taper: tapers[0] ?? null, cvTime, guards: [...step.ccEnds], note };
  }
  const { cc, cv } = splitCcCv(step);
  const why = holdFits ? "its CC part has guards the instrument cannot keep apart" : "its hold ends on more than the instrument's CC-CV step can check";
  const after = step.ccEnds.length > 0 ? "; if the CC part ends on a guard, the hold still follows" : "";
  return { kind: "split", cc, cv, note: `CC-CV written as a CC step to ${formatQuantity(step.voltage, "voltage")} and a CV hold, because ${why}${after}` };
}

/** The two steps a CC-CV means: constant current to the voltage (or a guard), then the hold. */
export function splitCcCv(step: CcCvStepIR): { cc: ConstantCurrentStepIR; cv: ConstantVoltageStepIR } {
  const { kind: _kind, ccEnds, cvEnds, voltage, direction, current, ...base } = step;
  const cutoff: EndConditionIR = {
    kind: "voltage",
    comparator: direction === "charge" ? ">=" : "<=",
    volts: voltage,
    span: step.span,
  };
  const cc: ConstantCurrentStepIR = { ...base, kind: "constantCurrent", direction, current, ends: [cutoff, ...ccEnds] };
  const cv: ConstantVoltageStepIR = {
    ...base,
    label: null,
    kind: "constantVoltage",
    voltage: { reference: "absolute", volts: voltage, text: formatQuantity(voltage, "voltage") },
    ends: cvEnds,
  };
  return { cc, cv };
}

/** Which way each constant-voltage hold pushes current. The IR leaves a hold without a
 * direction (it follows from the cell), but cyclers want "CV charge" or "CV discharge": a hold
 * continues the direction of the current step before it (a hold after a charge to 4.2 V
 * charges), else of the one after it, else it is a charge. */
export function holdDirections(body: readonly NodeIR[]): Map<StepIR, "charge" | "discharge"> {
  const steps = [...walkNodes(body)].filter(isStep);
  const directions = new Map<StepIR, "charge" | "discharge">();
  const directionOf = (step: StepIR): "charge" | "discharge" | null =>
    step.kind === "constantCurrent" || step.kind === "ccCv" || step.kind === "constantPower" ? step.direction : null;
  let last: "charge" | "discharge" | null = null;
  const pending: StepIR[] = [];
  for (const step of steps) {
    const own = directionOf(step);
    if (own) {
      for (const hold of pending.splice(0)) directions.set(hold, own);
      last = own;
    } else if (step.kind === "constantVoltage") {
      if (last) directions.set(step, last);
      else pending.push(step);
    }
  }
  for (const hold of pending) directions.set(hold, "charge");
  return directions;
}

/** The current a hold may draw when the protocol sets no current limit: that of the nearest
 * constant-current step before it (what a cycler's CC-CV would use). */
export function precedingCurrents(body: readonly NodeIR[]): Map<StepIR, { amperes: number; from: StepIR }> {
  const out = new Map<StepIR, { amperes: number; from: StepIR }>();
  let last: { amperes: number; from: StepIR } | null = null;
  for (const node of walkNodes(body)) {
    if (!isStep(node)) continue;
    if (node.kind === "constantCurrent" || node.kind === "ccCv") last = { amperes: node.current.si, from: node };
    else if (node.kind === "constantVoltage" && last) out.set(node, last);
  }
  return out;
}
