// Test inputs for the biologic target: bundled protocols checked with the real checker (named
// relative to the repository so that golden headers do not depend on where it is checked out),
// protocols written in a test, and the real EC-Lab samples.

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { checkText } from "../../../src/check/index.js";
import type { ProtocolIR } from "../../../src/ir/types.js";
import { decodeText } from "../../../src/targets/common/text.js";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const SAMPLES = "/work/shared/vendor-samples/biologic";
export const OPTIONS = { baseName: "test", btpVersion: "0.0.0-test" };

export function bundledIr(name: string): ProtocolIR {
  const file = `protocols/${name}`;
  const result = checkText(readFileSync(path.join(ROOT, file), "utf8"), file);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.ir!;
}

export function bundledNames(): string[] {
  return readdirSync(path.join(ROOT, "protocols")).filter((f) => f.endsWith(".btp")).sort();
}

/** A protocol written in a test, as if it were protocols/test.btp (so cells/… resolve). */
export function irOf(source: string): ProtocolIR {
  const result = checkText(source, "protocols/test.btp");
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("; "));
  return result.ir!;
}

export function sampleNames(extension: string): string[] {
  return readdirSync(SAMPLES).filter((f) => f.toLowerCase().endsWith(extension)).sort();
}

export function sampleBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SAMPLES, name)));
}

export function cp1252(bytes: Uint8Array): string {
  return decodeText(bytes, "cp1252")!;
}

/** The IR without where things were written (spans): what must survive a round trip. */
export function withoutSpans(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v) => (key === "span" ? undefined : v)));
}

/** The parameter rows of technique `n` (1-based) of an .mps text: [name, cells]. */
export function techniqueRows(text: string, n: number): [string, string[]][] {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === `Technique : ${n}`);
  const rows: [string, string[]][] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.trim() !== "" && !lines[i]!.startsWith("Technique"); i++) {
    const line = lines[i]!;
    const cells: string[] = [];
    for (let at = 20; at < line.length; at += 20) cells.push(line.slice(at, at + 20).trim());
    rows.push([line.slice(0, 20).trim(), cells]);
  }
  return rows;
}

export function cell(text: string, technique: number, row: string, column = 0): string | undefined {
  return techniqueRows(text, technique).find(([name]) => name === row)?.[1][column];
}
