import { describe, expect, it } from "vitest";
import { checkCurrentsAgainstCell } from "../../../src/check/rules/currents.js";
import { above, amps, capacity, ccCv, charge, cRate, discharge, below, hold, mA, mAh, nvpCell, protocol, taper } from "./build.js";

describe("BTP4050: a current far above the cell's 1C", () => {
  it("warns on 50 mA for a cell whose 1C is 0.294 mA", () => {
    const cell = nvpCell();
    const step = charge(amps(mA(50)), [above(3.9)]);
    const [d, ...more] = checkCurrentsAgainstCell(protocol([step], { cell }));
    expect(more).toEqual([]);
    expect(d).toMatchObject({ code: "BTP4050", severity: "warning", span: step.span });
    expect(d!.message).toBe("the current 50 mA is 170C for this cell (1C = 294 µA); above 100C is almost always a mistake");
    expect(d!.hint).toContain("2.5 mg × 117.6 mAh/g = 0.294 mAh");
    expect(d!.related).toEqual([{ message: "1C is defined by this cell", span: cell.span }]);
  });

  it("covers CC-CV steps and accepts up to 100C", () => {
    const found = checkCurrentsAgainstCell(protocol([ccCv("charge", cRate(150), 3.9, [taper(mA(0.01))]), discharge(cRate(100), [below(2.3)]), charge(cRate(30), [above(3.9)])]));
    expect(found.map((d) => d.code)).toEqual(["BTP4050"]);
  });

  it("says nothing when the cell has no nominal capacity", () => {
    expect(checkCurrentsAgainstCell(protocol([charge(amps(1), [above(3.9)])], { cell: nvpCell({ nominalCapacity: null }) }))).toEqual([]);
    expect(checkCurrentsAgainstCell(protocol([charge(amps(1), [above(3.9)])], { cell: null }))).toEqual([]);
  });
});

describe("BTP4051: a capacity end far above the nominal capacity", () => {
  it("warns above 1.5 × nominal, on any step", () => {
    const end = capacity(mAh(3));
    const step = hold(3.9, [end, taper(mA(0.01))]);
    const [d] = checkCurrentsAgainstCell(protocol([step]));
    expect(d).toMatchObject({ code: "BTP4051", severity: "warning", span: step.span });
    expect(d!.message).toBe("the capacity end 3 mAh is 1020 % of the nominal capacity 294 µAh, so it will likely not be reached");
    expect(d!.related?.[0]?.span).toEqual(end.span);
  });

  it("accepts 1.5 × nominal", () => {
    expect(checkCurrentsAgainstCell(protocol([charge(cRate(0.1), [capacity(mAh(0.294 * 1.5))])]))).toEqual([]);
  });
});
