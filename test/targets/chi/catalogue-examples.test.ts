// The catalogue's bad examples for the chi codes raise them; the fixes compile.

import { describe, expect, it } from "vitest";
import { checkText } from "../../../src/check/index.js";
import { targetsCodes } from "../../../src/diagnostics/codes/targets.js";
import { chiTarget } from "../../../src/targets/chi/index.js";

const OPTIONS = { baseName: "test", btpVersion: "0.0.0-test" };
const chiCodes = targetsCodes.filter((c) => /^BTP62[0-4]\d$/.test(c.code));
const compile = (source: string) => {
  const checked = checkText(source, "protocols/test.btp");
  expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return chiTarget.compile(checked.ir!, OPTIONS);
};

describe("chi catalogue examples", () => {
  it("covers every chi code", () => {
    expect(chiCodes.map((c) => c.code)).toEqual(["BTP6201", "BTP6202", "BTP6203", "BTP6204", "BTP6205", "BTP6206"]);
  });

  it.each(chiCodes.map((c) => [c.code, c] as const))("%s: the bad example raises it, the fix compiles", (code, info) => {
    const bad = compile(info.bad);
    expect(bad.diagnostics.map((d) => d.code)).toContain(code);
    expect(bad.diagnostics.find((d) => d.code === code)!.severity).toBe(info.severity);
    if (info.exampleLanguage === "shell") return;
    const fixed = compile(info.fix);
    expect(fixed.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(fixed.diagnostics.map((d) => d.code)).not.toContain(code);
    expect(fixed.files).toHaveLength(1);
  });
});
