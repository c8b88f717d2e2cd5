import { describe, expect, it } from "vitest";
import { runFixedStep } from "../../../bench/sim-fixed-step.js";
import { complex } from "../../../src/sim/model/complex.js";
import { thermalVoltage } from "../../../src/sim/model/constants.js";
import { LumpedCell } from "../../../src/sim/model/lumped-cell.js";
import type { CellParameters } from "../../../src/sim/parameters/catalogue.js";
import { findPreset, presetParameters } from "../../../src/sim/parameters/presets.js";

const nvp = (changes: Partial<CellParameters> = {}): CellParameters => ({ ...presetParameters(findPreset("nvpK005_cge")!), ...changes });
const ROOM = 298.15;
const ONE_C = (117.6 * 3600 * 2.5e-6) / 3600; // A

describe("full cell, constant current", () => {
  it("matches an independent fixed-step (RK4, 0.05 s) integration of the same equations", () => {
    const p = nvp();
    const current = 5 * ONE_C;
    const reference = runFixedStep(p, current, 2.3, 3.9, 2, 0.05);
    // The simulator's closed form: march each step to its cut-off by bisection on voltageAt.
    const cell = new LumpedCell(p, ROOM);
    for (const [index, amps] of [current, -current, current, -current].entries()) {
      cell.beginSegment(amps);
      const reached = (t: number): boolean => (amps > 0 ? cell.voltageAt(t) >= 3.9 : cell.voltageAt(t) <= 2.3);
      let lo = 0;
      let hi = 1;
      while (!reached(hi)) hi *= 2;
      for (let i = 0; i < 80; i++) {
        const mid = 0.5 * (lo + hi);
        if (reached(mid)) hi = mid;
        else lo = mid;
      }
      cell.commitSegment(hi);
      cell.endStep();
      expect(Math.abs(hi - reference[index]!.times.at(-1)!), `step ${index + 1}`).toBeLessThan(0.05);
    }
  });

  it("advances the same whether a segment is committed at once or in pieces", () => {
    const a = new LumpedCell(nvp(), ROOM);
    const b = new LumpedCell(nvp(), ROOM);
    a.beginSegment(2 * ONE_C);
    a.commitSegment(900);
    b.beginSegment(2 * ONE_C);
    for (let i = 0; i < 9; i++) b.commitSegment(100);
    expect(b.voltageWith(2 * ONE_C)).toBeCloseTo(a.voltageWith(2 * ONE_C), 12);
    expect(b.openCircuitVoltage()).toBeCloseTo(a.openCircuitVoltage(), 12);
  });

  it("gives the same voltages from chords as from voltageAt", () => {
    const cell = new LumpedCell(nvp(), ROOM);
    cell.beginSegment(ONE_C);
    cell.beginChords();
    const out = { mid: 0, end: 0, midExcess: 0, endExcess: 0 };
    let t = 0;
    for (const h of [1, 4, 16, 64, 256, 1000]) {
      cell.chord(h, out);
      expect(out.mid).toBeCloseTo(cell.voltageAt(t + h / 2), 12);
      expect(out.end).toBeCloseTo(cell.voltageAt(t + h), 12);
      cell.acceptChord();
      t += h;
    }
  });

  it("drops the IR and kinetic voltage instantly and relaxes monotonically at rest", () => {
    const cell = new LumpedCell(nvp(), ROOM);
    cell.beginSegment(ONE_C);
    cell.commitSegment(1800);
    const loaded = cell.voltageWith(ONE_C);
    cell.beginSegment(0);
    const rested = cell.voltageAt(0);
    expect(loaded - rested).toBeGreaterThan(0.01);
    let previous = rested;
    for (let t = 10; t < 20000; t *= 1.5) {
      const v = cell.voltageAt(t);
      expect(v).toBeLessThanOrEqual(previous + 1e-12);
      previous = v;
    }
  });

  it("conserves charge: the state of charge moves by I·t/Q", () => {
    const cell = new LumpedCell(nvp({ coulombicInefficiency: 0 }), ROOM);
    const before = cell.stateSummary().stateOfCharge!;
    cell.beginSegment(ONE_C);
    cell.commitSegment(1234.5);
    const after = cell.stateSummary().stateOfCharge!;
    expect(after - before).toBeCloseTo((ONE_C * 1234.5) / cell.capacity, 12);
  });
});

