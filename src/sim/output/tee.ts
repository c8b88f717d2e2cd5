// One simulation, several consumers: files, plots, a progress counter.

import type { CycleSummary, EisSpectrum, StepRecord, TraceRow, TraceSink, VoltammogramPoint } from "../types.js";

export function teeSinks(...sinks: TraceSink[]): TraceSink {
  return {
    row(r: TraceRow) {
      for (const s of sinks) s.row(r);
    },
    step(s: StepRecord) {
      for (const k of sinks) k.step?.(s);
    },
    cycle(c: CycleSummary) {
      for (const s of sinks) s.cycle?.(c);
    },
    eis(e: EisSpectrum) {
      for (const s of sinks) s.eis?.(e);
    },
    voltammogram(v: VoltammogramPoint[], step: { step: number; stepId: string; cycle: number; scanRate: number }) {
      for (const s of sinks) s.voltammogram?.(v, step);
    },
  };
}
