// Completion items, without a server: every word offered must be one the parser and the checker
// accept where it is offered (the tables here mirror theirs).

import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { checkText } from "../../../src/check/index.js";
import { OpenDocument } from "../../../src/lsp/documents/open-document.js";
import { completion } from "../../../src/lsp/features/completion.js";

function labelsAt(textWithCursor: string): string[] {
  const offset = textWithCursor.indexOf("|");
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const document = TextDocument.create("file:///lab/p.btp", "btp", 1, text);
  const doc = new OpenDocument("file:///lab/p.btp", "/lab/p.btp", document);
  return completion(doc, document.positionAt(offset), () => undefined).items.map((item) => item.label);
}

const codesOf = (text: string) => checkText(text, "/lab/p.btp").diagnostics.map((d) => d.code);

describe("completion items", () => {
  it("offers only cell and electrode keys the checker knows", () => {
    const keys = labelsAt("cell c {\n  |\n}\n");
    expect(keys).toEqual(expect.arrayContaining(["kind", "nominal capacity", "window", "cathode", "electrolyte"]));
    for (const key of keys) expect(codesOf(`cell c {\n  ${key} 1\n}\n`), key).not.toContain("BTP2018");
    const electrode = labelsAt('cell c {\n  cathode "x" { | }\n}\n');
    expect(electrode).toEqual(expect.arrayContaining(["active mass", "specific capacity", "loading"]));
    for (const key of electrode) expect(codesOf(`cell c {\n  cathode "x" { ${key} 1 }\n}\n`), key).not.toContain("BTP2018");
  });

  it("offers only cell kinds, limit subjects, loop conditions, subjects and types that are accepted", () => {
    for (const kind of labelsAt("cell c {\n  kind |\n}\n")) expect(codesOf(`cell c {\n  kind ${kind}\n}\n`), kind).not.toContain("BTP2022");
    const subjects = labelsAt("limits { | }");
    expect(subjects).toEqual(["voltage", "current", "temperature", "capacity", "power"]);
    for (const subject of subjects) expect(codesOf(`limits { ${subject} 1 }\n`), subject).not.toContain("BTP1018");
    const conditions = labelsAt("repeat 5 until |");
    expect(conditions).toEqual(expect.arrayContaining(["discharge capacity", "coulombic efficiency", "end voltage"]));
    for (const condition of conditions) expect(codesOf(`repeat 5 until ${condition} < 1 { rest for 1 h }\n`), condition).not.toContain("BTP1017");
    for (const type of labelsAt("param p: |")) expect(codesOf(`param p: ${type} = 1\n`), type).not.toContain("BTP2020");
  });

  it("offers the units of the kind the place needs, a C-rate written against its number", () => {
    const document = TextDocument.create("file:///lab/p.btp", "btp", 1, "charge at 0.5");
    const doc = new OpenDocument("file:///lab/p.btp", "/lab/p.btp", document);
    const items = completion(doc, document.positionAt(13), () => undefined).items;
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(["C", "mA", "mA/cm2", "mA/g", "mW"]));
    expect(items.find((i) => i.label === "C")!.textEdit).toMatchObject({ newText: "C" });
    expect(items.find((i) => i.label === "mA")!.textEdit).toMatchObject({ newText: " mA" });
    expect(labelsAt("repeat 5|")).toEqual([]);
  });
});
