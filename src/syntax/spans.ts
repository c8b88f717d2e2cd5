// Turning offsets into spans. Every span the parser produces goes through a SpanMaker, so that a
// text parsed on its own (a `--set` value, a YAML string) can still point into its real file:
// the origin says where that text starts.

import type { Position, Span } from "../diagnostics/diagnostic.js";

export interface TextOrigin {
  file: string;
  /** 1-based line of the first character of the text in its file. */
  line: number;
  /** 1-based column of the first character of the text in its file. */
  column: number;
  /** 0-based offset of the first character of the text in its file. */
  offset: number;
}

export function originOfFile(file: string): TextOrigin {
  return { file, line: 1, column: 1, offset: 0 };
}

export class SpanMaker {
  /** Offsets at which each line starts (line breaks: \n, \r\n, \r — as LSP counts them). */
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly text: string,
    readonly origin: TextOrigin,
  ) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) this.lineStarts.push(i + 1);
      else if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  get file(): string {
    return this.origin.file;
  }

  /** The line (0-based index into lineStarts) of the last lookup. */
  private lastLine = 0;

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const low = this.lineIndexOf(clamped);
    const column = clamped - this.lineStarts[low]! + 1;
    return {
      offset: this.origin.offset + clamped,
      line: this.origin.line + low,
      column: low === 0 ? this.origin.column + column - 1 : column,
    };
  }

  /** The index of the line holding `offset`. The AST builder asks about offsets in reading
   * order, so the line of the previous answer or the next one usually holds it (O(1));
   * otherwise a binary search (O(log lines)). */
  private lineIndexOf(offset: number): number {
    const starts = this.lineStarts;
    const last = this.lastLine;
    if (starts[last]! <= offset) {
      if (last + 1 === starts.length || offset < starts[last + 1]!) return last;
      if (last + 2 === starts.length || offset < starts[last + 2]!) return (this.lastLine = last + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    this.lastLine = low;
    return low;
  }

  /** Span of [start, end) in text offsets. */
  span(start: number, end: number): Span {
    const s = this.position(start);
    return { file: this.origin.file, start: s, end: end <= start ? s : this.position(end) };
  }

  /** Span of a token: chevrotain's endOffset is inclusive. */
  token(token: { startOffset: number; endOffset?: number; image: string }): Span {
    const end = token.startOffset + token.image.length;
    return this.span(token.startOffset, end);
  }

  /** Zero-width span at an offset: where something missing was expected. */
  point(offset: number): Span {
    return this.span(offset, offset);
  }

  /** Span from the start of one span to the end of another (both from this maker). */
  cover(first: Span, last: Span): Span {
    return { file: this.origin.file, start: first.start, end: last.end };
  }

  get textLength(): number {
    return this.text.length;
  }
}
