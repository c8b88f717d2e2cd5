// Property: the formatted text does not depend on how the input was spaced or how its keywords
// were capitalised. Each bundled protocol and golden output is re-spaced at random (blanks between
// tokens on lines without comments, any case for keywords), and must format to the same text.
// Random text must never make the formatter throw.

import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatBtp, tryFormatBtp } from "../../src/format/index.js";
import { parseCst, parseSource } from "../../src/syntax/index.js";
import { filesUnder, read, repoRoot } from "./helpers.js";

const corpus = [
  ...filesUnder(path.join(repoRoot, "protocols"), ".btp"),
  ...filesUnder(path.join(import.meta.dirname, "golden"), ".output.btp"),
].map((file) => ({ name: path.relative(repoRoot, file), text: read(file) }));

interface Token {
  start: number;
  end: number;
  keyword: boolean;
}

/** The tokens of a text (comments and newlines excluded). */
function tokensOf(text: string): Token[] {
  const { tokens } = parseCst(text, "noise.btp");
  return tokens
    .filter((t) => t.tokenType.name !== "Newline")
    .map((t) => ({
      start: t.startOffset,
      end: t.startOffset + t.image.length,
      keyword: /^[A-Za-z]+$/.test(t.image) && t.tokenType.name !== "Identifier",
    }));
}

/** Re-spaces a text: `choices` supplies one random number per decision. Lines with a comment
 * keep their spacing (it places the comment), and so do cells: a bare cell word such as
 * `NVP-K0.05` is kept exactly as written, spaces included. */
function addNoise(text: string, choices: number[]): string {
  let choice = 0;
  const next = (n: number) => choices[choice++ % choices.length]! % n;
  const cells = parseSource(text, "noise.btp")
    .file.items.filter((item) => item.kind === "CellDecl")
    .map((cell) => [cell.span.start.offset, cell.span.end.offset] as const);
  const keepSpacing = (offset: number) => {
    const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
    const lineEnd = text.indexOf("\n", offset);
    const inCell = cells.some(([start, end]) => offset >= start && offset < end);
    return inCell || text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).includes("#");
  };
  const tokens = tokensOf(text);
  let out = "";
  let position = 0;
  for (const token of tokens) {
    const gap = text.slice(position, token.start);
    if (position > 0 && /^[ \t]*$/.test(gap) && !keepSpacing(token.start)) {
      const blanks = ["", " ", "  ", "\t", " \t "];
      out += gap === "" ? blanks[next(2)] : blanks[1 + next(4)];
    } else {
      out += gap;
    }
    const image = text.slice(token.start, token.end);
    out += token.keyword ? [...image].map((ch) => (next(2) ? ch.toUpperCase() : ch)).join("") : image;
    position = token.end;
  }
  return out + text.slice(position);
}

describe("layout noise", () => {
  it.each(corpus.map((c) => [c.name, c.text] as const))("%s formats the same however it is spaced", async (_name, text) => {
    const expected = await formatBtp(text);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(1000), { minLength: 1, maxLength: 64 }), async (choices) => {
        const noisy = addNoise(text, choices);
        expect(await formatBtp(noisy)).toBe(expected);
      }),
      { numRuns: 15 },
    );
  });

  it("the noise is real", () => {
    const text = "repeat 2 {\n  charge at 1C until 4.2 V\n}\n";
    const noisy = addNoise(text, [1, 3, 1, 2, 0, 1]);
    expect(noisy).not.toBe(text);
    expect(noisy.replace(/\s+/g, "").toLowerCase()).toBe(text.replace(/\s+/g, "").toLowerCase());
  });
});

describe("random text", () => {
  const fragments = [
    "repeat 3 {", "}", "{", "charge at 1C until 4.2 V", "rest for 1 h", "# note", "\n", "; ", ", ", "[", "]", "(",
    ")", "param x = ", "5 mV", "C/20", "cell c {", "kind full", '"str"', '"open', "limits {", "voltage 2 V .. 4 V",
    "until", "or", "-", "*", "sequence s(a: time)", "s(1 h)", "for r in [1C] ", "µ", "\t", "\r\n", "≥", "−",
  ];
  it("never makes the formatter throw; what it formats, it keeps", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), async (parts) => {
        const text = parts.join("");
        const outcome = await tryFormatBtp(text);
        if (outcome.formatted === null) {
          expect(outcome.diagnostics.length).toBeGreaterThan(0);
          expect(outcome.diagnostics.every((d) => d.code !== "BTP8002")).toBe(true);
        } else {
          expect((await tryFormatBtp(outcome.formatted)).formatted).toBe(outcome.formatted);
        }
      }),
      { numRuns: 300 },
    );
  });
});
