// The text of an .mps file → the settings model, with every problem as a diagnostic pointing at
// the line and cell it comes from.

import type { Diagnostic } from "../../../diagnostics/diagnostic.js";
import { CODES } from "../codes.js";
import { TECHNIQUE_NAMES, type Technique } from "../model.js";
import { Locator, readBlocks, type RawTechnique } from "./blocks.js";
import { readHeader, type HeaderFacts } from "./header.js";
import { readModuloBat } from "./modulo-bat.js";
import { RowTable } from "./rows.js";
import { readCyclicVoltammetry, readGalvanoImpedance, readLinearSweep, readLoopTechnique, readOpenCircuit, readPotentioImpedance } from "./techniques.js";

export interface ReadResult {
  header: HeaderFacts | null;
  techniques: Technique[];
  diagnostics: Diagnostic[];
}

export function readSettings(text: string, file: string): ReadResult {
  const locate = new Locator(file);
  const blocks = readBlocks(text, locate);
  const diagnostics = [...blocks.diagnostics];
  if (!blocks.settings) return { header: null, techniques: [], diagnostics };
  const { facts, diagnostics: headerProblems } = readHeader(blocks.settings.header, locate);
  diagnostics.push(...headerProblems);

  const found = blocks.settings.techniques;
  if (facts.techniqueCount === null) {
    diagnostics.push({ code: CODES.truncated, severity: "error", message: 'the header has no "Number of linked techniques" line', span: locate.whole(blocks.settings.header[0] ?? { text: "", line: 1, offset: 0 }), hint: "save the settings again from EC-Lab", target: "biologic" });
  } else if (facts.techniqueCount !== found.length) {
    diagnostics.push({
      code: CODES.truncated,
      severity: "error",
      message: `the header links ${facts.techniqueCount} technique${facts.techniqueCount === 1 ? "" : "s"} but the file holds ${found.length}`,
      span: locate.whole(facts.techniqueCountLine!),
      hint: "the file may be truncated; save it again from EC-Lab",
      target: "biologic",
    });
  }

  const techniques: Technique[] = [];
  found.forEach((raw, i) => {
    if (raw.number !== i + 1) {
      diagnostics.push({ code: CODES.truncated, severity: "error", message: `technique ${i + 1} is numbered ${raw.number}`, span: locate.whole(raw.heading), target: "biologic" });
    }
    const technique = readTechnique(raw, new RowTable(raw, locate, diagnostics), facts.batteryCapacity, diagnostics, locate);
    if (technique) techniques.push(technique);
  });
  return { header: facts, techniques, diagnostics };
}

const READERS: Record<string, (table: RowTable, capacity: number | null) => Technique | null> = {
  [TECHNIQUE_NAMES.moduloBat]: (table, capacity) => readModuloBat(table, capacity),
  [TECHNIQUE_NAMES.ocv]: (table) => readOpenCircuit(table),
  [TECHNIQUE_NAMES.peis]: (table) => readPotentioImpedance(table),
  [TECHNIQUE_NAMES.geis]: (table) => readGalvanoImpedance(table),
  [TECHNIQUE_NAMES.lsv]: (table) => readLinearSweep(table),
  [TECHNIQUE_NAMES.cv]: (table) => readCyclicVoltammetry(table),
  [TECHNIQUE_NAMES.loop]: (table) => readLoopTechnique(table),
};

function readTechnique(raw: RawTechnique, table: RowTable, capacity: number | null, diagnostics: Diagnostic[], locate: Locator): Technique | null {
  const reader = READERS[raw.name];
  if (reader) return reader(table, capacity);
  diagnostics.push({
    code: CODES.unknownTechnique,
    severity: "error",
    message: `technique ${raw.number} is "${raw.name}"; btp imports ${Object.keys(READERS).join(", ")}`,
    span: locate.whole(raw.nameLine ?? raw.heading),
    hint: "write this part of the schedule in the .btp file by hand",
    target: "biologic",
  });
  return null;
}
