// Finding the experiment in a file: the operating-conditions list, the experiment's keyword
// arguments, the module-level assignments the list may refer to, and the parameter-set values
// that matter to the protocol (the nominal capacity that defines 1C, the voltage cut-offs).
// Three shapes are read:
//   .py    the arguments of the first `pybamm.Experiment(...)` (or `Experiment(...)`) call;
//   .txt   one step string per line (`#` comments; `# Nominal cell capacity [A.h] = 5`);
//   .json  a list of step strings and lists of them (cycles), or an object with
//          "operating_conditions", "period", "temperature", "termination" and parameter values.

import type { Diagnostic } from "../../../diagnostics/diagnostic.js";
import type { SpanMaker } from "../../../syntax/spans.js";
import { EXPERIMENT_TERMINATION_IGNORED, INPUT_TOO_LARGE, KEYWORD_IGNORED, NOT_AN_EXPERIMENT, UNSUPPORTED_PYTHON } from "../codes.js";
import { LOWER_CUTOFF_PARAMETER, NOMINAL_CAPACITY_PARAMETER, UPPER_CUTOFF_PARAMETER } from "../conventions.js";
import { ExpressionParser, TooDeep, type PyExpr } from "./expression.js";
import { tokenize, type Token } from "./tokens.js";

/** Tokens read at most: an experiment file is a few hundred; this bounds hostile input. */
export const MAX_TOKENS = 500_000;

export const PARAMETER_NAMES = [NOMINAL_CAPACITY_PARAMETER, LOWER_CUTOFF_PARAMETER, UPPER_CUTOFF_PARAMETER] as const;

export interface ParameterValue {
  value: number;
  start: number;
  end: number;
}

export interface ExperimentSource {
  /** The operating-conditions list; null when none was found (a diagnostic says why). */
  conditions: PyExpr | null;
  /** Experiment-level keyword arguments. */
  period: PyExpr | null;
  temperature: PyExpr | null;
  /** The value of a module-level `name = value` assignment, for names the list refers to. */
  lookup(name: string): PyExpr | null;
  parameters: Map<string, ParameterValue>;
}

export type InputFormat = "python" | "text" | "json";

export function formatOf(file: string, text: string): InputFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".txt")) return "text";
  if (lower.endsWith(".py")) return "python";
  const first = text.trimStart()[0];
  return first === "[" || first === "{" ? "json" : /\bExperiment\s*\(/.test(text) ? "python" : "text";
}

export function readSource(text: string, format: InputFormat, spans: SpanMaker, diagnostics: Diagnostic[]): ExperimentSource {
  const source: ExperimentSource = { conditions: null, period: null, temperature: null, lookup: () => null, parameters: new Map() };
  if (format === "text") {
    readTextLines(text, source);
    return source;
  }
  const tokenized = tokenize(text, { json: format === "json", maxTokens: MAX_TOKENS });
  if (tokenized.problem) {
    const tooMany = tokenized.problem.message === "too many tokens";
    diagnostics.push({
      code: tooMany ? INPUT_TOO_LARGE : UNSUPPORTED_PYTHON,
      severity: "error",
      message: tooMany ? `the file has more than ${MAX_TOKENS} tokens, far more than an experiment list` : tokenized.problem.message,
      span: spans.point(tokenized.problem.offset),
      hint: tooMany ? "import the experiment on its own, in a smaller file" : "close the string on the same line",
    });
    return source;
  }
  try {
    if (format === "json") readJson(tokenized.tokens, spans, source, diagnostics);
    else readPython(tokenized.tokens, spans, source, diagnostics);
  } catch (error) {
    if (!(error instanceof TooDeep)) throw error;
    diagnostics.push({
      code: INPUT_TOO_LARGE,
      severity: "error",
      message: "the brackets in this file are nested too deeply to be an experiment list",
      span: spans.point(error.at),
      hint: "an experiment list needs a few levels of brackets at most",
    });
    source.conditions = null;
  }
  return source;
}

// ---------------------------------------------------------------------------------------------
// Python

