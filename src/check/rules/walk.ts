// Walking the IR tree without recursion. A generated or hostile protocol can nest blocks far
// deeper than a JavaScript call stack allows; an explicit stack keeps the rules from crashing
// on it, and every node is visited exactly once (loops are never expanded).

import type { NodeIR, StepIR } from "../../ir/types.js";
import { isStep } from "../../ir/types.js";

export interface TreeVisitor {
  /** Called before a node's children. */
  enter(node: NodeIR): void;
  /** Called after all of a node's children (for steps and stops, right after `enter`). */
  exit?(node: NodeIR): void;
}

/** Depth first, in source order. */
export function visitTree(body: readonly NodeIR[], visitor: TreeVisitor): void {
  const stack: Array<{ owner: NodeIR | null; nodes: readonly NodeIR[]; next: number }> = [
    { owner: null, nodes: body, next: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.nodes.length) {
      stack.pop();
      if (frame.owner) visitor.exit?.(frame.owner);
      continue;
    }
    const node = frame.nodes[frame.next++]!;
    visitor.enter(node);
    if (node.kind === "loop" || node.kind === "cycleAction" || node.kind === "group") {
      stack.push({ owner: node, nodes: node.body, next: 0 });
    } else {
      visitor.exit?.(node);
    }
  }
}

/** Every step of a body, in source order, each once. */
export function stepsOf(body: readonly NodeIR[]): StepIR[] {
  const steps: StepIR[] = [];
  visitTree(body, {
    enter(node) {
      if (isStep(node)) steps.push(node);
    },
  });
  return steps;
}
