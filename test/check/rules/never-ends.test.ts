import { describe, expect, it } from "vitest";
import { checkStepsEnd } from "../../../src/check/rules/never-ends.js";
import {
  above, amps, below, capacity, ccCv, charge, cRate, discharge, forTime, hold, holdAtOcv, mA, mAh,
  ocv, power, protocol, rest, taper, voltage,
} from "./build.js";

describe("BTP4001: a step with no end condition", () => {
  it("reports a rest, an open-circuit step, a charge, a power step and a hold without ends", () => {
    const steps = [rest([]), ocv([]), charge(cRate(0.5), []), power("discharge", 0.001, []), hold(3.9, [])];
    const found = checkStepsEnd(protocol(steps));
    expect(found.map((d) => d.code)).toEqual(["BTP4001", "BTP4001", "BTP4001", "BTP4001", "BTP4001"]);
    expect(found.every((d) => d.severity === "error")).toBe(true);
    expect(found.map((d) => d.span)).toEqual(steps.map((s) => s.span));
    expect(found[2]!.message).toBe("this charge at 0.5C has no end condition, so it would never end");
    // The hint suggests the cell's own window edge for the direction of the step.
    expect(found[2]!.hint).toContain("until 3.9 V");
    expect(found[3]!.hint).toContain("until 2.3 V");
    expect(found[0]!.hint).toContain("rest for 1 h");
  });

  it("accepts the same steps once they say how they end", () => {
    const steps = [rest([forTime(600)]), ocv([forTime(60)]), charge(cRate(0.5), [above(3.9)]), power("discharge", 0.001, [below(2.3)]), hold(3.9, [taper(mA(0.01))])];
    expect(checkStepsEnd(protocol(steps))).toEqual([]);
  });

  it("does not ask for a time guard on a constant-current step that ends on a voltage", () => {
    expect(checkStepsEnd(protocol([discharge(cRate(1), [below(2.3)])]))).toEqual([]);
  });
});

describe("BTP4002: a voltage hold without a time or current end", () => {
  it("reports a hold that only ends on a capacity, with the end as related span", () => {
    const end = capacity(mAh(0.2));
    const step = hold(3.9, [end]);
    const [d, ...rest] = checkStepsEnd(protocol([step]));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "BTP4002", severity: "error", span: step.span });
    expect(d!.message).toContain("hold at 3.9 V has no time or current end");
    expect(d!.related?.[0]?.span).toEqual(end.span);
  });

  it("reports the hold part of a CC-CV step that has no end, and a relative hold alike", () => {
    const found = checkStepsEnd(protocol([ccCv("charge", cRate(0.5), 3.9, []), holdAtOcv(0.05, [voltage(3.5, ">")])]));
    expect(found.map((d) => d.code)).toEqual(["BTP4002", "BTP4002"]);
    expect(found[0]!.message).toContain("the hold at 3.9 V after this charge");
  });

  it("accepts holds that end on a taper current or a time", () => {
    const steps = [ccCv("charge", cRate(0.5), 3.9, [taper(mA(0.0147))]), hold(3.9, [capacity(mAh(0.2)), forTime(7200)]), holdAtOcv(0.05, [taper(mA(0.001))])];
    expect(checkStepsEnd(protocol(steps))).toEqual([]);
  });
});

describe("BTP4003: a step that cannot reach any of its ends", () => {
  it("reports a charge that only ends below a voltage", () => {
    const end = voltage(2, "<");
    const step = charge(cRate(0.5), [end]);
    const [d] = checkStepsEnd(protocol([step]));
    expect(d).toMatchObject({ code: "BTP4003", severity: "error", span: step.span });
    expect(d!.message).toBe("this charge at 0.5C may never end: charging raises the voltage, so it will not fall below 2 V");
    expect(d!.related).toEqual([{ message: "charging raises the voltage, so it will not fall below 2 V", span: end.span }]);
  });

  it("reports a discharge that only ends above a voltage, and a constant power discharge alike", () => {
    const found = checkStepsEnd(protocol([discharge(cRate(1), [voltage(4, ">=")]), power("discharge", 0.001, [voltage(4, ">")])]));
    expect(found.map((d) => d.code)).toEqual(["BTP4003", "BTP4003"]);
    expect(found[0]!.message).toContain("discharging lowers the voltage, so it will not rise above 4 V");
  });

  it("reports a constant current waiting for its own current to taper", () => {
    const [d] = checkStepsEnd(protocol([charge(amps(mA(1)), [taper(mA(0.05))])]));
    expect(d?.code).toBe("BTP4003");
    expect(d!.message).toContain("the current stays at 1 mA, so it will not fall below 50 µA");
  });

  it("accepts the near misses: a guard that can fire, the right comparator, a power step's current end", () => {
    const steps = [
      charge(cRate(0.5), [voltage(2, "<"), forTime(3600)]),
      charge(cRate(0.5), [voltage(3.9, ">")]),
      discharge(cRate(0.5), [voltage(2.3, "<")]),
      power("discharge", 0.001, [taper(mA(0.5))]),
      // Holds from the start: a problem of its own, but not one of never ending.
      charge(amps(mA(1)), [taper(mA(2))]),
      charge(amps(mA(1)), [capacity(mAh(0.1))]),
    ];
    expect(checkStepsEnd(protocol(steps))).toEqual([]);
  });
});
