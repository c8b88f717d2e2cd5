// Offsets in an imported vendor file → spans with 1-based lines and columns, so that a
// diagnostic or an imported step points at the place in the schedule it came from. Used by the
// Maccor, Neware and Arbin importers.

import type { Position, Span } from "../../diagnostics/diagnostic.js";

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly file: string,
    text: string,
  ) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
  }

  position(offset: number): Position {
    const at = Math.max(0, offset);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { offset: at, line: low + 1, column: at - this.lineStarts[low]! + 1 };
  }

  span(start: number, end: number): Span {
    return { file: this.file, start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** The span of a whole line (1-based), without its line break. */
  lineSpan(line: number, lineText: string): Span {
    const start = this.lineStarts[Math.min(Math.max(line, 1), this.lineStarts.length) - 1] ?? 0;
    return this.span(start, start + lineText.replace(/\r$/, "").length);
  }
}
