// The BattINFO target: a protocol → the BattINFO test-protocol JSON record (schema 0.2.0), the
// metadata a dataset or a registry carries about how the cells were tested.
//   conventions.ts  schema version, IRIs, units, file format      capabilities.ts  what the record states
//   method.ts       the tree → typed steps and groups              facets.ts        the derived rollup
//   identity.ts     a content-derived, stable record IRI           record.ts        the whole record

import { hasErrors } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../ir/types.js";
import { lowerAfterTable } from "../common/lowering.js";
import type { CompileOptions, CompileResult, Target } from "../target.js";
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
    const sharedAmbient = sharedAmbientOf(ir);
    const { lowered: built, diagnostics, emulations } = lowerAfterTable(ir, battinfoTarget, () => {
      const method = buildMethod(ir.body, { cell: ir.cell, sharedAmbient, protocolRecord: ir.record });
      return { ...method, emulations: [...method.emulations, ...limitEmulations(ir)] };
    });
    if (!built || hasErrors(diagnostics)) return { files: [], diagnostics, emulations };

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
