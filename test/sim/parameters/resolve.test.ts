import { describe, expect, it } from "vitest";
import { defaultParametersFor } from "../../../src/sim/index.js";
import { withOverrides } from "../../../src/sim/parameters/resolve.js";
import * as b from "../builder.js";

describe("default parameters for a declared cell", () => {
  it("recognises the papers' cells from their materials", () => {
    expect(defaultParametersFor(b.nvpCell()).parameters.preset).toBe("nvpK005_cge");
    expect(defaultParametersFor(b.pbaCell()).parameters.preset).toBe("pba153_hj");
    expect(defaultParametersFor(b.symmetricCell("CGE")).parameters.preset).toBe("na_cge_na");
    expect(defaultParametersFor(b.symmetricCell("HJ")).parameters.preset).toBe("na_hj_na");
    expect(defaultParametersFor(b.blockingCell()).parameters.preset).toBe("ss_cge_ss");
    expect(defaultParametersFor(b.lsvCell()).parameters.preset).toBe("na_cge_ss");
    for (const cell of [b.nvpCell(), b.pbaCell(), b.symmetricCell(), b.blockingCell(), b.lsvCell()]) {
      expect(defaultParametersFor(cell).diagnostics).toEqual([]);
    }
  });

  it("takes sizes and masses from the cell: the high-loading electrode and the thin electrolyte", () => {
    const loaded = b.nvpCell({
      activeMass: null,
      electrodes: [
        {
          role: "cathode",
          material: "Na3V2(PO4)3",
          activeMass: null,
          loading: 7.7e-2,
          specificCapacity: 117.6 * 3600,
          activeFraction: null,
        },
      ],
    });
    expect(defaultParametersFor(loaded).parameters.activeMass).toBeCloseTo(7.7e-2 * 1.131e-4, 12);
    const thin = b.nvpCell({ electrolyte: { material: "CGE", thickness: 0.6e-3, diameter: 0.015, area: null } });
    const p = defaultParametersFor(thin).parameters;
    expect(p.electrolyteThickness).toBe(0.6e-3);
    expect(p.electrolyteArea).toBeCloseTo(Math.PI * 0.0075 ** 2, 12);
    expect(p.complianceCurrent).toBeCloseTo(50 * 0.000294, 12);
  });

  it("uses the onset of the electrolyte for linear-sweep cells", () => {
    expect(defaultParametersFor(b.lsvCell("glass-fibre gel electrolyte (FGE)")).parameters.onsetPotential).toBe(4.5);
    expect(defaultParametersFor(b.lsvCell("glass fibre + liquid electrolyte")).parameters.onsetPotential).toBe(4.4);
  });

  it("notes an electrolyte without calibrated parameters", () => {
    const fge = b.nvpCell({
      chemistry: "Na metal | glass-fibre gel electrolyte (FGE) | NVP-K0.05",
      electrolyte: { material: "Whatman GF membrane filled with TPGDA gel", thickness: null, diameter: 0.015, area: null },
    });
    const { diagnostics } = defaultParametersFor(fge);
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([["BTP7008", "info"]]);
  });

  it("simulates an unknown cathode as a generic sloping cell, with a warning", () => {
    const lfp = b.nvpCell({
      chemistry: "graphite | LiPF6 | LFP",
      electrodes: [
        { role: "cathode", material: "LiFePO4", activeMass: 1e-5, loading: null, specificCapacity: 160 * 3600, activeFraction: null },
      ],
      window: { min: 2.5, max: 3.65 },
    });
    const { parameters, diagnostics } = defaultParametersFor(lfp);
    expect(diagnostics.map((d) => d.code)).toEqual(["BTP7002"]);
    expect(parameters.ocv.name).toBe("generic");
    expect(parameters.specificCapacity).toBe(160 * 3600);
  });

  it("takes the set the cell's model block names, without a warning", () => {
    const cell = b.nvpCell({
      chemistry: "LFP",
      activeMass: 1e-5,
      electrodes: [
        { role: "cathode", material: "LiFePO4", activeMass: 1e-5, loading: null, specificCapacity: 160 * 3600, activeFraction: null },
      ],
      model: { preset: "nvpK005_cge" },
    });
    const { parameters, diagnostics } = defaultParametersFor(cell);
    expect(diagnostics).toEqual([]);
    expect(parameters.preset).toBe("nvpK005_cge");
    expect(parameters.activeMass).toBe(1e-5);
  });

  it("refuses a cell whose capacity and curve cannot be known", () => {
    const mystery = b.nvpCell({
      chemistry: null,
      nominalCapacity: null,
      activeMass: null,
      window: null,
      electrodes: [
        { role: "cathode", material: "unknown oxide", activeMass: null, loading: null, specificCapacity: null, activeFraction: null },
      ],
    });
    const codes = defaultParametersFor(mystery).diagnostics.map((d) => d.code);
    expect(codes).toContain("BTP7010");
    expect(codes.filter((c) => c === "BTP7010").length).toBeGreaterThanOrEqual(3); // capacity, mass, curve
  });
});

