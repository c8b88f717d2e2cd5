import type { DiagnosticCodeInfo } from "./types.js";
import { generalCodes } from "./general.js";
import { syntaxCodes } from "./syntax.js";
import { namesCodes } from "./names.js";
import { unitsCodes } from "./units.js";
import { rulesCodes } from "./rules.js";
import { yamlCodes } from "./yaml.js";
import { targetsCodes } from "./targets.js";
import { simCodes } from "./sim.js";
import { toolsCodes } from "./tools.js";

export type { DiagnosticCodeInfo } from "./types.js";

/** Every diagnostic code btp can emit. Each range lives in its own file under codes/:
 *  0xxx general · 1xxx syntax · 2xxx names and imports · 3xxx units and types ·
 *  4xxx protocol rules · 5xxx YAML front end · 6xxx targets and importers · 7xxx simulator ·
 *  8xxx tools (CLI, formatter, language server). */
export const diagnosticCatalogue: readonly DiagnosticCodeInfo[] = [
  ...generalCodes,
  ...syntaxCodes,
  ...namesCodes,
  ...unitsCodes,
  ...rulesCodes,
  ...yamlCodes,
  ...targetsCodes,
  ...simCodes,
  ...toolsCodes,
];

const byCode = new Map(diagnosticCatalogue.map((c) => [c.code, c]));

export function codeInfo(code: string): DiagnosticCodeInfo | undefined {
  return byCode.get(code);
}
