import { describe, expect, it } from "vitest";
import { checkVoltageState } from "../../../src/check/rules/voltage-state.js";
import {
  above, afterCycles, below, ccCv, charge, cRate, discharge, eis, everyCycles, fadeCondition, forTime, group,
  hold, holdAtOcv, loop, lsv, absolute, fromOcv, mA, pause, power, protocol, rest, stop, taper, temperature, celsius,
} from "./build.js";

const run = (...body: Parameters<typeof protocol>[0]) => checkVoltageState(protocol(body));

describe("BTP4010: a charge or discharge that ends at once", () => {
  it("warns on a charge to a cut-off at or below where the previous step left the cell", () => {
    const first = charge(cRate(0.5), [above(3.9)]);
    const second = charge(cRate(0.5), [above(3.8)]);
    const [d, ...more] = run(first, second);
    expect(more).toEqual([]);
    expect(d).toMatchObject({ code: "BTP4010", severity: "warning", span: second.span });
    expect(d!.message).toBe("this charge at 0.5C ends at once: its cut-off 3.8 V is at or below where the cell already is (at 3.9 V)");
    expect(d!.related).toEqual([{ message: "this step leaves the cell at 3.9 V", span: first.span }]);
  });

  it("counts an equal cut-off as ending at once, and a higher one as fine", () => {
    expect(run(discharge(cRate(1), [below(2.3)]), discharge(cRate(1), [below(2.3)])).map((d) => d.code)).toEqual(["BTP4010"]);
    expect(run(discharge(cRate(1), [below(2.3)]), discharge(cRate(1), [below(2.2)]))).toEqual([]);
  });

  it("warns on a discharge whose cut-off is at or above the voltage of a hold before it", () => {
    const found = run(ccCv("charge", cRate(0.5), 3.9, [taper(mA(0.0147))]), discharge(cRate(1), [below(3.95)]));
    expect(found.map((d) => d.code)).toEqual(["BTP4010"]);
    expect(run(hold(3.9, [forTime(3600)]), discharge(cRate(1), [below(2.3)]))).toEqual([]);
  });

  it("knows only a bound after a step that may stop on a time first", () => {
    // After `charge for 1 h or until 4.0 V` the cell is at most 4.0 V, at an unknown lower voltage.
    const guarded = charge(cRate(1), [forTime(3600), above(4.0)]);
    expect(run(guarded, discharge(cRate(1), [below(4.0)])).map((d) => d.message)).toEqual([
      "this discharge at 1C ends at once: its cut-off 4 V is at or above where the cell already is (at most 4 V)",
    ]);
    expect(run(charge(cRate(1), [forTime(3600), above(4.0)]), charge(cRate(1), [above(3.5)]))).toEqual([]);
  });

  it("keeps the lower bound through a charge that only ends on a time", () => {
    const found = run(discharge(cRate(1), [below(2.3)]), charge(cRate(1), [forTime(600)]), charge(cRate(1), [above(2.3)]));
    expect(found.map((d) => d.code)).toEqual(["BTP4010"]);
  });

  it("treats constant power steps as charges and discharges", () => {
    expect(run(hold(3.9, [forTime(60)]), power("charge", 0.001, [above(3.85)])).map((d) => d.code)).toEqual(["BTP4010"]);
    expect(run(hold(3.9, [forTime(60)]), power("charge", 0.001, [above(4.0)]))).toEqual([]);
  });

  it("warns on a CC-CV step only when its voltage is strictly behind the cell (its hold would push back)", () => {
    const found = run(discharge(cRate(1), [below(2.3)]), ccCv("discharge", cRate(1), 2.4, [taper(mA(0.01))]));
    expect(found.map((d) => d.message)).toEqual([
      "the constant-current part of this discharge at 1C then hold at 2.4 V ends at once: its cut-off 2.4 V is above where the cell already is (at 2.3 V), so the hold charges the cell",
    ]);
    // Already at the hold voltage: the step simply holds there.
    expect(run(discharge(cRate(1), [below(2.3)]), ccCv("discharge", cRate(1), 2.3, [taper(mA(0.01))]))).toEqual([]);
  });

  it("forgets the voltage after a rest, impedance, a temperature change, a pause or a relative hold", () => {
    for (const between of [rest(), eis(), temperature(celsius(25)), pause(), holdAtOcv(0.05, [forTime(60)])]) {
      expect(run(charge(cRate(1), [above(3.9)]), between, charge(cRate(1), [above(3.9)]))).toEqual([]);
    }
  });

  it("says nothing at the start of a protocol", () => {
    expect(run(charge(cRate(1), [above(2.0)]))).toEqual([]);
  });

  it("knows where a linear sweep leaves the cell, unless it ends relative to open circuit", () => {
    expect(run(lsv(fromOcv, absolute(3.0)), discharge(cRate(1), [below(3.0)])).map((d) => d.code)).toEqual(["BTP4010"]);
    expect(run(lsv(absolute(3.0), fromOcv), discharge(cRate(1), [below(3.0)]))).toEqual([]);
  });

  it("does not move the state when a step ends at once", () => {
    // The second charge stops at once, so the cell is still at 3.9 V for the discharge.
    const found = run(charge(cRate(1), [above(3.9)]), charge(cRate(1), [above(3.5)]), discharge(cRate(1), [below(3.7)]));
    expect(found.map((d) => d.code)).toEqual(["BTP4010"]);
  });
});

