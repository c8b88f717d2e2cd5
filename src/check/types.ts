// Parameter types (`param rate: c-rate = 1C`, `sequence s(j: current density)`): the names are
// the quantity kinds, and a value fits a type when its kind does. `current` also accepts the
// quantities that become a current through the cell (C-rate, mA/cm², mA/g).

import type { TypeRef } from "../syntax/ast.js";
import { QUANTITY_KINDS } from "../units/index.js";
import type { QuantityKind } from "../units/index.js";
import type { CheckContext } from "./context.js";
import { didYouMean } from "./suggest.js";
import { CURRENT_LIKE, kindOfValue } from "./values.js";
import type { Value } from "./values.js";

/** The type named by `ref`, or null (reported) when there is no such type. */
export function resolveType(ctx: CheckContext, ref: TypeRef | null): QuantityKind | null {
  if (!ref || ref.recovered) return null;
  const name = ref.name.trim().toLowerCase().replace(/\s+/g, " ");
  const kind = QUANTITY_KINDS.find((candidate) => candidate === name);
  if (kind) return kind;
  ctx.error("BTP2020", `unknown type \`${ref.name}\``, ref.span, {
    hint: didYouMean(name, QUANTITY_KINDS) ?? `the types are: ${QUANTITY_KINDS.join(", ")}`,
  });
  return null;
}

/** True when the value fits, false when it does not, null when it cannot be told (invalid). A
 * list fits when every item does; `ocv ± x` fits `voltage`. */
export function fitsType(value: Value, type: QuantityKind): boolean | null {
  switch (value.kind) {
    case "invalid":
      return null;
    case "ocv":
      return type === "voltage";
    case "list": {
      let fits: boolean | null = true;
      for (const item of value.items) {
        const itemFits = fitsType(item, type);
        if (itemFits === false) return false;
        if (itemFits === null) fits = null;
      }
      return fits;
    }
    case "quantity": {
      const kind = kindOfValue(value);
      if (kind === type) return true;
      return type === "current" && kind !== null && CURRENT_LIKE.includes(kind);
    }
  }
}
