import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { methodsParagraph, stepTable } from "../../../src/ir/describe.js";
import { estimateProtocol } from "../../../src/ir/estimate.js";
import { compileForTarget } from "../../../src/targets/common/compile.js";
import { methodsTarget } from "../../../src/targets/methods/index.js";
import { bundledIr, expectGolden, GOLDEN_PROTOCOLS, onlyText, OPTIONS, protocolIrWithArea, ROOT } from "../common/helpers.js";

function methods(name: string): string {
  return onlyText(compileForTarget(methodsTarget, bundledIr(name), { ...OPTIONS, baseName: name }));
}

/** The rows of the step table (between its rule and the blank line after it). */
function tableRows(markdown: string): string[] {
  const lines = markdown.split("\n");
  const rule = lines.indexOf("|---|---|--:|--:|--:|--:|");
  expect(rule).toBeGreaterThan(-1);
  const end = lines.indexOf("", rule);
  return lines.slice(rule + 1, end);
}

/** A table row split into its cells, honouring `\|` escapes. */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.replace(/\\\|/g, "|"));
}

describe("methods: the document", () => {
  it("holds the methods paragraph, a citation line, the summary and the step table", () => {
    const ir = bundledIr("a03-rate-capability-60c");
    const markdown = methods("a03-rate-capability-60c");
    expect(markdown).toContain(`# Methods: ${ir.title}`);
    expect(markdown).toContain(methodsParagraph(ir, estimateProtocol(ir)));
    expect(markdown).toContain(
      "**Source:** Shen et al., Nano-Micro Lett. (2026) 18:195 (Fig. 3e, S8). **Protocol file:** `a03-rate-capability-60c.btp`, compiled with btp 0.0.0-test.",
    );
    expect(markdown).toMatch(/^- Total duration: about /m);
    expect(markdown).toMatch(/^- Cycles: 40$/m);
  });

  it("has one table row per node of the IR, loops as header rows (A8's 10,000 cycles in 4 rows)", () => {
    const ir = bundledIr("a08-cycling-5c-10000-cycles");
    const rows = tableRows(methods("a08-cycling-5c-10000-cycles"));
    expect(rows).toHaveLength(stepTable(ir, estimateProtocol(ir)).length);
    expect(rows).toHaveLength(4);
    expect(cells(rows[1]!).slice(0, 2)).toEqual(["2", "Repeat 10,000×"]);
    expect(cells(rows[2]!)).toEqual(["2.1", "\u00a0\u00a0Charge at 5C until 3.9 V", "1.47 mA [1]", "10,000", "~12 min", "~83.3 d"]);
  });

  it("numbers the derivations of relative currents beneath the table", () => {
    const markdown = methods("a08-cycling-5c-10000-cycles");
    expect(markdown).toContain("[1] 5C × 0.294 mAh / 1 h = 1.47 mA (0.294 mAh = 2.5 mg × 117.6 mAh/g)");
  });

  it("escapes what would break a table cell", () => {
    const markdown = onlyText(compileForTarget(methodsTarget, protocolIrWithArea('rest for 1 h, label "a | b"'), OPTIONS));
    const row = tableRows(markdown)[0]!;
    expect(row).toContain("a \\| b");
    expect(cells(row)).toHaveLength(6);
  });

  it("says a protocol without a citation has none", () => {
    const markdown = onlyText(compileForTarget(methodsTarget, protocolIrWithArea("rest for 1 h"), OPTIONS));
    expect(markdown).toContain("**Source:** none given in the protocol. **Protocol file:** `test.btp`");
  });

  it("keeps `--` out of the header comment", () => {
    const markdown = onlyText(compileForTarget(methodsTarget, protocolIrWithArea("rest for 1 h", "cells -- and --> more"), OPTIONS));
    const header = markdown.slice(0, markdown.indexOf("-->\n") + 4);
    expect(header.slice(4, -4)).not.toContain("--");
  });

  const all = readdirSync(path.join(ROOT, "protocols"))
    .filter((f) => f.endsWith(".btp"))
    .map((f) => f.slice(0, -4));
  it.each(all)("describes %s (every construct can be said in words)", (name) => {
    const result = compileForTarget(methodsTarget, bundledIr(name), { ...OPTIONS, baseName: name });
    expect(result.diagnostics).toEqual([]);
    expect(result.emulations).toEqual([]);
    expect(result.files[0]!.path).toBe(`${name}.methods.md`);
  });

  it("is UTF-8 Markdown with LF line ends and a final newline", () => {
    const result = compileForTarget(methodsTarget, bundledIr("b06-rate-capability"), OPTIONS);
    const text = onlyText(result);
    expect(text).not.toContain("\r");
    expect(text.endsWith("early.\n")).toBe(true);
  });

  it.each(GOLDEN_PROTOCOLS)("matches the reviewed golden file for %s", (name) => {
    expectGolden(import.meta.dirname, `${name}.methods.md`, methods(name));
  });
});
