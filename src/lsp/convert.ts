// Between btp's shapes and the protocol's: paths and URIs, spans and ranges, diagnostics.
// btp positions are 1-based lines and columns counted in UTF-16 code units, LSP positions are
// 0-based in the same units, so a span converts without looking at the text.

import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation, type Range } from "vscode-languageserver/node";
import type { Diagnostic, Severity, Span } from "../diagnostics/diagnostic.js";

/** The absolute path a document stands for. Documents that are not files (an unsaved
 * `untitled:` buffer) get a path under the working folder so that their name still shows. */
export function pathOfUri(uri: string): string {
  if (uri.startsWith("file:")) {
    try {
      return path.resolve(fileURLToPath(uri));
    } catch {
      // fall through: a malformed file URI is treated like any other name
    }
  }
  const name = uri.replace(/^[a-z][a-z0-9+.-]*:/i, "").replace(/[\\/:*?"<>|]+/g, "_") || "untitled";
  return path.resolve(process.cwd(), name.endsWith(".btp") ? name : `${name}.btp`);
}

export function uriOfPath(filePath: string): string {
  return pathToFileURL(filePath).href;
}

export function lspSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case "error":
      return DiagnosticSeverity.Error;
    case "warning":
      return DiagnosticSeverity.Warning;
    default:
      return DiagnosticSeverity.Information;
  }
}

/** The range of a span as written in the span (right for the text the span was made from). */
export function rangeOfSpan(span: Span): Range {
  return {
    start: { line: Math.max(0, span.start.line - 1), character: Math.max(0, span.start.column - 1) },
    end: { line: Math.max(0, span.end.line - 1), character: Math.max(0, span.end.column - 1) },
  };
}

/** What a btp diagnostic becomes in the editor: the hint on a second line (and in `data`, for
 * code actions), related places as related information. */
export function toLspDiagnostic(diagnostic: Diagnostic, range: Range, related: DiagnosticRelatedInformation[], prefix = ""): LspDiagnostic {
  const result: LspDiagnostic = {
    range,
    severity: lspSeverity(diagnostic.severity),
    code: diagnostic.code,
    source: "btp",
    message: prefix + diagnostic.message + (diagnostic.hint ? `\n${diagnostic.hint}` : ""),
    data: { hint: diagnostic.hint ?? null },
  };
  if (related.length > 0) result.relatedInformation = related;
  return result;
}
