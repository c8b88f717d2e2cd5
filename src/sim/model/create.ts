// The model for a parameter set's kind.

import type { CellParameters } from "../parameters/catalogue.js";
import type { CellModel } from "./cell-model.js";
import { LsvCell } from "./lsv-cell.js";
import { LumpedCell } from "./lumped-cell.js";

export function createCellModel(parameters: CellParameters, kelvin: number): CellModel {
  return parameters.kind === "lsv" ? new LsvCell(parameters, kelvin) : new LumpedCell(parameters, kelvin);
}
