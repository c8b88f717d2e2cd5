import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divideDimensions, multiplyDimensions, powerOfDimension, sameDimension } from "../../src/units/dimension.js";
import { QUANTITY_KINDS, kindOf } from "../../src/units/kinds.js";
import type { QuantityKind } from "../../src/units/kinds.js";
import { parseUnit } from "../../src/units/parse.js";
import { toSI } from "../../src/units/unit.js";
import { prefixedUnitSpellings, unitSpellings, unitsForKind } from "../../src/units/completion.js";

function unitOf(text: string) {
  const result = parseUnit(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.message}`);
  return result.unit;
}

/** [spelling, kind, SI value of 1 in that unit] */
const SPELLINGS: [string, QuantityKind, number][] = [
  ["A", "current", 1],
  ["mA", "current", 1e-3],
  ["uA", "current", 1e-6],
  ["µA", "current", 1e-6],
  ["μA", "current", 1e-6],
  ["nA", "current", 1e-9],
  ["pA", "current", 1e-12],
  ["kA", "current", 1e3],
  ["C", "c-rate", 1],
  ["mA/cm2", "current density", 10],
  ["mA/cm²", "current density", 10],
  ["mA/cm^2", "current density", 10],
  ["mA·cm-2", "current density", 10],
  ["mA·cm^-2", "current density", 10],
  ["mA·cm⁻²", "current density", 10],
  ["mA*cm-2", "current density", 10],
  ["mA⋅cm-2", "current density", 10],
  ["A/m2", "current density", 1],
  ["µA/cm2", "current density", 1e-2],
  ["mA/g", "specific current", 1],
  ["A/g", "specific current", 1e3],
  ["mA·g-1", "specific current", 1],
  ["V", "voltage", 1],
  ["mV", "voltage", 1e-3],
  ["uV", "voltage", 1e-6],
  ["kV", "voltage", 1e3],
  ["s", "time", 1],
  ["sec", "time", 1],
  ["second", "time", 1],
  ["seconds", "time", 1],
  ["ms", "time", 1e-3],
  ["µs", "time", 1e-6],
  ["min", "time", 60],
  ["minute", "time", 60],
  ["minutes", "time", 60],
  ["h", "time", 3600],
  ["hr", "time", 3600],
  ["hour", "time", 3600],
  ["hours", "time", 3600],
  ["d", "time", 86400],
  ["day", "time", 86400],
  ["days", "time", 86400],
  ["Ah", "capacity", 3600],
  ["mAh", "capacity", 3.6],
  ["µAh", "capacity", 3.6e-3],
  ["A.h", "capacity", 3600],
  ["mA.h", "capacity", 3.6],
  ["A·h", "capacity", 3600],
  ["As", "capacity", 1],
  ["A·s", "capacity", 1],
  ["mAs", "capacity", 1e-3],
  ["mAh/g", "specific capacity", 3600],
  ["mAh·g⁻¹", "specific capacity", 3600],
  ["mA·h/g", "specific capacity", 3600],
  ["Ah/kg", "specific capacity", 3600],
  ["mAh/cm2", "areal capacity", 36000],
  ["Wh", "energy", 3600],
  ["mWh", "energy", 3.6],
  ["kWh", "energy", 3.6e6],
  ["J", "energy", 1],
  ["W", "power", 1],
  ["mW", "power", 1e-3],
  ["Ω", "resistance", 1],
  ["\u2126", "resistance", 1],
  ["ohm", "resistance", 1],
  ["Ohm", "resistance", 1],
  ["mΩ", "resistance", 1e-3],
  ["mOhm", "resistance", 1e-3],
  ["kOhm", "resistance", 1e3],
  ["kohm", "resistance", 1e3],
  ["MΩ", "resistance", 1e6],
  ["V/A", "resistance", 1],
  ["K", "temperature", 1],
  ["Hz", "frequency", 1],
  ["mHz", "frequency", 1e-3],
  ["kHz", "frequency", 1e3],
  ["MHz", "frequency", 1e6],
  ["GHz", "frequency", 1e9],
  ["1/s", "frequency", 1],
  ["s-1", "frequency", 1],
  ["s^-1", "frequency", 1],
  ["s⁻¹", "frequency", 1],
  ["mV/s", "scan rate", 1e-3],
  ["V/s", "scan rate", 1],
  ["mV·s-1", "scan rate", 1e-3],
  ["mV/min", "scan rate", 1e-3 / 60],
  ["m", "length", 1],
  ["mm", "length", 1e-3],
  ["cm", "length", 1e-2],
  ["um", "length", 1e-6],
  ["µm", "length", 1e-6],
  ["nm", "length", 1e-9],
  ["cm2", "area", 1e-4],
  ["cm²", "area", 1e-4],
  ["cm^2", "area", 1e-4],
  ["mm2", "area", 1e-6],
  ["m2", "area", 1],
  ["g", "mass", 1e-3],
  ["mg", "mass", 1e-6],
  ["ug", "mass", 1e-9],
  ["µg", "mass", 1e-9],
  ["kg", "mass", 1],
  ["mg/cm2", "loading", 1e-2],
  ["mg·cm⁻²", "loading", 1e-2],
  ["mS/cm", "conductivity", 0.1],
  ["S/m", "conductivity", 1],
  ["µS/cm", "conductivity", 1e-4],
];

describe("parseUnit: accepted spellings", () => {
  it.each(SPELLINGS)("%s is a %s worth %d in SI", (text, kind, si) => {
    const unit = unitOf(text);
    expect(kindOf(unit.dimension)).toBe(kind);
    expect(unit.text).toBe(text);
    expect(unit.offset).toBe(0);
    expect(unit.factor).toBeCloseTo(si, 15);
    expect(Math.abs(unit.factor - si) / si).toBeLessThan(1e-14);
    expect(toSI(1, unit)).toBeCloseTo(si, 15);
  });

  it.each(["°C", "degC", "℃"])("%s is degrees Celsius, an offset from kelvin", (text) => {
    const unit = unitOf(text);
    expect(kindOf(unit.dimension)).toBe("temperature");
    expect(toSI(25, unit)).toBeCloseTo(298.15, 12);
    expect(toSI(-20, unit)).toBeCloseTo(253.15, 12);
  });

  it("reads % as the dimensionless factor 0.01", () => {
    const unit = unitOf("%");
    expect(unit.isPercent).toBe(true);
    expect(kindOf(unit.dimension)).toBe("count");
    expect(toSI(80, unit)).toBeCloseTo(0.8, 15);
  });

  it("converts by exact powers of ten where it can", () => {
    expect(toSI(0.147, unitOf("mA"))).toBe(0.000147);
    expect(toSI(2.5, unitOf("mg"))).toBe(2.5e-6);
    expect(toSI(1.13, unitOf("cm2"))).toBe(0.000113);
    expect(toSI(0.1, unitOf("mV/s"))).toBe(0.0001);
    expect(toSI(117.6, unitOf("mAh/g"))).toBeCloseTo(423360, 8);
  });

  it("treats m as the metre and C as the C-rate", () => {
    expect(kindOf(unitOf("m").dimension)).toBe("length");
    expect(kindOf(unitOf("C").dimension)).toBe("c-rate");
    expect(unitOf("C").dimension.A).toBe(0);
  });

  it("puts every factor after the / in the denominator", () => {
    const unit = unitOf("W/m·K");
    expect(unit.dimension).toMatchObject({ A: 1, V: 1, m: -1, K: -1 });
  });

  it("accepts every spelling the completion list offers, prefixed or not", () => {
    for (const spelling of prefixedUnitSpellings()) expect(parseUnit(spelling).ok, spelling).toBe(true);
    expect(unitSpellings().length).toBeGreaterThan(30);
  });

  it("caches: the same text gives the same frozen result", () => {
    const first = parseUnit("mA/cm2");
    expect(parseUnit("mA/cm2")).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    if (first.ok) expect(Object.isFrozen(first.unit)).toBe(true);
  });
});

describe("parseUnit: rejected spellings", () => {
  it.each([
    ["mAH", "mAh"],
    ["volts", "V"],
    ["Volts", "V"],
    ["hrs", "h"],
    ["mins", "min"],
    ["degrees C", "°C"],
    ["deg C", "°C"],
    ["oC", "°C"],
    ["°c", "°C"],
    ["Ohms", "Ohm"],
    ["MHZ", "MHz"],
    ["mhz", "mHz"],
    ["KHz", "kHz"],
    ["c", "C"],
    ["v", "V"],
    ["sek", "sec"],
    ["mAH/g", "mAh/g"],
    ["mA/cm2.", undefined],
    ["mA cm-2", "mA·cm-2"],
    ["mAh g-1", "mAh·g-1"],
    ["mAcm-2", "mA·cm-2"],
    ["mAhg-1", "mAh·g-1"],
    ["mC", "mA·s"],
    ["coulomb", "A·s"],
    ["mA/Cm2", "mA/cm2"],
    ["xyz", undefined],
    ["", undefined],
    ["2", undefined],
  ])("%s is rejected, suggesting %s", (text, suggestion) => {
    const result = parseUnit(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("BTP3001");
    expect(result.suggestion).toBe(suggestion);
    expect(result.message.length).toBeGreaterThan(5);
  });

  it.each([
    ["mA//g", /separator/],
    ["/g", /separator/],
    ["mA/", /separator/],
    ["mA/g/h", /more than one `\/`/],
    ["cm^x", /exponent/],
    ["cm^", /exponent/],
    ["cm^0", /exponent of 0/],
    ["cm^12", /too large/],
    ["%/h", /`%` stands alone/],
    ["%2", /`%` stands alone/],
    ["degrees C", /spaces/],
    ["kmin", /unknown unit `kmin`/],
    ["ksec", /unknown unit `ksec`/],
    ["cA", /unknown unit `cA`/],
    ["mAH/g", /unknown unit `mAH` in `mAH\/g`/],
  ])("%s is rejected with a plain message", (text, message) => {
    const result = parseUnit(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("refuses text too long to be a unit without scanning it", () => {
    const result = parseUnit("m".repeat(100_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/too long/);
  });

  it.each([
    ["°C/min", "K/min"],
    ["mW/°C", "mW/K"],
    ["°C2", "K2"],
    ["degC·h", "K·h"],
  ])("%s puts an offset unit in a compound (BTP3002), suggesting %s", (text, suggestion) => {
    const result = parseUnit(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("BTP3002");
    expect(result.suggestion).toBe(suggestion);
    expect(parseUnit(suggestion).ok).toBe(true);
  });
});

describe("parseUnit: properties", () => {
  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" })), (text) => {
        const result = parseUnit(text);
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  const unitCharacters = fc.constantFrom(
    ..."mAVshgCKΩµ°%/·*.^-⁻²³0123456789zH".split(""),
    "Hz",
    "min",
    "Ah",
    "cm",
    "mA",
    "hour",
  );
  it("never throws on text made of unit characters, and never suggests the text itself", () => {
    fc.assert(
      fc.property(fc.array(unitCharacters, { maxLength: 8 }), (parts) => {
        const result = parseUnit(parts.join(""));
        if (!result.ok) expect(result.suggestion).not.toBe(parts.join(""));
      }),
      { numRuns: 3000 },
    );
  });

  const preferred = QUANTITY_KINDS.flatMap((kind) => unitsForKind(kind));
  it("a letter-case slip in a common unit gets a suggestion that parses", () => {
    fc.assert(
      fc.property(fc.constantFrom(...preferred), fc.nat(), (spelling, at) => {
        const chars = [...spelling];
        const i = at % chars.length;
        if (!/[A-Za-z]/.test(chars[i]!)) return; // shift only changes ASCII letters on a lab keyboard
        const flipped = chars[i]!.toUpperCase() === chars[i] ? chars[i]!.toLowerCase() : chars[i]!.toUpperCase();
        const typo = [...chars.slice(0, i), flipped, ...chars.slice(i + 1)].join("");
        const result = parseUnit(typo);
        if (result.ok || typo === spelling) return;
        expect(result.suggestion, typo).toBeDefined();
        expect(parseUnit(result.suggestion!).ok, `${typo} → ${result.suggestion}`).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  const simpleUnit = fc.constantFrom("mA", "V", "h", "g", "cm", "s", "mAh", "Hz", "Ω", "kg", "m", "W", "C", "K");
  it("combines dimensions and factors like multiplication and division", () => {
    fc.assert(
      fc.property(simpleUnit, simpleUnit, simpleUnit, (a, b, c) => {
        const product = unitOf(`${a}·${b}`);
        const quotient = unitOf(`${a}/${b}·${c}`);
        const [ua, ub, uc] = [unitOf(a), unitOf(b), unitOf(c)];
        expect(sameDimension(product.dimension, multiplyDimensions(ua.dimension, ub.dimension))).toBe(true);
        expect(
          sameDimension(
            quotient.dimension,
            divideDimensions(ua.dimension, multiplyDimensions(ub.dimension, uc.dimension)),
          ),
        ).toBe(true);
        expect(product.factor / (ua.factor * ub.factor)).toBeCloseTo(1, 12);
        expect(quotient.factor / (ua.factor / (ub.factor * uc.factor))).toBeCloseTo(1, 12);
      }),
    );
  });

  it("reads all exponent spellings alike", () => {
    fc.assert(
      fc.property(simpleUnit, fc.integer({ min: 1, max: 3 }), (a, n) => {
        const superscript = ["", "¹", "²", "³"][n]!;
        const expected = powerOfDimension(unitOf(a).dimension, n);
        for (const [spelling, sign] of [
          [`${a}${n}`, 1],
          [`${a}^${n}`, 1],
          [`${a}${superscript}`, 1],
          [`${a}-${n}`, -1],
          [`${a}^-${n}`, -1],
          [`${a}⁻${superscript}`, -1],
        ] as const) {
          const parsed = parseUnit(spelling);
          if (!parsed.ok) throw new Error(`${spelling}: ${parsed.message}`);
          expect(sameDimension(parsed.unit.dimension, powerOfDimension(expected, sign))).toBe(true);
        }
      }),
    );
  });
});
