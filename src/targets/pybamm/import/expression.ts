// The expressions an experiment list is written with: string literals, numbers, names, lists,
// tuples, dicts, calls, `+` and `*`. Parsed into a tree, never evaluated here: `[(…)] * 10**9`
// stays one node, so a hostile file cannot make btp build a huge list. Anything outside this
// subset (comprehensions, f-strings, lambdas, `**`) becomes an `unsupported` node with its span,
// which the importer reports if the experiment depends on it.

import type { Token } from "./tokens.js";

export type PyExpr =
  | { kind: "str"; value: string; start: number; end: number; pieces: Token[] }
  | { kind: "num"; value: number; text: string; start: number; end: number }
  | { kind: "name"; name: string; start: number; end: number }
  | { kind: "list"; items: PyExpr[]; start: number; end: number }
  | { kind: "tuple"; items: PyExpr[]; start: number; end: number }
  | { kind: "dict"; entries: { key: PyExpr; value: PyExpr }[]; start: number; end: number }
  | { kind: "call"; callee: string; args: PyExpr[]; keywords: Keyword[]; start: number; end: number }
  | { kind: "binary"; op: "+" | "*"; left: PyExpr; right: PyExpr; start: number; end: number }
  | { kind: "unsupported"; what: string; start: number; end: number };

export interface Keyword {
  name: string;
  value: PyExpr;
  start: number;
  end: number;
}

/** Nesting deeper than this is refused (a file of ten thousand brackets must not overflow the
 * stack). */
export const MAX_DEPTH = 100;

export class TooDeep extends Error {
  constructor(readonly at: number) {
    super("nested too deeply");
  }
}

