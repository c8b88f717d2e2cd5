// Following the protocol in the order the cell experiences it, for rules that carry something
// from one step to the next (the voltage the cell is at, the step that just ran).
//
// Loops are never unrolled. A loop body is walked for its first pass (entered with the state
// before the loop) and once more for every later pass (entered with the state the first pass
// leaves: the wrap-around edge). For the rules here the state a body leaves is a clamp of the
// state it was entered with, so a third pass would see what the second saw. Cycle actions may or
// may not run in a pass, so after one the state is the join of both possibilities.

import type { CycleActionIR, LoopIR, NodeIR, StepIR } from "../../ir/types.js";

/** What a rule tracks between steps. */
export interface FlowDomain<S> {
  /** The state after `step`, given the state before it. Rules report their findings here. */
  step(before: S, step: StepIR): S;
  /** The state when either `a` or `b` may hold. */
  join(a: S, b: S): S;
  /** Equal keys mean equal states (loop results are remembered by key). */
  key(state: S): string;
  /** Knowing nothing. */
  unknown: S;
}

/** Past this nesting depth or this many step visits the walk gives up and knows nothing; real
 * protocols are far inside both, and a rule that stays silent is better than one that hangs. */
const MAX_DEPTH = 200;
const MAX_STEP_VISITS = 200_000;

/** Which pass of the innermost loop a body is being walked for. */
type Pass = "first" | "later" | "outside-loop";

export function followFlow<S>(body: readonly NodeIR[], entry: S, domain: FlowDomain<S>): S {
  return new FlowWalker(domain).body(body, entry, "outside-loop", 0);
}

class FlowWalker<S> {
  private visits = 0;
  private readonly loopResults = new Map<LoopIR, Map<string, S>>();
  constructor(private readonly domain: FlowDomain<S>) {}

  body(nodes: readonly NodeIR[], entry: S, pass: Pass, depth: number): S {
    let state = entry;
    for (const node of nodes) state = this.node(node, state, pass, depth);
    return state;
  }

  private node(node: NodeIR, state: S, pass: Pass, depth: number): S {
    if (depth > MAX_DEPTH || this.visits > MAX_STEP_VISITS) return this.domain.unknown;
    switch (node.kind) {
      case "group":
        return this.body(node.body, state, pass, depth + 1);
      case "cycleAction":
        if (!mayRunIn(node, pass)) return state;
        return this.domain.join(state, this.body(node.body, state, pass, depth + 1));
      case "loop":
        return this.loop(node, state, depth + 1);
      case "stop":
        return state;
      default:
        this.visits++;
        return this.domain.step(state, node);
    }
  }

  private loop(loop: LoopIR, entry: S, depth: number): S {
    // A loop that never runs is the elaborator's to report; the cell passes it unchanged.
    if (!(loop.count >= 1)) return entry;
    const key = this.domain.key(entry);
    let remembered = this.loopResults.get(loop);
    const known = remembered?.get(key);
    if (known !== undefined) return known;

    const afterFirstPass = this.body(loop.body, entry, "first", depth);
    let exit = afterFirstPass;
    if (loop.count >= 2) {
      const afterLaterPass = this.body(loop.body, afterFirstPass, "later", depth);
      // With `until` the loop may stop after any pass, the first included.
      exit = loop.until ? this.domain.join(afterFirstPass, afterLaterPass) : afterLaterPass;
    }
    if (!remembered) this.loopResults.set(loop, (remembered = new Map()));
    remembered.set(key, exit);
    return exit;
  }
}

/** `after cycle 10 { … }` never runs in the first pass; `after cycle 1` runs only in it. */
function mayRunIn(action: CycleActionIR, pass: Pass): boolean {
  if (pass === "outside-loop") return true;
  const cycles = action.cycles ?? [];
  if (pass === "first") return cycles.includes(1) || action.every === 1;
  return cycles.some((cycle) => cycle > 1) || action.every !== null;
}
