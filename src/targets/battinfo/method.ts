// The protocol tree → BattINFO's `method`: typed steps (mode cc, cv, cccv, cp, rest, eis, scan)
// with set-points, terminations and a duration, and `group` steps with a count for loops.
// Loops stay groups (never unrolled). Sections, sweep values and sequence calls become tags of
// the steps inside them. Each step's description is its PyBaMM string when PyBaMM can say it
// (BattINFO's own authoring language), else btp's one-line description.

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { describeStep } from "../../ir/describe.js";
import type { CellIR, CycleActionIR, EndConditionIR, LoopIR, NodeIR, Resolved, StepIR, VoltageSetpointIR } from "../../ir/types.js";
import { isStep } from "../../ir/types.js";
import { cycleActionsOf } from "../common/cycle-guards.js";
import { patternTooLong, planPasses, runsWith, type PassRun } from "../common/pass-runs.js";
import { lowerStep } from "../pybamm/steps.js";
import type { Emulation } from "../target.js";
import { PASS_PATTERN_TOO_LONG } from "./codes.js";
import { celsius, num, UNIT } from "./conventions.js";

export interface Quantity {
  value: number;
  unit: string;
}

export interface Termination {
  quantity: "voltage" | "current" | "c_rate" | "capacity" | "duration";
  value: number;
  unit: string;
  direction: "below" | "above" | "elapsed";
}

/** One `method` entry, its keys in the order the record writes them. */
export interface MethodStep {
  mode: "cc" | "cv" | "cccv" | "cp" | "rest" | "eis" | "scan" | "group";
  direction?: "charge" | "discharge" | "hold" | "rest" | "none";
  count?: number;
  setpoints?: Record<string, Quantity>;
  termination?: Termination[];
  duration?: Quantity;
  temperature?: Quantity;
  period?: Record<string, number>;
  tags?: string[];
  description?: string;
  steps?: MethodStep[];
}

export interface MethodContext {
  cell: CellIR | null;
  /** K: when every step runs at one ambient temperature it is stated once, in `conditions`. */
  sharedAmbient: number | null;
  /** The protocol's record rule: steps that record differently get a `period`. */
  protocolRecord: ProtocolRecord;
}

type ProtocolRecord = { time?: number; voltage?: number; current?: number };

export interface MethodResult {
  method: MethodStep[];
  diagnostics: Diagnostic[];
  emulations: Emulation[];
}

export function buildMethod(body: readonly NodeIR[], context: MethodContext): MethodResult {
  const builder = new MethodBuilder(context);
  const method = builder.body(body, [], new Set());
  return { method, diagnostics: builder.diagnostics, emulations: builder.emulations };
}

class MethodBuilder {
  readonly diagnostics: Diagnostic[] = [];
  readonly emulations: Emulation[] = [];

  constructor(private readonly context: MethodContext) {}

  /** The entries of a body. `tags`: labels of the groups around it; `active`: the cycle actions
   * that run in the pass being written. */
  body(nodes: readonly NodeIR[], tags: readonly string[], active: ReadonlySet<CycleActionIR>): MethodStep[] {
    const out: MethodStep[] = [];
    for (const node of nodes) {
      if (!runsWith(node, active)) continue;
      if (isStep(node)) out.push(...this.step(node, tags));
      else if (node.kind === "loop") out.push(...this.loop(node, tags));
      else if (node.kind === "group") out.push(...this.body(node.body, node.label.trim() === "" ? tags : [...tags, node.label], active));
      else if (node.kind === "cycleAction") out.push(...this.body(node.body, tags, active));
      // A stop is stated in its loop's description (see loop()).
    }
    return out;
  }

