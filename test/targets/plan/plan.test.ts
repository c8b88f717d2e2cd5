import { describe, expect, it } from "vitest";
import { buildPlan } from "../../../src/targets/plan/index.js";
import { findBuiltInProfile } from "../../../src/targets/profiles/catalogue.js";
import { bundled, fakeCycler, fakePotentiostat } from "../common/fake-targets.js";

const base = { cycler: fakeCycler(), potentiostat: fakePotentiostat(), baseName: "a06", btpVersion: "0.1.0" };
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe("buildPlan", () => {
  it("compiles each A6 segment with its instrument's target and writes the run sheets", () => {
    const plan = buildPlan(bundled("a06-symmetric-eis-during-cycling.btp"), base);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.files.map((f) => f.path)).toEqual([
      "a06-01-fakepot.mac",
      "a06-02-fakecycler.txt",
      "a06-03-fakepot.mac",
      "a06-04-fakecycler.txt",
      "a06-05-fakepot.mac",
      "run-sheet.md",
      "run-sheet.html",
    ]);
    // The cycler files keep the cycles as a loop: 10, then 50.
    expect(text(plan.files[1]!.content)).toBe("1 constantCurrent\n2 constantCurrent\n3 goto 1 x10\n");
    expect(text(plan.files[3]!.content)).toBe("1 constantCurrent\n2 constantCurrent\n3 goto 1 x50\n");
    expect(text(plan.files[2]!.content)).toBe("rest\neis\n");
    // Each segment is a protocol of its own, numbered from 1.
    expect(plan.segments[1]!.ir.body.map((n) => n.id)).toEqual(["1"]);
    expect(plan.segments[1]!.ir.title).toContain("part 2 of 5, cycler");
  });

  it("tells the operator, in order, what to set, where to move the cell and what to run", () => {
    const plan = buildPlan(bundled("a06-symmetric-eis-during-cycling.btp"), {
      ...base,
      profiles: { potentiostat: { ...findBuiltInProfile("chi-760e")!, target: "fakepot" } },
    });
    const sheet = text(plan.files.find((f) => f.path === "run-sheet.md")!.content);
    const entries = sheet.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(entries).toHaveLength(6);
    expect(entries[0]).toBe("1. **Oven:** Put the cell in the oven, set the oven to 25 °C and wait 2 h for the cell to reach it.");
    expect(entries[1]).toMatch(/^2\. \*\*Potentiostat \(CH Instruments 760E\):\*\* Connect the cell to the potentiostat and run the schedule in `a06-01-fakepot\.mac`\./);
    expect(entries[2]).toMatch(/^3\. \*\*Cycler \(Fake cycler \(\.txt\)\):\*\* Move the cell from the potentiostat to the cycler and run the schedule in `a06-02-fakecycler\.txt` \(cycles 1–10 of the 60-cycle loop at line 37\)\. Expected to take about 40 h\./);
    expect(entries[3]).toContain("Move the cell from the cycler to the potentiostat");
    expect(entries[3]).toContain("(after cycle 10 of the 60-cycle loop at line 37)");
    expect(entries[4]).toContain("cycles 11–60");
    expect(entries[4]).toContain("about 8.3 d (200 h)");
    expect(sheet).toContain("   - EIS 1 MHz → 10 mHz, 5 mV amplitude, 10 points/decade, at OCV (before cycling)");
    const html = text(plan.files.find((f) => f.path === "run-sheet.html")!.content);
    expect(html).toContain("<code>a06-02-fakecycler.txt</code>");
    expect(html.match(/<li><span class="who">/g)).toHaveLength(6);
  });

  it("writes nothing when a segment is refused or the plan cannot be made", () => {
    const refusing = fakePotentiostat({ compile: () => ({ files: [], diagnostics: [{ code: "BTP6001", severity: "error", message: "no", span: { file: "x", start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } } }], emulations: [] }) });
    const plan = buildPlan(bundled("a06-symmetric-eis-during-cycling.btp"), { ...base, potentiostat: refusing });
    expect(plan.files).toEqual([]);
    expect(plan.diagnostics.map((d) => d.code)).toContain("BTP6001");
  });

  it("refuses a potentiostat as the cycler and a cycler as the potentiostat", () => {
    const plan = buildPlan(bundled("b04-transference-number.btp"), { ...base, cycler: fakePotentiostat({ capabilities: { constructs: {}, maxLoopDepth: null, notes: {} } }), potentiostat: fakeCycler() });
    expect(plan.diagnostics.map((d) => d.code)).toEqual(["BTP6034", "BTP6034"]);
    expect(plan.files).toEqual([]);
  });
});
