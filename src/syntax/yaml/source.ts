// Where things are in the YAML text: turns the YAML library's offsets into btp spans, and finds
// the exact text of a scalar so that a quantity inside it ("3.9 V") is parsed with spans that
// point at its own characters in the file.

import type { LineCounter, Node, Pair, Scalar } from "yaml";
import type { Position, Span } from "../../diagnostics/diagnostic.js";

/** A scalar's text and where its first character sits. `exact` is false when the text in the
 * file differs from the value (escapes, folded lines): positions inside it cannot be trusted,
 * so everything found in it is placed on the whole scalar instead. */
export interface ScalarText {
  text: string;
  start: number;
  exact: boolean;
  span: Span;
}

export class YamlSource {
  constructor(
    readonly text: string,
    readonly path: string,
    private readonly lines: LineCounter,
  ) {}

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const { line, col } = this.lines.linePos(clamped);
    return { offset: clamped, line, column: col };
  }

  span(start: number, end: number): Span {
    return { file: this.path, start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** The node's own text, without trailing comments or blank lines. */
  nodeSpan(node: Node | null | undefined): Span {
    if (!node?.range) return this.span(0, 0);
    return this.span(node.range[0], this.trimEnd(node.range[0], node.range[1]));
  }

  /** Block collections end after their last line break; a span should end at the last character. */
  private trimEnd(start: number, end: number): number {
    let trimmed = end;
    while (trimmed > start && /\s/.test(this.text[trimmed - 1]!)) trimmed--;
    return trimmed;
  }

  /** `key: value`, from the key to the end of the value. */
  pairSpan(pair: Pair): Span {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    const start = key?.range?.[0] ?? value?.range?.[0] ?? 0;
    const end = value?.range?.[1] ?? key?.range?.[1] ?? start;
    return this.span(start, this.trimEnd(start, end));
  }

  /** The smallest span holding all of `spans` (all in this file, at least one). */
  cover(spans: readonly Span[]): Span {
    let start = spans[0]!.start;
    let end = spans[0]!.end;
    for (const span of spans) {
      if (span.start.offset < start.offset) start = span.start;
      if (span.end.offset > end.offset) end = span.end;
    }
    return { file: this.path, start, end };
  }

  scalarText(node: Scalar): ScalarText {
    const span = this.nodeSpan(node);
    const [start, end] = node.range ?? [0, 0];
    const raw = this.text.slice(start, end);
    const value = node.value;
    if (typeof value === "number" || typeof value === "bigint") {
      // A YAML number: btp reads the digits as written (`0.10`, `1e3`), not JavaScript's rendering.
      return node.type === "PLAIN" ? { text: raw, start, exact: true, span } : { text: String(value), start, exact: false, span };
    }
    const text = String(value);
    if (node.type === "PLAIN" && raw === text) return { text, start, exact: true, span };
    if ((node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") && raw.slice(1, -1) === text) {
      return { text, start: start + 1, exact: true, span };
    }
    return { text, start, exact: false, span };
  }
}
