// Which part of the impedance plane a Nyquist plot shows. A researcher reads the high-frequency
// part: the real-axis intercept and the semicircle(s) (bulk, grain boundary, interphase, charge
// transfer), from which come R_s, R_ct and the conductivity σ = L/(R·S). At low frequency a
// blocking electrode (SS | electrolyte | SS) or solid-state diffusion adds a capacitive tail that
// climbs to kΩ or MΩ; fitting the axes to it squashes the semicircles into the corner.
//
// The zoom rule, from the data:
//  1. In each spectrum (taken from high to low frequency) the low-frequency tail is the final run
//     over which −Z″ keeps rising; its foot is where that run starts (the valley after the last
//     semicircle, or the first point when the spectrum has no semicircle in range, as for a
//     blocking cell). Everything up to the foot is the spectrum's high-frequency features. A
//     spectrum whose last semicircle closes on the real axis has no tail: all of it is features.
//  2. The frame shows the origin and reaches ZOOM_FACTOR × the largest real part of any
//     spectrum's features (and at least their −Z″ peaks), so each tail shows its start.
//  3. When showing every point would need a frame less than FULL_VIEW_SLACK times larger, the
//     plot shows everything instead: a short tail is worth seeing whole.
// Both axes have the same scale (a semicircle must look round): the frame is a box of the given
// height/width ratio whose right edge sits on a round tick.

import { niceTicks } from "./svg.js";

export interface ImpedancePoint {
  /** Hz */
  frequency: number;
  /** Ω */
  real: number;
  /** Ω, negative when capacitive */
  imaginary: number;
}

export interface NyquistView {
  /** Ω: the right edge of the frame (the left edge is Z′ = 0). */
  realMax: number;
  /** Ω: the bottom and top of the −Z″ axis. */
  minusImaginaryMin: number;
  minusImaginaryMax: number;
  /** Some points lie beyond the frame (always low-frequency tail points). */
  clipped: boolean;
}

/** How far the zoomed frame reaches, as a multiple of the features' largest real part. */
export const ZOOM_FACTOR = 2;
/** Show every point rather than zoom when that needs a frame at most this much larger. */
export const FULL_VIEW_SLACK = 1.5;
/** Room kept beyond the outermost points, as a fraction of the frame. */
const HEADROOM = 0.04;

interface Bounds {
  realMax: number;
  minusImaginaryMin: number;
  minusImaginaryMax: number;
}

/** A spectrum's finite points from high to low frequency. */
function byFrequency(points: readonly ImpedancePoint[]): ImpedancePoint[] {
  const finite = points.filter((p) => Number.isFinite(p.real) && Number.isFinite(p.imaginary));
  // Sweeps may run upwards; without frequencies the measured order is the best guess.
  if (finite.every((p) => Number.isFinite(p.frequency))) finite.sort((a, b) => b.frequency - a.frequency);
  return finite;
}

/** The spectrum's points up to the foot of its low-frequency tail (rule 1). */
export function highFrequencyFeatures(points: readonly ImpedancePoint[]): ImpedancePoint[] {
  const sorted = byFrequency(points);
  let foot = sorted.length - 1;
  while (foot > 0 && -sorted[foot - 1]!.imaginary <= -sorted[foot]!.imaginary) foot--;
  // No tail (the last point is not above its neighbour): the spectrum ends on the real axis.
  if (foot === sorted.length - 1) return sorted;
  return sorted.slice(0, foot + 1);
}

function bounds(points: Iterable<ImpedancePoint>): Bounds | null {
  let found = false;
  const b: Bounds = { realMax: 0, minusImaginaryMin: 0, minusImaginaryMax: 0 };
  for (const p of points) {
    found = true;
    b.realMax = Math.max(b.realMax, p.real);
    b.minusImaginaryMin = Math.min(b.minusImaginaryMin, -p.imaginary);
    b.minusImaginaryMax = Math.max(b.minusImaginaryMax, -p.imaginary);
  }
  return found ? b : null;
}

/** Ω: the frame width that shows these bounds at equal scales, with headroom. */
function widthFor(b: Bounds, aspect: number): number {
  const height = (b.minusImaginaryMax - b.minusImaginaryMin) * (1 + 2 * HEADROOM);
  return Math.max(b.realMax * (1 + HEADROOM), height / aspect);
}

/**
 * The frame for a Nyquist plot of these spectra. `aspect`: the frame's height over its width
 * in pixels. `zoom: false` gives the full-range frame.
 */
export function nyquistView(
  spectra: readonly (readonly ImpedancePoint[])[],
  aspect: number,
  options: { zoom?: boolean } = {},
): NyquistView {
  const all = bounds(spectra.flatMap(byFrequency));
  if (!all || !(aspect > 0)) return { realMax: 1, minusImaginaryMin: 0, minusImaginaryMax: Math.max(aspect, 0) || 1, clipped: false };
  const fullWidth = widthFor(all, aspect);

  let width = fullWidth;
  if (options.zoom !== false) {
    const features = bounds(spectra.flatMap(highFrequencyFeatures))!;
    const zoomed = widthFor({ ...features, realMax: features.realMax * ZOOM_FACTOR }, aspect);
    if (fullWidth > FULL_VIEW_SLACK * zoomed) width = zoomed;
  }
  if (!(width > 0)) width = 1; // every point at the origin
  // End the real axis on a round tick; the −Z″ axis follows from the equal scale.
  const ticks = niceTicks(0, width);
  const step = ticks[1]! - ticks[0]!;
  const realMax = Math.ceil(width / step - 1e-9) * step;
  const height = realMax * aspect;
  const minusImaginaryMin = all.minusImaginaryMin - HEADROOM * height;
  const minusImaginaryMax = minusImaginaryMin + height;

  const clipped = spectra.some((s) =>
    s.some((p) => p.real < 0 || p.real > realMax || -p.imaginary < minusImaginaryMin || -p.imaginary > minusImaginaryMax),
  );
  return { realMax, minusImaginaryMin, minusImaginaryMax, clipped };
}
