// Rule family 7: a loop that repeats nothing electrical (only temperature changes or pauses)
// runs its count of passes without cycling the cell: usually the steps meant to be repeated
// ended up outside the braces. Counts, `until` conditions and cycle actions beyond the count
// are checked by the elaborator, as is an empty loop.

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { LoopIR, NodeIR, ProtocolIR } from "../../ir/types.js";
import { isStep } from "../../ir/types.js";
import { isElectrical } from "./step-facts.js";
import { visitTree } from "./walk.js";

export function checkLoopBodies(ir: ProtocolIR): Diagnostic[] {
  // One pass over the tree: each loop learns, from the steps inside it, whether it holds any
  // step at all and any electrical one. A step marks its enclosing loops from the innermost
  // outwards and stops at the first one already marked, so each loop is marked once.
  const open: LoopIR[] = [];
  const hasStep = new Set<LoopIR>();
  const hasElectrical = new Set<LoopIR>();
  const found: Diagnostic[] = [];

  const mark = (marked: Set<LoopIR>): void => {
    for (let i = open.length - 1; i >= 0 && !marked.has(open[i]!); i--) marked.add(open[i]!);
  };

  visitTree(ir.body, {
    enter(node: NodeIR) {
      if (node.kind === "loop") open.push(node);
      if (!isStep(node)) return;
      mark(hasStep);
      if (isElectrical(node)) mark(hasElectrical);
    },
    exit(node: NodeIR) {
      if (node.kind !== "loop") return;
      open.pop();
      if (!hasStep.has(node) || hasElectrical.has(node)) return;
      found.push({
        code: "BTP4060",
        severity: "warning",
        message: `this loop repeats ${node.count === 1 ? "once" : `${node.count} times`} but contains no charge, discharge, hold, rest or measurement: only temperature changes or pauses`,
        span: node.span,
        hint: "move the steps to be repeated inside the braces of `repeat`, or remove the loop",
      });
    },
  });
  return found;
}
