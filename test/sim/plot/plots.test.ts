import { describe, expect, it } from "vitest";
import { M4 } from "../../../src/sim/plot/m4.js";
import { lineChart, niceTicks } from "../../../src/sim/plot/svg.js";
import { renderPng } from "../../../src/sim/plot/write.js";
import { PlotCollector } from "../../../src/sim/plot/collector.js";
import { simulate } from "../../../src/sim/index.js";
import { buildCharts } from "../../../src/sim/plot/charts.js";
import * as b from "../builder.js";

describe("M4 down-sampling", () => {
  it("keeps the first, last, smallest and largest point of every column in bounded memory", () => {
    const m4 = new M4(100, 1);
    const n = 200_000;
    for (let i = 0; i < n; i++) m4.add(i, Math.sin(i / 500) + (i === 123_457 ? 5 : 0));
    const { x, y } = m4.points();
    expect(x.length).toBeLessThanOrEqual(4 * 100);
    expect(Math.max(...y)).toBeCloseTo(5 + Math.sin(123_457 / 500), 12);
    expect(x[0]).toBe(0);
    expect(x.at(-1)).toBe(n - 1);
    for (let i = 1; i < x.length; i++) expect(x[i]!).toBeGreaterThanOrEqual(x[i - 1]!);
  });
});

describe("SVG charts", () => {
  it("chooses round ticks", () => {
    expect(niceTicks(2.3, 3.9)).toEqual([2.4, 2.6, 2.8, 3, 3.2, 3.4, 3.6, 3.8]);
    expect(niceTicks(0, 10000)).toEqual([0, 2000, 4000, 6000, 8000, 10000]);
  });

  it("draws a valid SVG with escaped text, one polyline per series piece and a legend", () => {
    const svg = lineChart({
      title: "Na | CGE <test> & more",
      xLabel: "t / s",
      yLabel: "V / V",
      series: [
        { name: "a", x: [0, 1, 2, 3], y: [3, 3.1, NaN, 3.3] },
        { name: "b", x: [0, 3], y: [2.5, 2.6] },
      ],
    });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("Na | CGE &lt;test&gt; &amp; more");
    expect(svg.match(/<polyline/g)).toHaveLength(2); // the NaN splits "a" into one 2-point piece and a lone point
    expect(svg).toContain(">a</text>");
    expect(svg).not.toMatch(/NaN/);
  });

  it("renders to PNG without a browser", () => {
    const png = renderPng(lineChart({ title: "t", xLabel: "x", yLabel: "y", series: [{ name: "", x: [0, 1], y: [0, 1] }] }), 400);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(1000);
  });
});

describe("plot collector", () => {
  it("keeps the chosen cycles' curves and the last one, whatever the number of cycles", () => {
    const cell = b.nvpCell();
    const amps = b.cRate(cell, 5);
    const collector = new PlotCollector([1, 10]);
    simulate(b.protocol(cell, [b.loop(30, [b.charge(amps, [b.above(3.9)]), b.discharge(amps, [b.below(2.3)])])]), {}, collector);
    expect(collector.cycleCurves().map((c) => c.cycle)).toEqual([1, 10, 30]);
    const charts = buildCharts(collector, "test", 2.5e-6);
    expect(charts.map((c) => c.name)).toEqual(["voltage-time", "voltage-capacity", "capacity", "retention"]);
    const curve = collector.cycleCurves()[0]!;
    expect(Math.max(...curve.chargeY)).toBeCloseTo(3.9, 5);
    expect(Math.min(...curve.dischargeY)).toBeCloseTo(2.3, 5);
  });
});
