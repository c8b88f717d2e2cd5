// What the file writers have in common: a TraceSink that also knows which files it wrote and how
// many rows it refused (a row with a non-finite number is never written).

import type { CycleSummary, EisSpectrum, StepRecord, TraceRow, TraceSink } from "../types.js";
import { csvTable, jsonTable, type TableWriter } from "./table-writer.js";
import { cycleColumns, EIS_COLUMNS, rowIsFinite, STEP_COLUMNS, type Column, type EisRow } from "./tables.js";
import type { OutputPaths } from "./paths.js";

export interface FileSink extends TraceSink {
  /** Flushes and closes every file. */
  close(): void;
  readonly rowsWritten: number;
  readonly rowsDropped: number;
  /** Files written (the impedance file only when there were spectra). */
  readonly files: string[];
}

export interface WriterInfo {
  /** kg, for specific capacities in the cycle summary (null leaves those columns empty). */
  activeMass: number | null;
}

type TableFactory = <T>(path: string, columns: readonly Column<T>[]) => TableWriter<T>;

/** Steps, cycles and spectra tables plus a trace writer supplied by the format. */
export function tableSink(
  paths: OutputPaths,
  info: WriterInfo,
  format: "csv" | "json",
  writeRow: (r: TraceRow) => void,
  closeTrace: () => void,
): FileSink {
  const table: TableFactory = format === "csv" ? csvTable : jsonTable;
  const steps = table(paths.steps, STEP_COLUMNS);
  const cycles = table(paths.cycles, cycleColumns(info.activeMass));
  let eis: TableWriter<EisRow> | null = null;
  let written = 0;
  let dropped = 0;
  return {
    get rowsWritten() {
      return written;
    },
    get rowsDropped() {
      return dropped;
    },
    get files() {
      return [...(paths.trace ? [paths.trace] : []), paths.steps, paths.cycles, ...(eis ? [paths.eis] : [])];
    },
    row(r: TraceRow): void {
      if (!rowIsFinite(r)) {
        dropped++;
        return;
      }
      writeRow(r);
      written++;
    },
    step(s: StepRecord): void {
      steps.add(s);
    },
    cycle(c: CycleSummary): void {
      cycles.add(c);
    },
    eis(e: EisSpectrum): void {
      eis ??= table(paths.eis, EIS_COLUMNS);
      for (const point of e.points) eis.add({ spectrum: e, point });
    },
    close(): void {
      closeTrace();
      steps.close();
      cycles.close();
      eis?.close();
    },
  };
}
