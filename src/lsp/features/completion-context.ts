// Where the cursor is, for completion: inside which kind of block (statements, a cell, a
// `limits { }`), what the statement typed so far is, and so what may come next.
//
// The keywords come from the grammar itself: chevrotain's content assist is given the tokens of
// the current statement up to the cursor and answers with the tokens that may follow, each with
// the rule it belongs to (so an identifier expected in `primary` is a value, in `endCondition`
// a subject such as `voltage`, in `useCell` a cell name). Values in cells and limits, whose
// keys are plain words, are completed from tables.

import type { Span } from "../../diagnostics/diagnostic.js";
import type { CellProperty, SequenceDecl, SourceFile, Statement, TopLevelItem } from "../../syntax/ast.js";
import { keywordWords } from "../../syntax/index.js";
import { btpParser } from "../../syntax/parser.js";
import { splitQuantity } from "../../syntax/tokens.js";
import type { QuantityKind } from "../../units/index.js";
import { expectedKinds } from "./expected-units.js";
import { lineAround, tokensIn, type TextToken } from "./tokens.js";

/** Where the cursor is: the top level, a block of statements, a cell, or `limits { }`. */
export type BlockKind = "file" | "statements" | "cell" | "limits";

/** What the grammar allows next, boiled down. */
export interface Expectation {
  keywords: string[];
  /** A value may follow: params, sweep variables and sequence parameters in scope. */
  value: boolean;
  /** A statement may start: sequences (as calls). */
  sequence: boolean;
  /** `until` may name what it watches. */
  conditionSubject: boolean;
  /** A loop condition may start (`discharge capacity`, …). */
  loopCondition: boolean;
  /** A type name (`current density`). */
  typeName: boolean;
  /** A cell name after `use cell`. */
  cellName: boolean;
  /** A named argument of the sequence being called. */
  argumentOf: string | null;
}

export type Situation =
  | { kind: "none" }
  /** Inside the string of `import "…"` or `use cell "…"`: `typed` is the text so far. */
  | { kind: "path"; typed: string; start: number }
  /** A unit after a number; `kinds` null when the place does not tell. */
  | { kind: "unit"; kinds: QuantityKind[] | null; typed: string; start: number; needsSpace: boolean }
  | { kind: "words"; typed: string; start: number; block: BlockKind; expectation: Expectation; scope: ScopeNames }
  /** A key of a cell (`inside` says which block: the cell itself, an electrode, …). */
  | { kind: "cellKey"; typed: string; start: number; inside: "cell" | "electrode" | "electrolyte" | "model" }
  | { kind: "cellWord"; typed: string; start: number; key: string }
  | { kind: "limitSubject"; typed: string; start: number };

/** Names declared around the cursor that the checker's symbol index cannot know yet. */
export interface ScopeNames {
  /** Sweep variables and sequence parameters whose block holds the cursor. */
  locals: { name: string; detail: string }[];
  /** Declarations of the current text (params, sequences, cells), fresher than the last check. */
  params: string[];
  sequences: SequenceDecl[];
  cells: string[];
}

/** Statements typed before the cursor longer than this are read from the cursor's line only. */
const MAX_STATEMENT_LOOKBACK = 8000;

