// The estimate of one node in a sentence or two, for the language server's hover:
// "About 2 h each (at most 3 h), 5 passes: about 10 h in total. Expected because a
// constant-current step that ends on a voltage passes about the nominal capacity …".

import type { DurationBounds } from "../estimate/bounds.js";
import type { NodeEstimate } from "../estimate.js";
import type { CellIR } from "../types.js";
import { describeBasis } from "./assumptions.js";
import { compactDuration, groupDigits } from "./words.js";

export function describeNodeEstimate(estimate: NodeEstimate, cell: CellIR | null): string {
  const parts = [`${capitalised(durationWords(estimate.perPass))} each`, passesWords(estimate.passes)];
  let text = `${parts.join(", ")}: ${durationWords(estimate.total)} in total.`;
  const models = (estimate.step?.basis ?? []).filter((basis) => basis !== "fixed");
  if (models.length > 0) text += ` Estimated: ${models.map((basis) => describeBasis(basis, cell)).join("; ")}.`;
  return text;
}

/** "2 h", "about 2 h (at most 3 h)", "about 2 h (no upper bound)". */
function durationWords(d: DurationBounds): string {
  if (d.max !== null && d.min === d.max) return compactDuration(d.expected);
  const bound = d.max === null ? "no upper bound" : `at most ${compactDuration(d.max)}`;
  const least = d.min > 0 ? `at least ${compactDuration(d.min)}, ` : "";
  return `about ${compactDuration(d.expected)} (${least}${bound})`;
}

function passesWords(passes: NodeEstimate["passes"]): string {
  const count = (n: number) => `${groupDigits(n)} ${n === 1 ? "pass" : "passes"}`;
  return passes.min === passes.expected
    ? count(passes.expected)
    : `${groupDigits(passes.min)} to ${count(passes.expected)}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