  private loop(loop: LoopIR, tags: readonly string[]): MethodStep[] {
    const said: string[] = [];
    if (loop.until) said.push(`Repeated until ${loop.until.text}, at most ${loop.count} times.`);
    for (const stop of stopsOf(loop.body)) said.push(`The test stops if ${stop.condition.text}.`);
    const description = said.length > 0 ? said.join(" ") : null;

    const plan = planPasses(loop);
    const groupOf = (count: number, active: ReadonlySet<CycleActionIR>): MethodStep =>
      group(count, this.body(loop.body, tags, active), description);
    const runs = (list: readonly PassRun[]): MethodStep[] =>
      list.flatMap((run) => (run.count === 1 ? this.body(loop.body, tags, run.active) : [groupOf(run.count, run.active)]));
    switch (plan.kind) {
      case "plain":
        return [groupOf(loop.count, new Set())];
      case "runs":
        this.splitEmulation(loop, plan.runs.length);
        return runs(plan.runs);
      case "periodic":
        this.splitEmulation(loop, plan.period.length + plan.remainder.length);
        return [group(plan.repeats, runs(plan.period), description), ...runs(plan.remainder)];
      case "tooLong":
        this.diagnostics.push(patternTooLong(plan, loop, "groups", PASS_PATTERN_TOO_LONG, "battinfo"));
        return [];
    }
  }

