// Helpers every target uses. See docs/targets/README.md for how they fit together.

export { ALL_CONSTRUCTS, CONSTRUCT_LABELS, CONSTRUCT_NAMES, constructsOfNode, relativeConstruct, stepsOf, type ConstructUse } from "./constructs.js";
export { checkCapabilities, refusalHint, supportOf, type CapabilityReport } from "./capabilities.js";
export { compileForTarget } from "./compile.js";
export { actionsInPass, cycleActionsOf, guardOf, passesOf, runsInPass, type CycleGuard, type GuardedAction } from "./cycle-guards.js";
export {
  linearize,
  loopDepth,
  numberRows,
  type ActionBeginInstruction,
  type ActionEndInstruction,
  type GroupBeginInstruction,
  type GroupEndInstruction,
  type Instruction,
  type LoopBeginInstruction,
  type LoopEndInstruction,
  type RowNumbering,
  type StepInstruction,
  type StopInstruction,
} from "./linearize.js";
export {
  crlf,
  decodeText,
  detectLineEnding,
  encodeText,
  joinLines,
  unencodableCharacters,
  withPlainSpellings,
  type EncodeOptions,
  type EncodeResult,
  type LineEnding,
  type TextEncoding,
} from "./text.js";
export { commentLines, emulationLines, headerLines, type HeaderInput } from "./header.js";
export { extensionOf, importWith, type ImportChoice } from "./import.js";
export { renderCapabilityMatrix, withMatrix } from "./matrix.js";
export { cellFor, renderSummaryTable, type SummaryRow } from "./summary.js";
export { lowerAfterTable, type Lowered, type LoweredAfterTable } from "./lowering.js";
export { mergeEmulations, withoutRepeats } from "./emulations.js";
export { CompileFindings } from "./findings.js";
export {
  reportShaping,
  shapeForCountedLoops,
  flattenGroups,
  leadingSetpoints,
  splitCycleActions,
  MAX_SPLIT_PARTS,
  type ShapedProtocol,
  type ShapeProblem,
  type ShapeResult,
  type ShapingCodes,
} from "./counted-loops/index.js";
export { MAX_RUNS, patternTooLong, planPasses, runsWith, type PassPlan, type PassRun } from "./pass-runs.js";
export { chamberAtStart, type ChamberAtStart, type ChamberRefusals } from "./chamber-at-start.js";
export { holdDirections, lowerCcCv, precedingCurrents, splitCcCv, type CcCvLowering, type CcCvPolicy, type CurrentEnd } from "./cycler-steps.js";
export { sameLimits, sameRecord, tightestLimits } from "./limits.js";
export { contentNumber, contentUuid } from "./content-ids.js";
// Importers
export { LineIndex } from "./line-index.js";
export { cleanSi, emptyProtocol, numberNodes } from "./imported-ir.js";
export { amperes, capacityFromCRate, cRate } from "./imported-currents.js";
export { ImportReport } from "./import-report.js";
