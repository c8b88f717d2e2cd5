// Steps, their ends (`for …`, `until …`) and their options (`, record every 1 s`, `, limits {…}`).

import type {
  ChargeStep,
  Comparator,
  ConditionSubject,
  CyclicVoltammetryStep,
  EisStep,
  EndCondition,
  Expr,
  HoldStep,
  LimitItem,
  LimitSubject,
  LimitsBlock,
  OcvStep,
  PauseStep,
  RecordRule,
  RestStep,
  Settle,
  Step,
  StepEnd,
  StepOptions,
  StringLiteral,
  SweepStep,
  TemperatureStep,
  ThenHold,
} from "../ast.js";
import {
  childNode,
  childNodes,
  childToken,
  childTokens,
  childrenInOrder,
  firstChild,
  isRealToken,
  isToken,
  type CstNode,
  type IToken,
} from "../cst.js";
import type { BuildContext } from "./context.js";
import { buildExpression } from "./expressions.js";
import { requireUnit } from "./units.js";

/** Offset just after the last real token of the given keys (where a missing part belongs). */
function after(ctx: BuildContext, node: CstNode, keys: readonly string[], fallback: number): number {
  let offset = fallback;
  // The furthest end wins, so the order of the elements does not matter.
  for (const key of keys) {
    const list = node.children[key];
    if (list === undefined) continue;
    for (const element of list) offset = Math.max(offset, ctx.endOffsetOf(element, offset));
  }
  return offset;
}

function startOf(ctx: BuildContext, node: CstNode): number {
  return ctx.startOffsetOf(node);
}

/** Child keys read on every step; kept as constants because they are asked for so often. */
const CHARGE_WORDS = ["Charge", "Discharge", "At"] as const;
const STEP_END_PARTS = ["expression", "endCondition", "For"] as const;
const CONDITION_WORDS = ["Identifier", "Temperature", "Comparator"] as const;
const STEP_OPTION_PARTS = ["recordRule", "limitsBlock", "periodOption", "Label"] as const;

export function buildStep(ctx: BuildContext, node: CstNode): Step | null {
  const { name, elements } = firstChild(node) ?? { name: "", elements: [] };
  if (!name || elements.length === 0 || isToken(elements[0]!)) return null;
  const inner = elements[0] as CstNode;
  switch (name) {
    case "chargeStep":
      return buildChargeStep(ctx, inner);
    case "holdStep":
      return buildHoldStep(ctx, inner);
    case "restStep":
      return buildSimpleStep(ctx, inner, "RestStep");
    case "ocvStep":
      return buildSimpleStep(ctx, inner, "OcvStep");
    case "eisStep":
      return buildEisStep(ctx, inner);
    case "sweepStep":
      return buildSweepStep(ctx, inner);
    case "cvStep":
      return buildCvStep(ctx, inner);
    case "temperatureStep":
      return buildTemperatureStep(ctx, inner);
    case "pauseStep":
      return buildPauseStep(ctx, inner);
    default:
      return null;
  }
}

function finish<T extends { kind: string; recovered?: boolean }>(
  ctx: BuildContext,
  node: CstNode,
  result: T,
  parts: ({ recovered?: boolean } | null)[],
): T {
  if (ctx.isRecovered(node) || parts.some((p) => p?.recovered === true)) result.recovered = true;
  return result;
}

function buildChargeStep(ctx: BuildContext, node: CstNode): ChargeStep {
  const direction = childToken(node, "Discharge") ? "discharge" : "charge";
  const span = ctx.nodeSpan(node);
  const start = startOf(ctx, node);
  const setpoint = buildExpression(ctx, childNode(node, "expression"), after(ctx, node, CHARGE_WORDS, start));
  requireUnit(ctx, setpoint, "setpoint");
  const end = buildStepEnd(ctx, childNode(node, "stepEnd"));
  const thenHold = buildThenHold(ctx, childNode(node, "thenHold"));
  const options = buildStepOptions(ctx, childNode(node, "stepOptions"));
  return finish<ChargeStep>(ctx, node, { kind: "ChargeStep", direction, setpoint, end, thenHold, options, span }, [
    setpoint,
    end,
    thenHold,
  ]);
}

function buildThenHold(ctx: BuildContext, node: CstNode | undefined): ThenHold | null {
  if (!node) return null;
  const voltageNode = childNode(node, "expression");
  const voltage = voltageNode ? buildExpression(ctx, voltageNode, after(ctx, node, ["At"], startOf(ctx, node))) : null;
  if (voltage) requireUnit(ctx, voltage, "voltage");
  const end = buildStepEnd(ctx, childNode(node, "stepEnd"));
  return finish<ThenHold>(ctx, node, { kind: "ThenHold", voltage, end, span: ctx.nodeSpan(node) }, [voltage, end]);
}

