// The operating-conditions expression → what PyBaMM would run, without expanding anything:
// steps, cycles (tuples) and repetitions (`* N`). A list item that is a tuple is one cycle;
// `[…] * N` and `(…) * N` repeat; `+` joins. Names are looked up in the file's module-level
// assignments (cycle = ("…", "…"); Experiment([cycle] * 100)).

import type { Diagnostic } from "../../../diagnostics/diagnostic.js";
import type { SpanMaker } from "../../../syntax/spans.js";
import { BAD_REPEAT_COUNT, INPUT_TOO_LARGE, UNSUPPORTED_PYTHON } from "../codes.js";
import { STEP_FUNCTIONS, type StepFunction } from "../conventions.js";
import type { Keyword, PyExpr } from "./expression.js";
import { unsupported, type ExperimentSource } from "./source.js";

/** One operating condition as written: a string, or a pybamm.step.* call. */
export type StepSource =
  | { kind: "string"; literal: Extract<PyExpr, { kind: "str" }>; keywords: Keyword[]; start: number; end: number }
  | { kind: "call"; fn: Exclude<StepFunction, "string">; value: PyExpr | null; keywords: Keyword[]; start: number; end: number };

export type Item = { kind: "step"; step: StepSource } | { kind: "repeat"; count: number; body: Item[]; start: number; end: number };

/** How deep names may refer to names (a = b; b = a must not loop). */
const MAX_NAME_DEPTH = 20;
/** Steps read at most: names used several times are read each time, so a = [b, b]; b = [c, c]
 * … must not grow without bound. */
export const MAX_STEPS = 100_000;
/** Expressions visited at most, for the same reason (a name that fails is visited too). */
const MAX_VISITS = 1_000_000;

export class StructureReader {
  readonly diagnostics: Diagnostic[] = [];
  private nameDepth = 0;
  private steps = 0;
  private visits = 0;
  private readonly unresolved = new Set<string>();

  /** `listsAreCycles`: in JSON, which has no tuples, a list inside the list is one cycle. */
  constructor(
    private readonly source: ExperimentSource,
    private readonly spans: SpanMaker,
    private readonly listsAreCycles = false,
  ) {}

  /** False once the work budget is spent (reported once). */
  private budget(expr: PyExpr): boolean {
    if (++this.visits <= MAX_VISITS) return true;
    if (this.visits === MAX_VISITS + 1) {
      this.diagnostics.push({
        code: INPUT_TOO_LARGE,
        severity: "error",
        message: "the experiment refers to its names too many times to be read",
        span: this.spans.span(expr.start, expr.end),
        hint: "write repeated cycles once and repeat them with * N",
      });
    }
    return false;
  }

  /** The operating conditions: a list of steps and cycles. */
  list(expr: PyExpr): Item[] {
    if (!this.budget(expr)) return [];
    switch (expr.kind) {
      case "list":
        return expr.items.flatMap((item) => this.element(item));
      case "binary":
        if (expr.op === "+") return [...this.list(expr.left), ...this.list(expr.right)];
        return this.repeated(expr, (body) => this.list(body));
      case "name":
        return this.named(expr, (value) => this.list(value));
      default:
        this.diagnostics.push(unsupported(expr, this.spans, "the list of operating conditions (expected a list of steps and cycles)"));
        return [];
    }
  }

  /** One item of the list: a step, or a tuple (one cycle). */
  private element(expr: PyExpr): Item[] {
    if (!this.budget(expr)) return [];
    switch (expr.kind) {
      case "tuple":
        return this.cycle(expr);
      case "binary":
        return this.cycle(expr);
      case "name":
        return this.named(expr, (value) => this.element(value));
      case "list":
        if (this.listsAreCycles) return expr.items.flatMap((item) => this.step(item));
        this.diagnostics.push({
          code: UNSUPPORTED_PYTHON,
          severity: "error",
          message: "a list inside the list of operating conditions is neither a step nor a cycle to PyBaMM",
          span: this.spans.span(expr.start, expr.end),
          hint: 'write a cycle as a tuple, ("…", "…"), or join the lists with +',
        });
        return [];
      default:
        return this.step(expr);
    }
  }

  /** The steps of a cycle: a tuple, tuples joined with +, a tuple repeated. */
  private cycle(expr: PyExpr): Item[] {
    if (!this.budget(expr)) return [];
    switch (expr.kind) {
      case "tuple":
        return expr.items.flatMap((item) => this.step(item));
      case "binary":
        if (expr.op === "+" && (expr.left.kind === "str" || expr.right.kind === "str")) {
          this.diagnostics.push(
            unsupported({ kind: "unsupported", what: "strings joined with +", start: expr.start, end: expr.end }, this.spans, "a cycle"),
          );
          return [];
        }
        if (expr.op === "+") return [...this.cycle(expr.left), ...this.cycle(expr.right)];
        return this.repeated(expr, (body) => this.cycle(body));
      case "name":
        return this.named(expr, (value) => this.cycle(value));
      default:
        return this.step(expr);
    }
  }

