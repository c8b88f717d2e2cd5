// `steps:` lists → AST statements. Each item is a step written as btp text (parsed by the .btp
// parser itself) or a one-key mapping whose key is the kind of step or block. The document has
// already passed the format schema, so shapes are known; the readers still never assume more
// than they check, so a bug here cannot throw.

import { isMap, isScalar, isSeq } from "yaml";
import type { Node, Pair, Scalar } from "yaml";
import type {
  CallArgument,
  ChargeStep,
  CycleAction,
  Expr,
  LimitItem,
  LimitsBlock,
  LimitSubject,
  RecordRule,
  RepeatBlock,
  SectionBlock,
  SequenceCall,
  Statement,
  StepEnd,
  StepOptions,
  SweepBlock,
  TemperatureBlock,
  ThenHold,
} from "../ast.js";
import { parseStatementText } from "../index.js";
import { entry, items, keyOf, moveSpans, pairs, valueOf, type YamlBuildContext } from "./context.js";
import { readEndCondition, readLoopCondition, readRange, readSettle } from "./phrases.js";

export function readStatements(context: YamlBuildContext, list: Node | null): Statement[] {
  if (!isSeq(list)) return [];
  const statements: Statement[] = [];
  for (const item of list.items as Node[]) {
    const statement = readStatement(context, item);
    if (statement) statements.push(statement);
  }
  return statements;
}

function readStatement(context: YamlBuildContext, item: Node): Statement | null {
  if (isScalar(item)) return readStatementText(context, item);
  const [first] = pairs(item);
  if (!first) return null;
  const kind = keyOf(first);
  const body = first.value;
  const span = context.span(item);
  const need = (key: string): Expr => context.expr(valueOf(body, key));
  const optional = (key: string): Expr | null => (entry(body, key) ? need(key) : null);
  const steps = (): Statement[] => readStatements(context, valueOf(body, "steps"));

  switch (kind) {
    case "charge":
    case "discharge": {
      const step: ChargeStep = {
        kind: "ChargeStep",
        direction: kind,
        setpoint: need("at"),
        end: readStepEnd(context, body),
        thenHold: readThenHold(context, entry(body, "then hold")),
        options: readStepOptions(context, body),
        span,
      };
      return step;
    }
    case "hold":
      return { kind: "HoldStep", voltage: need("at"), end: readStepEnd(context, body), options: readStepOptions(context, body), span };
    case "rest":
      return { kind: "RestStep", end: readStepEnd(context, body), options: readStepOptions(context, body), span };
    case "ocv":
      return { kind: "OcvStep", end: readStepEnd(context, body), options: readStepOptions(context, body), span };
    case "eis": {
      if (entry(body, "at") && entry(body, "bias")) {
        context.error(
          "BTP5021",
          "`at` and `bias` both set the bias of this EIS step",
          context.span(entry(body, "bias")!.key),
          "keep one of them",
        );
      }
      return {
        kind: "EisStep",
        from: need("from"),
        to: need("to"),
        amplitude: optional("amplitude"),
        pointsPerDecade: optional("points per decade"),
        bias: optional("at") ?? optional("bias"),
        options: readStepOptions(context, body),
        span,
      };
    }
    case "sweep":
      return { kind: "SweepStep", from: need("from"), to: need("to"), scanRate: need("at"), options: readStepOptions(context, body), span };
    case "cv": {
      const [lower, upper] = items(valueOf(body, "between"));
      return {
        kind: "CyclicVoltammetryStep",
        lower: context.expr(lower),
        upper: context.expr(upper),
        scanRate: need("at"),
        cycles: optional("cycles"),
        start: optional("start at"),
        options: readStepOptions(context, body),
        span,
      };
    }
    case "temperature": {
      const settle = entry(body, "settle");
      return {
        kind: "TemperatureStep",
        setpoint: need("setpoint"),
        settle: settle ? readSettle(context, settle) : null,
        options: readStepOptions(context, body),
        span,
      };
    }
    case "pause":
      return {
        kind: "PauseStep",
        message: context.string(isMap(body) ? valueOf(body, "message") : body),
        options: readStepOptions(context, body),
        span,
      };
    case "repeat": {
      const until = valueOf(body, "until");
      const repeat: RepeatBlock = {
        kind: "RepeatBlock",
        count: need("count"),
        until: until ? readLoopCondition(context, until) : null,
        body: steps(),
        span,
      };
      return repeat;
    }
    case "for": {
      const sweep: SweepBlock = {
        kind: "SweepBlock",
        variable: context.identifier(valueOf(body, "variable")),
        values: need("in"),
        body: steps(),
        span,
      };
      return sweep;
    }
    case "after":
    case "every": {
      const action: CycleAction = {
        kind: "CycleAction",
        mode: kind,
        cycles: items(valueOf(body, "cycles")).map((n) => context.expr(n)),
        body: steps(),
        span,
      };
      return action;
    }
    case "at": {
      const settle = entry(body, "settle");
      const block: TemperatureBlock = {
        kind: "TemperatureBlock",
        setpoint: need("temperature"),
        settle: settle ? readSettle(context, settle) : null,
        body: steps(),
        span,
      };
      return block;
    }
    case "section": {
      const section: SectionBlock = { kind: "SectionBlock", title: context.string(valueOf(body, "title")), body: steps(), span };
      return section;
    }
    case "stop if": {
      const condition = body ? readLoopCondition(context, body) : null;
      return condition ? { kind: "StopIf", condition, span } : null;
    }
    case "call":
      return readCall(context, body, span);
    case "limits":
      return { kind: "LimitsStatement", limits: readLimits(context, first), span };
    case "record":
      return { kind: "RecordStatement", rule: readRecord(context, first), span };
    default:
      return null;
  }
}