describe("BTP4010 through groups and loops", () => {
  it("follows the voltage into and out of groups", () => {
    const found = run(group([charge(cRate(1), [above(3.9)])], "sequence"), group([charge(cRate(1), [above(3.9)])]));
    expect(found.map((d) => d.code)).toEqual(["BTP4010"]);
  });

  it("uses the wrap-around edge: the end of a pass feeds the next pass", () => {
    const only = charge(cRate(1), [above(3.9)]);
    const [d, ...more] = run(loop(5, [only]));
    expect(more).toEqual([]);
    expect(d!.span).toEqual(only.span);
    expect(d!.related).toEqual([{ message: "the previous pass of the loop leaves the cell at 3.9 V here", span: only.span }]);
  });

  it("does not use the wrap-around edge for a single pass", () => {
    expect(run(loop(1, [charge(cRate(1), [above(3.9)])]))).toEqual([]);
  });

  it("accepts the usual cycling loop", () => {
    expect(run(loop(1000, [charge(cRate(5), [above(3.9)]), discharge(cRate(5), [below(2.3)])]))).toEqual([]);
  });

  it("warns on the first step of a loop body against the step before the loop", () => {
    const before = discharge(cRate(1), [below(2.3)]);
    const found = run(before, loop(10, [discharge(cRate(1), [below(2.3)]), charge(cRate(1), [above(3.9)])]));
    expect(found.map((d) => d.related?.[0]?.span)).toEqual([before.span]);
  });

  it("after a loop, continues from the state its body leaves", () => {
    const found = run(loop(3, [discharge(cRate(1), [below(2.3)]), charge(cRate(1), [above(3.9)])]), charge(cRate(1), [above(3.9)]));
    expect(found.map((d) => d.code)).toEqual(["BTP4010"]);
  });

  it("after a loop with `until`, joins the first and later passes", () => {
    // Pass 1 ends wherever the body leaves the cell, later passes too: the state after is known.
    const body = [discharge(cRate(1), [below(2.3)]), charge(cRate(1), [above(3.9)])];
    expect(run(loop(100, body, fadeCondition()), charge(cRate(1), [above(3.9)])).map((d) => d.code)).toEqual(["BTP4010"]);
  });

  it("sees both possibilities after a cycle action and warns only when both agree", () => {
    // EIS after cycles 1, 10 and 60 may or may not have run: the voltage is unknown afterwards,
    // so the second discharge is not reported although it ends at once in most passes.
    const withEis = [discharge(cRate(1), [below(2.3)]), afterCycles([1, 10, 60], [eis()]), discharge(cRate(1), [below(2.3)]), charge(cRate(1), [above(3.9)])];
    expect(run(loop(60, withEis))).toEqual([]);
    // A slow discharge that may or may not run still leaves the cell at 2.3 V either way.
    const extra = [discharge(cRate(1), [below(2.3)]), everyCycles(100, [discharge(cRate(0.1), [below(2.3)])]), charge(cRate(1), [above(3.9)])];
    expect(run(loop(1000, extra)).map((d) => d.code)).toEqual(["BTP4010"]);
  });

  it("knows a cycle action for later cycles does not run in the first pass", () => {
    const body = [discharge(cRate(1), [below(2.3)]), afterCycles([10, 60], [eis()]), discharge(cRate(1), [below(2.3)]), charge(cRate(1), [above(3.9)])];
    expect(run(loop(60, body)).map((d) => d.code)).toEqual(["BTP4010"]);
  });

  it("does not run a cycle action in the first pass unless it lists cycle 1", () => {
    const body = [discharge(cRate(1), [below(2.3)]), charge(cRate(1), [above(3.9)]), afterCycles([5], [charge(cRate(1), [above(3.9)])])];
    // The action's charge follows a charge to 3.9 V in whatever pass it runs.
    expect(run(loop(10, body)).map((d) => d.code)).toEqual(["BTP4010"]);
    // In a one-pass loop, `after cycle 5` never runs, so nothing is reported.
    expect(run(loop(1, [charge(cRate(1), [above(3.9)]), afterCycles([5], [charge(cRate(1), [above(3.9)])])]))).toEqual([]);
  });

  it("reports a step once although pass 1 and later passes both see it", () => {
    const found = run(charge(cRate(1), [above(3.9)]), loop(10, [charge(cRate(1), [above(3.9)])]));
    expect(found).toHaveLength(1);
  });

  it("ignores stops and nested loops keep working", () => {
    const inner = loop(5, [charge(cRate(1), [above(3.9)]), discharge(cRate(1), [below(2.3)])]);
    const found = run(loop(100, [inner, stop(), discharge(cRate(1), [below(2.3)])]));
    expect(found.map((d) => d.message)).toEqual([
      "this discharge at 1C ends at once: its cut-off 2.3 V is at or above where the cell already is (at 2.3 V)",
    ]);
  });

  it("analyses a 10,000-pass loop without unrolling it", () => {
    const started = performance.now();
    const found = run(loop(10_000, [charge(cRate(5), [above(3.9)]), discharge(cRate(5), [below(2.3)])]));
    expect(found).toEqual([]);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("stays fast on deeply nested loops (no pass-doubling per level)", () => {
    let body: Parameters<typeof protocol>[0] = [charge(cRate(1), [above(3.9)]), discharge(cRate(1), [below(2.3)]), hold(2.3, [forTime(60)])];
    for (let depth = 0; depth < 60; depth++) body = [loop(2, body), discharge(cRate(1), [below(2.0 - depth / 100)])];
    const started = performance.now();
    checkVoltageState(protocol(body));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
