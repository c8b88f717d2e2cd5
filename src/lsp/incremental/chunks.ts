// Cutting a protocol into top-level pieces that parse on their own. A 5,000-line protocol is
// mostly a list of top-level blocks (sections, loops, sweeps); when the user types inside one,
// only that piece needs parsing again (see incremental/parser.ts).
//
// A cut may fall at the end of a line only where the parser of the whole file would also be
// between two top-level items:
// - no `{ ( [` is open (counted the way the lexer and the bracket pre-scan count them: a brace
//   closes any bracket left open, a `}` with nothing open is ignored);
// - the next line that holds code does not start with `{` (the lexer joins a block's `{` to the
//   statement on the line above);
// - the line is not a comment-only line: a run of comment lines documents the declaration
//   below it, so it must stay in the same piece;
// - the next line is not blank: blank lines stay with the piece above, so that typing on an
//   empty line only touches one piece.

export interface Chunk {
  /** Offset of the first character (always the start of a line). */
  start: number;
  /** Offset just past the last character (the start of the next chunk, or the text length). */
  end: number;
  /** 1-based line of `start`. */
  line: number;
}

type LineKind = "blank" | "comment" | "code";

interface LineFacts {
  /** Offset of the first character of the next line (or the text length). */
  next: number;
  kind: LineKind;
  /** The first code character is `{`. */
  opensWithBrace: boolean;
}

/** Bracket state across lines, mirroring src/syntax/lexer.ts and src/syntax/brackets.ts. */
class BracketState {
  /** Open `{`, `(` and `[`, innermost last. */
  private readonly stack: number[] = [];
  /** The lexer's count of open `(` and `[` (reset by braces). */
  private parenDepth = 0;

  get balanced(): boolean {
    return this.stack.length === 0 && this.parenDepth === 0;
  }

  open(ch: number): void {
    if (ch === BRACE_OPEN) {
      this.closeBrackets();
      this.parenDepth = 0;
    } else {
      this.parenDepth++;
    }
    this.stack.push(ch);
  }

  close(ch: number): void {
    if (ch === BRACE_CLOSE) {
      this.parenDepth = 0;
      const brace = this.stack.lastIndexOf(BRACE_OPEN);
      if (brace !== -1) this.stack.length = brace;
      return;
    }
    this.parenDepth = Math.max(0, this.parenDepth - 1);
    const wanted = ch === PAREN_CLOSE ? PAREN_OPEN : BRACKET_OPEN;
    if (this.stack[this.stack.length - 1] === wanted) this.stack.pop();
  }

  private closeBrackets(): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1] !== BRACE_OPEN) this.stack.pop();
  }
}

const BRACE_OPEN = 0x7b;
const BRACE_CLOSE = 0x7d;
const PAREN_OPEN = 0x28;
const PAREN_CLOSE = 0x29;
const BRACKET_OPEN = 0x5b;
const BRACKET_CLOSE = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const LF = 0x0a;
const CR = 0x0d;

function isSpace(ch: number): boolean {
  // The lexer's WhiteSpace: space, tab, form feed, vertical tab, no-break space, BOM.
  return ch === 0x20 || ch === 0x09 || ch === 0x0c || ch === 0x0b || ch === 0xa0 || ch === 0xfeff;
}

/** Reads one line from `start`, updating the bracket state with its code. */
function readLine(text: string, start: number, brackets: BracketState): LineFacts {
  let i = start;
  let kind: LineKind = "blank";
  let opensWithBrace = false;
  const length = text.length;
  while (i < length) {
    const ch = text.charCodeAt(i);
    if (ch === LF || ch === CR) break;
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === HASH) {
      if (kind === "blank") kind = "comment";
      while (i < length && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
      break;
    }
    if (kind !== "code") {
      kind = "code";
      opensWithBrace = ch === BRACE_OPEN;
    }
    if (ch === QUOTE) {
      // A string ends at its closing quote or, unterminated, at the end of the line.
      i++;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (c === LF || c === CR) break;
        if (c === BACKSLASH && i + 1 < length && text.charCodeAt(i + 1) !== LF && text.charCodeAt(i + 1) !== CR) {
          i += 2;
          continue;
        }
        i++;
        if (c === QUOTE) break;
      }
      continue;
    }
    if (ch === BRACE_OPEN || ch === PAREN_OPEN || ch === BRACKET_OPEN) brackets.open(ch);
    else if (ch === BRACE_CLOSE || ch === PAREN_CLOSE || ch === BRACKET_CLOSE) brackets.close(ch);
    i++;
  }
  // Line breaks as the lexer counts them: \r\n, \r or \n.
  if (i < length) i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
  return { next: i, kind, opensWithBrace };
}

/** The top-level pieces of `text`, in order, covering it exactly. */
export function splitTopLevel(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const brackets = new BracketState();
  let chunkStart = 0;
  let chunkLine = 1;
  let offset = 0;
  let line = 1;
  /** A line that could end a chunk, waiting to learn what the next lines look like. */
  let candidate: { next: number; line: number } | null = null;

  while (offset < text.length) {
    const facts = readLine(text, offset, brackets);
    if (candidate && facts.kind !== "blank") {
      // The first non-blank line after a possible cut decides it: a comment line or code that
      // does not open with `{` lets the cut stand (a comment between `repeat 3` and `{` is
      // skipped by the lexer, so look past comment lines for the brace).
      if (facts.kind === "code" && facts.opensWithBrace) {
        candidate = null;
      } else if (facts.kind === "comment") {
        // Undecided until the code below the comments shows whether it opens with `{`.
      } else {
        chunks.push({ start: chunkStart, end: candidate.next, line: chunkLine });
        chunkStart = candidate.next;
        chunkLine = candidate.line + 1;
        candidate = null;
      }
    }
    const blankFollows = facts.next < text.length && isBlankLine(text, facts.next);
    if (facts.kind === "code" && brackets.balanced && !blankFollows) {
      candidate = { next: facts.next, line };
    } else if (facts.kind === "blank" && brackets.balanced && !blankFollows && candidate === null && offset > chunkStart) {
      // The last blank line of a run after code: the cut goes after it.
      candidate = { next: facts.next, line };
    }
    offset = facts.next;
    line++;
  }
  chunks.push({ start: chunkStart, end: text.length, line: chunkLine });
  return chunks;
}

function isBlankLine(text: string, start: number): boolean {
  for (let i = start; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === LF || ch === CR) return true;
    if (!isSpace(ch)) return false;
  }
  return true;
}
