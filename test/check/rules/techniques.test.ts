import { describe, expect, it } from "vitest";
import { checkTechniques } from "../../../src/check/rules/techniques.js";
import { absolute, cv, eis, fromOcv, lsv, protocol } from "./build.js";

const codes = (body: Parameters<typeof protocol>[0]) => checkTechniques(protocol(body)).map((d) => d.code);

describe("EIS settings", () => {
  it("BTP4040: equal start and end frequencies are an error", () => {
    const step = eis({ startFrequency: 0.01, endFrequency: 0.01 });
    const [d] = checkTechniques(protocol([step]));
    expect(d).toMatchObject({ code: "BTP4040", severity: "error", span: step.span });
    expect(d!.message).toBe("this impedance measurement starts and ends at 10 mHz, so it sweeps no frequencies");
    expect(codes([eis({ startFrequency: 0.01, endFrequency: 1e5 })])).toEqual([]);
  });

  it("BTP4041: frequencies beyond 10 MHz or below 10 µHz", () => {
    const found = checkTechniques(protocol([eis({ startFrequency: 1e9, endFrequency: 1e-6 })]));
    expect(found.map((d) => d.code)).toEqual(["BTP4041", "BTP4041"]);
    expect(found[0]!.message).toBe("the start frequency 1 GHz is above what any impedance analyser measures (10 µHz .. 10 MHz)");
    expect(found[1]!.message).toContain("the end frequency 1 µHz is below");
    expect(codes([eis({ startFrequency: 10e6, endFrequency: 10e-6 })])).toEqual([]);
  });

  it("BTP4042: a potentiostatic amplitude above 50 mV; galvanostatic amplitudes are currents", () => {
    const found = checkTechniques(protocol([eis({ amplitude: 0.1 })]));
    expect(found.map((d) => d.code)).toEqual(["BTP4042"]);
    expect(found[0]!.message).toContain("the amplitude 100 mV is not small-signal");
    expect(codes([eis({ amplitude: 0.05 }), eis({ mode: "galvanostatic", amplitude: 0.1 })])).toEqual([]);
  });

  it("BTP4043: more than 100 points per decade", () => {
    expect(codes([eis({ pointsPerDecade: 1000 })])).toEqual(["BTP4043"]);
    expect(codes([eis({ pointsPerDecade: 100 })])).toEqual([]);
  });
});

describe("voltammetry settings", () => {
  it("BTP4044: absurd scan rates on LSV and CV", () => {
    const found = checkTechniques(protocol([lsv(fromOcv, absolute(6.5), 100), cv(2, 4, { scanRate: 1e-7 })]));
    expect(found.map((d) => d.code)).toEqual(["BTP4044", "BTP4044"]);
    expect(found[0]!.message).toBe("absurd scan rate 100 V/s: faster than 10 V/s");
    expect(found[1]!.message).toBe("absurd scan rate 100 nV/s: slower than 1 µV/s");
    expect(codes([lsv(fromOcv, absolute(6.5), 1e-4), cv(2, 4, { scanRate: 10 }), cv(2, 4, { scanRate: 1e-6 })])).toEqual([]);
  });

  it("BTP4045: a CV start outside its vertices", () => {
    const step = cv(2, 4, { start: absolute(4.5) });
    const [d] = checkTechniques(protocol([step]));
    expect(d).toMatchObject({ code: "BTP4045", severity: "error", span: step.span });
    expect(d!.message).toBe("this cyclic voltammetry starts at 4.5 V, outside its vertices 2 V .. 4 V");
    expect(codes([cv(2, 4, { start: absolute(4) }), cv(2, 4, { start: fromOcv }), cv(2, 4, { start: absolute(3.2) })])).toEqual([]);
  });
});
