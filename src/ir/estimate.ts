// Static estimates of a protocol: how long it runs, how many steps it executes and how much
// charge it passes, computed from the IR without running or unrolling anything. A loop of
// 10,000 passes costs one multiplication, not 10,000 visits; every figure comes from one walk
// of the tree.
//
// How runs are counted:
// - A loop runs its body `count` times. `expected` (and `max`) assume every loop runs to its
//   count; a `repeat N until …` is sure of one pass only, so its minimum is one pass.
// - A cycle action runs in the passes it names (`after cycle 10, 60` → the listed passes that
//   exist) or in every N-th pass (⌊count / N⌋ of them).
// - A `stop` costs nothing, but it can end the whole test at the end of the first pass of its
//   loop that runs it: the loop is sure of no more passes than that, and whatever comes after the
//   loop may not run at all.
// - Groups add up their contents.
// The minimum is a hard lower bound. It is exact unless an until-loop holds a stop that cannot
// fire in its first pass; then it may be lower than the true minimum (test/ir/estimate-property
// checks both claims against an unrolled search).
// The step models (what a single step is expected to take) are documented in
// estimate/step-models.ts.

import type { CellIR, NodeIR, ProtocolIR, StepIR } from "./types.js";
import { perRun, scaleDuration, type DurationBounds } from "./estimate/bounds.js";
import { firstEndingPass, mayEndTest } from "./estimate/early-end.js";
import {
  countSelectedPasses,
  EVERY_PASS,
  firstSelectedPass,
  narrowSelection,
  type PassSelection,
} from "./estimate/passes.js";
import { estimateStep, type EstimateBasis, type StepEstimate } from "./estimate/step-models.js";

export type { DurationBounds } from "./estimate/bounds.js";
export type { EstimateBasis, StepEstimate } from "./estimate/step-models.js";
export {
  DEFAULT_TAPER_FRACTION,
  OPEN_CIRCUIT_GUESS_VOLTS,
  OPEN_CIRCUIT_RANGE_VOLTS,
  STABLE_SETTLE_SECONDS,
  TAPER_HOLD_SECONDS,
  estimateStep,
} from "./estimate/step-models.js";

/** Charge passed, in coulombs (magnitudes), split by direction. Expected values. */
export interface ChargeThroughput {
  charge: number;
  discharge: number;
}

/** The estimate of one node of the IR, keyed by its `id` in `ProtocolEstimate.nodes`. */
export interface NodeEstimate {
  id: string;
  kind: NodeIR["kind"];
  /** How many times this node runs in the whole test. `expected` assumes every loop runs to its
   * count (so it is also the most); `min` counts until-loops and stopped loops as one pass. */
  passes: { min: number; expected: number };
  /** One run of the node: a step once, a loop with all its passes. For a group or cycle action
   * whose contents differ from pass to pass, the average run. */
  perPass: DurationBounds;
  /** All runs together. */
  total: DurationBounds;
  /** Step executions over all runs (expected). */
  stepExecutions: number;
  /** Charge passed over all runs (expected, C). */
  chargeThroughput: ChargeThroughput;
  /** For steps: the single-step model (current, basis, charge of one execution). */
  step: StepEstimate | null;
}

export interface ProtocolEstimate {
  /** Seconds. */
  duration: DurationBounds;
  /** Step executions if every loop runs to its count. */
  stepExecutions: number;
  /** C: Σ |I|·t over all step executions, expected. */
  expectedChargeThroughput: number;
  chargeThroughput: ChargeThroughput;
  /** Full charge–discharge cycles: the smaller of the numbers of charge steps and of discharge
   * steps executed (a CC-CV charge counts as one charge step). */
  cycles: number;
  /** Ids of the steps that have no upper bound on their duration and run at least once. */
  unboundedSteps: string[];
  /** Every model assumption that some executed step relied on. */
  assumptions: EstimateBasis[];
  nodes: Map<string, NodeEstimate>;
}

/** Everything one run of a stretch of the tree adds up to. Durations and counts are absolute
 * (over the whole test) so that nothing needs to be multiplied twice. */
interface Tally {
  duration: DurationBounds;
  steps: number;
  charge: number;
  discharge: number;
  chargeSteps: number;
  dischargeSteps: number;
}

/** What a walk of a loop body needs to know about the loop it is in. */
interface LoopScope {
  count: number;
  /** Passes the loop is sure to run: its count, but only one for an until-loop, and no more
   * than the first pass at whose end a `stop` may end the test. */
  surePasses: number;
  /** How many times the loop itself runs in the whole test. */
  runs: { min: number; expected: number };
}

interface Walker {
  cell: CellIR | null;
  nodes: Map<string, NodeEstimate>;
  unbounded: string[];
  assumptions: Set<EstimateBasis>;
}

export function estimateProtocol(ir: ProtocolIR): ProtocolEstimate {
  const walker: Walker = { cell: ir.cell, nodes: new Map(), unbounded: [], assumptions: new Set() };
  // The test as a whole is a loop of one pass; a top-level `stop` may end it where it stands.
  const top: LoopScope = { count: 1, surePasses: 1, runs: { min: 1, expected: 1 } };
  const { tally } = walkBody(walker, ir.body, top, EVERY_PASS, Infinity, true);
  return {
    duration: tally.duration,
    stepExecutions: tally.steps,
    expectedChargeThroughput: tally.charge + tally.discharge,
    chargeThroughput: { charge: tally.charge, discharge: tally.discharge },
    cycles: Math.min(tally.chargeSteps, tally.dischargeSteps),
    unboundedSteps: walker.unbounded,
    assumptions: [...walker.assumptions],
    nodes: walker.nodes,
  };
}

