import { describe, expect, it } from "vitest";
import { estimateStep, STABLE_SETTLE_SECONDS, TAPER_HOLD_SECONDS } from "../../src/ir/estimate.js";
import type { StepIR } from "../../src/ir/types.js";
import * as b from "./build-ir.js";

const { HOUR, MAH } = b;
const cell = b.nvpCell();

/** A step draft from the builder, numbered. */
function step(draft: b.Draft): StepIR {
  return b.protocol([draft]).body[0] as StepIR;
}

function base() {
  return { id: "1", span: b.SPAN, label: null, limits: {}, record: {}, ambient: null };
}

describe("estimateStep: constant current", () => {
  it("with a voltage cut-off: about Q / I, from 0, unbounded", () => {
    const e = estimateStep(step(b.charge(b.cRate(0.5), b.untilVolts(3.9))), cell);
    expect(e.duration).toEqual({ min: 0, expected: expect.closeTo(2 * HOUR, 6), max: null });
    expect(e.charge / MAH).toBeCloseTo(0.294, 9);
    expect(e.direction).toBe("charge");
  });

  it("a time end caps the expected figure and bounds the maximum", () => {
    const e = estimateStep(step(b.charge(b.cRate(0.5), b.untilVolts(3.9), b.forSeconds(HOUR))), cell);
    expect(e.duration).toEqual({ min: 0, expected: HOUR, max: HOUR });
    expect(e.basis).toEqual(["capped-by-end"]);
  });

  it("a capacity end fixes the time at Q_end / I", () => {
    const draft = b.discharge(b.cRate(1));
    const ir = step(draft) as Extract<StepIR, { kind: "constantCurrent" }>;
    ir.ends = [
      {
        kind: "capacity",
        coulombs: 0.147 * MAH,
        resolved: { si: 0.147 * MAH, text: "50 %", basis: "percent-of-nominal" },
        span: b.SPAN,
      },
    ];
    const e = estimateStep(ir, cell);
    expect(e.duration.min).toBeCloseTo(0.5 * HOUR, 6);
    expect(e.duration.max).toBeCloseTo(0.5 * HOUR, 6);
    expect(e.basis).toEqual(["fixed"]);
  });

  it("a capacity safety limit bounds the maximum", () => {
    const ir = step(b.charge(b.cRate(1), b.untilVolts(3.9)));
    ir.limits = { capacity: { max: 0.294 * 1.2 * MAH } };
    expect(estimateStep(ir, cell).duration.max).toBeCloseTo(1.2 * HOUR, 6);
  });

  it("without a nominal capacity nothing is expected beyond the minimum", () => {
    const e = estimateStep(step(b.charge({ si: 0.001, text: "1 mA" }, b.untilVolts(3.9))), null);
    expect(e.duration).toEqual({ min: 0, expected: 0, max: null });
    expect(e.basis).toEqual(["unknown"]);
  });
});

describe("estimateStep: holds, CC-CV, power", () => {
  it("CC-CV: the CC part at Q / I plus a 15 min taper hold", () => {
    const e = estimateStep(step(b.ccCv(b.cRate(1), 3.9, b.cRate(0.05))), cell);
    expect(TAPER_HOLD_SECONDS).toBe(900);
    expect(e.duration.expected).toBeCloseTo(HOUR + 900, 6);
    expect(e.duration.min).toBe(0);
    expect(e.duration.max).toBeNull();
    expect(e.basis).toEqual(["nominal-capacity", "taper-hold"]);
    // CV part: logarithmic mean of 0.294 mA and 0.0147 mA over 15 min.
    const meanMilliamps = (0.294 - 0.0147) / Math.log(0.294 / 0.0147);
    expect(e.charge / MAH).toBeCloseTo(0.294 + meanMilliamps * 0.25, 9);
  });

  it("a CV hold with a taper and a time end: 15 min expected, time-bounded", () => {
    const ir: StepIR = {
      kind: "constantVoltage",
      ...base(),
      voltage: { reference: "absolute", volts: 3.9, text: "3.9 V" },
      ends: [
        { kind: "current", comparator: "<", amperes: 1.47e-5, resolved: b.cRate(0.05), span: b.SPAN },
        { kind: "time", seconds: 2 * HOUR, span: b.SPAN },
      ],
    };
    expect(estimateStep(ir, cell).duration).toEqual({ min: 0, expected: 900, max: 2 * HOUR });
  });

  it("constant power turns into a current at the middle of the window", () => {
    const ir: StepIR = {
      kind: "constantPower",
      ...base(),
      direction: "discharge",
      power: { si: 0.00031, text: "0.31 mW" },
      ends: [b.untilVolts(2.3)],
    };
    const e = estimateStep(ir, cell);
    expect(e.assumedVoltage).toBeCloseTo(3.1, 12);
    expect(e.current).toBeCloseTo(0.0001, 12);
    expect(e.duration.expected).toBeCloseTo((0.294 / 0.1) * HOUR, 6);
  });
});

