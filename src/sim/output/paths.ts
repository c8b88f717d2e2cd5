// Where the output files of one simulation go. The trace names the set; the step table, the cycle
// summary, impedance spectra and the metadata sidecar sit beside it:
//   run.bdf.csv  run.steps.csv  run.cycles.csv  run.eis.csv  run.metadata.json

import path from "node:path";

export type OutputFormat = "bdf-csv" | "json";

export interface OutputPaths {
  /** null when only the summary is written (`--summary-only`). */
  trace: string | null;
  steps: string;
  cycles: string;
  eis: string;
  sidecar: string;
}

/** The file names for a trace at `trace`, or for a protocol when no trace name is given. */
export function outputPaths(trace: string | null, protocolFile: string, format: OutputFormat): OutputPaths {
  const extension = format === "json" ? ".json" : ".csv";
  const chosen =
    trace ?? `${path.basename(protocolFile).replace(/\.btp(\.ya?ml)?$/i, "")}${format === "json" ? ".trace.json" : ".bdf.csv"}`;
  const base = chosen.replace(/(\.bdf)?\.(csv|json)$/i, "").replace(/\.trace$/i, "");
  return {
    trace: chosen,
    steps: `${base}.steps${extension}`,
    cycles: `${base}.cycles${extension}`,
    eis: `${base}.eis${extension}`,
    sidecar: `${base}.metadata.json`,
  };
}
