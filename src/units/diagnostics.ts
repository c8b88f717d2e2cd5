// Turning a unit that does not parse into a diagnostic with the exact span of the unit text.

import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import { parseUnit } from "./parse.js";
import type { UnitParseResult } from "./parse.js";
import type { Unit } from "./unit.js";

type UnitProblem = Extract<UnitParseResult, { ok: false }>;

/** Parse the unit written at `span` (the unit's own span, not the number's). */
export function resolveUnit(
  text: string,
  span: Span,
): { ok: true; unit: Unit } | { ok: false; diagnostic: Diagnostic } {
  const parsed = parseUnit(text);
  return parsed.ok ? parsed : { ok: false, diagnostic: unitDiagnostic(parsed, span) };
}

export function unitDiagnostic(problem: UnitProblem, span: Span): Diagnostic {
  return { code: problem.code, severity: "error", message: problem.message, span, hint: hintFor(problem) };
}

function hintFor(problem: UnitProblem): string {
  if (problem.code === "BTP3002") {
    return `write \`${problem.suggestion ?? "K"}\`: temperature differences are the same in K and °C`;
  }
  if (problem.suggestion !== undefined) return `did you mean \`${problem.suggestion}\`?`;
  return "see docs/units.md for the units btp accepts, e.g. `V`, `mA`, `mAh/g`, `mA/cm2`, `h`, `°C`";
}
