// The public face of the .btp front end. None of these functions throws, whatever the input:
// problems come back as diagnostics with a code, a span inside the text and, where it helps, a
// hint. The pipeline is: lex → bracket pre-scan (refuses absurd nesting) → parse (CST, with
// recovery) → build the AST.

import { EOF, type CstNode, type IRecognitionException, type IToken } from "chevrotain";
import { DiagnosticBag, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Expr, SourceFile, Statement } from "./ast.js";
import { scanBrackets } from "./brackets.js";
import { lex } from "./lexer.js";
import { parseErrorDiagnostics } from "./parseErrors.js";
import { btpParser } from "./parser.js";
import { SpanMaker, originOfFile, type TextOrigin } from "./spans.js";
import { BuildContext, buildExpressionText, buildSourceFile, buildStatementText } from "./toAst.js";

export type { TextOrigin } from "./spans.js";
export { keywordWords, allTokens, isKeyword } from "./lexer.js";
export { MAX_NESTING } from "./brackets.js";

type EntryRule = "file" | "expressionText" | "statementText";

interface ParsedText {
  cst: CstNode;
  tokens: IToken[];
  comments: IToken[];
  spans: SpanMaker;
  /** Lexing and bracket problems, then the first parse error of each line that has neither. */
  diagnostics: Diagnostic[];
  /** Lines (1-based, in the parsed text) that already carry a syntax error. */
  linesWithErrors: Set<number>;
  /** True if the parser may have invented, skipped or cut short anything (it reported errors). */
  parserRecovered: boolean;
}

function emptyCst(rule: EntryRule): CstNode {
  return { name: rule, children: {} };
}

/** Lex, pre-scan and parse with one rule as the entry point. */
function parseText(text: string, origin: TextOrigin, rule: EntryRule): ParsedText {
  const spans = new SpanMaker(text, origin);
  const lexed = lex(text, spans);
  const brackets = scanBrackets(lexed.tokens, spans);
  const diagnostics: Diagnostic[] = [...lexed.diagnostics, ...brackets.diagnostics];
  const linesWithErrors = new Set(diagnostics.map((d) => d.span.start.line));
  if (brackets.tooDeep) {
    const { tokens, comments } = lexed;
    return { cst: emptyCst(rule), tokens, comments, spans, diagnostics, linesWithErrors, parserRecovered: true };
  }
  const parser = btpParser();
  parser.input = lexed.tokens;
  const cst = parser[rule]();
  const parseErrors: IRecognitionException[] = parser.errors;
  // Report the first problem of each line only: later ones are usually its consequences. An
  // unclosed bracket (already explained by the pre-scan) makes the parser fail at the end.
  const bracketsReported = brackets.diagnostics.length > 0;
  for (const [i, diagnostic] of parseErrorDiagnostics(parseErrors, spans).entries()) {
    const line = diagnostic.span.start.line;
    if (linesWithErrors.has(line)) continue;
    if (bracketsReported && parseErrors[i]!.token.tokenType === EOF) continue;
    linesWithErrors.add(line);
    diagnostics.push(diagnostic);
  }
  return {
    cst: cst ?? emptyCst(rule),
    tokens: lexed.tokens,
    comments: lexed.comments,
    spans,
    diagnostics,
    linesWithErrors,
    parserRecovered: parseErrors.length > 0,
  };
}

function buildContext(parsed: ParsedText, text: string): BuildContext {
  return new BuildContext(parsed.spans, text, parsed.parserRecovered);
}

/** Diagnostics of the AST builder that only restate a syntax error already on their line. */
const CASCADING_CODES = new Set(["BTP1010", "BTP1011", "BTP1012", "BTP1015", "BTP1016", "BTP1022"]);

function finish(parsed: ParsedText, built: readonly Diagnostic[]): Diagnostic[] {
  const bag = new DiagnosticBag();
  const all = [...parsed.diagnostics];
  for (const d of built) {
    if (CASCADING_CODES.has(d.code) && parsed.linesWithErrors.has(d.span.start.line)) continue;
    all.push(d);
  }
  all.sort((a, b) => a.span.start.offset - b.span.start.offset || a.code.localeCompare(b.code));
  for (const d of all) bag.add(d);
  return bag.items;
}

function internalError(error: unknown, spans: SpanMaker): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: "BTP1099",
    severity: "error",
    message: `the parser failed on this text (${detail})`,
    span: spans.point(0),
    hint: "this is a bug in btp; please report it with the file that caused it",
  };
}

