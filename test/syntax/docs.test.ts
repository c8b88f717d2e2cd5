// docs/language.md is the language reference: every example in it must parse, and together
// the examples must use every keyword.

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keywordWords } from "../../src/syntax/lexer.js";
import { parseSource } from "../../src/syntax/index.js";

const doc = readFileSync(path.resolve(import.meta.dirname, "../../docs/language.md"), "utf8");
const examples = [...doc.matchAll(/```btp\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("docs/language.md", () => {
  it("has examples", () => {
    expect(examples.length).toBeGreaterThan(25);
  });

  it.each(examples.map((text, i) => [i + 1, text] as const))("example %i parses without syntax errors", (_, text) => {
    const { diagnostics } = parseSource(text, "docs/language.md");
    expect(diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message}`)).toEqual([]);
  });

  it("shows every keyword in an example", () => {
    const words = new Set(
      examples
        .join("\n")
        .toLowerCase()
        .match(/[a-z]+/g),
    );
    expect(keywordWords.filter((k) => !words.has(k))).toEqual([]);
  });
});