/** A step written as btp text: "Charge at 0.5C until 3.9 V" (PyBaMM style) or any statement. */
function readStatementText(context: YamlBuildContext, node: Scalar): Statement | null {
  const scalar = context.source.scalarText(node);
  const origin = context.source.position(scalar.start);
  const { statement, diagnostics } = parseStatementText(scalar.text, { file: context.source.path, ...origin });
  context.report(diagnostics, scalar);
  if (statement === null) return null;
  return scalar.exact ? statement : moveSpans(statement, scalar.span);
}

function readCall(context: YamlBuildContext, body: Node | null, span: SequenceCall["span"]): SequenceCall {
  const args: CallArgument[] = [];
  const given = valueOf(body, "args");
  const named = (pair: Pair<Scalar, Node | null>): CallArgument => ({
    kind: "CallArgument",
    name: context.identifier(pair.key),
    value: context.expr(pair.value),
    span: context.source.pairSpan(pair),
  });
  if (isMap(given)) {
    args.push(...pairs(given).map(named));
  } else if (isSeq(given)) {
    for (const item of given.items as Node[]) {
      const [pair] = pairs(item);
      args.push(pair ? named(pair) : { kind: "CallArgument", name: null, value: context.expr(item), span: context.span(item) });
    }
  }
  return { kind: "SequenceCall", callee: context.identifier(valueOf(body, "sequence")), args, span };
}

// ---------------------------------------------------------------------------------------------
// Parts of steps

/** `for` and `until` of a step's mapping; null when neither is given. */
function readStepEnd(context: YamlBuildContext, body: Node | null): StepEnd | null {
  const duration = entry(body, "for");
  const until = entry(body, "until");
  if (!duration && !until) return null;
  const spans = [duration, until].filter((p) => p !== undefined).map((p) => context.source.pairSpan(p));
  return {
    kind: "StepEnd",
    duration: duration ? context.expr(duration.value) : null,
    conditions: until ? items(until.value).map((n) => readEndCondition(context, n)) : [],
    span: context.source.cover(spans),
  };
}

function readThenHold(context: YamlBuildContext, pair: Pair<Scalar, Node | null> | undefined): ThenHold | null {
  if (!pair) return null;
  const body = pair.value;
  return {
    kind: "ThenHold",
    voltage: entry(body, "at") ? context.expr(valueOf(body, "at")) : null,
    end: readStepEnd(context, body),
    span: context.source.pairSpan(pair),
  };
}

function readStepOptions(context: YamlBuildContext, body: Node | null): StepOptions {
  const record = entry(body, "record");
  const limits = entry(body, "limits");
  const label = entry(body, "label");
  return {
    record: record ? readRecord(context, record) : null,
    limits: limits ? readLimits(context, limits) : null,
    label: label ? context.string(label.value) : null,
  };
}

export function readRecord(context: YamlBuildContext, pair: Pair<Scalar, Node | null>): RecordRule {
  return {
    kind: "RecordRule",
    every: items(valueOf(pair.value, "every")).map((n) => context.expr(n)),
    span: context.source.pairSpan(pair),
  };
}

export function readLimits(context: YamlBuildContext, pair: Pair<Scalar, Node | null>): LimitsBlock {
  const limitItems = pairs(pair.value).map((item): LimitItem => {
    const { min, max } = readRange(context, item.value);
    return { kind: "LimitItem", subject: keyOf(item) as LimitSubject, min, max, span: context.source.pairSpan(item) };
  });
  return { kind: "LimitsBlock", items: limitItems, span: context.source.pairSpan(pair) };
}
