// The methods paragraph does not walk steps; it walks *phases*: what a paper would name as one
// thing ("1,000 cycles at 5C", "EIS before cycling", "a rate test at 0.5–30C"). This file turns
// the IR into phases and merges consecutive similar ones (a sweep of rates becomes one rate
// test, EIS at five temperatures one EIS phase, CV at four scan rates one CV phase).

import { formatNumber } from "../../../units/format.js";
import { formatQuantity, toDisplay } from "../../../units/display.js";
import type {
  CellIR,
  CycleActionIR,
  EisStepIR,
  EndConditionIR,
  LoopIR,
  NodeIR,
  Resolved,
  StepIR,
  VoltageSetpointIR,
} from "../../types.js";
import { isStep } from "../../types.js";
import { describeEndList, describeSetpoint } from "../step.js";
import { paperUnit } from "../words.js";

/** A galvanostatic set-point in paper words: 0.5C, 0.2 mA cm⁻², 100 mA g⁻¹. */
export interface Drive {
  /** The number as printed ("0.5"). */
  number: string;
  /** The unit as printed ("C" glued to the number, others after a space). */
  unit: string;
  isCRate: boolean;
}

export interface CyclingPhase {
  kind: "cycling";
  /** Written as one value of a sweep (`for rate in [...]`): a run of these is a rate test. */
  fromSweep: boolean;
  /** Passes of the loop (1 for loose steps). */
  cycles: number;
  /** Loose charge/discharge steps outside any loop. */
  loose: boolean;
  /** `until` of the loop and `stop` conditions inside it, as written. */
  until: string[];
  charge: Drive[];
  discharge: Drive[];
  /** "CC-CV charging (hold at 3.9 V until C/20)", "a hold at 3.9 V for 1 h": the CV parts. */
  holds: string[];
  /** For each galvanostatic step of the cycle, in order: its time when it ends on time alone
   * (symmetric cells: "2 h steps"), else null. */
  stepTimes: { charge: (number | null)[]; discharge: (number | null)[] };
  /** Seconds of each rest in the cycle (distinct). */
  rests: number[];
  ambient: number | null;
  /** Cycle actions: what runs, and when ("after the 10th and 60th cycles"). */
  actions: { when: CycleActionIR; phases: Phase[] }[];
  /** Technique steps that run in every cycle. */
  everyCycle: Phase[];
}

/** A run of cycling phases that differ only in rate. */
export interface RateSeriesPhase {
  kind: "rateSeries";
  base: CyclingPhase;
  rates: Drive[];
}

export interface EisPhase {
  kind: "eis";
  step: Omit<EisStepIR, "id" | "span" | "label" | "limits" | "record" | "ambient" | "kind">;
  ambients: (number | null)[];
  /** Where it sits relative to cycling ("before cycling", "after the 10th cycle"). */
  when: string[];
}

export interface SweepPhase {
  kind: "lsv";
  from: string;
  to: string;
  scanRates: number[];
  ambients: (number | null)[];
}

export interface VoltammetryPhase {
  kind: "cv";
  lower: number;
  upper: number;
  cycles: number;
  scanRates: number[];
  ambients: (number | null)[];
}

export interface HoldPhase {
  kind: "hold";
  setpoint: string;
  ends: string;
  ambient: number | null;
}

export interface RestPhase {
  kind: "rest";
  /** Seconds, or null when the rest ends on something else than time. */
  seconds: number | null;
}

export interface BlockPhase {
  kind: "block";
  count: number;
  until: string[];
  phases: Phase[];
}

export type Phase =
  CyclingPhase | RateSeriesPhase | EisPhase | SweepPhase | VoltammetryPhase | HoldPhase | RestPhase | BlockPhase;

/** Phases of a body, in order, with consecutive similar phases merged. */
export function phasesOf(body: readonly NodeIR[], cell: CellIR | null, inSweep = false): Phase[] {
  const phases: Phase[] = [];
  let loose: CyclingPhase | null = null;
  const closeLoose = () => {
    if (loose) phases.push(loose);
    loose = null;
  };
  for (const { node, fromSweep } of flattenGroups(body, inSweep)) {
    if (node.kind === "loop") {
      closeLoose();
      phases.push(loopPhase(node, cell, fromSweep));
    } else if (node.kind === "cycleAction") {
      // Outside a loop, a cycle action runs in the test's single pass at most.
      closeLoose();
      phases.push(...phasesOf(node.body, cell, fromSweep));
    } else if (node.kind === "stop") {
      continue;
    } else if (isGalvanostatic(node)) {
      loose ??= emptyCycling(1, true, fromSweep);
      addToCycle(loose, node, cell);
    } else if ((node.kind === "rest" || node.kind === "ocv") && loose) {
      addToCycle(loose, node, cell);
    } else if (isStep(node)) {
      closeLoose();
      const phase = stepPhase(node);
      if (phase) phases.push(phase);
    }
  }
  closeLoose();
  return mergeSimilar(phases);
}

