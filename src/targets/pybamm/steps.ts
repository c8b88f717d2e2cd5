// One IR step → the PyBaMM step(s) that run it. A step is written as PyBaMM's step string
// ("Charge at 0.5C until 3.9 V") whenever the string grammar can hold it; a step with several
// `until` conditions needs PyBaMM's keyword form (pybamm.step.c_rate(-0.5, termination=[…]))
// because a string holds one. The string is kept in both cases: it is what people read, and the
// BattINFO target uses it as the step's description.

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { formatQuantity } from "../../units/display.js";
import type { CcCvStepIR, ConstantCurrentStepIR, EndConditionIR, Resolved, StepIR } from "../../ir/types.js";
import type { Emulation } from "../target.js";
import { CAPACITY_END_NOT_CC, RISING_CURRENT_END, SETTLE_UNTIL_STABLE, STEP_WITHOUT_END } from "./codes.js";
import {
  cRateText,
  currentText,
  durationText,
  INSTRUCTION,
  powerText,
  SETTLE_TAG,
  signedValue,
  voltageText,
  type StepFunction,
} from "./conventions.js";

const TARGET = "pybamm";

/** PyBaMM's keyword form of a step: `pybamm.step.<fn>(value, duration=…, termination=[…])`. */
export interface StepCall {
  fn: Exclude<StepFunction, "string">;
  /** Signed as PyBaMM wants it (negative on charge); null for rest. */
  value: number | null;
  /** s */
  duration: number | null;
  termination: string[];
}

export interface PybammStep {
  /** The step string. */
  text: string;
  /** Set when the string grammar cannot hold the step; the file then writes this call. */
  call: StepCall | null;
  /** K: the ambient temperature the step runs at, or null when the protocol never set one. */
  ambient: number | null;
  /** s: the output period, from the step's record rule. */
  period: number | null;
  tags: string[];
  /** The IR step it came from (its span places diagnostics and emulations). */
  source: StepIR;
}

export interface LoweredStep {
  steps: PybammStep[];
  diagnostics: Diagnostic[];
  emulations: Emulation[];
}

/** A step's end conditions in PyBaMM's terms: one duration and the `until` terminations. */
interface Clauses {
  duration: number | null;
  terminations: string[];
}

type Direction = "charge" | "discharge" | null;

export function lowerStep(step: StepIR): LoweredStep {
  const out: LoweredStep = { steps: [], diagnostics: [], emulations: [] };
  const tags = step.label ? [step.label] : [];
  const make = (head: string, clauses: Clauses, call: Omit<StepCall, "duration" | "termination">, extraTags: string[] = []): void => {
    if (clauses.duration === null && clauses.terminations.length === 0) {
      out.diagnostics.push({
        code: STEP_WITHOUT_END,
        severity: "error",
        message: "PyBaMM needs every step to end on a time or a condition (`for` or `until`), and this one has neither",
        span: step.span,
        hint: "give the step a duration or a cut-off (`for 2 h`, `until 4.2 V`)",
        target: TARGET,
      });
      return;
    }
    out.steps.push({
      text: stepString(head, clauses),
      call: clauses.terminations.length > 1 ? { ...call, duration: clauses.duration, termination: clauses.terminations } : null,
      ambient: step.ambient,
      period: step.record.time ?? null,
      tags: [...extraTags, ...tags],
      source: step,
    });
  };

  switch (step.kind) {
    case "rest":
    case "ocv":
      make(INSTRUCTION.rest, clausesOf(step.ends, null, out), { fn: "rest", value: null });
      break;
    case "constantCurrent": {
      const clauses = clausesOf(step.ends, step.direction, out, step);
      make(currentHead(step.direction, step.current), clauses, currentCall(step.direction, step.current));
      break;
    }
    case "constantPower":
      make(`${INSTRUCTION[step.direction]} at ${powerText(step.power.si)}`, clausesOf(step.ends, step.direction, out), {
        fn: "power",
        value: signedValue(step.direction, step.power.si),
      });
      break;
    case "constantVoltage":
      // The capability table refuses voltages relative to open circuit before we get here.
      if (step.voltage.reference === "absolute") {
        make(`${INSTRUCTION.hold} at ${voltageText(step.voltage.volts)}`, clausesOf(step.ends, null, out), {
          fn: "voltage",
          value: step.voltage.volts,
        });
      }
      break;
    case "ccCv":
      lowerCcCv(step, out, make);
      break;
    case "temperature":
      if (step.settle.kind === "time") {
        // The chamber's settle time: the cell rests at the new temperature.
        make(INSTRUCTION.rest, { duration: step.settle.seconds, terminations: [] }, { fn: "rest", value: null }, [SETTLE_TAG]);
      } else if (step.settle.kind === "stable") {
        out.diagnostics.push({
          code: SETTLE_UNTIL_STABLE,
          severity: "error",
          message: "PyBaMM cannot wait until the temperature is stable: a simulated ambient temperature changes at once",
          span: step.span,
          hint: "give the settle a time (`settle 2 h`), which PyBaMM runs as a rest at the new temperature",
          target: TARGET,
        });
      }
      // A set-point without a settle is carried by the temperature= keyword of the steps after it.
      break;
    default:
      // EIS, sweeps, voltammetry and pauses are refused by the capability table.
      break;
  }
  return out;
}

