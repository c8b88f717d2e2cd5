// The methods document: the paragraph a paper's methods section needs (describe.ts writes it
// from the IR), where the protocol comes from, the figures of the estimate, and the step table
// of `btp explain` as a Markdown table for the supplementary information.

import { methodsParagraph, stepTable, summary, type StepTableRow } from "../../ir/describe.js";
import { compactDuration, groupDigits } from "../../ir/describe/words.js";
import type { DurationBounds, ProtocolEstimate } from "../../ir/estimate.js";
import type { ProtocolIR } from "../../ir/types.js";
import { formatQuantity } from "../../units/display.js";
import { commentText, LINE_ENDING, ROW_INDENT, tableCell } from "./conventions.js";

export interface MethodsDocument {
  ir: ProtocolIR;
  estimate: ProtocolEstimate;
  /** The file header (who wrote it, from what), as plain lines. */
  header: readonly string[];
  btpVersion: string;
  baseName: string;
}

export function writeMethods(doc: MethodsDocument): string {
  const { ir, estimate } = doc;
  const lines: string[] = ["<!--", ...doc.header.map((l) => commentText(l)), "-->", ""];
  lines.push(`# Methods: ${ir.title ?? doc.baseName}`, "");
  lines.push(methodsParagraph(ir, estimate), "");
  lines.push(citationLine(ir, doc.btpVersion), "");

  lines.push("## Summary", "");
  for (const line of summary(ir, estimate).split("\n")) {
    // summary() indents the assumptions under their heading.
    lines.push(line.startsWith("  - ") ? `  - ${line.slice(4)}` : `- ${line}`);
  }
  lines.push("");

  lines.push("## Steps", "");
  lines.push(...table(stepTable(ir, estimate)));
  return lines.join(LINE_ENDING) + LINE_ENDING;
}

/** Where the protocol comes from (the paper and figure it reproduces) and the file it is. */
function citationLine(ir: ProtocolIR, btpVersion: string): string {
  const figures = ir.metadata.figures.length > 0 ? ` (Fig. ${ir.metadata.figures.join("; ")})` : "";
  const source = ir.metadata.citations.length > 0 ? `${ir.metadata.citations.join("; ")}${figures}` : "none given in the protocol";
  const file = ir.source.split(/[\\/]/).pop() ?? ir.source;
  return `**Source:** ${source}. **Protocol file:** \`${file}\`, compiled with btp ${btpVersion}.`;
}

/** The step table, one row per node (loops are header rows, never unrolled), with the
 * derivations of relative currents as numbered notes beneath. */
function table(rows: readonly StepTableRow[]): string[] {
  const notes: string[] = [];
  const lines = ["| # | Step | Current | Passes | Each | Total |", "|---|---|--:|--:|--:|--:|"];
  for (const row of rows) {
    const label = row.label ? ` “${row.label}”` : "";
    const step = ROW_INDENT.repeat(row.depth) + row.description + label;
    const cells = [
      row.id,
      step,
      currentCell(row, notes),
      passesCell(row),
      durationCell(row.perPass, row.basis),
      durationCell(row.total, row.basis),
    ];
    lines.push(`| ${cells.map(tableCell).join(" | ")} |`);
  }
  lines.push("");
  notes.forEach((note, i) => lines.push(`[${i + 1}] ${note}${i < notes.length - 1 ? "  " : ""}`));
  if (notes.length > 0) lines.push("");
  lines.push("~ estimated from the cell and the step's set-points; ? cannot be estimated; passes a–b: the loop may end early.");
  return lines;
}

function currentCell(row: StepTableRow, notes: string[]): string {
  if (!row.current) return "";
  const shown = formatQuantity(row.current.milliamps / 1000, "current");
  if (!row.current.derivation) return shown;
  let index = notes.indexOf(row.current.derivation);
  if (index === -1) index = notes.push(row.current.derivation) - 1;
  return `${shown} [${index + 1}]`;
}

function passesCell(row: StepTableRow): string {
  const { min, expected } = row.passes;
  return min === expected ? groupDigits(expected) : `${groupDigits(min)}–${groupDigits(expected)}`;
}

/** The same marks as `btp explain`: exact, "~" estimated, "?" unknown. */
function durationCell(d: DurationBounds, basis: readonly string[]): string {
  if (basis.includes("unknown") || basis.includes("operator")) return d.expected > 0 ? `~${compactDuration(d.expected)}?` : "?";
  const exact = d.max !== null && d.min === d.max;
  return `${exact ? "" : "~"}${compactDuration(d.expected)}`;
}
