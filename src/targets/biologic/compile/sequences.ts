// Cycling steps as Modulo Bat sequences: rest, constant current, constant voltage, and CC-CV as
// a CC sequence followed by a CV sequence at the cut-off. The step's ends become the sequence's
// limits ("Next sequence" when reached), a safety limit tighter than the header's becomes a limit
// that stops the run, and the recording rule becomes the record rows.

import type { ConstantCurrentStepIR, ConstantVoltageStepIR, CcCvStepIR, EndConditionIR, RestStepIR, StepIR } from "../../../ir/types.js";
import { formatQuantity } from "../../../units/display.js";
import { AUTO_RANGE, LARGEST_CURRENT, currentRangeFor, cutoffComparison, type Direction } from "../conventions.js";
import type { MbLimit, MbRecord, MbSequence } from "../model.js";
import { CODES } from "../codes.js";
import { LIMIT_SLOTS } from "../write/modulo-bat.js";
import type { CompileContext } from "./context.js";
import { endCurrentNote, sequenceCurrent } from "./currents.js";
import { stepSafety } from "./safety.js";

export type ModuloBatStep = RestStepIR | ConstantCurrentStepIR | ConstantVoltageStepIR | CcCvStepIR;

export function isModuloBatStep(step: StepIR): step is ModuloBatStep {
  return step.kind === "rest" || step.kind === "constantCurrent" || step.kind === "constantVoltage" || step.kind === "ccCv";
}

/** The sequences for one step; `previous` is the sequence before it in the same technique. */
export function sequencesFor(step: ModuloBatStep, ctx: CompileContext, previous: MbSequence | null, firstNs: number): MbSequence[] {
  switch (step.kind) {
    case "rest":
      return [sequence(step, { type: "Rest" }, endLimits(step, step.ends, ctx), AUTO_RANGE, ctx)];
    case "constantCurrent":
      return [constantCurrent(step, step.direction, step.ends, [], ctx)];
    case "constantVoltage": {
      const potential = step.voltage.reference === "absolute" ? { volts: step.voltage.volts, vs: "Ref" as const } : { volts: step.voltage.offsetVolts, vs: "Eoc" as const };
      if (potential.vs === "Ref") ctx.voltage(potential.volts);
      return [sequence(step, { type: "CV", potential }, endLimits(step, step.ends, ctx), rangeAfter(previous), ctx)];
    }
    case "ccCv": {
      ctx.voltage(step.voltage);
      const cutoff: MbLimit = { type: "Ewe", comparison: cutoffComparison(step.direction), volts: step.voltage, action: "next" };
      const cc = constantCurrent(step, step.direction, step.ccEnds, [cutoff], ctx);
      const cv = sequence(step, { type: "CV", potential: { volts: step.voltage, vs: "Ref" } }, endLimits(step, step.cvEnds, ctx), cc.currentRange, ctx);
      const volts = formatQuantity(step.voltage, "voltage");
      ctx.emulate(step.span, "ccCv", `CC-CV step written as Modulo Bat sequences ${firstNs} (CC to ${volts}) and ${firstNs + 1} (CV at ${volts})`);
      return [cc, cv];
    }
  }
}

function constantCurrent(step: ConstantCurrentStepIR | CcCvStepIR, direction: Direction, ends: readonly EndConditionIR[], first: MbLimit[], ctx: CompileContext): MbSequence {
  const amperes = step.current.si;
  const range = currentRangeFor(amperes);
  if (range === null) {
    ctx.error(CODES.outOfRange, `${step.current.text} is more current than EC-Lab's largest range (${LARGEST_CURRENT} A)`, step.span, "use a booster channel's target settings by hand, or a lower current");
  }
  const cRate = sequenceCurrent(step.current, step, ctx);
  const limits = [...first, ...endLimits(step, ends, ctx)];
  return sequence(step, { type: "CC", direction, amperes, cRate }, limits, range ?? AUTO_RANGE, ctx);
}

function sequence(step: ModuloBatStep, control: MbSequence["control"], limits: MbLimit[], currentRange: string, ctx: CompileContext): MbSequence {
  const all = [...limits, ...stepSafety(step, ctx)];
  if (all.length > LIMIT_SLOTS) {
    ctx.error(
      CODES.tooManyLimits,
      `this step needs ${all.length} limits (its ends and any step-level safety limits); a Modulo Bat sequence holds ${LIMIT_SLOTS}`,
      step.span,
      "keep at most 3 ends on the step, or move step-level safety limits to the protocol's limits",
    );
  }
  return { control, limits: all.slice(0, LIMIT_SLOTS), records: records(step), currentRange, span: step.span };
}

/** A CV right after a CC keeps its range: EC-Lab changes range only after an open circuit. */
function rangeAfter(previous: MbSequence | null): string {
  return previous?.control.type === "CC" ? previous.currentRange : AUTO_RANGE;
}

function endLimits(step: StepIR, ends: readonly EndConditionIR[], ctx: CompileContext): MbLimit[] {
  const limits: MbLimit[] = [];
  for (const end of ends) {
    switch (end.kind) {
      case "time":
        limits.push({ type: "Time", seconds: end.seconds, action: "next" });
        break;
      case "voltage":
        ctx.voltage(end.volts);
        limits.push({ type: "Ewe", comparison: strict(end.comparator), volts: end.volts, action: "next" });
        break;
      case "current":
        endCurrentNote(end.resolved, step, ctx);
        limits.push({ type: "|I|", comparison: strict(end.comparator), amperes: end.amperes, action: "next" });
        break;
      case "capacity":
        if (end.resolved.basis) ctx.emulate(end.span, "capacityEnd", `capacity ${end.resolved.text} written as ${formatQuantity(end.coulombs, "capacity")}`);
        limits.push({ type: "|Q|", coulombs: end.coulombs, action: "next" });
        break;
      case "temperature":
        // Refused by the capability table before compiling; kept here so nothing is dropped.
        ctx.error(CODES.safetyLimit, "EC-Lab settings cannot end a step on temperature", end.span, "end the step on time, voltage or current");
        break;
    }
  }
  return limits;
}

/** EC-Lab compares with < and > only; for a measured voltage or current the difference from ≤
 * and ≥ is one sample. */
function strict(comparator: "<" | "<=" | ">" | ">="): "<" | ">" {
  return comparator === "<" || comparator === "<=" ? "<" : ">";
}

function records(step: StepIR): MbRecord[] {
  const out: MbRecord[] = [];
  if (step.record.time !== undefined) out.push({ type: "Time", seconds: step.record.time });
  if (step.record.voltage !== undefined) out.push({ type: "Ewe", volts: step.record.voltage });
  if (step.record.current !== undefined) out.push({ type: "I", amperes: step.record.current });
  return out;
}
