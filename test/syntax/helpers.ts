// Shared helpers for the syntax tests.

import { expect } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { SourceFile, Statement, TopLevelItem } from "../../src/syntax/ast.js";
import { parseSource } from "../../src/syntax/index.js";

/** Parses text that must be free of diagnostics. */
export function parseOk(text: string, path = "test.btp"): SourceFile {
  const { file, diagnostics } = parseSource(text, path);
  expect(diagnostics.map(describe)).toEqual([]);
  return file;
}

/** The single item of a one-item text. */
export function only(text: string): TopLevelItem {
  const file = parseOk(text);
  expect(file.items).toHaveLength(1);
  return file.items[0]!;
}

export function onlyStatement(text: string): Statement {
  return only(text) as Statement;
}

/** Diagnostics of a text, as `CODE line:col message` lines (for readable failures). */
export function problems(text: string): Diagnostic[] {
  return parseSource(text, "test.btp").diagnostics;
}

export function describe(d: Diagnostic): string {
  return `${d.code} ${d.span.start.line}:${d.span.start.column} ${d.message}`;
}

/** A deep copy without spans, for comparing tree shapes. */
export function shape(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v) => (key === "span" || key === "keySpan" || key === "unitSpan" ? undefined : v)),
  );
}

/** The text a span covers. */
export function spanText(text: string, span: { start: { offset: number }; end: { offset: number } }): string {
  return text.slice(span.start.offset, span.end.offset);
}
