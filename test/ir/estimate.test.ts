import { describe, expect, it } from "vitest";
import { estimateProtocol } from "../../src/ir/estimate.js";
import * as b from "./build-ir.js";

const { HOUR, MAH } = b;
const RATES = [0.5, 1, 2, 5, 10, 15, 20, 30];

/** Rate test of Shen et al. Fig. 3e: 60 °C (2 h settle), 8 rates × 5 cycles, 2.3–3.9 V. */
function rateTest() {
  return b.protocol([
    b.temperature(60, 2 * HOUR),
    ...RATES.map((r) =>
      b.group(`rate = ${r}C`, [
        b.loop(5, [b.charge(b.cRate(r), b.untilVolts(3.9)), b.discharge(b.cRate(r), b.untilVolts(2.3))]),
      ]),
    ),
  ]);
}

describe("estimateProtocol: a rate test (8 rates × 5 cycles)", () => {
  const estimate = estimateProtocol(rateTest());

  it("expects each voltage-limited half-cycle to pass the nominal capacity: 1/r hours at r C", () => {
    const expectedHours = 2 + RATES.reduce((sum, r) => sum + (5 * 2) / r, 0); // 2 h settle + 39.5 h
    expect(estimate.duration.expected / HOUR).toBeCloseTo(expectedHours, 9);
    expect(estimate.duration.expected / HOUR).toBeCloseTo(41.5, 9);
    // Voltage cut-offs may be reached at once, and nothing bounds them from above.
    expect(estimate.duration.min).toBe(2 * HOUR);
    expect(estimate.duration.max).toBeNull();
  });

  it("counts step executions, cycles and charge throughput by multiplication", () => {
    expect(estimate.stepExecutions).toBe(1 + 8 * 5 * 2);
    expect(estimate.cycles).toBe(40);
    // 80 half-cycles each pass 0.294 mAh.
    expect(estimate.expectedChargeThroughput / MAH).toBeCloseTo(80 * 0.294, 9);
    expect(estimate.chargeThroughput.charge / MAH).toBeCloseTo(40 * 0.294, 9);
    expect(estimate.chargeThroughput.discharge / MAH).toBeCloseTo(40 * 0.294, 9);
  });

  it("keys per-node estimates by id, with passes and per-pass and total durations", () => {
    const charge05 = estimate.nodes.get("2.1.1")!;
    expect(charge05.kind).toBe("constantCurrent");
    expect(charge05.passes).toEqual({ min: 5, expected: 5 });
    expect(charge05.perPass.expected).toBeCloseTo(2 * HOUR, 6);
    expect(charge05.total.expected).toBeCloseTo(10 * HOUR, 6);
    expect(charge05.step?.current).toBeCloseTo(0.000147, 12);
    expect(charge05.step?.basis).toEqual(["nominal-capacity"]);

    const loop30 = estimate.nodes.get("9.1")!;
    expect(loop30.kind).toBe("loop");
    expect(loop30.passes.expected).toBe(1);
    expect(loop30.perPass.expected / HOUR).toBeCloseTo(10 / 30, 9);
    expect(loop30.stepExecutions).toBe(10);

    const settle = estimate.nodes.get("1")!;
    expect(settle.perPass).toEqual({ min: 2 * HOUR, expected: 2 * HOUR, max: 2 * HOUR });
    // Every node of the tree has an estimate: 1 + 8 groups × (group, loop, 2 steps).
    expect(estimate.nodes.size).toBe(1 + 8 * 4);
  });

  it("names the unbounded steps and the assumptions used", () => {
    expect(estimate.unboundedSteps).toHaveLength(16);
    expect(estimate.unboundedSteps[0]).toBe("2.1.1");
    expect(estimate.assumptions).toContain("nominal-capacity");
  });
});

