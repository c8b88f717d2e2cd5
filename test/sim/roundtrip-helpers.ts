// The pieces of the simulator's round-trip check (roundtrip.test.ts): compile a protocol for an
// instrument, read the file back, declare the original's cell on the imported protocol, record
// both simulations and say how they differ.

import type { CellIR, EndConditionIR, NodeIR, ProtocolIR, Resolved } from "../../src/ir/types.js";
import { isStep } from "../../src/ir/types.js";
import { simulate } from "../../src/sim/index.js";
import type { CycleSummary, SimulationResult, StepRecord } from "../../src/sim/types.js";
import type { Target } from "../../src/targets/target.js";

// ---------------------------------------------------------------------------------------------
// Through the instrument file and back

/** What happened to one protocol on one target before any simulation. */
export type Passage =
  { kind: "refused"; reasons: string[] } | { kind: "importFailed"; reasons: string[] } | { kind: "imported"; ir: ProtocolIR; file: string };

/** Compiles `ir` for `target` and reads the schedule file back with the target's own importer. */
export function compileAndImport(ir: ProtocolIR, target: Target, baseName: string): Passage {
  const compiled = target.compile(ir, { baseName, btpVersion: "0.0.0-roundtrip" });
  const refusals = compiled.diagnostics.filter((d) => d.severity === "error");
  if (refusals.length > 0) return { kind: "refused", reasons: refusals.map((d) => `${d.code}: ${d.message}`) };
  // Some targets write companions beside the schedule (Maccor's .FRA impedance settings); the
  // schedule is the file the importer claims by its extension.
  const claims = (path: string): boolean => (target.importExtensions ?? []).some((e) => path.toLowerCase().endsWith(e));
  const schedule = compiled.files.find((f) => claims(f.path)) ?? compiled.files[0];
  if (!schedule) return { kind: "importFailed", reasons: ["the target wrote no file"] };
  const imported = target.import!(schedule.content, schedule.path);
  const problems = imported.diagnostics.filter((d) => d.severity === "error");
  if (!imported.ir || problems.length > 0) return { kind: "importFailed", reasons: problems.map((d) => `${d.code}: ${d.message}`) };
  return { kind: "imported", ir: imported.ir, file: schedule.path };
}

// ---------------------------------------------------------------------------------------------
// Declaring the cell on an imported protocol

export interface Declared {
  ir: ProtocolIR;
  /** How many relative quantities the file kept unresolved (si = 0) and were resolved here. */
  resolvedQuantities: number;
  /** Set when the file carried a capacity other than the declared cell's. */
  capacityMismatch: string | null;
}

/**
 * The imported protocol with the original's cell declared, as a user who imports a schedule
 * does (`use cell "cells/…"`). An instrument file holds at most the cell's capacity (BioLogic,
 * PyBaMM) and never its chemistry, electrodes or model parameters, which are what the simulator
 * models: without the declaration the two runs could not share a cell model at all.
 *
 * A quantity the file kept relative to a capacity it does not hold (`si` = 0: a current as a
 * C-rate, a charge as a percentage of the nominal capacity) is resolved against the declared
 * cell, as the checker resolves `0.5C` or `80 %` once a cell is declared. Everything the file
 * did resolve is left exactly as imported: that is what is being tested.
 */
