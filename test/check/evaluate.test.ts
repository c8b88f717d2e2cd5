// Expressions: units, dimensions, arithmetic, `ocv ± voltage`, temperatures in °C, lists.

import { describe, expect, it } from "vitest";
import { check, problems } from "./helpers.js";

function paramSi(text: string, name: string): number | null {
  const result = check(text);
  expect(problems(result)).toEqual([]);
  return result.ir!.params.find((p) => p.name === name)!.si;
}

describe("evaluating expressions", () => {
  it("converts to SI with the unit's prefix", () => {
    expect(paramSi("param i = 147 uA", "i")).toBeCloseTo(1.47e-4, 18);
    expect(paramSi("param c = 0.3 mAh", "c")).toBeCloseTo(1.08, 12);
    expect(paramSi("param f = 10 mHz", "f")).toBeCloseTo(0.01, 15);
    expect(paramSi("param r = C/20", "r")).toBe(0.05);
    expect(paramSi("param n = 10_000", "n")).toBe(10000);
  });

  it("applies a unary minus before the °C offset: -20 °C is 253.15 K", () => {
    expect(paramSi("param t = -20 °C", "t")).toBeCloseTo(253.15, 10);
    expect(paramSi("param t = -20 degC", "t")).toBeCloseTo(253.15, 10);
    expect(paramSi("param t = 25 °C", "t")).toBeCloseTo(298.15, 10);
  });

  it("does arithmetic with dimensions and lets params use earlier params", () => {
    expect(paramSi("param per_rate = 5\nparam total = per_rate * 8", "total")).toBe(40);
    expect(paramSi("param v = 3.9 V - 50 mV", "v")).toBeCloseTo(3.85, 12);
    expect(paramSi("param t = 2 h / 4", "t")).toBe(1800);
    expect(paramSi("param q = 1 mA * 1 h", "q")).toBeCloseTo(3.6, 12);
  });

  it("BTP3010: adding different dimensions, at the whole sum", () => {
    const result = check("param cutoff = 3.9 V + 10 min");
    expect(result.spanText("BTP3010")).toBe("3.9 V + 10 min");
    expect(result.first("BTP3010").message).toContain("a time");
    expect(result.first("BTP3010").message).toContain("a voltage");
  });

  it("BTP3010: a C-rate never mixes with a current", () => {
    expect(check("param i = 1C + 1 mA").spanText("BTP3010")).toBe("1C + 1 mA");
  });

  it("BTP2001: unknown name with a suggestion", () => {
    const result = check("param passes = 5\nrepeat pases { rest for 1 h }");
    expect(result.spanText("BTP2001")).toBe("pases");
    expect(result.first("BTP2001").hint).toBe("did you mean `passes`?");
  });

  it("BTP2001: a sequence used as a value is explained", () => {
    const result = check("sequence s() { rest for 1 h }\nrest for s");
    expect(result.spanText("BTP2001")).toBe("s");
    expect(result.first("BTP2001").hint).toContain("is a sequence");
  });

  it("BTP2017: a param used before its declaration", () => {
    const result = check("param total = per_rate * 8\nparam per_rate = 5");
    expect(result.spanText("BTP2017")).toBe("per_rate");
    expect(result.codes).not.toContain("BTP2001");
  });

  it("BTP3026: division by zero points at the divisor", () => {
    expect(check("param zero = 0\nparam t = 2 h / zero").spanText("BTP3026")).toBe("zero");
  });

  it("BTP3027: a result too large to hold", () => {
    expect(check("param f = 1e300 Hz * 1e300").spanText("BTP3027")).toBe("1e300 Hz * 1e300");
  });

  it("BTP3001: an unknown unit is reported at the unit with a suggestion", () => {
    const result = check("rest for 2 hrs");
    expect(result.spanText("BTP3001")).toBe("hrs");
    expect(result.codes).not.toContain("BTP3012");
  });

  it("accepts `ocv ± voltage` where a voltage set-point is allowed", () => {
    const result = check("hold at ocv + 50 mV for 2 h\nhold at ocv - 10 mV for 1 h\nhold at 5 mV + ocv for 1 h");
    expect(problems(result)).toEqual([]);
    const holds = result.ir!.body.map((n) => (n.kind === "constantVoltage" ? n.voltage : null));
    expect(holds[0]).toMatchObject({ reference: "ocv", text: "ocv + 50 mV" });
    expect((holds[0] as { offsetVolts: number }).offsetVolts).toBeCloseTo(0.05, 15);
    expect((holds[1] as { offsetVolts: number }).offsetVolts).toBeCloseTo(-0.01, 15);
    expect((holds[2] as { offsetVolts: number }).offsetVolts).toBeCloseTo(0.005, 15);
  });

  it("BTP3019: `ocv` in arithmetic other than ± a voltage", () => {
    expect(check("hold at ocv * 2 for 1 h").spanText("BTP3019")).toBe("ocv * 2");
    expect(check("hold at ocv + 1 h for 1 h").spanText("BTP3019")).toBe("ocv + 1 h");
    expect(check("hold at -ocv for 1 h").spanText("BTP3019")).toBe("-ocv");
  });

  it("BTP3025: lists in arithmetic and nested lists", () => {
    expect(check("param a = [1 V, 2 V] + 1 V").spanText("BTP3025")).toBe("[1 V, 2 V] + 1 V");
    expect(check("param a = [[1 V], 2 V]").spanText("BTP3025")).toBe("[1 V]");
  });

  it("keeps percent apart from plain numbers", () => {
    expect(paramSi("param p = 80 %", "p")).toBeCloseTo(0.8, 15);
    const result = check("param p: percent = 0.8");
    expect(result.spanText("BTP3020")).toBe("0.8");
  });
});