  private splitEmulation(loop: LoopIR, runs: number): void {
    this.emulations.push({
      // At the first cycle action, where the capability table would place its generic note.
      span: cycleActionsOf(loop.body)[0]?.span ?? loop.span,
      construct: "cycleAction",
      message: `the ${loop.count}-pass loop is written as ${runs} groups of identical passes, with and without the steps at given cycles`,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Steps

  private step(step: StepIR, tags: readonly string[]): MethodStep[] {
    const cell = this.context.cell;
    const common = (entry: MethodStep): MethodStep => this.finish(entry, step, tags);
    switch (step.kind) {
      case "rest":
        return [common({ mode: "rest", direction: "rest", ...ends(step.ends) })];
      case "ocv":
        return [common({ mode: "rest", direction: "rest", ...ends(step.ends), tags: ["open circuit voltage"] })];
      case "constantCurrent":
        return [common({ mode: "cc", direction: step.direction, setpoints: currentSetpoints(step.current, cell), ...ends(step.ends) })];
      case "constantPower":
        return [
          common({
            mode: "cp",
            direction: step.direction,
            setpoints: { power: { value: num(step.power.si * 1000), unit: UNIT.power } },
            ...ends(step.ends),
          }),
        ];
      case "constantVoltage":
        return [common({ mode: "cv", direction: "hold", setpoints: voltageSetpoint("voltage", step.voltage), ...ends(step.ends) })];
      case "ccCv": {
        const setpoints = { ...currentSetpoints(step.current, cell), voltage: { value: num(step.voltage), unit: UNIT.voltage } };
        if (step.ccEnds.length === 0) {
          return [common({ mode: "cccv", direction: step.direction, setpoints, ...ends(step.cvEnds) })];
        }
        // Guards on the constant-current part (a time, a capacity) have no place in one cccv
        // step, whose terminations end the hold: write the two parts.
        this.emulations.push({
          span: step.span,
          construct: "ccCv",
          message: "CC-CV with ends of its own on the constant-current part written as a cc step and a cv step",
        });
        const cutoff: EndConditionIR = {
          kind: "voltage",
          comparator: step.direction === "charge" ? ">=" : "<=",
          volts: step.voltage,
          span: step.span,
        };
        return [
          common({
            mode: "cc",
            direction: step.direction,
            setpoints: currentSetpoints(step.current, cell),
            ...ends([...step.ccEnds, cutoff]),
          }),
          common({
            mode: "cv",
            direction: "hold",
            setpoints: { voltage: { value: num(step.voltage), unit: UNIT.voltage } },
            ...ends(step.cvEnds),
          }),
        ];
      }
      case "eis": {
        const galvanostatic = step.mode === "galvanostatic";
        const setpoints: Record<string, Quantity> = {
          frequency_upper_limit: { value: num(Math.max(step.startFrequency, step.endFrequency)), unit: UNIT.hertz },
          frequency_lower_limit: { value: num(Math.min(step.startFrequency, step.endFrequency)), unit: UNIT.hertz },
          ac_perturbation_amplitude: galvanostatic
            ? { value: num(step.amplitude * 1000), unit: UNIT.amplitudeCurrent }
            : { value: num(step.amplitude * 1000), unit: UNIT.amplitudeVoltage },
          points_per_decade: { value: num(step.pointsPerDecade), unit: UNIT.count },
        };
        if (step.bias.reference === "absolute") {
          setpoints[galvanostatic ? "dc_current" : "dc_voltage"] = galvanostatic
            ? { value: num(step.bias.value * 1000), unit: UNIT.current }
            : { value: num(step.bias.value), unit: UNIT.voltage };
        }
        const eisTags = [galvanostatic ? "galvanostatic" : "potentiostatic", ...(step.bias.reference === "ocv" ? ["at open circuit"] : [])];
        return [common({ mode: "eis", direction: "hold", setpoints, tags: eisTags })];
      }
      case "linearSweep":
        return [
          common({
            mode: "scan",
            direction: "none",
            setpoints: {
              ...voltageSetpoint("start_voltage", step.from),
              ...voltageSetpoint("end_voltage", step.to),
              scan_rate: { value: num(step.scanRate * 1000), unit: UNIT.scanRate },
            },
            tags: ["linear sweep voltammetry"],
          }),
        ];
      case "cyclicVoltammetry":
        return [
          common({
            mode: "scan",
            direction: "none",
            setpoints: {
              lower_voltage_limit: { value: num(step.lower), unit: UNIT.voltage },
              upper_voltage_limit: { value: num(step.upper), unit: UNIT.voltage },
              scan_rate: { value: num(step.scanRate * 1000), unit: UNIT.scanRate },
              cycles: { value: step.cycles, unit: UNIT.count },
              ...voltageSetpoint("start_voltage", step.start),
            },
            tags: ["cyclic voltammetry"],
          }),
        ];
      case "temperature": {
        // The set-point itself is each following step's temperature (or the record's
        // conditions); a settle is the cell resting while the chamber gets there.
        if (step.settle.kind === "none") return [];
        const settle = step.settle.kind === "time" ? { duration: { value: num(step.settle.seconds), unit: UNIT.seconds } } : {};
        return [
          this.finish(
            { mode: "rest", direction: "rest", ...settle, tags: ["temperature settle"] },
            step,
            tags,
            describeStep(step, this.context.cell),
          ),
        ];
      }
      case "pause":
        return [
          this.finish({ mode: "rest", direction: "rest", tags: ["operator pause"] }, step, tags, describeStep(step, this.context.cell)),
        ];
    }
  }

  /** The parts every leaf step gets: temperature, period, tags, description. */
  private finish(entry: MethodStep, step: StepIR, groupTags: readonly string[], description?: string): MethodStep {
    if (step.ambient !== null && this.context.sharedAmbient === null)
      entry.temperature = { value: celsius(step.ambient), unit: UNIT.celsius };
    const period = periodOf(step.record, this.context.protocolRecord);
    if (period) entry.period = period;
    const tags = [...(entry.tags ?? []), ...groupTags, ...(step.label ? [step.label] : [])];
    if (tags.length > 0) entry.tags = [...new Set(tags)];
    else delete entry.tags;
    entry.description = description ?? stepDescription(step, this.context.cell);
    return ordered(entry);
  }
}

function group(count: number, steps: MethodStep[], description: string | null): MethodStep {
  return { mode: "group", count, ...(description ? { description } : {}), steps };
}

/** The stops of a loop body (not of loops inside it). */
function stopsOf(nodes: readonly NodeIR[]): Extract<NodeIR, { kind: "stop" }>[] {
  return nodes.flatMap((node) =>
    node.kind === "stop" ? [node] : node.kind === "group" || node.kind === "cycleAction" ? stopsOf(node.body) : [],
  );
}

/** A step's PyBaMM string when PyBaMM says it exactly, else btp's own description. */
function stepDescription(step: StepIR, cell: CellIR | null): string {
  const lowered = lowerStep(step);
  if (lowered.steps.length === 1 && lowered.diagnostics.length === 0 && lowered.emulations.length === 0 && step.kind !== "ocv") {
    return lowered.steps[0]!.text;
  }
  return describeStep(step, cell);
}

// ---------------------------------------------------------------------------------------------
// Set-points and ends

function currentSetpoints(current: Resolved, cell: CellIR | null): Record<string, Quantity> {
  const setpoints: Record<string, Quantity> = {};
  if (current.basis === "c-rate" && current.relative !== undefined) {
    setpoints.c_rate = { value: num(current.relative), unit: UNIT.cRate };
  } else if (current.basis === "current-density" && cell?.area) {
    // A/m² → mA/cm²: × 1000 mA/A ÷ 10,000 cm²/m².
    setpoints.current_density = { value: num(current.si / cell.area / 10), unit: UNIT.currentDensity };
  } else if (current.basis === "specific-current" && cell?.activeMass) {
    // A/kg = mA/g.
    setpoints.specific_current = { value: num(current.si / cell.activeMass), unit: UNIT.specificCurrent };
  }
  setpoints.current = { value: num(current.si * 1000), unit: UNIT.current };
  return setpoints;
}

function voltageSetpoint(name: string, voltage: VoltageSetpointIR): Record<string, Quantity> {
  if (voltage.reference === "absolute") return { [name]: { value: num(voltage.volts), unit: UNIT.voltage } };
  return { [`${name}_vs_ocv`]: { value: num(voltage.offsetVolts), unit: UNIT.voltage } };
}

/** The step's ends as BattINFO terminations, the shortest time as its duration. */
function ends(list: readonly EndConditionIR[]): Pick<MethodStep, "termination" | "duration"> {
  const termination: Termination[] = [];
  let seconds: number | null = null;
  for (const end of list) {
    const direction = (comparator: string): "below" | "above" => (comparator.startsWith("<") ? "below" : "above");
    switch (end.kind) {
      case "time":
        seconds = seconds === null ? end.seconds : Math.min(seconds, end.seconds);
        break;
      case "voltage":
        termination.push({ quantity: "voltage", value: num(end.volts), unit: UNIT.voltage, direction: direction(end.comparator) });
        break;
      case "current":
        termination.push(
          end.resolved.basis === "c-rate" && end.resolved.relative !== undefined
            ? { quantity: "c_rate", value: num(end.resolved.relative), unit: UNIT.cRate, direction: direction(end.comparator) }
            : { quantity: "current", value: num(end.amperes * 1000), unit: UNIT.current, direction: direction(end.comparator) },
        );
        break;
      case "capacity":
        termination.push({ quantity: "capacity", value: num(end.coulombs / 3.6), unit: UNIT.capacity, direction: "above" });
        break;
      case "temperature":
        // Refused by the capability table.
        break;
    }
  }
  return {
    ...(termination.length > 0 ? { termination } : {}),
    ...(seconds !== null ? { duration: { value: num(seconds), unit: UNIT.seconds } } : {}),
  };
}

/** A step's record rule when it differs from the protocol's. */
function periodOf(record: ProtocolRecord, protocol: ProtocolRecord): Record<string, number> | null {
  if (record.time === protocol.time && record.voltage === protocol.voltage && record.current === protocol.current) return null;
  const period: Record<string, number> = {};
  if (record.time !== undefined) period.time_s = num(record.time);
  if (record.voltage !== undefined) period.voltage_V = num(record.voltage);
  if (record.current !== undefined) period.current_mA = num(record.current * 1000);
  return Object.keys(period).length > 0 ? period : null;
}

const KEY_ORDER: readonly (keyof MethodStep)[] = [
  "mode",
  "direction",
  "count",
  "setpoints",
  "termination",
  "duration",
  "temperature",
  "period",
  "tags",
  "description",
  "steps",
];

function ordered(entry: MethodStep): MethodStep {
  const out: Record<string, unknown> = {};
  for (const key of KEY_ORDER) if (entry[key] !== undefined) out[key] = entry[key];
  return out as unknown as MethodStep;
}