function readPython(tokens: readonly Token[], spans: SpanMaker, source: ExperimentSource, diagnostics: Diagnostic[]): void {
  const calls: number[] = [];
  // Where each name was last assigned at the top of a statement; parsed only when used, so that
  // a file of many assignments costs one pass.
  const assigned = new Map<string, number>();
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === "op" && "([{".includes(token.text)) depth++;
    if (token.kind === "op" && ")]}".includes(token.text)) depth = Math.max(0, depth - 1);
    if (depth === 0 && token.kind === "name" && token.lineStart && isOp(tokens[i + 1], "=")) assigned.set(token.text, i + 2);
    if (token.kind === "name" && token.text === "Experiment" && isOp(tokens[i + 1], "(")) {
      const before = tokens[i - 1];
      if (!(before && before.kind === "name" && (before.text === "def" || before.text === "class"))) calls.push(i);
    }
    readParameter(tokens, i, source);
  }
  const parsed = new Map<string, PyExpr>();
  source.lookup = (name) => {
    const at = assigned.get(name);
    if (at === undefined) return null;
    let value = parsed.get(name);
    if (!value) parsed.set(name, (value = safely(() => new ExpressionParser(tokens, at).expression(), tokens[at]!)));
    return value;
  };
  if (calls.length === 0) {
    diagnostics.push({
      code: NOT_AN_EXPERIMENT,
      severity: "error",
      message: "this Python file has no pybamm.Experiment(...) call",
      span: spans.point(0),
      hint: "btp imports the list given to pybamm.Experiment; a .txt file with one step string per line also works",
    });
    return;
  }
  // The callee may be written pybamm.Experiment: start at its first name.
  let start = calls[0]!;
  while (start >= 2 && isOp(tokens[start - 1], ".") && tokens[start - 2]!.kind === "name") start -= 2;
  const call = new ExpressionParser(tokens, start).expression();
  if (calls.length > 1) {
    const other = tokens[calls[1]!]!;
    diagnostics.push({
      code: KEYWORD_IGNORED,
      severity: "warning",
      message: `this file builds ${calls.length} experiments; only the first is imported`,
      span: spans.span(other.start, other.end),
      hint: "put each experiment in its own file to import it",
    });
  }
  if (call.kind !== "call") {
    diagnostics.push(unsupported(call, spans, "the pybamm.Experiment(...) call"));
    return;
  }
  source.conditions = call.args[0] ?? null;
  for (const keyword of call.keywords) {
    if (keyword.name === "operating_conditions") source.conditions = keyword.value;
    else experimentKeyword(keyword.name, keyword.value, keyword.start, keyword.end, spans, source, diagnostics);
  }
  if (!source.conditions) {
    diagnostics.push({
      code: NOT_AN_EXPERIMENT,
      severity: "error",
      message: "pybamm.Experiment(...) is called without a list of operating conditions",
      span: spans.span(call.start, call.end),
    });
  }
}

/** `"Nominal cell capacity [A.h]": 5` in a dict, or `params["Nominal cell capacity [A.h]"] = 5`. */
function readParameter(tokens: readonly Token[], i: number, source: ExperimentSource): void {
  const token = tokens[i]!;
  if (token.kind !== "string" || !(PARAMETER_NAMES as readonly string[]).includes(token.value!)) return;
  let j = i + 1;
  if (isOp(tokens[j], ":")) j += 1;
  else if (isOp(tokens[j], "]") && isOp(tokens[j + 1], "=")) j += 2;
  else return;
  let sign = 1;
  if (isOp(tokens[j], "-")) {
    sign = -1;
    j++;
  }
  const number = tokens[j];
  if (!number || number.kind !== "number") return;
  const value = sign * Number(number.value);
  if (Number.isFinite(value)) source.parameters.set(token.value!, { value, start: token.start, end: number.end });
}

// ---------------------------------------------------------------------------------------------
// JSON

