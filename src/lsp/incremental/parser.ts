// Parsing as the user types: the text is cut into top-level pieces (chunks.ts), each piece is
// parsed on its own with the project's parser, and pieces whose text did not change are reused
// from the previous version with their positions moved. The result is the same tree and the
// same diagnostics as `parseSource` on the whole text (test/lsp/incremental-parser.test.ts
// checks that on the bundled protocols under random edits), at the cost of parsing only the
// piece that was edited.
//
// Where the pieces could differ from a whole-file parse, the whole file is parsed instead:
// nesting too deep (the whole file is then refused), and a flood of problems (the parser and
// the diagnostic list stop at limits that count over the whole file).

import type { Diagnostic, Position } from "../../diagnostics/diagnostic.js";
import type { Comment, SourceFile, TopLevelItem } from "../../syntax/ast.js";
import { parseSource } from "../../syntax/index.js";
import { splitTopLevel } from "./chunks.js";

export interface ParsedDocument {
  file: SourceFile;
  diagnostics: Diagnostic[];
  /** Where the pieces start (offsets), for features that want the piece around the cursor. */
  pieceStarts: number[];
  /** How many pieces were parsed for this version (the rest were reused). */
  parsedPieces: number;
}

/** A piece parsed once, with its positions currently placed at `line` / `offset`. */
interface Piece {
  text: string;
  items: TopLevelItem[];
  comments: Comment[];
  diagnostics: Diagnostic[];
  /** Every position object in the piece's tree and diagnostics, each once. */
  positions: Position[];
  /** An error on the piece's last line: the statement may go on in the next piece. */
  errorAtEnd: boolean;
  /** Messages that quote a line number of the piece ("opened at 12:3"). */
  lineQuotes: { diagnostic: Diagnostic; template: string; line: number }[];
  placedOffset: number;
  placedLine: number;
}

/** The empty line a piece is parsed after (see parsePiece). */
const PADDING = 1;
/** Problems beyond this many make the whole file be parsed at once: the parser stops after
 * 1,000 errors and the diagnostic list after 1,000 entries, counted over the whole file (a line
 * reports only its first error, so the parser's own count runs ahead of the diagnostics). */
const PIECEWISE_PROBLEM_LIMIT = 300;
/** BTP1003: nesting too deep refuses the whole file, not just the piece. */
const WHOLE_FILE_CODES = new Set(["BTP1003", "BTP1099"]);

export class IncrementalParser {
  /** Pieces of the last version, by their text (identical pieces may occur several times). */
  private pieces = new Map<string, Piece[]>();

  constructor(private readonly path: string) {}

  parse(text: string): ParsedDocument {
    const chunks = splitTopLevel(text);
    const previous = this.pieces;
    const next = new Map<string, Piece[]>();
    const placed: Piece[] = [];
    const starts: number[] = [];
    let parsedPieces = 0;
    let problems = 0;
    const take = (start: number, end: number): Piece => {
      const pieceText = text.slice(start, end);
      let piece = previous.get(pieceText)?.pop();
      if (!piece) {
        piece = this.parsePiece(pieceText);
        parsedPieces++;
      }
      const same = next.get(pieceText);
      if (same) same.push(piece);
      else next.set(pieceText, [piece]);
      return piece;
    };
    for (let i = 0; i < chunks.length; i++) {
      const first = chunks[i]!;
      let piece = take(first.start, first.end);
      // A statement left unfinished at the end of a piece may continue on the next line in a
      // whole-file parse (the parser's recovery may skip the line break), so such a piece is
      // parsed together with the one after it.
      while (piece.errorAtEnd && i + 1 < chunks.length) {
        i++;
        forget(next, piece);
        piece = take(first.start, chunks[i]!.end);
      }
      place(piece, first.start, first.line);
      placed.push(piece);
      starts.push(first.start);
      problems += piece.diagnostics.length;
    }
    this.pieces = next;

    const wholeFile =
      problems > PIECEWISE_PROBLEM_LIMIT ||
      placed.some((piece) => piece.diagnostics.some((d) => WHOLE_FILE_CODES.has(d.code))) ||
      endOfTextAfterBracketProblem(placed);
    if (wholeFile) {
      const parsed = parseSource(text, this.path);
      return { file: parsed.file, diagnostics: parsed.diagnostics, pieceStarts: starts, parsedPieces };
    }

    const items: TopLevelItem[] = [];
    const comments: Comment[] = [];
    const diagnostics: Diagnostic[] = [];
    for (const piece of placed) {
      for (const item of piece.items) items.push(item);
      for (const comment of piece.comments) comments.push(comment);
      for (const diagnostic of piece.diagnostics) diagnostics.push(diagnostic);
    }
    const file: SourceFile = { kind: "SourceFile", path: this.path, text, items, comments, span: wholeSpan(this.path, text) };
    return { file, diagnostics, pieceStarts: starts, parsedPieces };
  }

