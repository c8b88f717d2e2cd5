// One line per step in a battery lab's words: "Charge at 0.5C (0.147 mA) until 3.9 V",
// "Rest 2 h", "EIS 1 MHz → 10 mHz, 5 mV amplitude, 10 points/decade, at OCV". Hover, the step
// table of `btp explain` and the messages of other tools all print steps this way.

import { formatNumber } from "../../units/format.js";
import { formatQuantity } from "../../units/display.js";
import type {
  CellIR,
  CycleActionIR,
  EndConditionIR,
  GroupIR,
  LoopIR,
  NodeIR,
  Resolved,
  StepIR,
  VoltageSetpointIR,
} from "../types.js";
import { groupDigits } from "./words.js";

export interface DescribeOptions {
  /** Print the ampere value after a relative current ("0.5C (0.147 mA)"). Default true; the step
   * table turns it off because it has a column for the current. */
  resolvedCurrent?: boolean;
}

export function describeStep(step: StepIR, cell: CellIR | null, options: DescribeOptions = {}): string {
  const showResolved = options.resolvedCurrent ?? true;
  switch (step.kind) {
    case "rest":
      return withEnds("Rest", step.ends);
    case "ocv":
      return withEnds("OCV", step.ends);
    case "constantCurrent":
      return `${capitalised(step.direction)} at ${describeCurrent(step.current, cell, showResolved)}${endsSuffix(step.ends)}`;
    case "constantPower":
      return `${capitalised(step.direction)} at ${describeResolved(step.power, "power")}${endsSuffix(step.ends)}`;
    case "constantVoltage":
      return `Hold at ${describeSetpoint(step.voltage)}${endsSuffix(step.ends)}`;
    case "ccCv": {
      const guards = step.ccEnds.length > 0 ? ` or ${describeEndList(step.ccEnds)}` : "";
      const hold = step.cvEnds.length > 0 ? `hold${endsSuffix(step.cvEnds)}` : "hold (no end)";
      return `CC-CV ${step.direction} at ${describeCurrent(step.current, cell, showResolved)} to ${volts(step.voltage)}${guards}, ${hold}`;
    }
    case "eis": {
      const kind = step.mode === "galvanostatic" ? "current" : "voltage";
      const technique = step.mode === "galvanostatic" ? "GEIS" : "EIS";
      const bias = step.bias.reference === "ocv" ? "at OCV" : `at ${formatQuantity(step.bias.value, kind)} bias`;
      return (
        `${technique} ${formatQuantity(step.startFrequency, "frequency")} → ${formatQuantity(step.endFrequency, "frequency")}, ` +
        `${formatQuantity(step.amplitude, kind)} amplitude, ${formatNumber(step.pointsPerDecade)} points/decade, ${bias}`
      );
    }
    case "linearSweep":
      return `LSV ${describeSetpoint(step.from)} → ${describeSetpoint(step.to)} at ${formatQuantity(step.scanRate, "scan rate")}`;
    case "cyclicVoltammetry": {
      const cycles = `${groupDigits(step.cycles)} ${step.cycles === 1 ? "cycle" : "cycles"}`;
      const startsAtVertex =
        step.start.reference === "absolute" && (step.start.volts === step.lower || step.start.volts === step.upper);
      const start = startsAtVertex ? "" : `, from ${describeSetpoint(step.start)}`;
      return `CV ${volts(step.lower)} ↔ ${volts(step.upper)} at ${formatQuantity(step.scanRate, "scan rate")}, ${cycles}${start}`;
    }
    case "temperature": {
      const target = `Set chamber to ${formatQuantity(step.setpoint, "temperature")}`;
      if (step.settle.kind === "time") return `${target}, settle ${formatQuantity(step.settle.seconds, "time")}`;
      if (step.settle.kind === "stable") return `${target}, wait until stable`;
      return target;
    }
    case "pause":
      return step.message ? `Pause: ${step.message}` : "Pause for the operator";
  }
}

/** A header line for a structural node, or the step line for a step. */
export function describeNode(node: NodeIR, cell: CellIR | null, options: DescribeOptions = {}): string {
  switch (node.kind) {
    case "loop":
      return describeLoop(node);
    case "cycleAction":
      return describeCycleAction(node);
    case "group":
      return describeGroup(node);
    case "stop":
      return `Stop the test if ${node.condition.text}`;
    default:
      return describeStep(node, cell, options);
  }
}

