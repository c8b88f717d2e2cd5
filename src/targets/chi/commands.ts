// Protocol steps as CHI technique commands. Each technique is `tech: …`, its parameters, then
// `run` (the caller adds `save:`/`tsave:` after it). What a technique cannot do is reported at the
// end or step that asks for it, with what to write instead.

import type { CcCvStepIR, ConstantCurrentStepIR, ConstantVoltageStepIR, CyclicVoltammetryStepIR, EisStepIR, EndConditionIR, LinearSweepStepIR, OcvStepIR, RestStepIR, StepIR } from "../../ir/types.js";
import { formatDuration } from "../../units/duration.js";
import { formatQuantity } from "../../units/display.js";
import { CODES } from "./codes.js";
import { DEFAULTS, command, polarity, sweepSegments, type Direction } from "./conventions.js";
import type { ChiContext } from "./context.js";

/** A technique to run (and save), or a plain command (a delay). */
export interface Commands {
  lines: string[];
  /** The CHI technique name for the data file, or null when nothing is measured. */
  technique: string | null;
}

export function stepCommands(step: StepIR, ctx: ChiContext): Commands | null {
  switch (step.kind) {
    case "rest":
      return rest(step, ctx);
    case "ocv":
      return openCircuit(step, onlyTime(step, step.ends, ctx, "an open-circuit measurement (ocpt)"), ctx);
    case "eis":
      return impedance(step, ctx);
    case "linearSweep":
      return linearSweep(step);
    case "cyclicVoltammetry":
      return cyclicVoltammetry(step);
    case "constantVoltage":
      return hold(step, ctx);
    case "constantCurrent":
      return segment(step, step.direction, step.ends, null, ctx);
    case "ccCv":
      return segment(step, step.direction, step.ccEnds, ccCvHold(step, ctx), ctx);
    default:
      // Refused by the capability table (pause, constant power) or reshaped away (temperature).
      return null;
  }
}

function rest(step: RestStepIR, ctx: ChiContext): Commands {
  const seconds = onlyTime(step, step.ends, ctx, "a rest (delay or ocpt)");
  // Without a recording rule nothing needs measuring: the cell waits at open circuit.
  if (step.record.time === undefined) return { lines: [command("delay", seconds)], technique: null };
  return openCircuit(step, seconds, ctx);
}

function openCircuit(step: RestStepIR | OcvStepIR, seconds: number, ctx: ChiContext): Commands {
  const { low, high } = ctx.potentialLimits(step);
  return {
    lines: [
      command("tech", "ocpt"),
      command("st", seconds),
      command("eh", high),
      command("el", low),
      command("si", step.record.time ?? DEFAULTS.sampleInterval),
      command("qt", DEFAULTS.quietTime),
      "run",
    ],
    technique: "ocpt",
  };
}

function impedance(step: EisStepIR, ctx: ChiContext): Commands {
  ctx.emulate(step.span, "eis", `impedance: no macro parameter for points per decade is known; the CHI software's density is used, not the protocol's ${step.pointsPerDecade} per decade`);
  if (step.startFrequency < step.endFrequency) {
    ctx.emulate(step.span, "eis", `impedance from ${formatQuantity(step.startFrequency, "frequency")} up to ${formatQuantity(step.endFrequency, "frequency")}: CHI sweeps from the high to the low frequency`);
  }
  return {
    lines: [
      command("tech", "imp"),
      step.bias.reference === "ocv" ? command("eio") : command("ei", step.bias.value),
      command("fh", Math.max(step.startFrequency, step.endFrequency)),
      command("fl", Math.min(step.startFrequency, step.endFrequency)),
      command("amp", step.amplitude),
      command("qt", DEFAULTS.quietTime),
      command("impautosens"),
      "run",
    ],
    technique: "imp",
  };
}

/** Absolute volts; OCV-relative set-points are refused by the capability table first. */
function volts(setpoint: LinearSweepStepIR["from"]): number {
  return setpoint.reference === "absolute" ? setpoint.volts : setpoint.offsetVolts;
}

