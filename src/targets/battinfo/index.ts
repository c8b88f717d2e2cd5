// The BattINFO target: a protocol → the BattINFO test-protocol JSON record (schema 0.2.0), the
// metadata a dataset or a registry carries about how the cells were tested.
//   conventions.ts  schema version, IRIs, units, file format      capabilities.ts  what the record states
//   method.ts       the tree → typed steps and groups              facets.ts        the derived rollup
//   identity.ts     a content-derived, stable record IRI           record.ts        the whole record

import { hasErrors } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../ir/types.js";
import { checkCapabilities } from "../common/capabilities.js";
import type { CompileOptions, CompileResult, Emulation, Target } from "../target.js";
import { battinfoCapabilities } from "./capabilities.js";
import { FILE_SUFFIX, INDENT, LINE_ENDING } from "./conventions.js";
import { buildMethod } from "./method.js";
import { buildRecord, conditionsOf, limitEmulations, sharedAmbientOf } from "./record.js";

const TITLE = "BattINFO test-protocol record (JSON, schema 0.2.0)";

export const battinfoTarget: Target = {
  name: "battinfo",
  title: TITLE,
  kind: "document",
  capabilities: battinfoCapabilities,

  compile(ir: ProtocolIR, options: CompileOptions): CompileResult {
    const table = checkCapabilities(ir, battinfoTarget);
    if (hasErrors(table.diagnostics)) return { files: [], diagnostics: table.diagnostics, emulations: table.emulations };
    const sharedAmbient = sharedAmbientOf(ir);
    const built = buildMethod(ir.body, { cell: ir.cell, sharedAmbient, protocolRecord: ir.record });
    const emulations = mergeEmulations([...built.emulations, ...limitEmulations(ir)], table.emulations);
    const diagnostics = [...table.diagnostics, ...built.diagnostics];
    if (hasErrors(diagnostics)) return { files: [], diagnostics, emulations };

    const record = buildRecord({
      ir,
      method: built.method,
      conditions: conditionsOf(ir, sharedAmbient),
      emulations,
      btpVersion: options.btpVersion,
      baseName: options.baseName,
    });
    const text = JSON.stringify(record, null, INDENT).replace(/\n/g, LINE_ENDING) + LINE_ENDING;
    return {
      files: [
        {
          path: `${options.baseName}${FILE_SUFFIX}`,
          content: new TextEncoder().encode(text),
          description: "BattINFO test-protocol record (.json, UTF-8, LF)",
        },
      ],
      diagnostics,
      emulations,
    };
  },
};

/** The target's own emulations first; the table's generic ones where the target said nothing
 * about that construct at that place. */
function mergeEmulations(own: readonly Emulation[], table: readonly Emulation[]): Emulation[] {
  const key = (e: Emulation): string => `${e.construct}\u0000${e.span.file}\u0000${e.span.start.offset}`;
  const said = new Set(own.map(key));
  return [...own, ...table.filter((e) => !said.has(key(e)))];
}
