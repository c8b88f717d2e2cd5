import { describe, expect, it } from "vitest";
import type { Span } from "../../src/diagnostics/diagnostic.js";
import { codeInfo } from "../../src/diagnostics/codes/index.js";
import { resolveUnit } from "../../src/units/diagnostics.js";

const span: Span = {
  file: "p.btp",
  start: { offset: 14, line: 2, column: 5 },
  end: { offset: 17, line: 2, column: 8 },
};

describe("unit diagnostics", () => {
  it("resolves a good unit", () => {
    const result = resolveUnit("mAh", span);
    expect(result.ok).toBe(true);
  });

  it("reports an unknown unit as BTP3001 at the unit's span, with the suggestion as hint", () => {
    const result = resolveUnit("mAH", span);
    if (result.ok) throw new Error("mAH should not parse");
    expect(result.diagnostic).toEqual({
      code: "BTP3001",
      severity: "error",
      message: "unknown unit `mAH`",
      span,
      hint: "did you mean `mAh`?",
    });
  });

  it("points to the reference when it has no guess", () => {
    const result = resolveUnit("xyzzy", span);
    if (result.ok) throw new Error("xyzzy should not parse");
    expect(result.diagnostic.hint).toMatch(/docs\/units\.md/);
  });

  it("reports °C inside a compound unit as BTP3002 and proposes kelvin", () => {
    const result = resolveUnit("°C/min", span);
    if (result.ok) throw new Error("°C/min should not parse");
    expect(result.diagnostic.code).toBe("BTP3002");
    expect(result.diagnostic.hint).toMatch(/`K\/min`/);
  });

  it("uses only catalogued codes", () => {
    for (const code of ["BTP3001", "BTP3002"]) {
      const info = codeInfo(code);
      expect(info, code).toBeDefined();
      expect(info!.severity).toBe("error");
    }
  });
});
