// How long one step takes, and how much charge it passes, judged from the IR alone (no
// simulation). Hard bounds come from the end conditions; the expected figure from simple models
// a battery researcher would use on the back of an envelope:
//
// - Constant current (and constant power) with a voltage cut-off: the cell passes about its
//   nominal capacity, so a 0.5C step takes about 2 h (expected = Q / I).
// - A constant-voltage hold that ends on a taper current: about 15 min (TAPER_HOLD_SECONDS).
// - CC-CV: the CC part as above, plus the CV part as a taper hold. The charge of the CV part is
//   the logarithmic mean of the set and taper currents over its time (the current decays
//   roughly exponentially between them).
// - Rest, open circuit: their time end.
// - EIS: every frequency point costs two periods, at least one second (sum over the points).
//   Bounds: one period a point (no instrument can be faster) to four periods, at least 2 s, a
//   point (instruments that average several cycles at low frequency).
// - LSV: |ΔV| / scan rate. CV: 2 (upper − lower) per cycle, plus the leg from the start
//   potential to the nearer vertex. A potential given relative to the open-circuit voltage uses
//   the middle of the cell's window, or OPEN_CIRCUIT_GUESS_VOLTS when the cell has no window.
// - Temperature: the settle time; "until stable" is expected to take STABLE_SETTLE_SECONDS.
// - Pause: waits for a person: 0 expected, no upper bound.
// A capacity end caps a constant-current step at Q_end / I; so does a capacity safety limit.
// Voltage, current and temperature ends may fire at once, so they set the minimum to 0.

import type {
  CcCvStepIR,
  CellIR,
  ConstantCurrentStepIR,
  ConstantPowerStepIR,
  CyclicVoltammetryStepIR,
  EisStepIR,
  EndConditionIR,
  LinearSweepStepIR,
  StepIR,
  TemperatureStepIR,
  VoltageSetpointIR,
} from "../types.js";
import { addDurations, clamp, minBound, type DurationBounds } from "./bounds.js";

/** Expected length of a constant-voltage hold that ends when the current tapers: 0.25 h. */
export const TAPER_HOLD_SECONDS = 900;
/** Expected time for a chamber to settle "until stable": 30 min. */
export const STABLE_SETTLE_SECONDS = 1800;
/** The open-circuit voltage assumed when the cell declares no window (V). */
export const OPEN_CIRCUIT_GUESS_VOLTS = 3;
/** The range an unknown open-circuit voltage is bounded by when the cell declares no window (V). */
export const OPEN_CIRCUIT_RANGE_VOLTS = { min: 0, max: 5 } as const;
/** The taper of a CC-CV step without a current end, as a fraction of the set current (C/20 at 1C),
 * used only to estimate the charge of its CV part. */
export const DEFAULT_TAPER_FRACTION = 1 / 20;

/** How an expected figure was obtained, so that hover and `btp explain` can say it. */
export type EstimateBasis =
  /** The ends fix the duration: a time end, a capacity at a set current, a sweep. */
  | "fixed"
  /** About the nominal capacity passed at the set current. */
  | "nominal-capacity"
  /** The model would run past a time or capacity end, so that end was taken. */
  | "capped-by-end"
  /** A CV hold ending on a taper current: TAPER_HOLD_SECONDS assumed. */
  | "taper-hold"
  /** "settle until stable": STABLE_SETTLE_SECONDS assumed. */
  | "stable-settle"
  /** EIS: two periods a point, at least 1 s a point. */
  | "impedance-model"
  /** A potential relative to open circuit, with the open-circuit voltage guessed. */
  | "open-circuit-guess"
  /** Waits for an operator. */
  | "operator"
  /** Nothing to go on (no nominal capacity, no time end): the shortest case is shown. */
  | "unknown";

export interface StepEstimate {
  duration: DurationBounds;
  /** A, magnitude: the current the step runs at (set, or estimated for constant power). */
  current: number | null;
  /** V: for constant power, the voltage assumed to turn power into current. */
  assumedVoltage: number | null;
  direction: "charge" | "discharge" | null;
  /** C, magnitude, expected charge passed in one execution. */
  charge: number;
  basis: EstimateBasis[];
}

