// The formatter's public face, for `btp fmt` and the language server.
//
//   formatBtp(text)                   → the formatted text (rejects with BtpFormatError)
//   tryFormatBtp(text)                → { formatted, diagnostics }, never rejects
//   formatBtpRange(text, start, end)  → the edit that formats the top-level items in a range
//
// Formatting goes through Prettier with btp's plugin (plugin.ts), then is checked: the result
// must parse to the same protocol with the same comments (verify.ts). A file with syntax errors
// is not formatted; its diagnostics come back instead.

import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { fileSpan } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../syntax/ast.js";
import { parseSource } from "../syntax/index.js";
import plugin, { DEFAULT_PRINT_WIDTH, PARSER_NAME } from "./plugin.js";
import { SourceText } from "./source.js";
import { meaningChange } from "./verify.js";

export { BtpSyntaxError, DEFAULT_PRINT_WIDTH } from "./plugin.js";
export { default as btpPrettierPlugin } from "./plugin.js";

export interface FormatOptions {
  /** Lines are kept within this width where the language allows a break (default 100). */
  printWidth?: number;
  /** Spaces per indentation level (default 2). */
  tabWidth?: number;
  useTabs?: boolean;
  /** The file name used in diagnostics. */
  filepath?: string;
  /** Line endings of the result; "auto" (the default) keeps the file's own. */
  endOfLine?: "lf" | "crlf" | "cr" | "auto";
}

export interface FormatOutcome {
  /** The formatted text, or null when the file was not formatted (see diagnostics). */
  formatted: string | null;
  /** Why the file was not formatted: its syntax errors, or BTP8002. */
  diagnostics: Diagnostic[];
}

/** The file could not be formatted; `diagnostics` says why. */
export class BtpFormatError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    const first = diagnostics[0];
    super(first ? `${first.code}: ${first.message}` : "the file could not be formatted");
    this.name = "BtpFormatError";
  }
}

type Prettier = typeof import("prettier");
let prettierModule: Promise<Prettier> | null = null;

/** Prettier is loaded on first use, so the other commands do not pay for it. */
function loadPrettier(): Promise<Prettier> {
  prettierModule ??= import("prettier");
  return prettierModule;
}

function refused(file: string, message: string): Diagnostic {
  return {
    code: "BTP8002",
    severity: "error",
    message: `the file was left unformatted: ${message}`,
    span: fileSpan(file),
    hint: "this is a bug in btp's formatter; please report it with the file",
  };
}

interface Checked {
  formatted: string;
  before: SourceFile;
  after: SourceFile;
}

async function formatAndCheck(text: string, options: FormatOptions): Promise<Checked | Diagnostic[]> {
  const file = options.filepath ?? "<input>";
  const before = parseSource(text, file);
  const errors = before.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return errors;
  let formatted: string;
  try {
    const prettier = await loadPrettier();
    formatted = await prettier.format(text, {
      parser: PARSER_NAME,
      plugins: [plugin],
      printWidth: options.printWidth ?? DEFAULT_PRINT_WIDTH,
      tabWidth: options.tabWidth ?? 2,
      useTabs: options.useTabs ?? false,
      endOfLine: options.endOfLine ?? "auto",
    });
  } catch (error) {
    return [refused(file, error instanceof Error ? error.message : String(error))];
  }
  const after = parseSource(formatted, file);
  const newErrors = after.diagnostics.filter((d) => d.severity === "error");
  if (newErrors.length > 0) return [refused(file, `the result would not parse (${newErrors[0]!.message})`)];
  const change = meaningChange(before.file, after.file);
  if (change) return [refused(file, change)];
  return { formatted, before: before.file, after: after.file };
}

export async function tryFormatBtp(text: string, options: FormatOptions = {}): Promise<FormatOutcome> {
  const result = await formatAndCheck(text, options);
  return Array.isArray(result) ? { formatted: null, diagnostics: result } : { formatted: result.formatted, diagnostics: [] };
}

/** The formatted text. Rejects with a BtpFormatError (carrying the diagnostics) when the file
 * has syntax errors or cannot be formatted safely. */
export async function formatBtp(text: string, options: FormatOptions = {}): Promise<string> {
  const result = await formatAndCheck(text, options);
  if (Array.isArray(result)) throw new BtpFormatError(result);
  return result.formatted;
}

export interface RangeEdit {
  /** Replaces text.slice(start, end) of the original. */
  text: string;
  start: number;
  end: number;
}

/** Formats the top-level items (whole lines) that overlap [startOffset, endOffset) and leaves
 * the rest of the file as it is. Returns the edit to apply: an empty one (start = end, text "")
 * when the range holds no item. Rejects like formatBtp. */
export async function formatBtpRange(
  text: string,
  startOffset: number,
  endOffset: number,
  options: FormatOptions = {},
): Promise<RangeEdit> {
  const result = await formatAndCheck(text, options);
  if (Array.isArray(result)) throw new BtpFormatError(result);
  const original = new SourceText(text);
  const items = result.before.items;
  const low = Math.max(0, Math.min(startOffset, endOffset));
  const high = Math.max(startOffset, endOffset);
  // Every item that overlaps the range, or the one holding the cursor of an empty range, then
  // every item sharing a line with those (a line is formatted whole).
  const touches = (item: (typeof items)[number]): boolean =>
    low === high
      ? item.span.start.offset <= low && item.span.end.offset >= low
      : item.span.start.offset < high && item.span.end.offset > low;
  let first = items.findIndex(touches);
  if (first < 0) return { text: "", start: low, end: low };
  let last = first;
  while (last + 1 < items.length && touches(items[last + 1]!)) last++;
  const lineOf = (offset: number) => original.lineOf(offset);
  while (first > 0 && lineOf(items[first - 1]!.span.end.offset) === lineOf(items[first]!.span.start.offset)) first--;
  while (last + 1 < items.length && lineOf(items[last + 1]!.span.start.offset) === lineOf(items[last]!.span.end.offset)) last++;

  const start = original.lineStart(items[first]!.span.start.offset);
  const end = original.lineEnd(items[last]!.span.end.offset);
  const formatted = new SourceText(result.formatted);
  const formattedItems = result.after.items;
  const replacement = result.formatted.slice(
    formatted.lineStart(formattedItems[first]!.span.start.offset),
    formatted.lineEnd(formattedItems[last]!.span.end.offset),
  );
  const edit = { text: replacement, start, end };
  // The lines of an item and the comments around it may move differently in rare layouts; if
  // the edit alone would not give the same protocol and comments, format the whole file.
  const edited = text.slice(0, start) + replacement + text.slice(end);
  const reparsed = parseSource(edited, options.filepath ?? "<input>");
  if (reparsed.diagnostics.some((d) => d.severity === "error") || meaningChange(result.before, reparsed.file)) {
    return { text: result.formatted, start: 0, end: text.length };
  }
  return edit;
}
