// A settings model → the text of an .mps file (lines joined by the caller with CRLF).

import { TECHNIQUE_NAMES, type SettingsFile, type Technique } from "../model.js";
import { layoutRows, type Row } from "./columns.js";
import { headerLines } from "./header.js";
import { moduloBatRows } from "./modulo-bat.js";
import { currentRangeForImpedance } from "./ranges.js";
import { cyclicVoltammetryRows, galvanoImpedanceRows, linearSweepRows, loopTechniqueRows, openCircuitRows, potentioImpedanceRows } from "./techniques.js";

export function settingsLines(file: SettingsFile): string[] {
  const lines = headerLines(file.header, file.techniques.length);
  file.techniques.forEach((technique, i) => {
    lines.push("", `Technique : ${i + 1}`, TECHNIQUE_NAMES[technique.kind]);
    lines.push(...layoutRows(techniqueRows(technique, file.header.potentialRange)));
  });
  return lines;
}

function techniqueRows(technique: Technique, range: { min: number; max: number }): Row[] {
  switch (technique.kind) {
    case "moduloBat":
      return moduloBatRows(technique, range);
    case "ocv":
      return openCircuitRows(technique, range);
    case "peis":
      return potentioImpedanceRows(technique, range);
    case "geis":
      return galvanoImpedanceRows(technique, range, currentRangeForImpedance(technique));
    case "lsv":
      return linearSweepRows(technique, range);
    case "cv":
      return cyclicVoltammetryRows(technique, range);
    case "loop":
      return loopTechniqueRows(technique);
  }
}
