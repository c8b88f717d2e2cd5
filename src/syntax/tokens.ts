// The tokens of btp. Three decisions shape this file:
//
// 1. Keywords are case-insensitive (`Discharge at 1C until 3.3 V` pastes in from PyBaMM), and
//    only the statement, step and clause words are reserved. Type names (`current density`) and
//    cell property keys (`active mass`) are ordinary identifiers that the parser matches by text,
//    so a user may still call a parameter `rate` or `area`.
// 2. A number followed by a unit word is one Quantity token (`3.9 V`, `0.5C`, `117.6 mAh/g`).
//    Spaces or tabs may sit between them, never a newline, and the unit word must not be a
//    keyword: `5 cycles`, `2.0 V and 4.0 V` and `repeat 5 {` lex as a number and a keyword.
// 3. Newlines are tokens (they end statements); `Newline` and `;` share the `Separator` category.

import { createToken, Lexer, type CustomPatternMatcherReturn, type TokenType } from "chevrotain";

// ------------------------------------------------------------------------------ categories
// Categories let one CONSUME accept a family of tokens.

/** Newline or `;`: ends a statement. */
export const Separator = createToken({ name: "Separator", pattern: Lexer.NA });
/** Any reserved keyword. */
export const Keyword = createToken({ name: "Keyword", pattern: Lexer.NA });
/** An identifier or a keyword: what may appear in a cell property key or a type name. */
export const Word = createToken({ name: "Word", pattern: Lexer.NA });
/** Any token that can be part of a line of free text (everything but separators, commas and
 * braces). Cell property labels such as `NVP-K0.05` are read as a run of these. */
export const InlineToken = createToken({ name: "InlineToken", pattern: Lexer.NA });
/** `<`, `<=`, `>`, `>=` and their Unicode forms. */
export const Comparator = createToken({ name: "Comparator", pattern: Lexer.NA });
/** A token that cannot begin a statement, a declaration or a sequence call. An unknown statement
 * starts with one of these (or with an identifier not followed by `(`), which keeps the
 * recovery rule for unknown statements apart from the real statements at one token of lookahead. */
export const NonStarter = createToken({ name: "NonStarter", pattern: Lexer.NA });
/** `cycle` or `cycles`. */
export const CycleWord = createToken({ name: "CycleWord", pattern: Lexer.NA, label: "`cycle` or `cycles`" });
/** `cite`, `figure`, `note`, `instrument`, `author`. */
export const MetadataKey = createToken({
  name: "MetadataKey",
  pattern: Lexer.NA,
  label: "`cite`, `figure`, `note`, `instrument` or `author`",
});

// ------------------------------------------------------------------------------ trivia

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\f\v\u00a0\ufeff]+/,
  group: Lexer.SKIPPED,
});

export const Newline = createToken({
  name: "Newline",
  pattern: /\r\n|\r|\n/,
  line_breaks: true,
  categories: [Separator],
  label: "a new line",
});

export const Comment = createToken({
  name: "Comment",
  pattern: /#[^\r\n]*/,
  group: "comments",
});

// ------------------------------------------------------------------------------ literals

export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  categories: [InlineToken, NonStarter],
  label: "a string in double quotes",
});

