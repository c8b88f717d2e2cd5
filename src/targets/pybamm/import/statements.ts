// One PyBaMM operating condition → one btp step, through the btp parser. A step string is
// parsed as written (btp's step grammar reads PyBaMM's); the keyword form
// (pybamm.step.c_rate(-0.5, termination=[…])) is first said as btp text. Where PyBaMM reads a
// string differently from btp, the tree is adjusted to PyBaMM's meaning or the difference is
// reported:
// - `m` after a duration is minutes to PyBaMM, the metre to btp;
// - PyBaMM ignores a voltage cut-off without `<` or `>` on a rest or a hold;
// - PyBaMM's `<` and `>` on a voltage are read as btp's `<=` and `>=` (the same event);
// - PyBaMM compares a current with `<` or `>` by its sign (positive on discharge).

import type { Diagnostic, Span } from "../../../diagnostics/diagnostic.js";
import type { EndCondition, QuantityLiteral, Statement, Step, StepEnd } from "../../../syntax/ast.js";
import { parseStatementText } from "../../../syntax/index.js";
import type { SpanMaker } from "../../../syntax/spans.js";
import { moveSpans } from "../../../syntax/yaml/context.js";
import { formatNumber } from "../../../units/format.js";
import { KEYWORD_IGNORED, NOT_PYBAMM_GRAMMAR, SIGNED_CURRENT_END, VOLTAGE_END_IGNORED } from "../codes.js";
import { PYBAMM_TIME_UNITS, SETTLE_TAG } from "../conventions.js";
import type { PyExpr } from "./expression.js";
import { unsupported } from "./source.js";
import type { StepSource } from "./structure.js";

export interface ImportedStep {
  statement: Step;
  /** K, from the step's own temperature= keyword. */
  temperature: number | null;
  /** s, from the step's own period (keyword or "(… period)"). */
  period: number | null;
  /** s: for a rest tagged as a chamber's settle time, that time. */
  settleSeconds: number | null;
  span: Span;
}

