// The tokens around a place in the text, for hover and completion. No btp token spans lines, so
// lexing the line under the cursor (or the statement before it) with the project's lexer gives
// exactly the tokens the parser sees there.

import type { IToken } from "chevrotain";
import { lex } from "../../syntax/lexer.js";
import { SpanMaker, originOfFile } from "../../syntax/spans.js";

export interface TextToken {
  image: string;
  /** Offsets in the whole text. */
  start: number;
  end: number;
  /** The chevrotain token name: `Identifier`, `Quantity`, `Charge`, `StringLiteral`, … */
  type: string;
  /** The lexer's token (offsets relative to the lexed slice), for chevrotain's content assist. */
  raw: IToken;
}

/** Offsets of the start and end (before the line break) of the line holding `offset`. */
export function lineAround(text: string, offset: number): { start: number; end: number } {
  let start = Math.min(offset, text.length);
  while (start > 0 && text[start - 1] !== "\n" && text[start - 1] !== "\r") start--;
  let end = Math.min(offset, text.length);
  while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
  return { start, end };
}

/** Tokens (and comments, marked `Comment`) of text[start, end), with offsets in the whole text. */
export function tokensIn(text: string, start: number, end: number): { tokens: TextToken[]; comments: TextToken[] } {
  const slice = text.slice(start, end);
  const lexed = lex(slice, new SpanMaker(slice, originOfFile("<editor>")));
  const convert = (token: IToken): TextToken => ({
    image: token.image,
    start: start + token.startOffset,
    end: start + token.startOffset + token.image.length,
    type: token.tokenType.name,
    raw: token,
  });
  return { tokens: lexed.tokens.map(convert), comments: lexed.comments.map(convert) };
}

/** The token under the cursor (or just before it, when the cursor ends a word); comments count. */
export function tokenAt(text: string, offset: number): TextToken | null {
  const line = lineAround(text, offset);
  const { tokens, comments } = tokensIn(text, line.start, line.end);
  const all = [...tokens, ...comments].filter((t) => t.type !== "Newline");
  return all.find((t) => t.start <= offset && offset < t.end) ?? all.find((t) => t.end === offset) ?? null;
}