function buildHoldStep(ctx: BuildContext, node: CstNode): HoldStep {
  const voltage = buildExpression(
    ctx,
    childNode(node, "expression"),
    after(ctx, node, ["Hold", "At"], startOf(ctx, node)),
  );
  requireUnit(ctx, voltage, "voltage");
  const end = buildStepEnd(ctx, childNode(node, "stepEnd"));
  const options = buildStepOptions(ctx, childNode(node, "stepOptions"));
  return finish<HoldStep>(ctx, node, { kind: "HoldStep", voltage, end, options, span: ctx.nodeSpan(node) }, [
    voltage,
    end,
  ]);
}

function buildSimpleStep(ctx: BuildContext, node: CstNode, kind: "RestStep" | "OcvStep"): RestStep | OcvStep {
  const end = buildStepEnd(ctx, childNode(node, "stepEnd"));
  const options = buildStepOptions(ctx, childNode(node, "stepOptions"));
  return finish(ctx, node, { kind, end, options, span: ctx.nodeSpan(node) }, [end]);
}

function buildEisStep(ctx: BuildContext, node: CstNode): EisStep {
  const exprs = childNodes(node, "expression");
  const from = buildExpression(ctx, exprs[0], after(ctx, node, ["From"], startOf(ctx, node)));
  const to = buildExpression(ctx, exprs[1], after(ctx, node, ["To"], startOf(ctx, node)));
  requireUnit(ctx, from, "frequency");
  requireUnit(ctx, to, "frequency");
  let amplitude: Expr | null = null;
  let pointsPerDecade: Expr | null = null;
  let bias: Expr | null = null;
  const once = new OnceChecker(ctx, "eis step");
  for (const clause of childNodes(node, "eisClause")) {
    const keyword = childToken(clause, "Amplitude") ?? childToken(clause, "At") ?? childToken(clause, "Bias");
    const value = buildExpression(ctx, childNode(clause, "expression"), ctx.endOffsetOf(keyword, startOf(ctx, clause)));
    if (childToken(clause, "Amplitude")) {
      requireUnit(ctx, value, "amplitude");
      if (once.first("amplitude", clause)) amplitude = value;
    } else if (childToken(clause, "At") || childToken(clause, "Bias")) {
      requireUnit(ctx, value, "voltage");
      if (once.first("bias", clause)) bias = value;
    } else {
      if (once.first("points per decade", clause)) pointsPerDecade = value;
    }
  }
  const options = buildStepOptions(ctx, childNode(node, "stepOptions"));
  return finish(
    ctx,
    node,
    { kind: "EisStep", from, to, amplitude, pointsPerDecade, bias, options, span: ctx.nodeSpan(node) },
    [from, to, amplitude, pointsPerDecade, bias],
  );
}

function buildSweepStep(ctx: BuildContext, node: CstNode): SweepStep {
  const exprs = childNodes(node, "expression");
  const start = startOf(ctx, node);
  const from = buildExpression(ctx, exprs[0], after(ctx, node, ["From"], start));
  const to = buildExpression(ctx, exprs[1], after(ctx, node, ["To"], start));
  const scanRate = buildExpression(ctx, exprs[2], after(ctx, node, ["At"], start));
  requireUnit(ctx, from, "voltage");
  requireUnit(ctx, to, "voltage");
  requireUnit(ctx, scanRate, "scan rate");
  const options = buildStepOptions(ctx, childNode(node, "stepOptions"));
  return finish<SweepStep>(ctx, node, { kind: "SweepStep", from, to, scanRate, options, span: ctx.nodeSpan(node) }, [
    from,
    to,
    scanRate,
  ]);
}

