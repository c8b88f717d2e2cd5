// Statements and blocks: loops, sweeps, cycle actions, temperature blocks, sections, guards,
// sequence calls — and the lists they live in, where separators and unknown statements are
// judged.

import type { Span } from "../../diagnostics/diagnostic.js";
import type {
  CallArgument,
  CycleAction,
  Expr,
  LoopCondition,
  RepeatBlock,
  SectionBlock,
  SequenceCall,
  Statement,
  StopIf,
  SweepBlock,
  TemperatureBlock,
  TopLevelItem,
} from "../ast.js";
import {
  childNode,
  childNodes,
  childToken,
  childrenInOrder,
  firstChild,
  firstToken,
  isRealToken,
  isToken,
  nodeRange,
  type CstNode,
  type IToken,
} from "../cst.js";
import { keywordWords, statementStarters } from "../tokens.js";
import type { BuildContext } from "./context.js";
import { buildExpression } from "./expressions.js";
import { comparatorOf, buildLimitsBlock, buildRecordRule, buildSettle, buildStep } from "./steps.js";
import { nearestWord } from "./suggest.js";
import { requireUnit } from "./units.js";

/** How a list of statements treats what is not a statement. */
export interface StatementListHooks {
  /** Builds a declaration met in the list, or reports it as misplaced and returns null. */
  declaration: (node: CstNode) => TopLevelItem[] | null;
  /** The hooks for blocks nested in this list (where declarations are misplaced). */
  nested: () => StatementListHooks;
}

/** Reads the items of a file, a block or a one-statement text, in order, checking that two
 * statements on one line are separated by `;`. */
export function buildItemList(ctx: BuildContext, node: CstNode | undefined, hooks: StatementListHooks): TopLevelItem[] {
  const items: TopLevelItem[] = [];
  // The previous statement when no separator has followed it yet.
  let previous: CstNode | null = null;
  for (const element of childrenInOrder(node, LIST_ITEMS)) {
    if (isToken(element)) {
      if (element.tokenType.name !== "RCurly") previous = null;
      continue;
    }
    if (element.name === "unknownStatement") {
      reportUnknownStatement(ctx, element, previous !== null);
      previous = null;
      continue;
    }
    if (previous !== null && !ctx.isRecovered(element)) {
      const span = ctx.nodeSpan(element);
      ctx.error(
        "BTP1012",
        `two statements on one line: put a new line or \`;\` before \`${firstWord(element)}\``,
        span,
        `for example \`${firstWord(previous)} …; ${firstWord(element)} …\``,
      );
    }
    const built = element.name === "statement" ? wrap(buildStatement(ctx, element, hooks)) : hooks.declaration(element);
    if (built) for (const item of built) items.push(item);
    // A statement made up entirely by recovery has no end for another to follow on its line.
    previous = nodeRange(element) ? element : null;
  }
  return items;
}

/** What a list of statements holds, besides the statements themselves. */
const LIST_ITEMS = ["Separator", "statement", "declaration", "unknownStatement", "RCurly"] as const;

function wrap<T>(item: T | null): T[] | null {
  return item === null ? null : [item];
}

function firstWord(node: CstNode): string {
  return firstToken(node)?.image ?? "";
}

/** The statements of a `{ … }` block nested in a list read with `outer` hooks. */
export function buildBlock(ctx: BuildContext, node: CstNode | undefined, outer: StatementListHooks): Statement[] {
  if (!node) return [];
  return buildItemList(ctx, node, outer.nested()) as Statement[];
}

export function buildStatement(ctx: BuildContext, node: CstNode, hooks: StatementListHooks): Statement | null {
  const { name, elements } = firstChild(node) ?? { name: "", elements: [] };
  if (!name || elements.length === 0 || isToken(elements[0]!)) return null;
  const inner = elements[0] as CstNode;
  switch (name) {
    case "repeatBlock":
      return buildRepeat(ctx, inner, hooks);
    case "forSweep":
      return buildForSweep(ctx, inner, hooks);
    case "cycleAction":
      return buildCycleAction(ctx, inner, hooks);
    case "atTemperature":
      return buildAtTemperature(ctx, inner, hooks);
    case "section":
      return buildSection(ctx, inner, hooks);
    case "stopIf":
      return buildStopIf(ctx, inner);
    case "sequenceCall":
      return buildSequenceCall(ctx, inner);
    case "limitsBlock": {
      const limits = buildLimitsBlock(ctx, inner);
      return { kind: "LimitsStatement", limits, span: limits.span, ...(limits.recovered ? { recovered: true } : {}) };
    }
    case "recordRule": {
      const rule = buildRecordRule(ctx, inner);
      return { kind: "RecordStatement", rule, span: rule.span, ...(rule.recovered ? { recovered: true } : {}) };
    }
    default:
      return buildStep(ctx, node);
  }
}

