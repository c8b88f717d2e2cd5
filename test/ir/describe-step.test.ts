import { describe, expect, it } from "vitest";
import { describeNode, describeStep } from "../../src/ir/describe.js";
import type { NodeIR, StepIR } from "../../src/ir/types.js";
import * as b from "./build-ir.js";

const cell = b.nvpCell();
const base = { id: "1", span: b.SPAN, label: null, limits: {}, record: {}, ambient: null };

function first(draft: b.Draft): NodeIR {
  return b.protocol([draft]).body[0]!;
}

function step(draft: b.Draft): StepIR {
  return first(draft) as StepIR;
}

describe("describeStep", () => {
  it("constant current: the C-rate, the current it resolves to, the ends", () => {
    expect(describeStep(step(b.charge(b.cRate(0.5), b.untilVolts(3.9))), cell)).toBe(
      "Charge at 0.5C (0.147 mA) until 3.9 V",
    );
    expect(describeStep(step(b.discharge(b.cRate(30), b.untilVolts(2.3), b.forSeconds(180))), cell)).toBe(
      "Discharge at 30C (8.82 mA) until 2.3 V or for 3 min",
    );
    // The step table has its own current column.
    expect(describeStep(step(b.charge(b.cRate(0.5), b.untilVolts(3.9))), cell, { resolvedCurrent: false })).toBe(
      "Charge at 0.5C until 3.9 V",
    );
  });

  it("a plain current says what C-rate it is when the cell defines 1C", () => {
    expect(describeStep(step(b.charge({ si: 0.000294, text: "294 uA" }, b.forSeconds(3600))), cell)).toBe(
      "Charge at 0.294 mA (1C) for 1 h",
    );
    expect(describeStep(step(b.charge({ si: 0.000294, text: "294 uA" }, b.forSeconds(3600))), null)).toBe(
      "Charge at 0.294 mA for 1 h",
    );
  });

  it("current density", () => {
    expect(describeStep(step(b.charge(b.currentDensity(0.2), b.forSeconds(7200))), b.symmetricCell())).toBe(
      "Charge at 0.2 mA/cm2 (0.226 mA) for 2 h",
    );
  });

  it("CC-CV: current, voltage, taper", () => {
    expect(describeStep(step(b.ccCv(b.cRate(1), 3.9, { ...b.cRate(0.05), text: "C/20" })), cell)).toBe(
      "CC-CV charge at 1C (0.294 mA) to 3.9 V, hold until 14.7 µA (C/20)",
    );
  });

  it("rest, OCV, hold", () => {
    expect(describeStep(step(b.rest(7200)), cell)).toBe("Rest 2 h");
    expect(describeStep({ kind: "ocv", ...base, ends: [b.untilVolts(3), b.forSeconds(600)] }, cell)).toBe(
      "OCV until 3 V or for 10 min",
    );
    const hold: StepIR = {
      kind: "constantVoltage",
      ...base,
      voltage: { reference: "ocv", offsetVolts: 0.05, text: "ocv + 50 mV" },
      ends: [b.forSeconds(7200)],
    };
    expect(describeStep(hold, cell)).toBe("Hold at OCV + 50 mV for 2 h");
  });

  it("EIS, LSV, CV", () => {
    expect(describeStep(step(b.eis()), cell)).toBe("EIS 1 MHz → 10 mHz, 5 mV amplitude, 10 points/decade, at OCV");
    const lsv: StepIR = {
      kind: "linearSweep",
      ...base,
      from: { reference: "ocv", offsetVolts: 0, text: "ocv" },
      to: { reference: "absolute", volts: 6.5, text: "6.5 V" },
      scanRate: 1e-4,
    };
    expect(describeStep(lsv, cell)).toBe("LSV OCV → 6.5 V at 0.1 mV/s");
    const cv: StepIR = {
      kind: "cyclicVoltammetry",
      ...base,
      lower: 2,
      upper: 4,
      scanRate: 1e-4,
      cycles: 3,
      start: { reference: "absolute", volts: 2, text: "2 V" },
    };
    expect(describeStep(cv, cell)).toBe("CV 2 V ↔ 4 V at 0.1 mV/s, 3 cycles");
  });

  it("temperature and pause", () => {
    expect(describeStep(step(b.temperature(60, 7200)), cell)).toBe("Set chamber to 60 °C, settle 2 h");
    expect(describeStep({ kind: "temperature", ...base, setpoint: 253.15, settle: { kind: "stable" } }, cell)).toBe(
      "Set chamber to -20 °C, wait until stable",
    );
    expect(describeStep({ kind: "pause", ...base, message: "move the cell to the CHI760" }, cell)).toBe(
      "Pause: move the cell to the CHI760",
    );
  });

  it("never prints float residue", () => {
    // 0.1 + 0.2 mA would print as 0.30000000000000004 without formatNumber.
    const text = describeStep(
      step(b.charge({ si: (0.1 + 0.2) / 1000, text: "0.3 mA" }, b.forSeconds(0.1 + 0.2))),
      null,
    );
    expect(text).toBe("Charge at 0.3 mA for 300 ms");
  });
});

describe("describeNode: header lines", () => {
  it("loops, cycle actions, groups and stops", () => {
    expect(describeNode(first(b.loop(5, [])), cell)).toBe("Repeat 5×");
    expect(describeNode(first(b.loop(10_000, [], b.fadeCondition())), cell)).toBe(
      "Repeat up to 10,000× until discharge capacity < 80 % of cycle 1",
    );
    expect(describeNode(first(b.afterCycles([10, 60], [])), cell)).toBe("After cycles 10, 60");
    expect(describeNode(first(b.everyCycles(100, [])), cell)).toBe("Every 100 cycles");
    expect(describeNode(first(b.group("rate = 0.5C", [])), cell)).toBe("rate = 0.5C");
    expect(describeNode(first(b.stop()), cell)).toBe("Stop the test if discharge capacity < 80 % of cycle 1");
  });
});
