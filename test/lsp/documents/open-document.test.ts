import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { OpenDocument } from "../../../src/lsp/documents/open-document.js";
import { documentDiagnostics } from "../../../src/lsp/features/diagnostics.js";

function openDocument(text: string): OpenDocument {
  return new OpenDocument("file:///lab/p.btp", "/lab/p.btp", TextDocument.create("file:///lab/p.btp", "btp", 1, text));
}

describe("OpenDocument", () => {
  it("parses the current text once per version", () => {
    const doc = openDocument("chrage at 1C for 1 h\n");
    const first = doc.parsed;
    expect(doc.parsed).toBe(first);
    expect(first.diagnostics.map((d) => d.code)).toEqual(["BTP1010"]);
    TextDocument.update(doc.document, [{ text: "rest for 1 h\n" }], 2);
    expect(doc.parsed.diagnostics).toEqual([]);
  });

  it("does not parse a text larger than any protocol, and says so (BTP0002)", () => {
    const doc = openDocument(`rest for 1 h\n${"#".repeat(16 * 1024 * 1024 + 1)}`);
    expect(doc.parsed.parsedPieces).toBe(0);
    expect(documentDiagnostics(doc, (p) => p).map((d) => d.code)).toEqual(["BTP0002"]);
  });

  it("accepts only newer checks, and their estimates only for the same version", () => {
    const doc = openDocument("rest for 1 h\n");
    const analysis = (version: number) => ({
      path: doc.path,
      version,
      parseDiagnostics: [],
      checkDiagnostics: [],
      symbols: { definitions: [], references: [] },
      quantities: [],
      nodes: [],
      cell: null,
      imports: [],
      checkMs: 1,
    });
    expect(doc.acceptAnalysis(analysis(3))).toBe(true);
    expect(doc.acceptAnalysis(analysis(2))).toBe(false);
    doc.acceptEstimates({ path: doc.path, version: 2, nodes: [{ span: { file: doc.path, start: { offset: 0, line: 1, column: 1 }, end: { offset: 4, line: 1, column: 5 } }, kind: "rest", instances: 1, runs: 1, expectedPerRun: { low: 1, high: 1 }, total: { min: 1, expected: 1, max: 1 } }] });
    expect(doc.analysis?.nodes).toEqual([]);
  });
});