function readJson(tokens: readonly Token[], spans: SpanMaker, source: ExperimentSource, diagnostics: Diagnostic[]): void {
  const parser = new ExpressionParser(tokens, 0);
  const root = parser.expression();
  const rest = parser.peek();
  if (rest.kind !== "end") {
    diagnostics.push({
      code: NOT_AN_EXPERIMENT,
      severity: "error",
      message: "unexpected text after the JSON value",
      span: spans.span(rest.start, rest.end),
    });
    return;
  }
  if (root.kind === "list") {
    source.conditions = root;
    return;
  }
  if (root.kind === "unsupported") {
    diagnostics.push(unsupported(root, spans, "this JSON"));
    return;
  }
  if (root.kind !== "dict") {
    diagnostics.push({
      code: NOT_AN_EXPERIMENT,
      severity: "error",
      message: 'a PyBaMM experiment in JSON is a list of step strings, or an object with "operating_conditions"',
      span: spans.span(root.start, root.end),
      hint: '["Charge at 1C until 4.2 V", "Rest for 1 hour"] or {"operating_conditions": [...], "Nominal cell capacity [A.h]": 5}',
    });
    return;
  }
  for (const { key, value } of root.entries) {
    if (key.kind !== "str") continue;
    if (key.value === "operating_conditions") source.conditions = value;
    else if ((PARAMETER_NAMES as readonly string[]).includes(key.value) && value.kind === "num") {
      source.parameters.set(key.value, { value: value.value, start: key.start, end: value.end });
    } else experimentKeyword(key.value, value, key.start, value.end, spans, source, diagnostics);
  }
  if (!source.conditions) {
    diagnostics.push({
      code: NOT_AN_EXPERIMENT,
      severity: "error",
      message: 'this JSON object has no "operating_conditions" list',
      span: spans.span(root.start, root.end),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Text: one step per line

function readTextLines(text: string, source: ExperimentSource): void {
  const items: PyExpr[] = [];
  let offset = 0;
  for (const line of text.split(/\r\n|\n|\r/)) {
    const start = offset;
    offset += line.length + (text.startsWith("\r\n", offset + line.length) ? 2 : 1);
    const trimmed = line.trim();
    if (trimmed === "") continue;
    if (trimmed.startsWith("#")) {
      const parameter =
        /^#\s*(Nominal cell capacity \[A\.h\]|Lower voltage cut-off \[V\]|Upper voltage cut-off \[V\])\s*[:=]\s*(-?[\d.]+(?:[eE][+-]?\d+)?)\s*$/.exec(
          trimmed,
        );
      if (parameter && Number.isFinite(Number(parameter[2]))) {
        source.parameters.set(parameter[1]!, { value: Number(parameter[2]), start, end: start + line.length });
      }
      continue;
    }
    // Lines pasted from Python keep their quotes and commas: "Rest for 1 hour",
    const lead = line.length - line.trimStart().length;
    let value = trimmed.replace(/,\s*$/, "");
    let valueStart = start + lead;
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) {
      value = quoted[2]!;
      valueStart += 1;
    }
    items.push({ kind: "str", value, start: valueStart, end: valueStart + value.length, pieces: [] });
  }
  source.conditions = { kind: "list", items, start: 0, end: text.length };
}

// ---------------------------------------------------------------------------------------------

function experimentKeyword(
  name: string,
  value: PyExpr,
  start: number,
  end: number,
  spans: SpanMaker,
  source: ExperimentSource,
  diagnostics: Diagnostic[],
): void {
  if (name === "period") source.period = value;
  else if (name === "temperature") source.temperature = value;
  else if (name === "termination") {
    diagnostics.push({
      code: EXPERIMENT_TERMINATION_IGNORED,
      severity: "warning",
      message: "the experiment's termination (PyBaMM stops the whole experiment on it) is not imported",
      span: spans.span(start, end),
      hint: "PyBaMM's \"80% capacity\" measures the model's capacity, which btp cannot state; add a `stop if` or `repeat … until` by hand if you need one",
    });
  } else {
    diagnostics.push({
      code: KEYWORD_IGNORED,
      severity: "warning",
      message: `the experiment's \`${name}\` is not imported`,
      span: spans.span(start, end),
      hint: "btp reads the operating conditions, period and temperature of an experiment",
    });
  }
}

function safely(parse: () => PyExpr, at: Token): PyExpr {
  try {
    return parse();
  } catch (error) {
    if (error instanceof TooDeep) return { kind: "unsupported", what: "brackets nested too deeply", start: at.start, end: at.end };
    throw error;
  }
}

function isOp(token: Token | undefined, text: string): boolean {
  return token !== undefined && token.kind === "op" && token.text === text;
}

export function unsupported(expr: PyExpr, spans: SpanMaker, where: string): Diagnostic {
  return {
    code: UNSUPPORTED_PYTHON,
    severity: "error",
    message: `btp cannot read ${expr.kind === "unsupported" ? expr.what : `a ${expr.kind}`} in ${where}`,
    span: spans.span(expr.start, expr.end),
    hint: "write the experiment as a list of step strings, tuples of them (cycles), `+` and `* N`; btp does not run Python",
  };
}
