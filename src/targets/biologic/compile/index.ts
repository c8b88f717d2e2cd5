// Protocol IR → one EC-Lab settings file (.mps): the capability table is read, the tree is
// reshaped (groups, leading set-points, steps at given cycles), the techniques are planned, the
// header is built with what the file changed from the protocol, and the text is encoded the way
// EC-Lab reads it (cp1252, CRLF).

import { fileSpan, hasErrors, type Span } from "../../../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../../ir/types.js";
import { formatQuantity } from "../../../units/display.js";
import { reportShaping, shapeForCountedLoops } from "../../common/counted-loops/index.js";
import { headerLines as btpHeaderLines } from "../../common/header.js";
import { lowerAfterTable } from "../../common/lowering.js";
import { encodeText, joinLines } from "../../common/text.js";
import type { CompileOptions, CompileResult, Target } from "../../target.js";
import { CODES } from "../codes.js";
import { ENCODING, LINE_ENDING, potentialRangeFor } from "../conventions.js";
import type { SettingsFile, SettingsHeader } from "../model.js";
import { settingsLines } from "../write/index.js";
import { CompileContext, TARGET_NAME } from "./context.js";
import { planTechniques } from "./plan.js";
import { headerSafety } from "./safety.js";

export const OUTPUT_DESCRIPTION = "EC-Lab settings (.mps, cp1252, CRLF)";

type TargetInfo = Pick<Target, "name" | "title" | "kind" | "capabilities">;

export function compileBiologic(ir: ProtocolIR, options: CompileOptions, target: TargetInfo): CompileResult {
  const { lowered, diagnostics, emulations } = lowerAfterTable(ir, target, () => planSettings(ir));
  if (!lowered || hasErrors(diagnostics)) return { files: [], diagnostics, emulations };

  const header: SettingsHeader = {
    comments: btpHeaderLines({ ir, targetTitle: target.title, btpVersion: options.btpVersion, emulations, notes: lowered.instructions }),
    potentialRange: lowered.potentialRange!,
    safety: lowered.safety,
    batteryCapacity: ir.cell?.nominalCapacity ?? null,
    electrodeMaterial: ir.cell?.chemistry ?? "",
    electrolyte: ir.cell?.electrolyte?.material ?? "",
    activeMass: ir.cell?.activeMass ?? null,
    electrodeArea: ir.cell?.area ?? null,
  };
  const file: SettingsFile = { header, techniques: lowered.techniques };
  const text = joinLines(settingsLines(file), LINE_ENDING);
  const encoded = encodeText(text, ENCODING, { plainSpellings: true, span: firstSpan(ir), target: TARGET_NAME, what: "the settings file (comments, cell description)" });
  if (!encoded.bytes) return { files: [], diagnostics: [...diagnostics, ...encoded.diagnostics], emulations };
  return {
    files: [{ path: `${options.baseName}.mps`, content: encoded.bytes, description: OUTPUT_DESCRIPTION }],
    diagnostics,
    emulations,
  };
}

/** The reshaped tree planned as techniques, and the potential range every voltage fits in. */
function planSettings(ir: ProtocolIR) {
  const ctx = new CompileContext(ir.cell?.nominalCapacity ?? null, headerSafety(ir.limits));
  const shaped = shapeForCountedLoops(ir.body, TARGET_NAME);
  reportShaping(shaped, ctx, CODES);

  const techniques = planTechniques(shaped.body, ctx);
  for (const v of [ctx.safety.voltageMin, ctx.safety.voltageMax]) if (v !== null) ctx.voltage(v);
  const lowest = Math.min(0, ...ctx.voltages);
  const highest = Math.max(0, ...ctx.voltages);
  const potentialRange = potentialRangeFor(lowest, highest);
  if (potentialRange === null) {
    ctx.error(CODES.outOfRange, `the protocol's voltages run from ${formatQuantity(lowest, "voltage")} to ${formatQuantity(highest, "voltage")}, beyond EC-Lab's ±10 V control range`, firstSpan(ir), "check the cut-offs and limits");
  }
  return { diagnostics: ctx.diagnostics, emulations: ctx.emulations, techniques, potentialRange, safety: ctx.safety, instructions: shaped.instructions };
}

function firstSpan(ir: ProtocolIR): Span {
  return ir.body[0]?.span ?? fileSpan(ir.source);
}
