// Text in the bytes an instrument's software expects. EC-Lab writes cp1252, Arbin's .sdu is
// latin-1, both with CRLF line ends. A character the encoding cannot hold is never silently
// dropped or turned into "?": either it has a well-known plain spelling (Ω → ohm) that the caller
// asked for, or it is a diagnostic naming the character and where it came from.

import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";

export const UNENCODABLE_CHARACTER = "BTP6003";

export type LineEnding = "\r\n" | "\n";
export type TextEncoding = "utf-8" | "ascii" | "latin1" | "cp1252";

/** Joins lines with the instrument's line ending; by default the file ends with one too. */
export function joinLines(lines: readonly string[], eol: LineEnding, finalNewline = true): string {
  return lines.join(eol) + (finalNewline && lines.length > 0 ? eol : "");
}

export function crlf(lines: readonly string[]): string {
  return joinLines(lines, "\r\n");
}

/** The bytes 0x80–0x9F of Windows-1252; the other bytes are Latin-1. Five of them are unused. */
const CP1252_HIGH: readonly (number | null)[] = [
  0x20ac, null, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, null, 0x017d, null,
  null, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, null, 0x017e, 0x0178,
];

const CP1252_FROM_UNICODE = new Map<number, number>();
CP1252_HIGH.forEach((codePoint, i) => {
  if (codePoint !== null) CP1252_FROM_UNICODE.set(codePoint, 0x80 + i);
});

/** The byte for one code point, or null when the encoding has none. */
function byteFor(codePoint: number, encoding: Exclude<TextEncoding, "utf-8">): number | null {
  if (encoding === "ascii") return codePoint < 0x80 ? codePoint : null;
  if (encoding === "latin1") return codePoint < 0x100 ? codePoint : null;
  if (codePoint < 0x80 || (codePoint >= 0xa0 && codePoint < 0x100)) return codePoint;
  return CP1252_FROM_UNICODE.get(codePoint) ?? null;
}

/** Plain spellings of symbols protocols use, for encodings that lack them. Each reads the same
 * to a person; none changes a number. */
const PLAIN_SPELLINGS: Readonly<Record<string, string>> = {
  "Ω": "ohm",
  "µ": "u",
  "μ": "u",
  "°": "deg",
  "℃": "degC",
  "²": "2",
  "³": "3",
  "·": ".",
  "≤": "<=",
  "≥": ">=",
  "→": "->",
  "←": "<-",
  "–": "-",
  "—": "-",
  "−": "-",
  "‘": "'",
  "’": "'",
  "“": '"',
  "”": '"',
  "…": "...",
  "×": "x",
  "±": "+/-",
  "\u00a0": " ",
};

export interface EncodeOptions {
  /** Replace symbols the encoding lacks by their plain spellings (PLAIN_SPELLINGS) instead of
   * refusing them. Use it for comments and labels, where "ohm" reads as well as "Ω". */
  plainSpellings?: boolean;
  /** Where the text came from, for the diagnostic (a label's step, the protocol title…). */
  span: Span;
  target: string;
  /** What the text is, for the message: "the step label", "the file header". */
  what: string;
}

export interface EncodeResult {
  /** The encoded bytes; null when a character could not be encoded. */
  bytes: Uint8Array | null;
  diagnostics: Diagnostic[];
}

/** Encodes text, refusing characters the encoding cannot hold (one diagnostic per distinct
 * character). */
export function encodeText(text: string, encoding: TextEncoding, options: EncodeOptions): EncodeResult {
  if (encoding === "utf-8") return { bytes: new TextEncoder().encode(text), diagnostics: [] };
  const prepared = options.plainSpellings ? withPlainSpellings(text, encoding) : text;
  const bytes: number[] = [];
  const refused = new Map<string, number>();
  for (const char of prepared) {
    const byte = byteFor(char.codePointAt(0)!, encoding);
    if (byte === null) refused.set(char, (refused.get(char) ?? 0) + 1);
    else bytes.push(byte);
  }
  if (refused.size === 0) return { bytes: Uint8Array.from(bytes), diagnostics: [] };
  const diagnostics = [...refused.keys()].slice(0, 20).map(
    (char): Diagnostic => ({
      code: UNENCODABLE_CHARACTER,
      severity: "error",
      message: `${options.what} contains ${describeChar(char)}, which ${encodingName(encoding)} (the encoding ${options.target} files use) cannot hold`,
      span: options.span,
      hint: "write it with plain Latin letters (for example \"ohm\" for Ω, \"u\" for µ)",
      target: options.target,
    }),
  );
  return { bytes: null, diagnostics };
}

/** Characters of `text` the encoding cannot hold, in order of first appearance. */
export function unencodableCharacters(text: string, encoding: TextEncoding): string[] {
  if (encoding === "utf-8") return [];
  const found = new Set<string>();
  for (const char of text) if (byteFor(char.codePointAt(0)!, encoding) === null) found.add(char);
  return [...found];
}

/** Replaces the symbols the encoding lacks by their plain spellings; others are left alone. */
export function withPlainSpellings(text: string, encoding: TextEncoding): string {
  if (encoding === "utf-8") return text;
  let out = "";
  for (const char of text) {
    const plain = PLAIN_SPELLINGS[char];
    out += plain !== undefined && byteFor(char.codePointAt(0)!, encoding) === null ? plain : char;
  }
  return out;
}

/** Decodes bytes written by an instrument's software. Latin-1 maps each byte to the same code
 * point; cp1252 uses the Windows table (its five unused bytes become C1 controls). A UTF-8 BOM is
 * removed; invalid UTF-8 gives null (the importer reports it). */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string | null {
  switch (encoding) {
    case "utf-8":
    case "ascii":
      try {
        const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      } catch {
        return null;
      }
    case "latin1":
    case "cp1252": {
      const high = encoding === "cp1252" ? CP1252_HIGH : null;
      const parts: string[] = [];
      const chunk = 8192;
      for (let i = 0; i < bytes.length; i += chunk) {
        const codes = Array.from(bytes.subarray(i, i + chunk), (b) => (high && b >= 0x80 && b < 0xa0 ? (high[b - 0x80] ?? b) : b));
        parts.push(String.fromCharCode(...codes));
      }
      return parts.join("");
    }
  }
}

/** The line ending a file uses most ("\r\n" when CR LF pairs are at least half of its breaks). */
export function detectLineEnding(text: string): LineEnding {
  const breaks = (text.match(/\n/g) ?? []).length;
  const pairs = (text.match(/\r\n/g) ?? []).length;
  return breaks > 0 && pairs * 2 >= breaks ? "\r\n" : "\n";
}

function describeChar(char: string): string {
  const hex = char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
  return `"${char}" (U+${hex})`;
}

function encodingName(encoding: TextEncoding): string {
  return { ascii: "ASCII", latin1: "Latin-1 (ISO 8859-1)", cp1252: "Windows-1252", "utf-8": "UTF-8" }[encoding];
}
