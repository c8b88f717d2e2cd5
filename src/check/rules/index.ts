import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../ir/types.js";

/** The semantic rules that look at the whole elaborated protocol (cell window, state of charge
 * across steps, CC→CV mismatches, steps that may never end). Placeholder until the rules land. */
export function runProtocolRules(_ir: ProtocolIR): Diagnostic[] {
  return [];
}
