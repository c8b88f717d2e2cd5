import { describe, expect, it } from "vitest";
import { checkWindowAndLimits } from "../../../src/check/rules/window.js";
import {
  above, absolute, below, capacity, ccCv, celsius, charge, cRate, cv, discharge, eis, forTime, fromOcv, hold, holdAtOcv,
  lsv, mA, mAh, nvpCell, power, protocol, rest, taper, temperature, voltage,
} from "./build.js";

const codes = (ds: { code: string }[]) => ds.map((d) => d.code);

describe("BTP4020: a voltage outside the cell window", () => {
  it("warns on a cut-off above the window, pointing at the cut-off and the cell", () => {
    const cell = nvpCell();
    const end = above(4.9);
    const step = charge(cRate(0.5), [end]);
    const [d, ...more] = checkWindowAndLimits(protocol([step], { cell }));
    expect(more).toEqual([]);
    expect(d).toMatchObject({ code: "BTP4020", severity: "warning", span: step.span });
    expect(d!.message).toBe("the cut-off 4.9 V is above the cell window 2.3 V .. 3.9 V");
    expect(d!.hint).toContain('the cell "Na | CGE | NVP-K0.05 coin cell" is declared for 2.3 V .. 3.9 V');
    expect(d!.related).toEqual([
      { message: "the cut-off", span: end.span },
      { message: "the window is declared here", span: cell.span },
    ]);
  });

  it("warns on hold voltages, CC-CV voltages and an absolute bias below or above the window", () => {
    const steps = [
      hold(2.0, [forTime(60)]),
      ccCv("charge", cRate(0.5), 4.0, [taper(mA(0.01))]),
      eis({ bias: { reference: "absolute", value: 4.5 } }),
    ];
    const found = checkWindowAndLimits(protocol(steps));
    expect(codes(found)).toEqual(["BTP4020", "BTP4020", "BTP4020"]);
    expect(found[0]!.message).toBe("the hold voltage 2 V is below the cell window 2.3 V .. 3.9 V");
    expect(found[2]!.message).toContain("bias 4.5 V");
  });

  it("accepts cut-offs on the window edges (with float residue), relative holds, and cells without a window", () => {
    const steps = [charge(cRate(0.5), [above(3.9000000000000004)]), discharge(cRate(0.5), [below(2.3)]), holdAtOcv(2, [forTime(60)])];
    expect(checkWindowAndLimits(protocol(steps))).toEqual([]);
    expect(checkWindowAndLimits(protocol([charge(cRate(0.5), [above(4.9)])], { cell: nvpCell({ window: null }) }))).toEqual([]);
    expect(checkWindowAndLimits(protocol([charge(cRate(0.5), [above(4.9)])], { cell: null }))).toEqual([]);
  });

  it("judges voltage sweeps against the window on full and half cells only", () => {
    const sweeps = () => [lsv(fromOcv, absolute(6.5)), cv(2.0, 4.0)];
    // The sweep end 6.5 V, and the CV's lower (2.0 V) and upper (4.0 V) vertices; the CV starts on
    // its lower vertex, which is not reported twice.
    const onFull = checkWindowAndLimits(protocol(sweeps(), { cell: nvpCell({ kind: "full" }) }));
    expect(onFull.map((d) => d.message.split(" is ")[0])).toEqual(["the sweep end 6.5 V", "the lower vertex 2 V", "the upper vertex 4 V"]);
    expect(onFull[0]!.hint).toContain("sweeping a full cell past its window");
    expect(codes(checkWindowAndLimits(protocol(sweeps(), { cell: nvpCell({ kind: "half" }) })))).toHaveLength(3);
    for (const kind of ["lsv", "blocking", "symmetric"] as const) {
      expect(checkWindowAndLimits(protocol(sweeps(), { cell: nvpCell({ kind }) }))).toEqual([]);
    }
    expect(checkWindowAndLimits(protocol([cv(2.3, 3.9, { start: absolute(3.0) })]))).toEqual([]);
  });
});

