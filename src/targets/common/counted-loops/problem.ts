// What a reshaping step could not do, in target-neutral words; each target turns it into a
// diagnostic with its own code.

import type { Span } from "../../../diagnostics/diagnostic.js";
import type { Emulation } from "../../target.js";
import type { NodeIR } from "../../../ir/types.js";

export interface ShapeProblem {
  span: Span;
  message: string;
  hint: string;
  /** Other places with the same problem. */
  related?: { message: string; span: Span }[];
}

export interface ShapeResult {
  body: NodeIR[];
  emulations: Emulation[];
  problems: ShapeProblem[];
}