function buildCvStep(ctx: BuildContext, node: CstNode): CyclicVoltammetryStep {
  const exprs = childNodes(node, "expression");
  const start = startOf(ctx, node);
  const lower = buildExpression(ctx, exprs[0], after(ctx, node, ["Between"], start));
  const upper = buildExpression(ctx, exprs[1], after(ctx, node, ["And"], start));
  const scanRate = buildExpression(ctx, exprs[2], after(ctx, node, ["At"], start));
  requireUnit(ctx, lower, "voltage");
  requireUnit(ctx, upper, "voltage");
  requireUnit(ctx, scanRate, "scan rate");
  let cycles: Expr | null = null;
  let startAt: Expr | null = null;
  const once = new OnceChecker(ctx, "cv step");
  for (const clause of childNodes(node, "cvClause")) {
    const startKeyword = childToken(clause, "Start");
    const value = buildExpression(
      ctx,
      childNode(clause, "expression"),
      after(ctx, clause, ["Start", "At"], startOf(ctx, clause)),
    );
    if (startKeyword) {
      requireUnit(ctx, value, "voltage");
      if (once.first("start", clause)) startAt = value;
    } else if (once.first("cycles", clause)) {
      cycles = value;
    }
  }
  const options = buildStepOptions(ctx, childNode(node, "stepOptions"));
  return finish(
    ctx,
    node,
    {
      kind: "CyclicVoltammetryStep",
      lower,
      upper,
      scanRate,
      cycles,
      start: startAt,
      options,
      span: ctx.nodeSpan(node),
    },
    [lower, upper, scanRate, cycles, startAt],
  );
}

function buildTemperatureStep(ctx: BuildContext, node: CstNode): TemperatureStep {
  const setpoint = buildExpression(
    ctx,
    childNode(node, "expression"),
    after(ctx, node, ["Temperature"], startOf(ctx, node)),
  );
  requireUnit(ctx, setpoint, "temperature");
  const settle = buildSettle(ctx, childNode(node, "settle"));
  const options = buildStepOptions(ctx, childNode(node, "stepOptions"));
  return finish<TemperatureStep>(
    ctx,
    node,
    { kind: "TemperatureStep", setpoint, settle, options, span: ctx.nodeSpan(node) },
    [setpoint, settle],
  );
}

export function buildSettle(ctx: BuildContext, node: CstNode | undefined): Settle | null {
  if (!node) return null;
  const body = childNode(node, "settleBody");
  if (!body) return null;
  const untilStable = childToken(body, "Stable") !== undefined;
  const durationNode = childNode(body, "expression");
  const duration = durationNode
    ? buildExpression(ctx, durationNode, after(ctx, body, ["Settle"], startOf(ctx, body)))
    : null;
  if (duration) requireUnit(ctx, duration, "duration");
  return finish<Settle>(ctx, body, { kind: "Settle", duration, untilStable, span: ctx.nodeSpan(node) }, [duration]);
}

function buildPauseStep(ctx: BuildContext, node: CstNode): PauseStep {
  const messageToken = childToken(node, "StringLiteral");
  const message: StringLiteral = isRealToken(messageToken)
    ? ctx.stringLiteral(messageToken)
    : { kind: "StringLiteral", value: "", span: ctx.spans.point(after(ctx, node, ["Pause"], 0)), recovered: true };
  const options = buildStepOptions(ctx, childNode(node, "stepOptions"));
  return finish<PauseStep>(ctx, node, { kind: "PauseStep", message, options, span: ctx.nodeSpan(node) }, [message]);
}

// ------------------------------------------------------------------------------ step ends

const COMPARATORS: Record<string, Comparator> = { "<": "<", "<=": "<=", ">": ">", ">=": ">=", "≤": "<=", "≥": ">=" };

export function comparatorOf(token: IToken | undefined): Comparator | null {
  if (!isRealToken(token)) return null;
  return COMPARATORS[token.image] ?? null;
}

export function buildStepEnd(ctx: BuildContext, node: CstNode | undefined): StepEnd | null {
  if (!node) return null;
  let duration: Expr | null = null;
  const conditions: EndCondition[] = [];
  // Durations are expressions directly under stepEnd; conditions are endCondition nodes.
  for (const element of childrenInOrder(node, STEP_END_PARTS)) {
    if (isToken(element)) continue;
    if (element.name === "endCondition") {
      const condition = buildEndCondition(ctx, element);
      if (condition) conditions.push(condition);
      continue;
    }
    const forToken = precedingFor(node, element);
    const value = buildExpression(ctx, element, ctx.endOffsetOf(forToken, startOf(ctx, node)));
    requireUnit(ctx, value, "duration");
    if (duration === null) {
      duration = value;
    } else {
      ctx.error(
        "BTP1020",
        "this step already has a `for` duration",
        value.span,
        "a step has at most one `for`; add other ends with `or until …`",
        [{ message: "the first duration", span: duration.span }],
      );
    }
  }
  const span = ctx.nodeSpan(node);
  return finish<StepEnd>(ctx, node, { kind: "StepEnd", duration, conditions, span }, [duration, ...conditions]);
}

