// A small hand-written SVG line chart: axes with round-number ticks, one line per series
// (optionally with a symbol on every point), a legend where it hides nothing. Enough for the
// simulator's plots; no browser and no plotting library needed, and the same SVG renders to PNG
// through resvg.

import { formatNumber } from "../../units/format.js";
import { insideBox, segmentTouchesBox, type Box } from "./geometry.js";
import { drawLegend, freeCorner, LEGEND_GAP, legendEntries, legendSize } from "./legend.js";
import { markerDefinition, seriesColor } from "./markers.js";

export interface Series {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Also draw a symbol on every point (for sparse data such as impedance spectra). */
  markers?: boolean;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  width?: number;
  height?: number;
  /** Fixed axis ranges: the frame shows exactly these and clips whatever lies beyond. Without
   * them the axes fit the data and end on round ticks. */
  xRange?: [number, number];
  yRange?: [number, number];
  /** A line of small print under the title, e.g. what the frame clips. */
  note?: string;
  /** "auto" (default): inside the frame in a corner where it hides no data, else to the right
   * of the frame; "outside": always to the right. */
  legend?: "auto" | "outside";
}

const FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";
const MARGIN = { left: 78, right: 24, top: 44, bottom: 58 };
const NOTE_HEIGHT = 18;
/** px: how far a symbol reaches from its point, so that a legend does not cover half of one. */
const SYMBOL_REACH = 4;

export function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** Round tick positions covering [min, max], about `count` of them, at 1, 2 or 5 × 10^k. */
export function niceTicks(min: number, max: number, count = 6): number[] {
  if (!(max > min)) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / count;
  const magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
  // The round step nearest (in ratio) to the raw one.
  let step = magnitude;
  for (const m of [2, 5, 10]) if (Math.abs(Math.log((m * magnitude) / raw)) < Math.abs(Math.log(step / raw))) step = m * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

function extent(series: Series[], axis: "x" | "y"): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const values = s[axis];
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  if (!Number.isFinite(lo)) return [0, 1];
  return [lo, hi];
}

/** Where the data frame goes on the canvas, in px. `legendOutside`: leave a column for the
 * legend to the right of the frame (when the series have one). */
export function chartFrame(spec: ChartSpec, legendOutside: boolean): Box {
  const width = spec.width ?? 800;
  const height = spec.height ?? 500;
  const top = MARGIN.top + (spec.note ? NOTE_HEIGHT : 0);
  const entries = legendEntries(spec.series);
  const legendRoom = legendOutside && entries.length > 0 ? legendSize(entries).width + LEGEND_GAP : 0;
  return { x: MARGIN.left, y: top, width: width - MARGIN.left - MARGIN.right - legendRoom, height: height - top - MARGIN.bottom };
}

interface Axes {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  xTicks: number[];
  yTicks: number[];
}

function chooseAxes(spec: ChartSpec): Axes {
  let [x0, x1] = spec.xRange ?? extent(spec.series, "x");
  let [y0, y1] = spec.yRange ?? extent(spec.series, "y");
  const xTicks = niceTicks(x0, x1);
  const yTicks = niceTicks(y0, y1);
  if (!spec.xRange) {
    x0 = Math.min(x0, xTicks[0]!);
    x1 = Math.max(x1, xTicks.at(-1)!);
  }
  if (!spec.yRange) {
    // A little room above and below the curves, so that a plateau does not sit on the frame.
    const pad = 0.03 * (y1 - y0);
    y0 = Math.min(y0 - pad, yTicks[0]!);
    y1 = Math.max(y1 + pad, yTicks.at(-1)!);
  }
  return { x0, x1, y0, y1, xTicks, yTicks };
}

type Scale = (value: number) => number;

function scales(axes: Axes, frame: Box): { sx: Scale; sy: Scale } {
  return {
    sx: (x) => frame.x + ((x - axes.x0) / (axes.x1 - axes.x0 || 1)) * frame.width,
    sy: (y) => frame.y + frame.height - ((y - axes.y0) / (axes.y1 - axes.y0 || 1)) * frame.height,
  };
}

/** Whether any drawn point or line of the series would lie under the box (px). */
function hidesData(series: Series[], sx: Scale, sy: Scale, box: Box): boolean {
  const margin = {
    x: box.x - SYMBOL_REACH,
    y: box.y - SYMBOL_REACH,
    width: box.width + 2 * SYMBOL_REACH,
    height: box.height + 2 * SYMBOL_REACH,
  };
  for (const s of series) {
    let px = NaN;
    let py = NaN;
    for (let i = 0; i < s.x.length; i++) {
      const x = sx(s.x[i]!);
      const y = sy(s.y[i]!);
      if (Number.isFinite(x) && Number.isFinite(y)) {
        const hit = Number.isFinite(px) ? segmentTouchesBox(px, py, x, y, margin) : insideBox(x, y, margin);
        if (hit) return true;
      }
      px = x;
      py = y;
    }
  }
  return false;
}

const n2 = (x: number): string => (Math.round(x * 100) / 100).toString();

