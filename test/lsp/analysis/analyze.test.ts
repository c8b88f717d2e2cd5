// One check of an open protocol, boiled down for the editor.

import { describe, expect, it } from "vitest";
import { checkText } from "../../../src/check/index.js";
import { Analyzer } from "../../../src/lsp/analysis/analyze.js";
import { SourceReader } from "../../../src/lsp/analysis/source-reader.js";
import { COIN_CELL, LIBRARY, MAIN } from "../harness.js";

const DIR = "/lab/protocols";
const MAIN_PATH = `${DIR}/main.btp`;

function analyzer(): Analyzer {
  const reader = new SourceReader();
  reader.setOpenText(`${DIR}/cells/coin.btp`, COIN_CELL);
  reader.setOpenText(`${DIR}/lib/seq.btp`, LIBRARY);
  return new Analyzer(reader);
}

describe("Analyzer", () => {
  it("finds what `btp check` finds, split into the main file's syntax and the rest", () => {
    const text = `${MAIN}chrage at 1C for 1 h\n`;
    const analysis = analyzer().analyze({ path: MAIN_PATH, version: 7, text });
    expect(analysis.version).toBe(7);
    const files = { [`${DIR}/cells/coin.btp`]: COIN_CELL, [`${DIR}/lib/seq.btp`]: LIBRARY };
    const expected = checkText(text, MAIN_PATH, { readFile: (p) => files[p] }).diagnostics;
    expect([...analysis.parseDiagnostics, ...analysis.checkDiagnostics].map((d) => d.code).sort()).toEqual(expected.map((d) => d.code).sort());
    expect(analysis.parseDiagnostics.map((d) => d.code)).toEqual(["BTP1010"]);
  });

  it("knows the cell's window and whether 1C can be resolved, even when the protocol has errors", () => {
    const analysis = analyzer().analyze({ path: MAIN_PATH, version: 1, text: `${MAIN}rest\n` });
    expect(analysis.checkDiagnostics.map((d) => d.code)).toEqual(["BTP4001"]);
    expect(analysis.cell).toEqual({ name: "coin", window: { min: 2.3, max: 3.9 }, knowsOneC: true });
  });

  it("records through which import of the main file each file was read", () => {
    const analysis = analyzer().analyze({ path: MAIN_PATH, version: 1, text: MAIN });
    const via = Object.fromEntries(analysis.imports.map((entry) => [entry.path, MAIN.slice(entry.via!.start.offset, entry.via!.end.offset)]));
    expect(via).toEqual({ [`${DIR}/cells/coin.btp`]: '"cells/coin.btp"', [`${DIR}/lib/seq.btp`]: '"lib/seq.btp"' });
  });

  it("works out the estimates of the main file's steps once, after the diagnostics", () => {
    const subject = analyzer();
    subject.analyze({ path: MAIN_PATH, version: 3, text: MAIN });
    const report = subject.estimates()!;
    expect(report.version).toBe(3);
    const rest = report.nodes.find((node) => MAIN.slice(node.span.start.offset, node.span.end.offset) === "rest for 10 min")!;
    expect(rest).toMatchObject({ kind: "rest", runs: 1, expectedPerRun: { low: 600, high: 600 } });
    const charge = report.nodes.find((node) => MAIN.slice(node.span.start.offset, node.span.end.offset) === "charge at rate until 3.9 V")!;
    expect(charge.runs).toBe(3);
    expect(subject.estimates()).toBeNull();
    subject.analyze({ path: MAIN_PATH, version: 4, text: `${MAIN}rest\n` });
    expect(subject.estimates()).toBeNull();
  });

  it("keeps the quantities of the main file only, sorted", () => {
    const analysis = analyzer().analyze({ path: MAIN_PATH, version: 1, text: MAIN });
    // The cell file's quantities (2.5 mg, …) are not the main file's.
    expect(analysis.quantities.map((q) => MAIN.slice(q.start, q.end))).toEqual(["3", "0.5C", "3.9 V", "2.3 V", "1C", "10 min"]);
    const starts = analysis.quantities.map((q) => q.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});