export function situationAt(text: string, offset: number, file: SourceFile, pieceStart: number): Situation {
  const line = lineAround(text, offset);
  const lineTokens = tokensIn(text, line.start, line.end);
  if (lineTokens.comments.some((c) => c.start < offset)) return { kind: "none" };
  const stringHere = lineTokens.tokens.find((t) => isString(t) && t.start < offset && (offset < t.end || !closed(t)));

  const from = offset - pieceStart > MAX_STATEMENT_LOOKBACK ? line.start : pieceStart;
  const tokens = tokensIn(text, from, offset).tokens;
  const statement = currentStatement(tokens);
  const enclosing = enclosingNodes(file, offset);
  const block = blockKind(enclosing, text, offset);

  if (stringHere) {
    const head = statement.map((t) => t.image.toLowerCase());
    const isPath = head[0] === "import" || (head[0] === "use" && head[1] === "cell");
    return isPath ? { kind: "path", typed: text.slice(stringHere.start + 1, offset), start: stringHere.start + 1 } : { kind: "none" };
  }

  // The word being typed, if the cursor ends one.
  const last = statement[statement.length - 1];
  const touching = last && last.end === offset ? last : undefined;
  if (touching?.type === "Quantity") {
    const { unit, unitStart } = splitQuantity(touching.image);
    return { kind: "unit", kinds: expectedKinds(statement.slice(0, -1), block), typed: unit, start: touching.start + unitStart, needsSpace: false };
  }
  if (last?.type === "NumberLiteral") {
    return { kind: "unit", kinds: expectedKinds(statement.slice(0, -1), block), typed: "", start: offset, needsSpace: last.end === offset };
  }
  const isWord = touching !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(touching.image);
  const typed = isWord ? touching.image : "";
  const start = isWord ? touching.start : offset;
  const before = isWord ? statement.slice(0, -1) : statement;

  if (block === "cell") return cellSituation(before, typed, start, enclosing);
  if (block === "limits") {
    if (before.length === 0 || before[before.length - 1]!.type === "Comma") return { kind: "limitSubject", typed, start };
    return { kind: "none" };
  }
  return { kind: "words", typed, start, block, expectation: expectationAfter(before, block), scope: scopeNames(file, enclosing) };
}

function isString(token: TextToken): boolean {
  return token.type === "StringLiteral" || token.type === "UnterminatedString";
}

function closed(token: TextToken): boolean {
  return token.image.length >= 2 && token.image.endsWith('"') && !token.image.endsWith('\\"');
}

/** The tokens of the statement the cursor is in: after the last `;`, newline, `{` or `}`. */
function currentStatement(tokens: TextToken[]): TextToken[] {
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.type;
    if (type === "Newline" || type === "Semicolon" || type === "LCurly" || type === "RCurly") start = i + 1;
  }
  return tokens.slice(start);
}

// ------------------------------------------------------------------------------ the grammar

function expectationAfter(tokens: TextToken[], block: BlockKind): Expectation {
  const expectation: Expectation = {
    keywords: [],
    value: false,
    sequence: false,
    conditionSubject: false,
    loopCondition: false,
    typeName: false,
    cellName: false,
    argumentOf: null,
  };
  const parser = btpParser();
  const lexed = tokens.map((t) => t.raw);
  const rules = block === "file" ? (["statement", "declaration"] as const) : (["statement"] as const);
  const keywords = new Set<string>();
  for (const rule of rules) {
    let paths: ReturnType<typeof parser.computeContentAssist>;
    try {
      paths = parser.computeContentAssist(rule, lexed);
    } catch {
      continue;
    }
    for (const path of paths) {
      const name = path.nextTokenType.name;
      const owner = path.ruleStack[path.ruleStack.length - 1];
      const word = KEYWORD_OF_TOKEN.get(name);
      if (word) keywords.add(word);
      else if (name === "MetadataKey") for (const key of ["cite", "figure", "note", "instrument", "author"]) keywords.add(key);
      else if (name === "CycleWord") for (const key of ["cycle", "cycles"]) keywords.add(key);
      else if (name === "Word" && owner === "typeName") expectation.typeName = true;
      else if (name === "Identifier") {
        if (owner === "primary") expectation.value = true;
        else if (owner === "endCondition") expectation.conditionSubject = true;
        else if (owner === "loopCondition") expectation.loopCondition = true;
        else if (owner === "useCell") expectation.cellName = true;
        else if (owner === "sequenceCall") expectation.sequence = true;
        else if (owner === "callArgument") expectation.argumentOf = tokens[0]?.image ?? null;
      }
    }
  }
  if (expectation.loopCondition) {
    // `charge capacity`, `discharge capacity` are offered whole, not as bare keywords.
    keywords.delete("charge");
    keywords.delete("discharge");
  }
  expectation.keywords = [...keywords];
  return expectation;
}

const KEYWORD_OF_TOKEN = new Map<string, string>(keywordWords.map((word) => [word.charAt(0).toUpperCase() + word.slice(1), word]));

