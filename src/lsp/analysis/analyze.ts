// One full check of an open protocol, boiled down to what the editor features need. Runs in the
// checking thread (worker.ts), or in the server's own thread when no worker can be started.

import path from "node:path";
import { checkSourceFile, type CheckResult, type QuantityAnnotation } from "../../check/index.js";
import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import { estimateProtocol } from "../../ir/estimate.js";
import { walkNodes, type ProtocolIR } from "../../ir/types.js";
import type { CellDecl, CellProperty, SourceFile } from "../../syntax/ast.js";
import { IncrementalParser } from "../incremental/parser.js";
import type { Analysis, AnalysisRequest, CellFacts, EstimateReport, NodeFacts } from "./types.js";
import type { SourceReader } from "./source-reader.js";

/** Keeps one incremental parser per document, so each check re-parses only what changed.
 * The duration estimates are worked out separately (`estimates()`), after the diagnostics have
 * been sent: they are for hovers, and need not hold the diagnostics back. */
export class Analyzer {
  private readonly parsers = new Map<string, IncrementalParser>();
  private lastIr: { path: string; version: number; ir: ProtocolIR } | null = null;

  constructor(private readonly reader: SourceReader) {}

  analyze(request: AnalysisRequest): Analysis {
    const started = performance.now();
    this.lastIr = null;
    try {
      // The document's own text is what other documents importing it should read, too.
      this.reader.setOpenText(request.path, request.text);
      const parser = this.parserFor(request.path);
      const parsed = parser.parse(request.text);
      const result = checkSourceFile(parsed.file, parsed.diagnostics, { readFile: (file) => this.reader.read(file) });
      if (result.ir) this.lastIr = { path: request.path, version: request.version, ir: result.ir };
      return summarize(request, parsed.file, new Set(parsed.diagnostics), result, performance.now() - started);
    } catch (error) {
      // The parser and checker never throw on bad input; this is a bug, said plainly.
      this.parsers.delete(request.path);
      return failedAnalysis(request, `internal error while checking: ${error instanceof Error ? error.message : String(error)}`, performance.now() - started);
    }
  }

  /** The estimates of the protocol last analysed, when it had no errors (once). */
  estimates(): EstimateReport | null {
    const last = this.lastIr;
    this.lastIr = null;
    if (!last) return null;
    try {
      return { path: last.path, version: last.version, nodes: nodeFacts(last.ir, last.path) };
    } catch {
      // An estimate is a nicety for hovers; a failure must not cost the diagnostics anything.
      return null;
    }
  }

  forget(documentPath: string): void {
    this.parsers.delete(documentPath);
  }

  private parserFor(documentPath: string): IncrementalParser {
    let parser = this.parsers.get(documentPath);
    if (!parser) {
      parser = new IncrementalParser(documentPath);
      this.parsers.set(documentPath, parser);
    }
    return parser;
  }
}

/** An analysis that only reports that checking failed (BTP8050) or was stopped (BTP8051). */
export function failedAnalysis(request: AnalysisRequest, message: string, checkMs: number, code: "BTP8050" | "BTP8051" = "BTP8050"): Analysis {
  const start = { offset: 0, line: 1, column: 1 };
  const diagnostic: Diagnostic = {
    code,
    severity: "error",
    message,
    span: { file: request.path, start, end: start },
    hint: code === "BTP8050" ? "this is a bug in btp, not in the protocol; `btp check` on the saved file may say more" : "save the file and run `btp check` on it to see the problems",
  };
  return {
    path: request.path,
    version: request.version,
    parseDiagnostics: [],
    checkDiagnostics: [diagnostic],
    symbols: { definitions: [], references: [] },
    quantities: [],
    nodes: [],
    cell: null,
    imports: [],
    checkMs,
  };
}

function summarize(request: AnalysisRequest, main: SourceFile, parseDiagnostics: Set<Diagnostic>, result: CheckResult, checkMs: number): Analysis {
  const mainPath = request.path;
  const annotationBySpan = new Map<string, QuantityAnnotation>();
  for (const annotation of result.annotations) annotationBySpan.set(spanKey(annotation.span), annotation);
  return {
    path: mainPath,
    version: request.version,
    parseDiagnostics: result.diagnostics.filter((d) => parseDiagnostics.has(d)),
    checkDiagnostics: result.diagnostics.filter((d) => !parseDiagnostics.has(d)),
    symbols: result.symbols,
    quantities: result.annotations
      .filter((a) => a.span.file === mainPath)
      .map((a) => ({ start: a.span.start.offset, end: a.span.end.offset, kind: a.kind, si: a.si, display: a.display, derivation: a.derivation ?? null }))
      .sort((a, b) => a.start - b.start),
    nodes: [],
    cell: cellFacts(main, mainPath, result, annotationBySpan),
    imports: importedFiles(main, mainPath, result.files),
    checkMs,
  };
}

function spanKey(span: Span): string {
  return `${span.file}\u0000${span.start.offset}\u0000${span.end.offset}`;
}

// ------------------------------------------------------------------------------ estimates

