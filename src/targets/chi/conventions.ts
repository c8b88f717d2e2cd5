// Everything particular to CH Instruments macros (CHI 660E / 760E "Macro Command"), in one
// place: bytes, comment and command syntax, units and number format, the sign of currents, how
// loops count, and the defaults btp picks where a protocol says nothing.
//
// No CHI manual and no real macro file is public (research/potentiostat-and-data-formats.md
// §2): the syntax follows CHI's own Macro Command welcome text (`for: 3 … next`, `tech: cv`,
// `ei: 0.1`, `run`) and two public generators (hardpotato, CHI-Macron-Code-Generator). Every
// macro btp writes says in its header that it is unverified on an instrument.

import { formatNumber } from "../../units/format.js";
import type { LineEnding, TextEncoding } from "../common/text.js";

export const ENCODING: TextEncoding = "ascii";
/** The CHI software runs on Windows. */
export const LINE_ENDING: LineEnding = "\r\n";
export const EXTENSION = ".mcr";
export const COMMENT = "# ";

/** One command per line, `key: value` as in CHI's own example; flags stand alone. */
export function command(key: string, value?: string | number): string {
  if (value === undefined) return key;
  return `${key}: ${typeof value === "number" ? number(value) : value}`;
}

/** Values are plain SI numbers (V, A, s, Hz, V/s), without float noise. */
export function number(x: number): string {
  return formatNumber(x);
}

// ---------------------------------------------------------------------------------------------
// Sign. CHI speaks of anodic and cathodic current at the working electrode. With the cell's
// positive electrode on the working lead (as for every cell btp describes), a charge is anodic:
// `ia`, initial polarity `pn: p`; a discharge is cathodic: `ic`, `pn: n`.

export type Direction = "charge" | "discharge";

export function polarity(direction: Direction): "p" | "n" {
  return direction === "charge" ? "p" : "n";
}

// ---------------------------------------------------------------------------------------------
// Loops. `for: N` runs its body N times (CHI's example `for: 3` beeps three times); `next` ends
// it. There is no loop counter, so a `save:` inside a loop writes the same file on every pass.

export function loopHeader(passes: number): string {
  return command("for", passes);
}
export const LOOP_END = "next";

/** Sweep segments of `cv`: from the start to the upper vertex, down to the lower vertex and back
 * to the start, `cycles` times. A start at a vertex makes each cycle two segments; a start
 * between them needs one more, cut at the final potential (`efon`, `ef`). */
export function sweepSegments(cycles: number, startsAtVertex: boolean): number {
  return 2 * cycles + (startsAtVertex ? 0 : 1);
}

// ---------------------------------------------------------------------------------------------
// Defaults where the protocol is silent.

export const DEFAULTS = {
  /** s: the sample interval of ocpt, i-t and cp without a recording rule. */
  sampleInterval: 1,
  /** V: the sample interval of lsv and cv without a voltage recording rule. */
  potentialInterval: 0.001,
  /** s: quiet time before a technique; btp protocols put their own rests in. */
  quietTime: 0,
  /** V: the potential limits of ocpt and cp when the protocol sets no voltage limit (the
   * instrument's range). */
  lowestPotential: -10,
  highestPotential: 10,
  /** A constant current with no time end runs at most this many times the time to pass the
   * cell's nominal capacity (PyBaMM's default for C-rate steps is the same 2×). */
  segmentTimeFactor: 2,
} as const;

/** A data file name CHI accepts: letters, digits, "_" and "-", not too long. */
export function saveName(base: string, run: number, technique: string): string {
  const safe = base.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 32) || "btp";
  return `${safe}_${String(run).padStart(2, "0")}_${technique.replace(/[^A-Za-z0-9]/g, "")}`;
}
