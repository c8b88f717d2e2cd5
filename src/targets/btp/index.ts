// IR → .btp source (used by `btp import` and the round-trip tests).

export { printProtocol, loopCondition, UNPRINTABLE_PART, type PrintOptions, type PrintResult } from "./print.js";
export { printCell } from "./cell.js";
export { printStep } from "./steps.js";
