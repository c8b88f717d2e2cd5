// Which passes of a loop a node runs in. A cycle action (`after cycle 10, 60`, `every 100 cycles`)
// narrows the passes of its innermost enclosing loop; cycle actions nested in one another narrow
// them further. Counting the passes must never enumerate them: `every 7 cycles` inside a
// 1,000,000-pass loop is ⌊1,000,000 / 7⌋ by division, not by a walk.

import type { CycleActionIR } from "../types.js";

/** The intersection of every cycle action between a node and its innermost enclosing loop.
 * Empty lists mean "every pass". */
export interface PassSelection {
  /** Each entry: the 1-based passes one `after cycle …` listed. */
  listed: readonly (readonly number[])[];
  /** Each entry: the N of one `every N cycles`. */
  every: readonly number[];
}

export const EVERY_PASS: PassSelection = { listed: [], every: [] };

export function narrowSelection(selection: PassSelection, action: CycleActionIR): PassSelection {
  return {
    listed: action.cycles !== null ? [...selection.listed, action.cycles] : selection.listed,
    every: action.every !== null ? [...selection.every, action.every] : selection.every,
  };
}

/** How many of the passes 1..count the selection keeps. */
export function countSelectedPasses(selection: PassSelection, count: number): number {
  if (!(count >= 1)) return 0;
  const [firstList, ...otherLists] = selection.listed;
  if (firstList !== undefined) {
    // A listed selection is as small as the list the user wrote, so filtering it is cheap.
    const kept = new Set<number>();
    for (const pass of firstList) {
      if (isSelected(pass, count, otherLists, selection.every)) kept.add(pass);
    }
    return kept.size;
  }
  if (selection.every.length === 0) return Math.floor(count);
  const period = leastCommonMultiple(selection.every, count);
  return period === null ? 0 : Math.floor(count / period);
}

/** The first of the passes 1..count that the selection keeps, or null when it keeps none. */
export function firstSelectedPass(selection: PassSelection, count: number): number | null {
  if (!(count >= 1)) return null;
  const [firstList, ...otherLists] = selection.listed;
  if (firstList !== undefined) {
    let first: number | null = null;
    for (const pass of firstList) {
      if (isSelected(pass, count, otherLists, selection.every) && (first === null || pass < first)) first = pass;
    }
    return first;
  }
  if (selection.every.length === 0) return 1;
  return leastCommonMultiple(selection.every, count);
}

function isSelected(
  pass: number,
  count: number,
  lists: readonly (readonly number[])[],
  every: readonly number[],
): boolean {
  if (!Number.isInteger(pass) || pass < 1 || pass > count) return false;
  return lists.every((list) => list.includes(pass)) && every.every((n) => isValidPeriod(n) && pass % n === 0);
}

function isValidPeriod(n: number): boolean {
  return Number.isInteger(n) && n >= 1;
}

/** The period of several `every` selections together, or null when it exceeds `count` (then
 * no pass is selected) or a period is not a positive whole number. */
function leastCommonMultiple(periods: readonly number[], count: number): number | null {
  let result = 1;
  for (const n of periods) {
    if (!isValidPeriod(n)) return null;
    result = (result / greatestCommonDivisor(result, n)) * n;
    if (result > count) return null;
  }
  return result;
}

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
