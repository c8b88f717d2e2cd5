// Where a `stop` may end the whole test. A stop is checked at the end of each pass of its
// innermost loop, and only in the passes it runs in (a stop inside `after cycle 10` can first
// fire at the end of pass 10). A loop with such a stop, or with a nested loop that may end the
// test, may itself end the test: whatever follows it is not sure to run.

import type { LoopIR, NodeIR } from "../types.js";
import { EVERY_PASS, firstSelectedPass, narrowSelection, type PassSelection } from "./passes.js";

const memo = new WeakMap<LoopIR, number | null>();

/** The first pass of `loop` at whose end the test may stop, or null when it never can. */
export function firstEndingPass(loop: LoopIR): number | null {
  if (memo.has(loop)) return memo.get(loop)!;
  const count = Math.max(0, loop.count);
  const first = earliestIn(loop.body, EVERY_PASS, count);
  memo.set(loop, first);
  return first;
}

function earliestIn(body: readonly NodeIR[], selection: PassSelection, count: number): number | null {
  let earliest: number | null = null;
  const consider = (pass: number | null) => {
    if (pass !== null && (earliest === null || pass < earliest)) earliest = pass;
  };
  for (const node of body) {
    switch (node.kind) {
      case "stop":
        consider(firstSelectedPass(selection, count));
        break;
      case "loop":
        if (mayEndTest(node)) consider(firstSelectedPass(selection, count));
        break;
      case "group":
        consider(earliestIn(node.body, selection, count));
        break;
      case "cycleAction":
        consider(earliestIn(node.body, narrowSelection(selection, node), count));
        break;
      default:
        break;
    }
  }
  return earliest;
}

/** Whether running this loop may end the whole test. */
export function mayEndTest(loop: LoopIR): boolean {
  return loop.count >= 1 && firstEndingPass(loop) !== null;
}
