// Compact CST nodes. Chevrotain gives every CST node a `children` object made with
// Object.create(null), which V8 stores as a hash table ("dictionary mode"). A 200 KB protocol has
// about 70,000 nodes: those tables are a third of the CST's memory, and since the whole tree
// stays alive while it is built, the garbage collector copies them again and again.
//
// Here each node's children object is an ordinary object literal whose prototype is an empty,
// frozen object with no prototype: V8 keeps it as a small fixed-layout object, and it inherits
// no keys, so the children read exactly as before. Like recoveryTuning.ts this replaces an
// internal method of chevrotain 11.2 (the version is pinned in package.json), and keeps
// chevrotain's own behaviour if that method is not there.

import type { CstNode } from "chevrotain";

/** The prototype of every `children` object: nothing to inherit, nothing to add. */
const NOTHING_INHERITED: object = Object.freeze(Object.create(null));

interface TreeBuilderInternals {
  outputCst: boolean;
  cstInvocationStateUpdate: (fullRuleName: string) => void;
  setInitialNodeLocation: (node: CstNode) => void;
  CST_STACK: CstNode[];
}

export function compactCstNodes(parser: object): void {
  const internals = parser as TreeBuilderInternals;
  if (
    internals.outputCst !== true ||
    typeof internals.cstInvocationStateUpdate !== "function" ||
    typeof internals.setInitialNodeLocation !== "function" ||
    !Array.isArray(internals.CST_STACK)
  ) {
    // A different chevrotain: keep its own behaviour rather than guess.
    return;
  }
  // What chevrotain does when a rule starts, with the other kind of `children`. (Replacing the
  // children after chevrotain made them would still pay for the hash tables.) A literal, not
  // Object.create: V8 reserves room in it for a few children.
  internals.cstInvocationStateUpdate = function (this: TreeBuilderInternals, fullRuleName: string) {
    const node = { name: fullRuleName, children: { __proto__: NOTHING_INHERITED } } as unknown as CstNode;
    this.setInitialNodeLocation(node);
    this.CST_STACK.push(node);
  };
}