describe("full cell, voltage-controlled sub-steps", () => {
  it("solves the current that puts the voltage on target at the end of the sub-step", () => {
    const cell = new LumpedCell(nvp(), ROOM);
    cell.beginSegment(ONE_C);
    cell.commitSegment(2500);
    for (const h of [0.5, 10, 300]) {
      const current = cell.solveSubstep("voltage", 3.6, h, 0, 1);
      const probe = new LumpedCell(nvp(), ROOM);
      probe.beginSegment(ONE_C);
      probe.commitSegment(2500);
      probe.commitSubstep(current, h);
      expect(probe.voltageWith(current)).toBeCloseTo(3.6, 9);
    }
  });

  it("stops at the compliance current when the target cannot be reached", () => {
    const cell = new LumpedCell(nvp(), ROOM);
    expect(cell.solveSubstep("voltage", 4.5, 1, 0, 0.002)).toBe(0.002);
    expect(cell.solveSubstep("voltage", 1.0, 1, 0, 0.002)).toBe(-0.002);
  });

  it("holds a constant power on the physical branch", () => {
    const cell = new LumpedCell(nvp(), ROOM);
    cell.beginSegment(ONE_C);
    cell.commitSegment(2000);
    const current = cell.solveSubstep("power", -0.001, 5, -0.0003, 0.05);
    cell.commitSubstep(current, 5);
    expect(current * cell.voltageWith(current)).toBeCloseTo(-0.001, 9);
    expect(Math.abs(current)).toBeLessThan(0.001);
  });
});

describe("aging", () => {
  it("fades with throughput: Q = Q_nom·(1 − α·n − β·√n)", () => {
    const p = nvp();
    const cell = new LumpedCell(p, ROOM);
    const nominal = p.specificCapacity * p.activeMass;
    cell.beginSegment(ONE_C);
    cell.commitSegment((2 * nominal * 3) / ONE_C); // 3 equivalent full cycles of throughput
    cell.endStep();
    expect(cell.capacity / nominal).toBeCloseTo(1 - p.fadeLinear * 3 - p.fadeSqrt * Math.sqrt(3), 10);
  });

  it("fades faster when hot (Arrhenius on the throughput)", () => {
    const cold = new LumpedCell(nvp(), ROOM);
    const hot = new LumpedCell(nvp(), 333.15);
    for (const cell of [cold, hot]) {
      cell.beginSegment(ONE_C);
      cell.commitSegment(3600 * 20);
      cell.endStep();
    }
    expect(hot.capacity).toBeLessThan(cold.capacity);
  });
});

describe("symmetric Na | Na cell", () => {
  const symmetric = (changes: Partial<CellParameters> = {}) =>
    new LumpedCell({ ...presetParameters(findPreset("na_cge_na")!), ...changes }, ROOM);

  it("polarises by I·R + 2·(2V_T)·asinh(I/2I0) once the interface has matured", () => {
    const p = presetParameters(findPreset("na_cge_na")!);
    const cell = symmetric({ maturationFactor: 0, nucleationOvervoltage: 0 });
    const i = 1e-4;
    const r = p.electrolyteThickness / (p.electrolyteConductivity * p.electrolyteArea) + p.contactResistance;
    const i0 = p.sodiumExchangeCurrentDensity * p.electrodeArea;
    expect(cell.voltageWith(i)).toBeCloseTo(i * r + 4 * thermalVoltage(ROOM) * Math.asinh(i / (2 * i0)), 12);
    expect(cell.voltageWith(-i)).toBeCloseTo(-cell.voltageWith(i), 12);
  });

  it("matures its interfaces with each plate–strip cycle, not with each step", () => {
    const cell = symmetric();
    const r = (): number => cell.stateSummary().sodiumChargeTransferResistance!;
    const fresh = r();
    for (const amps of [1e-4, 1e-4]) {
      cell.beginSegment(amps);
      cell.commitSegment(3600);
      cell.endStep();
    }
    expect(r()).toBe(fresh); // two charges: no plate–strip cycle yet
    cell.beginSegment(-1e-4);
    cell.commitSegment(3600);
    cell.endStep();
    expect(r()).toBeLessThan(fresh);
  });
});

describe("impedance", () => {
  it("tends to R_Ω at high frequency and adds the charge-transfer arcs at low frequency", () => {
    const p = nvp({ strayInductance: 0 });
    const cell = new LumpedCell(p, ROOM);
    cell.beginSegment(ONE_C);
    cell.commitSegment(1800); // mid plateau, where the diffusion term is small
    const z = complex();
    const ohmic = p.electrolyteThickness / (p.electrolyteConductivity * p.electrolyteArea) + p.contactResistance;
    cell.impedance(1e9, 0, z);
    expect(z.re).toBeCloseTo(ohmic, 2);
    const vt = thermalVoltage(ROOM);
    const charges = vt / (p.sodiumExchangeCurrentDensity * p.anodeArea) + vt / p.cathodeExchangeCurrent;
    cell.impedance(1, 0, z);
    expect(z.re).toBeGreaterThan(ohmic + 0.95 * charges);
    expect(z.re).toBeLessThan(ohmic + charges + 5);
    expect(z.im).toBeLessThan(0); // capacitive
  });

  it("is capacitive at low frequency for a blocking cell and gives σ through R_b", () => {
    const p = presetParameters(findPreset("ss_cge_ss")!);
    const cell = new LumpedCell(p, ROOM);
    const z = complex();
    cell.impedance(0.01, 0, z);
    expect(-z.im).toBeGreaterThan(5 * z.re); // a CPE with n = 0.9: phase near −81°
    cell.impedance(3e5, 0, z);
    expect(z.re).toBeCloseTo(p.electrolyteThickness / (p.electrolyteConductivity * p.electrolyteArea), 0);
  });
});
