// Shared by the YAML front-end tests: parse both ways and compare trees without positions.

import { expect } from "vitest";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import type { TopLevelItem } from "../../../src/syntax/ast.js";
import { parseSource } from "../../../src/syntax/index.js";
import { parseYamlProtocol } from "../../../src/syntax/yaml/index.js";

export const YAML_PATH = "lab/protocol.yaml";

/** A tree without its positions (`span`, `unitSpan`, `keySpan`): what two spellings share. */
export function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "span" && key !== "unitSpan" && key !== "keySpan")
      .map(([key, field]) => [key, withoutSpans(field)]),
  );
}

/** The items of a YAML protocol that must read without any diagnostic. */
export function yamlItems(yaml: string): TopLevelItem[] {
  const { file, diagnostics } = parseYamlProtocol(yaml, YAML_PATH);
  expect(diagnostics, `diagnostics for:\n${yaml}`).toEqual([]);
  return file.items;
}

/** The items of a .btp text that must parse without any diagnostic. */
export function btpItems(btp: string): TopLevelItem[] {
  const { file, diagnostics } = parseSource(btp, "lab/protocol.btp");
  expect(diagnostics, `diagnostics for:\n${btp}`).toEqual([]);
  return file.items;
}

/** Asserts that the YAML and the .btp text build the same tree, positions aside. */
export function expectSameTree(yaml: string, btp: string): void {
  expect(withoutSpans(yamlItems(yaml))).toEqual(withoutSpans(btpItems(btp)));
}

export function yamlDiagnostics(yaml: string): Diagnostic[] {
  return parseYamlProtocol(yaml, YAML_PATH).diagnostics;
}

/** `[code, line, column, message]` of each diagnostic, for compact expectations. */
export function summary(diagnostics: readonly Diagnostic[]): [string, number, number, string][] {
  return diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column, d.message]);
}
