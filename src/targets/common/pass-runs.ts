// A loop with steps at given cycles (`after cycle 10, 60 { … }`, `every 100 cycles { … }`) for a
// format that can only repeat a fixed body: the loop's passes are grouped into runs of passes
// that do the same thing, and each run is written as a plain repetition. `after cycle 10, 60` in
// 60 passes becomes 9 plain passes, 1 with the extra steps, 49 plain, 1 with them; `every 10
// cycles` in 1000 passes becomes 100 repetitions of (9 plain + 1 with them). Nothing is unrolled
// pass by pass, so the written schedule stays small.
//
// Used by the PyBaMM and BattINFO targets. EC-Lab and CHI cut loops at their cycle actions with
// counted-loops/cut-loops.ts instead, which keeps each named pass apart and never walks passes;
// its header says why the two stay separate.

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { CycleActionIR, LoopIR, NodeIR } from "../../ir/types.js";
import { actionsInPass, cycleActionsOf, guardOf, type GuardedAction } from "./cycle-guards.js";

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

export function planPasses(loop: LoopIR): PassPlan {
  const actions = cycleActionsOf(loop.body);
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

/** The refusal of a pattern too long to write: `written` says as what the target writes runs
 * ("groups", "repetitions"). */
export function patternTooLong(plan: Extract<PassPlan, { kind: "tooLong" }>, loop: LoopIR, written: string, code: string, target: string): Diagnostic {
  return {
    code,
    severity: "error",
    message: `the steps at given cycles of this loop make ${plan.runs === null ? "too irregular a pattern" : `${plan.runs} runs of different passes`}, more than the ${MAX_RUNS} btp writes as ${written}`,
    span: loop.span,
    hint: "use fewer listed cycles, or `every N cycles` with periods that share a common multiple",
    target,
  };
}

/** Whether a node of the loop body runs in passes with these actions active. */
export function runsWith(node: NodeIR, active: ReadonlySet<CycleActionIR>): boolean {
  return node.kind !== "cycleAction" || active.has(node);
}

/** Runs for listed passes only: the gaps between listed passes are plain runs. */
function listedRuns(guards: readonly GuardedAction[], count: number): PassRun[] {
  const listed = [...new Set(guards.flatMap((g) => (g.guard.kind === "cycles" ? g.guard.cycles : [])))]
    .filter((c) => c >= 1 && c <= count)
    .sort((a, b) => a - b);
  const runs: PassRun[] = [];
  let next = 1;
  for (const pass of listed) {
    if (pass > next) push(runs, pass - next, new Set());
    push(runs, 1, actionsInPass(guards, pass));
    next = pass + 1;
  }
  if (next <= count) push(runs, count - next + 1, new Set());
  return runs;
}

/** Runs found by walking passes `from`..`to` one by one. */
function walkedRuns(guards: readonly GuardedAction[], from: number, to: number): PassRun[] {
  const runs: PassRun[] = [];
  for (let pass = from; pass <= to; pass++) push(runs, 1, actionsInPass(guards, pass));
  return runs;
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
