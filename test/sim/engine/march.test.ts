// Exact stepping: cut-offs located to the microvolt, exact time and capacity ends, and a trace
// whose straight lines stay within the tolerance of the model curve.

import { describe, expect, it } from "vitest";
import { LumpedCell } from "../../../src/sim/model/lumped-cell.js";
import { simulate } from "../../../src/sim/index.js";
import * as b from "../builder.js";

const cell = b.nvpCell();

describe("constant-current steps", () => {
  it("ends exactly at the voltage cut-off and records which end fired", () => {
    const sink = new b.CollectingSink();
    simulate(
      b.protocol(cell, [b.charge(b.cRate(cell, 2), [b.above(3.9), b.hours(10)]), b.discharge(b.cRate(cell, 2), [b.below(2.3)])]),
      {},
      sink,
    );
    expect(sink.steps.map((s) => s.endReason)).toEqual(["voltage", "voltage"]);
    expect(sink.steps[0]!.endVoltage).toBeGreaterThanOrEqual(3.9);
    expect(sink.steps[0]!.endVoltage - 3.9).toBeLessThan(1e-6);
    expect(2.3 - sink.steps[1]!.endVoltage).toBeLessThan(1e-6);
    expect(sink.steps[0]!.endCondition).toBe("voltage ≥ 3.9 V");
  });

  it("ends exactly on time and on capacity", () => {
    const sink = new b.CollectingSink();
    const amps = b.cRate(cell, 1);
    simulate(
      b.protocol(cell, [b.charge(amps, [b.seconds(1234.5), b.above(3.9)]), b.discharge(amps, [b.capacity(0.2), b.below(2.3)])]),
      {},
      sink,
    );
    const [charge, discharge] = sink.steps;
    expect(charge!.endReason).toBe("time");
    expect(charge!.endTime - charge!.startTime).toBeCloseTo(1234.5, 9);
    expect(charge!.chargeCapacity).toBeCloseTo(amps * 1234.5, 12);
    expect(discharge!.endReason).toBe("capacity");
    expect(discharge!.dischargeCapacity).toBeCloseTo(0.2, 12);
  });

  it("ends at once when the cell is already past the cut-off", () => {
    const sink = new b.CollectingSink();
    simulate(b.protocol(cell, [b.discharge(b.cRate(cell, 1), [b.below(3.0)])]), {}, sink);
    expect(sink.steps[0]!.endReason).toBe("voltage");
    expect(sink.steps[0]!.endTime).toBe(0);
    expect(sink.rows).toHaveLength(1);
  });

  it("samples so that straight lines between rows stay within the tolerance of the model", () => {
    for (const tolerance of [0.002, 0.0005]) {
      const sink = new b.CollectingSink();
      const amps = b.cRate(cell, 5);
      const ir = b.protocol(cell, [
        b.loop(20, [b.charge(amps, [b.above(3.9)]), b.rest([b.seconds(600)]), b.discharge(amps, [b.below(2.3)])]),
      ]);
      simulate(ir, { tolerance }, sink);
      // Replay each step on a fresh model and compare the chords with dense evaluations.
      const model = new LumpedCell(simulate(ir, { summaryOnly: true }, { row() {} }).parameters!, 298.15);
      let worst = 0;
      for (const step of sink.steps) {
        const rows = sink.rows.filter((r) => r.step === step.step);
        const current = rows[0]!.current;
        model.beginSegment(current);
        for (let i = 0; i + 1 < rows.length; i++) {
          const a = rows[i]!;
          const c = rows[i + 1]!;
          for (let k = 1; k < 8; k++) {
            const t = a.time + ((c.time - a.time) * k) / 8;
            const line = a.voltage + ((c.voltage - a.voltage) * k) / 8;
            worst = Math.max(worst, Math.abs(model.voltageAt(t - step.startTime) - line));
          }
        }
        model.commitSegment(step.endTime - step.startTime);
        model.endStep();
      }
      expect(worst, `tolerance ${tolerance}`).toBeLessThanOrEqual(tolerance);
    }
  });

  it("writes each step boundary twice: before and after the jump", () => {
    const sink = new b.CollectingSink();
    const amps = b.cRate(cell, 1);
    simulate(b.protocol(cell, [b.charge(amps, [b.seconds(600)]), b.rest([b.seconds(600)])]), {}, sink);
    const atBoundary = sink.rows.filter((r) => r.time === 600);
    expect(atBoundary).toHaveLength(2);
    expect(atBoundary[0]!.current).toBe(amps);
    expect(atBoundary[1]!.current).toBe(0);
    expect(atBoundary[0]!.voltage).toBeGreaterThan(atBoundary[1]!.voltage);
  });
});

describe("steps the model cannot finish", () => {
  it("stops a charge to a voltage the cell never reaches, with a warning naming the step", () => {
    const sink = new b.CollectingSink();
    const result = simulate(b.protocol(cell, [b.charge(b.cRate(cell, 1), [b.above(5.5)], { label: "overcharge" })]), {}, sink);
    expect(sink.steps[0]!.endReason).toBe("guard");
    const warning = result.diagnostics.find((d) => d.code === "BTP7003");
    expect(warning?.severity).toBe("warning");
    expect(warning?.message).toContain('step 1 "overcharge"');
    expect(warning?.message).toContain("fully charged");
    expect(sink.rows.every((r) => Number.isFinite(r.voltage))).toBe(true);
  });

  it("stops a rest that waits for an unreachable voltage after the duration bound", () => {
    const result = simulate(b.protocol(cell, [b.rest([b.above(4.5)])]), { maxStepDuration: 7200 }, new b.CollectingSink());
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP7004"]);
    expect(result.duration).toBeCloseTo(7200, 6);
  });

  it("stops the test at a safety limit, as a cycler would", () => {
    const sink = new b.CollectingSink();
    const amps = b.cRate(cell, 1);
    const result = simulate(
      b.protocol(cell, [
        b.charge(amps, [b.above(3.9)], { limits: { voltage: { min: 2.0, max: 3.6 } } }),
        b.discharge(amps, [b.below(2.3)]),
      ]),
      {},
      sink,
    );
    expect(sink.steps).toHaveLength(1);
    expect(sink.steps[0]!.endReason).toBe("limit");
    expect(sink.steps[0]!.endVoltage).toBeCloseTo(3.6, 6);
    expect(result.stoppedEarly?.reason).toBe("limit");
    expect(result.diagnostics[0]!.code).toBe("BTP7005");
  });
});
