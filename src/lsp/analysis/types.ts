// What a full check of one open protocol leaves for the editor features. It is plain data
// (no classes, no Maps) because it is made in the checking thread and posted to the server.

import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import type { SymbolIndex } from "../../check/index.js";
import type { DurationBounds } from "../../ir/estimate.js";
import type { NodeIR } from "../../ir/types.js";
import type { QuantityKind } from "../../units/index.js";

/** A protocol to check: the text of an open document at one version. */
export interface AnalysisRequest {
  /** Absolute path the document stands for (imports resolve against it). */
  path: string;
  version: number;
  text: string;
}

/** The estimate of one place in the source. A step inside a sweep or a sequence is expanded
 * into several IR nodes that share its span; they are summed up here. */
export interface NodeFacts {
  span: Span;
  kind: NodeIR["kind"];
  /** How many IR nodes this place became (values of a sweep, calls of a sequence). */
  instances: number;
  /** Executions over the whole test, if every loop runs to its count. */
  runs: number;
  /** Expected duration of one run: the shortest and the longest over the instances. */
  expectedPerRun: { low: number; high: number };
  /** All runs together. */
  total: DurationBounds;
}

/** A quantity written in the main file, as the checker resolved it (see QuantityAnnotation in
 * src/check/result.ts). Offsets only: these are many, and posted from the checking thread. */
export interface QuantityFacts {
  start: number;
  end: number;
  kind: QuantityKind | null;
  si: number | null;
  display: string;
  derivation: string | null;
}

/** The facts about the cell in use that quick fixes need. */
export interface CellFacts {
  name: string;
  /** V */
  window: { min: number; max: number } | null;
  /** Whether a C-rate can be resolved (nominal capacity, or active mass × specific capacity). */
  knowsOneC: boolean;
}

/** The estimates of one checked version, sent after its diagnostics. */
export interface EstimateReport {
  path: string;
  version: number;
  nodes: NodeFacts[];
}

export interface Analysis {
  path: string;
  version: number;
  /** The main file's own syntax diagnostics (the server also has them, from its own parse). */
  parseDiagnostics: Diagnostic[];
  /** Every other diagnostic of the check, in any file. */
  checkDiagnostics: Diagnostic[];
  symbols: SymbolIndex;
  /** Quantities written in the main file, sorted by where they start. */
  quantities: QuantityFacts[];
  /** Estimates of the main file's steps, loops and groups: empty while the protocol has errors,
   * and until the estimates of this version arrive (they follow the diagnostics). */
  nodes: NodeFacts[];
  cell: CellFacts | null;
  /** Every file the check read besides the main file, with the import in the main file that
   * leads to it (for showing an imported file's problems at that import). */
  imports: { path: string; via: Span | null }[];
  /** Milliseconds the check took in its thread. */
  checkMs: number;
}
