// Whatever text arrives, the YAML reader answers with diagnostics, never an exception, and every
// diagnostic points inside the text.

import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { parseYamlProtocol } from "../../../src/syntax/yaml/index.js";

const fixture = readFileSync(path.join(import.meta.dirname, "fixtures/a03-rate-60c.yaml"), "utf8");

/** Pieces that YAML and the btp format give meaning to, so that random joins reach deep code. */
const PIECES = [
  "steps:",
  "params:",
  "cells:",
  "sequences:",
  "limits:",
  "record:",
  "protocol:",
  "use cell:",
  "- ",
  "  ",
  "    ",
  "\n",
  "\n  - ",
  ": ",
  ", ",
  "{",
  "}",
  "[",
  "]",
  "? ",
  "---\n",
  "&a ",
  "*a",
  "!tag ",
  "#",
  '"',
  "'",
  "|\n",
  ">-\n",
  "\t",
  "\\",
  "\u00e9",
  "°C",
  "charge",
  "discharge",
  "rest",
  "hold",
  "eis",
  "cv",
  "sweep",
  "repeat",
  "for",
  "after",
  "every",
  "at",
  "until",
  "count",
  "variable",
  "in",
  "then hold",
  "settle",
  "label",
  "call",
  "sequence",
  "args",
  '"3.9 V"',
  '"0.5C"',
  '"C/20"',
  '"2 h"',
  '"until stable"',
  '"2.0 V .. 4.2 V"',
  '"voltage < 2.3 V"',
  '"discharge capacity < 80 % of cycle 1"',
  "rate",
  "5",
  "0.10",
  "null",
  "true",
  "~",
  '"Rest for 1 hour"',
];

function expectWellFormed(text: string, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^BTP\d{4}$/);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.span.start.offset).toBeGreaterThanOrEqual(0);
    expect(d.span.end.offset).toBeLessThanOrEqual(text.length);
    expect(d.span.start.offset).toBeLessThanOrEqual(d.span.end.offset);
    expect(d.span.start.line).toBeGreaterThanOrEqual(1);
    expect(d.span.start.column).toBeGreaterThanOrEqual(1);
  }
}

function readsSafely(text: string): void {
  const { file, diagnostics } = parseYamlProtocol(text, "fuzz.yaml");
  expect(Array.isArray(file.items)).toBe(true);
  expectWellFormed(text, diagnostics);
}

describe("parseYamlProtocol never throws", () => {
  it("on random YAML-ish text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => readsSafely(pieces.join(""))),
      { numRuns: 400 },
    );
  });

  it("on random strings", () => {
    fc.assert(fc.property(fc.string({ maxLength: 200, unit: "grapheme" }), readsSafely), { numRuns: 300 });
  });

  it("on random edits of a valid protocol", () => {
    const edit = fc.record({
      at: fc.nat({ max: fixture.length }),
      remove: fc.nat({ max: 8 }),
      insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = fixture;
        for (const { at, remove, insert } of edits) {
          const position = Math.min(at, text.length);
          text = text.slice(0, position) + insert + text.slice(position + remove);
        }
        readsSafely(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("scale", () => {
  it("reads a generated protocol of 5,000 steps in reasonable time", () => {
    const lines = ["steps:"];
    for (let i = 0; i < 2500; i++) {
      lines.push(`  - charge: { at: "${(i % 30) + 1}C", until: ["3.9 V", "2 h"], label: "cycle ${i}" }`);
      lines.push(`  - "discharge at ${(i % 30) + 1}C until 2.3 V"`);
    }
    const text = lines.join("\n");
    const started = performance.now();
    const { file, diagnostics } = parseYamlProtocol(text, "big.yaml");
    const elapsed = performance.now() - started;
    expect(diagnostics).toEqual([]);
    expect(file.items).toHaveLength(5000);
    expect(elapsed).toBeLessThan(15_000);
  });
});