  private parsePiece(text: string): Piece {
    // The piece is parsed after one empty line, so that its own text starts at offset 1: the AST
    // builder puts nodes invented by error recovery at offset 0, which in a whole-file parse is
    // the start of the file, and those must stay there rather than move with the piece.
    const parsed = parseSource(`\n${text}`, this.path);
    const positions = collectPositions([parsed.file.items, parsed.file.comments, parsed.diagnostics]);
    const lineQuotes: Piece["lineQuotes"] = [];
    for (const diagnostic of parsed.diagnostics) {
      // The bracket pre-scan names where an unclosed block was opened, as line:column.
      const quoted = /opened at (\d+):(\d+)/.exec(diagnostic.message);
      if (quoted) {
        lineQuotes.push({ diagnostic, template: diagnostic.message.replace(quoted[0], `opened at \u0000:${quoted[2]}`), line: Number(quoted[1]) });
      }
    }
    const lastLine = lastCodeLineStart(text) + PADDING;
    return {
      text,
      errorAtEnd: parsed.diagnostics.some((d) => d.severity === "error" && d.span.end.offset >= lastLine),
      items: parsed.file.items,
      comments: parsed.file.comments,
      diagnostics: parsed.diagnostics,
      positions,
      lineQuotes,
      placedOffset: PADDING,
      placedLine: 1 + PADDING,
    };
  }
}

/** Once the bracket pre-scan has found a problem anywhere in a file, the parser's complaint
 * about the end of the text is not reported (it would repeat the bracket problem). A piece
 * cannot know about a bracket problem in another piece, so such a file is parsed whole when
 * its last piece ends in an error. */
function endOfTextAfterBracketProblem(placed: readonly Piece[]): boolean {
  const last = placed[placed.length - 1];
  if (!last?.errorAtEnd) return false;
  return placed.slice(0, -1).some((piece) => piece.diagnostics.some((d) => BRACKET_CODES.has(d.code)));
}

const BRACKET_CODES = new Set(["BTP1004", "BTP1005"]);

/** Removes a piece from the reuse map (it was merged into a bigger one). */
function forget(pieces: Map<string, Piece[]>, piece: Piece): void {
  const same = pieces.get(piece.text);
  if (!same) return;
  const index = same.indexOf(piece);
  if (index !== -1) same.splice(index, 1);
  if (same.length === 0) pieces.delete(piece.text);
}

/** Offset of the start of the last line that holds more than blanks. */
function lastCodeLineStart(text: string): number {
  let end = text.length;
  for (;;) {
    let start = end;
    while (start > 0 && text[start - 1] !== "\n" && text[start - 1] !== "\r") start--;
    if (text.slice(start, end).trim() !== "" || start === 0) return start;
    end = start - 1;
    if (end > 0 && text[end] === "\n" && text[end - 1] === "\r") end--;
  }
}

/** Moves a piece's positions so that it starts at `offset`, on `line`. Pieces start at the
 * beginning of a line, so columns never change. */
function place(piece: Piece, offset: number, line: number): void {
  const deltaOffset = offset - piece.placedOffset;
  const deltaLine = line - piece.placedLine;
  if (deltaOffset === 0 && deltaLine === 0) return;
  for (const position of piece.positions) {
    position.offset += deltaOffset;
    position.line += deltaLine;
  }
  for (const quote of piece.lineQuotes) {
    quote.diagnostic.message = quote.template.replace("\u0000", String(quote.line + line - 1 - PADDING));
  }
  piece.placedOffset = offset;
  piece.placedLine = line;
}

/** Every distinct Position object reachable from `roots` (spans may share them), except those
 * at offset 0: in a padded piece, only nodes invented by error recovery are placed there, and
 * they stay at the start of the file wherever the piece moves. */
function collectPositions(roots: unknown[]): Position[] {
  const seen = new Set<object>();
  const positions: Position[] = [];
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    if (isPosition(value)) {
      if (value.offset !== 0) positions.push(value);
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else {
      for (const key in value) stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return positions;
}

function isPosition(value: object): value is Position {
  const candidate = value as Partial<Position>;
  return typeof candidate.offset === "number" && typeof candidate.line === "number" && typeof candidate.column === "number";
}

function wholeSpan(path: string, text: string): SourceFile["span"] {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file: path, start: { offset: 0, line: 1, column: 1 }, end: { offset: text.length, line, column: text.length - lineStart + 1 } };
}
