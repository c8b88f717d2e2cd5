// The protocol × target table `btp compile --target all` prints: "ok" where files were written,
// the refusing code where the target refused (the first error is the reason to read first).

import type { Diagnostic } from "../../diagnostics/diagnostic.js";

export interface SummaryCell {
  /** "ok", or the first error code ("BTP6001"), or "check" when the protocol itself has errors. */
  status: string;
}

export interface SummaryRow {
  protocol: string;
  cells: Map<string, SummaryCell>;
}

export function cellFor(diagnostics: readonly Diagnostic[]): SummaryCell {
  const error = diagnostics.find((d) => d.severity === "error");
  return { status: error ? `refused ${error.code}` : "ok" };
}

/** A plain-text table, columns padded to their widest entry. */
export function renderSummaryTable(targets: readonly string[], rows: readonly SummaryRow[]): string {
  const header = ["protocol", ...targets];
  const body = rows.map((row) => [row.protocol, ...targets.map((t) => row.cells.get(t)?.status ?? "-")]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n") + "\n";
}
