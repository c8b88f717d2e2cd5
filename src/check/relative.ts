// Quantities relative to the cell become amperes and coulombs here, with the derivation written
// out for `btp explain` and hovers: "0.5C × 0.294 mAh / 1 h = 0.147 mA (0.294 mAh = 2.5 mg ×
// 117.6 mAh/g)". Missing cell data is reported at the quantity, naming the property to add.

import type { Resolved } from "../ir/types.js";
import { formatQuantity } from "../units/index.js";
import type { CellFact } from "./cell.js";
import type { CellChoice, CheckContext } from "./context.js";
import { kindOfValue } from "./values.js";
import type { QuantityValue } from "./values.js";

const SECONDS_PER_HOUR = 3600;

type Missing = "cell" | "nominalCapacity" | "area" | "activeMass";
type Resolution = { ok: true; resolved: Resolved } | { ok: false; missing: Missing };

/** A current-like value (A, C-rate, mA/cm², mA/g) in amperes. Null when it cannot be resolved
 * (reported unless the cause was reported already). */
export function resolveCurrent(ctx: CheckContext, value: QuantityValue): Resolved | null {
  return report(ctx, value, resolveWith(ctx.cell, value, false));
}

/** A charge (mAh, mAh/g, mAh/cm², or a percent of nominal) in coulombs. */
export function resolveCharge(ctx: CheckContext, value: QuantityValue, ofNominal: boolean): Resolved | null {
  return report(ctx, value, resolveWith(ctx.cell, value, ofNominal));
}

/** The same resolution without diagnostics, for hovers. */
export function tryResolve(cell: CellChoice, value: QuantityValue): Resolved | null {
  const kind = kindOfValue(value);
  const result = resolveWith(cell, value, kind === "percent");
  return result.ok ? result.resolved : null;
}

function resolveWith(cell: CellChoice, value: QuantityValue, ofNominal: boolean): Resolution {
  const kind = kindOfValue(value);
  const plain = (): Resolution => ({ ok: true, resolved: { si: value.si ?? 0, text: value.text } });
  if (kind === "current" || kind === "capacity") return plain();
  // Not known yet (a sequence checked before any call): nothing to resolve, nothing to report.
  if (value.si === null) return plain();
  const facts = cell.status === "chosen" ? cell.facts : null;
  if (!facts) return { ok: false, missing: "cell" };
  const si = value.si;
  const written = value.asWritten?.number;
  switch (kind) {
    case "c-rate": {
      const capacity = facts.nominalCapacity;
      if (!capacity) return { ok: false, missing: "nominalCapacity" };
      const amperes = (si * capacity.si) / SECONDS_PER_HOUR;
      const result = formatQuantity(amperes, "current");
      return resolved(amperes, value, "c-rate", si, `${value.text} × ${capacity.display} / 1 h = ${result}${because(capacity)}`);
    }
    case "current density": {
      const area = facts.area;
      if (!area) return { ok: false, missing: "area" };
      const amperes = si * area.si;
      // 1 A/m² is 0.1 mA/cm², the unit papers use.
      return resolved(amperes, value, "current-density", written ?? si * 0.1, `${value.text} × ${area.display} = ${formatQuantity(amperes, "current")}${because(area)}`);
    }
    case "specific current": {
      const mass = facts.activeMass;
      if (!mass) return { ok: false, missing: "activeMass" };
      const amperes = si * mass.si;
      // 1 A/kg is 1 mA/g.
      return resolved(amperes, value, "specific-current", written ?? si, `${value.text} × ${mass.display} = ${formatQuantity(amperes, "current")}${because(mass)}`);
    }
    case "specific capacity": {
      const mass = facts.activeMass;
      if (!mass) return { ok: false, missing: "activeMass" };
      const coulombs = si * mass.si;
      // 1 C/kg is 1/3.6 mAh/g.
      return resolved(coulombs, value, "specific-capacity", written ?? si / 3.6, `${value.text} × ${mass.display} = ${formatQuantity(coulombs, "capacity")}${because(mass)}`);
    }
    case "areal capacity": {
      const area = facts.area;
      if (!area) return { ok: false, missing: "area" };
      const coulombs = si * area.si;
      return { ok: true, resolved: { si: coulombs, text: value.text, derivation: `${value.text} × ${area.display} = ${formatQuantity(coulombs, "capacity")}${because(area)}` } };
    }
    case "percent": {
      if (!ofNominal) return plain();
      const capacity = facts.nominalCapacity;
      if (!capacity) return { ok: false, missing: "nominalCapacity" };
      const coulombs = si * capacity.si;
      return resolved(coulombs, value, "percent-of-nominal", written ?? si * 100, `${value.text} of ${capacity.display} = ${formatQuantity(coulombs, "capacity")}${because(capacity)}`);
    }
    default:
      return plain();
  }
}

