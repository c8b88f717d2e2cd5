// Test helpers the target tests share: protocols built with the real checker, the bundled
// protocols and the vendor samples, IR comparison that ignores where things came from (spans,
// file names), reviewed golden files, and the damaged-file check every importer must pass.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { expect } from "vitest";
import { checkFile, checkText } from "../../../src/check/index.js";
import { compileForTarget } from "../../../src/targets/common/compile.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../../src/ir/types.js";
import { validateIr } from "../../../src/ir/validate.js";
import type { CompileResult, Target } from "../../../src/targets/target.js";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const VENDOR_SAMPLES = "/work/shared/vendor-samples";
export const OPTIONS = { baseName: "test", btpVersion: "0.0.0-test" };

/** A coin cell of 0.294 mAh (2.5 mg × 117.6 mAh/g): 1C = 0.294 mA. */
export const COIN_CELL = `cell coin {
  kind full
  cathode NVP { active mass 2.5 mg, specific capacity 117.6 mAh/g }
  window 2.3 V .. 3.9 V
}
use cell coin
`;

/** The same cell with its electrode area too, so that current densities resolve. */
export const COIN_CELL_WITH_AREA = `cell coin {
  kind full
  cathode NVP { active mass 2.5 mg, specific capacity 117.6 mAh/g }
  area 1.131 cm2
  window 2.3 V .. 3.9 V
}
use cell coin
`;

export interface ProtocolOptions {
  /** The cell declaration to put first (COIN_CELL unless told), or false for none. */
  cell?: string | false;
  title?: string;
  /** The file the protocol is checked as (it becomes the IR's source). */
  file?: string;
}

/** Checks a protocol body (titled, with a cell) and returns its IR; fails the test on errors. */
export function protocolIr(body: string, options: ProtocolOptions = {}): ProtocolIR {
  const cell = options.cell === false ? "" : (options.cell ?? COIN_CELL);
  const source = `protocol "${options.title ?? "test protocol"}"\n${cell}${body}\n`;
  const result = checkText(source, options.file ?? "/virtual/test.btp", { readFile: () => undefined });
  expect(errorsOf(result.diagnostics).map((d) => `${d.code} ${d.message}`)).toEqual([]);
  expect(result.ir).not.toBeNull();
  return result.ir!;
}

/** The protocol as the PyBaMM, BattINFO and methods tests write it: the cell with its area,
 * checked as test.btp. */
export function protocolIrWithArea(body: string, title = "test protocol"): ProtocolIR {
  return protocolIr(body, { cell: COIN_CELL_WITH_AREA, title, file: "test.btp" });
}

/** A whole protocol written in a test, as if it were protocols/test.btp (so `use cell
 * "cells/…"` resolves); throws on errors. */
export function irOf(source: string): ProtocolIR {
  const result = checkText(source, "protocols/test.btp");
  const errors = errorsOf(result.diagnostics);
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("; "));
  return result.ir!;
}

/** A bundled protocol from protocols/ ("a08-cycling-5c-10000-cycles", with or without .btp),
 * checked from disk with a path relative to the repository (so that file headers do not name
 * this machine). */
export function bundledIr(name: string): ProtocolIR {
  const file = name.endsWith(".btp") ? name : `${name}.btp`;
  const result = checkFile(path.relative(process.cwd(), path.join(ROOT, "protocols", file)));
  expect(errorsOf(result.diagnostics)).toEqual([]);
  return result.ir!;
}

/** The bundled protocols the document and simulator targets keep reviewed goldens for. */
export const GOLDEN_PROTOCOLS = ["a03-rate-capability-60c", "a08-cycling-5c-10000-cycles", "b05-cycling-25degc", "b06-rate-capability"];

/** The bundled protocols' file names, sorted. */
export function bundledNames(): string[] {
  return readdirSync(path.join(ROOT, "protocols"))
    .filter((f) => f.endsWith(".btp"))
    .sort();
}

