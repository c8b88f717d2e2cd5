// The Maccor target: protocols → Maccor procedures (.000 XML, plus .FRA side files for impedance),
// and procedures → protocols.
//   conventions.ts  padding, numbers, times, loop counts, file layout   capabilities.ts  what it can run
//   lower.ts        IR → Maccor steps (model.ts), jumps resolved         write.ts         steps → .000 text
//   fra.ts          .FRA side files                                      header.ts        btp's header in ProcDesc
//   xml.ts, read.ts bytes → steps, safely                                to-ir.ts         steps → IR

import { hasErrors } from "../../diagnostics/diagnostic.js";
import { lowerAfterTable } from "../common/lowering.js";
import type { CompileOptions, CompileResult, ImportResult, OutputFile, Target } from "../target.js";
import { maccorCapabilities } from "./capabilities.js";
import { LINE_ENDING, loopCountField } from "./conventions.js";
import { procedureDescription } from "./header.js";
import { lowerToMaccor } from "./lower.js";
import { readMaccorProcedure } from "./read.js";
import { maccorProcedureToIr } from "./to-ir.js";
import { writeMaccorProcedure } from "./write.js";

const TITLE = "Maccor procedure (.000)";

/** What every procedure says about itself in its description. */
const FILE_NOTES = [
  "Maccor procedure, ASCII XML, CRLF. Currents in A, voltages in V, capacities in Ah, times hh:mm:ss; the step type (Charge/Dischrge) gives the direction.",
  `Loop Cnt is the number of passes (repeat 3 -> Loop Cnt ${loopCountField(3)}); check one loop on the instrument.`,
  "Safety limits are ends in every step that jump to the End step.",
];

const FRA_NOTE =
  "Impedance: copy the .FRA files next to this procedure into the Maccor FRA folder. Only the sweep comes from the protocol; Mode, Range (200 mA), BandWidth and the current limit (4) are copied from a public sample: check them for your FRA.";

export const maccorTarget: Target = {
  name: "maccor",
  title: TITLE,
  kind: "cycler",
  capabilities: maccorCapabilities,
  importExtensions: [".000"],

  compile(ir, options: CompileOptions): CompileResult {
    const { lowered, diagnostics, emulations } = lowerAfterTable(ir, maccorTarget, () => lowerToMaccor(ir, options.baseName));
    if (!lowered?.procedure || hasErrors(diagnostics)) return { files: [], diagnostics, emulations };

    const notes = lowered.sideFiles.length > 0 ? [...FILE_NOTES, FRA_NOTE] : FILE_NOTES;
    lowered.procedure.description = procedureDescription(ir, TITLE, options.btpVersion, emulations, notes);
    const encoder = new TextEncoder();
    const files: OutputFile[] = [
      {
        path: `${options.baseName}.000`,
        content: encoder.encode(writeMaccorProcedure(lowered.procedure, { lineEnding: LINE_ENDING })),
        description: "Maccor procedure (.000 XML, ASCII, CRLF)",
      },
      ...lowered.sideFiles.map((side) => ({
        path: `${side.name}.${side.extension}`,
        content: encoder.encode(side.text),
        description: "Maccor FRA set-up for an impedance step (.FRA, INI, CRLF)",
      })),
    ];
    return { files, diagnostics, emulations };
  },

  import(content: Uint8Array, file: string): ImportResult {
    const read = readMaccorProcedure(content, file);
    if (!read.ok) return { ir: null, diagnostics: read.diagnostics };
    const built = maccorProcedureToIr(read.procedure, file);
    return { ir: built.ir, diagnostics: [...read.diagnostics, ...built.diagnostics] };
  },
};
