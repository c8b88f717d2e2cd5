// A linear pre-scan of `{ }`, `( )` and `[ ]` before parsing. It does two jobs:
// - It refuses nesting deeper than MAX_NESTING before the recursive parser sees it (10,000
//   nested blocks would otherwise overflow the JavaScript stack).
// - It reports unclosed and unmatched brackets in words that point at both ends
//   ("missing `}` to close the `repeat` block opened at 12:3"), which the parser alone cannot.

import type { Diagnostic, RelatedInformation } from "../diagnostics/diagnostic.js";
import type { IToken } from "./cst.js";
import type { SpanMaker } from "./spans.js";

export const MAX_NESTING = 64;

const CLOSER_OF: Record<string, string> = { "{": "}", "(": ")", "[": "]" };
const OPENER_OF: Record<string, string> = { "}": "{", ")": "(", "]": "[" };

interface Open {
  token: IToken;
  /** The first token of the statement the bracket belongs to (`repeat` for `repeat 3 {`). */
  owner: IToken | undefined;
}

export interface BracketScan {
  diagnostics: Diagnostic[];
  /** Nesting beyond MAX_NESTING: the text must not be given to the parser. */
  tooDeep: boolean;
}

export function scanBrackets(tokens: readonly IToken[], spans: SpanMaker): BracketScan {
  const diagnostics: Diagnostic[] = [];
  const stack: Open[] = [];
  let statementStart: IToken | undefined;
  let atStatementStart = true;

  const where = (token: IToken | undefined) => {
    if (!token) return "";
    const p = spans.position(token.startOffset);
    return `${p.line}:${p.column}`;
  };

  const reportUnclosed = (open: Open, at: IToken | undefined) => {
    const opener = open.token.image;
    const closer = CLOSER_OF[opener]!;
    const whatOpened = describeOpener(open);
    const related: RelatedInformation[] = [{ message: `${whatOpened} starts here`, span: spans.token(open.token) }];
    const span = at ? spans.token(at) : spans.point(spans.textLength);
    const startOfOwner = open.owner ?? open.token;
    diagnostics.push({
      code: "BTP1004",
      severity: "error",
      message: `missing \`${closer}\` to close ${whatOpened} opened at ${where(startOfOwner)}`,
      span,
      hint: at ? `add \`${closer}\` before ${describe(at)}` : `add \`${closer}\` at the end of ${whatOpened}`,
      related,
    });
  };

  for (const token of tokens) {
    const image = token.image;
    const type = token.tokenType.name;
    if (type === "Newline" || type === "Semicolon") {
      atStatementStart = true;
      continue;
    }
    if (atStatementStart) {
      statementStart = token;
      atStatementStart = false;
    }
    if (type === "LCurly" || type === "LParen" || type === "LBracket") {
      // A brace cannot sit inside ( ) or [ ]: close those first (the lexer did the same).
      if (type === "LCurly") popUntilBrace(stack, token, reportUnclosed);
      stack.push({ token, owner: statementStart });
      if (stack.length > MAX_NESTING) {
        diagnostics.push({
          code: "BTP1003",
          severity: "error",
          message: `blocks and brackets are nested more than ${MAX_NESTING} levels deep`,
          span: spans.token(token),
          hint: "a protocol never needs this much nesting; split it into sequences",
        });
        return { diagnostics, tooDeep: true };
      }
      if (type === "LCurly") atStatementStart = true;
      continue;
    }
    if (type === "RCurly" || type === "RParen" || type === "RBracket") {
      if (type === "RCurly") popUntilBrace(stack, token, reportUnclosed);
      const wanted = OPENER_OF[image]!;
      const matchIndex = findLast(stack, (o) => o.token.image === wanted);
      if (matchIndex === -1 || (type !== "RCurly" && stack[stack.length - 1]!.token.image !== wanted)) {
        diagnostics.push({
          code: "BTP1005",
          severity: "error",
          message: `this \`${image}\` has no matching \`${wanted}\``,
          span: spans.token(token),
          hint: `remove it, or add the \`${wanted}\` it should close`,
        });
      } else {
        while (stack.length - 1 > matchIndex) reportUnclosed(stack.pop()!, token);
        stack.pop();
      }
      if (type === "RCurly") atStatementStart = true;
    }
  }
  while (stack.length > 0) reportUnclosed(stack.pop()!, undefined);
  return { diagnostics, tooDeep: false };
}

/** Closes any `(` or `[` left open above the innermost `{` (reported as unclosed). */
function popUntilBrace(stack: Open[], at: IToken, report: (open: Open, at: IToken) => void): void {
  while (stack.length > 0 && stack[stack.length - 1]!.token.image !== "{") report(stack.pop()!, at);
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

function describeOpener(open: Open): string {
  const bracket = open.token.image;
  if (bracket !== "{") return `the \`${bracket}\``;
  const owner = open.owner;
  if (!owner || owner === open.token) return "the block";
  const word = owner.image.toLowerCase();
  if (owner.tokenType.name === "Identifier" || word.length > 20) return "the block";
  return `the \`${word}\` block`;
}

function describe(token: IToken): string {
  return `\`${token.image.length > 20 ? `${token.image.slice(0, 19)}…` : token.image}\``;
}
