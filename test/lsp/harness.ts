// Starting the built language server for a test, and a small protocol project on disk for it to
// read imports from. The server is the compiled one (CI runs `npm run build` before vitest).

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Position } from "vscode-languageserver-protocol";
import { StdioLanguageClient } from "../../src/lsp/client/stdio-client.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/** The server alone (what `btp lsp --stdio` runs, without loading the other commands). */
export const LSP_MAIN = path.join(ROOT, "dist", "src", "lsp", "main.js");
export const BTP_BIN = path.join(ROOT, "bin", "btp.js");

export function startServer(cwd: string): StdioLanguageClient {
  if (!existsSync(LSP_MAIN)) throw new Error("the language server tests start the built server: run `npm run build` first");
  return new StdioLanguageClient([LSP_MAIN, "--stdio"], cwd);
}

export interface Project {
  dir: string;
  path(relative: string): string;
  uri(relative: string): string;
  write(relative: string, text: string): void;
  remove(): void;
}

export function makeProject(files: Record<string, string>): Project {
  const dir = mkdtempSync(path.join(tmpdir(), "btp-lsp-test-"));
  const project: Project = {
    dir,
    path: (relative) => path.join(dir, relative),
    uri: (relative) => pathToFileURL(path.join(dir, relative)).href,
    write: (relative, text) => {
      mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      writeFileSync(path.join(dir, relative), text);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [relative, text] of Object.entries(files)) project.write(relative, text);
  return project;
}

/** The LSP position of the `occurrence`-th `needle` in `text`, `shift` characters into it. */
export function positionOf(text: string, needle: string, shift = 0, occurrence = 0): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`\`${needle}\` (#${occurrence}) is not in the text`);
  }
  const offset = index + shift;
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyEdits(text: string, edits: { range: { start: Position; end: Position }; newText: string }[]): string {
  const offsetAt = (p: Position) => {
    const lines = text.split("\n");
    let offset = 0;
    for (let i = 0; i < p.line; i++) offset += lines[i]!.length + 1;
    return offset + p.character;
  };
  const sorted = [...edits].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offsetAt(edit.range.start)) + edit.newText + result.slice(offsetAt(edit.range.end));
  return result;
}

/** A coin cell whose 1C is 0.294 mA (2.5 mg × 117.6 mAh/g), window 2.3 V .. 3.9 V. */
export const COIN_CELL = `# The A3 coin cell.
cell coin "Na | CGE | NVP coin cell" {
  kind full
  cathode "NVP" { active mass 2.5 mg, specific capacity 117.6 mAh/g }
  area 1.131 cm2
  window 2.3 V .. 3.9 V
}
`;

export const LIBRARY = `# Shared sequences.
sequence cycle_once(rate: c-rate) {
  charge at rate until 3.9 V
  discharge at rate until 2.3 V
}
`;

export const MAIN = `protocol "LSP test"
import "lib/seq.btp"
use cell "cells/coin.btp"

param passes = 3      # how many formation cycles
param rate = 0.5C

section "formation" {
  repeat passes {
    charge at rate until 3.9 V
    discharge at rate until 2.3 V
  }
}
cycle_once(1C)
rest for 10 min
`;
