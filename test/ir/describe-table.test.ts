import { describe, expect, it } from "vitest";
import { estimateProtocol } from "../../src/ir/estimate.js";
import { displayWidth, renderStepTable, stepTable } from "../../src/ir/describe.js";
import * as b from "./build-ir.js";

const { HOUR } = b;
const RATES = [0.5, 1, 2, 5, 10, 15, 20, 30];

function rateTest() {
  return b.protocol(
    [
      b.temperature(60, 2 * HOUR),
      ...RATES.map((r) =>
        b.group(`rate = ${r}C`, [
          b.loop(5, [b.charge(b.cRate(r), b.untilVolts(3.9)), b.discharge(b.cRate(r), b.untilVolts(2.3))]),
        ]),
      ),
    ],
    { instruments: ["LAND CT3002AU"] },
  );
}

describe("stepTable", () => {
  const ir = rateTest();
  const rows = stepTable(ir, estimateProtocol(ir));

  it("has one row per node in tree order, loops as header rows with depth", () => {
    expect(rows.map((r) => r.id).slice(0, 6)).toEqual(["1", "2", "2.1", "2.1.1", "2.1.2", "3"]);
    expect(rows).toHaveLength(1 + 8 * 4);
    const loop = rows[2]!;
    expect(loop).toMatchObject({ kind: "loop", depth: 1, description: "Repeat 5×", passes: { min: 1, expected: 1 } });
    expect(rows[3]).toMatchObject({
      depth: 2,
      kind: "constantCurrent",
      description: "Charge at 0.5C until 3.9 V",
      ends: "until 3.9 V",
    });
  });

  it("gives the resolved current in mA and its derivation", () => {
    const last = rows[rows.length - 1]!;
    expect(last.current).toEqual({
      milliamps: 8.82,
      text: "30C",
      derivation: "30C × 0.294 mAh (2.5 mg × 117.6 mAh/g) = 8.82 mA",
    });
    expect(rows[0]!.current).toBeNull();
  });

  it("says how often each row runs and how long it takes per pass and in total", () => {
    const charge = rows[3]!;
    expect(charge.passes).toEqual({ min: 5, expected: 5 });
    expect(charge.perPass.expected).toBeCloseTo(2 * HOUR, 6);
    expect(charge.total.expected).toBeCloseTo(10 * HOUR, 6);
    expect(charge.basis).toEqual(["nominal-capacity"]);
  });

  it("is plain JSON", () => {
    const text = JSON.stringify(rows);
    expect(JSON.parse(text)).toEqual(rows);
  });
});

describe("renderStepTable", () => {
  const ir = rateTest();
  const rows = stepTable(ir, estimateProtocol(ir));

  it("aligns the columns and indents nested rows", () => {
    const text = renderStepTable(rows, { color: false });
    const lines = text.split("\n");
    const tableLines = lines.slice(0, rows.length + 1);
    // The last column is right-aligned, so every row of the table ends at the same column.
    const widths = new Set(tableLines.map(displayWidth));
    expect(widths.size).toBe(1);
    expect(tableLines[0]).toMatch(/^#\s+Step\s+Current\s+Passes\s+Each\s+Total$/);
    const charge = tableLines.find((l) => l.startsWith("2.1.1"))!;
    expect(charge).toMatch(/^2\.1\.1 {6}Charge at 0\.5C until 3\.9 V +0\.147 mA \[1\] +5 +~2 h +~10 h$/);
    expect(tableLines.find((l) => l.startsWith("2.1 "))).toMatch(/^2\.1 {6}Repeat 5×/);
  });

  it("lists each derivation once, beneath the table, as numbered notes", () => {
    const text = renderStepTable(rows, { color: false });
    expect(text).toContain("[1] 0.5C × 0.294 mAh (2.5 mg × 117.6 mAh/g) = 0.147 mA");
    expect(text).toContain("[8] 30C × 0.294 mAh (2.5 mg × 117.6 mAh/g) = 8.82 mA");
    expect(text).not.toContain("[9]");
    expect(text.match(/= 0\.147 mA/g)).toHaveLength(1);
  });

  it("colours only when asked", () => {
    expect(renderStepTable(rows, { color: false })).not.toContain("\x1b[");
    const coloured = renderStepTable(rows, { color: true });
    expect(coloured).toContain("\x1b[1m");
    // Colour codes take no columns: the visible table is the same.
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, "")).toBe(renderStepTable(rows, { color: false }));
  });

  it("wraps step lines to fit a width, keeping every word", () => {
    const ir2 = b.protocol([b.loop(3, [b.discharge(b.cRate(1), b.untilVolts(2.3), b.forSeconds(3600)), b.eis()])]);
    const rows2 = stepTable(ir2, estimateProtocol(ir2));
    const words = (s: string) => s.split(/\s+/).filter(Boolean).sort();
    const wide = renderStepTable(rows2, { color: false });
    const narrow = renderStepTable(rows2, { color: false, width: 76 });
    for (const line of narrow.split("\n")) expect(displayWidth(line)).toBeLessThanOrEqual(76);
    expect(words(narrow)).toEqual(words(wide));
    expect(narrow.split("\n").length).toBeGreaterThan(wide.split("\n").length);
    // A terminal too narrow for the figures still gets every word, in a step column of 24.
    const tiny = renderStepTable(rows2, { color: false, width: 10 });
    expect(words(tiny)).toEqual(words(wide));
    expect(Math.max(...tiny.split("\n").slice(0, 3).map(displayWidth))).toBeLessThan(
      displayWidth(wide.split("\n")[0]!),
    );
  });

  it("marks estimates with ~, exact figures without, and early-ending loops as a range of passes", () => {
    const ir3 = b.protocol([
      b.rest(HOUR),
      b.loop(10_000, [b.charge(b.cRate(5), b.untilVolts(3.9))], b.fadeCondition()),
    ]);
    const text = renderStepTable(stepTable(ir3, estimateProtocol(ir3)), { color: false });
    expect(text).toMatch(/^1 +Rest 1 h +1 +1 h +1 h$/m);
    expect(text).toMatch(/^2\.1 +Charge at 5C until 3\.9 V +1\.47 mA \[1\] +1–10,000 +~12 min +~83\.3 d$/m);
  });

  it("measures wide and combining characters by terminal columns", () => {
    expect(displayWidth("µA → ↔ °C")).toBe(9);
    expect(displayWidth("电池")).toBe(4);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("\x1b[36mab\x1b[39m")).toBe(2);
  });
});