describe("estimateStep: techniques", () => {
  it("EIS: two periods a point, at least a second, summed over the points", () => {
    const e = estimateStep(step(b.eis()), cell);
    let expected = 0;
    let shortest = 0;
    for (let k = 0; k <= 80; k++) {
      const f = 1e6 * 10 ** (-k / 10);
      expected += Math.max(2 / f, 1);
      shortest += 1 / f;
    }
    expect(e.duration.expected).toBeCloseTo(expected, 6);
    expect(e.duration.min).toBeCloseTo(shortest, 6);
    expect(e.duration.max!).toBeGreaterThan(e.duration.expected);
    expect(e.basis).toEqual(["impedance-model"]);
  });

  it("EIS with an absurd point density still answers at once", () => {
    const ir = step(b.eis()) as Extract<StepIR, { kind: "eis" }>;
    ir.pointsPerDecade = 1e12;
    const started = performance.now();
    const e = estimateStep(ir, cell);
    expect(performance.now() - started).toBeLessThan(20);
    expect(Number.isFinite(e.duration.expected)).toBe(true);
    expect(e.duration.expected).toBeGreaterThan(1e12);
  });

  it("LSV from OCV: |ΔV| / rate with the OCV mid-window, bounded by the window", () => {
    const ir: StepIR = {
      kind: "linearSweep",
      ...base(),
      from: { reference: "ocv", offsetVolts: 0, text: "ocv" },
      to: { reference: "absolute", volts: 6.5, text: "6.5 V" },
      scanRate: 1e-4,
    };
    const e = estimateStep(ir, cell);
    expect(e.duration.expected).toBeCloseTo(34_000, 6);
    expect(e.duration.min).toBeCloseTo(26_000, 6);
    expect(e.duration.max).toBeCloseTo(42_000, 6);
    expect(e.basis).toEqual(["open-circuit-guess"]);
  });

  it("CV: 2 (upper − lower) × cycles / rate from a vertex", () => {
    const ir: StepIR = {
      kind: "cyclicVoltammetry",
      ...base(),
      lower: 2,
      upper: 4,
      scanRate: 1e-4,
      cycles: 3,
      start: { reference: "absolute", volts: 2, text: "2 V" },
    };
    expect(estimateStep(ir, cell).duration).toEqual({ min: 120_000, expected: 120_000, max: 120_000 });
  });

  it("CV from 2.5 V adds the leg to the nearer vertex", () => {
    const ir: StepIR = {
      kind: "cyclicVoltammetry",
      ...base(),
      lower: 2,
      upper: 4,
      scanRate: 1e-4,
      cycles: 1,
      start: { reference: "absolute", volts: 2.5, text: "2.5 V" },
    };
    expect(estimateStep(ir, cell).duration.expected).toBeCloseTo(40_000 + 5_000, 6);
  });
});

describe("estimateStep: temperature and pause", () => {
  it("settle for a time is exact; until stable is 30 min expected and unbounded", () => {
    expect(estimateStep(step(b.temperature(60, 7200)), cell).duration).toEqual({
      min: 7200,
      expected: 7200,
      max: 7200,
    });
    const stable: StepIR = { kind: "temperature", ...base(), setpoint: 333.15, settle: { kind: "stable" } };
    expect(estimateStep(stable, cell).duration).toEqual({ min: 0, expected: STABLE_SETTLE_SECONDS, max: null });
    expect(STABLE_SETTLE_SECONDS).toBe(1800);
  });

  it("a pause is 0 expected with no upper bound", () => {
    const pause: StepIR = { kind: "pause", ...base(), message: "move the cell to the CHI760" };
    const e = estimateStep(pause, cell);
    expect(e.duration).toEqual({ min: 0, expected: 0, max: null });
    expect(e.basis).toEqual(["operator"]);
  });
});
