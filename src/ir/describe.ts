// Human descriptions of a protocol: one line per step (hover, messages), the step table of
// `btp explain`, a summary of the estimates, and a methods-section paragraph. The pieces live in
// src/ir/describe/; this module is their public face.

export type { DescribeOptions } from "./describe/step.js";
export { describeEnd, describeEndList, describeNode, describeSetpoint, describeStep } from "./describe/step.js";
export type { StepTableRow } from "./describe/table.js";
export { stepTable } from "./describe/table.js";
export type { RenderTableOptions } from "./describe/render-table.js";
export { displayWidth, renderStepTable } from "./describe/render-table.js";
export { durationSummary, summary } from "./describe/summary.js";
export { methodsParagraph } from "./describe/methods/paragraph.js";
export { describeBasis } from "./describe/assumptions.js";
export { describeNodeEstimate } from "./describe/estimate-words.js";
