import { describe, expect, it } from "vitest";
import { KEYWORD_DOCS } from "../../src/lsp/keyword-docs.js";
import { keywordWords } from "../../src/syntax/index.js";
import { parseSource } from "../../src/syntax/index.js";

describe("keyword documentation", () => {
  it("documents every reserved word, and nothing that is not one", () => {
    expect(Object.keys(KEYWORD_DOCS).sort()).toEqual([...keywordWords].sort());
  });

  it("gives examples that parse (a `…` stands for a block body)", () => {
    for (const [word, doc] of Object.entries(KEYWORD_DOCS)) {
      for (const line of doc.example.split("\n")) {
        const text = line.replace("{ … }", "{ rest for 1 h }");
        const syntaxErrors = parseSource(text, "example.btp").diagnostics.filter((d) => d.severity === "error");
        expect(syntaxErrors.map((d) => d.message), `${word}: ${text}`).toEqual([]);
      }
    }
  });
});
