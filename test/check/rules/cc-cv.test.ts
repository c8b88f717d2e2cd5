import { describe, expect, it } from "vitest";
import { checkHoldAfterCutoff } from "../../../src/check/rules/cc-cv.js";
import {
  above, afterCycles, below, ccCv, charge, cRate, discharge, forTime, group, hold, holdAtOcv, loop, mA, power, protocol, rest, taper, voltage,
} from "./build.js";

const run = (...body: Parameters<typeof protocol>[0]) => checkHoldAfterCutoff(protocol(body));

describe("BTP4030: a hold at a different voltage from the cut-off before it", () => {
  it("warns with both spans", () => {
    const cut = above(3.9);
    const cc = charge(cRate(0.5), [cut]);
    const cv = hold(4.9, [taper(mA(0.0147))]);
    const [d, ...more] = run(cc, cv);
    expect(more).toEqual([]);
    expect(d).toMatchObject({ code: "BTP4030", severity: "warning", span: cv.span });
    expect(d!.message).toBe("this hold at 4.9 V follows a charge that stops at 3.9 V: a hold at a different voltage from the cut-off before it is a classic typing mistake");
    expect(d!.hint).toContain("`hold at 3.9 V`");
    expect(d!.hint).toContain("`charge at 0.5C until 3.9 V then hold until C/20`");
    expect(d!.related?.map((r) => r.span)).toEqual([cut.span, cc.span]);
  });

  it("treats 1 mV as the same voltage and 2 mV as different", () => {
    expect(run(charge(cRate(0.5), [above(3.9)]), hold(3.901, [forTime(60)]))).toEqual([]);
    expect(run(charge(cRate(0.5), [above(3.9)]), hold(3.902, [forTime(60)])).map((d) => d.code)).toEqual(["BTP4030"]);
  });

  it("covers discharges and constant power, and any of several cut-offs", () => {
    expect(run(discharge(cRate(1), [below(2.3)]), hold(2.0, [forTime(60)])).map((d) => d.code)).toEqual(["BTP4030"]);
    expect(run(power("charge", 0.001, [above(3.9)]), hold(4.0, [forTime(60)])).map((d) => d.code)).toEqual(["BTP4030"]);
    expect(run(charge(cRate(1), [above(3.8), above(3.9)]), hold(3.9, [forTime(60)]))).toEqual([]);
  });

  it("does not warn when something else comes between, or the CC step does not stop on a voltage", () => {
    expect(run(charge(cRate(0.5), [above(3.9)]), rest(), hold(4.2, [forTime(60)]))).toEqual([]);
    expect(run(charge(cRate(0.5), [forTime(3600)]), hold(4.2, [forTime(60)]))).toEqual([]);
    expect(run(charge(cRate(0.5), [voltage(2, "<"), forTime(60)]), hold(4.2, [forTime(60)]))).toEqual([]);
    expect(run(charge(cRate(0.5), [above(3.9)]), holdAtOcv(0.05, [forTime(60)]))).toEqual([]);
    expect(run(ccCv("charge", cRate(0.5), 3.9, [taper(mA(0.01))]), hold(4.2, [forTime(60)]))).toEqual([]);
  });

  it("follows the order the cell sees: across groups and the loop wrap-around", () => {
    expect(run(group([charge(cRate(0.5), [above(3.9)])], "sequence"), group([hold(4.0, [forTime(60)])])).map((d) => d.code)).toEqual(["BTP4030"]);
    // The hold opens the body; from pass 2 on it follows the charge that closes the body.
    expect(run(loop(10, [hold(4.0, [forTime(60)]), discharge(cRate(1), [below(2.3)]), charge(cRate(1), [above(3.9)])])).map((d) => d.code)).toEqual(["BTP4030"]);
    expect(run(loop(1, [hold(4.0, [forTime(60)]), discharge(cRate(1), [below(2.3)]), charge(cRate(1), [above(3.9)])]))).toEqual([]);
  });

  it("considers a skipped cycle action: the hold may directly follow the charge", () => {
    const body = [charge(cRate(1), [above(3.9)]), afterCycles([10], [rest()]), hold(4.0, [forTime(60)]), discharge(cRate(1), [below(2.3)])];
    expect(run(loop(20, body)).map((d) => d.code)).toEqual(["BTP4030"]);
  });
});
