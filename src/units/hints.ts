// Hints for the unit mix-ups btp's conventions invite. The checker reports a dimension mismatch;
// these explain *why* a spelling that looked right has the wrong dimension.

import type { QuantityKind } from "./kinds.js";
import { parseUnit } from "./parse.js";

/**
 * A hint when `unitText` is a known trap for a value that should be of kind `expected`, e.g. `m`
 * where a time was expected ("`m` is the metre; minutes are `min`"). Undefined otherwise.
 */
export function confusionHint(unitText: string, expected: QuantityKind): string | undefined {
  const parsed = parseUnit(unitText);
  if (!parsed.ok) return undefined;
  const symbols = unitText.split(/[/·⋅*.]/u).map((factor) => factor.replace(/[0-9⁰¹²³⁴⁵⁶⁷⁸⁹^+\-⁺⁻]+$/u, ""));
  if (expected === "time") {
    if (symbols.includes("m")) return "`m` is the metre in btp; write `min` for minutes";
    if (symbols.includes("mS")) return "`mS` is the millisiemens; write `ms` for milliseconds";
    if (symbols.includes("S")) return "`S` is the siemens; write `s` for seconds";
  }
  if (
    parsed.unit.dimension.C !== 0 &&
    (expected === "capacity" || expected === "specific capacity" || expected === "areal capacity")
  ) {
    return "`C` is the C-rate in btp, not the coulomb; write a charge as `mAh` or `A·s`";
  }
  if (expected === "c-rate" && parsed.unit.dimension.A !== 0 && parsed.unit.dimension.s === 1) {
    return "a C-rate is written with `C` alone, as in `0.5C` or `C/20`";
  }
  return undefined;
}
