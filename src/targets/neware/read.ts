// Bytes of a (possibly hostile) Neware step file → text → an XML tree, or diagnostics. Nothing
// here expands entities, recurses on the input, or reads more than a fixed budget:
// - the size is capped before decoding, the element count and nesting depth by a linear scan
//   before parsing (a real step file has 255 steps at most and is a few hundred KB);
// - any DOCTYPE is refused outright (BTS never writes one; it is how entity expansion attacks
//   start), and the parser runs with entity processing off;
// - the text codec: BTS files declare GB2312 but tools also write UTF-8 under that declaration,
//   so valid UTF-8 is read as UTF-8, anything else with the declared Chinese codec (GB18030, a
//   superset of GB2312 and GBK).

import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { fileSpan } from "../../diagnostics/diagnostic.js";
import * as codes from "./codes.js";
import { LineIndex } from "../common/line-index.js";

export const MAX_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_ELEMENTS = 100_000;
export const MAX_DEPTH = 64;

export type XmlTree = Record<string, unknown>;

export type ReadResult =
  | { ok: true; text: string; tree: XmlTree; lines: LineIndex; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

const TARGET = "neware";

export function readNewareXml(content: Uint8Array, file: string): ReadResult {
  const fail = (code: string, message: string, hint: string, span = fileSpan(file)): ReadResult => ({
    ok: false,
    diagnostics: [{ code, severity: "error", message, span, hint, target: TARGET }],
  });
  if (content.length === 0) return fail(codes.NOT_A_STEP_FILE, "the file is empty", "choose a Neware BTS step file (.xml)");
  if (content.length > MAX_FILE_BYTES) {
    return fail(
      codes.FILE_TOO_LARGE,
      `the file is ${Math.round(content.length / 1024)} KB; a Neware step file is at most a few hundred KB`,
      "check that this is a BTS step file, not a data export",
    );
  }
  const text = decode(content);
  if (text === null) {
    return fail(codes.UNREADABLE_TEXT, "the file is neither UTF-8 nor GB2312/GBK text", "save the step file again from BTS, or check that it is not a binary data file (.nda/.ndax)");
  }
  const lines = new LineIndex(file, text);
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(text);
  if (doctype) {
    return fail(
      codes.HOSTILE_XML,
      "the file declares a DOCTYPE or entities, which BTS step files never do; it is not read",
      "open the file in a text editor and remove the DOCTYPE if it was added by another tool",
      lines.span(doctype.index, doctype.index + doctype[0].length),
    );
  }
  const shape = scanShape(text);
  if (shape.elements > MAX_ELEMENTS || shape.depth > MAX_DEPTH) {
    const what = shape.elements > MAX_ELEMENTS ? `more than ${MAX_ELEMENTS} elements` : `elements nested more than ${MAX_DEPTH} deep`;
    return fail(codes.FILE_TOO_LARGE, `the file has ${what}; a Neware step file has a few thousand at most`, "check that this is a BTS step file", lines.span(shape.at, shape.at + 1));
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const start = lines.position(0);
    const span = { file, start: { ...start, line, column: col }, end: { ...start, line, column: col } };
    return fail(codes.NOT_A_STEP_FILE, `the file is not well-formed XML: ${msg}`, "the file may be truncated or damaged; save it again from BTS", span);
  }
  let tree: XmlTree;
  try {
    tree = parser().parse(text) as XmlTree;
  } catch (error) {
    return fail(codes.NOT_A_STEP_FILE, `the XML could not be read: ${error instanceof Error ? error.message : String(error)}`, "save the step file again from BTS");
  }
  return { ok: true, text, tree, lines, diagnostics: [] };
}

function parser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    trimValues: true,
  });
}

/** UTF-8 when the bytes are valid UTF-8 (with or without a BOM), UTF-16 when a BOM says so,
 * else GB18030; null when none of them decodes. */
function decode(content: Uint8Array): string | null {
  if (content[0] === 0xff && content[1] === 0xfe) return tryDecode("utf-16le", content.subarray(2));
  if (content[0] === 0xfe && content[1] === 0xff) return tryDecode("utf-16be", content.subarray(2));
  const utf8 = tryDecode("utf-8", content);
  if (utf8 !== null) return utf8.charCodeAt(0) === 0xfeff ? utf8.slice(1) : utf8;
  return tryDecode("gb18030", content);
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return text.includes("\u0000") ? null : text;
  } catch {
    return null;
  }
}

/** Counts elements and the deepest nesting in one pass, stopping at the first excess. */
function scanShape(text: string): { elements: number; depth: number; at: number } {
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  for (let i = text.indexOf("<"); i !== -1; i = text.indexOf("<", i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (next === 47 /* / */) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end === -1) break;
      i = end;
      continue;
    }
    if (next === 63 /* ? */ || next === 33 /* ! */) continue;
    elements++;
    const close = text.indexOf(">", i);
    if (close === -1) break;
    if (text.charCodeAt(close - 1) !== 47 /* not self-closing */) {
      depth++;
      deepest = Math.max(deepest, depth);
    }
    if (elements > MAX_ELEMENTS || deepest > MAX_DEPTH) return { elements, depth: deepest, at: i };
    // Carry on after this tag, so that text full of "<" is still read once.
    i = close;
  }
  return { elements, depth: deepest, at: 0 };
}
