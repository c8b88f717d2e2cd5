// The public API: simulate() on hand-built protocols, its guarantees and its refusals.

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/sim/index.js";
import type { TraceRow } from "../../src/sim/types.js";
import * as b from "./builder.js";

const cell = b.nvpCell();
const amps = b.cRate(cell, 5);
const cycles = (n: number) =>
  b.protocol(cell, [b.loop(n, [b.charge(amps, [b.above(3.9)]), b.rest([b.seconds(120)]), b.discharge(amps, [b.below(2.3)])])]);

function traceHash(rows: TraceRow[]): string {
  const hash = createHash("sha256");
  for (const r of rows) hash.update(`${r.time},${r.voltage},${r.current},${r.step},${r.chargeCapacity},${r.dischargeCapacity}\n`);
  return hash.digest("hex");
}

describe("simulate()", () => {
  it("is deterministic: the same protocol and parameters give a bit-identical trace", () => {
    const first = new b.CollectingSink();
    const second = new b.CollectingSink();
    simulate(cycles(5), {}, first);
    simulate(cycles(5), {}, second);
    expect(first.rows.length).toBeGreaterThan(500);
    expect(traceHash(second.rows)).toBe(traceHash(first.rows));
  });

  it("gives the same per-cycle summary with and without the trace", () => {
    const full = new b.CollectingSink();
    const summary = new b.CollectingSink();
    simulate(cycles(20), {}, full);
    const result = simulate(cycles(20), { summaryOnly: true }, summary);
    expect(summary.rows).toEqual([]);
    expect(result.rowsWritten).toBe(0);
    expect(summary.cycles).toEqual(full.cycles);
    expect(summary.steps).toEqual(full.steps);
  });

  it("keeps charge and energy books that agree with the trace", () => {
    const sink = new b.CollectingSink();
    simulate(cycles(2), {}, sink);
    const last = sink.rows.at(-1)!;
    const charged = sink.cycles.reduce((s, c) => s + c.chargeCapacity, 0);
    expect(last.chargeCapacity).toBeCloseTo(charged, 12);
    for (const step of sink.steps.filter((s) => s.stepType === "CC_CHG")) {
      expect(step.chargeCapacity).toBeCloseTo(amps * (step.endTime - step.startTime), 12);
      // Energy = ∫V·I dt: between the start and end voltages times the charge.
      expect(step.chargeEnergy / step.chargeCapacity).toBeGreaterThan(3.3);
      expect(step.chargeEnergy / step.chargeCapacity).toBeLessThan(3.9);
    }
    const c = sink.cycles[1]!;
    expect(c.coulombicEfficiency).toBeGreaterThan(0.99);
    expect(c.meanDischargeVoltage!).toBeLessThan(c.meanChargeVoltage!);
    expect(c.endOfChargeVoltage).toBeCloseTo(3.9, 6);
    expect(c.endOfDischargeVoltage).toBeCloseTo(2.3, 6);
  });

  it("reports progress from 0 to 1, a bounded number of times", () => {
    const seen: number[] = [];
    simulate(cycles(300), { summaryOnly: true, onProgress: (f) => seen.push(f) }, new b.SummarySink());
    expect(seen.length).toBeLessThanOrEqual(202);
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
  });

  it("never lets a non-finite number out: the model failure stops the run with BTP7006", () => {
    const sink = new b.CollectingSink();
    const result = simulate(cycles(2), { cellParameters: { sodiumExchangeCurrentDensity: 1e-320 } }, sink);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP7006"]);
    expect(result.stoppedEarly?.reason).toBe("error");
    for (const r of sink.rows) expect(Number.isFinite(r.voltage) && Number.isFinite(r.current)).toBe(true);
  });

  it("refuses a protocol without a cell, a bad tolerance and a runaway loop count", () => {
    expect(simulate(b.protocol(null, [b.rest([b.seconds(1)])]), {}, new b.CollectingSink()).diagnostics[0]!.code).toBe("BTP7001");
    expect(simulate(cycles(1), { tolerance: 0 }, new b.CollectingSink()).diagnostics[0]!.code).toBe("BTP7016");
    const runaway = simulate(cycles(10_000_000), {}, new b.CollectingSink());
    expect(runaway.diagnostics[0]!.code).toBe("BTP7007");
    expect(runaway.stepsRun).toBe(0);
  });

  it("refuses cell parameters that are missing or negative, before running anything", () => {
    const sink = new b.CollectingSink();
    const result = simulate(cycles(1), { cellParameters: { electrolyteThickness: -1, modeWeight: Number.NaN } }, sink);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(["BTP7010", "BTP7011"]);
    expect(sink.rows).toEqual([]);
  });

  it("runs every kind of step: pause, open circuit, EIS with a bias, power and a voltage hold", () => {
    const sink = new b.CollectingSink();
    const result = simulate(
      b.protocol(cell, [
        b.pause("move the cell"),
        b.openCircuit([b.seconds(60)]),
        b.eisAtCurrent(amps / 10),
        b.power("charge", 3.5 * amps, [b.above(3.9)]),
        b.hold(3.9, [b.seconds(300)]),
        b.discharge(amps, [b.below(2.3)]),
      ]),
      {},
      sink,
    );
    expect(result.diagnostics).toEqual([]);
    expect(sink.steps.map((s) => [s.stepType, s.endReason])).toEqual([
      ["PAUSE", "complete"],
      ["OCV", "time"],
      ["EIS", "complete"],
      ["CP_CHG", "voltage"],
      ["CV_CHG", "time"],
      ["CC_DCH", "voltage"],
    ]);
    expect(sink.spectra[0]!.dcCurrent).toBeCloseTo(amps / 10, 12);
  });
});

describe("other cell kinds", () => {
  it("charges a blocking cell like a capacitor behind its bulk resistance", () => {
    const sink = new b.CollectingSink();
    const result = simulate(b.protocol(b.blockingCell(), [b.charge(1e-6, [b.seconds(10)])]), {}, sink);
    const p = result.parameters!;
    const bulk = p.electrolyteThickness / (p.electrolyteConductivity * p.electrolyteArea);
    const end = sink.steps[0]!;
    expect(end.endVoltage).toBeCloseTo(1e-6 * bulk + (1e-6 * 10) / p.blockingCpe, 9);
  });

  it("plates and strips Na in a symmetric cell with a small, symmetric polarisation", () => {
    const sink = new b.CollectingSink();
    const symmetric = b.symmetricCell("CGE");
    const j = 1e-4 * 1.131; // 0.1 mA/cm² on 1.131 cm²
    simulate(b.protocol(symmetric, [b.loop(70, [b.charge(j, [b.hours(1)]), b.discharge(j, [b.hours(1)])])]), { summaryOnly: true }, sink);
    const last = sink.steps.at(-1)!;
    expect(last.endVoltage).toBeCloseTo(-sink.steps.at(-2)!.endVoltage, 9);
    expect(Math.abs(last.endVoltage)).toBeCloseTo(0.019, 3);
    expect(sink.cycles.at(-1)!.retention).toBeNull();
  });
});
