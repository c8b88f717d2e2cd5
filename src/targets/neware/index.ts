// The Neware BTS target: protocols → BTS 8 step files (.xml), and step files → protocols.
//   conventions.ts  units, step types, loop counting, encoding   capabilities.ts  what BTS can run
//   lower.ts        IR → Neware steps (model.ts)                 write.ts         steps → XML bytes
//   read.ts         bytes → XML tree, safely                     parse.ts         XML tree → steps
//   to-ir.ts        steps → IR (Cycle steps → loops)
// Helpers it shares with other cyclers (CC-CV steps, limits, imported currents) are in ../common/.

import { hasErrors } from "../../diagnostics/diagnostic.js";
import { headerLines } from "../common/header.js";
import { lowerAfterTable } from "../common/lowering.js";
import type { CompileOptions, CompileResult, ImportResult, Target } from "../target.js";
import { newareCapabilities } from "./capabilities.js";
import { lowerToNeware } from "./lower.js";
import { parseNewareTree } from "./parse.js";
import { readNewareXml } from "./read.js";
import { newareScheduleToIr } from "./to-ir.js";
import { writeNewareXml } from "./write.js";

const TITLE = "Neware BTS 8 step file (.xml)";

/** Notes every Neware file carries in its header: how to read the numbers, what to verify. */
const FILE_NOTES = [
  "Neware BTS 8 step file, Scale 1: voltages in 0.1 mV, times in ms, currents in mA, capacities in mA.s.",
  "Cycle_Count is the total number of passes (3 passes -> Cycle_Count 3); check one loop on the instrument.",
];

export const newareTarget: Target = {
  name: "neware",
  title: TITLE,
  kind: "cycler",
  capabilities: newareCapabilities,
  importExtensions: [".xml"],

  compile(ir, options: CompileOptions): CompileResult {
    const { lowered, diagnostics, emulations } = lowerAfterTable(ir, newareTarget, () => lowerToNeware(ir));
    if (!lowered?.schedule || hasErrors(diagnostics)) return { files: [], diagnostics, emulations };
    const header = headerLines({ ir, targetTitle: TITLE, btpVersion: options.btpVersion, emulations, notes: FILE_NOTES });
    const text = writeNewareXml(lowered.schedule, header);
    return {
      files: [{ path: `${options.baseName}.xml`, content: new TextEncoder().encode(text), description: "Neware BTS 8 step file (.xml, UTF-8, CRLF)" }],
      diagnostics,
      emulations,
    };
  },

  import(content: Uint8Array, file: string): ImportResult {
    const read = readNewareXml(content, file);
    if (!read.ok) return { ir: null, diagnostics: read.diagnostics };
    const parsed = parseNewareTree(read.tree, read.text, read.lines);
    if (!parsed.schedule) return { ir: null, diagnostics: [...read.diagnostics, ...parsed.diagnostics] };
    const built = newareScheduleToIr(parsed.schedule, file);
    return { ir: built.ir, diagnostics: [...read.diagnostics, ...parsed.diagnostics, ...built.diagnostics] };
  },
};