  private step(expr: PyExpr): Item[] {
    if (expr.kind === "name") return this.named(expr, (value) => this.step(value));
    if (++this.steps > MAX_STEPS) {
      if (this.steps === MAX_STEPS + 1) {
        this.diagnostics.push({
          code: INPUT_TOO_LARGE,
          severity: "error",
          message: `the experiment is written with more than ${MAX_STEPS} steps, far more than a protocol has`,
          span: this.spans.span(expr.start, expr.end),
          hint: "write repeated cycles once and repeat them with * N",
        });
      }
      return [];
    }
    if (expr.kind === "str")
      return [{ kind: "step", step: { kind: "string", literal: expr, keywords: [], start: expr.start, end: expr.end } }];
    if (expr.kind === "call") {
      const fn = /(?:^|\.)step\.(\w+)$/.exec(expr.callee)?.[1];
      if (fn && (STEP_FUNCTIONS as readonly string[]).includes(fn)) {
        if (fn === "string") {
          const literal = expr.args[0];
          if (literal && literal.kind === "str") {
            return [{ kind: "step", step: { kind: "string", literal, keywords: expr.keywords, start: expr.start, end: expr.end } }];
          }
        } else {
          const value = fn === "rest" ? null : (expr.args[0] ?? expr.keywords.find((k) => k.name === "value")?.value ?? null);
          const keywords = expr.keywords.filter((k) => k.name !== "value");
          // rest(duration) takes its duration by position.
          if (fn === "rest" && expr.args[0])
            keywords.push({ name: "duration", value: expr.args[0], start: expr.args[0].start, end: expr.args[0].end });
          return [
            {
              kind: "step",
              step: { kind: "call", fn: fn as Exclude<StepFunction, "string">, value, keywords, start: expr.start, end: expr.end },
            },
          ];
        }
      }
      this.diagnostics.push({
        code: UNSUPPORTED_PYTHON,
        severity: "error",
        message: `btp cannot read the step \`${expr.callee}(…)\``,
        span: this.spans.span(expr.start, expr.end),
        hint: `btp reads step strings and pybamm.step.${STEP_FUNCTIONS.join("/")}(…); drive cycles and custom steps have no btp equivalent`,
      });
      return [];
    }
    this.diagnostics.push(unsupported(expr, this.spans, "a step (expected a step string)"));
    return [];
  }

  /** `body * N` or `N * body`. */
  private repeated(expr: Extract<PyExpr, { kind: "binary" }>, read: (body: PyExpr) => Item[]): Item[] {
    const [body, count] = expr.right.kind === "num" ? [expr.left, expr.right] : [expr.right, expr.left];
    if (count.kind !== "num" || !Number.isInteger(count.value) || count.value < 0) {
      this.diagnostics.push({
        code: BAD_REPEAT_COUNT,
        severity: "error",
        message: "a list or tuple can only be repeated a whole number of times (`[(…)] * 100`)",
        span: this.spans.span(count.start, count.end),
      });
      return [];
    }
    if (count.value === 0) {
      this.diagnostics.push({
        code: BAD_REPEAT_COUNT,
        severity: "warning",
        message: "these steps are repeated 0 times, so they never run; they are left out",
        span: this.spans.span(expr.start, expr.end),
      });
      return [];
    }
    return [{ kind: "repeat", count: count.value, body: read(body), start: expr.start, end: expr.end }];
  }

  private named(expr: Extract<PyExpr, { kind: "name" }>, read: (value: PyExpr) => Item[]): Item[] {
    const value = this.source.lookup(expr.name);
    if (!value || this.nameDepth >= MAX_NAME_DEPTH) {
      // Once per name: a name used in many places is one problem.
      if (this.unresolved.has(expr.name)) return [];
      this.unresolved.add(expr.name);
      this.diagnostics.push({
        code: UNSUPPORTED_PYTHON,
        severity: "error",
        message: value ? `\`${expr.name}\` refers to names too deeply` : `\`${expr.name}\` is not assigned a value at the top of this file`,
        span: this.spans.span(expr.start, expr.end),
        hint: "btp reads names assigned at the top of the file (name = [...]); it does not run Python",
      });
      return [];
    }
    this.nameDepth++;
    try {
      return read(value);
    } finally {
      this.nameDepth--;
    }
  }
}
