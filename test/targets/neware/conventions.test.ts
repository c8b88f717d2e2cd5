import { describe, expect, it } from "vitest";
import {
  ampsToFile,
  ccCvStepType,
  ccStepType,
  coulombsToFile,
  cvStepType,
  cycleCountForPasses,
  fileToAmps,
  fileToCoulombs,
  formatFileNumber,
  passesForCycleCount,
  secondsToFile,
  voltsToFile,
} from "../../../src/targets/neware/conventions.js";

describe("neware conventions", () => {
  it("writes voltages in 0.1 mV, times in ms, currents in mA and capacities in mA·s at Scale 1", () => {
    expect(voltsToFile(4.2)).toBe(42000);
    expect(secondsToFile(36000)).toBe(36_000_000);
    expect(formatFileNumber(ampsToFile(0.00154))).toBe("1.54");
    // 1.54 mAh = 5544 mA·s (the real BTS 8 file); the IR counts coulombs.
    expect(formatFileNumber(coulombsToFile(1.54 * 3.6))).toBe("5544");
  });

  it("reads currents and capacities through Scale (BTS 7: Scale 1000, µA)", () => {
    expect(fileToAmps(1000, 1000)).toBe(0.001);
    expect(fileToAmps(2000, 100)).toBe(0.02);
    expect(fileToCoulombs(737999999, 100)).toBeCloseTo(7380, 3);
  });

  it("counts a Cycle step's passes as Cycle_Count (3 passes → 3)", () => {
    expect(cycleCountForPasses(3)).toBe(3);
    expect(passesForCycleCount(3)).toBe(3);
  });

  it("has no sign on currents: the step type says charge or discharge", () => {
    expect([ccStepType("charge"), ccStepType("discharge")]).toEqual([1, 2]);
    expect([cvStepType("charge"), cvStepType("discharge")]).toEqual([3, 19]);
    expect([ccCvStepType("charge"), ccCvStepType("discharge")]).toEqual([7, 20]);
  });

  it("prints numbers as plain decimals without float residue or exponents", () => {
    expect(formatFileNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatFileNumber(0.00147 * 1000)).toBe("1.47");
    expect(formatFileNumber(1e-9)).toBe("0.000000001");
    expect(formatFileNumber(-5)).toBe("-5");
  });
});
