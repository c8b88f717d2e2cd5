import { describe, expect, it } from "vitest";
import {
  advanceCounterBit,
  countersIn,
  currentRangeFor,
  formatScope,
  formatValue,
  passesForCounterLimit,
  passesForCycleIndexLimit,
  resetCounterBit,
  signedCurrent,
} from "../../../src/targets/arbin/conventions.js";

describe("arbin conventions", () => {
  it("signs currents: positive charges, negative discharges", () => {
    expect(signedCurrent(0.0011, "charge")).toBe(0.0011);
    expect(signedCurrent(1.1, "discharge")).toBe(-1.1);
  });

  it("decodes Set Variable(s) masks as BEEP documents and the Iris schedule uses them", () => {
    expect([1, 2, 3, 4].map(resetCounterBit)).toEqual([65536, 131072, 262144, 524288]);
    expect([1, 2, 3, 4].map(advanceCounterBit)).toEqual([2, 4, 8, 16]);
    expect(countersIn(65536 + 524288, "reset")).toEqual([1, 4]);
    expect(countersIn(15, "reset")).toEqual([]);
    expect(countersIn(13, "advance")).toEqual([2, 3]);
    expect(countersIn(1, "advance")).toEqual([]);
  });

  it("counts passes: TC_Counter < 3 is 3 passes; the real schedule's Cycle_Index <= 10000 from index 1 is 10,000", () => {
    expect(passesForCounterLimit("<", 3)).toBe(3);
    expect(passesForCounterLimit("<=", 3)).toBe(4);
    expect(passesForCounterLimit("=", 3)).toBeNull();
    expect(passesForCycleIndexLimit("<=", 10000, 1)).toBe(10000);
    expect(passesForCycleIndexLimit("<", 10000, 1)).toBe(9999);
    expect(passesForCycleIndexLimit("<=", 10, 3)).toBe(8);
  });

  it("picks the smallest current range that holds the current", () => {
    expect(currentRangeFor(0.000147)).toBe("Range4");
    expect(currentRangeFor(-0.11)).toBe("Range3");
    expect(currentRangeFor(3.96)).toBe("Range2");
    expect(currentRangeFor(25)).toBe("Range1");
    expect(currentRangeFor(null)).toBe("Range1");
  });

  it("writes numbers as the real schedule does", () => {
    expect(formatScope(-5, 10)).toBe("-5.000000^10.000000");
    expect(formatValue(-0.022)).toBe("-0.022");
    expect(formatValue(54000)).toBe("54000");
    expect(formatValue(0.1 + 0.2)).toBe("0.3");
    expect(formatValue(1e-8)).toBe("0.00000001");
  });
});
