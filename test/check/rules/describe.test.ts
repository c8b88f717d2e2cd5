import { describe, expect, it } from "vitest";
import { describeResolved, describeStep, formatCelsius, formatCharge, formatRange, formatVolts, withPrefix } from "../../../src/check/rules/describe.js";
import { ccCv, charge, cRate, holdAtOcv, forTime, taper, mA } from "./build.js";

describe("how the rules print quantities", () => {
  it("picks the SI prefix that puts the number between 1 and 1000, without float residue", () => {
    expect(withPrefix(0.000294, "A")).toBe("294 µA");
    expect(withPrefix(0.1 + 0.2, "A")).toBe("300 mA");
    expect(withPrefix(0.00099999999999999, "A")).toBe("1 mA");
    expect(withPrefix(1e6, "Hz")).toBe("1 MHz");
    expect(withPrefix(-0.05, "V")).toBe("-50 mV");
    expect(withPrefix(0, "A")).toBe("0 A");
    expect(withPrefix(1e-15, "A")).toBe("0.001 pA");
  });

  it("prints voltages in volts, charge in Ah and temperatures in °C", () => {
    expect(formatVolts(3.9000000000000004)).toBe("3.9 V");
    expect(formatVolts(0.05)).toBe("50 mV");
    expect(formatCharge(0.294 * 3.6)).toBe("294 µAh");
    expect(formatCelsius(333.15)).toBe("60 °C");
    expect(formatCelsius(253.15)).toBe("-20 °C");
    expect(formatRange(null, 4.2, formatVolts)).toBe("… .. 4.2 V");
  });

  it("names steps as the user wrote them", () => {
    expect(describeStep(charge(cRate(0.5), [forTime(60)]))).toBe("charge at 0.5C");
    expect(describeStep(ccCv("discharge", cRate(1), 2.3, [taper(mA(0.01))]))).toBe("discharge at 1C then hold at 2.3 V");
    expect(describeStep(holdAtOcv(0.05, [forTime(60)]))).toBe("hold at ocv + 0.05 V");
    expect(describeResolved(cRate(0.5), "147 µA")).toBe("0.5C (147 µA)");
    expect(describeResolved({ si: 0.002, text: "2 mA" }, "2 mA")).toBe("2 mA");
  });
});
