// The catalogue's bad examples for the biologic compile codes raise them; the fixes compile.

import { describe, expect, it } from "vitest";
import { targetsCodes } from "../../../src/diagnostics/codes/targets.js";
import { biologicTarget } from "../../../src/targets/biologic/index.js";
import { irOf, OPTIONS } from "../common/helpers.js";

const compileCodes = targetsCodes.filter((c) => /^BTP610\d$/.test(c.code));

describe("biologic catalogue examples", () => {
  it("covers every compile code", () => {
    expect(compileCodes.map((c) => c.code)).toEqual(["BTP6101", "BTP6102", "BTP6103", "BTP6104", "BTP6105", "BTP6106", "BTP6107"]);
  });

  it.each(compileCodes.map((c) => [c.code, c] as const))("%s: the bad example raises it, the fix compiles", (code, info) => {
    const bad = biologicTarget.compile(irOf(info.bad), OPTIONS);
    expect(bad.diagnostics.map((d) => d.code)).toContain(code);
    expect(bad.diagnostics.find((d) => d.code === code)!.severity).toBe(info.severity);
    const fixed = biologicTarget.compile(irOf(info.fix), OPTIONS);
    expect(fixed.diagnostics).toEqual([]);
    expect(fixed.files).toHaveLength(1);
  });
});
