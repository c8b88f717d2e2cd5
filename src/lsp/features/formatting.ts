// Formatting a document or a range through btp's formatter (src/format). A file with syntax
// errors is left as it is: formatting it could move text the user is still writing.

import type { FormattingOptions, Range, TextEdit } from "vscode-languageserver/node";
import { formatBtp, formatBtpRange, type FormatOptions } from "../../format/index.js";
import type { OpenDocument } from "../documents/open-document.js";

export type FormatResult = { ok: true; edits: TextEdit[] } | { ok: false; reason: string };

function formatterOptions(doc: OpenDocument, options: FormattingOptions): FormatOptions {
  return { tabWidth: options.tabSize, useTabs: !options.insertSpaces, filepath: doc.path };
}

export async function formatDocument(doc: OpenDocument, options: FormattingOptions): Promise<FormatResult> {
  const text = doc.text;
  try {
    const formatted = await formatBtp(text, formatterOptions(doc, options));
    return { ok: true, edits: minimalEdit(doc, text, formatted, 0, text.length) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export async function formatRange(doc: OpenDocument, range: Range, options: FormattingOptions): Promise<FormatResult> {
  const text = doc.text;
  try {
    const edit = await formatBtpRange(text, doc.document.offsetAt(range.start), doc.document.offsetAt(range.end), formatterOptions(doc, options));
    return { ok: true, edits: minimalEdit(doc, text, edit.text, edit.start, edit.end) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** One edit replacing text[start, end) with `replacement`, trimmed to the part that differs,
 * so that the editor keeps the cursor and markers outside it. */
function minimalEdit(doc: OpenDocument, text: string, replacement: string, start: number, end: number): TextEdit[] {
  const old = text.slice(start, end);
  if (old === replacement) return [];
  let prefix = 0;
  const shortest = Math.min(old.length, replacement.length);
  while (prefix < shortest && old.charCodeAt(prefix) === replacement.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && old.charCodeAt(old.length - 1 - suffix) === replacement.charCodeAt(replacement.length - 1 - suffix)) suffix++;
  // Never split a \r\n pair.
  while (prefix > 0 && old.charCodeAt(prefix - 1) === 13 && old.charCodeAt(prefix) === 10) prefix--;
  while (suffix > 0 && old.charCodeAt(old.length - suffix) === 10 && old.charCodeAt(old.length - suffix - 1) === 13) suffix--;
  return [{ range: doc.range(start + prefix, end - suffix), newText: replacement.slice(prefix, replacement.length - suffix) }];
}
