// Questions the printer asks about the original text. The syntax tree says what was written;
// only the text says how it was laid out: which things shared a line, where a blank line
// separated two groups, where a block's `{` sits, and which of two equivalent words
// (`cycle`/`cycles`, `at`/`bias`) the author chose.

export class SourceText {
  /** Offsets at which each line starts (line breaks: \n, \r\n, \r). */
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) this.lineStarts.push(i + 1);
      else if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** 0-based line index of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  sameLine(a: number, b: number): boolean {
    return this.lineOf(a) === this.lineOf(b);
  }

  /** Offset of the start of the line holding `offset`. */
  lineStart(offset: number): number {
    return this.lineStarts[this.lineOf(offset)]!;
  }

  /** Offset of the end of the line holding `offset` (before its line break). */
  lineEnd(offset: number): number {
    const next = this.lineStarts[this.lineOf(offset) + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** Whether an empty line lies between two offsets. */
  blankLineBetween(from: number, to: number): boolean {
    return to > from && /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/.test(this.text.slice(from, to));
  }

  /** Whether only spaces and tabs precede `offset` on its line. */
  startsLine(offset: number): boolean {
    for (let i = offset - 1; i >= 0; i--) {
      const ch = this.text[i];
      if (ch === "\n" || ch === "\r") return true;
      if (ch !== " " && ch !== "\t") return false;
    }
    return true;
  }

  /** The first `char` at or after `from`, skipping comments; -1 if there is none before `limit`.
   * Only used between the parts of a construct, where no string can sit. */
  find(char: string, from: number, limit = this.text.length): number {
    for (let i = Math.max(0, from); i < limit; i++) {
      const ch = this.text[i];
      if (ch === char) return i;
      if (ch === "#") {
        while (i < limit && this.text[i] !== "\n" && this.text[i] !== "\r") i++;
      }
    }
    return -1;
  }

  /** The word (letters only, lower case) that starts after `offset`, skipping blanks and commas. */
  wordAfter(offset: number): string {
    let i = offset;
    while (i < this.text.length && /[ \t,]/.test(this.text[i]!)) i++;
    const match = /^[A-Za-z]+/.exec(this.text.slice(i, i + 32));
    return match ? match[0].toLowerCase() : "";
  }

  /** The word (letters only, lower case) that ends before `offset`, skipping blanks and commas. */
  wordBefore(offset: number): string {
    let i = offset;
    while (i > 0 && /[ \t,]/.test(this.text[i - 1]!)) i--;
    const match = /[A-Za-z]+$/.exec(this.text.slice(Math.max(0, i - 32), i));
    return match ? match[0].toLowerCase() : "";
  }

  /** The text of the line holding `offset`, from its first non-blank character up to `offset`. */
  codeBefore(offset: number): string {
    return this.text.slice(this.lineStart(offset), offset).replace(/^[ \t]+/, "");
  }

  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }
}
