// The LAND target: protocols → a keying sheet for the LANDt / LANDdt step editor (an HTML page
// that looks like the editor's table, and the same rows as CSV). LAND has no public schedule
// format, so btp never writes an instrument file for it, and there is no importer.
//   conventions.ts  step names (中文 + English), units, loop counts, encodings
//   capabilities.ts what a LAND sheet can say      sheet.ts  IR → rows
//   html.ts, csv.ts rows → the two files

import { hasErrors } from "../../diagnostics/diagnostic.js";
import type { LimitsIR, ProtocolIR, RecordIR } from "../../ir/types.js";
import { headerLines } from "../common/header.js";
import { lowerAfterTable } from "../common/lowering.js";
import type { CompileOptions, CompileResult, Target } from "../target.js";
import { landCapabilities } from "./capabilities.js";
import { CONFIRMED_MODES, MODE, currentText, cycleCountField, timeText, voltageText } from "./conventions.js";
import { landCsv } from "./csv.js";
import { landPage } from "./html.js";
import { buildLandSheet } from "./sheet.js";

const TITLE = "LAND keying sheet for the LANDt/LANDdt step editor (.land.html, .land.csv)";

const FILE_NOTES = [
  "A keying sheet, not an instrument file: LAND has no public schedule format. Type each numbered row into the step editor.",
  `A 循环 (cycle) row "go to step N, M times" means M passes through the block in all (repeat 3 -> ${cycleCountField(3)}).`,
  "Currents in mA (µA below 1 mA), voltages in V, times hh:mm:ss, capacities in mAh.",
];

export const landTarget: Target = {
  name: "land",
  title: TITLE,
  kind: "cycler",
  capabilities: landCapabilities,

  compile(ir, options: CompileOptions): CompileResult {
    const { lowered: sheet, diagnostics, emulations } = lowerAfterTable(ir, landTarget, () => buildLandSheet(ir));
    if (!sheet || hasErrors(diagnostics)) return { files: [], diagnostics, emulations };

    const header = headerLines({ ir, targetTitle: TITLE, btpVersion: options.btpVersion, emulations, notes: FILE_NOTES });
    const title = ir.title ?? options.baseName;
    const html = landPage({ title, header, facts: facts(ir), rows: sheet.rows, verify: VERIFY });
    const csv = landCsv(header, sheet.rows);
    const encoder = new TextEncoder();
    return {
      files: [
        { path: `${options.baseName}.land.html`, content: encoder.encode(html), description: "LAND keying sheet (HTML, UTF-8): type the rows into the LANDt step editor" },
        { path: `${options.baseName}.land.csv`, content: encoder.encode(csv), description: "LAND keying sheet (CSV, UTF-8 with BOM, CRLF)" },
      ],
      diagnostics,
      emulations,
    };
  },
};

/** What to check in the LAND software before the first run. */
const VERIFY = [
  `Step names: ${[...CONFIRMED_MODES].join(", ")} are confirmed by LAND's own files; ${MODE.cvCharge.zh}, ${MODE.cvDischarge.zh}, ${MODE.cycle.zh} and ${MODE.end.zh} are the usual LANDt names: check them in your version.`,
  "循环 (cycle) rows: btp's count is the total number of passes. Run a short loop once and check the cycle count in the data.",
  "Currents: choose the channel range (mA or µA) that holds the largest current before keying.",
  "Protection and recording: enter them where your LANDt version keeps them (for the whole test or per step).",
  "Operator rows are not LAND steps: do them by hand at the point shown.",
];

/** The facts a person keying the sheet needs at hand: the cell and what 1C is, the protection
 * and recording of the whole test. */
function facts(ir: ProtocolIR): string[] {
  const out: string[] = [];
  if (ir.cell) {
    const oneC = ir.cell.nominalCapacity !== null ? `; 1C = ${currentText(ir.cell.nominalCapacity / 3600)}${ir.cell.nominalCapacityDerivation ? ` (${ir.cell.nominalCapacityDerivation})` : ""}` : "";
    out.push(`电池 Cell: ${ir.cell.title ?? ir.cell.name}${oneC}`);
  }
  const protection = limitsText(ir.limits);
  if (protection) out.push(`安全保护 Protection (whole test): ${protection}`);
  const record = recordText(ir.record);
  if (record) out.push(`记录条件 Record (whole test): ${record}`);
  return out;
}

function limitsText(limits: LimitsIR): string {
  const parts: string[] = [];
  if (limits.voltage?.max !== undefined && limits.voltage.max !== null) parts.push(`voltage upper ${voltageText(limits.voltage.max)}`);
  if (limits.voltage?.min !== undefined && limits.voltage.min !== null) parts.push(`voltage lower ${voltageText(limits.voltage.min)}`);
  if (limits.current) parts.push(`current ${currentText(limits.current.max)}`);
  return parts.join(", ");
}

function recordText(record: RecordIR): string {
  const parts: string[] = [];
  if (record.time !== undefined) parts.push(`every ${timeText(record.time)}`);
  if (record.voltage !== undefined) parts.push(`every ${voltageText(record.voltage * 1000).replace(/ V$/, " mV")}`);
  if (record.current !== undefined) parts.push(`every ${currentText(record.current)}`);
  return parts.join(" or ");
}