export function estimateStep(step: StepIR, cell: CellIR | null): StepEstimate {
  switch (step.kind) {
    case "rest":
    case "ocv":
      return withoutCurrent(fromEnds(step.ends, null, null, null));
    case "constantCurrent":
      return constantCurrent(step, cell);
    case "constantPower":
      return constantPower(step, cell);
    case "constantVoltage":
      return withoutCurrent(
        fromEnds(step.ends, null, hasTaperEnd(step.ends) ? TAPER_HOLD_SECONDS : null, null, "taper-hold"),
      );
    case "ccCv":
      return ccCv(step, cell);
    case "eis":
      return withoutCurrent(impedance(step));
    case "linearSweep":
      return withoutCurrent(linearSweep(step, cell));
    case "cyclicVoltammetry":
      return withoutCurrent(cyclicVoltammetry(step, cell));
    case "temperature":
      return withoutCurrent(temperature(step));
    case "pause":
      return withoutCurrent({ duration: { min: 0, expected: 0, max: null }, basis: ["operator"] });
  }
}

interface Timing {
  duration: DurationBounds;
  basis: EstimateBasis[];
}

function withoutCurrent(timing: Timing): StepEstimate {
  return { ...timing, current: null, assumedVoltage: null, direction: null, charge: 0 };
}

/**
 * Bounds from a list of ends ("the first reached ends the step"), and the expected figure from a
 * model clamped into them. `current` (A) turns capacity ends into times; `capacityLimit` (C) is a
 * safety limit on the charge of one step.
 */
function fromEnds(
  ends: readonly EndConditionIR[],
  current: number | null,
  model: number | null,
  capacityLimit: number | null,
  modelBasis: EstimateBasis = "nominal-capacity",
): Timing {
  let min: number | null = null;
  let max: number | null = null;
  for (const end of ends) {
    const { earliest, latest } = endTiming(end, current);
    min = min === null ? earliest : Math.min(min, earliest);
    max = minBound(max, latest);
  }
  if (capacityLimit !== null && current !== null && current > 0) max = minBound(max, capacityLimit / current);
  const shortest = min ?? 0;
  const longest = max === null ? null : Math.max(max, shortest);
  if (longest !== null && longest === shortest) {
    return { duration: { min: shortest, expected: shortest, max: longest }, basis: ["fixed"] };
  }
  if (model !== null && Number.isFinite(model)) {
    const expected = clamp(model, shortest, longest);
    return {
      duration: { min: shortest, expected, max: longest },
      basis: [expected < model ? "capped-by-end" : modelBasis],
    };
  }
  if (longest !== null)
    return { duration: { min: shortest, expected: longest, max: longest }, basis: ["capped-by-end"] };
  return { duration: { min: shortest, expected: shortest, max: null }, basis: ["unknown"] };
}

function endTiming(end: EndConditionIR, current: number | null): { earliest: number; latest: number | null } {
  switch (end.kind) {
    case "time":
      return { earliest: Math.max(0, end.seconds), latest: Math.max(0, end.seconds) };
    case "capacity":
      // At a set current the charge grows linearly, so the capacity end fixes the time.
      if (current !== null && current > 0) return { earliest: end.coulombs / current, latest: end.coulombs / current };
      return { earliest: 0, latest: null };
    default:
      // A voltage, current or temperature may already be past its threshold when the step starts.
      return { earliest: 0, latest: null };
  }
}

function hasTaperEnd(ends: readonly EndConditionIR[]): boolean {
  return ends.some((e) => e.kind === "current" && (e.comparator === "<" || e.comparator === "<="));
}

/** Q / I: the time to pass the nominal capacity at `current`, or null when unknown. */
function nominalCapacityTime(cell: CellIR | null, current: number | null): number | null {
  const capacity = cell?.nominalCapacity ?? null;
  if (capacity === null || current === null || !(current > 0) || !(capacity > 0)) return null;
  return capacity / current;
}

function constantCurrent(step: ConstantCurrentStepIR, cell: CellIR | null): StepEstimate {
  const current = step.current.si;
  const timing = fromEnds(step.ends, current, nominalCapacityTime(cell, current), step.limits.capacity?.max ?? null);
  return {
    ...timing,
    current,
    assumedVoltage: null,
    direction: step.direction,
    charge: current * timing.duration.expected,
  };
}