describe("estimateProtocol: long loops are never expanded", () => {
  function longCycling(count: number) {
    return b.protocol([
      b.loop(count, [
        b.charge(b.cRate(5), b.untilVolts(3.9), b.forSeconds(15 * 60)),
        b.discharge(b.cRate(5), b.untilVolts(2.3), b.forSeconds(15 * 60)),
      ]),
    ]);
  }

  it("a 10,000-cycle loop is 10,000 × its body", () => {
    const started = performance.now();
    const estimate = estimateProtocol(longCycling(10_000));
    expect(performance.now() - started).toBeLessThan(50);
    // At 5C a half-cycle is expected to take 12 min, capped at 15 min by its time end.
    expect(estimate.duration.expected).toBeCloseTo(10_000 * 2 * 12 * 60, 3);
    expect(estimate.duration.max).toBeCloseTo(10_000 * 2 * 15 * 60, 3);
    expect(estimate.duration.min).toBe(0);
    expect(estimate.stepExecutions).toBe(20_000);
    expect(estimate.cycles).toBe(10_000);
    expect(estimate.expectedChargeThroughput / MAH).toBeCloseTo(20_000 * 0.294, 6);
    expect(estimate.nodes.get("1.1")!.passes.expected).toBe(10_000);
  });

  it("costs the same for a billion passes as for ten", () => {
    const started = performance.now();
    const billion = estimateProtocol(longCycling(1e9));
    expect(performance.now() - started).toBeLessThan(50);
    const ten = estimateProtocol(longCycling(10));
    expect(billion.duration.expected / ten.duration.expected).toBeCloseTo(1e8, 3);
    expect(billion.stepExecutions).toBe(2e9);
  });

  it("an until-loop is sure of one pass and runs at most its count", () => {
    const ir = b.protocol([
      b.loop(
        10_000,
        [b.charge(b.cRate(5), b.forSeconds(720)), b.discharge(b.cRate(5), b.forSeconds(720))],
        b.fadeCondition(),
      ),
    ]);
    const estimate = estimateProtocol(ir);
    expect(estimate.duration).toEqual({ min: 1440, expected: 10_000 * 1440, max: 10_000 * 1440 });
    expect(estimate.nodes.get("1.1")!.passes).toEqual({ min: 1, expected: 10_000 });
    expect(estimate.nodes.get("1")!.perPass.min).toBe(1440);
  });
});

describe("estimateProtocol: cycle actions", () => {
  /** Shen et al. Fig. S9: EIS before cycling and after cycles 10 and 60 of a symmetric cell. */
  function eisDuringCycling(cycles: number[]) {
    const j = b.currentDensity(0.2);
    return b.protocol(
      [
        b.eis(),
        b.loop(60, [
          b.charge(j, b.forSeconds(2 * HOUR)),
          b.discharge(j, b.forSeconds(2 * HOUR)),
          b.afterCycles(cycles, [b.rest(600), b.eis()]),
        ]),
      ],
      { cell: b.symmetricCell() },
    );
  }

  /** Reference: 81 points from 1 MHz to 10 mHz at 10/decade, max(2 periods, 1 s) each. */
  function eisSeconds(): number {
    let total = 0;
    for (let k = 0; k <= 80; k++) total += Math.max(2 / (1e6 * 10 ** (-k / 10)), 1);
    return total;
  }

  it("runs `after cycle 10, 60` in two of the 60 passes", () => {
    const estimate = estimateProtocol(eisDuringCycling([10, 60]));
    const eis = eisSeconds();
    expect(estimate.duration.expected).toBeCloseTo(eis + 60 * 4 * HOUR + 2 * (600 + eis), 6);
    // Every step here ends on time alone, and EIS is bounded by its model.
    expect(estimate.duration.max).not.toBeNull();
    expect(estimate.nodes.get("2.3")!.passes).toEqual({ min: 2, expected: 2 });
    expect(estimate.nodes.get("2.3.2")!.passes).toEqual({ min: 2, expected: 2 });
    expect(estimate.nodes.get("2.3.2")!.perPass.expected).toBeCloseTo(eis, 6);
    expect(estimate.stepExecutions).toBe(1 + 120 + 4);
    expect(estimate.cycles).toBe(60);
  });

  it("ignores listed cycles beyond the loop's count and duplicates", () => {
    const estimate = estimateProtocol(eisDuringCycling([10, 60, 61, 100, 10]));
    expect(estimate.nodes.get("2.3")!.passes.expected).toBe(2);
  });

  it("runs `every N cycles` in ⌊count / N⌋ passes, nested ones in the common multiples", () => {
    const ir = b.protocol([
      b.loop(100, [b.rest(1), b.everyCycles(7, [b.rest(10)]), b.everyCycles(4, [b.everyCycles(10, [b.rest(100)])])]),
    ]);
    const estimate = estimateProtocol(ir);
    expect(estimate.nodes.get("1.2.1")!.passes.expected).toBe(14);
    expect(estimate.nodes.get("1.3.1.1")!.passes.expected).toBe(5); // every 20th pass
    expect(estimate.duration.expected).toBe(100 * 1 + 14 * 10 + 5 * 100);
  });

  it("an early-ending loop is sure only of the actions of its first pass", () => {
    const ir = b.protocol([
      b.loop(
        50,
        [b.rest(60), b.afterCycles([1, 20], [b.rest(5)]), b.afterCycles([20], [b.rest(7)])],
        b.fadeCondition(),
      ),
    ]);
    const estimate = estimateProtocol(ir);
    expect(estimate.nodes.get("1.2.1")!.passes).toEqual({ min: 1, expected: 2 });
    expect(estimate.nodes.get("1.3.1")!.passes).toEqual({ min: 0, expected: 1 });
    expect(estimate.duration.min).toBe(60 + 5);
  });
});

