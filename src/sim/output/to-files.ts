// One simulation written to disk: the trace, step table, cycle summary, spectra, the metadata
// sidecar and (optionally) the plots. Files are written under temporary names beside their
// destinations and renamed into place only when the run finished, so an interrupted or refused
// run never leaves a half-written trace where a complete one is expected. Missing output folders
// are created with the first file, and removed again when the run wrote nothing.

import { randomBytes } from "node:crypto";
import { renameSync, rmSync } from "node:fs";
import path from "node:path";
import type { ProtocolIR } from "../../ir/types.js";
import { hasErrors } from "../../diagnostics/diagnostic.js";
import { simulate, DEFAULT_TOLERANCE } from "../index.js";
import { buildCharts } from "../plot/charts.js";
import { PlotCollector } from "../plot/collector.js";
import { writeCharts } from "../plot/write.js";
import type { CycleSummary, SimulationOptions, SimulationResult, TraceSink } from "../types.js";
import { createBdfCsvSink } from "./bdf-csv.js";
import type { FileSink } from "./file-sink.js";
import { createFolders, type CreatedFolders } from "./folders.js";
import { createJsonSink } from "./json.js";
import type { OutputFormat, OutputPaths } from "./paths.js";
import { buildSidecar, writeSidecar } from "./sidecar.js";
import { teeSinks } from "./tee.js";

export interface FilesRequest {
  ir: ProtocolIR;
  /** The protocol text, for the sidecar's content hash. */
  sourceText: string | null;
  btpVersion: string;
  paths: OutputPaths;
  format: OutputFormat;
  /** Folder for the plots, or null for none. */
  plotDir: string | null;
  /** Also render PNGs next to the SVGs (default true). */
  png?: boolean;
  options: SimulationOptions;
}

export interface FilesOutcome {
  result: SimulationResult;
  /** Every file written, in final place. */
  files: string[];
  rowsWritten: number;
  /** The summary of the test's last cycle, for a one-line report. */
  lastCycle: CycleSummary | null;
}

function temporary(file: string, tag: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${tag}.tmp`);
}

export function simulateToFiles(request: FilesRequest): FilesOutcome {
  const tag = randomBytes(4).toString("hex");
  const final = request.paths;
  const staged: OutputPaths = {
    trace: final.trace === null ? null : temporary(final.trace, tag),
    steps: temporary(final.steps, tag),
    cycles: temporary(final.cycles, tag),
    eis: temporary(final.eis, tag),
    sidecar: temporary(final.sidecar, tag),
  };
  const finalOf = new Map<string, string>([
    [staged.steps, final.steps],
    [staged.cycles, final.cycles],
    [staged.eis, final.eis],
    [staged.sidecar, final.sidecar],
  ]);
  if (staged.trace && final.trace) finalOf.set(staged.trace, final.trace);

  const activeMass = request.ir.cell?.activeMass ?? null;
  const state: { files: FileSink | null; folders: CreatedFolders | null; lastCycle: CycleSummary | null } = {
    files: null,
    folders: null,
    lastCycle: null,
  };
  const collector = request.plotDir ? new PlotCollector() : null;
  const open = (): FileSink => {
    if (!state.files) {
      state.folders = createFolders([...finalOf.values()].map((f) => path.dirname(f)));
      state.files = (request.format === "json" ? createJsonSink : createBdfCsvSink)(staged, { activeMass });
    }
    return state.files;
  };
  const discard = (): void => {
    for (const temp of finalOf.keys()) rmSync(temp, { force: true });
    state.folders?.removeIfEmpty();
  };
  // Files are opened at the first output, so a refused protocol creates nothing.
  const lazy: TraceSink = {
    row: (r) => open().row(r),
    step: (s) => open().step?.(s),
    cycle: (c) => {
      state.lastCycle = c;
      open().cycle?.(c);
    },
    eis: (e) => open().eis?.(e),
  };
  const sink = collector ? teeSinks(lazy, collector) : lazy;
  const options = { ...request.options, summaryOnly: request.options.summaryOnly || final.trace === null };

  let result: SimulationResult;
  try {
    result = simulate(request.ir, options, sink);
  } catch (error) {
    state.files?.close();
    discard();
    throw error;
  }
  const opened = state.files;
  if (!opened || (hasErrors(result.diagnostics) && result.stepsRun === 0)) {
    opened?.close();
    discard();
    return { result, files: [], rowsWritten: 0, lastCycle: null };
  }
  opened.close();
  const written = [...opened.files];
  writeSidecar(
    staged.sidecar,
    buildSidecar({
      ir: request.ir,
      sourceText: request.sourceText,
      btpVersion: request.btpVersion,
      parameters: result.parameters!,
      result: { ...result, rowsWritten: opened.rowsWritten },
      tolerance: request.options.tolerance ?? DEFAULT_TOLERANCE,
      format: request.format,
      summaryOnly: options.summaryOnly,
      files: written.map((f) => finalOf.get(f) ?? f),
    }),
  );
  written.push(staged.sidecar);
  const placed: string[] = [];
  for (const temp of written) {
    const destination = finalOf.get(temp)!;
    renameSync(temp, destination);
    placed.push(destination);
  }
  if (collector && request.plotDir) {
    const title = request.ir.title ?? path.basename(request.ir.source);
    placed.push(...writeCharts(request.plotDir, buildCharts(collector, title, activeMass), { png: request.png ?? true }));
  }
  return { result, files: placed, rowsWritten: opened.rowsWritten, lastCycle: state.lastCycle };
}
