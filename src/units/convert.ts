// Units that btp's own code names (display units, vendor units in the compilers). User text goes
// through parseUnit and its diagnostics instead.

import { parseUnit } from "./parse.js";
import type { Unit } from "./unit.js";

/** A unit spelled by btp's own source code. Throws on a misspelling, which is a bug in btp, not
 * bad user input; never call it with text from a protocol. */
export function requireUnit(text: string): Unit {
  const result = parseUnit(text);
  if (!result.ok) throw new Error(`btp internal error: unit \`${text}\` does not parse: ${result.message}`);
  return result.unit;
}
