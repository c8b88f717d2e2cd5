import { describe, expect, it } from "vitest";
import { followFlow, type FlowDomain } from "../../../src/check/rules/flow.js";
import { visitTree } from "../../../src/check/rules/walk.js";
import type { NodeIR, StepIR } from "../../../src/ir/types.js";
import { afterCycles, everyCycles, group, loop, rest, stop } from "./build.js";

/** A domain whose state is the list of steps walked so far, so tests can see the walk order. */
function tracer(): { visited: StepIR[]; domain: FlowDomain<string> } {
  const visited: StepIR[] = [];
  return {
    visited,
    domain: {
      unknown: "?",
      join: (a, b) => (a === b ? a : `(${a}|${b})`),
      key: (s) => s,
      step(before, step) {
        visited.push(step);
        return `${before}>${step.id}`;
      },
    },
  };
}

describe("followFlow", () => {
  it("walks a loop body for the first pass and once more for the later passes, whatever the count", () => {
    const a = rest();
    const b = rest();
    const { visited, domain } = tracer();
    const exit = followFlow([loop(10_000, [a, b])], "", domain);
    expect(visited).toEqual([a, b, a, b]);
    expect(exit).toBe(`>${a.id}>${b.id}>${a.id}>${b.id}`);
  });

  it("walks a one-pass loop once, skips a loop that never runs, and joins after `until`", () => {
    const a = rest();
    const one = tracer();
    followFlow([loop(1, [a])], "", one.domain);
    expect(one.visited).toEqual([a]);
    const none = tracer();
    expect(followFlow([loop(0, [a])], "start", none.domain)).toBe("start");
    expect(none.visited).toEqual([]);
  });

  it("runs a cycle action only in the passes it can run in, and joins it with skipping it", () => {
    const a = rest();
    const later = rest();
    const first = rest();
    const { visited, domain } = tracer();
    followFlow([loop(10, [a, afterCycles([5], [later]), afterCycles([1], [first]), everyCycles(2, [rest()]), stop()])], "", domain);
    // Pass 1: a, first; later passes: a, later, the `every 2` step.
    expect(visited.slice(0, 2)).toEqual([a, first]);
    expect(visited.slice(2, 4)).toEqual([a, later]);
    expect(visited).toHaveLength(5);
  });

  it("remembers a nested loop's result for a state it has already seen", () => {
    const inner = rest();
    const { visited, domain } = tracer();
    // The state never changes across passes of the outer loop once the join settles.
    followFlow([group([loop(3, [loop(3, [inner])])])], "?", { ...domain, step: (s, step) => (domain.step(s, step), "?") });
    expect(visited).toEqual([inner, inner]);
  });

  it("gives up quietly past the depth limit instead of overflowing the stack", () => {
    let body: NodeIR[] = [rest()];
    for (let i = 0; i < 5_000; i++) body = [group(body)];
    const { visited, domain } = tracer();
    expect(followFlow(body, "", domain)).toBe("?");
    expect(visited).toEqual([]);
  });
});

describe("visitTree", () => {
  it("visits every node once, in source order, without recursion", () => {
    const steps = [rest(), rest(), rest()];
    let body: NodeIR[] = [steps[0]!, loop(2, [steps[1]!]), steps[2]!];
    for (let i = 0; i < 50_000; i++) body = [group(body)];
    const seen: NodeIR[] = [];
    visitTree(body, { enter: (node) => void (node.kind === "rest" && seen.push(node)) });
    expect(seen).toEqual(steps);
  });
});
