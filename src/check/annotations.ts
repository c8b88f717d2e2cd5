// Hover texts for every quantity the user wrote: its value, and for quantities relative to the
// cell, the current or charge it resolves to and how ("0.147 mA = 0.5C × 0.294 mAh / 1 h").

import { describeDimension, formatQuantity } from "../units/index.js";
import type { CheckContext } from "./context.js";
import { OVERRIDE_FILE } from "./params.js";
import { tryResolve } from "./relative.js";
import type { QuantityAnnotation } from "./result.js";
import { kindOfValue } from "./values.js";

const RELATIVE_KINDS = new Set(["c-rate", "current density", "specific current", "specific capacity", "areal capacity"]);

export function buildAnnotations(ctx: CheckContext): QuantityAnnotation[] {
  const annotations: QuantityAnnotation[] = [];
  for (const { span, value } of ctx.literals) {
    if (value.kind !== "quantity" || span.file === OVERRIDE_FILE) continue;
    const kind = kindOfValue(value);
    if (value.si === null) {
      annotations.push({ span, kind, si: null, display: value.text });
      continue;
    }
    if (kind !== null && RELATIVE_KINDS.has(kind)) {
      const resolved = tryResolve(ctx.cell, value);
      if (resolved?.derivation) {
        const resultKind = kind === "specific capacity" || kind === "areal capacity" ? "capacity" : "current";
        // The derivation reads "<how> = <result>[ (<why>)]"; the hover leads with the result.
        const how = resolved.derivation.split(" = ")[0];
        annotations.push({ span, kind: resultKind, si: resolved.si, display: `${formatQuantity(resolved.si, resultKind)} = ${how}`, derivation: resolved.derivation });
        continue;
      }
    }
    const shown = kind === null ? `${value.text} (${describeDimension(value.dimension)})` : formatQuantity(value.si, kind);
    annotations.push({ span, kind, si: value.si, display: shown === value.text || kind === null ? shown : `${value.text} = ${shown}` });
  }
  return annotations;
}
