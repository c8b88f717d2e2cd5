// Rule family 6: currents and capacities that do not fit the cell. A current above 100C for the
// cell's nominal capacity, or a capacity end far above what the cell holds, is nearly always a
// unit slip (A for mA, mAh for µAh) or a cell declared with the wrong mass. Without a nominal
// capacity there is nothing to compare with (and saying so is the elaborator's job).

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { CellIR, ProtocolIR, Resolved, StepIR } from "../../ir/types.js";
import { stepEnds } from "../../ir/types.js";
import { formatNumber } from "../../units/format.js";
import { describeCell, describeResolved, formatAmperes, formatCharge } from "./describe.js";
import { stepsOf } from "./walk.js";

/** Multiples of 1C above which a current is suspicious. The fastest rate tests in the seed
 * papers reach 30C. */
const HIGHEST_PLAUSIBLE_C_RATE = 100;
/** A capacity end above this share of the nominal capacity cannot be reached by a sound cell. */
const LARGEST_PLAUSIBLE_CAPACITY_SHARE = 1.5;
const SECONDS_PER_HOUR = 3600;

export function checkCurrentsAgainstCell(ir: ProtocolIR): Diagnostic[] {
  const cell = ir.cell;
  const nominal = cell?.nominalCapacity ?? null;
  if (!cell || nominal === null || !(nominal > 0)) return [];
  const oneC = nominal / SECONDS_PER_HOUR;
  const found: Diagnostic[] = [];
  for (const step of stepsOf(ir.body)) {
    if (step.kind === "constantCurrent" || step.kind === "ccCv") {
      const problem = implausibleCurrent(cell, step, step.current, oneC);
      if (problem) found.push(problem);
    }
    for (const end of stepEnds(step)) {
      if (end.kind !== "capacity" || !(end.coulombs > LARGEST_PLAUSIBLE_CAPACITY_SHARE * nominal)) continue;
      const share = formatNumber((100 * end.coulombs) / nominal, 3);
      found.push({
        code: "BTP4051",
        severity: "warning",
        message: `the capacity end ${describeResolved(end.resolved, formatCharge(end.coulombs))} is ${share} % of the nominal capacity ${formatCharge(nominal)}, so it will likely not be reached`,
        span: step.span,
        hint: `check the unit (mAh or µAh?) and the nominal capacity of ${describeCell(cell)}${derivation(cell)}`,
        related: [
          { message: "the capacity end", span: end.span },
          { message: "the nominal capacity comes from this cell", span: cell.span },
        ],
      });
    }
  }
  return found;
}

function implausibleCurrent(cell: CellIR, step: StepIR, current: Resolved, oneC: number): Diagnostic | null {
  const cRate = current.si / oneC;
  if (!(cRate > HIGHEST_PLAUSIBLE_C_RATE)) return null;
  return {
    code: "BTP4050",
    severity: "warning",
    message: `the current ${describeResolved(current, formatAmperes(current.si))} is ${formatNumber(cRate, 3)}C for this cell (1C = ${formatAmperes(oneC)}); above ${HIGHEST_PLAUSIBLE_C_RATE}C is almost always a mistake`,
    span: step.span,
    hint: `check the unit (A or mA? mA or µA?) and the nominal capacity of ${describeCell(cell)}${derivation(cell)}`,
    related: [{ message: "1C is defined by this cell", span: cell.span }],
  };
}

function derivation(cell: CellIR): string {
  return cell.nominalCapacityDerivation ? ` (${cell.nominalCapacityDerivation})` : "";
}
