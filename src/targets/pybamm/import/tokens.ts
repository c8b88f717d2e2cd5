// Tokens of the Python that experiment files are written in, and of JSON (which btp reads with
// the same parser: a JSON list of strings is also a Python list). Only what an experiment list
// needs is understood; everything else is still tokenised so that the parser can name it in a
// diagnostic. Nothing here runs or evaluates the file.

export type TokenKind = "string" | "number" | "name" | "op" | "newline" | "end";

export interface Token {
  kind: TokenKind;
  /** The text as written. */
  text: string;
  /** 0-based offsets [start, end) in the file. */
  start: number;
  end: number;
  /** For strings: the value after escapes; for numbers: the text without `_`. */
  value?: string;
  /** For strings: where the value starts in the file, and whether the value is the file text
   * from there (no escapes), so that positions inside it are exact. */
  contentStart?: number;
  verbatim?: boolean;
  /** For strings: f-strings and bytes are not plain strings. */
  prefix?: string;
  /** The token starts a line (only indentation before it). */
  lineStart: boolean;
}

export interface TokenizeResult {
  tokens: Token[];
  /** Where the text stopped making sense (an unterminated string), if it did. */
  problem: { offset: number; message: string } | null;
}

const OPERATORS = [
  "**",
  "//",
  "->",
  ":=",
  "==",
  "!=",
  "<=",
  ">=",
  "(",
  ")",
  "[",
  "]",
  "{",
  "}",
  ",",
  ":",
  ";",
  ".",
  "=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "@",
  "<",
  ">",
  "&",
  "|",
  "^",
  "~",
];

/** Tokenises Python (or JSON, `json: true`, where only double-quoted strings exist). Newline
 * tokens are kept only outside brackets: they separate statements. `maxTokens` bounds the work. */
export function tokenize(text: string, options: { json?: boolean; maxTokens: number }): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  let depth = 0;
  let lineStart = true;
  const push = (token: Omit<Token, "lineStart">): boolean => {
    tokens.push({ ...token, lineStart });
    lineStart = false;
    return tokens.length < options.maxTokens;
  };
  const fail = (offset: number, message: string): TokenizeResult => ({ tokens, problem: { offset, message } });

  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "\n" || ch === "\r") {
      if (depth === 0 && tokens.length > 0 && tokens[tokens.length - 1]!.kind !== "newline") {
        if (!push({ kind: "newline", text: "\n", start: i, end: i + 1 })) return fail(i, "too many tokens");
      }
      i += ch === "\r" && text[i + 1] === "\n" ? 2 : 1;
      lineStart = true;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\f" || ch === "\ufeff") {
      i++;
      continue;
    }
    if (ch === "\\" && (text[i + 1] === "\n" || text[i + 1] === "\r")) {
      // An explicit line continuation.
      i += text[i + 1] === "\r" && text[i + 2] === "\n" ? 3 : 2;
      continue;
    }
    if (ch === "#" && !options.json) {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
      continue;
    }

    const prefixMatch = options.json ? null : /^([rRuUbBfF]{1,2})?(['"])/.exec(text.slice(i, i + 3));
    if (ch === '"' || (!options.json && (ch === "'" || (prefixMatch && prefixMatch[1] && validPrefix(prefixMatch[1]))))) {
      const string = readString(text, i, options.json === true);
      if ("error" in string) return fail(string.at, string.error);
      if (!push(string.token)) return fail(i, "too many tokens");
      i = string.token.end;
      continue;
    }

    const number = /^(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?/.exec(text.slice(i, i + 64));
    if (number && /\d/.test(ch === "." ? (text[i + 1] ?? "") : ch)) {
      const raw = number[0];
      if (!push({ kind: "number", text: raw, start: i, end: i + raw.length, value: raw.replace(/_/g, "") }))
        return fail(i, "too many tokens");
      i += raw.length;
      continue;
    }

    const name = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(text.slice(i, i + 256));
    if (name) {
      if (!push({ kind: "name", text: name[0], start: i, end: i + name[0].length })) return fail(i, "too many tokens");
      i += name[0].length;
      continue;
    }

    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      if (op === "(" || op === "[" || op === "{") depth++;
      if ((op === ")" || op === "]" || op === "}") && depth > 0) depth--;
      if (!push({ kind: "op", text: op, start: i, end: i + op.length })) return fail(i, "too many tokens");
      i += op.length;
      continue;
    }
    // Anything else (a `$`, a stray `?`): an operator token the parser will not expect.
    if (!push({ kind: "op", text: ch, start: i, end: i + 1 })) return fail(i, "too many tokens");
    i++;
  }
  tokens.push({ kind: "end", text: "", start: text.length, end: text.length, lineStart: true });
  return { tokens, problem: null };
}

function validPrefix(prefix: string): boolean {
  return ["r", "u", "b", "f", "br", "rb", "fr", "rf"].includes(prefix.toLowerCase());
}

type ReadString = { token: Omit<Token, "lineStart"> } | { error: string; at: number };

function readString(text: string, start: number, json: boolean): ReadString {
  let i = start;
  let prefix = "";
  while (/[rRuUbBfF]/.test(text[i]!)) prefix += text[i++];
  const quote = text[i]!;
  const triple = !json && text.startsWith(quote.repeat(3), i);
  const delimiter = triple ? quote.repeat(3) : quote;
  i += delimiter.length;
  const contentStart = i;
  const raw = prefix.toLowerCase().includes("r");
  let value = "";
  let verbatim = true;
  while (i < text.length) {
    if (text.startsWith(delimiter, i)) {
      const end = i + delimiter.length;
      return {
        token: { kind: "string", text: text.slice(start, end), start, end, value, contentStart, verbatim, prefix: prefix.toLowerCase() },
      };
    }
    const ch = text[i]!;
    if (!triple && (ch === "\n" || ch === "\r")) break;
    if (ch === "\\") {
      verbatim = false;
      const escaped = raw ? null : escape(text, i + 1, json);
      if (escaped) {
        value += escaped.value;
        i = escaped.next;
      } else {
        // A raw string keeps the backslash, and so does an unknown escape in Python.
        value += ch + (text[i + 1] ?? "");
        i += 2;
      }
      continue;
    }
    value += ch;
    i++;
  }
  return { error: "this string has no closing quote", at: start };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  "'": "'",
  '"': '"',
  b: "\b",
  f: "\f",
  v: "\v",
  a: "\u0007",
  "0": "\0",
  "/": "/",
};

function escape(text: string, at: number, json: boolean): { value: string; next: number } | null {
  const ch = text[at];
  if (ch === undefined) return null;
  if (ch === "\n") return { value: "", next: at + 1 };
  if (ch === "u" || (!json && (ch === "x" || ch === "U"))) {
    const length = ch === "x" ? 2 : ch === "u" ? 4 : 8;
    const hex = text.slice(at + 1, at + 1 + length);
    if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(hex)) return null;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) return null;
    return { value: String.fromCodePoint(code), next: at + 1 + length };
  }
  if (ch === "/" && !json) return null;
  const simple = SIMPLE_ESCAPES[ch];
  return simple === undefined ? null : { value: simple, next: at + 1 };
}
