// Writes the charts as SVG and, through resvg (no browser), as PNG at twice the SVG's size.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import type { Chart } from "./charts.js";

/** Renders one SVG to PNG bytes. */
export function renderPng(svg: string, width = 1600): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}

/** Writes `<dir>/<name>.svg` and `.png` for each chart; returns the paths written. */
export function writeCharts(dir: string, charts: readonly Chart[], options: { png?: boolean } = {}): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const chart of charts) {
    const svgPath = path.join(dir, `${chart.name}.svg`);
    writeFileSync(svgPath, chart.svg);
    written.push(svgPath);
    if (options.png !== false) {
      const pngPath = path.join(dir, `${chart.name}.png`);
      writeFileSync(pngPath, renderPng(chart.svg));
      written.push(pngPath);
    }
  }
  return written;
}
