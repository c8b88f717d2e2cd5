// The state one check carries through its walk: diagnostics (deduplicated, because sweep and
// sequence bodies are walked once per value), the source texts, the symbol index for the
// language server, the literals to annotate, and the node budget.

import { DiagnosticBag } from "../diagnostics/diagnostic.js";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import type { DefinitionKind, SymbolIndex } from "./result.js";
import type { CellFacts } from "./cell.js";
import type { Value } from "./values.js";

export const DEFAULT_MAX_NODES = 100_000;

/** Which cell gives meaning to relative quantities, or why there is none. */
export type CellChoice =
  | { status: "chosen"; facts: CellFacts }
  | { status: "none" }
  | { status: "several"; names: string[] }
  /** `use cell` named something that failed: already reported, stay quiet. */
  | { status: "broken" };

export function spanKey(span: Span): string {
  return `${span.file}\u0000${span.start.offset}\u0000${span.end.offset}`;
}

export class SymbolTable {
  readonly index: SymbolIndex = { definitions: [], references: [] };
  private readonly definitionByKey = new Map<string, number>();
  private readonly referenceKeys = new Set<string>();

  /** Registers a definition once (bodies walked several times define the same names again). */
  define(name: string, kind: DefinitionKind, span: Span, nameSpan: Span): number {
    const key = spanKey(nameSpan);
    const existing = this.definitionByKey.get(key);
    if (existing !== undefined) return existing;
    const index = this.index.definitions.length;
    this.index.definitions.push({ name, kind, span, nameSpan, file: nameSpan.file });
    this.definitionByKey.set(key, index);
    return index;
  }

  reference(name: string, span: Span, definition: number | null): void {
    if (definition === null) return;
    const key = spanKey(span);
    if (this.referenceKeys.has(key)) return;
    this.referenceKeys.add(key);
    this.index.references.push({ name, span, definition });
  }
}

export class CheckContext {
  private readonly bag = new DiagnosticBag();
  private readonly seen = new Set<string>();
  /** Source text by the file name spans use, to print values back as written. */
  readonly texts = new Map<string, string>();
  readonly symbols = new SymbolTable();
  /** Literal quantities met during the walk, annotated once the cell is known. */
  readonly literals: { span: Span; value: Value }[] = [];
  private readonly literalKeys = new Set<string>();

  cell: CellChoice = { status: "none" };
  /** Declared sequence and cell names, so that a name used as a value can be explained. */
  readonly sequenceNames = new Set<string>();
  readonly cellNames = new Set<string>();
  /** True while a sequence nobody calls is checked on its own: its IR is thrown away, numbers
   * of its parameters are unknown, and nothing that depends on the call site is reported. */
  abstract = false;

  nodeCount = 0;
  /** Set once the node budget is exhausted: the walk stops producing nodes. */
  overBudget = false;

  constructor(readonly maxNodes: number = DEFAULT_MAX_NODES) {}

  get diagnostics(): Diagnostic[] {
    return this.bag.items;
  }

  get hasErrors(): boolean {
    return this.bag.hasErrors;
  }

  report(diagnostic: Diagnostic): void {
    const key = `${diagnostic.code}\u0000${spanKey(diagnostic.span)}\u0000${diagnostic.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.bag.add(diagnostic);
  }

  error(code: string, message: string, span: Span, extra: Partial<Diagnostic> = {}): void {
    this.report({ code, severity: "error", message, span, ...withoutUndefined(extra) });
  }

  warning(code: string, message: string, span: Span, extra: Partial<Diagnostic> = {}): void {
    this.report({ code, severity: "warning", message, span, ...withoutUndefined(extra) });
  }

  /** The source text a span covers, or "" when the file is unknown. */
  textOf(span: Span): string {
    const text = this.texts.get(span.file);
    if (text === undefined) return "";
    return text.slice(span.start.offset, span.end.offset);
  }

  noteLiteral(span: Span, value: Value): void {
    const key = spanKey(span);
    if (this.literalKeys.has(key)) return;
    this.literalKeys.add(key);
    this.literals.push({ span, value });
  }
}

/** Drops keys whose value is undefined, so diagnostics stay plain JSON. */
function withoutUndefined<T extends object>(extra: T): Partial<T> {
  const result: Partial<T> = {};
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) (result as Record<string, unknown>)[key] = value;
  }
  return result;
}

/** A span from the start of one to the end of another (same file). */
export function coverSpans(first: Span, last: Span): Span {
  return { file: first.file, start: first.start, end: last.end };
}
