// Steps that run only in some passes of a loop (`after cycle 10, 60 { … }`, `every 100 cycles
// { … }`), for instruments whose loops cannot test a pass number (EC-Lab's Loop sequences and
// techniques, CHI's for/next). The loop is cut at the passes that differ, and each stretch of
// identical passes stays a loop: a 60-pass loop with EIS after cycles 10 and 60 becomes 9 plain
// passes, pass 10 with the EIS, 49 plain passes, pass 60 with the EIS. A periodic action keeps
// its period as an outer loop (10,000 passes with `every 100 cycles` become 100 × (99 plain
// passes + 1 with the action)), so nothing is unrolled beyond the passes the user named.
//
// PyBaMM and BattINFO cut loops too (../pass-runs.ts), and the two are kept apart on purpose:
// they agree on which actions run in which pass (both ask ../cycle-guards.ts) but not on what
// they write or where they give up. Here every pass the user named is a part of its own (the
// emulation note lists "cycle 10, cycle 11"), at most MAX_SPLIT_PARTS (200) parts, and passes are
// only ever listed, never walked, so a loop of any length can be cut. There, neighbouring
// passes that run the same actions merge into one repetition (`after cycle 10, 11` is one run
// of 2), up to 1,000 runs, and a mixed pattern is walked pass by pass up to 100,000 passes. One
// implementation for both would change which protocols each target accepts and what its files
// say.

import type { CycleActionIR, LoopIR, NodeIR } from "../../../ir/types.js";
import { actionsInPass, cycleActionsOf, guardOf, passesOf, runsInPass, type CycleGuard } from "../cycle-guards.js";
import type { Emulation } from "../../target.js";
import type { ShapeProblem, ShapeResult } from "./problem.js";

/** More parts than this is no longer a schedule a person can review. */
export const MAX_SPLIT_PARTS = 200;

/** A stretch of a loop's passes: several identical plain passes, or one particular pass. */
type Part = { kind: "plain"; passes: number } | { kind: "pass"; pass: number };

interface PassPlan {
  /** The period repeats `outer` times (1 for a plan without a period). */
  outer: number;
  period: Part[];
  /** Passes after the last whole period. */
  rest: Part[];
}

export function splitCycleActions(body: readonly NodeIR[]): ShapeResult {
  const splitter = new Splitter();
  return { body: splitter.nodes(body), emulations: splitter.emulations, problems: splitter.problems };
}

class Splitter {
  readonly emulations: Emulation[] = [];
  readonly problems: ShapeProblem[] = [];

  /** Rewrites every loop below `nodes`; cycle actions met here have no loop of their own. */
  nodes(nodes: readonly NodeIR[]): NodeIR[] {
    const out: NodeIR[] = [];
    for (const node of nodes) {
      if (node.kind === "loop") out.push(...this.loop(node));
      else if (node.kind === "group") out.push({ ...node, body: this.nodes(node.body) });
      else if (node.kind === "cycleAction") {
        this.problems.push({ span: node.span, message: "steps at given cycles stand outside any loop", hint: "put them inside the repeat whose cycles they count" });
      } else out.push(node);
    }
    return out;
  }

  /** Inner loops are rewritten first; this loop's own actions stay in place for `loop`. */
  private inner(nodes: readonly NodeIR[]): NodeIR[] {
    return nodes.flatMap((node): NodeIR[] => {
      if (node.kind === "loop") return this.loop(node);
      if (node.kind === "group" || node.kind === "cycleAction") return [{ ...node, body: this.inner(node.body) }];
      return [node];
    });
  }

