// Shared helpers for the checker tests: check a protocol held in memory (with an in-memory file
// system for imports) and read back diagnostics by code, with the exact text their span covers.

import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { checkText } from "../../src/check/index.js";
import type { CheckOptions, CheckResult } from "../../src/check/index.js";

export const MAIN = "/lab/protocols/main.btp";

export interface Checked extends CheckResult {
  /** Every diagnostic code, in order. */
  codes: string[];
  /** The first diagnostic with this code (fails the test if there is none). */
  first(code: string): Diagnostic;
  /** The source text the first diagnostic with this code points at. */
  spanText(code: string): string;
}

/** Checks `text` as /lab/protocols/main.btp; `files` maps absolute paths to imported texts. */
export function check(text: string, files: Record<string, string> = {}, options: CheckOptions = {}): Checked {
  const result = checkText(text, MAIN, { readFile: (path) => files[path], ...options });
  const sources = new Map<string, string>([[MAIN, text]]);
  for (const file of result.files.values()) sources.set(file.path, file.text);
  const first = (code: string): Diagnostic => {
    const found = result.diagnostics.find((d) => d.code === code);
    if (!found) throw new Error(`expected ${code}, got ${JSON.stringify(result.diagnostics.map((d) => `${d.code} ${d.message}`))}`);
    return found;
  };
  return {
    ...result,
    codes: result.diagnostics.map((d) => d.code),
    first,
    spanText(code: string): string {
      const d = first(code);
      const source = sources.get(d.span.file) ?? "";
      return source.slice(d.span.start.offset, d.span.end.offset);
    },
  };
}

/** Only the errors and warnings, as "CODE message" lines, for readable failures. */
export function problems(result: CheckResult): string[] {
  return result.diagnostics.map((d) => `${d.code} ${d.message}`);
}

/** A protocol with a cell whose 1C is 0.294 mA (2.5 mg × 117.6 mAh/g), an area of 1.13 cm²
 * and a 2.3–3.9 V window: the A3 coin cell of Shen et al. */
export const COIN_CELL = `cell coin "Na | CGE | NVP-K0.05 coin cell" {
  kind full
  cathode "NVP-K0.05" { active mass 2.5 mg, specific capacity 117.6 mAh/g }
  area 1.13 cm2
  window 2.3 V .. 3.9 V
}
`;
