// Test inputs for the biologic target: the real EC-Lab samples, and reading the .mps text that
// comes out. The protocols (bundled or written in a test) come from ../common/helpers.ts.

import { readdirSync } from "node:fs";
import { decodeText } from "../../../src/targets/common/text.js";
import { sample, VENDOR_SAMPLES } from "../common/helpers.js";

const SAMPLES = `${VENDOR_SAMPLES}/biologic`;

export function sampleNames(extension: string): string[] {
  return readdirSync(SAMPLES).filter((f) => f.toLowerCase().endsWith(extension)).sort();
}

export function sampleBytes(name: string): Uint8Array {
  return new Uint8Array(sample("biologic", name));
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