/** A vendor sample: sample("maccor", "EXP.000"). */
export function sample(target: string, name: string): Uint8Array {
  return readFileSync(path.join(VENDOR_SAMPLES, target, name));
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

/** The distinct codes, sorted. */
export function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => d.code))].sort();
}

/** Every code, repeats included, in the order reported. */
export function codesInOrder(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

/** Bytes as text (UTF-8 unless told), keeping a byte-order mark if there is one. */
export function text(content: Uint8Array, encoding = "utf-8"): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(content);
}

/** The one file of a compile that must succeed. */
export function onlyFile(result: CompileResult): Uint8Array {
  expect(errorsOf(result.diagnostics)).toEqual([]);
  expect(result.files).toHaveLength(1);
  return result.files[0]!.content;
}

/** The one file of a compile that must succeed, as text that must be valid UTF-8. */
export function onlyText(result: CompileResult): string {
  expect(errorsOf(result.diagnostics).map((d) => `${d.code} ${d.message}`)).toEqual([]);
  expect(result.files).toHaveLength(1);
  return new TextDecoder("utf-8", { fatal: true }).decode(result.files[0]!.content);
}

/** Compares output (bytes read as UTF-8, or text) with a reviewed golden file in `dir`/golden;
 * BTP_UPDATE_GOLDEN=1 writes it instead (then review the diff like code). */
export function expectGolden(dir: string, name: string, content: Uint8Array | string): void {
  const file = path.join(dir, "golden", name);
  if (updatingGoldens()) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  if (!existsSync(file)) throw new Error(`golden file ${name} is missing: run with BTP_UPDATE_GOLDEN=1 and review it`);
  expect(typeof content === "string" ? content : text(content)).toBe(text(readFileSync(file)));
}

/** UPDATE_GOLDEN=1 is the older spelling, still accepted. */
function updatingGoldens(): boolean {
  return process.env.BTP_UPDATE_GOLDEN === "1" || process.env.UPDATE_GOLDEN === "1";
}

/** What an importer read, compiled with the same target and imported again, has the same
 * meaning: nothing is lost or changed on the way. */
export function expectSameAfterRoundTrip(target: Target, first: ProtocolIR | null, againName: string): void {
  const compiled = target.compile(first!, OPTIONS);
  expect(errorsOf(compiled.diagnostics)).toEqual([]);
  const again = target.import!(compiled.files[0]!.content, againName);
  expect(errorsOf(again.diagnostics)).toEqual([]);
  expect(meaning(again.ir)).toEqual(meaning(first));
}

/** A bundled protocol either compiles, and the file imports back without errors, or is refused
 * with errors whose codes all match `refusals` (the reasons the target may give). */
export function expectCompiledOrRefused(target: Target, name: string, refusals: RegExp, extension: string): void {
  const result = compileForTarget(target, bundledIr(name), { baseName: name, btpVersion: "0.0.0-test" });
  if (result.files.length === 0) {
    expect(errorsOf(result.diagnostics).length).toBeGreaterThan(0);
    for (const d of errorsOf(result.diagnostics)) expect(d.code).toMatch(refusals);
    return;
  }
  const back = target.import!(result.files[0]!.content, `${name}${extension}`);
  expect(errorsOf(back.diagnostics)).toEqual([]);
}

/** Damaged copies of real files (bytes flipped, the end cut off) never make an importer throw:
 * it imports them or says why not. */
export function expectImportSurvivesDamage(target: Target, originals: readonly Uint8Array[]): void {
  fc.assert(
    fc.property(
      fc.nat(originals.length - 1),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
      fc.option(fc.nat()),
      (which, flips, cut) => {
        const bytes = Uint8Array.from(originals[which]!);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        const damaged = cut === null ? bytes : bytes.subarray(0, cut % bytes.length);
        const result = target.import!(damaged, "damaged");
        expect(result.ir !== null || result.diagnostics.some((d) => d.severity === "error")).toBe(true);
      },
    ),
    { numRuns: 150 },
  );
}