/** A recursive-descent parser over a token list, starting at `position`. */
export class ExpressionParser {
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    public position: number,
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.position + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (this.position < this.tokens.length - 1) this.position++;
    return token;
  }

  private isOp(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "op" && token.text === text;
  }

  /** One expression; throws TooDeep past MAX_DEPTH. */
  expression(): PyExpr {
    return this.nested(() => this.unguardedExpression());
  }

  /** Runs a step of the descent one level deeper, refusing to go past MAX_DEPTH. */
  private nested<T>(parse: () => T): T {
    this.depth++;
    try {
      if (this.depth > MAX_DEPTH) throw new TooDeep(this.peek().start);
      return parse();
    } finally {
      this.depth--;
    }
  }

  private unguardedExpression(): PyExpr {
    const parsed = this.sum();
    // `x if c else y`, `x for …` and the like: not a value we can read.
    const after = this.peek();
    if (after.kind === "name" && ["if", "for", "and", "or", "not", "in", "is"].includes(after.text)) {
      const end = this.skipToClose();
      return { kind: "unsupported", what: `a Python \`${after.text}\` expression`, start: parsed.start, end };
    }
    return parsed;
  }

  private sum(): PyExpr {
    let left = this.product();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.next();
      const right = this.product();
      left =
        op.text === "+"
          ? { kind: "binary", op: "+", left, right, start: left.start, end: right.end }
          : { kind: "unsupported", what: "a subtraction", start: left.start, end: right.end };
    }
    return left;
  }

  private product(): PyExpr {
    let left = this.unary();
    while (["*", "/", "//", "%", "@"].some((o) => this.isOp(o))) {
      const op = this.next();
      const right = this.unary();
      left =
        op.text === "*"
          ? { kind: "binary", op: "*", left, right, start: left.start, end: right.end }
          : { kind: "unsupported", what: `the operator ${op.text}`, start: left.start, end: right.end };
    }
    return left;
  }

  private unary(): PyExpr {
    if (this.isOp("-") || this.isOp("+")) {
      const sign = this.next();
      const operand = this.nested(() => this.unary());
      if (operand.kind === "num") {
        const value = sign.text === "-" ? -operand.value : operand.value;
        return { kind: "num", value, text: `${sign.text === "-" ? "-" : ""}${operand.text}`, start: sign.start, end: operand.end };
      }
      return { kind: "unsupported", what: `a sign before a ${operand.kind}`, start: sign.start, end: operand.end };
    }
    const base = this.postfix();
    if (this.isOp("**")) {
      this.next();
      const exponent = this.unary();
      return { kind: "unsupported", what: "a power (**)", start: base.start, end: exponent.end };
    }
    return base;
  }

  private postfix(): PyExpr {
    let expr = this.atom();
    for (;;) {
      if (this.isOp(".") && this.peek(1).kind === "name" && (expr.kind === "name" || expr.kind === "call")) {
        this.next();
        const attribute = this.next();
        expr =
          expr.kind === "name"
            ? { kind: "name", name: `${expr.name}.${attribute.text}`, start: expr.start, end: attribute.end }
            : { kind: "unsupported", what: "a method call", start: expr.start, end: attribute.end };
      } else if (this.isOp("(")) {
        expr = this.call(expr);
      } else if (this.isOp("[")) {
        const open = this.next();
        const end = this.skipToClose(open);
        expr = { kind: "unsupported", what: "indexing", start: expr.start, end };
      } else {
        return expr;
      }
    }
  }

  private call(callee: PyExpr): PyExpr {
    this.next(); // (
    const args: PyExpr[] = [];
    const keywords: Keyword[] = [];
    let unsupported: string | null = callee.kind === "name" ? null : "a call of something other than a name";
    while (!this.isOp(")") && this.peek().kind !== "end") {
      if (this.isOp("*") || this.isOp("**")) {
        unsupported = "unpacked arguments (* or **)";
        this.next();
      }
      if (this.peek().kind === "name" && this.isOp("=", 1)) {
        const name = this.next();
        this.next(); // =
        const value = this.expression();
        keywords.push({ name: name.text, value, start: name.start, end: value.end });
      } else {
        args.push(this.expression());
      }
      if (this.isOp(",")) this.next();
      else break;
    }
    const close = this.peek();
    if (close.kind === "op" && close.text === ")") this.next();
    else unsupported = "a call without its closing parenthesis";
    const end = close.end;
    if (unsupported || callee.kind !== "name") return { kind: "unsupported", what: unsupported ?? "a call", start: callee.start, end };
    return { kind: "call", callee: callee.name, args, keywords, start: callee.start, end };
  }

  private atom(): PyExpr {
    const token = this.peek();
    if (token.kind === "string") {
      const pieces: Token[] = [];
      while (this.peek().kind === "string") pieces.push(this.next());
      const plain = pieces.every((p) => !p.prefix!.includes("f") && !p.prefix!.includes("b"));
      const start = pieces[0]!.start;
      const end = pieces[pieces.length - 1]!.end;
      if (!plain) return { kind: "unsupported", what: "an f-string or a bytes literal", start, end };
      return { kind: "str", value: pieces.map((p) => p.value!).join(""), start, end, pieces };
    }
    if (token.kind === "number") {
      this.next();
      const value = Number(token.value);
      if (!Number.isFinite(value) || /[jJ]$/.test(token.text))
        return { kind: "unsupported", what: `the number ${token.text}`, start: token.start, end: token.end };
      return { kind: "num", value, text: token.text, start: token.start, end: token.end };
    }
    if (token.kind === "name") {
      this.next();
      return { kind: "name", name: token.text, start: token.start, end: token.end };
    }
    if (token.kind === "op" && (token.text === "[" || token.text === "(" || token.text === "{")) {
      return this.bracketed();
    }
    this.next();
    return {
      kind: "unsupported",
      what: token.kind === "end" ? "the end of the file" : `\`${token.text || token.kind}\``,
      start: token.start,
      end: token.end,
    };
  }

  /** A list, a tuple (or a parenthesised expression) or a dict. */
  private bracketed(): PyExpr {
    const open = this.next();
    const close = open.text === "[" ? "]" : open.text === "(" ? ")" : "}";
    const items: PyExpr[] = [];
    const entries: { key: PyExpr; value: PyExpr }[] = [];
    let sawComma = false;
    while (!this.isOp(close) && this.peek().kind !== "end") {
      const item = this.expression();
      if (item.kind === "unsupported" && item.what.startsWith("a Python `for`")) {
        const closing = this.peek();
        if (closing.kind === "op" && closing.text === close) this.next();
        return { kind: "unsupported", what: "a comprehension", start: open.start, end: closing.end };
      }
      if (open.text === "{") {
        if (!this.isOp(":")) return { kind: "unsupported", what: "a set", start: open.start, end: this.skipToClose(open) };
        this.next();
        entries.push({ key: item, value: this.expression() });
      } else {
        items.push(item);
      }
      if (this.isOp(",")) {
        this.next();
        sawComma = true;
      } else if (!this.isOp(close)) {
        const unexpected = this.peek();
        const end = this.skipToClose(open);
        return { kind: "unsupported", what: `\`${unexpected.text || unexpected.kind}\` inside brackets`, start: open.start, end };
      }
    }
    const closing = this.peek();
    if (!(closing.kind === "op" && closing.text === close)) {
      return { kind: "unsupported", what: `a \`${open.text}\` that is never closed`, start: open.start, end: closing.end };
    }
    this.next();
    const start = open.start;
    const end = closing.end;
    if (open.text === "{") return { kind: "dict", entries, start, end };
    if (open.text === "[") return { kind: "list", items, start, end };
    if (items.length === 1 && !sawComma) return { ...items[0]!, start, end };
    return { kind: "tuple", items, start, end };
  }

  /** Skips to just after the bracket that closes `open` (or the one enclosing the current
   * position); returns the end offset. */
  private skipToClose(open?: Token): number {
    let depth = open ? 1 : 0;
    let last = this.peek();
    while (this.peek().kind !== "end") {
      const token = this.next();
      last = token;
      if (token.kind === "op" && "([{".includes(token.text)) depth++;
      if (token.kind === "op" && ")]}".includes(token.text)) {
        if (depth === 0) {
          this.position--;
          return token.start;
        }
        depth--;
        if (depth === 0 && open) return token.end;
      }
      if (token.kind === "newline" && depth === 0) {
        this.position--;
        return token.start;
      }
    }
    return last.end;
  }
}