function startOf(ctx: BuildContext, node: CstNode): number {
  return ctx.startOffsetOf(node);
}

function afterToken(ctx: BuildContext, token: IToken | undefined, node: CstNode): number {
  return ctx.endOffsetOf(token, startOf(ctx, node));
}

function markRecovered<T extends { kind: string; recovered?: boolean }>(
  ctx: BuildContext,
  node: CstNode,
  result: T,
  parts: ({ recovered?: boolean } | null)[],
): T {
  if (ctx.isRecovered(node) || parts.some((p) => p?.recovered === true)) result.recovered = true;
  return result;
}

function buildRepeat(ctx: BuildContext, node: CstNode, hooks: StatementListHooks): RepeatBlock {
  const repeatToken = childToken(node, "Repeat");
  const countNode = childNode(node, "expression");
  let count: Expr;
  let missingCount = false;
  if (countNode) {
    count = buildExpression(ctx, countNode, afterToken(ctx, repeatToken, node));
  } else {
    missingCount = true;
    count = ctx.missingExpr(afterToken(ctx, repeatToken, node));
    const span = isRealToken(repeatToken) ? ctx.tokenSpan(repeatToken) : ctx.nodeSpan(node);
    ctx.error(
      "BTP1019",
      "`repeat` needs a number of passes",
      span,
      childToken(node, "Until")
        ? "give the most passes the loop may make: `repeat 1000 until discharge capacity < 80 % of cycle 1 { … }`"
        : "for example `repeat 10 { … }`",
    );
  }
  const conditionNode = childNode(node, "loopCondition");
  const until = conditionNode ? buildLoopCondition(ctx, conditionNode) : null;
  const body = buildBlock(ctx, childNode(node, "block"), hooks);
  const result: RepeatBlock = { kind: "RepeatBlock", count, until, body, span: ctx.nodeSpan(node) };
  if (missingCount) result.recovered = true;
  return markRecovered(ctx, node, result, [count, until]);
}

const LOOP_SUBJECTS: Record<string, LoopCondition["subject"]> = {
  "charge capacity": "charge capacity",
  "discharge capacity": "discharge capacity",
  "coulombic efficiency": "coulombic efficiency",
  "end voltage": "end voltage",
};

const LOOP_SUBJECT_SLOT = {
  "charge capacity": "capacity",
  "discharge capacity": "capacity",
  "coulombic efficiency": "capacity",
  "end voltage": "voltage",
} as const;

function buildLoopCondition(ctx: BuildContext, node: CstNode): LoopCondition | null {
  const firstWordToken = childToken(node, "Charge") ?? childToken(node, "Discharge") ?? childToken(node, "Identifier");
  const secondWordToken = childToken(node, "Word");
  if (!isRealToken(firstWordToken)) return null;
  const words = [firstWordToken, secondWordToken].filter(isRealToken);
  const written = words.map((w) => w.image.toLowerCase()).join(" ");
  const subject = LOOP_SUBJECTS[written];
  const subjectSpan = ctx.coverSpans(words.map((w) => ctx.tokenSpan(w)))!;
  if (!subject) {
    const suggestion = nearestWord(written, Object.keys(LOOP_SUBJECTS));
    ctx.error(
      "BTP1017",
      `unknown loop condition \`${words.map((w) => w.image).join(" ")}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ""}`,
      subjectSpan,
      "a loop can watch `discharge capacity`, `charge capacity`, `coulombic efficiency` or `end voltage`",
    );
    return null;
  }
  const comparatorToken = childToken(node, "Comparator");
  const comparator = comparatorOf(comparatorToken) ?? "<";
  const value = buildExpression(
    ctx,
    childNode(node, "expression"),
    ctx.endOffsetOf(comparatorToken, subjectSpan.end.offset - ctx.spans.origin.offset),
  );
  requireUnit(ctx, value, LOOP_SUBJECT_SLOT[subject]);
  let ofCycle: Expr | null = null;
  const reference = childNode(node, "reference");
  if (reference) {
    if (childToken(reference, "Nominal")) {
      ctx.error(
        "BTP1023",
        "a loop condition compares with a cycle, not with the nominal capacity",
        ctx.nodeSpan(reference),
        "write `discharge capacity < 80 % of cycle 1`, or give an absolute value such as `< 0.2 mAh`",
      );
    } else {
      ofCycle = buildExpression(
        ctx,
        childNode(reference, "expression"),
        afterToken(ctx, childToken(reference, "Cycle"), reference),
      );
    }
  }
  const result: LoopCondition = {
    kind: "LoopCondition",
    subject,
    comparator,
    value,
    ofCycle,
    span: ctx.nodeSpan(node),
  };
  if (!isRealToken(comparatorToken)) result.recovered = true;
  return markRecovered(ctx, node, result, [value, ofCycle]);
}

