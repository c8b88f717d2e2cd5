// Currents read back from a cycler file, as IR `Resolved` records. Used by the Neware and
// Arbin importers (and by the Neware lowering, for the capacity a C-rate implies). The text is
// what a person would write in a protocol ("1.47 mA", "0.5C"), so a rebuilt .btp reads naturally.

import type { Resolved } from "../../ir/types.js";
import { formatNumber } from "../../units/format.js";
import { formatQuantity } from "../../units/display.js";
import { cleanSi } from "./imported-ir.js";

/** A plain current in amperes. */
export function amperes(si: number): Resolved {
  const value = cleanSi(Math.abs(si));
  return { si: value, text: formatQuantity(value, "current") };
}

/** A current the file gives as a C-rate. `si` is the current in amperes when the file also
 * holds it (Neware writes both), or null when only the instrument's test setup knows the
 * capacity (Arbin's C-Rate steps): the IR then carries 0 A and a derivation that says so. */
export function cRate(rate: number, si: number | null, how: string): Resolved {
  const relative = cleanSi(Math.abs(rate));
  return {
    si: si === null ? 0 : cleanSi(Math.abs(si)),
    text: `${formatNumber(relative)}C`,
    derivation: how,
    basis: "c-rate",
    relative,
  };
}

/** The nominal capacity (coulombs) a C-rate current implies: I = rate × Q / 1 h. */
export function capacityFromCRate(resolved: Resolved): number | null {
  if (resolved.basis !== "c-rate" || !resolved.relative || resolved.si <= 0) return null;
  return (resolved.si * 3600) / resolved.relative;
}
