// Turning diagnostics into text for people (a source frame with a caret, in the manner of Rust
// and Elm) and into JSON for machines (the LSP's 0-based ranges plus 1-based line/column).

import pc from "picocolors";
import type { Diagnostic, Severity, Span } from "./diagnostic.js";

export interface RenderOptions {
  color: boolean;
  /** The text of a file, to draw the source frame; undefined when it is not available. */
  sourceOf: (file: string) => string | undefined;
}

type Colors = ReturnType<typeof pc.createColors>;

const severityColor: Record<Severity, (c: Colors, s: string) => string> = {
  error: (c, s) => c.bold(c.red(s)),
  warning: (c, s) => c.bold(c.yellow(s)),
  info: (c, s) => c.bold(c.cyan(s)),
};

export function formatLocation(span: Span): string {
  return `${span.file}:${span.start.line}:${span.start.column}`;
}

/** One diagnostic as a block of text ending in a newline. */
export function renderDiagnostic(d: Diagnostic, options: RenderOptions): string {
  const c = pc.createColors(options.color);
  const head = severityColor[d.severity](c, `${d.severity}[${d.code}]`);
  const target = d.target ? c.dim(` (${d.target})`) : "";
  const lines = [`${head}${c.bold(": " + d.message)}${target}`, `  ${c.blue("-->")} ${formatLocation(d.span)}`];
  const frame = sourceFrame(d.span, options.sourceOf(d.span.file), c, d.severity);
  if (frame) lines.push(frame);
  if (d.hint) lines.push(`   ${c.blue("=")} ${c.bold("hint")}: ${d.hint}`);
  for (const r of d.related ?? []) {
    lines.push(`   ${c.blue("=")} ${c.bold("note")}: ${r.message} (${formatLocation(r.span)})`);
  }
  return lines.join("\n") + "\n";
}

/** The line(s) of the span with carets under it. Long lines are clipped around the span so the
 * frame stays readable (and a 50 MB single-line file cannot flood the terminal). */
function sourceFrame(span: Span, text: string | undefined, c: Colors, severity: Severity): string | null {
  if (text === undefined) return null;
  const lineText = lineAt(text, span.start.offset, span.start.line);
  if (lineText === null) return null;
  const gutterWidth = String(span.start.line).length;
  const pad = " ".repeat(gutterWidth);
  const startCol = span.start.column - 1;
  const sameLine = span.end.line === span.start.line;
  const endCol = sameLine ? Math.max(span.end.column - 1, startCol + 1) : lineText.length;
  const caretLength = Math.max(1, Math.min(endCol, Math.max(lineText.length, startCol + 1)) - startCol);

  const window = 100;
  let shown = lineText;
  let shift = 0;
  if (lineText.length > window) {
    shift = Math.max(0, startCol - 20);
    shown = (shift > 0 ? "…" : "") + lineText.slice(shift, shift + window) + (shift + window < lineText.length ? "…" : "");
    if (shift > 0) shift -= 1; // the ellipsis takes one column
  }
  const visibleStart = startCol - shift;
  const marker = " ".repeat(Math.max(0, visibleStart)) + "^".repeat(Math.min(caretLength, window));
  const paint = severity === "error" ? c.red : severity === "warning" ? c.yellow : c.cyan;
  return [
    `${pad} ${c.blue("|")}`,
    `${c.blue(String(span.start.line))} ${c.blue("|")} ${shown.replace(/\t/g, " ")}`,
    `${pad} ${c.blue("|")} ${paint(marker)}`,
  ].join("\n");
}

function lineAt(text: string, offset: number, line: number): string | null {
  if (offset < 0 || offset > text.length) return null;
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  let end = text.indexOf("\n", offset);
  if (end < 0) end = text.length;
  const content = text.slice(start, end).replace(/\r$/, "");
  return line >= 1 ? content : null;
}

// ---------------------------------------------------------------------------------------------
// JSON

export interface JsonDiagnostic {
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  target?: string;
  file: string;
  /** 1-based, for people. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based, the LSP's shape. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  related?: { message: string; file: string; line: number; column: number }[];
}

export function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  const out: JsonDiagnostic = {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.span.file,
    line: d.span.start.line,
    column: d.span.start.column,
    endLine: d.span.end.line,
    endColumn: d.span.end.column,
    range: {
      start: { line: d.span.start.line - 1, character: d.span.start.column - 1 },
      end: { line: d.span.end.line - 1, character: d.span.end.column - 1 },
    },
  };
  if (d.hint) out.hint = d.hint;
  if (d.target) out.target = d.target;
  if (d.related?.length) {
    out.related = d.related.map((r) => ({
      message: r.message,
      file: r.span.file,
      line: r.span.start.line,
      column: r.span.start.column,
    }));
  }
  return out;
}
