// Protocol IR → one EC-Lab settings file (.mps): the capability table is read, the tree is
// reshaped (groups, leading set-points, steps at given cycles), the techniques are planned, the
// header is built with what the file changed from the protocol, and the text is encoded the way
// EC-Lab reads it (cp1252, CRLF).

import { fileSpan, hasErrors, type Span } from "../../../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../../ir/types.js";
import { formatQuantity } from "../../../units/display.js";
import { checkCapabilities } from "../../common/capabilities.js";
import { headerLines as btpHeaderLines } from "../../common/header.js";
import { encodeText, joinLines } from "../../common/text.js";
import type { CompileOptions, CompileResult, Emulation, Target } from "../../target.js";
import { CODES } from "../codes.js";
import { ENCODING, LINE_ENDING, potentialRangeFor } from "../conventions.js";
import type { SettingsFile, SettingsHeader } from "../model.js";
import { shapeForCountedLoops } from "../shape/index.js";
import { settingsLines } from "../write/index.js";
import { CompileContext, TARGET_NAME } from "./context.js";
import { planTechniques } from "./plan.js";
import { headerSafety } from "./safety.js";

export const OUTPUT_DESCRIPTION = "EC-Lab settings (.mps, cp1252, CRLF)";

type TargetInfo = Pick<Target, "name" | "title" | "kind" | "capabilities">;

export function compileBiologic(ir: ProtocolIR, options: CompileOptions, target: TargetInfo): CompileResult {
  const capabilities = checkCapabilities(ir, target);
  if (hasErrors(capabilities.diagnostics)) return { files: [], diagnostics: capabilities.diagnostics, emulations: capabilities.emulations };

  const ctx = new CompileContext(ir.cell?.nominalCapacity ?? null, headerSafety(ir.limits));
  const shaped = shapeForCountedLoops(ir.body, TARGET_NAME);
  for (const p of shaped.setpointProblems) ctx.error(CODES.setpointDuringRun, p.message, p.span, p.hint, p.related);
  for (const p of shaped.cycleActionProblems) ctx.error(CODES.cycleActionSplit, p.message, p.span, p.hint);
  for (const e of shaped.emulations) ctx.emulate(e.span, e.construct, e.message);

  const techniques = planTechniques(shaped.body, ctx);
  for (const v of [ctx.safety.voltageMin, ctx.safety.voltageMax]) if (v !== null) ctx.voltage(v);
  const lowest = Math.min(0, ...ctx.voltages);
  const highest = Math.max(0, ...ctx.voltages);
  const potentialRange = potentialRangeFor(lowest, highest);
  if (potentialRange === null) {
    ctx.error(CODES.outOfRange, `the protocol's voltages run from ${formatQuantity(lowest, "voltage")} to ${formatQuantity(highest, "voltage")}, beyond EC-Lab's ±10 V control range`, firstSpan(ir), "check the cut-offs and limits");
  }

  const emulations = mergeEmulations(ctx.emulations, capabilities.emulations);
  const diagnostics = [...capabilities.diagnostics, ...ctx.diagnostics];
  if (hasErrors(diagnostics)) return { files: [], diagnostics, emulations };

  const header: SettingsHeader = {
    comments: btpHeaderLines({ ir, targetTitle: target.title, btpVersion: options.btpVersion, emulations, notes: shaped.instructions }),
    potentialRange: potentialRange!,
    safety: ctx.safety,
    batteryCapacity: ir.cell?.nominalCapacity ?? null,
    electrodeMaterial: ir.cell?.chemistry ?? "",
    electrolyte: ir.cell?.electrolyte?.material ?? "",
    activeMass: ir.cell?.activeMass ?? null,
    electrodeArea: ir.cell?.area ?? null,
  };
  const file: SettingsFile = { header, techniques };
  const text = joinLines(settingsLines(file), LINE_ENDING);
  const encoded = encodeText(text, ENCODING, { plainSpellings: true, span: firstSpan(ir), target: TARGET_NAME, what: "the settings file (comments, cell description)" });
  if (!encoded.bytes) return { files: [], diagnostics: [...diagnostics, ...encoded.diagnostics], emulations };
  return {
    files: [{ path: `${options.baseName}.mps`, content: encoded.bytes, description: OUTPUT_DESCRIPTION }],
    diagnostics,
    emulations,
  };
}

function firstSpan(ir: ProtocolIR): Span {
  return ir.body[0]?.span ?? fileSpan(ir.source);
}

/** The target's own emulations say more ("sequences 3 and 4"); the table's generic ones for the
 * same place are dropped. */
function mergeEmulations(own: readonly Emulation[], fromTable: readonly Emulation[]): Emulation[] {
  const out = [...own];
  const places = new Set(own.map((e) => `${e.construct}\u0000${e.span.file}\u0000${e.span.start.offset}`));
  for (const e of fromTable) if (!places.has(`${e.construct}\u0000${e.span.file}\u0000${e.span.start.offset}`)) out.push(e);
  return out;
}