function buildForSweep(ctx: BuildContext, node: CstNode, hooks: StatementListHooks): SweepBlock | null {
  const name = childToken(node, "Identifier");
  if (!isRealToken(name)) return null;
  const values = buildExpression(ctx, childNode(node, "expression"), afterToken(ctx, childToken(node, "In"), node));
  const body = buildBlock(ctx, childNode(node, "block"), hooks);
  const result: SweepBlock = {
    kind: "SweepBlock",
    variable: ctx.identifier(name),
    values,
    body,
    span: ctx.nodeSpan(node),
  };
  return markRecovered(ctx, node, result, [values]);
}

function buildCycleAction(ctx: BuildContext, node: CstNode, hooks: StatementListHooks): CycleAction {
  const mode = childToken(node, "Every") ? "every" : "after";
  let offset = afterToken(ctx, childToken(node, "CycleWord") ?? childToken(node, "Every"), node);
  const cycles: Expr[] = [];
  for (const expressionNode of childNodes(node, "expression")) {
    const value = buildExpression(ctx, expressionNode, offset);
    cycles.push(value);
    offset = value.span.end.offset - ctx.spans.origin.offset;
  }
  if (cycles.length === 0) cycles.push(ctx.missingExpr(offset));
  const body = buildBlock(ctx, childNode(node, "block"), hooks);
  return markRecovered<CycleAction>(
    ctx,
    node,
    { kind: "CycleAction", mode, cycles, body, span: ctx.nodeSpan(node) },
    cycles,
  );
}

function buildAtTemperature(ctx: BuildContext, node: CstNode, hooks: StatementListHooks): TemperatureBlock {
  const setpoint = buildExpression(ctx, childNode(node, "expression"), afterToken(ctx, childToken(node, "At"), node));
  requireUnit(ctx, setpoint, "temperature");
  const settle = buildSettle(ctx, childNode(node, "settle"));
  const body = buildBlock(ctx, childNode(node, "block"), hooks);
  const result: TemperatureBlock = { kind: "TemperatureBlock", setpoint, settle, body, span: ctx.nodeSpan(node) };
  if (!childNode(node, "block")) result.recovered = true;
  return markRecovered(ctx, node, result, [setpoint, settle]);
}

function buildSection(ctx: BuildContext, node: CstNode, hooks: StatementListHooks): SectionBlock {
  const titleToken = childToken(node, "StringLiteral");
  const title = isRealToken(titleToken)
    ? ctx.stringLiteral(titleToken)
    : {
        kind: "StringLiteral" as const,
        value: "",
        span: ctx.spans.point(afterToken(ctx, childToken(node, "Section"), node)),
        recovered: true,
      };
  const body = buildBlock(ctx, childNode(node, "block"), hooks);
  return markRecovered<SectionBlock>(ctx, node, { kind: "SectionBlock", title, body, span: ctx.nodeSpan(node) }, [
    title,
  ]);
}

function buildStopIf(ctx: BuildContext, node: CstNode): StopIf | null {
  const conditionNode = childNode(node, "loopCondition");
  const condition = conditionNode ? buildLoopCondition(ctx, conditionNode) : null;
  if (!condition) return null;
  return markRecovered<StopIf>(ctx, node, { kind: "StopIf", condition, span: ctx.nodeSpan(node) }, [condition]);
}

