// The simulator's plots, built from what the collector gathered: voltage against time, voltage
// against capacity for chosen cycles, capacity and retention against cycle number, Nyquist and
// cyclic voltammograms. Each is returned only when there is something to draw; the Nyquist plots are
// built in nyquist.ts.

import { formatNumber } from "../../units/format.js";
import type { PlotCollector } from "./collector.js";
import { nyquistCharts } from "./nyquist.js";
import { lineChart, type Series } from "./svg.js";

export interface Chart {
  /** File name without extension, e.g. "voltage-time". */
  name: string;
  svg: string;
}

/** s → the unit that gives readable numbers for a test of this length. */
function timeAxis(seconds: number): { factor: number; unit: string } {
  if (seconds > 3 * 86400) return { factor: 86400, unit: "d" };
  if (seconds > 3 * 3600) return { factor: 3600, unit: "h" };
  if (seconds > 600) return { factor: 60, unit: "min" };
  return { factor: 1, unit: "s" };
}

/** Capacities per gram when the active mass is known, else in mAh. */
function capacityAxis(activeMass: number | null): { factor: number; unit: string } {
  return activeMass ? { factor: 3.6 * activeMass * 1000, unit: "mAh/g" } : { factor: 3.6, unit: "mAh" };
}

export function buildCharts(collector: PlotCollector, title: string, activeMass: number | null): Chart[] {
  const charts: Chart[] = [];
  const capacity = capacityAxis(activeMass);

  const vt = collector.voltageTime.points();
  if (vt.x.length > 1) {
    const axis = timeAxis(vt.x.at(-1)! - vt.x[0]!);
    charts.push({
      name: "voltage-time",
      svg: lineChart({
        title: `${title}: voltage`,
        xLabel: `Test time / ${axis.unit}`,
        yLabel: "Voltage / V",
        series: [{ name: "", x: vt.x.map((t) => t / axis.factor), y: vt.y }],
      }),
    });
  }

  const curves = collector.cycleCurves().filter((c) => c.chargeX.length + c.dischargeX.length > 1);
  if (curves.length > 0) {
    const series: Series[] = curves.map((c) => {
      // Charge then discharge, separated by a gap (NaN) so that no line joins them.
      const x = [...c.chargeX, NaN, ...c.dischargeX].map((q) => q / capacity.factor);
      const y = [...c.chargeY, NaN, ...c.dischargeY];
      return { name: `cycle ${c.cycle}`, x, y };
    });
    charts.push({
      name: "voltage-capacity",
      svg: lineChart({ title: `${title}: voltage profiles`, xLabel: `Capacity / ${capacity.unit}`, yLabel: "Voltage / V", series }),
    });
  }

  if (collector.cyclesWithDischarge > 1) {
    const discharge = collector.dischargeByCycle.points();
    const charge = collector.chargeByCycle.points();
    charts.push({
      name: "capacity",
      svg: lineChart({
        title: `${title}: capacity`,
        xLabel: "Cycle",
        yLabel: `Capacity / ${capacity.unit}`,
        series: [
          { name: "discharge", x: discharge.x, y: discharge.y.map((q) => q / capacity.factor) },
          { name: "charge", x: charge.x, y: charge.y.map((q) => q / capacity.factor) },
        ],
      }),
    });
    const retention = collector.retentionByCycle.points();
    if (retention.x.length > 1) {
      charts.push({
        name: "retention",
        svg: lineChart({
          title: `${title}: capacity retention`,
          xLabel: "Cycle",
          yLabel: "Retention / %",
          series: [{ name: "", x: retention.x, y: retention.y.map((r) => r * 100) }],
        }),
      });
    }
  }

  charts.push(...nyquistCharts(collector.spectra, title));

  if (collector.voltammograms.length > 0) {
    const series: Series[] = collector.voltammograms.map((v) => ({
      name: `step ${v.stepId}, ${formatNumber(v.scanRate * 1000, 4)} mV/s`,
      x: v.points.map((p) => p.potential),
      y: v.points.map((p) => p.current * 1000),
    }));
    charts.push({
      name: "voltammogram",
      svg: lineChart({ title: `${title}: voltammetry`, xLabel: "Potential / V", yLabel: "Current / mA", series }),
    });
  }
  return charts;
}