function constantPower(step: ConstantPowerStepIR, cell: CellIR | null): StepEstimate {
  const voltage = typicalVoltage(step, cell);
  const current = voltage !== null && voltage > 0 ? step.power.si / voltage : null;
  const timing = fromEnds(step.ends, current, nominalCapacityTime(cell, current), step.limits.capacity?.max ?? null);
  const charge = current === null ? 0 : current * timing.duration.expected;
  return { ...timing, current, assumedVoltage: voltage, direction: step.direction, charge };
}

/** The voltage a constant-power step runs at, roughly: the middle of the cell's window, else of
 * the step's voltage limits, else its voltage cut-off. */
function typicalVoltage(step: ConstantPowerStepIR, cell: CellIR | null): number | null {
  if (cell?.window) return (cell.window.min + cell.window.max) / 2;
  const limits = step.limits.voltage;
  if (limits && limits.min !== null && limits.max !== null) return (limits.min + limits.max) / 2;
  const cutoff = step.ends.find((e) => e.kind === "voltage");
  return cutoff && cutoff.kind === "voltage" ? cutoff.volts : null;
}

function ccCv(step: CcCvStepIR, cell: CellIR | null): StepEstimate {
  const current = step.current.si;
  // The CC part always ends at `voltage`, which may be reached at once.
  const ccEnds: EndConditionIR[] = [
    ...step.ccEnds,
    { kind: "voltage", comparator: ">=", volts: step.voltage, span: step.span },
  ];
  const cc = fromEnds(ccEnds, current, nominalCapacityTime(cell, current), step.limits.capacity?.max ?? null);
  const cv = fromEnds(step.cvEnds, null, hasTaperEnd(step.cvEnds) ? TAPER_HOLD_SECONDS : null, null, "taper-hold");
  const taper = step.cvEnds.find((e) => e.kind === "current");
  const taperCurrent =
    taper && taper.kind === "current" && taper.amperes > 0 ? taper.amperes : current * DEFAULT_TAPER_FRACTION;
  const charge = current * cc.duration.expected + logarithmicMean(current, taperCurrent) * cv.duration.expected;
  return {
    duration: addDurations(cc.duration, cv.duration),
    current,
    assumedVoltage: null,
    direction: step.direction,
    charge,
    basis: unique([...cc.basis, ...cv.basis]),
  };
}

function logarithmicMean(a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) return 0;
  if (Math.abs(a - b) < 1e-12 * Math.max(a, b)) return a;
  return (a - b) / Math.log(a / b);
}

/**
 * The frequencies are spaced evenly in log f, `pointsPerDecade` a decade. Each point costs
 * max(periods / f, floor). Summed in closed form (a geometric series) so that an absurd
 * points-per-decade cannot make the estimate slow.
 */
function impedance(step: EisStepIR): Timing {
  const high = Math.max(step.startFrequency, step.endFrequency);
  const low = Math.min(step.startFrequency, step.endFrequency);
  if (!(low > 0) || !Number.isFinite(high) || !(step.pointsPerDecade > 0)) {
    return { duration: { min: 0, expected: 0, max: 0 }, basis: ["unknown"] };
  }
  const decades = Math.log10(high / low);
  const points = decades === 0 ? 1 : Math.max(2, Math.round(decades * step.pointsPerDecade) + 1);
  const sweep = (periods: number, floor: number) => sweepTime(high, decades, points, periods, floor);
  return { duration: { min: sweep(1, 0), expected: sweep(2, 1), max: sweep(4, 2) }, basis: ["impedance-model"] };
}

function sweepTime(high: number, decades: number, points: number, periods: number, floor: number): number {
  if (points === 1) return Math.max(periods / high, floor);
  // f_k = high · 10^(−k·step), k = 0 … points−1. Points above `periods / floor` cost `floor`.
  const step = decades / (points - 1);
  const threshold = floor > 0 ? periods / floor : Infinity;
  const fast =
    threshold === Infinity ? 0 : Math.min(points, Math.max(0, Math.ceil(Math.log10(high / threshold) / step)));
  // Σ_{k=fast}^{points−1} periods / f_k = (periods / high) Σ r^k with r = 10^step.
  const ratio = 10 ** step;
  const slowSum = fast >= points ? 0 : ((periods / high) * (ratio ** points - ratio ** fast)) / (ratio - 1);
  return fast * floor + slowSum;
}

