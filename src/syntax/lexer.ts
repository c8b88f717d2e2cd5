// Lexing: text → tokens the parser can use, comments kept aside, problems as diagnostics.
//
// After chevrotain has cut the text into tokens, one linear pass decides which newlines matter:
// newlines inside `( … )` and `[ … ]` are dropped (a long call or list may span lines), and so
// are newlines just before a `{` (so a block may open on the next line). Every other newline
// ends a statement.

import { Lexer, type IToken } from "chevrotain";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SpanMaker } from "./spans.js";
import * as t from "./tokens.js";

export { allTokens, keywordWords, isKeyword } from "./tokens.js";

let lexerInstance: Lexer | null = null;

/** One more than the diagnostics limit, so that the limit notice still appears. */
const MAX_LEXER_DIAGNOSTICS = 1001;

function lexer(): Lexer {
  // One instance for the whole process: building it analyses every pattern.
  lexerInstance ??= new Lexer(t.allTokens, {
    positionTracking: "full",
    ensureOptimizations: true,
    skipValidations: process.env["BTP_VALIDATE_GRAMMAR"] !== "1",
  });
  return lexerInstance;
}

export interface LexResult {
  /** Tokens for the parser, newlines already filtered as described above. */
  tokens: IToken[];
  comments: IToken[];
  diagnostics: Diagnostic[];
}

export function lex(text: string, spans: SpanMaker): LexResult {
  const result = lexer().tokenize(text);
  // Binary garbage can hold a problem every few bytes; past the report limit (1,000) the rest
  // would only be counted, so stop making them.
  const diagnostics: Diagnostic[] = [];
  const room = () => diagnostics.length <= MAX_LEXER_DIAGNOSTICS;
  for (const error of result.errors) {
    if (room()) diagnostics.push(unexpectedCharacters(error.offset, error.length, text, spans));
  }
  for (const garbage of result.groups["garbage"] ?? []) {
    if (room()) diagnostics.push(unexpectedCharacters(garbage.startOffset, garbage.image.length, text, spans));
  }
  for (const token of result.tokens) {
    if (token.tokenType === t.UnterminatedString && room()) diagnostics.push(unterminatedString(token, spans));
  }
  diagnostics.sort((a, b) => a.span.start.offset - b.span.start.offset);
  return {
    tokens: filterNewlinesAndTypeKeywords(result.tokens),
    comments: result.groups["comments"] ?? [],
    diagnostics,
  };
}

function filterNewlinesAndTypeKeywords(tokens: IToken[]): IToken[] {
  const kept: IToken[] = [];
  let bracketDepth = 0;
  for (const token of tokens) {
    if (token.tokenType === t.Identifier) retypeKeyword(token);
    const type = token.tokenType;
    if (type === t.Newline) {
      if (bracketDepth > 0) continue;
      kept.push(token);
      continue;
    }
    if (type === t.LParen || type === t.LBracket) bracketDepth++;
    else if (type === t.RParen || type === t.RBracket) bracketDepth = Math.max(0, bracketDepth - 1);
    else if (type === t.LCurly || type === t.RCurly) {
      // Braces never sit inside brackets in valid text; an unclosed `(` must not swallow the
      // newlines of the rest of the file.
      bracketDepth = 0;
      if (type === t.LCurly) while (kept.length > 0 && kept[kept.length - 1]!.tokenType === t.Newline) kept.pop();
    }
    kept.push(token);
  }
  return kept;
}

/** Turns an Identifier token whose word is reserved into that keyword's token. */
function retypeKeyword(token: IToken): void {
  const keyword = t.keywordTokenOf(token.image);
  if (!keyword) return;
  token.tokenType = keyword;
  token.tokenTypeIdx = keyword.tokenTypeIdx!;
}

function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 32 || code === 127) return `the control character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  return `\`${ch}\``;
}

function unexpectedCharacters(start: number, errorLength: number, text: string, spans: SpanMaker): Diagnostic {
  const length = Math.max(1, errorLength);
  const ch = String.fromCodePoint(text.codePointAt(start) ?? 0xfffd);
  const span = spans.span(start, start + length);
  const message =
    length > ch.length
      ? `unexpected characters starting with ${describeCharacter(ch)}`
      : `unexpected character ${describeCharacter(ch)}`;
  return { code: "BTP1001", severity: "error", message, span, hint: characterHint(ch) };
}

function characterHint(ch: string): string {
  if ("“”„«»‘’'`".includes(ch)) return 'strings use straight double quotes: "like this"';
  if (ch === "!") return "comparisons are written `<`, `<=`, `>`, `>=`";
  if (ch === "–" || ch === "—") return "write a range as `2.3 V .. 3.9 V` and a minus sign as `-`";
  if (ch === "\\") return "a backslash is only meaningful inside a string";
  if ("%°µμΩ℃‰".includes(ch)) return "a unit follows its number directly: `80 %`, `25 °C`, `10 µA`";
  return "remove it, or put it inside a string or a comment (`# …`)";
}

function unterminatedString(token: IToken, spans: SpanMaker): Diagnostic {
  return {
    code: "BTP1002",
    severity: "error",
    message: 'unterminated string: it needs a closing `"` on the same line',
    span: spans.token(token),
    hint: 'close it: "like this" (a string cannot span lines; a `"` inside one is written \\")',
  };
}
