// Reading a whole quantity from plain text (`3.9 V`, `0.5C`, `C/20`, `-20 °C`, `5`): for
// command-line values such as `--set cut_off=4.1 V`, and for tests. Protocol files are read by
// the real lexer and parser, which produce the same number and unit text.

import { sameDimension } from "./dimension.js";
import { KIND_DIMENSIONS, kindOf } from "./kinds.js";
import type { QuantityKind } from "./kinds.js";
import { parseUnit } from "./parse.js";
import type { UnitProblemCode } from "./parse.js";
import { toSI } from "./unit.js";
import type { Unit } from "./unit.js";

export type QuantityParseResult =
  | {
      ok: true;
      /** The number as written (for `C/20`: 0.05). */
      value: number;
      /** Null for a bare number (a count). */
      unit: Unit | null;
      /** The value in SI (a fraction for `%`, kelvin for `°C`, multiples of 1C for a C-rate). */
      si: number;
      /** The named kind, or null for a compound unit without a name. */
      kind: QuantityKind | null;
    }
  | { ok: false; code: UnitProblemCode; message: string; suggestion?: string };

const NUMBER = /^[-+]?(?:\d[\d_]*(?:\.\d[\d_]*)?|\.\d+)(?:[eE][-+]?\d+)?/u;
const C_RATE_DIVISOR = /^C\/(\d[\d_]*(?:\.\d[\d_]*)?|\.\d+)$/u;

export function parseQuantity(text: string): QuantityParseResult {
  const trimmed = text.trim();
  const divisorMatch = C_RATE_DIVISOR.exec(trimmed);
  if (divisorMatch) {
    const divisor = Number(divisorMatch[1]!.replaceAll("_", ""));
    if (divisor === 0) return { ok: false, code: "BTP3001", message: "`C/0` divides by zero" };
    return quantity(1 / divisor, parseUnit("C"));
  }
  const numberMatch = NUMBER.exec(trimmed);
  if (!numberMatch) return { ok: false, code: "BTP3001", message: `\`${trimmed}\` does not start with a number` };
  const value = Number(numberMatch[0].replaceAll("_", ""));
  const unitText = trimmed.slice(numberMatch[0].length).replace(/^[ \t]+/u, "");
  if (unitText === "") return { ok: true, value, unit: null, si: value, kind: "count" };
  return quantity(value, parseUnit(unitText));
}

function quantity(value: number, parsed: ReturnType<typeof parseUnit>): QuantityParseResult {
  if (!parsed.ok) return parsed;
  const unit = parsed.unit;
  const kind = unit.isPercent ? "percent" : kindOf(unit.dimension);
  return { ok: true, value, unit, si: toSI(value, unit), kind };
}

/** Whether a parsed unit can express the given kind (percent and count both accept `%`). */
export function unitFitsKind(unit: Unit, kind: QuantityKind): boolean {
  return sameDimension(unit.dimension, KIND_DIMENSIONS[kind]);
}
