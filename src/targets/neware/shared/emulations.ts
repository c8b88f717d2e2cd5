// Merging the emulations a target found itself with the generic ones of its capability table.
// Shared by the Neware and Arbin targets.

import type { Emulation } from "../../target.js";

/** The target's own emulations first (they say exactly what was done, and where); the table's
 * generic ones only where the target said nothing about that construct at that place. */
export function mergeEmulations(own: readonly Emulation[], table: readonly Emulation[]): Emulation[] {
  const key = (e: Emulation) => `${e.construct}\u0000${e.span.file}\u0000${e.span.start.offset}`;
  const said = new Set(own.map(key));
  return [...own, ...table.filter((e) => !said.has(key(e)))];
}
