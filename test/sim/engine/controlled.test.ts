// Holds, CC-CV, constant power, sweeps and voltammetry.

import { describe, expect, it } from "vitest";
import { simulate } from "../../../src/sim/index.js";
import * as b from "../builder.js";

const cell = b.nvpCell();
const oneC = b.cRate(cell, 1);

describe("voltage holds", () => {
  it("CC-CV: charges to the voltage, holds it, and ends when the current has tapered to C/20", () => {
    const sink = new b.CollectingSink();
    simulate(b.protocol(cell, [b.ccCv("charge", 5 * oneC, 3.9, [b.currentBelow(oneC / 20, "C/20")])]), {}, sink);
    const step = sink.steps[0]!;
    expect(step.stepType).toBe("CCCV_CHG");
    expect(step.endReason).toBe("current");
    expect(step.endCurrent).toBeGreaterThan(0);
    expect(Math.abs(step.endCurrent - oneC / 20) / (oneC / 20)).toBeLessThan(0.05);
    const holdRows = sink.rows.filter((r) => r.current < 5 * oneC - 1e-12);
    expect(holdRows.length).toBeGreaterThan(5);
    for (const r of holdRows) expect(r.voltage).toBeCloseTo(3.9, 6);
    // The current never exceeds the CC current (the channel's limit during the CV part).
    expect(Math.max(...sink.rows.map((r) => r.current))).toBeLessThanOrEqual(5 * oneC + 1e-15);
  });

  it("CC-CV charges more than CC alone, and the CV part is accurate to the sub-step rule", () => {
    const capacityAfter = (charge: ReturnType<typeof b.ccCv> | ReturnType<typeof b.charge>): number => {
      const sink = new b.SummarySink();
      simulate(b.protocol(cell, [b.loop(2, [charge, b.discharge(5 * oneC, [b.below(2.3)])])]), { summaryOnly: true }, sink);
      return sink.cycles[1]!.dischargeCapacity;
    };
    const cc = capacityAfter(b.charge(5 * oneC, [b.above(3.9)]));
    const cccv = capacityAfter(b.ccCv("charge", 5 * oneC, 3.9, [b.currentBelow(oneC / 20)]));
    expect(cccv).toBeGreaterThan(cc * 1.05);
  });

  it("holds relative to the open-circuit voltage", () => {
    const sink = new b.CollectingSink();
    simulate(b.protocol(cell, [b.charge(oneC, [b.seconds(1800)]), b.rest([b.hours(2)]), b.holdAboveOcv(0.05, [b.seconds(600)])]), {}, sink);
    const hold = sink.steps[2]!;
    expect(hold.stepType).toBe("CV_CHG");
    expect(hold.endReason).toBe("time");
    expect(hold.endVoltage - sink.steps[1]!.endVoltage).toBeCloseTo(0.05, 6);
  });

  it("limits the current to the protocol's maximum, as the instrument's channel would", () => {
    const sink = new b.CollectingSink();
    simulate(
      b.protocol(cell, [b.charge(oneC, [b.seconds(1800)]), b.hold(3.9, [b.seconds(600)], { limits: { current: { max: oneC } } })]),
      {},
      sink,
    );
    const hold = sink.steps[1]!;
    expect(hold.startCurrent).toBeCloseTo(oneC, 12);
    expect(Math.max(...sink.rows.filter((r) => r.step === 2).map((r) => r.current))).toBeLessThanOrEqual(oneC * (1 + 1e-12));
    expect(hold.endVoltage).toBeLessThan(3.9); // the limited current cannot bring it there in 10 min
  });
});

describe("constant power", () => {
  it("discharges at constant I·V until the cut-off", () => {
    const sink = new b.CollectingSink();
    const watts = 3.3 * oneC;
    simulate(b.protocol(cell, [b.charge(oneC, [b.above(3.9)]), b.power("discharge", watts, [b.below(2.5)])]), {}, sink);
    const step = sink.steps[1]!;
    expect(step.stepType).toBe("CP_DCH");
    expect(step.endReason).toBe("voltage");
    expect(step.endVoltage).toBeCloseTo(2.5, 2);
    for (const r of sink.rows.filter((x) => x.step === 2 && x.time > step.startTime)) expect(r.current * r.voltage).toBeCloseTo(-watts, 9);
    expect(step.dischargeEnergy).toBeCloseTo(watts * (step.endTime - step.startTime), 6);
  });
});

describe("sweeps", () => {
  it("runs cyclic voltammetry on a full cell: anodic and cathodic peaks at the plateau", () => {
    const sink = new b.CollectingSink();
    simulate(b.protocol(cell, [b.cv(3.0, 3.8, 1e-4, 2)]), {}, sink);
    const points = sink.voltammograms[0]!;
    expect(points[0]!.potential).toBeCloseTo(3.001, 9); // the end of the first 1 mV sub-step
    expect(new Set(points.map((p) => p.sweepCycle))).toEqual(new Set([1, 2]));
    const second = points.filter((p) => p.sweepCycle === 2);
    const anodic = second.reduce((best, p) => (p.current > best.current ? p : best));
    const cathodic = second.reduce((best, p) => (p.current < best.current ? p : best));
    expect(anodic.potential).toBeGreaterThan(3.37);
    expect(cathodic.potential).toBeLessThan(3.37);
    expect(anodic.potential - cathodic.potential).toBeLessThan(0.3);
    expect(sink.steps[0]!.endTime).toBeCloseTo(32000, 6); // (0.8 V up + 0.8 V down) × 2 at 0.1 mV/s
  });

  it("sweeps a linear-sweep cell from open circuit to 6.5 V", () => {
    const lsv = b.lsvCell();
    const sink = new b.CollectingSink();
    simulate(b.protocol(lsv, [b.lsv("ocv", 6.5, 1e-4)]), {}, sink);
    const points = sink.voltammograms[0]!;
    expect(points[0]!.potential).toBeCloseTo(2.5 + 1e-3, 9);
    expect(points.at(-1)!.potential).toBeCloseTo(6.5, 9);
    expect(points.at(-1)!.current).toBeGreaterThan(points[0]!.current * 100);
  });
});