function linearSweep(step: LinearSweepStepIR): Commands {
  return {
    lines: [
      command("tech", "lsv"),
      command("ei", volts(step.from)),
      command("ef", volts(step.to)),
      command("v", step.scanRate),
      command("si", step.record.voltage ?? DEFAULTS.potentialInterval),
      command("qt", DEFAULTS.quietTime),
      command("autosens"),
      "run",
    ],
    technique: "lsv",
  };
}

function cyclicVoltammetry(step: CyclicVoltammetryStepIR): Commands {
  const start = volts(step.start);
  const atVertex = start === step.upper || start === step.lower;
  return {
    lines: [
      command("tech", "cv"),
      command("ei", start),
      command("eh", step.upper),
      command("el", step.lower),
      // Up to the upper vertex first, as the protocol's cv runs.
      command("pn", "p"),
      command("v", step.scanRate),
      command("cl", sweepSegments(step.cycles, atVertex)),
      command("efon"),
      command("ef", start),
      command("si", step.record.voltage ?? DEFAULTS.potentialInterval),
      command("qt", DEFAULTS.quietTime),
      command("autosens"),
      "run",
    ],
    technique: "cv",
  };
}

function hold(step: ConstantVoltageStepIR, ctx: ChiContext): Commands {
  const seconds = onlyTime(step, step.ends, ctx, "a potential hold (i-t)", "end the hold on time (hold at 4.2 V for 2 h); amperometric i-t has no current end");
  return {
    lines: [
      command("tech", "i-t"),
      command("ei", step.voltage.reference === "absolute" ? step.voltage.volts : step.voltage.offsetVolts),
      command("st", seconds),
      command("si", step.record.time ?? DEFAULTS.sampleInterval),
      command("qt", DEFAULTS.quietTime),
      command("autosens"),
      "run",
    ],
    technique: "it",
  };
}

/** A galvanostatic segment: chronopotentiometry that switches at the cut-off potential
 * (potential priority) or at the segment time, whichever comes first. */
export interface Segment {
  direction: Direction;
  amperes: number;
  /** V: where the segment ends on potential (the cut-off), or the safety bound. */
  cutoff: number;
  seconds: number;
  /** s: hold at the cut-off before the segment ends (the CV part of a CC-CV). */
  holdSeconds: number;
}

function segment(step: ConstantCurrentStepIR | CcCvStepIR, direction: Direction, ends: readonly EndConditionIR[], holdSeconds: number | null, ctx: ChiContext): Commands | null {
  const found = segmentOf(step, direction, ends, holdSeconds, ctx);
  return found ? { lines: cpLines([found], 1, step, ctx), technique: "cp" } : null;
}

/** The segment a constant-current step is, or null (reported) when CP cannot run it. */
export function segmentOf(step: ConstantCurrentStepIR | CcCvStepIR, direction: Direction, ends: readonly EndConditionIR[], holdSeconds: number | null, ctx: ChiContext): Segment | null {
  const wanted = direction === "charge" ? [">", ">="] : ["<", "<="];
  let cutoff: number | null = step.kind === "ccCv" ? step.voltage : null;
  let seconds: number | null = null;
  let ok = true;
  for (const end of ends) {
    if (end.kind === "time" && seconds === null) seconds = end.seconds;
    else if (end.kind === "voltage" && cutoff === null && wanted.includes(end.comparator)) cutoff = end.volts;
    else {
      ok = false;
      ctx.error(
        CODES.end,
        `chronopotentiometry (cp) ends a ${direction} segment on time or on the potential ${direction === "charge" ? "rising to" : "falling to"} a limit; it cannot end on this`,
        end.span,
        "end the step on time or on its cut-off voltage, or run it on a cycler (btp compile --plan --cycler <name> --potentiostat chi)",
      );
    }
  }
  if (!ok) return null;
  const { low, high } = ctx.potentialLimits(step);
  if (seconds === null) seconds = segmentTime(step, ctx);
  if (seconds === null) return null;
  return { direction, amperes: step.current.si, cutoff: cutoff ?? (direction === "charge" ? high : low), seconds, holdSeconds: holdSeconds ?? 0 };
}