describe("estimateProtocol: symmetric-cell plating/stripping", () => {
  const densities = [0.2, 0.4, 0.6];
  const ir = b.protocol(
    densities.map((j) =>
      b.group(`j = ${j} mA/cm2`, [
        b.loop(10, [
          b.charge(b.currentDensity(j), b.forSeconds(2 * HOUR)),
          b.discharge(b.currentDensity(j), b.forSeconds(2 * HOUR)),
        ]),
      ]),
    ),
    { cell: b.symmetricCell() },
  );
  const estimate = estimateProtocol(ir);

  it("is exact when every step ends on time", () => {
    expect(estimate.duration).toEqual({ min: 120 * HOUR, expected: 120 * HOUR, max: 120 * HOUR });
    expect(estimate.unboundedSteps).toEqual([]);
    expect(estimate.assumptions).toEqual(["fixed"]);
  });

  it("passes j × area × 2 h per step", () => {
    // Σ over densities of 20 steps × j mA/cm² × 1.13 cm² × 2 h.
    const mAh = densities.reduce((sum, j) => sum + 20 * j * 1.13 * 2, 0);
    expect(estimate.expectedChargeThroughput / MAH).toBeCloseTo(mAh, 9);
    expect(estimate.chargeThroughput.charge).toBeCloseTo(estimate.chargeThroughput.discharge, 12);
    expect(estimate.cycles).toBe(30);
  });
});

describe("estimateProtocol: stop", () => {
  it("costs nothing but lets the test end after the first pass of its loop", () => {
    const ir = b.protocol([
      b.loop(100, [b.charge(b.cRate(1), b.forSeconds(HOUR)), b.discharge(b.cRate(1), b.forSeconds(HOUR)), b.stop()]),
      b.rest(HOUR),
    ]);
    const estimate = estimateProtocol(ir);
    expect(estimate.duration).toEqual({ min: 2 * HOUR, expected: 201 * HOUR, max: 201 * HOUR });
    expect(estimate.nodes.get("1.3")!.total.expected).toBe(0);
    // The rest after the loop may never run.
    expect(estimate.nodes.get("2")!.passes).toEqual({ min: 0, expected: 1 });
  });

  it("inside `after cycle 10` can first fire at the end of pass 10", () => {
    const ir = b.protocol([b.loop(100, [b.rest(60), b.afterCycles([10, 50], [b.stop()])]), b.rest(HOUR)]);
    const estimate = estimateProtocol(ir);
    expect(estimate.duration.min).toBe(10 * 60);
    expect(estimate.nodes.get("1.1")!.passes).toEqual({ min: 10, expected: 100 });
  });

  it("that can never run does not shorten anything", () => {
    const ir = b.protocol([
      b.loop(5, [b.rest(60), b.afterCycles([10], [b.stop()])]),
      b.loop(0, [b.stop()]),
      b.rest(HOUR),
    ]);
    expect(estimateProtocol(ir).duration.min).toBe(5 * 60 + HOUR);
  });

  it("at the top level ends the test where it stands", () => {
    const ir = b.protocol([b.rest(HOUR), b.stop(), b.rest(HOUR)]);
    expect(estimateProtocol(ir).duration).toEqual({ min: HOUR, expected: 2 * HOUR, max: 2 * HOUR });
  });

  it("inside a nested loop may skip the rest of the outer pass", () => {
    const ir = b.protocol([b.loop(10, [b.loop(5, [b.rest(60), b.stop()]), b.rest(600)])]);
    const estimate = estimateProtocol(ir);
    expect(estimate.duration.min).toBe(60);
    expect(estimate.duration.expected).toBe(10 * (5 * 60 + 600));
    expect(estimate.nodes.get("1.2")!.passes).toEqual({ min: 0, expected: 10 });
  });
});

describe("estimateProtocol: edge cases", () => {
  it("an empty protocol takes no time", () => {
    const estimate = estimateProtocol(b.protocol([]));
    expect(estimate.duration).toEqual({ min: 0, expected: 0, max: 0 });
    expect(estimate.stepExecutions).toBe(0);
    expect(estimate.cycles).toBe(0);
  });

  it("a zero-count loop and a cycle action outside any loop run nothing", () => {
    const ir = b.protocol([
      b.loop(0, [b.rest(60)]),
      b.afterCycles([10], [b.rest(60)]),
      b.afterCycles([1], [b.rest(5)]),
    ]);
    const estimate = estimateProtocol(ir);
    expect(estimate.duration).toEqual({ min: 5, expected: 5, max: 5 });
    expect(estimate.nodes.get("1.1")!.passes.expected).toBe(0);
    expect(estimate.nodes.get("1.1")!.total.max).toBe(0);
  });

  it("a step that never runs does not make the test unbounded", () => {
    const ir = b.protocol([b.loop(5, [b.rest(60), b.afterCycles([6], [b.charge(b.cRate(1), b.untilVolts(3.9))])])]);
    const estimate = estimateProtocol(ir);
    expect(estimate.duration.max).toBe(300);
    expect(estimate.unboundedSteps).toEqual([]);
  });
});