  private loop(loop: LoopIR): NodeIR[] {
    const body = this.inner(loop.body);
    const actions = cycleActionsOf(body);
    // A loop ending on a condition is refused by the capability tables; leave it whole.
    if (actions.length === 0 || loop.until !== null) return [{ ...loop, body }];
    const guards = actions.map((action) => ({ action, guard: guardOf(action, loop) }));
    const plan = passPlan(loop.count, guards.map((g) => g.guard));
    if (plan === null) {
      this.problems.push({
        span: actions[0]!.span,
        message: `the steps at given cycles would cut the ${loop.count}-cycle loop into more than ${MAX_SPLIT_PARTS} parts`,
        hint: "run them less often (every N cycles with a larger N, or fewer listed cycles)",
      });
      return [{ ...loop, body }];
    }
    const activeAt = (pass: number): Set<CycleActionIR> => actionsInPass(guards, pass);
    const render = (parts: readonly Part[]): NodeIR[] =>
      parts.flatMap((part): NodeIR[] => {
        if (part.kind === "pass") return passBody(body, activeAt(part.pass));
        const plain = passBody(body, new Set());
        return part.passes === 1 ? plain : [{ ...loop, count: part.passes, body: plain }];
      });
    const period = render(plan.period);
    const out: NodeIR[] = plan.outer > 1 ? [{ ...loop, count: plan.outer, body: period }] : period;
    out.push(...render(plan.rest));
    this.emulations.push({
      span: actions[0]!.span,
      construct: "cycleAction",
      message: `steps at given cycles: the ${loop.count}-cycle loop at line ${loop.span.start.line} is written as loops cut at the cycles they run in (${describe(plan)})`,
    });
    return out;
  }
}

/** One pass of the body: the actions active in it spliced in, the others left out. */
function passBody(nodes: readonly NodeIR[], active: ReadonlySet<CycleActionIR>): NodeIR[] {
  return nodes.flatMap((node): NodeIR[] => {
    if (node.kind === "cycleAction") return active.has(node) ? passBody(node.body, active) : [];
    if (node.kind === "group") return [{ ...node, body: passBody(node.body, active) }];
    return [node];
  });
}

function passPlan(count: number, guards: readonly CycleGuard[]): PassPlan | null {
  const periods = guards.map((g) => (g.kind === "every" ? g.every : null));
  if (periods.every((p): p is number => p !== null)) {
    const period = lcmUpTo(periods, count + 1);
    if (period <= count) {
      const special = (n: number): number[] => range(1, n).filter((pass) => guards.some((g) => runsInPass(g, pass)));
      const periodParts = parts(period, special(period));
      const restParts = parts(count % period, special(count % period));
      if (periodParts.length + restParts.length > MAX_SPLIT_PARTS) return null;
      return { outer: Math.floor(count / period), period: periodParts, rest: restParts };
    }
  }
  const specials = new Set<number>();
  for (const guard of guards) {
    for (const pass of passesOf(guard, count, MAX_SPLIT_PARTS + 1)) specials.add(pass);
    if (specials.size > MAX_SPLIT_PARTS) return null;
  }
  const all = parts(count, [...specials].sort((a, b) => a - b));
  return all.length > MAX_SPLIT_PARTS ? null : { outer: 1, period: all, rest: [] };
}

/** Passes 1..n as parts, with `special` (ascending, within 1..n) standing alone. */
function parts(n: number, special: readonly number[]): Part[] {
  const out: Part[] = [];
  let next = 1;
  for (const pass of special) {
    if (pass > next) out.push({ kind: "plain", passes: pass - next });
    out.push({ kind: "pass", pass });
    next = pass + 1;
  }
  if (n >= next) out.push({ kind: "plain", passes: n - next + 1 });
  return out;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

/** The least common multiple, or `cap` as soon as it reaches it (no overflow on odd periods). */
function lcmUpTo(values: readonly number[], cap: number): number {
  let result = 1;
  for (const value of values) {
    const v = Math.max(1, Math.floor(value));
    result = (result / gcd(result, v)) * v;
    if (result >= cap) return cap;
  }
  return result;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function describe(plan: PassPlan): string {
  const text = (list: readonly Part[]): string =>
    list.map((p) => (p.kind === "plain" ? `${p.passes} plain pass${p.passes === 1 ? "" : "es"}` : `cycle ${p.pass}`)).join(", ");
  const period = text(plan.period);
  const head = plan.outer > 1 ? `${plan.outer} × (${period})` : period;
  return plan.rest.length > 0 ? `${head}, then ${text(plan.rest)}` : head;
}
