// The outline of a protocol (document symbols) and its folding ranges, from the parse of the
// current text: declarations, blocks and loops with the steps inside them, each named by the
// text it starts with ("repeat 350", "charge at 0.5C until 3.9 V").

import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from "vscode-languageserver/node";
import type { CellProperty, SourceFile, Statement, TopLevelItem } from "../../syntax/ast.js";
import type { OpenDocument } from "../documents/open-document.js";

const MAX_NAME = 80;

export function documentSymbols(doc: OpenDocument): DocumentSymbol[] {
  const file = doc.parsed.file;
  return (file.items ?? []).flatMap((item) => symbolOf(doc, item));
}

function symbolOf(doc: OpenDocument, node: TopLevelItem | Statement): DocumentSymbol[] {
  if (!node || node.recovered) return [];
  const symbol = (name: string, kind: SymbolKind, children: DocumentSymbol[] = [], detail?: string, selection = node.span): DocumentSymbol => ({
    name: name || "(unnamed)",
    kind,
    range: doc.rangeOfCurrent(node.span),
    selectionRange: doc.rangeOfCurrent(selection),
    ...(detail ? { detail } : {}),
    ...(children.length > 0 ? { children } : {}),
  });
  const body = (statements: readonly Statement[] | undefined) => (statements ?? []).flatMap((s) => symbolOf(doc, s));
  switch (node.kind) {
    case "ProtocolHeader":
      return [symbol(node.title?.value ?? "protocol", SymbolKind.File, [], "protocol")];
    case "MetadataItem":
      return [];
    case "ImportDecl":
      return [symbol(`import "${node.path?.value ?? ""}"`, SymbolKind.Module)];
    case "UseCell":
      return [symbol(headline(doc, node.span), SymbolKind.Module)];
    case "ParamDecl":
      return [symbol(node.name.name, SymbolKind.Constant, [], valueText(doc, node.value?.span), node.name.span)];
    case "SequenceDecl":
      return [symbol(node.name.name, SymbolKind.Function, body(node.body), `(${(node.params ?? []).map((p) => p.name.name).join(", ")})`, node.name.span)];
    case "CellDecl":
      return [symbol(node.name?.name ?? node.title?.value ?? "cell", SymbolKind.Class, cellProperties(doc, node.properties), node.title?.value, node.name?.span ?? node.span)];
    case "RepeatBlock":
    case "SweepBlock":
      return [symbol(headline(doc, node.span), SymbolKind.Array, body(node.body))];
    case "SectionBlock":
      return [symbol(node.title?.value ?? "section", SymbolKind.Namespace, body(node.body), "section")];
    case "TemperatureBlock":
    case "CycleAction":
      return [symbol(headline(doc, node.span), SymbolKind.Namespace, body(node.body))];
    case "SequenceCall":
      return [symbol(headline(doc, node.span), SymbolKind.Function, [], "sequence call", node.callee.span)];
    case "LimitsStatement":
    case "RecordStatement":
      return [symbol(headline(doc, node.span), SymbolKind.Property)];
    case "StopIf":
      return [symbol(headline(doc, node.span), SymbolKind.Operator)];
    default:
      return [symbol(headline(doc, node.span), SymbolKind.Event, [], "step")];
  }
}

function cellProperties(doc: OpenDocument, properties: readonly CellProperty[] | undefined): DocumentSymbol[] {
  return (properties ?? [])
    .filter((p) => p && !p.recovered)
    .map((p) => ({
      name: p.key,
      kind: SymbolKind.Property,
      range: doc.rangeOfCurrent(p.span),
      selectionRange: doc.rangeOfCurrent(p.keySpan),
      ...(p.children && p.children.length > 0 ? { children: cellProperties(doc, p.children) } : {}),
    }));
}

/** The text a node starts with, up to its block or the end of its first line, on one line. */
function headline(doc: OpenDocument, span: { start: { offset: number }; end: { offset: number } }): string {
  const text = doc.text.slice(span.start.offset, Math.min(span.end.offset, span.start.offset + 400));
  const firstLine = text.split(/\r\n|\r|\n/, 1)[0] ?? "";
  const head = firstLine.split("{", 1)[0]!.replace(/#.*$/, "").replace(/\s+/g, " ").trim();
  return head.length > MAX_NAME ? `${head.slice(0, MAX_NAME - 1)}…` : head;
}

function valueText(doc: OpenDocument, span: { start: { offset: number }; end: { offset: number } } | undefined): string | undefined {
  if (!span) return undefined;
  const text = doc.text.slice(span.start.offset, span.end.offset).replace(/\s+/g, " ");
  return text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text;
}

// ------------------------------------------------------------------------------ folding

export function foldingRanges(doc: OpenDocument): FoldingRange[] {
  const file = doc.parsed.file;
  const ranges: FoldingRange[] = [];
  const fold = (span: { start: { line: number }; end: { line: number; column: number } }) => {
    const startLine = span.start.line - 1;
    let endLine = span.end.line - 1;
    // Keep a closing `}` on its own line visible.
    const lineText = lineOf(doc, endLine);
    if (/^\s*\}/.test(lineText)) endLine--;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  const visit = (node: TopLevelItem | Statement | CellProperty) => {
    if (!node || node.recovered) return;
    if ("body" in node && Array.isArray(node.body)) {
      fold(node.span);
      node.body.forEach(visit);
    } else if (node.kind === "CellDecl") {
      fold(node.span);
      (node.properties ?? []).forEach(visit);
    } else if (node.kind === "CellProperty" && node.children) {
      fold(node.span);
      node.children.forEach(visit);
    } else if (node.kind === "LimitsStatement") {
      fold(node.span);
    }
  };
  (file.items ?? []).forEach(visit);
  ranges.push(...commentRuns(doc, file), ...importRuns(file));
  return ranges;
}

function lineOf(doc: OpenDocument, line: number): string {
  const start = doc.document.offsetAt({ line, character: 0 });
  const end = doc.document.offsetAt({ line: line + 1, character: 0 });
  return doc.text.slice(start, end);
}

/** Runs of two or more comment-only lines in a row. */
function commentRuns(doc: OpenDocument, file: SourceFile): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  let runStart = -1;
  let runEnd = -1;
  const close = () => {
    if (runStart !== -1 && runEnd > runStart) ranges.push({ startLine: runStart, endLine: runEnd, kind: FoldingRangeKind.Comment });
  };
  for (const comment of file.comments ?? []) {
    const line = comment.span.start.line - 1;
    const before = doc.text.slice(comment.span.start.offset - comment.span.start.column + 1, comment.span.start.offset);
    if (before.trim() !== "") continue;
    if (line === runEnd + 1 && runStart !== -1) {
      runEnd = line;
    } else {
      close();
      runStart = line;
      runEnd = line;
    }
  }
  close();
  return ranges;
}

function importRuns(file: SourceFile): FoldingRange[] {
  const lines = (file.items ?? []).filter((item) => item?.kind === "ImportDecl").map((item) => item.span.start.line - 1);
  const ranges: FoldingRange[] = [];
  let start = -1;
  let previous = -2;
  for (const line of lines) {
    if (line !== previous + 1) {
      if (start !== -1 && previous > start) ranges.push({ startLine: start, endLine: previous, kind: FoldingRangeKind.Imports });
      start = line;
    }
    previous = line;
  }
  if (start !== -1 && previous > start) ranges.push({ startLine: start, endLine: previous, kind: FoldingRangeKind.Imports });
  return ranges;
}
