// What every part of the CST → AST builder shares: where spans come from, where diagnostics go,
// and how to tell what error recovery invented.

import type { Diagnostic, RelatedInformation, Span } from "../../diagnostics/diagnostic.js";
import type { Expr, Identifier, NameRef, StringLiteral } from "../ast.js";
import { isRealToken, isRecoveredNode, nodeEnd, nodeStart, type CstNode, type IToken } from "../cst.js";
import type { SpanMaker } from "../spans.js";
import { UnterminatedString } from "../tokens.js";

export class BuildContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly spans: SpanMaker,
    /** The text being parsed (offsets in CST tokens index into it). */
    readonly sourceText: string,
    /** False when the parser reported no error. Chevrotain records an error for every token it
     * invents or skips and every node it cuts short, so then no node can be recovered and the
     * builder need not look (it asks for every node). */
    private readonly parserRecovered = true,
  ) {}

  /** True if recovery invented or skipped anything directly in this node (or it is missing). */
  isRecovered(node: CstNode | undefined): boolean {
    if (!this.parserRecovered) return node === undefined;
    return isRecoveredNode(node);
  }

  error(code: string, message: string, span: Span, hint?: string, related?: RelatedInformation[]): void {
    this.diagnostics.push({
      code,
      severity: "error",
      message,
      span,
      ...(hint ? { hint } : {}),
      ...(related && related.length > 0 ? { related } : {}),
    });
  }

  tokenSpan(token: IToken): Span {
    return this.spans.token(token);
  }

  /** The span of a CST node: from its first to its last real token. A node with no real token
   * (all invented by recovery) gets a zero-width span at `fallbackOffset`. */
  nodeSpan(node: CstNode | undefined, fallbackOffset = 0): Span {
    const start = node ? nodeStart(node) : NaN;
    return Number.isNaN(start) ? this.spans.point(fallbackOffset) : this.spans.span(start, nodeEnd(node!));
  }

  /** The text offset at which `nodeSpan(node)` starts, without building the span. */
  startOffsetOf(node: CstNode): number {
    const start = nodeStart(node);
    return Number.isNaN(start) ? 0 : Math.max(0, Math.min(start, this.spans.textLength));
  }

  /** Span from the start of the first to the end of the last of some parts (skipping missing). */
  coverSpans(parts: (Span | null | undefined)[]): Span | null {
    const present = parts.filter((p): p is Span => p !== null && p !== undefined);
    if (present.length === 0) return null;
    let first = present[0]!;
    let last = present[0]!;
    for (const p of present) {
      if (p.start.offset < first.start.offset) first = p;
      if (p.end.offset > last.end.offset) last = p;
    }
    return this.spans.cover(first, last);
  }

  identifier(token: IToken): Identifier {
    return { kind: "Identifier", name: token.image, span: this.tokenSpan(token) };
  }

  stringLiteral(token: IToken): StringLiteral {
    const terminated = token.tokenType !== UnterminatedString;
    return { kind: "StringLiteral", value: unquote(token.image, terminated), span: this.tokenSpan(token) };
  }

  /** A stand-in for an expression that is missing from the text. Flagged `recovered` so the
   * checker does not report its consequences. */
  missingExpr(offset: number): Expr {
    const span = this.spans.point(offset);
    const name: Identifier = { kind: "Identifier", name: "", span, recovered: true };
    const ref: NameRef = { kind: "NameRef", name, span, recovered: true };
    return ref;
  }

  /** The offset just after a node or token: where something missing after it was expected. */
  endOffsetOf(element: CstNode | IToken | undefined, fallback = 0): number {
    if (!element) return fallback;
    if ("tokenType" in element) return isRealToken(element) ? element.startOffset + element.image.length : fallback;
    const end = nodeEnd(element);
    return Number.isNaN(end) ? fallback : end;
  }
}

/** The value of a string token: quotes removed, `\"` and `\\` unescaped. An unterminated string
 * (already reported by the lexer) has no closing quote to remove. */
export function unquote(image: string, terminated: boolean): string {
  const body = image.slice(1, terminated ? -1 : undefined);
  return body.includes("\\") ? body.replace(/\\(.)/g, "$1") : body;
}
