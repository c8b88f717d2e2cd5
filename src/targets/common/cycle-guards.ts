// In which passes of its loop a cycle action (`after cycle 10, 60 { … }`, `every 100 cycles
// { … }`) runs. Every target that writes cycle actions asks these functions: the flat list
// (linearize), the plan splitter, and the two ways of cutting a loop at its cycle actions
// (counted-loops/cut-loops.ts, pass-runs.ts).

import type { CycleActionIR, LoopIR, NodeIR } from "../../ir/types.js";

/** In which passes a cycle action runs: listed passes (sorted, within the loop's count), or every
 * N-th pass. */
export type CycleGuard = { kind: "cycles"; cycles: number[] } | { kind: "every"; every: number };

export function guardOf(action: CycleActionIR, loop: LoopIR | null): CycleGuard {
  if (action.every !== null) return { kind: "every", every: action.every };
  const limit = loop ? loop.count : Infinity;
  const cycles = [...new Set(action.cycles ?? [])].filter((c) => c >= 1 && c <= limit).sort((a, b) => a - b);
  return { kind: "cycles", cycles };
}

/** Whether a guarded block runs in pass `pass` (1-based) of its loop. */
export function runsInPass(guard: CycleGuard, pass: number): boolean {
  return guard.kind === "every" ? pass % guard.every === 0 : guard.cycles.includes(pass);
}

/** The passes (1-based, ascending) of a loop of `count` passes in which the guard runs, stopping
 * after `cap` of them so that `every 1 cycles` in a million-pass loop stays small. */
export function passesOf(guard: CycleGuard, count: number, cap = 10_000): number[] {
  if (guard.kind === "cycles") return guard.cycles.filter((c) => c <= count).slice(0, cap);
  const passes: number[] = [];
  for (let pass = guard.every; pass <= count && passes.length < cap; pass += guard.every) passes.push(pass);
  return passes;
}

/** The cycle actions that count the passes of the loop whose body is `body`: in the body, in
 * groups and in other actions (in the order they are written), not inside inner loops (those
 * count the inner loop). */
export function cycleActionsOf(body: readonly NodeIR[]): CycleActionIR[] {
  const found: CycleActionIR[] = [];
  for (const node of body) {
    if (node.kind === "cycleAction") found.push(node, ...cycleActionsOf(node.body));
    else if (node.kind === "group") found.push(...cycleActionsOf(node.body));
  }
  return found;
}

/** A cycle action with the passes it runs in. */
export interface GuardedAction {
  action: CycleActionIR;
  guard: CycleGuard;
}

/** The actions that run in pass `pass` (1-based). */
export function actionsInPass(guarded: readonly GuardedAction[], pass: number): Set<CycleActionIR> {
  return new Set(guarded.filter((g) => runsInPass(g.guard, pass)).map((g) => g.action));
}
