// The Nyquist plots: `nyquist` zoomed on the high-frequency features (see nyquist-view.ts for the
// rule), and `nyquist-full` with every point when the zoom clips a low-frequency tail. Both have
// equal scales on the two axes, impedances in the unit that suits the frame, and one coloured
// line with symbols per spectrum, named in a legend beside the frame.

import { formatNumber } from "../../units/format.js";
import type { EisSpectrum } from "../types.js";
import type { Chart } from "./charts.js";
import { nyquistView, type NyquistView } from "./nyquist-view.js";
import { chartFrame, lineChart, type ChartSpec } from "./svg.js";

const WIDTH = 900;
const HEIGHT = 560;
export const FULL_RANGE_NAME = "nyquist-full";

const UNITS = [
  { factor: 1e-3, unit: "mΩ" },
  { factor: 1, unit: "Ω" },
  { factor: 1e3, unit: "kΩ" },
  { factor: 1e6, unit: "MΩ" },
  { factor: 1e9, unit: "GΩ" },
];

/** The unit in which an axis reaching `ohms` reads as a number between 1 and 1000. */
export function impedanceUnit(ohms: number): { factor: number; unit: string } {
  const fits = UNITS.filter((u) => Math.abs(ohms) >= u.factor);
  return fits.at(-1) ?? UNITS[0]!;
}

/** Legend names: the step, plus the cycle and the temperature where these tell spectra apart. */
export function spectrumLabels(spectra: readonly EisSpectrum[]): string[] {
  const celsius = (s: EisSpectrum): string => `${formatNumber(s.cellTemperature - 273.15, 3)} °C`;
  const cyclesDiffer = new Set(spectra.map((s) => s.cycle)).size > 1;
  const temperaturesDiffer = new Set(spectra.map(celsius)).size > 1;
  return spectra.map((s) => {
    const parts = [`step ${s.step}`];
    if (cyclesDiffer) parts.push(`cycle ${s.cycle}`);
    if (temperaturesDiffer) parts.push(celsius(s));
    return parts.join(", ");
  });
}

function chartSpec(spectra: readonly EisSpectrum[], title: string): ChartSpec {
  const labels = spectrumLabels(spectra);
  return {
    title,
    xLabel: "Z′ / Ω",
    yLabel: "−Z″ / Ω",
    width: WIDTH,
    height: HEIGHT,
    legend: "outside",
    series: spectra.map((s, i) => ({
      name: labels[i]!,
      x: s.points.map((p) => p.real),
      y: s.points.map((p) => -p.imaginary),
      markers: s.points.length < 200,
    })),
  };
}

/** The spec in the view's unit, with the view's ranges. */
function inView(spec: ChartSpec, view: NyquistView): ChartSpec {
  const { factor, unit } = impedanceUnit(view.realMax);
  return {
    ...spec,
    xLabel: `Z′ / ${unit}`,
    yLabel: `−Z″ / ${unit}`,
    xRange: [0, view.realMax / factor],
    yRange: [view.minusImaginaryMin / factor, view.minusImaginaryMax / factor],
    series: spec.series.map((s) => ({ ...s, x: Array.from(s.x, (v) => v / factor), y: Array.from(s.y, (v) => v / factor) })),
  };
}

function clipNote(view: NyquistView): string {
  const { factor, unit } = impedanceUnit(view.realMax);
  const real = formatNumber(view.realMax / factor, 3);
  const imaginary = formatNumber(view.minusImaginaryMax / factor, 3);
  return `Low-frequency tail clipped at the frame (Z′ > ${real} ${unit}, −Z″ > ${imaginary} ${unit}); full range in ${FULL_RANGE_NAME}.svg`;
}

export function nyquistCharts(spectra: readonly EisSpectrum[], title: string): Chart[] {
  if (spectra.length === 0) return [];
  const points = spectra.map((s) => s.points);
  // The note takes a line under the title, so the frame's shape depends on whether there is one.
  const zoomedSpec = { ...chartSpec(spectra, `${title}: Nyquist plot`), note: "clipped" };
  const zoomedFrame = chartFrame(zoomedSpec, true);
  const zoomed = nyquistView(points, zoomedFrame.height / zoomedFrame.width);

  const fullSpec = chartSpec(spectra, `${title}: Nyquist plot`);
  const fullFrame = chartFrame(fullSpec, true);
  const full = nyquistView(points, fullFrame.height / fullFrame.width, { zoom: false });
  if (!zoomed.clipped) return [{ name: "nyquist", svg: lineChart(inView(fullSpec, full)) }];

  return [
    { name: "nyquist", svg: lineChart(inView({ ...zoomedSpec, note: clipNote(zoomed) }, zoomed)) },
    { name: FULL_RANGE_NAME, svg: lineChart(inView({ ...fullSpec, title: `${title}: Nyquist plot, full range` }, full)) },
  ];
}
