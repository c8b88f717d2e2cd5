// The shapes the checker hands back to its callers (CLI, language server, YAML front end).

import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../ir/types.js";
import type { SourceFile } from "../syntax/ast.js";
import type { QuantityKind } from "../units/index.js";

export interface CheckOptions {
  /** `--set name=value`; each value is parsed as an expression (file `<--set>`). */
  overrides?: { name: string; value: string }[];
  /** Reads an imported file; undefined means it could not be read. Defaults to the disk. */
  readFile?: (absolutePath: string) => string | undefined;
  /** Cap on IR nodes after expanding sweeps and sequence calls (default 100 000). */
  maxNodes?: number;
  /** Folder a relative main path is resolved against, for imports (default: the process's
   * working directory). The CLI passes its own working directory so tests can drive it. */
  baseDir?: string;
}

/** A quantity the user wrote, resolved, for hovers: "0.147 mA = 0.5C × 0.294 mAh / 1 h". */
export interface QuantityAnnotation {
  span: Span;
  /** The kind of `si`: for a quantity resolved through the cell (a C-rate, mA/cm², mA/g, mAh/g)
   * that is the current or capacity it resolved to, not the kind as written. */
  kind: QuantityKind | null;
  /** SI value, or null when it could not be worked out (inside a sequence nobody calls). */
  si: number | null;
  display: string;
  derivation?: string;
}

export type DefinitionKind = "param" | "sequence" | "cell" | "sequenceParam" | "sweepVariable";

export interface SymbolDefinition {
  name: string;
  kind: DefinitionKind;
  span: Span;
  nameSpan: Span;
  file: string;
}

export interface SymbolReference {
  name: string;
  span: Span;
  /** Index into `definitions`. */
  definition: number;
}

/** For the language server: go-to-definition, find references, rename. */
export interface SymbolIndex {
  definitions: SymbolDefinition[];
  references: SymbolReference[];
}

export interface CheckResult {
  /** Null when any error was found. */
  ir: ProtocolIR | null;
  /** Sorted; includes the parse diagnostics of every file read. */
  diagnostics: Diagnostic[];
  /** The main file and every import, by absolute path. */
  files: Map<string, SourceFile>;
  symbols: SymbolIndex;
  /** Every quantity the user wrote, resolved as far as possible (even when errors exist). */
  annotations: QuantityAnnotation[];
}
