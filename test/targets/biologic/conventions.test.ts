import { describe, expect, it } from "vitest";
import {
  currentRangeFor,
  directionFrom,
  directionWord,
  fixed,
  hms,
  inUnit,
  parseDecimal,
  parseHms,
  passesForRepeats,
  potentialRangeFor,
  repeatsForPasses,
  unitFactor,
} from "../../../src/targets/biologic/conventions.js";

describe("biologic conventions", () => {
  it("counts loops as jumps back: 3 passes are written 2, and read back as 3", () => {
    expect(repeatsForPasses(3)).toBe(2);
    expect(passesForRepeats(2)).toBe(3);
    expect(repeatsForPasses(1)).toBe(0);
  });

  it("writes a current as a magnitude and says the direction in words; reads signed values too", () => {
    expect(directionWord("charge")).toBe("Charge");
    expect(directionWord("discharge")).toBe("Discharge");
    expect(directionFrom("Discharge", 0.5)).toBe("discharge");
    // A signed value (as some generators write) flips the word.
    expect(directionFrom("Charge", -0.5)).toBe("discharge");
    expect(directionFrom("Sideways", 1)).toBeNull();
  });

  it("writes durations the way EC-Lab does: unpadded hours and seconds, four decimals", () => {
    expect(hms(10)).toBe("0:00:10.0000");
    expect(hms(21600)).toBe("6:00:0.0000");
    expect(hms(5400.5)).toBe("1:30:0.5000");
    expect(parseHms("0:00:10,0000")).toBe(10);
    expect(parseHms("20:00:0.0000")).toBe(72000);
    expect(parseHms("10 s")).toBeNull();
  });

  it("chooses a unit in which 3 decimals hold the value, with u for micro", () => {
    expect(inUnit(0.000147, "current")).toEqual({ value: "147.000", unit: "uA" });
    expect(inUnit(0.00147, "current")).toEqual({ value: "1.470", unit: "mA" });
    expect(inUnit(0.0001473, "current")).toEqual({ value: "147.300", unit: "uA" });
    expect(inUnit(2, "current")).toEqual({ value: "2.000", unit: "A" });
    expect(inUnit(7200, "time")).toEqual({ value: "2.000", unit: "h" });
    expect(inUnit(1800, "time")).toEqual({ value: "30.000", unit: "mn" });
    expect(inUnit(10, "time")).toEqual({ value: "10.000", unit: "s" });
    expect(inUnit(0.002, "time")).toEqual({ value: "0.002", unit: "s" });
    expect(inUnit(3.9, "voltage")).toEqual({ value: "3.900", unit: "V" });
    expect(inUnit(0.005, "voltage")).toEqual({ value: "5.000", unit: "mV" });
    expect(inUnit(-1, "voltage")).toEqual({ value: "-1.000", unit: "V" });
    expect(inUnit(1e6, "frequency")).toEqual({ value: "1.000", unit: "MHz" });
    expect(inUnit(0.01, "frequency")).toEqual({ value: "10.000", unit: "mHz" });
    expect(inUnit(0, "current")).toEqual({ value: "0.000", unit: "A" });
  });

  it("reads numbers with a point or a comma, and every micro spelling", () => {
    expect(parseDecimal("0,241")).toBe(0.241);
    expect(parseDecimal("-1.5")).toBe(-1.5);
    expect(parseDecimal("pass")).toBeNull();
    expect(parseDecimal("1.2.3")).toBeNull();
    expect(unitFactor("µA", "current")).toBe(1e-6);
    expect(unitFactor("uA", "current")).toBe(1e-6);
    expect(unitFactor("mn", "time")).toBe(60);
    expect(unitFactor("min", "time")).toBeNull();
    expect(fixed(-0.0001)).toBe("0.000");
  });

  it("picks the smallest current range that holds the current, and a potential range for the window", () => {
    expect(currentRangeFor(0.00147)).toBe("10 mA");
    expect(currentRangeFor(0.001)).toBe("1 mA");
    expect(currentRangeFor(5e-6)).toBe("10 µA");
    expect(currentRangeFor(11)).toBeNull();
    expect(potentialRangeFor(0, 4.2)).toEqual({ min: 0, max: 5 });
    expect(potentialRangeFor(-1, 1)).toEqual({ min: -5, max: 5 });
    expect(potentialRangeFor(0, 6.5)).toEqual({ min: 0, max: 10 });
    expect(potentialRangeFor(-11, 0)).toBeNull();
  });
});
