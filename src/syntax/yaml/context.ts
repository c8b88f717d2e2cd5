// What the YAML → AST builder shares: the source (for spans), the diagnostics, and the readers of
// single values. Values that are btp text ("3.9 V", "0.5C", "rate") go through the .btp
// expression parser, so they mean exactly what they would mean in a .btp file.

import { isMap, isPair, isScalar, isSeq } from "yaml";
import type { Node, Pair, Scalar } from "yaml";
import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import type { Expr, Identifier, ListExpr, StringLiteral, TypeRef } from "../ast.js";
import { isKeyword, parseExpressionText } from "../index.js";
import type { ScalarText, YamlSource } from "./source.js";

export class YamlBuildContext {
  readonly diagnostics: Diagnostic[] = [];

  constructor(readonly source: YamlSource) {}

  error(code: string, message: string, span: Span, hint?: string): void {
    this.diagnostics.push({ code, severity: "error", message, span, ...(hint ? { hint } : {}) });
  }

  /** Adds diagnostics from a parse of part of a scalar; when the scalar's positions cannot be
   * trusted they are moved onto the whole scalar. */
  report(diagnostics: readonly Diagnostic[], scalar: ScalarText): void {
    for (const d of diagnostics) this.diagnostics.push(scalar.exact ? d : { ...d, span: scalar.span });
  }

  span(node: Node | null | undefined): Span {
    return this.source.nodeSpan(node);
  }

  /** A value written as btp text: a scalar is parsed as an expression, a YAML list becomes a
   * list expression (`[0.5C, 1C]`). */
  expr(node: Node | null | undefined): Expr {
    if (isSeq(node)) {
      const list: ListExpr = { kind: "ListExpr", items: node.items.map((item) => this.expr(item as Node)), span: this.span(node) };
      return list;
    }
    if (!isScalar(node)) return this.missingExpr(this.span(node));
    const scalar = this.source.scalarText(node);
    return this.exprIn(scalar, 0, scalar.text.length);
  }

  /** The expression in characters [from, to) of a scalar's text. */
  exprIn(scalar: ScalarText, from: number, to: number): Expr {
    const part = scalar.text.slice(from, to);
    const leading = part.length - part.trimStart().length;
    const trimmed = part.trim();
    const where = this.partSpan(scalar, from + leading, from + leading + trimmed.length);
    if (trimmed === "") {
      this.error("BTP5020", "a value is missing here", where);
      return this.missingExpr(where);
    }
    const origin = scalar.exact ? this.source.position(scalar.start + from + leading) : this.source.position(scalar.start);
    const { expr, diagnostics } = parseExpressionText(trimmed, { file: this.source.path, ...origin });
    this.report(diagnostics, scalar);
    if (expr === null) return this.missingExpr(where);
    return scalar.exact ? expr : moveSpans(expr, scalar.span);
  }

  /** The span of characters [from, to) of a scalar's text (the whole scalar when inexact). */
  partSpan(scalar: ScalarText, from: number, to: number): Span {
    return scalar.exact ? this.source.span(scalar.start + from, scalar.start + to) : scalar.span;
  }

  string(node: Node | null | undefined): StringLiteral {
    const value = isScalar(node) && node.value !== null ? String(node.value) : "";
    return { kind: "StringLiteral", value, span: this.span(node) };
  }

  /** A name written as a key or a value. Keywords cannot name things: `for` could never be
   * referred to in a step. */
  identifier(node: Node | null | undefined): Identifier {
    const name = isScalar(node) && node.value !== null ? String(node.value) : "";
    const span = this.span(node);
    if (isKeyword(name)) {
      this.error(
        "BTP5014",
        `\`${name}\` is a btp keyword and cannot be used as a name`,
        span,
        "choose another name, such as `my_" + name + "`",
      );
    }
    return { kind: "Identifier", name, span };
  }

  /** `current density`, `c-rate`: lower case and single-spaced, as the .btp parser writes them. */
  typeRef(node: Node | null | undefined): TypeRef {
    const name = isScalar(node) && node.value !== null ? String(node.value).trim().replace(/\s+/g, " ").toLowerCase() : "";
    return { kind: "TypeRef", name, span: this.span(node) };
  }

  /** A stand-in for a value that could not be read (already reported). Flagged `recovered`, as
   * the .btp parser does, so that the checker does not report its consequences. */
  missingExpr(span: Span): Expr {
    const name: Identifier = { kind: "Identifier", name: "", span, recovered: true };
    return { kind: "NameRef", name, span, recovered: true };
  }
}

// ---------------------------------------------------------------------------------------------
// Reading mappings

export function pairs(node: Node | null | undefined): Pair<Scalar, Node | null>[] {
  if (!isMap(node)) return [];
  return node.items.filter((p): p is Pair<Scalar, Node | null> => isPair(p) && isScalar(p.key));
}

export function keyOf(pair: Pair<Scalar, unknown>): string {
  return String(pair.key.value);
}

export function entry(map: Node | null | undefined, key: string): Pair<Scalar, Node | null> | undefined {
  return pairs(map).find((p) => keyOf(p) === key);
}

export function valueOf(map: Node | null | undefined, key: string): Node | null {
  return entry(map, key)?.value ?? null;
}

/** A value that may be one item or a list of items. */
export function items(node: Node | null | undefined): Node[] {
  if (isSeq(node)) return node.items as Node[];
  return node ? [node] : [];
}

/** Puts every span of a parsed fragment on `span` (used when positions inside it are unknown). */
export function moveSpans<T>(value: T, span: Span): T {
  if (Array.isArray(value)) return value.map((item: unknown) => moveSpans(item, span)) as T;
  if (value === null || typeof value !== "object") return value;
  const moved: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    moved[key] = key === "span" || key === "unitSpan" || key === "keySpan" ? (field === null ? null : span) : moveSpans(field, span);
  }
  return moved as T;
}