/** CC-CV as two PyBaMM steps: the constant current until the voltage, then a hold at it. */
function lowerCcCv(
  step: CcCvStepIR,
  out: LoweredStep,
  make: (head: string, clauses: Clauses, call: Omit<StepCall, "duration" | "termination">) => void,
): void {
  const cutoff: EndConditionIR = {
    kind: "voltage",
    comparator: step.direction === "charge" ? ">=" : "<=",
    volts: step.voltage,
    span: step.span,
  };
  const before = out.steps.length;
  make(
    currentHead(step.direction, step.current),
    clausesOf([...step.ccEnds, cutoff], step.direction, out, step),
    currentCall(step.direction, step.current),
  );
  make(`${INSTRUCTION.hold} at ${voltageText(step.voltage)}`, clausesOf(step.cvEnds, null, out), { fn: "voltage", value: step.voltage });
  const written = out.steps.slice(before).map((s) => `"${s.text}"`);
  if (written.length === 2) {
    out.emulations.push({ span: step.span, construct: "ccCv", message: `CC-CV written as two steps: ${written.join(" then ")}` });
  }
}

function currentHead(direction: "charge" | "discharge", current: Resolved): string {
  const value =
    current.basis === "c-rate" && current.relative !== undefined ? cRateText(current.relative, current.text) : currentText(current.si);
  return `${INSTRUCTION[direction]} at ${value}`;
}

function currentCall(direction: "charge" | "discharge", current: Resolved): Omit<StepCall, "duration" | "termination"> {
  if (current.basis === "c-rate" && current.relative !== undefined)
    return { fn: "c_rate", value: signedValue(direction, current.relative) };
  return { fn: "current", value: signedValue(direction, current.si) };
}

/** "Charge at 1C for 2 hours or until 4.2 V" (PyBaMM puts `for` before `until`). */
function stepString(head: string, clauses: Clauses): string {
  const parts = [head];
  if (clauses.duration !== null) parts.push(`for ${durationText(clauses.duration)}`);
  if (clauses.terminations.length > 0) {
    // With several conditions the keyword form is written; the string says them all, for people.
    const until = clauses.terminations.map((t) => `until ${t}`).join(" or ");
    parts.push(clauses.duration !== null ? `or ${until}` : until);
  }
  return parts.join(" ");
}

/**
 * The ends of one step in PyBaMM's terms. `direction` is the step's current direction (PyBaMM
 * infers a voltage cut-off's side from it); rests and holds have none, so their voltage
 * conditions always carry `<` or `>` (PyBaMM silently ignores a bare voltage there).
 * `constantCurrent` is set for constant-current parts, where a capacity end is a time.
 */
function clausesOf(
  ends: readonly EndConditionIR[],
  direction: Direction,
  out: LoweredStep,
  constantCurrent?: ConstantCurrentStepIR | CcCvStepIR,
): Clauses {
  let duration: number | null = null;
  const terminations: string[] = [];
  const shorten = (seconds: number): void => {
    duration = duration === null ? seconds : Math.min(duration, seconds);
  };
  for (const end of ends) {
    switch (end.kind) {
      case "time":
        shorten(end.seconds);
        break;
      case "voltage": {
        const rising = end.comparator === ">" || end.comparator === ">=";
        const inferred = direction === "charge" ? true : direction === "discharge" ? false : null;
        terminations.push(inferred === rising ? voltageText(end.volts) : `${rising ? ">" : "<"} ${voltageText(end.volts)}`);
        break;
      }
      case "current":
        if (end.comparator === ">" || end.comparator === ">=") {
          out.diagnostics.push({
            code: RISING_CURRENT_END,
            severity: "error",
            message:
              "PyBaMM compares a rising current with its sign (positive on discharge), so `until current > …` cannot be written faithfully",
            span: end.span,
            hint: "end the step on a falling current (a taper, `until C/20`), a voltage or a time",
            target: TARGET,
          });
        } else {
          terminations.push(currentEndText(end.resolved));
        }
        break;
      case "capacity":
        if (constantCurrent && constantCurrent.current.si > 0) {
          // At a constant current the charge passed grows linearly: Q is reached at t = Q / I.
          const seconds = end.coulombs / constantCurrent.current.si;
          shorten(seconds);
          out.emulations.push({
            span: end.span,
            construct: "capacityEnd",
            message: `${end.resolved.text} at ${formatQuantity(constantCurrent.current.si, "current")} written as a duration of ${durationText(seconds)}`,
          });
        } else {
          out.diagnostics.push({
            code: CAPACITY_END_NOT_CC,
            severity: "error",
            message: "PyBaMM has no capacity termination, and only at a constant current can a capacity be turned into a time",
            span: end.span,
            hint: "end this step on a voltage, a current or a time",
            target: TARGET,
          });
        }
        break;
      case "temperature":
        // Refused by the capability table.
        break;
    }
  }
  return { duration, terminations };
}

/** A taper current: PyBaMM's bare current termination means |I| < value. */
function currentEndText(resolved: Resolved): string {
  if (resolved.basis === "c-rate" && resolved.relative !== undefined) return cRateText(resolved.relative, resolved.text);
  return currentText(resolved.si);
}
