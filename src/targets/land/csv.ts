// The same rows as a CSV file for a spreadsheet: a short preamble (one cell per line) that says
// it is a keying sheet, an empty line, then the table. RFC 4180 quoting, UTF-8 with BOM, CRLF.

import { CSV_BOM, CSV_LINE_ENDING, KEYING_SHEET_NOTICE } from "./conventions.js";
import type { LandRow } from "./sheet.js";

const COLUMNS = ["工步 Step", "工作模式 Work mode", "Work mode (English)", "设定值 Set-point", "截止条件 Cut-off", "记录条件 Record", "保护 Protection", "备注 Notes"];

export function landCsv(header: readonly string[], rows: readonly LandRow[]): string {
  const lines: string[] = [KEYING_SHEET_NOTICE, ...header].map((line) => field(line));
  lines.push("");
  lines.push(COLUMNS.map(field).join(","));
  for (const row of rows) {
    const cells = [
      row.number === null ? "" : String(row.number),
      row.mode?.zh ?? "",
      row.mode?.en ?? "",
      row.setpoint,
      row.cutoffs.join("; "),
      row.record,
      row.protection,
      row.notes.join("; "),
    ];
    lines.push(cells.map(field).join(","));
  }
  return CSV_BOM + lines.join(CSV_LINE_ENDING) + CSV_LINE_ENDING;
}

/** A field quoted when it holds a comma, a quote or a line break (quotes doubled). Text that a
 * spreadsheet would run as a formula (=, +, @, or - before a letter) gets a leading apostrophe. */
export function field(text: string): string {
  const safe = /^[=+@\t\r]|^-(?![\d.\s])/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
