import { describe, expect, it } from "vitest";
import { CapacitorCurve, genericOcvTerms, MsmrCurve, ZeroCurve } from "../../../src/sim/model/ocv.js";
import { NVP_OCV, PBA_OCV } from "../../../src/sim/parameters/presets.js";

describe("MSMR open-circuit curves", () => {
  it("reproduces the NVP curve of the research note (§3.2) within 3 mV on the plateau", () => {
    const nvp = new MsmrCurve(NVP_OCV);
    const table: [number, number][] = [
      [0.05, 3.266],
      [0.1, 3.317],
      [0.3, 3.364],
      [0.5, 3.371],
      [0.7, 3.376],
      [0.9, 3.389],
      [0.95, 3.419],
      [0.98, 3.471],
    ];
    for (const [z, u] of table) expect(Math.abs(nvp.voltage(z) - u), `z = ${z}`).toBeLessThan(0.003);
    // The steep ends, where the note's table is coarser.
    expect(Math.abs(nvp.voltage(0.005) - 2.526)).toBeLessThan(0.02);
    expect(Math.abs(nvp.voltage(0.995) - 3.65)).toBeLessThan(0.02);
  });

  it("reproduces the PBA curve (§3.3): two plateaus near 3.0 and 3.3 V", () => {
    const pba = new MsmrCurve(PBA_OCV);
    for (const [z, u] of [
      [0.3, 3.001],
      [0.5, 3.07],
      [0.7, 3.271],
      [0.9, 3.32],
    ] as const) {
      expect(Math.abs(pba.voltage(z) - u), `z = ${z}`).toBeLessThan(0.005);
    }
  });

  it("rises monotonically, with a consistent slope, and extends steeply beyond the table", () => {
    const nvp = new MsmrCurve(NVP_OCV);
    let previous = -Infinity;
    for (let z = -0.05; z <= 1.05; z += 0.0005) {
      const u = nvp.voltage(z);
      expect(u).toBeGreaterThan(previous);
      previous = u;
    }
    const z = 0.42;
    const h = 1e-7;
    expect(nvp.slope(z)).toBeCloseTo((nvp.voltage(z + h) - nvp.voltage(z - h)) / (2 * h), 3);
    expect(nvp.voltage(1.01) - nvp.voltage(nvp.highest)).toBeCloseTo(20 * (1.01 - nvp.highest), 9);
  });

  it("builds a generic sloping curve across a voltage window", () => {
    const generic = new MsmrCurve(genericOcvTerms(2.5, 3.65));
    expect(generic.voltage(0.02)).toBeCloseTo(2.5, 2);
    expect(generic.voltage(0.98)).toBeCloseTo(3.65, 2);
    expect(generic.voltage(0.5)).toBeCloseTo(3.075, 3);
  });

  it("has a zero curve for Na | Na and a linear one for a blocking capacitor", () => {
    expect(new ZeroCurve().voltage(0.7)).toBe(0);
    expect(new CapacitorCurve().voltage(0.25)).toBe(0.25);
    expect(new CapacitorCurve().slope(0.25)).toBe(1);
  });
});
