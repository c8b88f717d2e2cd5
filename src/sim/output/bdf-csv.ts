// The trace as Battery Data Format CSV (preferred labels, `Quantity / unit`, current positive on
// charge as BDF defines it), with the step table, cycle summary and impedance spectra as CSV files
// beside it. Rows are formatted and written as they arrive.

import type { TraceRow } from "../types.js";
import { ascii, ByteWriter } from "./byte-writer.js";
import { tableSink, type FileSink, type WriterInfo } from "./file-sink.js";
import type { OutputPaths } from "./paths.js";
import { formatAmpHours, formatAmps, formatCelsius, TRACE_COLUMNS } from "./tables.js";

export type { FileSink, WriterInfo } from "./file-sink.js";

const COMMA = 44;

/** A capacity column (Ah, 12 decimals): digits while it moves, cached bytes while it stands. */
class CapacityColumn {
  private value = NaN;
  private cached: Uint8Array | null = null;

  write(out: ByteWriter, coulombs: number): void {
    if (coulombs === this.value) {
      this.cached ??= ascii(formatAmpHours(coulombs));
      out.bytes(this.cached);
      return;
    }
    this.value = coulombs;
    this.cached = null;
    out.fixed(coulombs / 3600, 12);
  }
}

export function createBdfCsvSink(paths: OutputPaths, info: WriterInfo): FileSink {
  if (paths.trace === null)
    return tableSink(
      paths,
      info,
      "csv",
      () => {},
      () => {},
    );
  const trace = new ByteWriter(paths.trace);
  trace.bytes(ascii(TRACE_COLUMNS.map((c) => c.label).join(",") + "\n"));

  // A million rows: numbers that change from row to row are written digit by digit; the columns
  // that stay the same within a step (current, cycle, step, type, ambient, and the capacity that is
  // not moving) are prepared once. The text equals what TRACE_COLUMNS formats.
  let cachedStep = -1;
  let lastCurrent = NaN;
  let middle = ascii("");
  let tail = ascii("");
  const charged = new CapacityColumn();
  const discharged = new CapacityColumn();
  const writeRow = (r: TraceRow): void => {
    if (r.step !== cachedStep || r.current !== lastCurrent) {
      if (r.step !== cachedStep) tail = ascii(`,${formatCelsius(r.ambientTemperature)}\n`);
      cachedStep = r.step;
      lastCurrent = r.current;
      middle = ascii(`,${formatAmps(r.current)},${r.cycle},${r.step},${r.stepId},${r.stepType},`);
    }
    trace.fixed(r.time, 4);
    trace.byte(COMMA);
    trace.fixed(r.voltage, 6);
    trace.bytes(middle);
    charged.write(trace, r.chargeCapacity);
    trace.byte(COMMA);
    discharged.write(trace, r.dischargeCapacity);
    trace.bytes(tail);
  };
  return tableSink(paths, info, "csv", writeRow, () => trace.close());
}
