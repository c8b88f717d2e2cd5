// A multi-instrument plan: what the operator does, in order. Segments are stretches of the
// protocol one instrument runs (each becomes one schedule file); operator steps are what a person
// does by hand (set the oven); a repeat says "run these items again, N times" when a loop's
// passes need both instruments.

import type { Span } from "../../diagnostics/diagnostic.js";
import type { LoopIR, NodeIR, TemperatureStepIR } from "../../ir/types.js";
import type { Role } from "./roles.js";

export interface PlanSegment {
  kind: "segment";
  role: Role;
  /** The protocol nodes this instrument runs, in order (loops split by cycle rebuilt as loops). */
  nodes: NodeIR[];
  /** Where in the source the segment comes from, for the run sheet ("cycles 1–10 of the
   * 60-cycle loop at line 35"). */
  notes: string[];
}

export interface PlanOperatorStep {
  kind: "operator";
  step: TemperatureStepIR;
}

export interface PlanRepeat {
  kind: "repeat";
  count: number;
  /** The loop the repeat comes from. */
  loop: LoopIR;
  /** What each pass of it covers ("cycles 11–59"), when only part of the loop repeats. */
  note: string | null;
  items: PlanItem[];
}

export type PlanItem = PlanSegment | PlanOperatorStep | PlanRepeat;

export function spanLine(span: Span): string {
  return `line ${span.start.line}`;
}
