// Refusing parameter sets the model cannot run with: a value missing (NaN), negative where it
// must be positive, or outside its range. Each problem is one diagnostic naming the parameter.

import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import { formatNumber } from "../../units/format.js";
import { parametersOf, type CellParameters, type ParameterInfo } from "./catalogue.js";
import { exampleValue } from "./values.js";

/** Checks every parameter the model kind reads. `span` is where the problems are reported. */
export function validateParameters(parameters: CellParameters, span: Span): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const info of parametersOf(parameters.kind)) {
    const value = parameters[info.name];
    const problem = rangeProblem(info, value);
    if (problem === null) continue;
    if (problem === "missing") {
      diagnostics.push({
        code: "BTP7010",
        severity: "error",
        message: `the cell parameter \`${info.name}\` (${info.description}) is missing`,
        span,
        hint: `give it in the cell's model block, e.g. \`model { ${info.name} ${exampleValue(info)} }\`, or in a parameter file`,
      });
    } else {
      diagnostics.push({
        code: "BTP7011",
        severity: "error",
        message: `the cell parameter \`${info.name}\` is ${formatNumber(value, 6)} ${info.siUnit}, but it must be ${problem}`,
        span,
        hint: `${info.description}; for example ${exampleValue(info)}`,
      });
    }
  }
  if (parameters.kind === "full") {
    if (parameters.ocv.terms.length === 0) {
      diagnostics.push({
        code: "BTP7010",
        severity: "error",
        message: "the cell has no open-circuit voltage curve (`ocv`), and no voltage window to build a generic one from",
        span,
        hint: "declare the cell's `window` (e.g. `window 2.3 V .. 3.9 V`) or name a curve: `model { ocv NVP }`",
      });
    }
    for (const [i, term] of parameters.ocv.terms.entries()) {
      if (!(term.fraction > 0) || !(term.width > 0) || !Number.isFinite(term.potential)) {
        diagnostics.push({
          code: "BTP7011",
          severity: "error",
          message: `open-circuit curve term ${i + 1} needs a positive fraction and width and a finite potential`,
          span,
        });
      }
    }
  }
  if (parameters.kind === "symmetric" && parameters.transferenceNumber === 0) {
    diagnostics.push({
      code: "BTP7011",
      severity: "error",
      message: "the cell parameter `transferenceNumber` is 0: no sodium ions would carry current",
      span,
      hint: "a Na+ transference number lies between 0 (exclusive) and 1; 1 turns concentration polarisation off",
    });
  }
  return diagnostics;
}

/** null when fine; "missing", or the words for the allowed range. */
function rangeProblem(info: ParameterInfo, value: number): null | "missing" | string {
  if (typeof value !== "number" || Number.isNaN(value)) return "missing";
  if (!Number.isFinite(value)) return "finite";
  switch (info.range) {
    case "positive":
      return value > 0 ? null : "greater than zero";
    case "non-negative":
      return value >= 0 ? null : "zero or more";
    case "fraction":
      return value >= 0 && value <= 1 ? null : "between 0 and 1";
    case "whole":
      return Number.isInteger(value) && value >= 0 && value <= 30 ? null : "a whole number from 0 to 30";
    case "any":
      return null;
  }
}