export class StepReader {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly spans: SpanMaker) {}

  read(source: StepSource): ImportedStep | null {
    const span = this.spans.span(source.start, source.end);
    const keywords = this.keywords(source);
    if (!keywords) return null;
    const parsed = source.kind === "string" ? this.parseString(source, keywords.period !== null) : this.parseCall(source, keywords);
    if (!parsed) return null;
    const step = parsed;
    this.adjustEnds(step);

    const label = keywords.tags.filter((t) => t !== SETTLE_TAG);
    if (label.length > 0) step.options.label = { kind: "StringLiteral", value: label.join(", "), span };
    let period = step.options.record ? recordSeconds(step.options.record.every) : null;
    if (keywords.period !== null) {
      period = keywords.period;
      step.options.record = { kind: "RecordRule", every: [seconds(keywords.period, span)], span };
    }
    const settleSeconds =
      keywords.tags.includes(SETTLE_TAG) && step.kind === "RestStep" && step.end !== null && step.end.conditions.length === 0
        ? durationSeconds(step.end.duration)
        : null;
    return { statement: step, temperature: keywords.temperature, period, settleSeconds, span };
  }

  // -------------------------------------------------------------------------------------------
  // Keyword arguments

  private keywords(
    source: StepSource,
  ): { temperature: number | null; period: number | null; tags: string[]; duration: number | null; termination: string[] } | null {
    const out = {
      temperature: null as number | null,
      period: null as number | null,
      tags: [] as string[],
      duration: null as number | null,
      termination: [] as string[],
    };
    let ok = true;
    for (const keyword of source.keywords) {
      const at = this.spans.span(keyword.start, keyword.end);
      switch (keyword.name) {
        case "temperature": {
          const kelvin = temperatureOf(keyword.value);
          if (kelvin === null) ok = this.grammar(at, 'a temperature is a number of kelvin or a string like "25oC" or "298.15K"');
          else out.temperature = kelvin;
          break;
        }
        case "period": {
          const period = timeOf(keyword.value);
          if (period === null) ok = this.grammar(at, 'a period is a number of seconds or a time like "1 minute"');
          else out.period = period;
          break;
        }
        case "tags": {
          const tags = stringsOf(keyword.value);
          if (tags === null) ok = this.grammar(at, "tags are a string or a list of strings");
          else out.tags = tags;
          break;
        }
        case "duration":
        case "termination":
          if (source.kind === "string") {
            ok = this.grammar(at, `pybamm.step.string() takes its ${keyword.name} from the string; PyBaMM refuses it as a keyword too`);
          } else if (keyword.name === "duration") {
            const duration = timeOf(keyword.value);
            if (duration === null) ok = this.grammar(at, 'a duration is a number of seconds or a time like "2 hours"');
            else out.duration = duration;
          } else {
            const terminations = stringsOf(keyword.value);
            if (terminations === null) ok = this.grammar(at, 'a termination is a string like "4.2 V" or a list of them');
            else out.termination = terminations;
          }
          break;
        default:
          this.diagnostics.push({
            code: KEYWORD_IGNORED,
            severity: "warning",
            message: `the step's \`${keyword.name}\` is not imported`,
            span: at,
            hint: "btp reads a step's duration, termination, period, temperature and tags",
          });
      }
    }
    return ok ? out : null;
  }

  // -------------------------------------------------------------------------------------------
  // Step strings

  private parseString(source: Extract<StepSource, { kind: "string" }>, periodKeyword: boolean): Step | null {
    const literal = source.literal;
    const text = literal.value;
    const at = this.spans.span(literal.start, literal.end);
    if (text.includes("oC")) {
      return this.refuse(
        at,
        "PyBaMM refuses a temperature inside a step string",
        'give it as a keyword: pybamm.step.string("…", temperature="25oC")',
      );
    }
    if (/^\s*Run\b/.test(text))
      return this.refuse(at, "drive cycles (`Run …`) have no btp equivalent", "import the constant-current, voltage and rest steps only");
    if (/ then /i.test(text))
      return this.refuse(
        at,
        "PyBaMM's current grammar has no `… then hold …`",
        'write two steps: "Charge at 1C until 4.2 V", "Hold at 4.2 V until C/50"',
      );
    if (periodKeyword && text.includes("period)"))
      return this.refuse(at, "the period is given both in the string and as a keyword; PyBaMM refuses that");
    if (!/^(Charge|Discharge|Hold|Rest)\b/.test(text.trimStart())) {
      this.warn(
        at,
        "PyBaMM reads only the instructions Charge, Discharge, Hold and Rest, capitalised; btp imports this step, but PyBaMM would refuse it",
      );
    } else if (!text.includes("for") && !text.includes("until")) {
      this.warn(at, "PyBaMM needs `for` or `until` in every step string; btp imports this step, but PyBaMM would refuse it");
    }
    // Positions inside the string are exact when its text is the file's; else point at it whole.
    const piece = literal.pieces.length === 1 ? literal.pieces[0]! : null;
    const exact = literal.pieces.length === 0 || (piece !== null && piece.verbatim === true);
    const origin = this.spans.position(literal.pieces.length === 0 ? literal.start : (piece?.contentStart ?? literal.start));
    const parsed = parseStatementText(text, { file: this.spans.file, ...origin });
    const statement = exact ? parsed.statement : parsed.statement && moveSpans(parsed.statement, at);
    for (const d of parsed.diagnostics) this.diagnostics.push(exact ? d : { ...d, span: at });
    return this.asStep(statement, at);
  }

  // -------------------------------------------------------------------------------------------
  // pybamm.step.current / c_rate / voltage / power / rest

  private parseCall(
    source: Extract<StepSource, { kind: "call" }>,
    keywords: { duration: number | null; termination: string[] },
  ): Step | null {
    const at = this.spans.span(source.start, source.end);
    let head: string;
    if (source.fn === "rest") {
      head = "rest";
    } else {
      if (!source.value || source.value.kind !== "num") {
        this.diagnostics.push(
          unsupported(
            source.value ?? { kind: "unsupported", what: "a step without its value", start: source.start, end: source.end },
            this.spans,
            "a step's value (expected a number)",
          ),
        );
        return null;
      }
      const value = source.value.value;
      const magnitude = formatNumber(Math.abs(value));
      // PyBaMM: positive is discharge, negative charge.
      const direction = value < 0 ? "charge" : "discharge";
      if (source.fn === "voltage") head = `hold at ${formatNumber(value)} V`;
      else if (value === 0) head = "rest";
      else if (source.fn === "c_rate") head = `${direction} at ${magnitude}C`;
      else if (source.fn === "current") head = `${direction} at ${magnitude} A`;
      else head = `${direction} at ${magnitude} W`;
    }
    let text = head;
    if (keywords.duration !== null) text += ` for ${formatNumber(keywords.duration)} s`;
    for (const [i, termination] of keywords.termination.entries()) {
      text += `${i === 0 && keywords.duration === null ? "" : " or"} until ${termination.trim()}`;
    }
    if (keywords.duration === null && keywords.termination.length === 0) {
      this.warn(
        at,
        "this step has neither a duration nor a termination; PyBaMM runs it for its default time (24 hours, or 2 hours per C for a C-rate), which btp does not import",
      );
    }
    const parsed = parseStatementText(text, { file: this.spans.file, ...this.spans.position(source.start) });
    for (const d of parsed.diagnostics) this.diagnostics.push({ ...d, span: at });
    return this.asStep(parsed.statement && moveSpans(parsed.statement, at), at);
  }

  private asStep(statement: Statement | null, at: Span): Step | null {
    if (!statement) return null;
    if (statement.kind === "ChargeStep" || statement.kind === "HoldStep" || statement.kind === "RestStep") {
      if (statement.kind === "ChargeStep" && statement.thenHold) {
        return this.refuse(at, "PyBaMM's current grammar has no `… then hold …`", "write two steps");
      }
      return statement;
    }
    return this.refuse(at, "this is not a PyBaMM step (Charge, Discharge, Hold or Rest)");
  }

  // -------------------------------------------------------------------------------------------
  // PyBaMM's meaning of end conditions

  private adjustEnds(step: Step): void {
    const end: StepEnd | null = "end" in step ? step.end : null;
    if (end?.duration) minutesNotMetres(end.duration);
    if (step.options.record) for (const every of step.options.record.every) minutesNotMetres(every);
    if (!end) return;
    const undirected = step.kind === "RestStep" || step.kind === "HoldStep";
    for (const condition of end.conditions) {
      const kind = quantityOf(condition);
      if (kind === "voltage") {
        if (condition.comparator === null && undirected) {
          this.diagnostics.push({
            code: VOLTAGE_END_IGNORED,
            severity: "error",
            message: "PyBaMM ignores a voltage cut-off without `<` or `>` on a rest or a hold: this step never ends on it",
            span: condition.span,
            hint: "say which way the voltage goes: `until < 3.0 V` or `until > 3.9 V`",
          });
        } else if (condition.comparator === "<") condition.comparator = "<=";
        else if (condition.comparator === ">") condition.comparator = ">=";
      } else if (kind === "current" && condition.comparator !== null) {
        this.diagnostics.push({
          code: SIGNED_CURRENT_END,
          severity: "warning",
          message: `PyBaMM compares the signed current here (positive on discharge); btp reads \`${condition.comparator}\` on the current's size`,
          span: condition.span,
          hint: "check the step's direction: on a charge, PyBaMM's current is negative",
        });
      } else if (kind === "c-rate" && condition.comparator !== null) {
        // PyBaMM's C-rate termination is always |C-rate| < value, whatever the operator.
        this.warn(condition.span, "PyBaMM ends a step on a C-rate only when it falls below it; the operator is ignored");
        condition.comparator = null;
      }
    }
  }

  private grammar(span: Span, message: string): false {
    this.diagnostics.push({ code: NOT_PYBAMM_GRAMMAR, severity: "error", message, span });
    return false;
  }

  private refuse(span: Span, message: string, hint?: string): null {
    this.diagnostics.push({ code: NOT_PYBAMM_GRAMMAR, severity: "error", message, span, ...(hint ? { hint } : {}) });
    return null;
  }

  private warn(span: Span, message: string): void {
    this.diagnostics.push({ code: NOT_PYBAMM_GRAMMAR, severity: "warning", message, span });
  }
}

