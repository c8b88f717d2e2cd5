// Shared helpers for the formatter tests.

import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { firstTreeDifference } from "../../src/format/verify.js";
import type { SourceFile } from "../../src/syntax/ast.js";
import { parseSource } from "../../src/syntax/index.js";

export const repoRoot = path.resolve(import.meta.dirname, "../..");

/** Parses text that must have no syntax error. */
export function parsed(text: string): SourceFile {
  const { file, diagnostics } = parseSource(text, "test.btp");
  expect(diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message}`)).toEqual([]);
  return file;
}

/** The comments of a text, in order, as written (trailing blanks aside). */
export function commentsOf(text: string): string[] {
  return parsed(text).comments.map((c) => c.text.trimEnd());
}

/** Checks the formatter's three promises for one input and its output: the same syntax tree
 * (positions aside), the same comments in the same order, and output that formats to itself. */
export function expectSameProtocol(input: string, output: string): void {
  expect(firstTreeDifference(parsed(input).items, parsed(output).items)).toBeNull();
  expect(commentsOf(output)).toEqual(commentsOf(input));
}

/** Every file with the given extension under a folder, sorted. */
export function filesUnder(dir: string, extension: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, extension));
    else if (entry.name.endsWith(extension)) found.push(full);
  }
  return found.sort();
}

export function read(file: string): string {
  return readFileSync(file, "utf8");
}
