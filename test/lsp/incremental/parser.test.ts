// The incremental parser must give exactly what parsing the whole text gives: the same tree
// (with the same positions) and the same diagnostics, edit after edit.

import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitTopLevel } from "../../../src/lsp/incremental/chunks.js";
import { IncrementalParser } from "../../../src/lsp/incremental/parser.js";
import { parseSource } from "../../../src/syntax/index.js";

const root = path.resolve(import.meta.dirname, "../../..");

function bundledProtocols(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".btp")) found.push({ name: path.relative(root, full), text: readFileSync(full, "utf8") });
    }
  };
  walk(path.join(root, "protocols"));
  return found;
}

const FILE = "/lab/main.btp";

/** The parse without the full text (compared separately, it is the same string anyway). */
function shape(result: { file: { items: unknown; comments: unknown; span: unknown }; diagnostics: unknown }) {
  return JSON.parse(JSON.stringify({ items: result.file.items, comments: result.file.comments, span: result.file.span, diagnostics: result.diagnostics }));
}

function expectSameAsWholeFile(parser: IncrementalParser, text: string): void {
  expect(shape(parser.parse(text))).toEqual(shape(parseSource(text, FILE)));
}

/** Pieces that edits insert: brackets, strings, comments, line breaks and whole statements. */
const FRAGMENTS = [
  "{", "}", "(", ")", "[", "]", '"', "#", "\n", "\r\n", "\r", " ", ";", "\\", "x",
  "repeat 3 ", "repeat 3\n", "\n{\n", "}\n{", "# note\n{", "charge at 1C until 3.9 V\n", 'section "a" {\n',
  "param p = 5   # documented\n", "cell c {\n", "limits { voltage 2 V .. 4 V\n", "for r in [1C,\n2C] {\n",
  "sequence s(a: time) {\n", "at 25 °C {", '"open string', "((((",
];

const protocols = bundledProtocols();

describe("splitTopLevel", () => {
  it("covers the text exactly, cutting only at line starts", () => {
    for (const { text } of protocols) {
      const chunks = splitTopLevel(text);
      expect(chunks[0]!.start).toBe(0);
      expect(chunks[chunks.length - 1]!.end).toBe(text.length);
      for (let i = 1; i < chunks.length; i++) {
        expect(chunks[i]!.start).toBe(chunks[i - 1]!.end);
        expect(["\n", "\r"]).toContain(text[chunks[i]!.start - 1]);
      }
    }
  });

  it("cuts between top-level items, not inside blocks", () => {
    const text = 'protocol "p"\nrest for 1 h\nrepeat 2 {\n  rest for 1 h\n}\nrest for 2 h\n';
    const starts = splitTopLevel(text).map((c) => text.slice(c.start).split("\n", 1)[0]);
    expect(starts).toEqual(['protocol "p"', "rest for 1 h", "repeat 2 {", "rest for 2 h"]);
  });

  it("keeps a block whose `{` opens on the next line, past comments and blank lines, in one piece", () => {
    const text = "rest for 1 h\nrepeat 2\n# why\n\n{\n  rest for 1 h\n}\n";
    expect(splitTopLevel(text).map((c) => text.slice(c.start, c.end))).toEqual(["rest for 1 h\n", "repeat 2\n# why\n\n{\n  rest for 1 h\n}\n"]);
  });

  it("keeps the comment lines above a declaration with it (they document it)", () => {
    const text = "rest for 1 h\n# the number of passes\n# (not stated in the paper)\nparam n = 5\n";
    const pieces = splitTopLevel(text).map((c) => text.slice(c.start, c.end));
    expect(pieces[pieces.length - 1]).toBe("# the number of passes\n# (not stated in the paper)\nparam n = 5\n");
  });

  it("does not cut inside brackets that span lines, or after a string with a brace in it", () => {
    const text = 'param rates = [0.5C,\n  1C]\nlabel "{"\nrest for 1 h\n';
    const pieces = splitTopLevel(text).map((c) => text.slice(c.start, c.end));
    expect(pieces[0]).toBe("param rates = [0.5C,\n  1C]\n");
    expect(pieces).toContain('label "{"\n');
  });
});

describe("IncrementalParser", () => {
  it("parses every bundled protocol exactly as a whole-file parse does", () => {
    for (const { text } of protocols) expectSameAsWholeFile(new IncrementalParser(FILE), text);
  });

  it("reparses only the piece that changed", () => {
    const text = protocols.find((p) => p.name.includes("a03"))!.text;
    const parser = new IncrementalParser(FILE);
    const first = parser.parse(text);
    expect(first.parsedPieces).toBe(first.pieceStarts.length);
    const at = text.indexOf("discharge at rate");
    const edited = `${text.slice(0, at)}dis${text.slice(at)}`;
    const second = parser.parse(edited);
    expect(second.parsedPieces).toBe(1);
    expect(second.diagnostics.map((d) => d.code)).toEqual(["BTP1010"]);
    expectSameAsWholeFile(new IncrementalParser(FILE), edited);
  });

  it("moves the line quoted in an unclosed-block message with its piece", () => {
    const parser = new IncrementalParser(FILE);
    const text = "rest for 1 h\nrest for 2 h\nrepeat 3 {\n  rest for 1 h\n";
    expectSameAsWholeFile(parser, text);
    expect(parser.parse(text).diagnostics[0]!.message).toContain("opened at 3:1");
    expectSameAsWholeFile(parser, `rest for 5 min\n${text}`);
    expect(parser.parse(`rest for 5 min\n${text}`).diagnostics[0]!.message).toContain("opened at 4:1");
  });

  it("falls back to a whole-file parse for nesting too deep", () => {
    const deep = `rest for 1 h\n${"repeat 2 {\n".repeat(70)}`;
    expectSameAsWholeFile(new IncrementalParser(FILE), deep);
  });

  it("gives the whole-file result after any sequence of random edits of the bundled protocols", () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })),
    });
    fc.assert(
      fc.property(fc.constantFrom(...protocols), fc.array(edit, { minLength: 1, maxLength: 25 }), (protocol, edits) => {
        const parser = new IncrementalParser(FILE);
        let text = protocol.text;
        parser.parse(text);
        for (const { at, remove, insert } of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + remove));
          expectSameAsWholeFile(parser, text);
        }
      }),
      { numRuns: 60 },
    );
  });
});
