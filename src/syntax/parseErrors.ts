// Chevrotain's recognition errors → btp diagnostics: a code, a span that points at the offending
// text (or, at the end of a line, at what came just before it), a hint with an example of the
// construct being parsed, and a few rewrites for mistakes that deserve their own words.

import { EOF, type IRecognitionException, type IToken } from "chevrotain";
import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import { isRealToken } from "./cst.js";
import { RULE_EXAMPLES, describeToken } from "./errorMessages.js";
import type { SpanMaker } from "./spans.js";

interface ExceptionWithPrevious extends IRecognitionException {
  previousToken?: IToken;
}

export function parseErrorDiagnostics(errors: readonly IRecognitionException[], spans: SpanMaker): Diagnostic[] {
  return errors.map((error) => toDiagnostic(error as ExceptionWithPrevious, spans));
}

function isEndOfLine(token: IToken | undefined): boolean {
  return (
    !isRealToken(token) ||
    token.tokenType === EOF ||
    token.tokenType.name === "Newline" ||
    token.tokenType.name === "Semicolon"
  );
}

function spanFor(error: ExceptionWithPrevious, spans: SpanMaker): Span {
  const token = error.token;
  const previous = error.previousToken;
  if (isEndOfLine(token) && isRealToken(previous) && previous.tokenType !== EOF) return spans.token(previous);
  if (isRealToken(token) && token.tokenType !== EOF) return spans.token(token);
  return spans.point(spans.textLength);
}

function toDiagnostic(error: ExceptionWithPrevious, spans: SpanMaker): Diagnostic {
  const ruleStack = error.context?.ruleStack ?? [];
  const rule = ruleStack[ruleStack.length - 1] ?? "";
  const span = spanFor(error, spans);
  const token = error.token;
  const image = isRealToken(token) ? token.image.toLowerCase() : "";

  // `at 1C until 3.3 V`: the parser took `at` for a temperature block; the user meant a step.
  const inTemperatureBlockHeader =
    rule === "atTemperature" || (rule === "block" && ruleStack[ruleStack.length - 2] === "atTemperature");
  if (
    inTemperatureBlockHeader &&
    error.name === "MismatchedTokenException" &&
    (image === "until" || image === "for" || isEndOfLine(token))
  ) {
    return {
      code: "BTP1011",
      severity: "error",
      message: "a step needs a direction: `charge at …` or `discharge at …`",
      span,
      hint: "for example `discharge at 1C until 3.3 V`; a block at a temperature reads `at -20 °C { … }`",
    };
  }
  // `for 2 h` alone: a duration without a step.
  if (
    rule === "forSweep" &&
    error.name === "MismatchedTokenException" &&
    isRealToken(error.previousToken) &&
    error.previousToken.image.toLowerCase() === "for"
  ) {
    return {
      code: "BTP1011",
      severity: "error",
      message: `a step needs an action before \`for\`: found ${describeToken(token)} where a sweep variable would go`,
      span,
      hint: "for example `rest for 2 h` or `charge at 1C for 2 h`; a sweep reads `for rate in [0.5C, 1C] { … }`",
    };
  }

  const isValueMissing = rule === "primary" || rule === "expression" || rule === "unary" || rule === "term";
  const innermostWithExample = [...ruleStack].reverse().find((r) => RULE_EXAMPLES[r] !== undefined);
  const hint = innermostWithExample ? RULE_EXAMPLES[innermostWithExample] : undefined;
  return {
    code: isValueMissing ? "BTP1015" : "BTP1014",
    severity: "error",
    message: error.message,
    span,
    ...(hint ? { hint } : {}),
  };
}
