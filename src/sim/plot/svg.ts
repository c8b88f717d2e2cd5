// A small hand-written SVG line chart: axes with round-number ticks, one polyline per series, a
// legend. Enough for the simulator's five plots; no browser and no plotting library needed, and
// the same SVG renders to PNG through resvg.

import { formatNumber } from "../../units/format.js";

export interface Series {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Draw markers instead of a line (for sparse data such as impedance points). */
  markers?: boolean;
}

export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  width?: number;
  height?: number;
  /** Same scale on both axes (Nyquist plots). */
  equalAxes?: boolean;
}

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
const FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";

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

const n2 = (x: number): string => (Math.round(x * 100) / 100).toString();

export function lineChart(spec: ChartSpec): string {
  const width = spec.width ?? 800;
  const height = spec.height ?? 500;
  const left = 78;
  const right = 24;
  const top = 44;
  const bottom = 58;
  const plotW = width - left - right;
  const plotH = height - top - bottom;

  let [x0, x1] = extent(spec.series, "x");
  let [y0, y1] = extent(spec.series, "y");
  if (spec.equalAxes) {
    // Impedance plots show the origin.
    x0 = Math.min(0, x0);
    y0 = Math.min(0, y0);
    // Same units per pixel on both axes, the larger span deciding.
    const perPixel = Math.max((x1 - x0) / plotW, (y1 - y0) / plotH) || 1;
    x1 = x0 + perPixel * plotW;
    const mid = (y0 + y1) / 2;
    y0 = mid - (perPixel * plotH) / 2;
    y1 = mid + (perPixel * plotH) / 2;
  }
  const xTicks = niceTicks(x0, x1);
  const yTicks = niceTicks(y0, y1);
  if (!spec.equalAxes) {
    // A little room above and below the curves, so that a plateau does not sit on the frame.
    const pad = 0.03 * (y1 - y0);
    y0 -= pad;
    y1 += pad;
    x0 = Math.min(x0, xTicks[0]!);
    x1 = Math.max(x1, xTicks.at(-1)!);
    y0 = Math.min(y0, yTicks[0]!);
    y1 = Math.max(y1, yTicks.at(-1)!);
  }
  const sx = (x: number): number => left + ((x - x0) / (x1 - x0 || 1)) * plotW;
  const sy = (y: number): number => top + plotH - ((y - y0) / (y1 - y0 || 1)) * plotH;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="13">`,
  );
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  out.push(`<text x="${width / 2}" y="26" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(spec.title)}</text>`);
  // Grid and ticks
  for (const t of xTicks) {
    if (t < x0 || t > x1) continue;
    const x = n2(sx(t));
    out.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${top + plotH}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${x}" y="${top + plotH + 18}" text-anchor="middle">${escapeXml(formatNumber(t, 6))}</text>`);
  }
  for (const t of yTicks) {
    if (t < y0 || t > y1) continue;
    const y = n2(sy(t));
    out.push(`<line x1="${left}" y1="${y}" x2="${left + plotW}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${left - 6}" y="${n2(sy(t) + 4)}" text-anchor="end">${escapeXml(formatNumber(t, 6))}</text>`);
  }
  out.push(`<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="none" stroke="#333"/>`);
  out.push(`<text x="${left + plotW / 2}" y="${height - 14}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`);
  out.push(`<text transform="translate(18 ${top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`);

  // Data, clipped to the plot area
  out.push(`<defs><clipPath id="plot"><rect x="${left}" y="${top}" width="${plotW}" height="${plotH}"/></clipPath></defs>`);
  out.push(`<g clip-path="url(#plot)">`);
  spec.series.forEach((s, index) => {
    const color = PALETTE[index % PALETTE.length]!;
    if (s.markers) {
      for (let i = 0; i < s.x.length; i++) {
        if (!Number.isFinite(s.x[i]!) || !Number.isFinite(s.y[i]!)) continue;
        out.push(`<circle cx="${n2(sx(s.x[i]!))}" cy="${n2(sy(s.y[i]!))}" r="2.5" fill="${color}"/>`);
      }
      return;
    }
    // Non-finite values break the line into pieces.
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
  });
  out.push(`</g>`);

  // Legend
  const named = spec.series.filter((s) => s.name);
  if (named.length > 1 || (named.length === 1 && spec.series.length > 1)) {
    const boxW = Math.min(260, 30 + Math.max(...named.map((s) => s.name.length)) * 7.5);
    const boxH = 8 + named.length * 18;
    const bx = left + plotW - boxW - 8;
    const by = top + 8;
    out.push(`<rect x="${n2(bx)}" y="${by}" width="${n2(boxW)}" height="${boxH}" fill="white" fill-opacity="0.85" stroke="#bbb"/>`);
    spec.series.forEach((s, index) => {
      if (!s.name) return;
      const y = by + 16 + named.indexOf(s) * 18;
      const color = PALETTE[index % PALETTE.length]!;
      out.push(`<line x1="${n2(bx + 8)}" y1="${y - 4}" x2="${n2(bx + 26)}" y2="${y - 4}" stroke="${color}" stroke-width="2.5"/>`);
      out.push(`<text x="${n2(bx + 32)}" y="${y}">${escapeXml(s.name)}</text>`);
    });
  }
  out.push(`</svg>`);
  return out.join("\n") + "\n";
}