describe("BTP4021: a voltage beyond the safety limits", () => {
  const limits = { voltage: { min: 2.0, max: 4.2 } };

  it("is an error, and replaces the window warning for the same voltage", () => {
    const step = charge(cRate(0.5), [above(4.3)], { limits });
    const found = checkWindowAndLimits(protocol([step]));
    expect(codes(found)).toEqual(["BTP4021"]);
    expect(found[0]).toMatchObject({ severity: "error", span: step.span });
    expect(found[0]!.message).toBe("the cut-off 4.3 V is above the safety limit 4.2 V: the limit would stop the test first");
    expect(found[0]!.hint).toContain("allow 2 V .. 4.2 V");
  });

  it("covers hold voltages and sweeps on any cell, and one-sided limits", () => {
    const steps = [
      hold(1.5, [forTime(60)], { limits }),
      lsv(fromOcv, absolute(6.5), 1e-4, { limits }),
      discharge(cRate(1), [below(1.0)], { limits: { voltage: { min: 1.5, max: null } } }),
    ];
    const found = checkWindowAndLimits(protocol(steps, { cell: nvpCell({ kind: "lsv", window: null }) }));
    expect(codes(found)).toEqual(["BTP4021", "BTP4021", "BTP4021"]);
    expect(found[2]!.hint).toContain("allow 1.5 V .. …");
  });

  it("accepts a cut-off on the limit and inside it", () => {
    const steps = [charge(cRate(0.5), [above(3.9)], { limits }), hold(3.9, [forTime(60)], { limits: { voltage: { min: null, max: 3.9 } } })];
    expect(checkWindowAndLimits(protocol(steps))).toEqual([]);
  });
});

describe("BTP4022, BTP4024, BTP4025: set-points a safety limit would stop", () => {
  it("reports a current above the current limit, as written and in amperes", () => {
    const step = charge(cRate(20), [above(3.9)], { limits: { current: { max: mA(2) } } });
    const [d] = checkWindowAndLimits(protocol([step]));
    expect(d).toMatchObject({ code: "BTP4022", severity: "error", span: step.span });
    expect(d!.message).toBe("the current 20C (5.88 mA) is above the current limit 2 mA: the limit would stop the test as soon as this step starts");
  });

  it("covers CC-CV currents, power and capacity ends", () => {
    const steps = [
      ccCv("charge", cRate(20), 3.9, [taper(mA(0.01))], [], { limits: { current: { max: mA(2) } } }),
      power("discharge", 0.02, [below(2.3)], { limits: { power: { max: 0.01 } } }),
      charge(cRate(0.1), [capacity(mAh(2))], { limits: { capacity: { max: mAh(1) } } }),
    ];
    const found = checkWindowAndLimits(protocol(steps));
    expect(codes(found)).toEqual(["BTP4022", "BTP4024", "BTP4025"]);
    expect(found[1]!.message).toContain("the power 20 mW is above the power limit 10 mW");
    expect(found[2]!.message).toContain("above the capacity limit 1 mAh");
  });

  it("accepts set-points at or below the limits", () => {
    const steps = [
      charge(cRate(1), [above(3.9)], { limits: { current: { max: mA(0.294) } } }),
      power("discharge", 0.01, [below(2.3)], { limits: { power: { max: 0.01 } } }),
      charge(cRate(0.1), [capacity(mAh(1))], { limits: { capacity: { max: mAh(1) } } }),
      rest([forTime(60)], { limits: { current: { max: 0 } } }),
    ];
    expect(checkWindowAndLimits(protocol(steps))).toEqual([]);
  });
});

describe("BTP4023: a temperature set-point outside the temperature limits", () => {
  const limits = { temperature: { min: celsius(-10), max: celsius(45) } };

  it("reports a chamber set-point above or below the limits in °C", () => {
    const found = checkWindowAndLimits(protocol([temperature(celsius(60), { limits }), temperature(celsius(-20), { limits })]));
    expect(codes(found)).toEqual(["BTP4023", "BTP4023"]);
    expect(found[0]!.message).toBe("the temperature set-point 60 °C is above the temperature limit 45 °C: the limit would stop the test");
    expect(found[1]!.message).toContain("-20 °C is below the temperature limit -10 °C");
    expect(found[0]!.hint).toContain("allow -10 °C .. 45 °C");
  });

  it("accepts set-points inside or on the limits", () => {
    expect(checkWindowAndLimits(protocol([temperature(celsius(45), { limits }), temperature(celsius(25), { limits })]))).toEqual([]);
  });
});

it("checks every voltage end of a step, not only the first", () => {
  const found = checkWindowAndLimits(protocol([charge(cRate(0.5), [above(3.9), voltage(1.0, "<")])]));
  expect(codes(found)).toEqual(["BTP4020"]);
});