export function declareCell(imported: ProtocolIR, cell: CellIR): Declared {
  let resolvedQuantities = 0;
  const capacity = cell.nominalCapacity;
  const unresolved = (r: Resolved, basis: Resolved["basis"]): r is Resolved & { relative: number } =>
    r.si === 0 && r.basis === basis && r.relative !== undefined && capacity !== null;
  /** A current: the C-rate times 1C (the capacity per hour). */
  const current = (r: Resolved): Resolved => {
    if (!unresolved(r, "c-rate")) return r;
    resolvedQuantities++;
    return { ...r, si: (r.relative * capacity!) / 3600 };
  };
  const end = (e: EndConditionIR): EndConditionIR => {
    if (e.kind === "current" && unresolved(e.resolved, "c-rate")) {
      const resolved = current(e.resolved);
      return { ...e, amperes: resolved.si, resolved };
    }
    if (e.kind === "capacity" && unresolved(e.resolved, "percent-of-nominal")) {
      resolvedQuantities++;
      const coulombs = (e.resolved.relative / 100) * capacity!;
      return { ...e, coulombs, resolved: { ...e.resolved, si: coulombs } };
    }
    return e;
  };
  const node = (n: NodeIR): NodeIR => {
    switch (n.kind) {
      case "loop":
      case "group":
      case "cycleAction":
        return { ...n, body: n.body.map(node) };
      case "constantCurrent":
        return { ...n, current: current(n.current), ends: n.ends.map(end) };
      case "ccCv":
        return { ...n, current: current(n.current), ccEnds: n.ccEnds.map(end), cvEnds: n.cvEnds.map(end) };
      case "rest":
      case "ocv":
      case "constantPower":
      case "constantVoltage":
        return { ...n, ends: n.ends.map(end) };
      default:
        return n;
    }
  };
  const carried = imported.cell?.nominalCapacity ?? null;
  const capacityMismatch =
    carried !== null && capacity !== null && !closeEnough(carried, capacity)
      ? `the file carried a capacity of ${carried} C, the declared cell has ${capacity} C`
      : null;
  return { ir: { ...imported, cell, body: imported.body.map(node) }, resolvedQuantities, capacityMismatch };
}

/** Significant digits btp writes numbers with (formatNumber's default), so the most any
 * schedule file it writes can carry. */
export const FILE_DIGITS = 12;

/**
 * The protocol with every non-integer number rounded to 12 significant digits. The checker's
 * arithmetic leaves noise in the last bits (0.1C × 1.2312 C / 3600 s = 3.4200000000000005e-5 A)
 * that a file written in decimal cannot carry, so the importer reads 3.42e-5 A; the simulator
 * locates a cut-off by bisection, and a one-bit change of the current moves the located end by
 * a few nanovolts, more than 1e-9 relative. Both sides are rounded alike, so only differences a
 * file can carry remain: a file that wrote fewer digits, or another value, still differs.
 */
export function quantize(ir: ProtocolIR): ProtocolIR {
  return JSON.parse(
    JSON.stringify(ir, (_key, value: unknown) =>
      typeof value === "number" && !Number.isInteger(value) ? Number(value.toPrecision(FILE_DIGITS)) : value,
    ),
  ) as ProtocolIR;
}

// ---------------------------------------------------------------------------------------------
// Recording a simulation

/** Protocols that could run more steps than this are compared on the step table, the per-cycle
 * summary and the spectra only (`summaryOnly`, no trace rows): A8's 10,000 cycles and A9's
 * run-until-fade. Every step's start and end, every cycle and every loop count is still checked
 * in full, which reducing the loop counts would not do; the suite stays fast and small. */
export const TRACE_STEP_LIMIT = 5000;

/** The most steps the protocol can run: every loop at its full count. */
export function maximumSteps(body: readonly NodeIR[]): number {
  let total = 0;
  for (const n of body) {
    if (isStep(n)) total += 1;
    else if (n.kind === "loop") total += Math.max(0, n.count) * maximumSteps(n.body);
    else if (n.kind === "group" || n.kind === "cycleAction") total += maximumSteps(n.body);
  }
  return total;
}

/** One simulation, kept compactly: the trace as columns, the step table, the cycle summary and
 * the impedance spectra as (real, imaginary) pairs. */
export interface Recording {
  result: SimulationResult;
  trace: { time: number[]; voltage: number[]; current: number[]; cellTemperature: number[]; step: number[]; cycle: number[] };
  steps: StepRecord[];
  cycles: CycleSummary[];
  spectra: { step: number; impedance: number[] }[];
}

export function record(ir: ProtocolIR, summaryOnly: boolean): Recording {
  const recording: Recording = {
    result: null as unknown as SimulationResult,
    trace: { time: [], voltage: [], current: [], cellTemperature: [], step: [], cycle: [] },
    steps: [],
    cycles: [],
    spectra: [],
  };
  const { trace } = recording;
  recording.result = simulate(
    ir,
    { summaryOnly },
    {
      row: (r) => {
        trace.time.push(r.time);
        trace.voltage.push(r.voltage);
        trace.current.push(r.current);
        trace.cellTemperature.push(r.cellTemperature);
        trace.step.push(r.step);
        trace.cycle.push(r.cycle);
      },
      step: (s) => recording.steps.push(s),
      cycle: (c) => recording.cycles.push(c),
      eis: (e) => recording.spectra.push({ step: e.step, impedance: e.points.flatMap((p) => [p.real, p.imaginary]) }),
    },
  );
  return recording;
}

