// Helpers every target uses. See docs/targets/README.md for how they fit together.

export { ALL_CONSTRUCTS, CONSTRUCT_LABELS, CONSTRUCT_NAMES, constructsOfNode, relativeConstruct, stepsOf, type ConstructUse } from "./constructs.js";
export { checkCapabilities, refusalHint, supportOf, type CapabilityReport } from "./capabilities.js";
export { compileForTarget } from "./compile.js";
export {
  guardOf,
  linearize,
  loopDepth,
  numberRows,
  passesOf,
  runsInPass,
  type ActionBeginInstruction,
  type ActionEndInstruction,
  type CycleGuard,
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