function describeLoop(loop: LoopIR): string {
  if (loop.until) return `Repeat up to ${groupDigits(loop.count)}× until ${loop.until.text}`;
  return `Repeat ${groupDigits(loop.count)}×`;
}

function describeCycleAction(action: CycleActionIR): string {
  if (action.cycles !== null) {
    const listed = action.cycles.map(groupDigits);
    return `After cycle${listed.length === 1 ? "" : "s"} ${listed.join(", ")}`;
  }
  const every = action.every ?? 1;
  return every === 1 ? "Every cycle" : `Every ${groupDigits(every)} cycles`;
}

function describeGroup(group: GroupIR): string {
  if (group.label.trim() !== "") return group.label;
  const fallback: Record<GroupIR["origin"], string> = {
    section: "Section",
    sweep: "Sweep value",
    sequence: "Sequence",
    temperature: "At temperature",
  };
  return fallback[group.origin];
}

/** The ends of a step as a phrase: "until 3.9 V or for 2 h". */
export function describeEndList(ends: readonly EndConditionIR[]): string {
  return joinWithOr(ends.map(describeEnd));
}

function joinWithOr(parts: string[]): string {
  return parts.join(" or ");
}

/** " until 3.9 V", or "" when there are no ends. */
function endsSuffix(ends: readonly EndConditionIR[]): string {
  return ends.length > 0 ? ` ${describeEndList(ends)}` : "";
}

/** "Rest 2 h" for a plain time end, "Rest until 3 V or for 2 h" otherwise. */
function withEnds(verb: string, ends: readonly EndConditionIR[]): string {
  const [only] = ends;
  if (ends.length === 1 && only!.kind === "time") return `${verb} ${formatQuantity(only!.seconds, "time")}`;
  return `${verb}${endsSuffix(ends)}`;
}

export function describeEnd(end: EndConditionIR): string {
  switch (end.kind) {
    case "time":
      return `for ${formatQuantity(end.seconds, "time")}`;
    case "voltage":
      return `until ${volts(end.volts)}`;
    case "current": {
      const value = describeResolved(end.resolved, "current", end.amperes);
      return end.comparator === ">" || end.comparator === ">="
        ? `until the current exceeds ${value}`
        : `until ${value}`;
    }
    case "capacity":
      return `until ${describeResolved(end.resolved, "capacity", end.coulombs)} passed`;
    case "temperature": {
      const value = formatQuantity(end.kelvin, "temperature");
      return end.comparator === "<" || end.comparator === "<=" ? `until below ${value}` : `until ${value}`;
    }
  }
}

/** "0.5C (0.147 mA)": the user's spelling, then the value it resolved to when they differ. */
function describeCurrent(current: Resolved, cell: CellIR | null, showResolved: boolean): string {
  const amperes = formatQuantity(current.si, "current");
  if (current.basis !== undefined) return showResolved ? `${current.text} (${amperes})` : current.text;
  // A plain current: say what C-rate it is when the cell defines 1C, which is what a reader
  // compares against.
  const capacity = cell?.nominalCapacity ?? null;
  if (capacity !== null && capacity > 0 && current.si > 0) {
    return `${amperes} (${formatQuantity((current.si * 3600) / capacity, "c-rate", { digits: 3 })})`;
  }
  return amperes;
}

/** A relative end or set-point shows both forms, "14.7 µA (C/20)"; a plain one, the value. */
function describeResolved(value: Resolved, kind: "current" | "capacity" | "power", si = value.si): string {
  const shown = formatQuantity(si, kind);
  return value.basis !== undefined && value.text.trim() !== "" ? `${shown} (${value.text})` : shown;
}

export function describeSetpoint(setpoint: VoltageSetpointIR): string {
  if (setpoint.reference === "absolute") return volts(setpoint.volts);
  if (setpoint.offsetVolts === 0) return "OCV";
  const sign = setpoint.offsetVolts > 0 ? "+" : "−";
  return `OCV ${sign} ${formatQuantity(Math.abs(setpoint.offsetVolts), "voltage")}`;
}

function volts(v: number): string {
  return formatQuantity(v, "voltage");
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
