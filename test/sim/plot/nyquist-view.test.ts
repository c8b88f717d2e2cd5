import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FULL_VIEW_SLACK, highFrequencyFeatures, nyquistView, ZOOM_FACTOR, type NyquistView } from "../../../src/sim/plot/nyquist-view.js";
import type { EisPoint } from "../../../src/sim/types.js";
import { blockingCell, closingSemicircle, frequencies, semicircleAndTail } from "./spectra.js";

const ASPECT = 0.7;

function outside(view: NyquistView, p: EisPoint): boolean {
  return p.real < 0 || p.real > view.realMax || -p.imaginary < view.minusImaginaryMin || -p.imaginary > view.minusImaginaryMax;
}

function expectEqualScales(view: NyquistView): void {
  expect((view.minusImaginaryMax - view.minusImaginaryMin) / view.realMax).toBeCloseTo(ASPECT, 9);
}

describe("the high-frequency features of a spectrum", () => {
  it("end at the first point for a blocking cell, whose tail rises from the highest frequency", () => {
    const features = highFrequencyFeatures(blockingCell(22.7));
    expect(features).toHaveLength(1);
    expect(features[0]!.frequency).toBe(1e6);
  });

  it("end at the foot of the tail after a semicircle", () => {
    const features = highFrequencyFeatures(semicircleAndTail(27, 50, 1e-2));
    const foot = features.at(-1)!;
    expect(foot.real).toBeGreaterThan(27 + 50 * 0.9);
    expect(foot.real).toBeLessThan(27 + 50 * 1.2);
  });

  it("are the whole spectrum when the semicircle closes on the real axis", () => {
    const points = closingSemicircle(23, 2190);
    expect(highFrequencyFeatures(points)).toHaveLength(points.length);
  });

  it("do not depend on the direction of the sweep", () => {
    const points = semicircleAndTail(27, 50, 1e-2);
    expect(highFrequencyFeatures([...points].reverse())).toEqual(highFrequencyFeatures(points));
  });
});

describe("the Nyquist zoom rule", () => {
  it("zooms on the intercepts of a blocking cell measured at several temperatures, clipping the MΩ tails", () => {
    const bulks = [22.7, 20.5, 16.8, 13.9, 11.7, 9.9, 8.5, 7.3, 6.2];
    const spectra = bulks.map((r) => blockingCell(r));
    const view = nyquistView(spectra, ASPECT);
    expect(view.clipped).toBe(true);
    expect(view.realMax).toBeGreaterThanOrEqual(ZOOM_FACTOR * 22.7);
    expect(view.realMax).toBeLessThanOrEqual(3 * 22.7);
    expect(view.minusImaginaryMin).toBeLessThanOrEqual(0);
    expectEqualScales(view);
    // The full view reaches the tails' MΩ.
    const full = nyquistView(spectra, ASPECT, { zoom: false });
    expect(full.clipped).toBe(false);
    expect(full.realMax).toBeGreaterThan(1e5);
    expectEqualScales(full);
  });

  it("shows all of a spectrum whose semicircle closes on the real axis", () => {
    const spectra = [closingSemicircle(23, 2190), closingSemicircle(23, 367), closingSemicircle(23, 146)];
    const view = nyquistView(spectra, ASPECT);
    expect(view.clipped).toBe(false);
    expect(view.realMax).toBeGreaterThan(2213);
    expect(view.realMax).toBeLessThanOrEqual(2500);
    expectEqualScales(view);
  });

  it("zooms on the semicircle of a full cell with a long capacitive tail, keeping the start of the tail", () => {
    const points = semicircleAndTail(27, 50, 3e-3, frequencies(1e5, 0.1, 5));
    const view = nyquistView([points], ASPECT);
    expect(view.clipped).toBe(true);
    expect(view.realMax).toBeGreaterThanOrEqual(ZOOM_FACTOR * 77);
    expect(view.realMax).toBeLessThan(3 * 77);
    // Some tail points show, the last ones do not.
    const tail = points.slice(highFrequencyFeatures(points).length);
    expect(tail.some((p) => !outside(view, p))).toBe(true);
    expect(outside(view, points.at(-1)!)).toBe(true);
  });

  it("shows a short tail whole rather than clip it", () => {
    const points = semicircleAndTail(8, 7, 20);
    const view = nyquistView([points], ASPECT);
    expect(view.clipped).toBe(false);
    expect(points.every((p) => !outside(view, p))).toBe(true);
  });

  it("zooms only when showing everything needs a frame more than FULL_VIEW_SLACK times larger", () => {
    // Tails of increasing length after the same semicircle: the zoom starts once, and stays.
    const zoomed = [10, 3, 1, 0.3, 0.1, 0.03, 0.01, 0.003].map((q) => nyquistView([semicircleAndTail(8, 7, q)], ASPECT).clipped);
    const first = zoomed.indexOf(true);
    expect(first).toBeGreaterThan(0);
    expect(zoomed.slice(first).every(Boolean)).toBe(true);
    for (const q of [10, 0.003]) {
      const points = semicircleAndTail(8, 7, q);
      const full = nyquistView([points], ASPECT, { zoom: false });
      const view = nyquistView([points], ASPECT);
      expect(view.clipped).toBe(full.realMax > FULL_VIEW_SLACK * view.realMax);
    }
  });

  it("never fails on empty or broken spectra", () => {
    for (const spectra of [[], [[]], [[{ frequency: NaN, real: NaN, imaginary: Infinity }]], [[{ frequency: 1, real: 0, imaginary: 0 }]]]) {
      const view = nyquistView(spectra, ASPECT);
      expect(view.realMax).toBeGreaterThan(0);
      expect(view.minusImaginaryMax).toBeGreaterThan(view.minusImaginaryMin);
      expect(view.clipped).toBe(false);
    }
  });

  it("always keeps every spectrum's features in the frame at equal scales, and says when it clips", () => {
    const circuit = fc.record({
      series: fc.double({ min: 0.01, max: 1e4, noNaN: true }),
      chargeTransfer: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
      tail: fc.option(fc.double({ min: 1e-6, max: 100, noNaN: true })),
    });
    fc.assert(
      fc.property(fc.array(circuit, { minLength: 1, maxLength: 5 }), (circuits) => {
        const spectra = circuits.map((c) =>
          c.tail === null ? closingSemicircle(c.series, c.chargeTransfer) : semicircleAndTail(c.series, c.chargeTransfer, c.tail),
        );
        const view = nyquistView(spectra, ASPECT);
        expectEqualScales(view);
        for (const s of spectra) expect(highFrequencyFeatures(s).every((p) => !outside(view, p))).toBe(true);
        expect(view.clipped).toBe(spectra.some((s) => s.some((p) => outside(view, p))));
      }),
      { numRuns: 200 },
    );
  });
});