/** One path through a series' points: only the stretches that show in the frame (points far
 * outside would only bloat the file), broken at non-finite values. */
function seriesPath(s: Series, axes: Axes, sx: Scale, sy: Scale): string {
  const view = { x: axes.x0, y: axes.y0, width: axes.x1 - axes.x0, height: axes.y1 - axes.y0 };
  const at = (i: number): string => `${n2(sx(s.x[i]!))},${n2(sy(s.y[i]!))}`;
  const finite = (i: number): boolean => i >= 0 && i < s.x.length && Number.isFinite(s.x[i]!) && Number.isFinite(s.y[i]!);
  const parts: string[] = [];
  let open = false;
  for (let i = 0; i < s.x.length; i++) {
    if (!finite(i)) {
      open = false;
      continue;
    }
    const joined = finite(i - 1) && segmentTouchesBox(s.x[i - 1]!, s.y[i - 1]!, s.x[i]!, s.y[i]!, view);
    if (joined) {
      if (!open) parts.push(`M${at(i - 1)}`);
      parts.push(`L${at(i)}`);
      open = true;
    } else {
      // A point with no finite neighbour still gets its symbol: a zero-length piece carries it.
      const lone = !finite(i - 1) && !finite(i + 1);
      if (lone && insideBox(s.x[i]!, s.y[i]!, view)) parts.push(`M${at(i)} L${at(i)}`);
      open = false;
    }
  }
  return parts.join(" ");
}

function seriesPolylines(s: Series, color: string, sx: Scale, sy: Scale): string[] {
  // Non-finite values break the line into pieces.
  const out: string[] = [];
  let piece: string[] = [];
  const flush = (): void => {
    if (piece.length > 1)
      out.push(`<polyline fill="none" stroke="${color}" stroke-width="1.5" stroke-linejoin="round" points="${piece.join(" ")}"/>`);
    piece = [];
  };
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i]!;
    const y = s.y[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      flush();
      continue;
    }
    piece.push(`${n2(sx(x))},${n2(sy(y))}`);
  }
  flush();
  return out;
}

export function lineChart(spec: ChartSpec): string {
  const width = spec.width ?? 800;
  const height = spec.height ?? 500;
  const axes = chooseAxes(spec);

  const entries = legendEntries(spec.series);
  let frame = chartFrame(spec, spec.legend === "outside");
  let legendBox: Box | null = null;
  if (entries.length > 0) {
    const size = legendSize(entries);
    if (spec.legend !== "outside") {
      const { sx, sy } = scales(axes, frame);
      legendBox = freeCorner(frame, size, (box) => hidesData(spec.series, sx, sy, box));
    }
    if (!legendBox) {
      frame = chartFrame(spec, true);
      legendBox = { x: frame.x + frame.width + LEGEND_GAP, y: frame.y, ...size };
    }
  }
  const { sx, sy } = scales(axes, frame);
  const { x: left, y: top, width: plotW, height: plotH } = frame;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="13">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="${width / 2}" y="26" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(spec.title)}</text>`);
  if (spec.note)
    out.push(
      `<text x="${width / 2}" y="${26 + NOTE_HEIGHT + 2}" text-anchor="middle" font-size="12" fill="#555">${escapeXml(spec.note)}</text>`,
    );
  // Grid and ticks
  for (const t of axes.xTicks) {
    if (t < axes.x0 || t > axes.x1) continue;
    const x = n2(sx(t));
    out.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${top + plotH}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x}" y="${top + plotH + 18}" text-anchor="middle">${escapeXml(formatNumber(t, 6))}</text>`);
  }
  for (const t of axes.yTicks) {
    if (t < axes.y0 || t > axes.y1) continue;
    const y = n2(sy(t));
    out.push(`<line x1="${left}" y1="${y}" x2="${left + plotW}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${left - 6}" y="${n2(sy(t) + 4)}" text-anchor="end">${escapeXml(formatNumber(t, 6))}</text>`);
  }
  out.push(`<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${left + plotW / 2}" y="${height - 14}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`);

  // Data, clipped to the plot area
  const markers = spec.series.flatMap((s, index) => (s.markers ? [markerDefinition(`symbol-${index}`, index)] : []));
  out.push(
    `<defs><clipPath id="plot"><rect x="${left}" y="${top}" width="${plotW}" height="${plotH}"/></clipPath>${markers.join("")}</defs>`,
  );
  out.push(`<g clip-path="url(#plot)">`);
  spec.series.forEach((s, index) => {
    const color = seriesColor(index);
    if (!s.markers) {
      out.push(...seriesPolylines(s, color, sx, sy));
      return;
    }
    const d = seriesPath(s, axes, sx, sy);
    if (!d) return;
    const symbol = `url(#symbol-${index})`;
    out.push(
      `<path fill="none" stroke="${color}" stroke-width="1.3" stroke-linejoin="round" marker-start="${symbol}" marker-mid="${symbol}" marker-end="${symbol}" d="${d}"/>`,
    );
  });
  out.push(`</g>`);

  if (legendBox) out.push(...drawLegend(entries, legendBox, escapeXml));
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