function resolved(si: number, value: QuantityValue, basis: NonNullable<Resolved["basis"]>, relative: number, derivation: string): Resolution {
  return { ok: true, resolved: { si, text: value.text, derivation, basis, relative } };
}

/** " (0.294 mAh = 2.5 mg × 117.6 mAh/g)" when the cell value was itself computed. */
function because(fact: CellFact): string {
  return fact.from ? ` (${fact.display} = ${fact.from})` : "";
}

const WHAT: Record<string, string> = {
  "c-rate": "a C-rate",
  "current density": "a current density",
  "specific current": "a specific current",
  "specific capacity": "a specific capacity",
  "areal capacity": "an areal capacity",
  percent: "a percent of the nominal capacity",
};

function report(ctx: CheckContext, value: QuantityValue, result: Resolution): Resolved | null {
  if (result.ok) return result.resolved;
  if (ctx.abstract) return { si: 0, text: value.text };
  const kind = kindOfValue(value) ?? "";
  const what = WHAT[kind] ?? "relative to the cell";
  const cell = ctx.cell;
  if (result.missing === "cell") {
    if (cell.status === "broken") return null;
    if (cell.status === "several") {
      ctx.error("BTP3017", `\`${value.text}\` is ${what}, but ${cell.names.length} cells are declared and none is chosen`, value.writtenAt, {
        hint: `choose one with \`use cell ${cell.names[0]}\` (cells: ${cell.names.join(", ")})`,
      });
    } else {
      ctx.error("BTP3017", `\`${value.text}\` is ${what} and needs a cell, but this protocol has none`, value.writtenAt, {
        hint: `declare a cell (\`cell my_cell { ${PROPERTY_EXAMPLE[needed(kind)]} }\`) or write an absolute value`,
      });
    }
    return null;
  }
  if (cell.status !== "chosen") return null;
  const facts = cell.facts;
  if (facts.broken[result.missing]) return null;
  switch (result.missing) {
    case "nominalCapacity":
      ctx.error("BTP3014", `\`${value.text}\` is ${what}, but cell \`${facts.name}\` has no nominal capacity`, value.writtenAt, {
        hint: `add \`nominal capacity 0.3 mAh\` to cell \`${facts.name}\`, or give its cathode \`active mass\` and \`specific capacity\``,
      });
      break;
    case "area":
      ctx.error("BTP3015", `\`${value.text}\` is ${what}, but cell \`${facts.name}\` has no area`, value.writtenAt, {
        hint: `add \`area 1.13 cm2\` (the electrode area) to cell \`${facts.name}\``,
      });
      break;
    case "activeMass":
      ctx.error("BTP3016", `\`${value.text}\` is ${what}, but cell \`${facts.name}\` has no active mass`, value.writtenAt, {
        hint: `add \`active mass 2.5 mg\` (or \`loading\` with an \`area\`) to the cathode of cell \`${facts.name}\``,
      });
      break;
  }
  return null;
}

function needed(kind: string): Exclude<Missing, "cell"> {
  if (kind === "current density" || kind === "areal capacity") return "area";
  if (kind === "specific current" || kind === "specific capacity") return "activeMass";
  return "nominalCapacity";
}

const PROPERTY_EXAMPLE: Record<Exclude<Missing, "cell">, string> = {
  nominalCapacity: "nominal capacity 0.3 mAh",
  area: "area 1.13 cm2",
  activeMass: "cathode { active mass 2.5 mg }",
};
