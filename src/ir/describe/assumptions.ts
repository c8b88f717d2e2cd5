// The estimate models in words, for the notes beneath `btp explain`'s table and for hover: a
// number marked "~" must say where it came from.

import { formatQuantity } from "../../units/display.js";
import type { CellIR } from "../types.js";
import type { EstimateBasis } from "../estimate/step-models.js";
import { OPEN_CIRCUIT_GUESS_VOLTS, STABLE_SETTLE_SECONDS, TAPER_HOLD_SECONDS } from "../estimate/step-models.js";

export function describeBasis(basis: EstimateBasis, cell: CellIR | null): string {
  switch (basis) {
    case "fixed":
      return "fixed by its ends";
    case "nominal-capacity": {
      const capacity = cell?.nominalCapacity ? ` (${formatQuantity(cell.nominalCapacity, "capacity")})` : "";
      return `a constant-current step that ends on a voltage passes about the nominal capacity${capacity}: t ≈ Q / I`;
    }
    case "capped-by-end":
      return "a step expected to outlast its time or capacity end runs to that end";
    case "taper-hold":
      return `a constant-voltage hold that ends on a taper current takes about ${formatQuantity(TAPER_HOLD_SECONDS, "time")}`;
    case "stable-settle":
      return `settling the chamber until stable takes about ${formatQuantity(STABLE_SETTLE_SECONDS, "time")}`;
    case "impedance-model":
      return "EIS spends two periods at each frequency, at least 1 s a point";
    case "open-circuit-guess":
      return cell?.window
        ? "a potential relative to open circuit assumes the OCV is mid-window"
        : `a potential relative to open circuit assumes an OCV of ${formatQuantity(OPEN_CIRCUIT_GUESS_VOLTS, "voltage")}`;
    case "operator":
      return "a pause waits for the operator: counted as 0, with no upper bound";
    case "unknown":
      return "no basis for an estimate (no nominal capacity and no time end): counted at its minimum";
  }
}
