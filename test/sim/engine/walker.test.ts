// Loops, cycle actions, until and stop conditions, cycle numbering, temperature steps.

import { describe, expect, it } from "vitest";
import { simulate } from "../../../src/sim/index.js";
import * as b from "../builder.js";

const cell = b.nvpCell();
const fast = b.cRate(cell, 5);
const cycle = () => [b.charge(fast, [b.above(3.9)]), b.discharge(fast, [b.below(2.3)])];

describe("loops and cycles", () => {
  it("numbers each pass of an innermost loop as a cycle, and a rest before it joins cycle 1", () => {
    const sink = new b.CollectingSink();
    simulate(b.protocol(cell, [b.rest([b.seconds(60)]), b.loop(3, cycle()), b.rest([b.seconds(60)])]), { summaryOnly: true }, sink);
    expect(sink.steps.map((s) => s.cycle)).toEqual([1, 1, 1, 2, 2, 3, 3, 3]);
    expect(sink.cycles.map((c) => c.cycle)).toEqual([1, 2, 3]);
  });

  it("starts a new cycle at a charge that follows a discharge outside loops", () => {
    const sink = new b.CollectingSink();
    simulate(b.protocol(cell, [...cycle(), ...cycle(), b.discharge(fast, [b.below(2.3)])]), { summaryOnly: true }, sink);
    expect(sink.steps.map((s) => s.cycle)).toEqual([1, 1, 2, 2, 2]);
  });

  it("runs cycle actions in the passes they name", () => {
    const sink = new b.CollectingSink();
    simulate(
      b.protocol(cell, [b.loop(6, [...cycle(), b.afterCycles([2, 5], [b.rest([b.seconds(1)])]), b.everyCycles(3, [b.eis(1e5, 1, 5)])])]),
      { summaryOnly: true },
      sink,
    );
    const rests = sink.steps.filter((s) => s.stepType === "REST").map((s) => s.cycle);
    expect(rests).toEqual([2, 5]);
    expect(sink.spectra.map((s) => s.cycle)).toEqual([3, 6]);
  });

  it("ends a repeat-until loop when the discharge capacity falls below a share of cycle 1", () => {
    const sink = new b.SummarySink();
    const result = simulate(
      b.protocol(cell, [b.loop(10000, cycle(), b.dischargeBelowFractionOf(0.95, 1)), b.rest([b.seconds(10)])]),
      { summaryOnly: true },
      sink,
    );
    // The rest after the loop carries no current, so it joins the last pass's cycle.
    expect(sink.cycles.length).toBeLessThan(10000);
    expect(sink.cycles.at(-1)!.dischargeCapacity / sink.cycles[0]!.dischargeCapacity).toBeLessThan(0.95);
    expect(sink.cycles.at(-2)!.dischargeCapacity / sink.cycles[0]!.dischargeCapacity).toBeGreaterThanOrEqual(0.95);
    expect(result.stoppedEarly).toBeNull();
    expect(result.stepsRun).toBe(2 * sink.cycles.length + 1);
  });

  it("stops the whole test on a stop condition, with an info diagnostic", () => {
    const sink = new b.SummarySink();
    const result = simulate(
      b.protocol(cell, [b.loop(10000, [...cycle(), b.stopWhen(b.dischargeBelowFractionOf(0.97, 1))]), b.rest([b.hours(1)])]),
      { summaryOnly: true },
      sink,
    );
    expect(result.stoppedEarly?.reason).toBe("stop");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP7009"]);
    expect(sink.cycles.at(-1)!.dischargeCapacity).toBeGreaterThan(0); // the rest never ran
  });

  it("walks loops without unrolling them: a 10,000-cycle loop keeps no rows in memory", () => {
    let rows = 0;
    const before = process.memoryUsage().heapUsed;
    const result = simulate(b.protocol(cell, [b.loop(3000, cycle())]), {}, { row: () => rows++ });
    const grown = process.memoryUsage().heapUsed - before;
    expect(result.cycles).toBe(3000);
    expect(rows).toBeGreaterThan(100 * 3000);
    expect(grown).toBeLessThan(60e6);
  });
});

describe("temperature", () => {
  it("settles the cell towards a new set-point with the chamber's lag", () => {
    const sink = new b.CollectingSink();
    simulate(b.protocol(cell, [b.temperature(60, 7200), b.charge(fast, [b.above(3.9)], { ambientCelsius: 60 })]), {}, sink);
    const settle = sink.steps[0]!;
    expect(settle.stepType).toBe("TEMPERATURE");
    expect(settle.endTime).toBeCloseTo(7200, 9);
    expect(settle.cellTemperature - 273.15).toBeGreaterThan(59);
    expect(settle.cellTemperature - 273.15).toBeLessThan(60);
    const temperatures = sink.rows.filter((r) => r.step === 1).map((r) => r.cellTemperature);
    expect(temperatures[0]).toBeCloseTo(298.15, 9);
    expect(new Set(temperatures).size).toBeGreaterThan(10);
    expect(sink.rows.at(-1)!.ambientTemperature).toBe(333.15);
  });

  it("waits for a stable temperature when asked to", () => {
    const sink = new b.CollectingSink();
    simulate(b.protocol(cell, [b.temperature(-20, "stable")]), {}, sink);
    expect(sink.steps[0]!.endReason).toBe("temperature");
    expect(Math.abs(sink.steps[0]!.cellTemperature - 253.15)).toBeLessThan(0.1 + 1e-6);
  });

  it("starts the cell at the first step's ambient when the protocol sets no temperature step", () => {
    const sink = new b.CollectingSink();
    simulate(b.protocol(cell, [b.rest([b.seconds(10)], { ambientCelsius: -20 })]), {}, sink);
    expect(sink.rows[0]!.cellTemperature).toBeCloseTo(253.15, 9);
  });
});