function buildSequenceCall(ctx: BuildContext, node: CstNode): SequenceCall | null {
  const callee = childToken(node, "Identifier");
  if (!isRealToken(callee)) return null;
  let offset = afterToken(ctx, childToken(node, "LParen"), node);
  const args: CallArgument[] = [];
  for (const argNode of childNodes(node, "callArgument")) {
    const nameToken = childToken(argNode, "Identifier");
    const value = buildExpression(
      ctx,
      childNode(argNode, "expression"),
      isRealToken(nameToken) ? afterToken(ctx, childToken(argNode, "Equals"), argNode) : offset,
    );
    const argument: CallArgument = {
      kind: "CallArgument",
      name: isRealToken(nameToken) ? ctx.identifier(nameToken) : null,
      value,
      span: ctx.nodeSpan(argNode, offset),
    };
    args.push(markRecovered(ctx, argNode, argument, [value]));
    offset = argument.span.end.offset - ctx.spans.origin.offset;
  }
  return markRecovered<SequenceCall>(
    ctx,
    node,
    { kind: "SequenceCall", callee: ctx.identifier(callee), args, span: ctx.nodeSpan(node) },
    args,
  );
}

// ------------------------------------------------------------------------------ unknown statements

/** Words a statement can begin with, for "did you mean" suggestions. */
const STATEMENT_WORDS = keywordWords.filter((w) => statementStarters.has(w));

/** Keywords that continue a step: seeing one at the start of a line means the step was split. */
const CLAUSE_WORDS: ReadonlySet<string> = new Set(["until", "or", "then", "and", "to", "from", "label", "settle"]);

function reportUnknownStatement(ctx: BuildContext, node: CstNode, followsStatement: boolean): void {
  const first = firstToken(node);
  const span = ctx.nodeSpan(node);
  if (!first) return;
  const type = first.tokenType.name;
  // Stray closing brackets are reported by the bracket pre-scan.
  if (type === "RParen" || type === "RBracket") return;
  const image = first.image;
  const lower = image.toLowerCase();

  if (followsStatement) {
    ctx.error(
      "BTP1022",
      `unexpected \`${clip(textOf(ctx, span))}\` after the end of the statement`,
      span,
      "remove it, or start a new statement on its own line (or after a `;`)",
    );
    return;
  }
  if (type === "LCurly") {
    ctx.error(
      "BTP1010",
      "a block needs a statement that opens it",
      span,
      'for example `repeat 3 { … }` or `section "formation" { … }`',
    );
    return;
  }
  if (type === "Quantity" || type === "NumberLiteral" || type === "CRate" || lower === "until") {
    ctx.error(
      "BTP1011",
      "a step needs an action: `charge at …`, `discharge at …`, `rest`, `hold at …`",
      span,
      "for example `discharge at 0.5C until 2.5 V` or `rest for 1 h`",
    );
    return;
  }
  if (CLAUSE_WORDS.has(lower)) {
    ctx.error(
      "BTP1011",
      `\`${image}\` cannot start a statement: a step's clauses stay on the step's line`,
      span,
      "join this line to the step above it, e.g. `charge at 1C until 4.2 V then hold until C/20`",
    );
    return;
  }
  if (type === "StringLiteral" || type === "UnterminatedString") {
    ctx.error(
      "BTP1010",
      "a string cannot stand alone as a statement",
      span,
      'did you mean `pause "…"`, `note "…"` or `section "…" { … }`?',
    );
    return;
  }
  if (type === "Identifier") {
    const suggestion = nearestWord(lower, STATEMENT_WORDS);
    const hint = suggestion
      ? `a statement starts with a step or block keyword; \`${suggestion}\` is the closest`
      : `to run a sequence write \`${image}(…)\`; steps start with \`charge\`, \`discharge\`, \`rest\`, \`hold\`, \`ocv\`, \`eis\`, \`sweep\`, \`cv\``;
    ctx.error(
      "BTP1010",
      `unknown statement \`${image}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ""}`,
      ctx.tokenSpan(first),
      hint,
    );
    return;
  }
  ctx.error(
    "BTP1010",
    `\`${clip(image)}\` cannot start a statement`,
    ctx.tokenSpan(first),
    "a statement starts with a step (`charge`, `discharge`, `rest`, `hold`, …), a block (`repeat`, `for`, `at`, `section`) or a sequence call `name(…)`",
  );
}

function textOf(ctx: BuildContext, span: Span): string {
  return ctx.sourceText.slice(span.start.offset - ctx.spans.origin.offset, span.end.offset - ctx.spans.origin.offset);
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > 30 ? `${oneLine.slice(0, 29)}…` : oneLine;
}
