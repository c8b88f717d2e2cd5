import { describe, expect, it } from "vitest";
import { parseQuantity, unitFitsKind } from "../../src/units/quantity.js";
import { parseUnit } from "../../src/units/parse.js";

describe("parseQuantity", () => {
  it.each([
    ["3.9 V", 3.9, "voltage", 3.9],
    ["0.5C", 0.5, "c-rate", 0.5],
    ["C/20", 0.05, "c-rate", 0.05],
    ["0.2 mA/cm2", 0.2, "current density", 2],
    ["100 mA/g", 100, "specific current", 100],
    ["2 h", 2, "time", 7200],
    ["-20 °C", -20, "temperature", 253.15],
    ["25 degC", 25, "temperature", 298.15],
    ["0.1 mV/s", 0.1, "scan rate", 1e-4],
    ["1 MHz", 1, "frequency", 1e6],
    ["10 mHz", 10, "frequency", 0.01],
    ["5 mV", 5, "voltage", 0.005],
    ["10 %", 10, "percent", 0.1],
    ["117.6 mAh/g", 117.6, "specific capacity", 423360],
    ["2.5 mg", 2.5, "mass", 2.5e-6],
    ["1.13 cm2", 1.13, "area", 1.13e-4],
    ["1.35 mm", 1.35, "length", 1.35e-3],
    ["7.7 mg/cm2", 7.7, "loading", 0.077],
    ["1 hour", 1, "time", 3600],
    ["45 minutes", 45, "time", 2700],
    ["10 min", 10, "time", 600],
    ["30 s", 30, "time", 30],
    ["200 mA", 200, "current", 0.2],
    ["1 A", 1, "current", 1],
    ["12 Ω", 12, "resistance", 12],
    ["12 ohm", 12, "resistance", 12],
    ["10 mW", 10, "power", 0.01],
    ["5 Wh", 5, "energy", 18000],
    ["0.294 mAh", 0.294, "capacity", 1.0584],
    ["1 mS/cm", 1, "conductivity", 0.1],
    ["10_000", 10000, "count", 10000],
    ["1e-3 A", 0.001, "current", 0.001],
    [".5 V", 0.5, "voltage", 0.5],
    ["3.9\tV", 3.9, "voltage", 3.9],
  ])("%s", (text, value, kind, si) => {
    const result = parseQuantity(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.value).toBeCloseTo(value, 12);
    expect(result.kind).toBe(kind);
    expect(result.si).toBeCloseTo(si, 9);
  });

  it("reports bad text instead of throwing", () => {
    for (const text of ["", "V", "C/0", "3.9 volts", "abc", "1 2 V"]) {
      const result = parseQuantity(text);
      expect(result.ok, text).toBe(false);
    }
    const volts = parseQuantity("3.9 volts");
    if (!volts.ok) expect(volts.suggestion).toBe("V");
  });

  it("checks a unit against a kind", () => {
    const mA = parseUnit("mA");
    if (!mA.ok) throw new Error("mA");
    expect(unitFitsKind(mA.unit, "current")).toBe(true);
    expect(unitFitsKind(mA.unit, "c-rate")).toBe(false);
  });
});
