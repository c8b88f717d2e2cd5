// How every target's compile begins: the capability table is read first (a refused construct
// stops there, before the target's own code runs), then the target lowers the protocol, and the
// table's emulations are merged with the target's own. What follows (writing the bytes) is the
// target's own business.

import { hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../ir/types.js";
import type { Emulation, Target } from "../target.js";
import { checkCapabilities } from "./capabilities.js";
import { mergeEmulations } from "./emulations.js";

export interface Lowered {
  diagnostics: Diagnostic[];
  emulations: Emulation[];
}

export interface LoweredAfterTable<L extends Lowered> {
  /** Null when the table refused the protocol (the target's lowering never ran). */
  lowered: L | null;
  /** The table's diagnostics, then the lowering's. */
  diagnostics: Diagnostic[];
  /** The lowering's emulations, then the table's where the lowering said nothing (mergeEmulations). */
  emulations: Emulation[];
}

type TargetInfo = Pick<Target, "name" | "title" | "kind" | "capabilities">;

export function lowerAfterTable<L extends Lowered>(ir: ProtocolIR, target: TargetInfo, lower: () => L): LoweredAfterTable<L> {
  const table = checkCapabilities(ir, target);
  if (hasErrors(table.diagnostics)) return { lowered: null, diagnostics: table.diagnostics, emulations: table.emulations };
  const lowered = lower();
  return {
    lowered,
    diagnostics: [...table.diagnostics, ...lowered.diagnostics],
    emulations: mergeEmulations(lowered.emulations, table.emulations),
  };
}