/** Groups carry no meaning for a methods section beyond whether they are the values of a
 * sweep: their contents stand in their place. */
function* flattenGroups(body: readonly NodeIR[], inSweep: boolean): Generator<{ node: NodeIR; fromSweep: boolean }> {
  for (const node of body) {
    if (node.kind === "group") yield* flattenGroups(node.body, inSweep || node.origin === "sweep");
    else yield { node, fromSweep: inSweep };
  }
}

function loopPhase(loop: LoopIR, cell: CellIR | null, fromSweep: boolean): Phase {
  const contents = [...flattenGroups(loop.body, false)].map((entry) => entry.node);
  const until = [...(loop.until ? [loop.until.text] : []), ...stopsIn(loop.body)];
  const hasNestedLoop = contents.some((node) => node.kind === "loop");
  const cycles = contents.some((node) => isStep(node) && isGalvanostatic(node));
  if (hasNestedLoop || !cycles) {
    return { kind: "block", count: loop.count, until, phases: phasesOf(loop.body, cell) };
  }
  const phase = emptyCycling(loop.count, false, fromSweep);
  phase.until = until;
  for (const node of contents) {
    if (node.kind === "cycleAction") phase.actions.push({ when: node, phases: phasesOf(node.body, cell) });
    else if (isStep(node)) addToCycle(phase, node, cell);
  }
  return phase;
}

function stopsIn(body: readonly NodeIR[]): string[] {
  const texts: string[] = [];
  for (const { node } of flattenGroups(body, false)) {
    if (node.kind === "stop") texts.push(node.condition.text);
    if (node.kind === "cycleAction") texts.push(...stopsIn(node.body));
  }
  return texts;
}

function emptyCycling(cycles: number, loose: boolean, fromSweep: boolean): CyclingPhase {
  return {
    kind: "cycling",
    fromSweep,
    cycles,
    loose,
    until: [],
    charge: [],
    discharge: [],
    holds: [],
    stepTimes: { charge: [], discharge: [] },
    rests: [],
    ambient: null,
    actions: [],
    everyCycle: [],
  };
}

type GalvanostaticStep = Extract<StepIR, { kind: "constantCurrent" | "constantPower" | "ccCv" }>;

function isGalvanostatic(node: NodeIR): node is GalvanostaticStep {
  return node.kind === "constantCurrent" || node.kind === "constantPower" || node.kind === "ccCv";
}

function addToCycle(phase: CyclingPhase, step: StepIR, cell: CellIR | null): void {
  if (phase.ambient === null && step.ambient !== null) phase.ambient = step.ambient;
  switch (step.kind) {
    case "constantCurrent":
    case "constantPower":
    case "ccCv": {
      const drive = step.kind === "constantPower" ? powerDrive(step.power) : currentDrive(step.current, cell);
      const list = phase[step.direction];
      if (!list.some((d) => sameDrive(d, drive))) list.push(drive);
      if (step.kind === "ccCv") pushUnique(phase.holds, `CC-CV charging (${ccCvHold(step.voltage, step.cvEnds)})`);
      phase.stepTimes[step.direction].push(step.kind === "ccCv" ? null : timeOnly(step.ends));
      return;
    }
    case "constantVoltage":
      pushUnique(phase.holds, `a hold at ${describeSetpoint(step.voltage)} ${describeEndList(step.ends)}`.trim());
      return;
    case "rest":
    case "ocv": {
      const seconds = timeOnly(step.ends);
      if (seconds !== null && !phase.rests.includes(seconds)) phase.rests.push(seconds);
      return;
    }
    default: {
      const technique = stepPhase(step);
      if (technique) phase.everyCycle.push(technique);
    }
  }
}

/** "hold at 3.9 V until C/20". */
function ccCvHold(voltage: number, cvEnds: readonly EndConditionIR[]): string {
  const taper = cvEnds.find((end) => end.kind === "current");
  const until =
    taper && taper.kind === "current" ? `until ${taperWords(taper.resolved, taper.amperes)}` : describeEndList(cvEnds);
  return `hold at ${formatQuantity(voltage, "voltage")} ${until}`.trim();
}

/** C/20 as papers write it; other relative tapers as written; absolute ones formatted. */
function taperWords(resolved: Resolved, amperes: number): string {
  if (resolved.basis === "c-rate" && resolved.relative !== undefined)
    return formatQuantity(resolved.relative, "c-rate");
  if (resolved.basis !== undefined && resolved.text.trim() !== "") return resolved.text;
  return formatQuantity(amperes, "current");
}

function timeOnly(ends: readonly EndConditionIR[]): number | null {
  const [only] = ends;
  return ends.length === 1 && only!.kind === "time" ? only!.seconds : null;
}

/** The one time all these steps run for, or null when they differ or end otherwise. */
export function agreedTime(times: readonly (number | null)[]): number | null {
  const [first] = times;
  return first !== undefined && first !== null && times.every((t) => t === first) ? first : null;
}

