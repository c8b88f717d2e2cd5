// Bad input never throws, hangs or hits an internal error: random token soups built from the
// language's own words, and random mutations of a real protocol.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check/index.js";
import { COIN_CELL } from "./helpers.js";

const WORDS = [
  "charge", "discharge", "at", "until", "for", "or", "then", "hold", "rest", "ocv", "eis", "from", "to", "amplitude",
  "points", "per", "decade", "bias", "sweep", "cv", "between", "and", "cycles", "start", "temperature", "settle",
  "stable", "pause", "repeat", "times", "after", "cycle", "every", "stop", "if", "section", "limits", "record",
  "param", "sequence", "cell", "use", "import", "protocol", "label", "voltage", "current", "capacity", "of", "nominal",
  "discharge capacity", "coulombic efficiency", "end voltage", "kind full", "active mass", "specific capacity",
  "0.5C", "C/20", "3.9 V", "2 h", "1 mA", "0.1 mA/cm2", "100 mA/g", "-20 °C", "80 %", "5 mV", "1 MHz", "0.1 mV/s",
  "117.6 mAh/g", "2.5 mg", "1.13 cm2", "0", "1e12", "10000", "x", "s", "s()", "s(1 h)", "rate", "[", "]", "{", "}",
  "(", ")", ",", ";", "\n", "=", "+", "-", "*", "/", "<", ">", "..", '"t"', ":", "current density", "time",
];

const soup = fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((words) => words.join(" "));

function checkQuietly(text: string): void {
  const started = performance.now();
  const result = checkText(text, "/fuzz/main.btp", { readFile: () => undefined, maxNodes: 5000 });
  expect(performance.now() - started).toBeLessThan(2000);
  const internal = result.diagnostics.filter((d) => d.code === "BTP2099" || d.code === "BTP1099");
  expect(internal, text).toEqual([]);
  if (result.ir) expect(JSON.parse(JSON.stringify(result.ir))).toEqual(result.ir);
}

describe("fuzzing the checker", () => {
  it("token soups", () => {
    fc.assert(fc.property(soup, (text) => checkQuietly(text)), { numRuns: 300 });
  });

  it("token soups around a declared cell and sequence", () => {
    const prelude = `${COIN_CELL}param rate = 0.5C\nsequence s(t: time = 1 h) { rest for t }\n`;
    fc.assert(fc.property(soup, (text) => checkQuietly(prelude + text)), { numRuns: 300 });
  });

  it("random edits of a real protocol", () => {
    const base = `${COIN_CELL}param n = 5
for rate in [0.5C, 1C] { repeat n until discharge capacity < 80 % of cycle 1 { charge at rate until 3.9 V then hold until C/20; discharge at rate until 2.3 V; after cycle 2 { eis from 1 MHz to 10 mHz, amplitude 5 mV } } }
at -20 °C (settle 2 h) { rest for 1 h }
`;
    const edit = fc.tuple(fc.nat({ max: base.length }), fc.nat({ max: 12 }), fc.constantFrom(...WORDS));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = base;
        for (const [at, remove, insert] of edits) text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
        checkQuietly(text);
      }),
      { numRuns: 300 },
    );
  });
});