/** The `for` keyword just before a duration expression (to place a missing duration after it). */
function precedingFor(stepEnd: CstNode, expression: CstNode): IToken | undefined {
  const expressionStart = expression.location?.startOffset ?? Number.POSITIVE_INFINITY;
  let best: IToken | undefined;
  for (const token of childTokens(stepEnd, "For")) {
    if (isRealToken(token) && token.startOffset < expressionStart) best = token;
  }
  return best;
}

/** The units that make sense after `until <subject>`, for the missing-unit message. */
const SUBJECT_SLOTS: Record<ConditionSubject, Parameters<typeof requireUnit>[2]> = {
  auto: "condition",
  voltage: "voltage",
  current: "current",
  capacity: "capacity",
  time: "duration",
  temperature: "temperature",
};

function buildEndCondition(ctx: BuildContext, node: CstNode): EndCondition {
  const subjectToken = childToken(node, "Identifier") ?? childToken(node, "Temperature");
  const subject: ConditionSubject = isRealToken(subjectToken)
    ? (subjectToken.image.toLowerCase() as ConditionSubject)
    : "auto";
  const comparator = comparatorOf(childToken(node, "Comparator"));
  const value = buildExpression(
    ctx,
    childNode(node, "expression"),
    after(ctx, node, CONDITION_WORDS, startOf(ctx, node)),
  );
  requireUnit(ctx, value, SUBJECT_SLOTS[subject] ?? "condition");
  const condition: EndCondition = { kind: "EndCondition", subject, comparator, value, span: ctx.nodeSpan(node) };
  const reference = childNode(node, "reference");
  if (reference) {
    if (childToken(reference, "Nominal")) condition.ofNominal = true;
    else if (childToken(reference, "Cycle")) {
      ctx.error(
        "BTP1023",
        "a step's end cannot refer to another cycle",
        ctx.nodeSpan(reference),
        "use `80 % of nominal` in a step; `of cycle 1` belongs in `repeat … until` and `stop if`",
      );
      condition.recovered = true;
    }
  }
  return finish(ctx, node, condition, [value]);
}

// ------------------------------------------------------------------------------ step options

export function emptyOptions(): StepOptions {
  return { record: null, limits: null, label: null };
}

export function buildStepOptions(ctx: BuildContext, node: CstNode | undefined): StepOptions {
  const options = emptyOptions();
  if (!node) return options;
  const once = new OnceChecker(ctx, "step");
  for (const element of childrenInOrder(node, STEP_OPTION_PARTS)) {
    if (isToken(element)) {
      const labelToken = nextString(node, element);
      if (labelToken && once.firstAt("label", ctx.tokenSpan(element))) options.label = ctx.stringLiteral(labelToken);
      continue;
    }
    if (element.name === "limitsBlock") {
      const limits = buildLimitsBlock(ctx, element);
      if (once.first("limits", element)) options.limits = limits;
    } else {
      const record = element.name === "recordRule" ? buildRecordRule(ctx, element) : buildPeriodOption(ctx, element);
      if (record && once.first("record", element)) options.record = record;
    }
  }
  return options;
}

/** The string that follows a `label` keyword in the options. */
function nextString(node: CstNode, label: IToken): IToken | undefined {
  for (const token of childTokens(node, "StringLiteral")) {
    if (isRealToken(token) && token.startOffset > label.startOffset) return token;
  }
  return undefined;
}

export function buildRecordRule(ctx: BuildContext, node: CstNode): RecordRule {
  let offset = after(ctx, node, ["Record", "Every"], startOf(ctx, node));
  const every: Expr[] = [];
  for (const item of childNodes(node, "expression")) {
    const value = buildExpression(ctx, item, offset);
    requireUnit(ctx, value, "record");
    every.push(value);
    offset = value.span.end.offset - ctx.spans.origin.offset;
  }
  if (every.length === 0) every.push(ctx.missingExpr(offset));
  return finish<RecordRule>(ctx, node, { kind: "RecordRule", every, span: ctx.nodeSpan(node) }, every);
}