/**
 * Walks the nodes of one loop body (through groups and cycle actions, which are transparent).
 * `sureUpTo`: the nodes here are sure to run only in passes up to this one, because an earlier
 * node may end the whole test in the pass after it (Infinity: no such node). Returns the tally
 * and the `sureUpTo` that holds after these nodes.
 */
function walkBody(
  walker: Walker,
  body: readonly NodeIR[],
  loop: LoopScope,
  selection: PassSelection,
  sureUpTo: number,
  atTopLevel: boolean,
): { tally: Tally; sureUpTo: number } {
  const tally = emptyTally();
  let sure = sureUpTo;
  for (const node of body) {
    const runs = runsOf(loop, selection, sure);
    switch (node.kind) {
      case "loop": {
        const count = Math.max(0, node.count);
        const ending = firstEndingPass(node);
        const surePasses = Math.min(node.until ? Math.min(1, count) : count, ending ?? Infinity);
        const inner = walkBody(walker, node.body, { count, surePasses, runs }, EVERY_PASS, Infinity, false);
        record(walker, node, runs, inner.tally, null);
        addTally(tally, inner.tally);
        // The loop may end the test in the first pass (of the enclosing loop) that runs it; the
        // nodes after it are sure to run only in the passes before.
        if (mayEndTest(node)) sure = Math.min(sure, (firstSelectedPass(selection, loop.count) ?? Infinity) - 1);
        break;
      }
      case "group":
      case "cycleAction": {
        const narrowed = node.kind === "cycleAction" ? narrowSelection(selection, node) : selection;
        const inner = walkBody(walker, node.body, loop, narrowed, sure, atTopLevel);
        record(walker, node, runsOf(loop, narrowed, sure), inner.tally, null);
        addTally(tally, inner.tally);
        sure = inner.sureUpTo;
        break;
      }
      case "stop":
        record(walker, node, runs, emptyTally(), null);
        // Inside a loop the stop is checked at the end of the pass, so the rest of the pass
        // still runs (firstEndingPass accounts for it); at the top level there is no pass to
        // finish, so it may end the test where it stands.
        if (atTopLevel) sure = Math.min(sure, (firstSelectedPass(selection, loop.count) ?? Infinity) - 1);
        break;
      default: {
        const stepTally = walkStep(walker, node, runs);
        addTally(tally, stepTally);
      }
    }
  }
  return { tally, sureUpTo: sure };
}

function walkStep(walker: Walker, step: StepIR, runs: { min: number; expected: number }): Tally {
  const estimate = estimateStep(step, walker.cell);
  const duration = scaleDuration(estimate.duration, runs.min, runs.expected);
  const tally: Tally = {
    duration,
    steps: runs.expected,
    charge: estimate.direction === "charge" ? estimate.charge * runs.expected : 0,
    discharge: estimate.direction === "discharge" ? estimate.charge * runs.expected : 0,
    chargeSteps: estimate.direction === "charge" ? runs.expected : 0,
    dischargeSteps: estimate.direction === "discharge" ? runs.expected : 0,
  };
  record(walker, step, runs, tally, estimate);
  if (runs.expected > 0) {
    for (const basis of estimate.basis) walker.assumptions.add(basis);
    if (estimate.duration.max === null) walker.unbounded.push(step.id);
  }
  return tally;
}

/** How many times a node at this place runs over the whole test. */
function runsOf(loop: LoopScope, selection: PassSelection, sureUpTo: number): { min: number; expected: number } {
  return {
    min: loop.runs.min * countSelectedPasses(selection, Math.min(loop.surePasses, sureUpTo)),
    expected: loop.runs.expected * countSelectedPasses(selection, loop.count),
  };
}

function record(
  walker: Walker,
  node: NodeIR,
  runs: { min: number; expected: number },
  tally: Tally,
  step: StepEstimate | null,
): void {
  walker.nodes.set(node.id, {
    id: node.id,
    kind: node.kind,
    passes: runs,
    perPass: step ? step.duration : perRun(tally.duration, runs.min, runs.expected),
    total: tally.duration,
    stepExecutions: tally.steps,
    chargeThroughput: { charge: tally.charge, discharge: tally.discharge },
    step,
  });
}

function emptyTally(): Tally {
  return {
    duration: { min: 0, expected: 0, max: 0 },
    steps: 0,
    charge: 0,
    discharge: 0,
    chargeSteps: 0,
    dischargeSteps: 0,
  };
}

function addTally(into: Tally, add: Tally): void {
  into.duration = {
    min: into.duration.min + add.duration.min,
    expected: into.duration.expected + add.duration.expected,
    max: into.duration.max === null || add.duration.max === null ? null : into.duration.max + add.duration.max,
  };
  into.steps += add.steps;
  into.charge += add.charge;
  into.discharge += add.discharge;
  into.chargeSteps += add.chargeSteps;
  into.dischargeSteps += add.dischargeSteps;
}
