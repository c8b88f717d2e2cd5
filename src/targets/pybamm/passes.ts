// A loop with steps at given cycles (`after cycle 10, 60 { … }`, `every 100 cycles { … }`) for a
// format that can only repeat a fixed body: the loop's passes are grouped into runs of passes
// that do the same thing, and each run is written as a plain repetition. `after cycle 10, 60` in
// 60 passes becomes 9 plain passes, 1 with the extra steps, 49 plain, 1 with them; `every 10
// cycles` in 1000 passes becomes 100 repetitions of (9 plain + 1 with them). Nothing is unrolled
// pass by pass, so the written schedule stays small.
//
// Used by the PyBaMM and BattINFO targets (a candidate for src/targets/common/).

import type { CycleActionIR, LoopIR, NodeIR } from "../../ir/types.js";
import { guardOf, runsInPass, type CycleGuard } from "../common/linearize.js";

/** Passes are walked one by one only up to this many (a mixed `after`/`every` pattern). */
const MAX_WALKED_PASSES = 100_000;
/** More runs than this would make the written schedule as long as an unrolled one. */
export const MAX_RUNS = 1000;

/** `count` consecutive passes that each run the loop body with exactly these actions. */
export interface PassRun {
  count: number;
  active: ReadonlySet<CycleActionIR>;
}

export type PassPlan =
  /** No cycle actions: every pass runs the body as written. */
  | { kind: "plain" }
  /** The passes, run after run. */
  | { kind: "runs"; runs: PassRun[] }
  /** `repeats` times the runs of `period`, then the runs of `remainder` (every-N patterns). */
  | { kind: "periodic"; period: PassRun[]; repeats: number; remainder: PassRun[] }
  /** The pattern needs more than MAX_RUNS runs. */
  | { kind: "tooLong"; runs: number | null };

/** The cycle actions that count the passes of `loop` (not those of a loop inside it). */
export function actionsOf(loop: LoopIR): CycleActionIR[] {
  const found: CycleActionIR[] = [];
  const visit = (nodes: readonly NodeIR[]): void => {
    for (const node of nodes) {
      if (node.kind === "cycleAction") {
        found.push(node);
        visit(node.body);
      } else if (node.kind === "group") {
        visit(node.body);
      }
    }
  };
  visit(loop.body);
  return found;
}

export function planPasses(loop: LoopIR): PassPlan {
  const actions = actionsOf(loop);
  if (actions.length === 0) return { kind: "plain" };
  const guards = actions.map((action) => ({ action, guard: guardOf(action, loop) }));
  const count = loop.count;

  let plan: PassPlan;
  if (guards.every((g) => g.guard.kind === "cycles")) {
    plan = { kind: "runs", runs: listedRuns(guards, count) };
  } else if (guards.every((g) => g.guard.kind === "every")) {
    const period = guards.reduce((p, g) => lcm(p, (g.guard as { every: number }).every), 1);
    if (period > MAX_WALKED_PASSES) return { kind: "tooLong", runs: null };
    if (period >= count) {
      plan = { kind: "runs", runs: walkedRuns(guards, 1, count) };
    } else {
      plan = {
        kind: "periodic",
        period: walkedRuns(guards, 1, period),
        repeats: Math.floor(count / period),
        remainder: walkedRuns(guards, 1, count % period),
      };
    }
  } else {
    if (count > MAX_WALKED_PASSES) return { kind: "tooLong", runs: null };
    plan = { kind: "runs", runs: walkedRuns(guards, 1, count) };
  }
  const runs = plan.kind === "runs" ? plan.runs.length : plan.kind === "periodic" ? plan.period.length + plan.remainder.length : 0;
  return runs > MAX_RUNS ? { kind: "tooLong", runs } : plan;
}

/** Whether a node of the loop body runs in passes with these actions active. */
export function runsWith(node: NodeIR, active: ReadonlySet<CycleActionIR>): boolean {
  return node.kind !== "cycleAction" || active.has(node);
}

interface Guarded {
  action: CycleActionIR;
  guard: CycleGuard;
}

/** Runs for listed passes only: the gaps between listed passes are plain runs. */
function listedRuns(guards: readonly Guarded[], count: number): PassRun[] {
  const listed = [...new Set(guards.flatMap((g) => (g.guard.kind === "cycles" ? g.guard.cycles : [])))]
    .filter((c) => c >= 1 && c <= count)
    .sort((a, b) => a - b);
  const runs: PassRun[] = [];
  let next = 1;
  for (const pass of listed) {
    if (pass > next) push(runs, pass - next, new Set());
    push(runs, 1, activeIn(guards, pass));
    next = pass + 1;
  }
  if (next <= count) push(runs, count - next + 1, new Set());
  return runs;
}

/** Runs found by walking passes `from`..`to` one by one. */
function walkedRuns(guards: readonly Guarded[], from: number, to: number): PassRun[] {
  const runs: PassRun[] = [];
  for (let pass = from; pass <= to; pass++) push(runs, 1, activeIn(guards, pass));
  return runs;
}

function activeIn(guards: readonly Guarded[], pass: number): Set<CycleActionIR> {
  return new Set(guards.filter((g) => runsInPass(g.guard, pass)).map((g) => g.action));
}

/** Appends passes, merging them into the last run when they do the same thing. */
function push(runs: PassRun[], count: number, active: ReadonlySet<CycleActionIR>): void {
  const last = runs[runs.length - 1];
  if (last && sameSet(last.active, active)) last.count += count;
  else runs.push({ count, active });
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function lcm(a: number, b: number): number {
  const product = (a / gcd(a, b)) * b;
  // Beyond this the pattern is too long anyway; keep the number finite.
  return Math.min(product, Number.MAX_SAFE_INTEGER);
}
