// Which capability-table constructs an IR node uses. A node is always its own kind ("eis",
// "loop"…) and may use finer features on top: a current given as a C-rate, a voltage relative to
// open circuit, a capacity end, a record rule. checkCapabilities and the plan splitter both ask
// this one function, so a target's table is read the same way everywhere.

import type { Span } from "../../diagnostics/diagnostic.js";
import type { NodeIR, Resolved, StepIR } from "../../ir/types.js";
import { isStep, stepEnds, voltageSetpoints } from "../../ir/types.js";
import type { Construct } from "../target.js";

export interface ConstructUse {
  construct: Construct;
  span: Span;
  /** For relative quantities: the value that was resolved, to say what it became. */
  resolved?: Resolved;
}

/** Every construct a target's table can mention, in the order the docs matrix lists them. */
export const ALL_CONSTRUCTS: readonly Construct[] = [
  "rest",
  "ocv",
  "constantCurrent",
  "constantPower",
  "constantVoltage",
  "ccCv",
  "eis",
  "galvanostaticEis",
  "linearSweep",
  "cyclicVoltammetry",
  "temperature",
  "pause",
  "loop",
  "nestedLoop",
  "loopUntil",
  "cycleAction",
  "group",
  "stop",
  "cRate",
  "currentDensity",
  "specificCurrent",
  "ocvRelativeVoltage",
  "capacityEnd",
  "temperatureEnd",
  "recordRule",
  "safetyLimits",
];

/** How a construct reads in a sentence: "<target> cannot run <label>". */
export const CONSTRUCT_LABELS: Readonly<Record<Construct, string>> = {
  rest: "a rest step",
  ocv: "an open-circuit (OCV) step",
  constantCurrent: "a constant-current step",
  constantPower: "a constant-power step",
  constantVoltage: "a constant-voltage hold",
  ccCv: "a CC-CV step",
  eis: "an impedance (EIS) step",
  galvanostaticEis: "galvanostatic impedance (GEIS)",
  linearSweep: "a linear sweep (LSV)",
  cyclicVoltammetry: "cyclic voltammetry (CV)",
  temperature: "a temperature set-point",
  pause: "an operator pause",
  loop: "a loop (repeat)",
  nestedLoop: "a loop inside a loop",
  loopUntil: "a loop that ends on a condition (repeat … until)",
  cycleAction: "steps at given cycles (after cycle / every N cycles)",
  group: "a section or sweep group",
  stop: "a stop guard (stop if)",
  cRate: "a current given as a C-rate",
  currentDensity: "a current given as a current density",
  specificCurrent: "a current given per gram of active material",
  ocvRelativeVoltage: "a voltage relative to open circuit",
  capacityEnd: "a step that ends on capacity",
  temperatureEnd: "a step that ends on temperature",
  recordRule: "a recording rule",
  safetyLimits: "safety limits",
};

/** Short names for tables (the docs matrix, --explain). */
export const CONSTRUCT_NAMES: Readonly<Record<Construct, string>> = {
  rest: "rest",
  ocv: "OCV",
  constantCurrent: "constant current",
  constantPower: "constant power",
  constantVoltage: "constant voltage",
  ccCv: "CC-CV",
  eis: "EIS",
  galvanostaticEis: "galvanostatic EIS",
  linearSweep: "LSV",
  cyclicVoltammetry: "CV",
  temperature: "temperature set-point",
  pause: "pause",
  loop: "loop",
  nestedLoop: "nested loop",
  loopUntil: "loop until",
  cycleAction: "after cycle / every",
  group: "section / sweep group",
  stop: "stop if",
  cRate: "C-rate",
  currentDensity: "current density",
  specificCurrent: "specific current",
  ocvRelativeVoltage: "voltage vs OCV",
  capacityEnd: "capacity end",
  temperatureEnd: "temperature end",
  recordRule: "record rule",
  safetyLimits: "safety limits",
};

/** The constructs one node uses by itself (not its children). `insideLoop` says whether an
 * enclosing loop exists, which makes a loop a nested loop. */
export function constructsOfNode(node: NodeIR, insideLoop: boolean): ConstructUse[] {
  const uses: ConstructUse[] = [{ construct: node.kind, span: node.span }];
  if (node.kind === "loop") {
    if (insideLoop) uses.push({ construct: "nestedLoop", span: node.span });
    if (node.until) uses.push({ construct: "loopUntil", span: node.until.span });
    return uses;
  }
  if (!isStep(node)) return uses;
  uses.push(...stepFeatures(node));
  return uses;
}

function stepFeatures(step: StepIR): ConstructUse[] {
  const uses: ConstructUse[] = [];
  const current = (resolved: Resolved): void => {
    const construct = relativeConstruct(resolved);
    if (construct) uses.push({ construct, span: step.span, resolved });
  };
  if (step.kind === "constantCurrent" || step.kind === "ccCv") current(step.current);
  for (const voltage of voltageSetpoints(step)) {
    if (voltage.reference === "ocv") uses.push({ construct: "ocvRelativeVoltage", span: step.span });
  }
  for (const end of stepEnds(step)) {
    if (end.kind === "current") current(end.resolved);
    if (end.kind === "capacity") uses.push({ construct: "capacityEnd", span: end.span });
    if (end.kind === "temperature") uses.push({ construct: "temperatureEnd", span: end.span });
  }
  if (step.kind === "eis" && step.mode === "galvanostatic") uses.push({ construct: "galvanostaticEis", span: step.span });
  if (hasAny(step.record)) uses.push({ construct: "recordRule", span: step.span });
  if (hasAny(step.limits)) uses.push({ construct: "safetyLimits", span: step.span });
  return uses;
}

/** The construct a relative current stands for, or null for a plain current in amperes. */
export function relativeConstruct(resolved: Resolved): Construct | null {
  switch (resolved.basis) {
    case "c-rate":
      return "cRate";
    case "current-density":
      return "currentDensity";
    case "specific-current":
      return "specificCurrent";
    default:
      return null;
  }
}

function hasAny(record: object): boolean {
  return Object.keys(record).length > 0;
}

/** Every step of a body, depth first (loops are not expanded). */
export function stepsOf(body: readonly NodeIR[]): StepIR[] {
  const steps: StepIR[] = [];
  const visit = (nodes: readonly NodeIR[]): void => {
    for (const node of nodes) {
      if (isStep(node)) steps.push(node);
      else if (node.kind !== "stop") visit(node.body);
    }
  };
  visit(body);
  return steps;
}
