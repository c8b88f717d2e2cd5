// The Arbin target: protocols → MITS Pro 7 schedules (.sdu), and schedules → protocols.
//   conventions.ts  keys, units, signs, masks, loop counting     capabilities.ts  what MITS 7 can run
//   lower.ts        IR → Arbin steps (model.ts)                  write.ts + ini.ts  steps → .sdu text
//   parse.ts        bytes → Arbin steps, safely                  to-ir.ts           steps → IR (jumps → loops)
// Helpers it shares with other cyclers (CC-CV steps, limits, imported currents) are in ../common/.

import { fileSpan, hasErrors } from "../../diagnostics/diagnostic.js";
import { emulationLines } from "../common/header.js";
import { lowerAfterTable } from "../common/lowering.js";
import { encodeText } from "../common/text.js";
import type { CompileOptions, CompileResult, ImportResult, Target } from "../target.js";
import { arbinCapabilities } from "./capabilities.js";
import { ENCODING } from "./conventions.js";
import { lowerToArbin } from "./lower.js";
import { parseArbinSchedule } from "./parse.js";
import { arbinScheduleToIr, COMMENT_MARKER } from "./to-ir.js";
import { writeArbinSchedule } from "./write.js";

const TITLE = "Arbin MITS Pro 7 schedule (.sdu)";

export const arbinTarget: Target = {
  name: "arbin",
  title: TITLE,
  kind: "cycler",
  capabilities: arbinCapabilities,
  importExtensions: [".sdu"],

  compile(ir, options: CompileOptions): CompileResult {
    const { lowered, diagnostics, emulations } = lowerAfterTable(ir, arbinTarget, () => lowerToArbin(ir));
    if (!lowered?.schedule || hasErrors(diagnostics)) return { files: [], diagnostics, emulations };

    // MITS 7 schedules have no comment syntax: the header goes into m_szComments, after the
    // title, on one line (the importer reads the title back from before the marker). The
    // operator's instructions (the chamber set-point) are among the emulations.
    const notes = [
      `${COMMENT_MARKER} ${options.btpVersion} from ${ir.source}.`,
      ...(emulations.length ? [`Emulations: ${emulationLines(emulations, ir.source).join("; ")}.`] : []),
      "Current ranges assume Range1 30 A / Range2 5 A / Range3 500 mA / Range4 20 mA; check the schedule on the instrument before the first run.",
    ];
    const title = ir.title ?? "";
    const text = writeArbinSchedule(lowered.schedule, title, notes);
    const encoded = encodeText(text, ENCODING, { plainSpellings: true, span: ir.body[0]?.span ?? fileSpan(ir.source), target: "arbin", what: "the schedule text" });
    if (!encoded.bytes) return { files: [], diagnostics: [...diagnostics, ...encoded.diagnostics], emulations };
    return {
      files: [{ path: `${options.baseName}.sdu`, content: encoded.bytes, description: "Arbin MITS Pro 7 schedule (.sdu, Latin-1, CRLF)" }],
      diagnostics,
      emulations,
    };
  },

  import(content: Uint8Array, file: string): ImportResult {
    const parsed = parseArbinSchedule(content, file);
    if (!parsed.schedule) return { ir: null, diagnostics: parsed.diagnostics };
    const built = arbinScheduleToIr(parsed.schedule, file);
    return { ir: built.ir, diagnostics: [...parsed.diagnostics, ...built.diagnostics] };
  },
};
