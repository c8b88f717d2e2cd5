// The diagnostics shown for a document: the same as `btp check` gives for its text.
// - Syntax problems come from the server's own parse of the current text, so they are exact
//   on every keystroke.
// - Everything else comes from the last full check. While a newer check is still running, its
//   positions are carried over the edits made since; a problem in text edited since is left
//   out until the check of the new text arrives (so no stale squiggle sits on fresh text).
// - Problems inside an imported file are shown at the import that brings the file in, with
//   the real place as related information.

import path from "node:path";
import type { Diagnostic as LspDiagnostic, DiagnosticRelatedInformation, Range } from "vscode-languageserver/node";
import type { Diagnostic, RelatedInformation } from "../../diagnostics/diagnostic.js";
import { rangeOfSpan, toLspDiagnostic } from "../convert.js";
import type { OpenDocument } from "../documents/open-document.js";

export function documentDiagnostics(doc: OpenDocument, uriOf: (filePath: string) => string): LspDiagnostic[] {
  const shown: LspDiagnostic[] = [];
  // The checker reports a problem once even when the parser finds it twice; so do we.
  const seen = new Set<string>();
  for (const diagnostic of doc.parsed.diagnostics) {
    const key = `${diagnostic.code}\u0000${diagnostic.span.start.offset}\u0000${diagnostic.span.end.offset}\u0000${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push(toLspDiagnostic(diagnostic, doc.rangeOfCurrent(diagnostic.span), relatedInformation(doc, diagnostic.related, uriOf, true)));
  }
  const checked = doc.tooLarge ? [] : (doc.analysis?.checkDiagnostics ?? []);
  for (const diagnostic of checked) {
    const converted = fromCheck(doc, diagnostic, uriOf);
    if (converted) shown.push(converted);
  }
  // The order of `btp check`: by place, then by code.
  return shown.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || String(a.code).localeCompare(String(b.code)),
  );
}

function fromCheck(doc: OpenDocument, diagnostic: Diagnostic, uriOf: (filePath: string) => string): LspDiagnostic | null {
  const related = relatedInformation(doc, diagnostic.related, uriOf, false);
  if (isThisDocument(doc, diagnostic.span.file)) {
    const range = doc.rangeFromAnalysis(diagnostic.span);
    return range ? toLspDiagnostic(diagnostic, range, related) : null;
  }
  // A problem in an imported file: show it at the import, point at the real place.
  const filePath = path.resolve(diagnostic.span.file);
  const via = doc.analysis?.imports.find((entry) => entry.path === filePath)?.via ?? null;
  const range: Range | null = via ? doc.rangeFromAnalysis(via) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (!range) return null;
  const where = `${path.relative(path.dirname(doc.path), filePath) || path.basename(filePath)}:${diagnostic.span.start.line}:${diagnostic.span.start.column}`;
  const location: DiagnosticRelatedInformation = { location: { uri: uriOf(filePath), range: rangeOfSpan(diagnostic.span) }, message: "the problem is here" };
  return toLspDiagnostic(diagnostic, range, [location, ...related], `in ${where}: `);
}

function relatedInformation(
  doc: OpenDocument,
  related: RelatedInformation[] | undefined,
  uriOf: (filePath: string) => string,
  current: boolean,
): DiagnosticRelatedInformation[] {
  const result: DiagnosticRelatedInformation[] = [];
  for (const entry of related ?? []) {
    if (isThisDocument(doc, entry.span.file)) {
      const range = current ? doc.rangeOfCurrent(entry.span) : doc.rangeFromAnalysis(entry.span);
      if (range) result.push({ location: { uri: doc.uri, range }, message: entry.message });
    } else {
      result.push({ location: { uri: uriOf(path.resolve(entry.span.file)), range: rangeOfSpan(entry.span) }, message: entry.message });
    }
  }
  return result;
}

export function isThisDocument(doc: OpenDocument, file: string): boolean {
  return file === doc.path || path.resolve(file) === doc.path;
}
