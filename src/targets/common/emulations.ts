// Putting together what a target emulates: the capability table reports a generic note at the
// first place a construct is used ("a C-rate resolved to amperes"); the target's own code knows
// the specifics ("5C resolved to 1.47 mA"). Every target merges the two the same way.

import type { Emulation } from "../target.js";

/** The target's own emulations first (they say exactly what was done, and where); the table's
 * generic ones only where the target said nothing about that construct at that place. */
export function mergeEmulations(own: readonly Emulation[], table: readonly Emulation[]): Emulation[] {
  const said = new Set(own.map(placeOf));
  return [...own, ...table.filter((e) => !said.has(placeOf(e)))];
}

/** Each emulation once: the same construct at the same place with the same message is said once
 * (a target that writes a step twice reports it twice). */
export function withoutRepeats(emulations: readonly Emulation[]): Emulation[] {
  const seen = new Set<string>();
  return emulations.filter((e) => {
    const id = `${placeOf(e)}\u0000${e.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function placeOf(e: Emulation): string {
  return `${e.construct}\u0000${e.span.file}\u0000${e.span.start.offset}`;
}