/** A string that reaches the end of the line without its closing quote. It is accepted where a
 * string is expected (so parsing continues) and reported by the lexer as unterminated. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  categories: [StringLiteral, InlineToken, NonStarter],
  label: "a string in double quotes",
});

/** `C/20`: one twentieth of 1C. */
export const CRate = createToken({
  name: "CRate",
  pattern: /C\/(?:\d[\d_]*(?:\.\d[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/,
  categories: [InlineToken, NonStarter],
  label: "a C-rate such as C/20",
});

// The number syntax shared by Number and Quantity: `5`, `0.5`, `.5`, `1e-3`, `10_000`.
const NUMBER_SOURCE = String.raw`(?:\d[\d_]*(?:\.\d[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?`;
const UNIT_START = "A-Za-zµμΩ°℃%‰Å";
const UNIT_SOURCE = `[${UNIT_START}]` + `(?:[${UNIT_START}0-9²³¹⁻/^·]|\\*(?=[A-Za-z])|-(?=[0-9⁻]))*`;

const numberSticky = new RegExp(NUMBER_SOURCE, "y");
const unitSticky = new RegExp(String.raw`[ \t]*(${UNIT_SOURCE})`, "y");

/** Splits the text of a Quantity token into its number and its unit (with their offsets inside
 * the token), for the AST builder. */
export function splitQuantity(image: string): { number: string; unit: string; unitStart: number } {
  numberSticky.lastIndex = 0;
  const num = numberSticky.exec(image);
  const numberText = num ? num[0] : "";
  unitSticky.lastIndex = numberText.length;
  const unit = unitSticky.exec(image);
  const unitText = unit ? unit[1]! : "";
  return { number: numberText, unit: unitText, unitStart: image.length - unitText.length };
}

// ------------------------------------------------------------------------------ keywords

/** The reserved words, in lower case. Matching is case-insensitive. */
export const keywordWords = [
  // declarations
  "protocol",
  "cite",
  "figure",
  "note",
  "instrument",
  "author",
  "import",
  "use",
  "cell",
  "param",
  "sequence",
  // structure
  "repeat",
  "times",
  "until",
  "for",
  "in",
  "after",
  "every",
  "cycle",
  "cycles",
  "at",
  "settle",
  "stable",
  "section",
  "stop",
  "if",
  // steps and their clauses
  "charge",
  "discharge",
  "then",
  "hold",
  "rest",
  "ocv",
  "eis",
  "from",
  "to",
  "amplitude",
  "points",
  "per",
  "decade",
  "bias",
  "sweep",
  "cv",
  "between",
  "and",
  "start",
  "temperature",
  "pause",
  // step options and conditions
  "record",
  "limits",
  "label",
  "of",
  "nominal",
  "or",
] as const;

export type KeywordWord = (typeof keywordWords)[number];

const metadataWords: ReadonlySet<string> = new Set(["cite", "figure", "note", "instrument", "author"]);

/** The keywords a statement or a declaration begins with. */
export const statementStarters: ReadonlySet<string> = new Set([
  "protocol",
  "cite",
  "figure",
  "note",
  "instrument",
  "author",
  "import",
  "use",
  "cell",
  "param",
  "sequence",
  "repeat",
  "for",
  "after",
  "every",
  "at",
  "section",
  "stop",
  "charge",
  "discharge",
  "hold",
  "rest",
  "ocv",
  "eis",
  "sweep",
  "cv",
  "temperature",
  "pause",
  "record",
  "limits",
]);

const keywordSet: ReadonlySet<string> = new Set(keywordWords);

export function isKeyword(word: string): boolean {
  return keywordSet.has(word.toLowerCase());
}

/** Quantity: a number, optional spaces or tabs, then a unit word that is not a keyword. */
function matchQuantity(text: string, offset: number): CustomPatternMatcherReturn | null {
  numberSticky.lastIndex = offset;
  const num = numberSticky.exec(text);
  if (!num) return null;
  unitSticky.lastIndex = offset + num[0].length;
  const unit = unitSticky.exec(text);
  if (!unit) return null;
  if (keywordSet.has(unit[1]!.toLowerCase())) return null;
  return [text.slice(offset, unitSticky.lastIndex)] as CustomPatternMatcherReturn;
}

export const Quantity = createToken({
  name: "Quantity",
  pattern: { exec: matchQuantity },
  line_breaks: false,
  start_chars_hint: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "."],
  categories: [InlineToken, NonStarter],
  label: "a number with a unit",
});

export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: new RegExp(NUMBER_SOURCE),
  categories: [InlineToken, NonStarter],
  label: "a number",
});

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Word, InlineToken],
  label: "a name",
});

