import { describe, expect, it } from "vitest";
import { impedanceUnit, nyquistCharts, spectrumLabels } from "../../../src/sim/plot/nyquist.js";
import { renderPng } from "../../../src/sim/plot/write.js";
import { blockingCell, closingSemicircle, spectrum } from "./spectra.js";

/** The data paths (one per spectrum) with their colours, in drawing order. */
function dataPaths(svg: string): { color: string; vertices: number }[] {
  return [...svg.matchAll(/<path [^>]*stroke="(#[0-9a-f]{6})"[^>]*d="([^"]*)"/g)].map((m) => ({
    color: m[1]!,
    vertices: (m[2]!.match(/[ML]/g) ?? []).length,
  }));
}

/** The legend rows: sample line colour and text, in order. */
function legendRows(svg: string): { color: string; name: string }[] {
  return [...svg.matchAll(/<line [^>]*stroke="(#[0-9a-f]{6})" stroke-width="2"\/>\n(?:<[^\n]*\n)?<text [^>]*>([^<]*)<\/text>/g)].map(
    (m) => ({
      color: m[1]!,
      name: m[2]!,
    }),
  );
}

const temperatures = [25, 29.9, 39.8, 49.8, 59.8, 69.8, 79.8, 89.8, 99.8];
const bulks = [22.7, 20.5, 16.8, 13.9, 11.7, 9.9, 8.5, 7.3, 6.2];
const arrhenius = () => bulks.map((r, i) => spectrum(2 * i + 2, blockingCell(r), { celsius: temperatures[i]! }));

describe("Nyquist plots", () => {
  it("draw one coloured path with symbols per spectrum, in the colour of its legend row", () => {
    const [zoomed] = nyquistCharts(arrhenius(), "SS | CGE | SS");
    const paths = dataPaths(zoomed!.svg);
    expect(paths).toHaveLength(9);
    expect(new Set(paths.map((p) => p.color)).size).toBe(9);
    const rows = legendRows(zoomed!.svg);
    expect(rows.map((r) => r.name)).toEqual(temperatures.map((t, i) => `step ${2 * i + 2}, ${t} °C`));
    expect(rows.map((r) => r.color)).toEqual(paths.map((p) => p.color));
    expect(zoomed!.svg.match(/marker-mid="url\(#symbol-\d\)"/g)).toHaveLength(9);
  });

  it("zoom on a blocking cell's intercepts, note the clipped tail and add the full-range plot", () => {
    const charts = nyquistCharts(arrhenius(), "SS | CGE | SS");
    expect(charts.map((c) => c.name)).toEqual(["nyquist", "nyquist-full"]);
    const [zoomed, full] = charts.map((c) => c.svg);
    expect(zoomed).toContain("Z′ / Ω");
    expect(zoomed).toMatch(/Low-frequency tail clipped at the frame \(Z′ &gt; 50 Ω, −Z″ &gt; [\d.]+ Ω\); full range in nyquist-full\.svg/);
    expect(full).toContain("Z′ / MΩ");
    expect(full).not.toContain("clipped");
    // Points far beyond the zoomed frame are left out of the file, not just hidden.
    const zoomedVertices = dataPaths(zoomed!).reduce((n, p) => n + p.vertices, 0);
    const fullVertices = dataPaths(full!).reduce((n, p) => n + p.vertices, 0);
    expect(zoomedVertices).toBeLessThan(fullVertices / 2);
    expect(renderPng(zoomed!, 400).length).toBeGreaterThan(1000);
  });

  it("show symmetric-cell semicircles whole, in kΩ, with no note and no second plot", () => {
    const spectra = [2190, 367, 146].map((r, i) => spectrum(i + 1, closingSemicircle(23, r), { cycle: [1, 10, 60][i]! }));
    const charts = nyquistCharts(spectra, "Na | CGE | Na");
    expect(charts.map((c) => c.name)).toEqual(["nyquist"]);
    expect(charts[0]!.svg).toContain("Z′ / kΩ");
    expect(charts[0]!.svg).not.toContain("clipped");
    expect(dataPaths(charts[0]!.svg)).toHaveLength(3);
  });

  it("make no plot without spectra", () => {
    expect(nyquistCharts([], "t")).toEqual([]);
  });
});

describe("impedance units and labels", () => {
  it("choose the unit in which the axis reads between 1 and 1000", () => {
    expect(impedanceUnit(0.05).unit).toBe("mΩ");
    expect(impedanceUnit(50).unit).toBe("Ω");
    expect(impedanceUnit(999).unit).toBe("Ω");
    expect(impedanceUnit(2500).unit).toBe("kΩ");
    expect(impedanceUnit(1.8e6)).toEqual({ factor: 1e6, unit: "MΩ" });
  });

  it("name the cycle and temperature only where they tell spectra apart", () => {
    const points = closingSemicircle(1, 1);
    expect(spectrumLabels([spectrum(2, points), spectrum(4, points)])).toEqual(["step 2", "step 4"]);
    expect(spectrumLabels([spectrum(2, points, { cycle: 1 }), spectrum(24, points, { cycle: 10, celsius: 60 })])).toEqual([
      "step 2, cycle 1, 25 °C",
      "step 24, cycle 10, 60 °C",
    ]);
  });
});