function pushUnique(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

/** A set-point in the unit a paper would quote it in: the C-rate, the current density, the
 * specific current — worked out from the SI value and the cell, not from the source spelling. */
export function currentDrive(current: Resolved, cell: CellIR | null): Drive {
  if (current.basis === "c-rate" && current.relative !== undefined) {
    return { number: formatNumber(current.relative, 6), unit: "C", isCRate: true };
  }
  if (current.basis === "current-density" && cell?.area) {
    return displayed(current.si / cell.area, "current density");
  }
  if (current.basis === "specific-current" && cell?.activeMass) {
    return displayed(current.si / cell.activeMass, "specific current");
  }
  return displayed(current.si, "current");
}

function powerDrive(power: Resolved): Drive {
  return displayed(power.si, "power");
}

function displayed(si: number, kind: "current" | "current density" | "specific current" | "power"): Drive {
  const { value, unit } = toDisplay(si, kind);
  return { number: formatNumber(value, 6), unit: paperUnit(unit), isCRate: false };
}

function sameDrive(a: Drive, b: Drive): boolean {
  return a.number === b.number && a.unit === b.unit;
}

function stepPhase(step: StepIR): Phase | null {
  switch (step.kind) {
    case "eis": {
      const { mode, startFrequency, endFrequency, amplitude, pointsPerDecade, bias } = step;
      return {
        kind: "eis",
        step: { mode, startFrequency, endFrequency, amplitude, pointsPerDecade, bias },
        ambients: [step.ambient],
        when: [],
      };
    }
    case "linearSweep":
      return {
        kind: "lsv",
        from: setpointWords(step.from),
        to: setpointWords(step.to),
        scanRates: [step.scanRate],
        ambients: [step.ambient],
      };
    case "cyclicVoltammetry":
      return {
        kind: "cv",
        lower: Math.min(step.lower, step.upper),
        upper: Math.max(step.lower, step.upper),
        cycles: step.cycles,
        scanRates: [step.scanRate],
        ambients: [step.ambient],
      };
    case "constantVoltage":
      return {
        kind: "hold",
        setpoint: setpointWords(step.voltage),
        ends: describeEndList(step.ends),
        ambient: step.ambient,
      };
    case "rest":
    case "ocv":
      return { kind: "rest", seconds: timeOnly(step.ends) };
    default:
      // Temperature steps and pauses are not phases: temperatures appear with what runs at
      // them, and an operator's pause is not part of the method.
      return null;
  }
}

function setpointWords(setpoint: VoltageSetpointIR): string {
  const text = describeSetpoint(setpoint);
  return text === "OCV" ? "open circuit" : text;
}

// ---------------------------------------------------------------------------------------------
// Merging consecutive similar phases

function mergeSimilar(phases: readonly Phase[]): Phase[] {
  const merged: Phase[] = [];
  for (const phase of phases) {
    const previous = merged[merged.length - 1];
    const combined = previous ? combine(previous, phase) : null;
    if (combined) merged[merged.length - 1] = combined;
    else merged.push(phase);
  }
  return merged;
}

function combine(a: Phase, b: Phase): Phase | null {
  if (b.kind === "cycling" && (a.kind === "cycling" || a.kind === "rateSeries")) {
    const base = a.kind === "cycling" ? a : a.base;
    const rates = a.kind === "cycling" ? singleRate(a) : null;
    const next = singleRate(b);
    const existing = a.kind === "rateSeries" ? a.rates : rates ? [rates] : null;
    if (existing && next && sameExceptRate(base, b)) return { kind: "rateSeries", base, rates: [...existing, next] };
    return null;
  }
  if (a.kind === "eis" && b.kind === "eis" && sameJson(a.step, b.step) && sameJson(a.when, b.when)) {
    return { ...a, ambients: [...a.ambients, ...b.ambients] };
  }
  if (a.kind === "cv" && b.kind === "cv" && a.lower === b.lower && a.upper === b.upper && a.cycles === b.cycles) {
    return { ...a, scanRates: [...a.scanRates, ...b.scanRates], ambients: [...a.ambients, ...b.ambients] };
  }
  if (a.kind === "lsv" && b.kind === "lsv" && a.from === b.from && a.to === b.to) {
    return { ...a, scanRates: [...a.scanRates, ...b.scanRates], ambients: [...a.ambients, ...b.ambients] };
  }
  return null;
}

/** The rate of a cycle that charges and discharges at one and the same set-point. */
function singleRate(phase: CyclingPhase): Drive | null {
  const [charge] = phase.charge;
  const [discharge] = phase.discharge;
  if (phase.charge.length !== 1 || phase.discharge.length !== 1) return null;
  return sameDrive(charge!, discharge!) ? charge! : null;
}

function sameExceptRate(a: CyclingPhase, b: CyclingPhase): boolean {
  const strip = (p: CyclingPhase) => ({
    ...p,
    charge: [],
    discharge: [],
    actions: p.actions.map((x) => ({ ...x, when: whenKey(x.when) })),
  });
  return sameJson(strip(a), strip(b));
}

function whenKey(action: CycleActionIR): unknown {
  return { cycles: action.cycles, every: action.every };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
