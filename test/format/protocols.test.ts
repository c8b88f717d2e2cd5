// The formatter over real protocols: every bundled protocol (protocols/**), the syntax test
// fixtures and every btp example of the docs. Formatting keeps the protocol and its comments and
// is idempotent; the bundled protocols are already formatted (CI runs `btp fmt --check
// protocols`).

import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatBtp } from "../../src/format/index.js";
import { parseSource } from "../../src/syntax/index.js";
import { expectSameProtocol, filesUnder, read, repoRoot } from "./helpers.js";

const bundled = filesUnder(path.join(repoRoot, "protocols"), ".btp");
const fixtures = filesUnder(path.join(repoRoot, "test/syntax/fixtures"), ".btp");

/** The ```btp blocks of the docs that parse without errors (some show mistakes on purpose). */
function docExamples(): [string, string][] {
  const examples: [string, string][] = [];
  for (const file of filesUnder(path.join(repoRoot, "docs"), ".md")) {
    const blocks = [...read(file).matchAll(/```btp\n([\s\S]*?)```/g)].map((m) => m[1]!);
    blocks.forEach((block, i) => {
      const errors = parseSource(block, "doc.btp").diagnostics.filter((d) => d.severity === "error");
      if (errors.length === 0) examples.push([`${path.relative(repoRoot, file)} #${i + 1}`, block]);
    });
  }
  return examples;
}

const relative = (file: string) => path.relative(repoRoot, file);

describe("bundled protocols", () => {
  it("are all found", () => {
    expect(bundled.length).toBeGreaterThanOrEqual(25);
  });

  it.each(bundled.map((f) => [relative(f), f] as const))("%s: formatting keeps it and is idempotent", async (_name, file) => {
    const text = read(file);
    const once = await formatBtp(text);
    expectSameProtocol(text, once);
    expect(await formatBtp(once)).toBe(once);
  });

  it.each(bundled.map((f) => [relative(f), f] as const))("%s is formatted (run `btp fmt protocols`)", async (_name, file) => {
    const text = read(file);
    expect(await formatBtp(text)).toBe(text);
  });
});

describe("syntax fixtures and doc examples", () => {
  const corpus: [string, string][] = [...fixtures.map((f) => [relative(f), read(f)] as [string, string]), ...docExamples()];

  it("has a corpus", () => {
    expect(corpus.length).toBeGreaterThan(20);
  });

  it.each(corpus)("%s: formatting keeps it and is idempotent", async (_name, text) => {
    const once = await formatBtp(text);
    expectSameProtocol(text, once);
    expect(await formatBtp(once)).toBe(once);
  });
});
