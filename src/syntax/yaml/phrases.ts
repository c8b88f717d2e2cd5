// Short btp phrases written as one YAML value: end conditions ("voltage < 2.3 V",
// "80 % of nominal"), loop conditions ("discharge capacity < 80 % of cycle 1"), settles
// ("2 h", "until stable") and ranges ("2.0 V .. 4.2 V"). The fixed words around the values are
// read here; the values themselves go through the btp expression parser with their own spans.

import { isScalar, isSeq } from "yaml";
import type { Node, Pair } from "yaml";
import type { Comparator, ConditionSubject, EndCondition, Expr, LoopCondition, Settle } from "../ast.js";
import type { Span } from "../../diagnostics/diagnostic.js";
import type { YamlBuildContext } from "./context.js";
import type { ScalarText } from "./source.js";

const COMPARATOR = /^\s*(<=|>=|≤|≥|<|>)/;
const UNICODE_COMPARATORS: Record<string, Comparator> = { "≤": "<=", "≥": ">=" };

/** A subject word counts only when a value follows it: `until: voltage` alone names a param. */
const END_SUBJECT = /^\s*(voltage|current|capacity|time|temperature)(?:\s*(?=[<>≤≥])|\s+(?=[\d.(+\-A-Za-z_]))/i;
const OF_NOMINAL = /\s+of\s+nominal\s*$/i;

const LOOP_SUBJECT = /^\s*(charge\s+capacity|discharge\s+capacity|coulombic\s+efficiency|end\s+voltage)\b/i;
const OF_CYCLE = /\s+of\s+cycle\s+/gi;

function comparatorOf(symbol: string): Comparator {
  return UNICODE_COMPARATORS[symbol] ?? (symbol as Comparator);
}

/** `until` items: "3.9 V", "> 3.9 V", "voltage < 2.3 V", "C/20", "80 % of nominal". */
export function readEndCondition(context: YamlBuildContext, node: Node): EndCondition {
  const span = context.span(node);
  if (!isScalar(node)) return { kind: "EndCondition", subject: "auto", comparator: null, value: context.missingExpr(span), span };
  const scalar = context.source.scalarText(node);
  let rest = 0;
  let subject: ConditionSubject = "auto";
  const named = END_SUBJECT.exec(scalar.text);
  if (named) {
    subject = named[1]!.toLowerCase() as ConditionSubject;
    rest = named[0].length;
  }
  let comparator: Comparator | null = null;
  const compared = COMPARATOR.exec(scalar.text.slice(rest));
  if (compared) {
    comparator = comparatorOf(compared[1]!);
    rest += compared[0].length;
  }
  let end = scalar.text.length;
  const ofNominal = OF_NOMINAL.exec(scalar.text.slice(rest));
  if (ofNominal) end = rest + ofNominal.index;
  const value = context.exprIn(scalar, rest, end);
  return {
    kind: "EndCondition",
    subject,
    comparator,
    value,
    ...(ofNominal ? { ofNominal: true } : {}),
    span,
  };
}

/** `repeat.until` and `stop if`: "discharge capacity < 80 % of cycle 1", "end voltage < 3 V". */
export function readLoopCondition(context: YamlBuildContext, node: Node): LoopCondition | null {
  const span = context.span(node);
  if (!isScalar(node)) return null;
  const scalar = context.source.scalarText(node);
  const subjectMatch = LOOP_SUBJECT.exec(scalar.text);
  const comparatorMatch = subjectMatch ? COMPARATOR.exec(scalar.text.slice(subjectMatch[0].length)) : null;
  if (!subjectMatch || !comparatorMatch) {
    context.error(
      "BTP5020",
      `\`${scalar.text.trim()}\` is not a loop condition`,
      span,
      'write what is measured, a comparison and a value, such as "discharge capacity < 80 % of cycle 1", "coulombic efficiency < 99 %" or "end voltage < 3 V"',
    );
    return null;
  }
  const subject = subjectMatch[1]!.toLowerCase().replace(/\s+/g, " ") as LoopCondition["subject"];
  const valueStart = subjectMatch[0].length + comparatorMatch[0].length;
  // The last "of cycle" ends the value: "80 % of cycle 1".
  let ofCycleAt: RegExpExecArray | null = null;
  OF_CYCLE.lastIndex = valueStart;
  for (let m = OF_CYCLE.exec(scalar.text); m !== null; m = OF_CYCLE.exec(scalar.text)) ofCycleAt = m;
  const valueEnd = ofCycleAt ? ofCycleAt.index : scalar.text.length;
  const value = context.exprIn(scalar, valueStart, valueEnd);
  const ofCycle = ofCycleAt ? context.exprIn(scalar, ofCycleAt.index + ofCycleAt[0].length, scalar.text.length) : null;
  return { kind: "LoopCondition", subject, comparator: comparatorOf(comparatorMatch[1]!), value, ofCycle, span };
}

/** `settle: "2 h"` or `settle: "until stable"`; the span covers the whole `settle:` entry. */
export function readSettle(context: YamlBuildContext, pair: Pair<unknown, Node | null>): Settle {
  const span = context.source.pairSpan(pair);
  const node = pair.value;
  if (isScalar(node) && typeof node.value === "string" && /^\s*until\s+stable\s*$/i.test(node.value)) {
    return { kind: "Settle", duration: null, untilStable: true, span };
  }
  return { kind: "Settle", duration: context.expr(node), untilStable: false, span };
}

export interface RangeValue {
  min: Expr | null;
  max: Expr;
  span: Span;
}

/** "2.0 V .. 4.2 V", ["2.0 V", "4.2 V"], or a single value (a maximum only). */
export function readRange(context: YamlBuildContext, node: Node | null): RangeValue {
  const span = context.span(node);
  if (isSeq(node)) {
    const [min, max] = node.items as Node[];
    return { min: context.expr(min), max: context.expr(max), span };
  }
  if (!isScalar(node)) return { min: null, max: context.missingExpr(span), span };
  const scalar: ScalarText = context.source.scalarText(node);
  const dots = scalar.text.indexOf("..");
  if (dots === -1) return { min: null, max: context.exprIn(scalar, 0, scalar.text.length), span };
  return { min: context.exprIn(scalar, 0, dots), max: context.exprIn(scalar, dots + 2, scalar.text.length), span };
}

/** Whether a scalar is written as a range ("2.3 V .. 3.9 V"). */
export function isRangeText(node: Node | null): boolean {
  return isScalar(node) && typeof node.value === "string" && node.value.includes("..");
}