describe("the cell's model block", () => {
  it("overrides parameters with SI numbers and with text values in their units", () => {
    const cell = b.nvpCell({
      model: {
        hysteresisVoltage: 0.02,
        electrolyteConductivity: "5 mS/cm",
        fadeActivationEnergy: "30 kJ/mol",
        sodiumCpe: "3 uF",
        modeWeight: 2.5,
      },
    });
    const { parameters, diagnostics } = defaultParametersFor(cell);
    expect(diagnostics).toEqual([]);
    expect(parameters.hysteresisVoltage).toBe(0.02);
    expect(parameters.electrolyteConductivity).toBeCloseTo(0.5, 12);
    expect(parameters.fadeActivationEnergy).toBe(30000);
    expect(parameters.sodiumCpe).toBeCloseTo(3e-6, 15);
    expect(parameters.modeWeight).toBe(2.5);
  });

  it("switches to another parameter set of the same kind and keeps the cell's own facts", () => {
    const cell = b.nvpCell({ model: { preset: "pba153_hj" } });
    const { parameters } = defaultParametersFor(cell);
    expect(parameters.preset).toBe("pba153_hj");
    expect(parameters.activeMass).toBeCloseTo(2.5e-6, 15);
    expect(parameters.ocv.name).toBe("PBA");
  });

  it("refuses negative, unit-less and misspelt values with diagnostics", () => {
    const cell = b.nvpCell({ model: { electrolyteConductivity: -0.3, hysteresisVoltage: "10", hysteresisVolts: 0.01, preset: "nvp" } });
    const diagnostics = defaultParametersFor(cell).diagnostics;
    const byCode = Object.fromEntries(diagnostics.map((d) => [d.code, d]));
    expect(byCode.BTP7011?.message).toContain("electrolyteConductivity");
    expect(byCode.BTP7012?.message).toContain("needs a unit");
    expect(byCode.BTP7013?.hint).toBe("did you mean `hysteresisVoltage`?");
    expect(byCode.BTP7015?.message).toContain('"nvp"');
    for (const d of diagnostics) expect(d.span).toBe(cell.span);
  });

  it("applies API overrides on top and validates them", () => {
    const base = defaultParametersFor(b.nvpCell()).parameters;
    const ok = withOverrides(base, { modeWeight: 3 }, b.span);
    expect(ok.diagnostics).toEqual([]);
    expect(ok.parameters.modeWeight).toBe(3);
    expect(base.modeWeight).not.toBe(3);
    const bad = withOverrides(base, { thermalTimeConstant: 0, activeMass: Number.NaN }, b.span);
    expect(bad.diagnostics.map((d) => d.code).sort()).toEqual(["BTP7010", "BTP7011"]);
  });
});
