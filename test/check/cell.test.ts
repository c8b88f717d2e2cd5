// Cell declarations → CellIR, `use cell`, and the cell's own diagnostics.

import { describe, expect, it } from "vitest";
import { check, problems } from "./helpers.js";

describe("cell properties", () => {
  it("reads every property into SI", () => {
    const result = check(`cell coin "Na | CGE | NVP coin cell" {
  kind half
  format CR2032
  chemistry "Na-ion"
  window 2.3 V .. 3.9 V
  cathode "NVP-K0.05" { active mass 2.5 mg, specific capacity 117.6 mAh/g, fraction 75 %, area 1.13 cm2 }
  anode { material "Na metal" }
  separator "GF" { thickness 260 um, diameter 16 mm }
  model { exchange_current 1.2 mA, electrolyte "CGE" }
}`);
    expect(problems(result)).toEqual([]);
    const cell = result.ir!.cell!;
    expect(cell).toMatchObject({
      name: "coin",
      title: "Na | CGE | NVP coin cell",
      kind: "half",
      format: "CR2032",
      chemistry: "Na-ion",
      window: { min: 2.3, max: 3.9 },
      area: 1.13e-4,
    });
    expect(cell.electrodes).toHaveLength(2);
    expect(cell.electrodes[0]).toMatchObject({ role: "cathode", material: "NVP-K0.05", activeMass: 2.5e-6, activeFraction: 0.75 });
    expect(cell.electrodes[0]!.specificCapacity).toBeCloseTo(423360, 6);
    expect(cell.electrodes[1]).toMatchObject({ role: "anode", material: "Na metal", activeMass: null });
    expect(cell.electrolyte).toMatchObject({ material: "GF", diameter: 0.016 });
    expect(cell.electrolyte!.thickness).toBeCloseTo(2.6e-4, 15);
    expect(cell.model).toEqual({ exchange_current: 0.0012, electrolyte: "CGE" });
    expect(cell.activeMass).toBe(2.5e-6);
  });

  it("defaults the kind to full and leaves unknown facts null", () => {
    const cell = check("cell bare { nominal capacity 1 mAh }").ir!.cell!;
    expect(cell).toMatchObject({ kind: "full", format: null, area: null, activeMass: null, window: null, electrolyte: null, nominalCapacityDerivation: null });
    expect(cell.nominalCapacity).toBeCloseTo(3.6, 12);
  });

  it("BTP2018: unknown property with a suggestion, also inside an electrode", () => {
    const result = check("cell coin { nominal capacty 0.3 mAh }");
    expect(result.spanText("BTP2018")).toBe("nominal capacty");
    expect(result.first("BTP2018").hint).toBe("did you mean `nominal capacity`?");
    const inElectrode = check('cell coin { cathode "x" { actve mass 2 mg } }');
    expect(inElectrode.spanText("BTP2018")).toBe("actve");
    expect(inElectrode.first("BTP2018").hint).toBe("did you mean `active mass`?");
  });

  it("BTP2019: a property given twice, linked to the first", () => {
    const result = check("cell coin { area 1.13 cm2, area 2 cm2 }");
    expect(result.first("BTP2019").span.start.offset).toBe("cell coin { area 1.13 cm2, ".length);
    expect(result.first("BTP2019").related![0]!.span.start.offset).toBe("cell coin { ".length);
  });

  it("BTP2021: a property of the wrong shape", () => {
    expect(check("cell coin { window 3.9 V }").spanText("BTP2021")).toBe("window 3.9 V");
    expect(check("cell coin { cathode 2 mg }").codes).toContain("BTP2021");
  });

  it("BTP2022: unknown cell kind", () => {
    const result = check("cell na_na { kind symetric }");
    expect(result.spanText("BTP2022")).toBe("symetric");
    expect(result.first("BTP2022").hint).toBe("did you mean `symmetric`?");
  });

  it("BTP3024: a property of the wrong dimension", () => {
    const result = check('cell coin { cathode "NVP" { active mass 2.5 mAh } }');
    expect(result.spanText("BTP3024")).toBe("2.5 mAh");
    expect(result.first("BTP3024").message).toContain("a mass");
  });

  it("BTP3040: a window upside down", () => {
    expect(check("cell coin { window 3.9 V .. 2.3 V }").spanText("BTP3040")).toBe("3.9 V .. 2.3 V");
  });

  it("BTP3041: a fraction above 100 %", () => {
    expect(check('cell coin { cathode "NVP" { fraction 175 % } }').spanText("BTP3041")).toBe("175 %");
  });

  it("BTP3033: a zero active mass", () => {
    expect(check('cell coin { cathode "NVP" { active mass 0 mg } }').spanText("BTP3033")).toBe("0 mg");
  });
});

describe("choosing the cell", () => {
  const TWO = "cell a { nominal capacity 1 mAh }\ncell b { nominal capacity 2 mAh }\n";

  it("`use cell NAME` picks one of several", () => {
    const result = check(`${TWO}use cell b\ncharge at 1C for 1 h`);
    expect(problems(result)).toEqual([]);
    expect(result.ir!.cell!.name).toBe("b");
  });

  it("several cells and no `use cell`: no cell in the IR", () => {
    expect(check(`${TWO}rest for 1 h`).ir!.cell).toBeNull();
  });

  it("BTP2004: unknown cell with a suggestion", () => {
    const result = check(`${TWO}use cell c`);
    expect(result.spanText("BTP2004")).toBe("c");
    expect(check("cell coin { nominal capacity 1 mAh }\nuse cell coin_cell").first("BTP2004").hint).toContain("the cells are: coin");
  });

  it("BTP2010: the cell chosen twice", () => {
    const result = check(`${TWO}use cell a\nuse cell b`);
    expect(result.spanText("BTP2010")).toBe("use cell b");
    expect(result.first("BTP2010").related).toHaveLength(1);
  });

  it("BTP2002: two cells with one name", () => {
    const result = check("cell a { nominal capacity 1 mAh }\ncell a { nominal capacity 2 mAh }");
    expect(result.spanText("BTP2002")).toBe("a");
    expect(result.first("BTP2002").span.start.line).toBe(2);
  });

  it("a cell without a name is used when it is the only one", () => {
    const result = check('cell "Na | CGE | NVP" { nominal capacity 0.3 mAh }\ncharge at 1C for 1 h');
    expect(problems(result)).toEqual([]);
    expect(result.ir!.cell!.name).toBe("Na | CGE | NVP");
  });
});