/**
 * The recording without its operator pauses, steps renumbered. A pause takes no time in a
 * simulation and passes no current, so it changes nothing the cell sees; a target that writes
 * an instruction as a pause step (Maccor) then still has the rest of its trace compared. How
 * many pauses each side had is compared on its own (`Difference.pauses`).
 */
export function withoutPauses(r: Recording): { recording: Recording; pauses: number } {
  const paused = r.steps.filter((s) => s.stepType === "PAUSE").map((s) => s.step);
  if (paused.length === 0) return { recording: r, pauses: 0 };
  const isPause = new Set(paused);
  const renumber = (step: number): number => step - paused.filter((p) => p < step).length;
  const keep = r.trace.step.map((step) => !isPause.has(step));
  const column = (values: number[]): number[] => values.filter((_, i) => keep[i]);
  return {
    pauses: paused.length,
    recording: {
      result: { ...r.result, stepsRun: r.result.stepsRun - paused.length },
      trace: {
        time: column(r.trace.time),
        voltage: column(r.trace.voltage),
        current: column(r.trace.current),
        cellTemperature: column(r.trace.cellTemperature),
        step: column(r.trace.step).map(renumber),
        cycle: column(r.trace.cycle),
      },
      steps: r.steps.filter((s) => !isPause.has(s.step)).map((s) => ({ ...s, step: renumber(s.step) })),
      cycles: r.cycles,
      spectra: r.spectra.map((e) => ({ ...e, step: renumber(e.step) })),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Comparing two recordings

/** Relative agreement asked of every number; a faithful import gives identical numbers. */
export const RELATIVE_TOLERANCE = 1e-9;
/** Below this (V, A, s, C, Ω) two numbers count as equal: a rest's 0 A against 1e-300 A. */
const ABSOLUTE_FLOOR = 1e-15;

export function closeEnough(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= Math.max(ABSOLUTE_FLOOR, RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)));
}

/**
 * How two recordings differ, in independent parts, each null when that part agrees:
 * - `pauses`: how many operator pauses each side ran (they are then left out of the rest);
 * - `shape`: steps run, cycles, trace rows, step records, cycle summaries, spectra or simulator
 *   warnings in different number (then the values cannot be lined up and are not compared);
 * - `stepTypes`: the first step whose type or cycle number differs;
 * - `values`: the first time, voltage, current, cell temperature, charge, energy or impedance
 *   that differs by more than 1e-9 relative.
 * Kept apart so that a known difference of one kind (a step type) still has the rest checked.
 */
export interface Difference {
  pauses: string | null;
  shape: string | null;
  stepTypes: string | null;
  values: string | null;
}

export function compareRecordings(original: Recording, imported: Recording): Difference {
  const a = withoutPauses(original);
  const b = withoutPauses(imported);
  const shape = shapeDifference(a.recording, b.recording);
  return {
    pauses: a.pauses === b.pauses ? null : `${a.pauses} operator pauses, against ${b.pauses} after the round trip`,
    shape,
    stepTypes: stepTypeDifference(a.recording, b.recording),
    values: shape === null ? valueDifference(a.recording, b.recording) : null,
  };
}

export function isIdentical(d: Difference): boolean {
  return d.pauses === null && d.shape === null && d.stepTypes === null && d.values === null;
}

/** "identical", or the parts that differ in a fixed order, e.g. "step types differ (step 1:
 * TEMPERATURE, against REST); same values". */
export function describeDifference(d: Difference): string {
  if (isIdentical(d)) return "identical";
  const parts: string[] = [];
  if (d.pauses) parts.push(d.pauses);
  if (d.shape) {
    parts.push(d.shape);
  } else {
    parts.push(d.stepTypes ? `step types differ (${d.stepTypes})` : "same step types");
    parts.push(d.values ? `values differ (${d.values})` : "same values");
  }
  return parts.join("; ");
}

function shapeDifference(a: Recording, b: Recording): string | null {
  const warnings = (r: Recording): string =>
    r.result.diagnostics
      .map((d) => d.code)
      .sort()
      .join(", ") || "none";
  const counts: [string, number, number][] = [
    ["steps run", a.result.stepsRun, b.result.stepsRun],
    ["cycles", a.result.cycles, b.result.cycles],
    ["trace rows", a.trace.time.length, b.trace.time.length],
    ["step records", a.steps.length, b.steps.length],
    ["cycle summaries", a.cycles.length, b.cycles.length],
    ["impedance spectra", a.spectra.length, b.spectra.length],
  ];
  for (const [what, x, y] of counts) if (x !== y) return `${x} ${what}, against ${y} after the round trip`;
  const stopped = (r: Recording): string => r.result.stoppedEarly?.reason ?? "no";
  if (stopped(a) !== stopped(b)) return `stopped early: ${stopped(a)}, against ${stopped(b)} after the round trip`;
  if (warnings(a) !== warnings(b)) return `simulator diagnostics ${warnings(a)}, against ${warnings(b)} after the round trip`;
  for (let i = 0; i < a.spectra.length; i++) {
    if (a.spectra[i]!.impedance.length !== b.spectra[i]!.impedance.length) return `spectrum ${i + 1} has a different number of frequencies`;
  }
  return null;
}

function stepTypeDifference(a: Recording, b: Recording): string | null {
  const n = Math.min(a.steps.length, b.steps.length);
  for (let i = 0; i < n; i++) {
    const s = a.steps[i]!;
    const t = b.steps[i]!;
    if (s.stepType !== t.stepType) return `step ${s.step}: ${s.stepType}, against ${t.stepType}`;
    if (s.cycle !== t.cycle) return `step ${s.step}: cycle ${s.cycle}, against ${t.cycle}`;
  }
  return null;
}

const STEP_FIELDS = [
  "startTime",
  "endTime",
  "startVoltage",
  "endVoltage",
  "startCurrent",
  "endCurrent",
  "chargeCapacity",
  "dischargeCapacity",
] as const;
const CYCLE_FIELDS = ["startTime", "endTime", "chargeCapacity", "dischargeCapacity", "chargeEnergy", "dischargeEnergy"] as const;

/** Only called when the shapes agree, so everything lines up index by index. */
function valueDifference(a: Recording, b: Recording): string | null {
  for (let i = 0; i < a.trace.time.length; i++) {
    for (const column of ["step", "cycle"] as const) {
      if (a.trace[column][i] !== b.trace[column][i])
        return `trace row ${i + 1}: ${column} ${a.trace[column][i]}, against ${b.trace[column][i]}`;
    }
    for (const column of ["time", "voltage", "current", "cellTemperature"] as const) {
      if (!closeEnough(a.trace[column][i]!, b.trace[column][i]!)) {
        return `trace row ${i + 1} (step ${a.trace.step[i]}): ${column} ${a.trace[column][i]}, against ${b.trace[column][i]}`;
      }
    }
  }
  for (let i = 0; i < a.steps.length; i++) {
    const s = a.steps[i]!;
    const t = b.steps[i]!;
    for (const field of STEP_FIELDS) {
      if (!closeEnough(s[field], t[field])) return `step ${s.step} (${s.stepType}): ${field} ${s[field]}, against ${t[field]}`;
    }
  }
  for (let i = 0; i < a.cycles.length; i++) {
    const c = a.cycles[i]!;
    const d = b.cycles[i]!;
    for (const field of CYCLE_FIELDS) {
      if (!closeEnough(c[field], d[field])) return `cycle ${c.cycle}: ${field} ${c[field]}, against ${d[field]}`;
    }
  }
  for (let i = 0; i < a.spectra.length; i++) {
    const x = a.spectra[i]!.impedance;
    const y = b.spectra[i]!.impedance;
    for (let k = 0; k < x.length; k++) {
      if (!closeEnough(x[k]!, y[k]!)) return `spectrum ${i + 1}, point ${Math.floor(k / 2) + 1}: impedance ${x[k]} Ω, against ${y[k]} Ω`;
    }
  }
  return null;
}
