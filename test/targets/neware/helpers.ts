// Test helpers shared by the Neware and Arbin target tests: protocols built with the real
// checker, and IR comparison that ignores where things came from (spans, file names).

import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { checkFile, checkText } from "../../../src/check/index.js";
import type { ProtocolIR } from "../../../src/ir/types.js";
import { validateIr } from "../../../src/ir/validate.js";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const SAMPLES = "/work/shared/vendor-samples";
export const OPTIONS = { baseName: "test", btpVersion: "0.0.0-test" };

/** A coin cell of 0.294 mAh (2.5 mg × 117.6 mAh/g): 1C = 0.294 mA. */
export const CELL = `cell coin {
  kind full
  cathode NVP { active mass 2.5 mg, specific capacity 117.6 mAh/g }
  window 2.3 V .. 3.9 V
}
use cell coin
`;

/** Checks a protocol body (with the coin cell) and returns its IR; fails the test on errors. */
export function protocolIr(body: string, title = "test protocol"): ProtocolIR {
  const source = `protocol "${title}"\n${CELL}${body}\n`;
  const result = checkText(source, "/virtual/test.btp", { readFile: () => undefined });
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((d) => `${d.code} ${d.message}`)).toEqual([]);
  expect(result.ir).not.toBeNull();
  return result.ir!;
}

/** A bundled protocol from protocols/, checked from disk. */
export function bundledIr(name: string): ProtocolIR {
  // A path relative to the repository, so that file headers (Source: …) do not name this machine.
  const result = checkFile(path.relative(process.cwd(), path.join(ROOT, "protocols", name)));
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.ir!;
}

export function sample(target: string, name: string): Uint8Array {
  return readFileSync(path.join(SAMPLES, target, name));
}

/** The IR without spans and the source file name: what must survive a round trip. */
export function meaning(ir: ProtocolIR | null): unknown {
  expect(ir).not.toBeNull();
  return JSON.parse(JSON.stringify(ir, (key, value) => (key === "span" || key === "source" ? undefined : value)));
}

export function expectValidIr(ir: ProtocolIR | null): void {
  expect(ir).not.toBeNull();
  expect(validateIr(ir).errors).toEqual([]);
}

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "error");
}

export function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => d.code))].sort();
}

export function text(content: Uint8Array, encoding = "utf-8"): string {
  return new TextDecoder(encoding).decode(content);
}
