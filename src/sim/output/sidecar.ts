// The metadata sidecar (`run.metadata.json`): which protocol was simulated (with a content hash so
// that a trace can be matched to the exact text), which cell parameters were used, by which btp,
// and what each file and column holds. Numbers are rounded for people (formatNumber): no float
// residue ever appears in it.

import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { ProtocolIR } from "../../ir/types.js";
import { formatNumber } from "../../units/format.js";
import { parametersOf, type CellParameters } from "../parameters/catalogue.js";
import type { SimulationResult } from "../types.js";
import type { OutputFormat } from "./paths.js";
import { TRACE_COLUMNS } from "./tables.js";

export interface SidecarInput {
  ir: ProtocolIR;
  /** The protocol text, hashed when given; otherwise the IR is hashed. */
  sourceText: string | null;
  btpVersion: string;
  parameters: CellParameters;
  result: SimulationResult;
  tolerance: number;
  format: OutputFormat;
  summaryOnly: boolean;
  /** The files written, relative names are kept as given. */
  files: string[];
}

/** sha256 of the protocol text (or of its IR when the text is not at hand). */
export function contentHash(sourceText: string | null, ir: ProtocolIR): string {
  const hash = createHash("sha256");
  hash.update(sourceText ?? JSON.stringify(ir));
  return `sha256:${hash.digest("hex")}`;
}

function rounded(x: number): number {
  return Number(formatNumber(x, 10));
}

export function buildSidecar(input: SidecarInput): Record<string, unknown> {
  const { ir, parameters, result } = input;
  const cellParameters: Record<string, { value: number; unit: string; display: string }> = {};
  for (const info of parametersOf(parameters.kind)) {
    const value = parameters[info.name];
    if (!Number.isFinite(value)) continue;
    cellParameters[info.name] = {
      value: rounded(value),
      unit: info.siUnit,
      display: `${formatNumber(value / info.displayFactor, 6)}${info.displayUnit === "1" ? "" : ` ${info.displayUnit}`}`,
    };
  }
  return {
    generator: { name: "btp simulate", btpVersion: input.btpVersion },
    protocol: {
      title: ir.title,
      source: ir.source,
      contentHash: contentHash(input.sourceText, ir),
      citations: ir.metadata.citations,
      figures: ir.metadata.figures,
    },
    cell: {
      name: ir.cell?.name ?? null,
      title: ir.cell?.title ?? null,
      model: parameters.kind,
      parameterSet: parameters.preset,
      openCircuitCurve: parameters.kind === "full" ? { name: parameters.ocv.name, terms: parameters.ocv.terms } : null,
      parameters: cellParameters,
    },
    simulation: {
      toleranceVolts: input.tolerance,
      summaryOnly: input.summaryOnly,
      steps: result.stepsRun,
      cycles: result.cycles,
      durationSeconds: rounded(result.duration),
      rows: result.rowsWritten,
      stoppedEarly: result.stoppedEarly,
      diagnostics: result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, message: d.message })),
    },
    format: {
      name: input.format === "json" ? "BDF rows as JSON (machine-readable names)" : "Battery Data Format CSV (preferred labels)",
      currentSign: "positive on charge (current into the cell), as BDF defines it",
      capacities: "Charging and Discharging Capacity accumulate over the whole test",
      columns: TRACE_COLUMNS.map((c) => ({ label: c.label, key: c.key })),
      sampling: `straight lines between rows stay within ${formatNumber(input.tolerance * 1000, 6)} mV of the model voltage; every step start and end is a row`,
    },
    files: input.files.map((f) => path.basename(f)),
  };
}

export function writeSidecar(file: string, sidecar: Record<string, unknown>): void {
  writeFileSync(file, JSON.stringify(sidecar, null, 2) + "\n");
}