/** What an end condition watches, from its subject or the unit of its value. */
function quantityOf(condition: EndCondition): "voltage" | "current" | "c-rate" | null {
  if (condition.subject === "voltage") return "voltage";
  if (condition.value.kind !== "QuantityLiteral" || condition.value.unit === null)
    return condition.subject === "current" ? "current" : null;
  const unit = condition.value.unit;
  if (/^[mµu]?V$/.test(unit)) return "voltage";
  if (unit === "C") return "c-rate";
  if (/^[mµu]?A$/.test(unit)) return "current";
  return null;
}

/** PyBaMM's `m` after a time is minutes. */
function minutesNotMetres(expr: unknown): void {
  const literal = expr as QuantityLiteral;
  if (literal && literal.kind === "QuantityLiteral" && literal.unit === "m") literal.unit = "min";
}

function recordSeconds(every: readonly unknown[]): number | null {
  for (const item of every) {
    const seconds = durationSeconds(item);
    if (seconds !== null) return seconds;
  }
  return null;
}

/** Seconds of a time literal in one of PyBaMM's time words, else null. */
function durationSeconds(expr: unknown): number | null {
  const literal = expr as QuantityLiteral | null;
  if (!literal || literal.kind !== "QuantityLiteral" || literal.unit === null) return null;
  const factor = PYBAMM_TIME_UNITS[literal.unit];
  return factor === undefined ? null : literal.value * factor;
}

