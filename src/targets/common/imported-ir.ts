// Building a protocol IR from an instrument's own file: the pieces every importer needs (the
// Maccor, Neware, Arbin and BioLogic importers), whatever the file looks like.
//
// Spans point into the vendor file, so a diagnostic or a rebuilt .btp can say which step of the
// schedule a node came from. Node ids are given once the tree is complete (numberNodes).

import { IR_VERSION } from "../../ir/types.js";
import type { NodeIR, ProtocolIR } from "../../ir/types.js";

/** A protocol with nothing in it yet, for an importer to fill. */
export function emptyProtocol(file: string): ProtocolIR {
  return {
    irVersion: IR_VERSION,
    title: null,
    source: file,
    metadata: { citations: [], figures: [], notes: [], instruments: [], authors: [] },
    cell: null,
    params: [],
    limits: {},
    record: {},
    body: [],
  };
}

/** Gives every node its dotted id ("2.1") from its place in the tree. Importers cap nesting
 * depth before this runs, so the recursion is shallow. */
export function numberNodes(body: NodeIR[], prefix = ""): void {
  body.forEach((node, index) => {
    node.id = `${prefix}${index + 1}`;
    if (node.kind === "loop" || node.kind === "cycleAction" || node.kind === "group") numberNodes(node.body, `${node.id}.`);
  });
}

/** A value read from a file, rounded to 12 significant digits so that unit conversions
 * (0.1 mV → V, mA → A, 0.1 Ah × 3600) leave no binary residue and read back the same after a
 * round trip. */
export function cleanSi(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  return Number(x.toPrecision(12));
}