/** A potential as a range: exact for absolute ones; for OCV-relative ones, the OCV is guessed
 * from the cell's window. */
interface PotentialGuess {
  expected: number;
  low: number;
  high: number;
  guessed: boolean;
}

function guessPotential(setpoint: VoltageSetpointIR, cell: CellIR | null): PotentialGuess {
  if (setpoint.reference === "absolute") {
    return { expected: setpoint.volts, low: setpoint.volts, high: setpoint.volts, guessed: false };
  }
  const range = cell?.window ?? OPEN_CIRCUIT_RANGE_VOLTS;
  const middle = cell?.window ? (range.min + range.max) / 2 : OPEN_CIRCUIT_GUESS_VOLTS;
  const offset = setpoint.offsetVolts;
  return { expected: middle + offset, low: range.min + offset, high: range.max + offset, guessed: true };
}

function linearSweep(step: LinearSweepStepIR, cell: CellIR | null): Timing {
  const rate = step.scanRate;
  if (!(rate > 0)) return { duration: { min: 0, expected: 0, max: null }, basis: ["unknown"] };
  if (step.from.reference === "ocv" && step.to.reference === "ocv") {
    // Both relative to the same open-circuit voltage: the guess cancels out.
    const seconds = Math.abs(step.to.offsetVolts - step.from.offsetVolts) / rate;
    return { duration: { min: seconds, expected: seconds, max: seconds }, basis: ["fixed"] };
  }
  const from = guessPotential(step.from, cell);
  const to = guessPotential(step.to, cell);
  const span = distanceRange(from, to);
  return {
    duration: { min: span.min / rate, expected: span.expected / rate, max: span.max / rate },
    basis: [from.guessed || to.guessed ? "open-circuit-guess" : "fixed"],
  };
}

function distanceRange(a: PotentialGuess, b: PotentialGuess): { min: number; expected: number; max: number } {
  const gap = Math.max(0, a.low - b.high, b.low - a.high);
  const widest = Math.max(Math.abs(a.high - b.low), Math.abs(b.high - a.low));
  return { min: gap, expected: Math.abs(a.expected - b.expected), max: widest };
}

function cyclicVoltammetry(step: CyclicVoltammetryStepIR, cell: CellIR | null): Timing {
  const rate = step.scanRate;
  if (!(rate > 0)) return { duration: { min: 0, expected: 0, max: null }, basis: ["unknown"] };
  const lower = Math.min(step.lower, step.upper);
  const upper = Math.max(step.lower, step.upper);
  const cycles = Math.max(0, step.cycles);
  const cycling = (2 * (upper - lower) * cycles) / rate;
  const start = guessPotential(step.start, cell);
  const legTo = (v: number) => Math.min(Math.abs(v - lower), Math.abs(v - upper));
  // With a guessed start, the leg can be anything the start range allows: from 0 (a vertex in
  // range) to its largest value at an end of the range or at the middle of the window.
  const middle = (lower + upper) / 2;
  const candidates = [start.low, start.high, ...(start.low <= middle && middle <= start.high ? [middle] : [])];
  const leg = {
    expected: legTo(start.expected),
    min: start.guessed ? 0 : legTo(start.expected),
    max: start.guessed ? Math.max(...candidates.map(legTo)) : legTo(start.expected),
  };
  return {
    duration: { min: cycling + leg.min / rate, expected: cycling + leg.expected / rate, max: cycling + leg.max / rate },
    basis: [start.guessed ? "open-circuit-guess" : "fixed"],
  };
}

function temperature(step: TemperatureStepIR): Timing {
  switch (step.settle.kind) {
    case "none":
      return { duration: { min: 0, expected: 0, max: 0 }, basis: ["fixed"] };
    case "time": {
      const seconds = Math.max(0, step.settle.seconds);
      return { duration: { min: seconds, expected: seconds, max: seconds }, basis: ["fixed"] };
    }
    case "stable":
      return { duration: { min: 0, expected: STABLE_SETTLE_SECONDS, max: null }, basis: ["stable-settle"] };
  }
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
