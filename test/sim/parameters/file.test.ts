import { describe, expect, it } from "vitest";
import { parseParameterFile } from "../../../src/sim/parameters/file.js";
import { readParameterValue } from "../../../src/sim/parameters/values.js";
import { parameterInfo } from "../../../src/sim/parameters/catalogue.js";

describe("parameter files", () => {
  it("reads YAML with units into SI, and names the set to start from", () => {
    const { parameters, diagnostics } = parseParameterFile(
      "preset: nvpK005_cge\nhysteresisVoltage: 10 mV\nelectrolyteConductivity: 3.37 mS/cm\nmodeWeight: 2.1\nthermalTimeConstant: 20 min\nreferenceTemperature: 25 °C\nocv: PBA\n",
      "cell.yaml",
    );
    expect(diagnostics).toEqual([]);
    expect(parameters).toEqual({
      preset: "nvpK005_cge",
      hysteresisVoltage: 0.01,
      electrolyteConductivity: expect.closeTo(0.337, 12),
      modeWeight: 2.1,
      thermalTimeConstant: 1200,
      referenceTemperature: expect.closeTo(298.15, 12),
      ocv: expect.objectContaining({ name: "PBA" }),
    });
  });

  it("reads JSON, and lists MSMR terms for a custom curve", () => {
    const { parameters, diagnostics } = parseParameterFile(
      '{"ocv": [{"fraction": 1, "potential": 3.3, "width": 2}], "tafelSlope": "120 mV/decade"}',
      "cell.json",
    );
    expect(diagnostics).toEqual([]);
    expect(parameters.ocv).toEqual({ name: "custom", terms: [{ fraction: 1, potential: 3.3, width: 2 }] });
    expect(parameters.tafelSlope).toBeCloseTo(0.12, 12);
  });

  it("points at the exact line of a value without a unit, a wrong unit or an unknown name", () => {
    const { diagnostics } = parseParameterFile(
      "modeWeight: 2\nhysteresisVoltage: 10\nelectrolyteThickness: 3 V\nconductivty: 1 mS/cm\n",
      "cell.yaml",
    );
    expect(diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([
      ["BTP7012", 2],
      ["BTP7012", 3],
      ["BTP7013", 4],
    ]);
    expect(diagnostics[0]!.message).toBe("the cell parameter `hysteresisVoltage` needs a unit (voltage, for example `10 mV`)");
    expect(diagnostics[2]!.hint).toContain("electrolyteConductivity");
  });

  it("refuses what is not a mapping, and broken YAML, without throwing", () => {
    expect(parseParameterFile("- 1\n- 2\n", "list.yaml").diagnostics[0]!.code).toBe("BTP7014");
    expect(parseParameterFile("a: [1,\n", "broken.yaml").diagnostics[0]!.code).toBe("BTP7014");
    expect(parseParameterFile("", "empty.yaml").diagnostics[0]!.code).toBe("BTP7014");
  });
});

describe("parameter values", () => {
  const value = (name: string, raw: unknown) => readParameterValue(parameterInfo(name)!, raw);

  it("reads the units the units module does not know", () => {
    expect(value("sodiumActivationEnergy", "0.36 eV")).toEqual({ ok: true, si: expect.closeTo(0.36 * 96485.33212, 6) });
    expect(value("doubleLayerCapacitance", "10 uF/cm2")).toEqual({ ok: true, si: expect.closeTo(0.1, 12) });
    expect(value("strayInductance", "100 nH")).toEqual({ ok: true, si: expect.closeTo(1e-7, 18) });
    expect(value("vtfTemperature", "157.7 K")).toEqual({ ok: true, si: 157.7 });
    expect(value("vtfTemperature", "157.7 °C").ok).toBe(false);
    expect(value("initialStateOfCharge", "50 %")).toEqual({ ok: true, si: 0.5 });
    expect(value("sodiumActivationEnergy", "35 kJ").ok).toBe(false);
  });
});
