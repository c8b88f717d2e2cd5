// The few figures a researcher wants before starting a test: how long it runs, how many steps
// the cycler will execute, how much charge goes through the cell, how many cycles.

import { formatNumber } from "../../units/format.js";
import type { ProtocolEstimate } from "../estimate.js";
import type { ProtocolIR } from "../types.js";
import { describeBasis } from "./assumptions.js";
import { durationInWords, durationRangeInWords, groupDigits } from "./words.js";

/** How many unbounded step ids to name before "…". */
const NAMED_UNBOUNDED = 4;

export function summary(ir: ProtocolIR, estimate: ProtocolEstimate): string {
  const lines = [
    `Total duration: ${durationSummary(estimate)}`,
    `Step executions: ${groupDigits(estimate.stepExecutions)}`,
    `Charge throughput: ${chargeSummary(estimate)}`,
    `Cycles: ${groupDigits(estimate.cycles)}`,
  ];
  const models = estimate.assumptions.filter((basis) => basis !== "fixed");
  if (models.length > 0) {
    lines.push("Estimates assume:");
    for (const basis of models) lines.push(`  - ${describeBasis(basis, ir.cell)}`);
  }
  return lines.join("\n");
}

/** "about 42 days (35–50 days)", or with an open end, "about 42 days (at least 2 hours; no
 * upper bound: steps 2.1.1, 2.1.2 end only on a voltage or current)". */
export function durationSummary(estimate: ProtocolEstimate): string {
  const { min, expected, max } = estimate.duration;
  if (max !== null && min === max) return durationInWords(expected);
  const about = `about ${durationInWords(expected)}`;
  if (max !== null) {
    // A range that rounds to one figure ("10–10 days") says nothing the "about" did not.
    if (durationInWords(min) === durationInWords(max)) return about;
    return min > 0 ? `${about} (${durationRangeInWords(min, max)})` : `${about} (at most ${durationInWords(max)})`;
  }
  const ids = estimate.unboundedSteps;
  const named = ids.slice(0, NAMED_UNBOUNDED).join(", ") + (ids.length > NAMED_UNBOUNDED ? ", …" : "");
  const which = ids.length === 1 ? `step ${named} has` : `steps ${named} have`;
  const atLeast = min > 0 ? `at least ${durationInWords(min)}; ` : "";
  return `${about} (${atLeast}no upper bound: ${which} no time or capacity end)`;
}

function chargeSummary(estimate: ProtocolEstimate): string {
  const total = estimate.expectedChargeThroughput;
  if (total === 0) return "none";
  // Always mAh, the unit cells are rated in, to three significant digits with separators.
  const mAh = (coulombs: number) => `${groupDigits(Number(formatNumber(coulombs / 3.6, 3)))} mAh`;
  const { charge, discharge } = estimate.chargeThroughput;
  return `about ${mAh(total)} (${mAh(charge)} charge, ${mAh(discharge)} discharge)`;
}
