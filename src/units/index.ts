// Units and quantities: parsing unit text, dimensions and named kinds, SI conversion, and
// printing values the way a battery paper writes them. See docs/units.md.

export type { BaseDimension, Dimension } from "./dimension.js";
export {
  BASE_DIMENSIONS,
  DIMENSIONLESS,
  dimension,
  divideDimensions,
  isDimensionless,
  multiplyDimensions,
  powerOfDimension,
  sameDimension,
} from "./dimension.js";
export type { QuantityKind } from "./kinds.js";
export { KIND_DIMENSIONS, QUANTITY_KINDS, describeDimension, kindOf } from "./kinds.js";
export type { Unit } from "./unit.js";
export { fromSI, toSI } from "./unit.js";
export type { UnitParseResult, UnitProblemCode } from "./parse.js";
export { parseUnit } from "./parse.js";
export type { QuantityParseResult } from "./quantity.js";
export { parseQuantity, unitFitsKind } from "./quantity.js";
export { requireUnit } from "./convert.js";
export { formatNumber } from "./format.js";
export type { DisplayQuantity, FormatOptions } from "./display.js";
export { formatQuantity, toDisplay } from "./display.js";
export { formatDuration } from "./duration.js";
export { prefixedUnitSpellings, unitSpellings, unitsForKind } from "./completion.js";
export { confusionHint } from "./hints.js";
export { resolveUnit, unitDiagnostic } from "./diagnostics.js";
