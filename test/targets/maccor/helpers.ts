// Test helpers for the Maccor and LAND targets: protocols built with the real checker, vendor
// samples, IR comparison without spans, and reviewed golden files (UPDATE_GOLDEN=1 rewrites them).

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { checkFile, checkText } from "../../../src/check/index.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../../src/ir/types.js";
import { validateIr } from "../../../src/ir/validate.js";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const SAMPLES = "/work/shared/vendor-samples/maccor";
export const OPTIONS = { baseName: "test", btpVersion: "0.0.0-test" };

/** A coin cell of 0.294 mAh (2.5 mg × 117.6 mAh/g): 1C = 0.294 mA. */
export const CELL = `cell coin {
  kind full
  cathode NVP { active mass 2.5 mg, specific capacity 117.6 mAh/g }
  window 2.3 V .. 3.9 V
}
use cell coin
`;

/** Checks a protocol body (with the coin cell unless `cell` is false) and returns its IR; fails
 * the test on errors. */
export function protocolIr(body: string, options: { cell?: boolean; title?: string } = {}): ProtocolIR {
  const source = `protocol "${options.title ?? "test protocol"}"\n${options.cell === false ? "" : CELL}${body}\n`;
  const result = checkText(source, "/virtual/test.btp", { readFile: () => undefined });
  expect(result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.message}`)).toEqual([]);
  expect(result.ir).not.toBeNull();
  return result.ir!;
}

/** A bundled protocol from protocols/, checked from disk with a path relative to the repository
 * (so that file headers do not name this machine). */
export function bundledIr(name: string): ProtocolIR {
  const result = checkFile(path.relative(process.cwd(), path.join(ROOT, "protocols", `${name}.btp`)));
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.ir!;
}

export const MACCOR_SAMPLES = [
  "EXP.000",
  "Short_PreDiag_000173.000",
  "diagnosticV5.000",
  "drivingV1.000",
  "goto_end_example.000",
  "name_000000.000",
  "test_mwf_LA4.000",
  "xTESLADIAG_000004_CH69.000",
];

export function sample(name: string): Uint8Array {
  return readFileSync(path.join(SAMPLES, name));
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

/** UTF-8 text, keeping a byte-order mark if there is one. */
export function text(content: Uint8Array): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(content);
}

/** Compares output with a reviewed golden file beside the test; UPDATE_GOLDEN=1 writes it
 * instead (then review the diff like code). */
export function expectGolden(dir: string, name: string, content: Uint8Array): void {
  const file = path.join(dir, "golden", name);
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    if (process.env.UPDATE_GOLDEN !== "1") throw new Error(`golden file ${name} is missing: run with UPDATE_GOLDEN=1 and review it`);
    writeFileSync(file, content);
  }
  expect(text(content)).toBe(text(readFileSync(file)));
}