function isMissingExpr(expr: Expr): boolean {
  return expr.kind === "NameRef" && expr.name.name === "";
}

/** Parses a whole .btp file. */
export function parseSource(text: string, path: string): { file: SourceFile; diagnostics: Diagnostic[] } {
  const origin = originOfFile(path);
  try {
    const parsed = parseText(text, origin, "file");
    const ctx = buildContext(parsed, text);
    const file = buildSourceFile(ctx, parsed.cst, path, text, parsed.tokens, parsed.comments);
    return { file, diagnostics: finish(parsed, ctx.diagnostics) };
  } catch (error) {
    const spans = new SpanMaker(text, origin);
    const file: SourceFile = {
      kind: "SourceFile",
      path,
      text,
      items: [],
      comments: [],
      span: spans.span(0, text.length),
    };
    return { file, diagnostics: [internalError(error, spans)] };
  }
}

/** Parses a single expression, e.g. the value of `--set rate=0.5C` or a YAML value "3.9 V".
 * `origin` places the spans: the file and where in it the text starts. */
export function parseExpressionText(
  text: string,
  origin: TextOrigin,
): { expr: Expr | null; diagnostics: Diagnostic[] } {
  try {
    const parsed = parseText(text, origin, "expressionText");
    const ctx = buildContext(parsed, text);
    const built = buildExpressionText(ctx, parsed.cst);
    // An expression made up entirely by error recovery is no expression at all.
    const expr = built && isMissingExpr(built) ? null : built;
    if (expr === null && parsed.diagnostics.length === 0) {
      ctx.error(
        "BTP1015",
        "expected a value",
        parsed.spans.span(0, text.length),
        "for example `3.9 V`, `0.5C`, `C/20` or `2 h`",
      );
    }
    return { expr, diagnostics: finish(parsed, ctx.diagnostics) };
  } catch (error) {
    return { expr: null, diagnostics: [internalError(error, new SpanMaker(text, origin))] };
  }
}

/** Parses one step written alone, e.g. a YAML step given as a PyBaMM-like string
 * "Charge at 1C until 4.2 V". */
export function parseStatementText(
  text: string,
  origin: TextOrigin,
): { statement: Statement | null; diagnostics: Diagnostic[] } {
  try {
    const parsed = parseText(text, origin, "statementText");
    const ctx = buildContext(parsed, text);
    const statements = buildStatementText(ctx, parsed.cst);
    if (statements.length === 0 && parsed.diagnostics.length === 0 && ctx.diagnostics.length === 0) {
      ctx.error(
        "BTP1021",
        "expected a step",
        parsed.spans.span(0, text.length),
        "for example `Charge at 1C until 4.2 V` or `Rest for 1 hour`",
      );
    } else if (statements.length > 1) {
      ctx.error(
        "BTP1021",
        `expected one step, found ${statements.length}`,
        statements[1]!.span,
        "give each step as its own item of the list",
      );
    }
    return { statement: statements[0] ?? null, diagnostics: finish(parsed, ctx.diagnostics) };
  } catch (error) {
    return { statement: null, diagnostics: [internalError(error, new SpanMaker(text, origin))] };
  }
}

/** The raw concrete syntax tree and token stream, for the formatter and the language server.
 * `tokens` is what the parser read (newlines inside brackets and before `{` removed);
 * `comments` holds every comment token. The diagnostics are the same as parseSource's. */
export function parseCst(
  text: string,
  path: string,
): { cst: CstNode; tokens: IToken[]; comments: IToken[]; diagnostics: Diagnostic[] } {
  const origin = originOfFile(path);
  try {
    const parsed = parseText(text, origin, "file");
    // Some syntax errors (unknown statements, missing separators) are found while building the AST.
    const ctx = buildContext(parsed, text);
    buildSourceFile(ctx, parsed.cst, path, text, parsed.tokens, parsed.comments);
    return {
      cst: parsed.cst,
      tokens: parsed.tokens,
      comments: parsed.comments,
      diagnostics: finish(parsed, ctx.diagnostics),
    };
  } catch (error) {
    return {
      cst: emptyCst("file"),
      tokens: [],
      comments: [],
      diagnostics: [internalError(error, new SpanMaker(text, origin))],
    };
  }
}