// ------------------------------------------------------------------------------ blocks

type Enclosing = (TopLevelItem | Statement | CellProperty)[];

/** The nodes whose span holds the offset, outermost first. */
function enclosingNodes(file: SourceFile, offset: number): Enclosing {
  const chain: Enclosing = [];
  let level: readonly (TopLevelItem | Statement | CellProperty)[] = file.items ?? [];
  for (;;) {
    const inside = level.find((node) => node && node.span.start.offset < offset && offset <= node.span.end.offset);
    if (!inside) return chain;
    chain.push(inside);
    level = childrenOf(inside);
  }
}

function childrenOf(node: TopLevelItem | Statement | CellProperty): readonly (Statement | CellProperty)[] {
  switch (node.kind) {
    case "RepeatBlock":
    case "SweepBlock":
    case "CycleAction":
    case "TemperatureBlock":
    case "SectionBlock":
    case "SequenceDecl":
      return node.body ?? [];
    case "CellDecl":
      return node.properties ?? [];
    case "CellProperty":
      return node.children ?? [];
    default:
      return [];
  }
}

function blockKind(enclosing: Enclosing, text: string, offset: number): BlockKind {
  const innermost = enclosing[enclosing.length - 1];
  if (!innermost) return "file";
  const opened = (span: Span) => text.slice(span.start.offset, offset).includes("{");
  if (innermost.kind === "CellDecl" || innermost.kind === "CellProperty") return opened(innermost.span) ? "cell" : enclosing.length > 1 ? "cell" : "file";
  if (innermost.kind === "LimitsStatement" && opened(innermost.span)) return "limits";
  if ("options" in innermost) {
    const limits = innermost.options?.limits;
    if (limits && limits.span.start.offset < offset && offset <= limits.span.end.offset && opened(limits.span)) return "limits";
  }
  const blocks = enclosing.filter((node) => "body" in node);
  const last = blocks[blocks.length - 1];
  return last && opened(last.span) ? "statements" : blocks.length > 1 ? "statements" : "file";
}

function cellSituation(before: TextToken[], typed: string, start: number, enclosing: Enclosing): Situation {
  const blocks = enclosing.filter((node): node is CellProperty => node.kind === "CellProperty" && node.children !== null);
  const parent = blocks[blocks.length - 1];
  const parentKey = parent ? parent.key.toLowerCase() : null;
  const inside = parentKey === null ? "cell" : ["cathode", "anode", "electrode"].includes(parentKey) ? "electrode" : parentKey === "model" ? "model" : "electrolyte";
  // The property being written: the tokens after the last `,` of this line.
  let from = 0;
  for (let i = 0; i < before.length; i++) if (before[i]!.type === "Comma") from = i + 1;
  const item = before.slice(from);
  if (item.length === 0) return { kind: "cellKey", typed, start, inside };
  const key = item.map((t) => t.image.toLowerCase()).join(" ");
  if (key === "kind") return { kind: "cellWord", typed, start, key };
  return { kind: "none" };
}

// ------------------------------------------------------------------------------ names

function scopeNames(file: SourceFile, enclosing: Enclosing): ScopeNames {
  const locals: ScopeNames["locals"] = [];
  for (const node of enclosing) {
    if (node.kind === "SweepBlock") locals.push({ name: node.variable.name, detail: "sweep variable" });
    if (node.kind === "SequenceDecl") for (const param of node.params ?? []) locals.push({ name: param.name.name, detail: `parameter of ${node.name.name}` });
  }
  const params: string[] = [];
  const sequences: SequenceDecl[] = [];
  const cells: string[] = [];
  for (const item of file.items ?? []) {
    if (item?.kind === "ParamDecl" && item.name.name) params.push(item.name.name);
    else if (item?.kind === "SequenceDecl" && item.name.name) sequences.push(item);
    else if (item?.kind === "CellDecl" && item.name?.name) cells.push(item.name.name);
  }
  return { locals: locals.filter((l) => l.name !== ""), params, sequences, cells };
}
