import { describe, expect, it } from "vitest";
import { checkCapabilities, supportOf } from "../../../src/targets/common/capabilities.js";
import { constructsOfNode } from "../../../src/targets/common/constructs.js";
import { bundled, checked, fakeCycler, fakePotentiostat } from "./fake-targets.js";

describe("checkCapabilities", () => {
  it("refuses the EIS of A6 on a cycler at the first EIS step, lists the second, and hints at --plan", () => {
    const report = checkCapabilities(bundled("a06-symmetric-eis-during-cycling.btp"), fakeCycler());
    const eis = report.diagnostics.find((d) => d.code === "BTP6001" && d.message.includes("impedance"));
    expect(eis).toBeDefined();
    expect(eis!.severity).toBe("error");
    expect(eis!.target).toBe("fakecycler");
    expect(eis!.span.start.line).toBe(35);
    expect(eis!.span.file).toMatch(/a06-symmetric-eis-during-cycling\.btp$/);
    expect(eis!.message).toContain("no impedance hardware");
    expect(eis!.hint).toContain("--plan --cycler fakecycler --potentiostat");
    expect(eis!.related?.map((r) => r.span.start.line)).toEqual([41]);
  });

  it("refuses every construct the table does not list (the temperature set-point of A6)", () => {
    const report = checkCapabilities(bundled("a06-symmetric-eis-during-cycling.btp"), fakeCycler());
    const temperature = report.diagnostics.find((d) => d.message.includes("temperature set-point"));
    expect(temperature?.span.start.line).toBe(33);
    expect(temperature?.hint).toContain("--plan");
    expect(report.diagnostics).toHaveLength(2);
  });

  it("lists each emulation once, with the resolved current, and refuses nothing the table allows", () => {
    const ir = checked('use cell "cells/na-cge-nvp.btp"\nrepeat 3 {\n  charge at 5C until 3.9 V\n  discharge at 5C until 2.3 V\n}\n');
    const report = checkCapabilities(ir, fakeCycler());
    expect(report.diagnostics).toEqual([]);
    expect(report.emulations).toHaveLength(1);
    expect(report.emulations[0]).toMatchObject({ construct: "cRate" });
    expect(report.emulations[0]!.message).toMatch(/^5C resolved to 1\.47 mA \(5C × 0\.294 mAh/);
    expect(report.emulations[0]!.span.start.line).toBe(3);
  });

  it("refuses a loop nested deeper than maxLoopDepth at that loop, once", () => {
    const ir = checked("repeat 2 {\n  repeat 2 {\n    repeat 2 {\n      rest for 1 s\n    }\n    repeat 3 { rest for 2 s }\n  }\n}\n");
    const report = checkCapabilities(ir, fakeCycler());
    const deep = report.diagnostics.filter((d) => d.code === "BTP6002");
    expect(deep.map((d) => d.span.start.line)).toEqual([3, 6]);
    expect(deep[0]!.message).toContain("at most 2 deep");
    expect(checkCapabilities(ir, fakePotentiostat()).diagnostics.map((d) => d.code)).toContain("BTP6002");
  });

  it("reads a C-rate end current and a capacity end as their own constructs", () => {
    const ir = checked('use cell "cells/na-cge-nvp.btp"\ncharge at 0.5C until 3.9 V then hold until C/20\ndischarge at 1 mA until 0.2 mAh\n');
    const constructs = ir.body.flatMap((n) => constructsOfNode(n, false).map((u) => u.construct));
    expect(constructs).toEqual(["ccCv", "cRate", "cRate", "constantCurrent", "capacityEnd"]);
    const potentiostat = checkCapabilities(ir, fakePotentiostat());
    expect(potentiostat.diagnostics.map((d) => d.message)).toEqual([
      "fakepot cannot express a CC-CV step",
      "fakepot cannot express a current given as a C-rate",
      "fakepot cannot express a step that ends on capacity",
    ]);
    expect(supportOf(fakePotentiostat().capabilities, "stop")).toBe("refused");
  });
});