function nodeFacts(ir: ProtocolIR, mainPath: string): NodeFacts[] {
  const estimate = estimateProtocol(ir);
  const byPlace = new Map<string, NodeFacts>();
  for (const node of walkNodes(ir.body)) {
    if (node.span.file !== mainPath) continue;
    const estimated = estimate.nodes.get(node.id);
    if (!estimated) continue;
    const key = spanKey(node.span);
    const perRun = estimated.perPass.expected;
    const known = byPlace.get(key);
    if (!known) {
      byPlace.set(key, {
        span: node.span,
        kind: node.kind,
        instances: 1,
        runs: estimated.passes.expected,
        expectedPerRun: { low: perRun, high: perRun },
        total: { ...estimated.total },
      });
      continue;
    }
    known.instances++;
    known.runs += estimated.passes.expected;
    known.expectedPerRun = { low: Math.min(known.expectedPerRun.low, perRun), high: Math.max(known.expectedPerRun.high, perRun) };
    known.total = {
      min: known.total.min + estimated.total.min,
      expected: known.total.expected + estimated.total.expected,
      max: known.total.max === null || estimated.total.max === null ? null : known.total.max + estimated.total.max,
    };
  }
  return [...byPlace.values()].sort((a, b) => a.span.start.offset - b.span.start.offset || b.span.end.offset - a.span.end.offset);
}

// ------------------------------------------------------------------------------ the cell

function cellFacts(main: SourceFile, mainPath: string, result: CheckResult, annotations: Map<string, QuantityAnnotation>): CellFacts | null {
  const cell = cellInUse(main, mainPath, result);
  if (!cell) return null;
  const properties = cell.properties ?? [];
  const find = (list: readonly CellProperty[], key: string) => list.find((p) => normalizeKey(p.key) === key);
  const windowProperty = find(properties, "window");
  let window: CellFacts["window"] = null;
  if (windowProperty?.value?.kind === "range") {
    const min = annotations.get(spanKey(windowProperty.value.min.span))?.si;
    const max = annotations.get(spanKey(windowProperty.value.max.span))?.si;
    if (typeof min === "number" && typeof max === "number") window = { min, max };
  }
  const electrodes = properties.filter((p) => ["cathode", "anode", "electrode"].includes(normalizeKey(p.key)));
  const hasMass = (list: readonly CellProperty[]) => find(list, "active mass") !== undefined || find(list, "mass") !== undefined;
  const hasSpecific = (list: readonly CellProperty[]) => find(list, "specific capacity") !== undefined;
  const knowsOneC =
    find(properties, "nominal capacity") !== undefined ||
    (hasMass(properties) && hasSpecific(properties)) ||
    electrodes.some((e) => hasMass(e.children ?? []) && hasSpecific(e.children ?? []));
  return { name: cell.name?.name ?? cell.title?.value ?? "the cell", window, knowsOneC };
}

/** The cell the protocol runs on, found the way the checker chooses it. */
function cellInUse(main: SourceFile, mainPath: string, result: CheckResult): CellDecl | null {
  const cellsOf = (file: SourceFile | undefined) => (file?.items ?? []).filter((item): item is CellDecl => item?.kind === "CellDecl");
  const use = (main.items ?? []).find((item) => item?.kind === "UseCell");
  if (use?.kind === "UseCell" && use.target) {
    if (use.target.kind === "StringLiteral") {
      const cells = cellsOf(result.files.get(path.resolve(path.dirname(mainPath), use.target.value)));
      return cells.length === 1 ? cells[0]! : null;
    }
    const target = use.target.span;
    const reference = result.symbols.references.find((r) => r.span.file === target.file && r.span.start.offset === target.start.offset);
    const definition = reference ? result.symbols.definitions[reference.definition] : undefined;
    if (!definition) return null;
    const file = result.files.get(path.resolve(definition.file));
    return cellsOf(file).find((cell) => cell.name?.span.start.offset === definition.nameSpan.start.offset) ?? null;
  }
  const all = [...result.files.values()].flatMap((file) => cellsOf(file));
  return all.length === 1 ? all[0]! : null;
}

function normalizeKey(key: string): string {
  return key.trim().toLowerCase().replace(/\s+/g, " ");
}

// ------------------------------------------------------------------------------ imports

/** Each imported file with the import of the main file through which it was read. */
function importedFiles(main: SourceFile, mainPath: string, files: Map<string, SourceFile>): Analysis["imports"] {
  const via = new Map<string, Span>();
  const importsOf = (file: SourceFile, filePath: string, isMain: boolean) =>
    (file.items ?? []).flatMap((item) => {
      if (item?.kind === "ImportDecl" && item.path && !item.path.recovered) return [{ target: path.resolve(path.dirname(filePath), item.path.value), span: item.path.span }];
      if (isMain && item?.kind === "UseCell" && item.target?.kind === "StringLiteral") return [{ target: path.resolve(path.dirname(filePath), item.target.value), span: item.target.span }];
      return [];
    });
  // Breadth first from the main file: every file reached gets the main-file import it came through.
  const queue: { filePath: string; entry: Span }[] = [];
  for (const edge of importsOf(main, mainPath, true)) {
    if (!via.has(edge.target)) {
      via.set(edge.target, edge.span);
      queue.push({ filePath: edge.target, entry: edge.span });
    }
  }
  while (queue.length > 0) {
    const { filePath, entry } = queue.shift()!;
    const file = files.get(filePath);
    if (!file) continue;
    for (const edge of importsOf(file, filePath, false)) {
      if (!via.has(edge.target)) {
        via.set(edge.target, entry);
        queue.push({ filePath: edge.target, entry });
      }
    }
  }
  return [...files.keys()].filter((file) => file !== mainPath).map((file) => ({ path: file, via: via.get(file) ?? null }));
}
