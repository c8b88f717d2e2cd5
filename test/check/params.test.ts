// Params and `--set` overrides.

import { describe, expect, it } from "vitest";
import { COIN_CELL, check, problems } from "./helpers.js";

const RATE_TEST = `${COIN_CELL}param cycles_per_rate = 5   # not stated in the paper
param rate: c-rate = 1C
repeat cycles_per_rate { charge at rate until 3.9 V; discharge at rate until 2.3 V }
`;

describe("params", () => {
  it("records text, SI value, doc comment and whether it was overridden", () => {
    const result = check(RATE_TEST);
    expect(result.ir!.params).toMatchObject([
      { name: "cycles_per_rate", text: "5", si: 5, doc: "not stated in the paper", overridden: false },
      { name: "rate", text: "1C", si: 1, doc: null, overridden: false },
    ]);
  });

  it("BTP3020: a typed param checks its value", () => {
    const result = check("param rate: c-rate = 1 mA");
    expect(result.spanText("BTP3020")).toBe("1 mA");
    expect(result.first("BTP3020").message).toContain("c-rate");
  });

  it("BTP2002: a param declared twice", () => {
    const result = check("param rate = 0.5C\nparam rate = 1C");
    expect(result.first("BTP2002").span.start.line).toBe(2);
    expect(result.first("BTP2002").related![0]!.span.start.line).toBe(1);
  });
});

describe("--set overrides", () => {
  it("replace a value, keeping loops as loops", () => {
    const result = check(RATE_TEST, {}, { overrides: [{ name: "cycles_per_rate", value: "3" }, { name: "rate", value: "2C" }] });
    expect(problems(result)).toEqual([]);
    expect(result.ir!.params).toMatchObject([
      { name: "cycles_per_rate", text: "3", si: 3, overridden: true },
      { name: "rate", text: "2C", si: 2, overridden: true },
    ]);
    expect(result.ir!.body[0]).toMatchObject({ kind: "loop", count: 3, body: [{ current: { text: "2C" } }, {}] });
    expect((result.ir!.body[0] as { body: { current: { si: number } }[] }).body[0]!.current.si).toBeCloseTo(0.000588, 15);
  });

  it("a later param computed from an overridden one follows it", () => {
    const result = check("param n = 5\nparam total = n * 2\nrepeat total { rest for 1 h }", {}, { overrides: [{ name: "n", value: "7" }] });
    expect(result.ir!.body[0]).toMatchObject({ count: 14 });
  });

  it("BTP2016: an unknown param, listing the params", () => {
    const result = check(RATE_TEST, {}, { overrides: [{ name: "cycles", value: "3" }] });
    const d = result.first("BTP2016");
    expect(d.span.file).toBe("<--set>");
    expect(d.hint).toContain("the params are: cycles_per_rate, rate");
  });

  it("BTP3022: a value of another kind", () => {
    const result = check(RATE_TEST, {}, { overrides: [{ name: "rate", value: "1 mA" }] });
    expect(result.first("BTP3022").span.file).toBe("<--set>");
    expect(result.first("BTP3022").message).toContain("c-rate");
    const untyped = check(RATE_TEST, {}, { overrides: [{ name: "cycles_per_rate", value: "3 h" }] });
    expect(untyped.codes).toContain("BTP3022");
    expect(untyped.ir).toBeNull();
  });

  it("a value that does not parse is a diagnostic in <--set>", () => {
    const result = check(RATE_TEST, {}, { overrides: [{ name: "rate", value: "2C +" }] });
    expect(result.ir).toBeNull();
    expect(result.diagnostics.some((d) => d.span.file === "<--set>")).toBe(true);
  });

  it("percent and plain numbers are not interchangeable", () => {
    const result = check("param keep = 80 %\nrest for 1 h", {}, { overrides: [{ name: "keep", value: "0.8" }] });
    expect(result.codes).toContain("BTP3022");
  });
});
