import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MATRIX_END, MATRIX_START, renderCapabilityMatrix, withMatrix } from "../../../src/targets/common/matrix.js";
import { targets } from "../../../src/targets/registry.js";
import { fakeCycler, fakePotentiostat, root } from "./fake-targets.js";

const readme = path.join(root, "docs/targets/README.md");

describe("capability matrix", () => {
  it("has a row per construct and a column per target, with the loop depth", () => {
    const matrix = renderCapabilityMatrix([fakeCycler(), fakePotentiostat()]);
    const lines = matrix.split("\n");
    expect(lines[0]).toBe("| construct | fakecycler | fakepot |");
    expect(lines).toContain("| EIS | ✘ | ✔ |");
    expect(lines).toContain("| CC-CV | ≈ | ✘ |");
    expect(lines).toContain("| loop depth | 2 | 1 |");
  });

  it("replaces only the generated section of the README", () => {
    const before = `# T\n\nintro\n\n${MATRIX_START}\nold\n${MATRIX_END}\n\nafter\n`;
    const after = withMatrix(before, [fakeCycler()]);
    expect(after.startsWith("# T\n\nintro\n\n")).toBe(true);
    expect(after.endsWith(`${MATRIX_END}\n\nafter\n`)).toBe(true);
    expect(after).not.toContain("\nold\n");
  });

  it("docs/targets/README.md shows the registered targets' tables (BTP_UPDATE_DOCS=1 rewrites it)", () => {
    const onDisk = readFileSync(readme, "utf8");
    const expected = withMatrix(onDisk, targets);
    if (process.env.BTP_UPDATE_DOCS === "1" && onDisk !== expected) writeFileSync(readme, expected);
    else expect(onDisk).toBe(expected);
  });
});
