import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatQuantity, toDisplay } from "../../src/units/display.js";
import { QUANTITY_KINDS } from "../../src/units/kinds.js";
import type { QuantityKind } from "../../src/units/kinds.js";
import { parseQuantity } from "../../src/units/quantity.js";
import { parseUnit } from "../../src/units/parse.js";
import { toSI } from "../../src/units/unit.js";
import { unitsForKind } from "../../src/units/completion.js";

describe("formatQuantity picks the unit a battery paper would use", () => {
  it.each<[number, QuantityKind, string]>([
    [0.000147, "current", "0.147 mA"],
    [0.5, "current", "0.5 A"],
    [0.09, "current", "90 mA"],
    [2e-8, "current", "20 nA"],
    [1.0584, "capacity", "0.294 mAh"],
    [3600 * 2.2, "capacity", "2.2 Ah"],
    [298.15, "temperature", "25 °C"],
    [253.15, "temperature", "-20 °C"],
    [333.15, "temperature", "60 °C"],
    [7200, "time", "2 h"],
    [2700, "time", "45 min"],
    [5400, "time", "1.5 h"],
    [30, "time", "30 s"],
    [100, "time", "100 s"],
    [259200, "time", "3 d"],
    [3.6e6, "time", "1000 h"],
    [0.5, "time", "500 ms"],
    [1e6, "frequency", "1 MHz"],
    [1e5, "frequency", "100 kHz"],
    [0.01, "frequency", "10 mHz"],
    [0.0001, "scan rate", "0.1 mV/s"],
    [0.01, "scan rate", "10 mV/s"],
    [0.000113, "area", "1.13 cm²"],
    [2.5e-6, "mass", "2.5 mg"],
    [423360, "specific capacity", "117.6 mAh/g"],
    [1, "current density", "0.1 mA/cm²"],
    [100, "specific current", "100 mA/g"],
    [0.077, "loading", "7.7 mg/cm²"],
    [3600, "areal capacity", "0.1 mAh/cm²"],
    [0.1, "conductivity", "1 mS/cm"],
    [5 * 3600, "energy", "5 Wh"],
    [0.01, "power", "10 mW"],
    [12, "resistance", "12 Ω"],
    [1500, "resistance", "1.5 kΩ"],
    [0.05, "resistance", "50 mΩ"],
    [3.9, "voltage", "3.9 V"],
    [0.005, "voltage", "5 mV"],
    [0.00135, "length", "1.35 mm"],
    [0.015, "length", "15 mm"],
    [2.5e-5, "length", "25 µm"],
    [0.8, "percent", "80 %"],
    [0.07, "percent", "7 %"],
    [350, "count", "350"],
    [0.5, "c-rate", "0.5C"],
    [1, "c-rate", "1C"],
    [30, "c-rate", "30C"],
    [0.1, "c-rate", "0.1C"],
    [0.05, "c-rate", "C/20"],
    [1 / 3, "c-rate", "C/3"],
    [0.02, "c-rate", "C/50"],
    [0.037, "c-rate", "0.037C"],
    [0, "current", "0 A"],
    [0, "capacity", "0 mAh"],
    [-0.002, "current", "-2 mA"],
  ])("%d as %s is %s", (si, kind, text) => {
    expect(formatQuantity(si, kind)).toBe(text);
  });

  it("honours a requested unit and digits", () => {
    expect(formatQuantity(0.000147, "current", { unit: "uA" })).toBe("147 uA");
    expect(formatQuantity(298.15, "temperature", { unit: "K" })).toBe("298.15 K");
    expect(formatQuantity(1 / 3, "voltage", { digits: 3 })).toBe("0.333 V");
    expect(formatQuantity(1 / 30, "voltage", { digits: 3 })).toBe("33.3 mV");
    expect(formatQuantity(0.5, "c-rate", { unit: "C" })).toBe("0.5C");
  });

  it("ignores a requested unit that does not fit the kind, rather than printing nonsense", () => {
    expect(formatQuantity(0.000147, "current", { unit: "mV" })).toBe("0.147 mA");
    expect(formatQuantity(0.000147, "current", { unit: "no such unit" })).toBe("0.147 mA");
  });

  it("never prints float residue", () => {
    expect(formatQuantity(toSI(117.6, unit("mAh/g")), "specific capacity")).toBe("117.6 mAh/g");
    expect(formatQuantity(toSI(0.1, unit("mA")) + toSI(0.2, unit("mA")), "current")).toBe("0.3 mA");
  });

  it("splits value and unit for callers that lay them out", () => {
    expect(toDisplay(0.000147, "current")).toEqual({ value: 0.000147 * 1000, unit: "mA" });
    expect(toDisplay(5, "count")).toEqual({ value: 5, unit: "" });
  });
});

function unit(text: string) {
  const parsed = parseUnit(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.unit;
}

/** 12 significant digits are printed, so the text is within 5e-13 relative of the value; allow
 * 1e-11. A temperature passes through °C, where the 273.15 offset sets the absolute precision. */
function tolerance(si: number, kind: QuantityKind): number {
  return 1e-11 * (Math.abs(si) + (kind === "temperature" ? 273.15 : 0));
}

describe("round trips: parse → SI → formatQuantity → parse", () => {
  const kinds = QUANTITY_KINDS.filter((kind) => unitsForKind(kind).length > 0);
  it.each(kinds)("%s values survive the round trip in every preferred unit", (kind) => {
    for (const spelling of unitsForKind(kind)) {
      for (const value of [1, 0.5, 2.5, 117.6, 0.001, 1234, -3.9]) {
        const written = parseQuantity(`${value} ${spelling}`);
        if (!written.ok) throw new Error(`${value} ${spelling}: ${written.message}`);
        expect(written.kind === kind || (kind === "percent" && written.kind === "percent")).toBe(true);
        const text = formatQuantity(written.si, kind);
        const reread = parseQuantity(text);
        if (!reread.ok) throw new Error(`${text}: ${reread.message}`);
        expect(Math.abs(reread.si - written.si), `${value} ${spelling} → ${text}`).toBeLessThanOrEqual(
          tolerance(written.si, kind),
        );
      }
    }
  });

  it("holds for arbitrary values of every kind", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...QUANTITY_KINDS),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((x) => x === 0 || Math.abs(x) > 1e-9),
        (kind, si) => {
          const text = formatQuantity(si, kind);
          const reread = parseQuantity(text);
          if (!reread.ok) throw new Error(`${text}: ${reread.message}`);
          expect(Math.abs(reread.si - si), text).toBeLessThanOrEqual(tolerance(si, kind));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
