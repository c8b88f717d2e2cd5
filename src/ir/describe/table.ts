// The step table of `btp explain`: one row per node of the IR in tree order. Loops are header
// rows ("Repeat 5×") with their contents indented beneath, never unrolled, so a 10,000-cycle
// test is as short a table as a 10-cycle one. Rows are plain JSON (`btp explain --format json`).

import { formatNumber } from "../../units/format.js";
import { formatQuantity } from "../../units/display.js";
import type { DurationBounds } from "../estimate/bounds.js";
import type { EstimateBasis } from "../estimate/step-models.js";
import type { NodeEstimate, ProtocolEstimate } from "../estimate.js";
import type { CcCvStepIR, CellIR, NodeIR, ProtocolIR } from "../types.js";
import { isStep } from "../types.js";
import { describeEndList, describeNode } from "./step.js";

export interface StepTableRow {
  /** The IR node id ("3.1.2"). */
  id: string;
  /** Nesting depth, 0 at the top level. */
  depth: number;
  kind: NodeIR["kind"];
  /** The step line (without the resolved current, which has its own column) or header line. */
  description: string;
  /** The step's label, if the source gave one. */
  label: string | null;
  /** For constant-current, CC-CV and constant-power rows: the current and how it was derived. */
  current: { milliamps: number; text: string; derivation: string | null } | null;
  /** How the row ends: a step's end conditions, a loop's `until`. */
  ends: string;
  /** Runs over the whole test: `expected` when every loop runs to its count, `min` at the least. */
  passes: { min: number; expected: number };
  perPass: DurationBounds;
  total: DurationBounds;
  /** How the expected figures of a step were obtained. */
  basis: EstimateBasis[];
}

export function stepTable(ir: ProtocolIR, estimate: ProtocolEstimate): StepTableRow[] {
  const rows: StepTableRow[] = [];
  addRows(rows, ir.body, 0, ir.cell, estimate);
  return rows;
}

function addRows(
  rows: StepTableRow[],
  body: readonly NodeIR[],
  depth: number,
  cell: CellIR | null,
  estimate: ProtocolEstimate,
): void {
  for (const node of body) {
    rows.push(rowOf(node, depth, cell, estimate.nodes.get(node.id)));
    if (node.kind === "loop" || node.kind === "cycleAction" || node.kind === "group") {
      addRows(rows, node.body, depth + 1, cell, estimate);
    }
  }
}

const NO_TIME: DurationBounds = { min: 0, expected: 0, max: 0 };

function rowOf(node: NodeIR, depth: number, cell: CellIR | null, estimate: NodeEstimate | undefined): StepTableRow {
  return {
    id: node.id,
    depth,
    kind: node.kind,
    description: describeNode(node, cell, { resolvedCurrent: false }),
    label: isStep(node) ? node.label : null,
    current: currentOf(node, estimate),
    ends: endsOf(node),
    passes: estimate?.passes ?? { min: 0, expected: 0 },
    perPass: estimate?.perPass ?? NO_TIME,
    total: estimate?.total ?? NO_TIME,
    basis: estimate?.step?.basis ?? [],
  };
}

function currentOf(node: NodeIR, estimate: NodeEstimate | undefined): StepTableRow["current"] {
  switch (node.kind) {
    case "constantCurrent":
    case "ccCv":
      return {
        milliamps: milliamps(node.current.si),
        text: node.current.text,
        derivation: node.current.derivation ?? null,
      };
    case "constantPower": {
      const amperes = estimate?.step?.current ?? null;
      const voltage = estimate?.step?.assumedVoltage ?? null;
      if (amperes === null || voltage === null) return null;
      const power = formatQuantity(node.power.si, "power");
      const derivation = `${power} ÷ ${formatQuantity(voltage, "voltage")} (typical voltage of the window) ≈ ${formatQuantity(amperes, "current", { digits: 3 })}`;
      return { milliamps: milliamps(amperes), text: node.power.text, derivation };
    }
    default:
      return null;
  }
}

/** mA without binary residue, so JSON consumers see 0.147 and not 0.14700000000000002. */
function milliamps(amperes: number): number {
  return Number(formatNumber(amperes * 1000));
}

function endsOf(node: NodeIR): string {
  switch (node.kind) {
    case "rest":
    case "ocv":
    case "constantCurrent":
    case "constantPower":
    case "constantVoltage":
      return describeEndList(node.ends);
    case "ccCv":
      return ccCvEnds(node);
    case "loop":
      return node.until ? `until ${node.until.text}` : "";
    case "stop":
      return node.condition.text;
    default:
      return "";
  }
}

function ccCvEnds(step: CcCvStepIR): string {
  const cc = [
    `until ${formatQuantity(step.voltage, "voltage")}`,
    ...(step.ccEnds.length ? [describeEndList(step.ccEnds)] : []),
  ];
  const cv = step.cvEnds.length ? `hold ${describeEndList(step.cvEnds)}` : "hold (no end)";
  return `${cc.join(" or ")}, ${cv}`;
}
