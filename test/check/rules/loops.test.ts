import { describe, expect, it } from "vitest";
import { checkLoopBodies } from "../../../src/check/rules/loops.js";
import { above, afterCycles, celsius, charge, cRate, eis, group, loop, pause, protocol, rest, temperature } from "./build.js";

describe("BTP4060: a loop that repeats nothing electrical", () => {
  it("warns on a loop of only temperature changes and pauses, even when nested in groups", () => {
    const lonely = loop(10, [group([temperature(celsius(25))]), pause()]);
    const [d, ...more] = checkLoopBodies(protocol([lonely, charge(cRate(1), [above(3.9)])]));
    expect(more).toEqual([]);
    expect(d).toMatchObject({ code: "BTP4060", severity: "warning", span: lonely.span });
    expect(d!.message).toContain("this loop repeats 10 times but contains no charge");
  });

  it("reports the inner loop only when the outer one holds electrical steps", () => {
    const inner = loop(3, [temperature(celsius(60))]);
    const found = checkLoopBodies(protocol([loop(5, [inner, rest()])]));
    expect(found.map((d) => d.span)).toEqual([inner.span]);
    // Both are reported when neither holds an electrical step.
    expect(checkLoopBodies(protocol([loop(5, [loop(3, [temperature(celsius(60))])])]))).toHaveLength(2);
  });

  it("accepts loops with an electrical step anywhere inside, and leaves empty loops to the elaborator", () => {
    const body = [loop(5, [temperature(celsius(25)), afterCycles([5], [eis()])]), loop(3, [group([rest()])]), loop(2, [])];
    expect(checkLoopBodies(protocol(body))).toEqual([]);
  });
});