function keywordTokenName(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** One token type per keyword, keyed by the lower-case word. Keywords have no pattern of their
 * own: the lexer reads every word as an Identifier and lexer.ts then re-types the reserved ones
 * (one regular expression for all words is much faster than one per keyword). */
export const keywordTokens: Readonly<Record<KeywordWord, TokenType>> = Object.fromEntries(
  keywordWords.map((word) => [
    word,
    createToken({
      name: keywordTokenName(word),
      pattern: Lexer.NA,
      categories: [
        Keyword,
        Word,
        InlineToken,
        ...(statementStarters.has(word) ? [] : [NonStarter]),
        ...(word === "cycle" || word === "cycles" ? [CycleWord] : []),
        ...(metadataWords.has(word) ? [MetadataKey] : []),
      ],
      label: `\`${word}\``,
    }),
  ]),
) as Record<KeywordWord, TokenType>;

// ------------------------------------------------------------------------------ punctuation

function punctuation(
  name: string,
  pattern: RegExp,
  label: string,
  categories: TokenType[] = [InlineToken, NonStarter],
) {
  return createToken({ name, pattern, label: `\`${label}\``, categories });
}

export const LCurly = punctuation("LCurly", /\{/, "{", []);
export const RCurly = punctuation("RCurly", /\}/, "}", []);
export const LParen = punctuation("LParen", /\(/, "(");
export const RParen = punctuation("RParen", /\)/, ")");
export const LBracket = punctuation("LBracket", /\[/, "[");
export const RBracket = punctuation("RBracket", /\]/, "]");
export const Comma = punctuation("Comma", /,/, ",", [NonStarter]);
export const Semicolon = createToken({ name: "Semicolon", pattern: /;/, label: "`;`", categories: [Separator] });
export const Colon = punctuation("Colon", /:/, ":");
export const Equals = punctuation("Equals", /=/, "=");
export const Range = punctuation("Range", /\.\./, "..");
export const Plus = punctuation("Plus", /\+/, "+");
/** `-`, and the Unicode minus sign that papers use (`−20 °C`). */
export const Minus = punctuation("Minus", /-|\u2212/, "-");
export const Star = punctuation("Star", /\*|×/, "*");
export const Slash = punctuation("Slash", /\//, "/");
export const LessEqual = punctuation("LessEqual", /<=|≤/, "<=", [Comparator, InlineToken, NonStarter]);
export const GreaterEqual = punctuation("GreaterEqual", />=|≥/, ">=", [Comparator, InlineToken, NonStarter]);
export const Less = punctuation("Less", /</, "<", [Comparator, InlineToken, NonStarter]);
export const Greater = punctuation("Greater", />/, ">", [Comparator, InlineToken, NonStarter]);

/** The keyword token of a word, if the word is reserved (any case). */
export function keywordTokenOf(word: string): TokenType | undefined {
  const lower = word.toLowerCase();
  return keywordSet.has(lower) ? keywordTokens[lower as KeywordWord] : undefined;
}

/** Runs of characters that can start no token (stray symbols, control characters, binary
 * garbage). Matching them as one token keeps lexing linear on garbage: chevrotain's own error
 * path retries every pattern at every character. Reported by lexer.ts, never parsed. */
const GARBAGE_SOURCE = String.raw`[^ \t\f\v\u00a0\ufeff\r\n#"A-Za-z0-9_.{}()[\],;:=+\-\u2212*×/<>≤≥]`;
const garbageChar = new RegExp(GARBAGE_SOURCE);

export const Garbage = createToken({
  name: "Garbage",
  pattern: new RegExp(`${GARBAGE_SOURCE}+`),
  group: "garbage",
  // chevrotain cannot analyse a negated class; list the characters it can start with instead.
  start_chars_hint: Array.from({ length: 0x10000 }, (_, code) => code).filter((code) =>
    garbageChar.test(String.fromCharCode(code)),
  ),
});

// ------------------------------------------------------------------------------ the list

/** Every token type in lexing order (first match wins). Keywords and categories come last:
 * they match nothing themselves. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Newline,
  Comment,
  StringLiteral,
  UnterminatedString,
  CRate,
  Range,
  Quantity,
  NumberLiteral,
  Identifier,
  LCurly,
  RCurly,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Semicolon,
  Colon,
  Equals,
  Plus,
  Minus,
  Star,
  Slash,
  LessEqual,
  GreaterEqual,
  Less,
  Greater,
  Garbage,
  ...keywordWords.map((w) => keywordTokens[w]),
  Separator,
  Keyword,
  Word,
  InlineToken,
  Comparator,
  NonStarter,
  CycleWord,
  MetadataKey,
];