function seconds(value: number, span: Span): QuantityLiteral {
  return { kind: "QuantityLiteral", text: formatNumber(value), value, unit: "s", unitSpan: span, span };
}

/** PyBaMM's `_convert_time_to_seconds`: a number of seconds, or "<number> <unit>". */
export function timeOf(expr: PyExpr): number | null {
  if (expr.kind === "num") return expr.value > 0 ? expr.value : null;
  if (expr.kind !== "str") return null;
  const match = /^\s*([0-9.]+(?:[eE][+-]?\d+)?)\s*([a-z]+)\s*$/.exec(expr.value);
  if (!match) return null;
  const factor = PYBAMM_TIME_UNITS[match[2]!];
  const value = Number(match[1]) * (factor ?? NaN);
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** PyBaMM's `_convert_temperature_to_kelvin`: kelvin, or "25oC" / "298.15K". */
export function temperatureOf(expr: PyExpr): number | null {
  if (expr.kind === "num") return expr.value > 0 ? expr.value : null;
  if (expr.kind !== "str") return null;
  const match = /^\s*(-?[0-9.]+(?:[eE][+-]?\d+)?)\s*(oC|K)\s*$/.exec(expr.value);
  if (!match || !Number.isFinite(Number(match[1]))) return null;
  const kelvin = match[2] === "K" ? Number(match[1]) : Number(match[1]) + 273.15;
  return kelvin > 0 ? kelvin : null;
}

function stringsOf(expr: PyExpr): string[] | null {
  if (expr.kind === "str") return [expr.value];
  if ((expr.kind === "list" || expr.kind === "tuple") && expr.items.every((i) => i.kind === "str")) {
    return expr.items.map((i) => (i as Extract<PyExpr, { kind: "str" }>).value);
  }
  return null;
}
