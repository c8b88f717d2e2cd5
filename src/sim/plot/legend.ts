// The legend: one row per named series, with the series' line colour and (for series drawn
// with markers) its symbol. It goes inside the frame only in a corner where it hides no data;
// otherwise, or when asked, in a column to the right of the frame.

import type { Box } from "./geometry.js";
import { seriesColor, symbolAt } from "./markers.js";

export interface LegendEntry {
  name: string;
  /** The series' position, which fixes its colour and symbol. */
  index: number;
  markers: boolean;
}

const ROW = 18;
const PADDING = 8;
const SAMPLE = 24;
/** px per character at the 13 px font: a little wide, so that text never runs past the box. */
const CHARACTER_WIDTH = 7.8;
/** Space between the frame and an inside legend, or between the frame and a legend to its right. */
export const LEGEND_GAP = 10;

/** The legend's rows, or none when a legend would say nothing (a single unnamed curve). */
export function legendEntries(series: readonly { name: string; markers?: boolean }[]): LegendEntry[] {
  const entries = series.flatMap((s, index) => (s.name ? [{ name: s.name, index, markers: s.markers === true }] : []));
  return entries.length > 1 || (entries.length === 1 && series.length > 1) ? entries : [];
}

export function legendSize(entries: readonly LegendEntry[]): { width: number; height: number } {
  const longest = Math.max(0, ...entries.map((e) => e.name.length));
  return { width: PADDING * 2 + SAMPLE + 6 + longest * CHARACTER_WIDTH, height: PADDING + entries.length * ROW };
}

/** The first corner of the frame (top right, top left, bottom right, bottom left) where a legend
 * of this size covers no data, or null when every corner would hide some. */
export function freeCorner(frame: Box, size: { width: number; height: number }, hidesData: (box: Box) => boolean): Box | null {
  const left = frame.x + LEGEND_GAP;
  const right = frame.x + frame.width - LEGEND_GAP - size.width;
  const top = frame.y + LEGEND_GAP;
  const bottom = frame.y + frame.height - LEGEND_GAP - size.height;
  if (right < left || bottom < top) return null;
  for (const [x, y] of [
    [right, top],
    [left, top],
    [right, bottom],
    [left, bottom],
  ] as const) {
    const box = { x, y, width: size.width, height: size.height };
    if (!hidesData(box)) return box;
  }
  return null;
}

const n2 = (x: number): string => (Math.round(x * 100) / 100).toString();

export function drawLegend(entries: readonly LegendEntry[], box: Box, escape: (text: string) => string): string[] {
  const out = [`<rect x="${n2(box.x)}" y="${n2(box.y)}" width="${n2(box.width)}" height="${n2(box.height)}" fill="white" stroke="#bbb"/>`];
  entries.forEach((entry, row) => {
    const baseline = box.y + PADDING + 8 + row * ROW;
    const lineY = baseline - 4;
    const x0 = box.x + PADDING;
    const color = seriesColor(entry.index);
    out.push(`<line x1="${n2(x0)}" y1="${n2(lineY)}" x2="${n2(x0 + SAMPLE)}" y2="${n2(lineY)}" stroke="${color}" stroke-width="2"/>`);
    if (entry.markers) out.push(symbolAt(entry.index, x0 + SAMPLE / 2, lineY));
    out.push(`<text x="${n2(x0 + SAMPLE + 6)}" y="${n2(baseline)}">${escape(entry.name)}</text>`);
  });
  return out;
}
