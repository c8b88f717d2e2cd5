import { describe, expect, it } from "vitest";
import type { NodeIR } from "../../../../src/ir/types.js";
import { splitCycleActions } from "../../../../src/targets/common/counted-loops/index.js";
import { flattenGroups } from "../../../../src/targets/common/counted-loops/groups.js";
import { irOf } from "../helpers.js";

/** Loops as {n: body}, steps as the length of their rest ("r1" = rest for 1 s). */
function outline(nodes: readonly NodeIR[]): unknown[] {
  return nodes.map((n) => (n.kind === "loop" ? { [n.count]: outline(n.body) } : n.kind === "rest" && n.ends[0]?.kind === "time" ? `r${n.ends[0].seconds}` : n.kind));
}
const split = (source: string) => splitCycleActions(flattenGroups(irOf(source).body));

describe("splitting loops at their cycle actions", () => {
  it("cuts at listed cycles, keeping the stretches between as loops and a lone pass inline", () => {
    const result = split("repeat 6 {\n  rest for 1 s\n  after cycle 1, 4 { rest for 2 s }\n}");
    expect(outline(result.body)).toEqual(["r1", "r2", { 2: ["r1"] }, "r1", "r2", { 2: ["r1"] }]);
    expect(result.problems).toEqual([]);
    expect(result.emulations[0]!.message).toContain("cycle 1, 2 plain passes, cycle 4, 2 plain passes");
  });

  it("keeps a period as an outer loop and writes the remainder after it", () => {
    const result = split("repeat 25 {\n  rest for 1 s\n  every 10 cycles { rest for 2 s }\n}");
    expect(outline(result.body)).toEqual([{ 2: [{ 9: ["r1"] }, "r1", "r2"] }, { 5: ["r1"] }]);
  });

  it("combines periods by their least common multiple", () => {
    const result = split("repeat 12 {\n  rest for 1 s\n  every 2 cycles { rest for 2 s }\n  every 3 cycles { rest for 3 s }\n}");
    expect(outline(result.body)).toEqual([{ 2: ["r1", "r1", "r2", "r1", "r3", "r1", "r2", "r1", "r1", "r2", "r3"] }]);
  });

  it("splits an inner loop at its own actions and leaves the outer loop whole", () => {
    const result = split("repeat 3 {\n  repeat 4 {\n    rest for 1 s\n    after cycle 4 { rest for 2 s }\n  }\n}");
    expect(outline(result.body)).toEqual([{ 3: [{ 3: ["r1"] }, "r1", "r2"] }]);
  });

  it("refuses a split into too many parts instead of unrolling", () => {
    const result = split("repeat 10000 {\n  rest for 1 s\n  every 3 cycles { rest for 2 s }\n  after cycle 1 { rest for 3 s }\n}");
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.span.start.line).toBe(3);
  });
});