/** A constant current with no time end still needs a segment time: twice the time to pass the
 * nominal capacity, which a cut-off reached normally never comes near. */
function segmentTime(step: ConstantCurrentStepIR | CcCvStepIR, ctx: ChiContext): number | null {
  const capacity = ctx.nominalCapacity;
  if (capacity === null || capacity <= 0 || step.current.si <= 0) {
    ctx.error(
      CODES.noSegmentTime,
      "chronopotentiometry (cp) needs a segment time, and without the cell's nominal capacity btp cannot bound this step",
      step.span,
      "add a time end to the step (charge at 1 mA until 4.2 V or for 5 h)",
    );
    return null;
  }
  const seconds = Math.ceil((DEFAULTS.segmentTimeFactor * capacity) / step.current.si);
  ctx.emulate(step.span, step.kind === "ccCv" ? "ccCv" : "constantCurrent", `${step.current.text} until the cut-off: the cp segment also ends after ${formatDuration(seconds)} (${DEFAULTS.segmentTimeFactor} × the time to pass the nominal capacity), CHI needs a segment time`);
  return seconds;
}

function ccCvHold(step: CcCvStepIR, ctx: ChiContext): number | null {
  const seconds = onlyTime(step, step.cvEnds, ctx, "the hold at the cut-off of a cp segment (heht/leht)", "end the hold on time (then hold for 1 h); cp holds at its limit for a time only");
  ctx.emulate(step.span, "ccCv", `CC-CV step written as one cp segment that holds at ${formatQuantity(step.voltage, "voltage")} for ${formatDuration(seconds)} (${step.direction === "charge" ? "heht" : "leht"})`);
  return seconds;
}

/** The cp command for `segments` (alternating, starting with the first), repeated to `count`
 * segments in all. */
export function cpLines(segments: readonly Segment[], count: number, step: StepIR, ctx: ChiContext): string[] {
  const charge = segments.find((s) => s.direction === "charge");
  const discharge = segments.find((s) => s.direction === "discharge");
  const { low, high } = ctx.potentialLimits(step);
  return [
    command("tech", "cp"),
    command("ia", charge?.amperes ?? discharge!.amperes),
    command("ic", discharge?.amperes ?? charge!.amperes),
    command("eh", charge?.cutoff ?? high),
    command("el", discharge?.cutoff ?? low),
    command("heht", charge?.holdSeconds ?? 0),
    command("leht", discharge?.holdSeconds ?? 0),
    command("ta", charge?.seconds ?? discharge!.seconds),
    command("tc", discharge?.seconds ?? charge!.seconds),
    command("pn", polarity(segments[0]!.direction)),
    command("si", step.record.time ?? DEFAULTS.sampleInterval),
    command("cl", count),
    command("prioe"),
    "run",
  ];
}

/** The one time end a technique can run for; anything else is reported. */
function onlyTime(step: StepIR, ends: readonly EndConditionIR[], ctx: ChiContext, what: string, hint = "give the step a duration (for 1 h)"): number {
  const time = ends.find((e): e is Extract<EndConditionIR, { kind: "time" }> => e.kind === "time");
  const other = ends.find((e) => e.kind !== "time");
  if (!time || other) {
    ctx.error(CODES.end, `CHI runs ${what} for a set time; it cannot end on ${other ? describeEnd(other) : "nothing"}`, (other ?? step).span, hint);
  }
  return time?.seconds ?? 0;
}

function describeEnd(end: EndConditionIR): string {
  switch (end.kind) {
    case "voltage":
      return "a voltage";
    case "current":
      return "a current";
    case "capacity":
      return "a capacity";
    case "temperature":
      return "a temperature";
    case "time":
      return "a second time";
  }
}