/** PyBaMM's `(2 minute period)` means `record every 2 minute`. */
function buildPeriodOption(ctx: BuildContext, node: CstNode): RecordRule | null {
  const word = childToken(node, "Identifier");
  const value = buildExpression(ctx, childNode(node, "expression"), after(ctx, node, ["LParen"], startOf(ctx, node)));
  if (isRealToken(word) && word.image.toLowerCase() !== "period") {
    ctx.error(
      "BTP1014",
      `expected \`period\` after the time in parentheses, found \`${word.image}\``,
      ctx.tokenSpan(word),
      "PyBaMM's sampling period is written `(1 minute period)`; in btp prefer `, record every 1 min`",
    );
    return null;
  }
  requireUnit(ctx, value, "record");
  return finish<RecordRule>(ctx, node, { kind: "RecordRule", every: [value], span: ctx.nodeSpan(node) }, [value]);
}

const LIMIT_SUBJECTS: ReadonlySet<string> = new Set(["voltage", "current", "temperature", "capacity", "power"]);

export function buildLimitsBlock(ctx: BuildContext, node: CstNode): LimitsBlock {
  const items: LimitItem[] = [];
  const seen = new Map<string, LimitItem>();
  checkItemSeparators(ctx, node, "limitItem", "limits");
  for (const itemNode of childNodes(node, "limitItem")) {
    const item = buildLimitItem(ctx, itemNode);
    if (!item) continue;
    const earlier = seen.get(item.subject);
    if (earlier) {
      ctx.error(
        "BTP1020",
        `the ${item.subject} limit is given twice`,
        item.span,
        "keep one: for a range write `voltage 2.0 V .. 4.2 V`",
        [{ message: "the first one", span: earlier.span }],
      );
      continue;
    }
    seen.set(item.subject, item);
    items.push(item);
  }
  return finish<LimitsBlock>(ctx, node, { kind: "LimitsBlock", items, span: ctx.nodeSpan(node) }, []);
}

function buildLimitItem(ctx: BuildContext, node: CstNode): LimitItem | null {
  const subjectToken = childToken(node, "Word");
  const exprs = childNodes(node, "expression");
  if (!isRealToken(subjectToken)) return null;
  const subject = subjectToken.image.toLowerCase();
  if (!LIMIT_SUBJECTS.has(subject)) {
    ctx.error(
      "BTP1018",
      `unknown limit \`${subjectToken.image}\``,
      ctx.tokenSpan(subjectToken),
      "limits can be set on voltage, current, temperature, capacity and power, e.g. `limits { voltage 2.0 V .. 4.2 V, current 10 mA }`",
    );
    return null;
  }
  const slot = subject as LimitSubject;
  const first = buildExpression(ctx, exprs[0], ctx.endOffsetOf(subjectToken));
  requireUnit(ctx, first, slot);
  let min: Expr | null = null;
  let max = first;
  if (childToken(node, "Range")) {
    min = first;
    max = buildExpression(ctx, exprs[1], after(ctx, node, ["Range"], startOf(ctx, node)));
    requireUnit(ctx, max, slot);
  }
  return finish<LimitItem>(ctx, node, { kind: "LimitItem", subject: slot, min, max, span: ctx.nodeSpan(node) }, [
    min,
    max,
  ]);
}

/** Items of a `{ … }` list (limits, cell properties) need `,`, `;` or a newline between them. */
export function checkItemSeparators(ctx: BuildContext, node: CstNode, itemKey: string, what: string): void {
  let previous: CstNode | null = null;
  for (const element of childrenInOrder(node, [itemKey, "Separator", "Comma"])) {
    if (isToken(element)) {
      previous = null;
      continue;
    }
    if (previous !== null && !ctx.isRecovered(previous)) {
      ctx.error(
        "BTP1012",
        `put a \`,\` or a new line between two ${what} items`,
        ctx.nodeSpan(element),
        "for example `{ voltage 2.0 V .. 4.2 V, current 10 mA }`",
      );
    }
    previous = element;
  }
}

/** Reports a clause given twice in one step (`amplitude 5 mV … amplitude 10 mV`). */
class OnceChecker {
  private readonly seen = new Map<string, ReturnType<BuildContext["nodeSpan"]>>();
  constructor(
    private readonly ctx: BuildContext,
    private readonly owner: string,
  ) {}

  first(what: string, node: CstNode): boolean {
    return this.firstAt(what, this.ctx.nodeSpan(node));
  }

  firstAt(what: string, span: ReturnType<BuildContext["nodeSpan"]>): boolean {
    const earlier = this.seen.get(what);
    if (!earlier) {
      this.seen.set(what, span);
      return true;
    }
    this.ctx.error("BTP1020", `\`${what}\` is given twice in this ${this.owner}`, span, "keep only one of them", [
      { message: "the first one", span: earlier },
    ]);
    return false;
  }
}
