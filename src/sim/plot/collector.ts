// Gathers what the plots need while the simulation streams, in bounded memory whatever the
// number of cycles: an M4-reduced voltage–time curve, the full curves of a few chosen cycles,
// the per-cycle capacities (M4-reduced over the cycle number), impedance spectra and
// voltammograms (a bounded number of each).

import type { CycleSummary, EisSpectrum, TraceRow, TraceSink, VoltammogramPoint } from "../types.js";
import { M4 } from "./m4.js";

/** Columns of the reduced curves: twice an 800-pixel plot. */
const COLUMNS = 1600;
/** Points kept for one cycle's voltage–capacity curve before it is thinned. */
const MAX_CYCLE_POINTS = 20_000;
const MAX_SPECTRA = 16;
const MAX_VOLTAMMOGRAMS = 8;

/** Points of one cycle: capacity passed in the cycle (C) against voltage, charge and discharge
 * kept as separate branches. */
export class CycleCurve {
  readonly chargeX: number[] = [];
  readonly chargeY: number[] = [];
  readonly dischargeX: number[] = [];
  readonly dischargeY: number[] = [];
  private stride = 1;
  private seen = 0;

  constructor(readonly cycle: number) {}

  add(capacity: number, voltage: number, charging: boolean): void {
    if (this.seen++ % this.stride !== 0) return;
    (charging ? this.chargeX : this.dischargeX).push(capacity);
    (charging ? this.chargeY : this.dischargeY).push(voltage);
    if (this.chargeX.length + this.dischargeX.length > MAX_CYCLE_POINTS) {
      for (const list of [this.chargeX, this.chargeY, this.dischargeX, this.dischargeY]) {
        let j = 0;
        for (let i = 0; i < list.length; i += 2) list[j++] = list[i]!;
        list.length = j;
      }
      this.stride *= 2;
    }
  }

  get empty(): boolean {
    return this.chargeX.length + this.dischargeX.length === 0;
  }
}

export interface Voltammogram {
  stepId: string;
  scanRate: number;
  points: VoltammogramPoint[];
}

export class PlotCollector implements TraceSink {
  readonly voltageTime = new M4(COLUMNS, 1);
  readonly dischargeByCycle = new M4(COLUMNS, 1);
  readonly chargeByCycle = new M4(COLUMNS, 1);
  readonly retentionByCycle = new M4(COLUMNS, 1);
  readonly curves: CycleCurve[] = [];
  readonly spectra: EisSpectrum[] = [];
  readonly voltammograms: Voltammogram[] = [];
  cyclesWithDischarge = 0;
  rows = 0;
  private current: CycleCurve | null = null;
  private cycleStartCharge = 0;
  private cycleStartDischarge = 0;
  private readonly chosen: Set<number>;

  /** `cycles`: the cycles to draw in the voltage–capacity plot (the last one is always added). */
  constructor(cycles: readonly number[] = [1, 2, 10, 100, 1000, 10000]) {
    this.chosen = new Set(cycles);
  }

  row(r: TraceRow): void {
    this.rows++;
    this.voltageTime.add(r.time, r.voltage);
    if (!this.current || this.current.cycle !== r.cycle) {
      if (this.current && !this.current.empty && this.chosen.has(this.current.cycle)) this.curves.push(this.current);
      this.current = new CycleCurve(r.cycle);
      this.cycleStartCharge = r.chargeCapacity;
      this.cycleStartDischarge = r.dischargeCapacity;
    }
    if (r.current > 0) this.current.add(r.chargeCapacity - this.cycleStartCharge, r.voltage, true);
    else if (r.current < 0) this.current.add(r.dischargeCapacity - this.cycleStartDischarge, r.voltage, false);
  }

  cycle(c: CycleSummary): void {
    if (c.dischargeCapacity > 0) this.cyclesWithDischarge++;
    this.dischargeByCycle.add(c.cycle, c.dischargeCapacity);
    this.chargeByCycle.add(c.cycle, c.chargeCapacity);
    if (c.retention !== null) this.retentionByCycle.add(c.cycle, c.retention);
  }

  eis(e: EisSpectrum): void {
    // The first spectra, and the latest in the last place, so that early and late ones both show.
    if (this.spectra.length < MAX_SPECTRA) this.spectra.push(e);
    else this.spectra[MAX_SPECTRA - 1] = e;
  }

  voltammogram(points: VoltammogramPoint[], step: { stepId: string; scanRate: number }): void {
    if (this.voltammograms.length < MAX_VOLTAMMOGRAMS && points.length > 1)
      this.voltammograms.push({ stepId: step.stepId, scanRate: step.scanRate, points });
  }

  /** The chosen cycles' curves plus the last cycle's. Call after the simulation. */
  cycleCurves(): CycleCurve[] {
    const curves = [...this.curves];
    if (this.current && !this.current.empty && !curves.includes(this.current)) curves.push(this.current);
    return curves;
  }
}
