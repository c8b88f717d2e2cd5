import { describe, expect, it } from "vitest";
import { LsvCell } from "../../../src/sim/model/lsv-cell.js";
import { findPreset, presetParameters } from "../../../src/sim/parameters/presets.js";

describe("Na | electrolyte | SS linear-sweep cell", () => {
  const parameters = presetParameters(findPreset("na_cge_ss")!);

  it("rests at its rest potential and passes no current there", () => {
    const cell = new LsvCell(parameters, 298.15);
    expect(cell.openCircuitVoltage()).toBe(parameters.restPotential);
    cell.beginSegment(0);
    expect(cell.voltageAt(100)).toBe(parameters.restPotential);
  });

  it("passes the onset current density at the onset potential and rises by a decade per Tafel slope", () => {
    const area = parameters.electrodeArea;
    const currentAt = (volts: number): number => {
      const cell = new LsvCell(parameters, 298.15);
      // A long hold: the double layer is charged, so the current is faradaic.
      return cell.solveSubstep("voltage", volts, 1e6, 0, 1);
    };
    const onset = currentAt(parameters.onsetPotential) / area;
    expect(onset).toBeGreaterThan(0.9 * parameters.onsetCurrentDensity);
    expect(onset).toBeLessThan(1.1 * parameters.onsetCurrentDensity);
    const lower = currentAt(parameters.onsetPotential - parameters.tafelSlope) / area;
    expect(lower / onset).toBeGreaterThan(0.08);
    expect(lower / onset).toBeLessThan(0.15);
    // Far above the onset the current saturates at the limiting current density.
    expect(currentAt(parameters.onsetPotential + 2) / area).toBeLessThan(parameters.limitingCurrentDensity * 1.01);
  });

  it("sits at the potential whose current equals a constant applied current", () => {
    const cell = new LsvCell(parameters, 298.15);
    const amps = 1e-5;
    cell.beginSegment(amps);
    const v = cell.voltageAt(10);
    cell.commitSegment(10);
    expect(cell.voltageWith(amps)).toBeCloseTo(v, 9);
    expect(v).toBeGreaterThan(parameters.onsetPotential - 0.2);
  });
});
