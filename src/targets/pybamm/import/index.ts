// PyBaMM experiment strings → the IR, through btp's own parser and checker, so that an imported
// experiment means exactly what the same steps written in btp mean:
//   source.ts      find the list (.py, .txt, JSON), the experiment's keywords, the parameters
//   structure.ts   the list → steps, cycles and repetitions (never expanded)
//   statements.ts  each step string → a btp step (PyBaMM's meaning where the two differ)
//   this file      repetitions → repeat blocks, temperature= → temperature steps, the cut-offs
//                  → limits, 1C → a cell; then the checker builds the IR.

import { DiagnosticBag, fileSpan, type Diagnostic, type Span } from "../../../diagnostics/diagnostic.js";
import { checkSourceFile } from "../../../check/index.js";
import type { SourceFile, Statement, TopLevelItem } from "../../../syntax/ast.js";
import { parseSource, parseStatementText } from "../../../syntax/index.js";
import { SpanMaker, originOfFile } from "../../../syntax/spans.js";
import { moveSpans } from "../../../syntax/yaml/context.js";
import { formatNumber } from "../../../units/format.js";
import { decodeText } from "../../common/text.js";
import type { ImportResult } from "../../target.js";
import { CAPACITY_UNKNOWN, INPUT_TOO_LARGE, KEYWORD_IGNORED, TEMPERATURE_RESET, UNREADABLE_TEXT } from "../codes.js";
import { LOWER_CUTOFF_PARAMETER, NOMINAL_CAPACITY_PARAMETER, UPPER_CUTOFF_PARAMETER } from "../conventions.js";
import { formatOf, readSource, type ExperimentSource } from "./source.js";
import { StepReader, temperatureOf, timeOf, type ImportedStep } from "./statements.js";
import { StructureReader, type Item } from "./structure.js";

/** Experiment files are kilobytes; this keeps a wrong file (a data log) from being parsed. */
export const MAX_IMPORT_CHARACTERS = 4 * 1024 * 1024;

/** The checker's code for a C-rate without a cell (BTP3017), replaced by a PyBaMM-specific one. */
const C_RATE_WITHOUT_CELL = "BTP3017";

/** The infrastructure's code for a target that fails (a bug in btp, never the file's fault). */
const IMPORTER_FAILED = "BTP6004";

export function importPybamm(content: Uint8Array, file: string): ImportResult {
  try {
    return importExperiment(content, file);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return failed(
      IMPORTER_FAILED,
      `the pybamm importer failed on ${file}: ${detail}`,
      fileSpan(file),
      "this is a bug in btp; please report it with the file",
    );
  }
}

function importExperiment(content: Uint8Array, file: string): ImportResult {
  if (content.length > MAX_IMPORT_CHARACTERS) {
    return failed(
      INPUT_TOO_LARGE,
      `${file} is ${(content.length / 1048576).toFixed(1)} MB, far more than an experiment list`,
      fileSpan(file),
    );
  }
  const text = decodeText(content, "utf-8");
  if (text === null) {
    return failed(UNREADABLE_TEXT, `${file} is not UTF-8 text`, fileSpan(file), "save the file as UTF-8 (Python's default)");
  }
  const spans = new SpanMaker(text, originOfFile(file));
  // Capped, so that a file of a hundred thousand bad steps gives a bounded report.
  const bag = new DiagnosticBag();
  const report = (list: readonly Diagnostic[]): void => {
    for (const d of list) bag.add(d);
  };
  const done = (ir: ImportResult["ir"]): ImportResult => ({
    ir: bag.items.some((d) => d.severity === "error") ? null : ir,
    diagnostics: bag.items,
  });

  const format = formatOf(file, text);
  const found: Diagnostic[] = [];
  const source = readSource(text, format, spans, found);
  report(found);
  if (!source.conditions) return done(null);

  const structure = new StructureReader(source, spans, format === "json");
  const items = structure.list(source.conditions);
  report(structure.diagnostics);
  const steps = new StepReader(spans);
  const defaultsFound: Diagnostic[] = [];
  const defaults = experimentDefaults(source, spans, defaultsFound);
  report(defaultsFound);
  const nodes = readItems(items, steps, spans);
  report(steps.diagnostics);
  if (bag.items.some((d) => d.severity === "error")) return done(null);

  const temperatures = new TemperatureWriter(defaults.temperature, spans);
  const body = temperatures.statements(nodes, null).statements;
  report(temperatures.diagnostics);

  const settings: Diagnostic[] = [];
  const top: TopLevelItem[] = [...cellItems(source, spans), ...settingItems(source, defaults.period, spans, settings), ...body];
  report(settings);
  const sourceFile: SourceFile = { kind: "SourceFile", path: file, text, items: top, comments: [], span: spans.span(0, text.length) };
  const checked = checkSourceFile(sourceFile, [], { readFile: () => undefined });
  report(explainMissingCapacity(checked.diagnostics, source));
  return done(checked.ir);
}

function failed(code: string, message: string, span: Span, hint?: string): ImportResult {
  return { ir: null, diagnostics: [{ code, severity: "error", message, span, ...(hint ? { hint } : {}) }] };
}

// ---------------------------------------------------------------------------------------------
// Steps and repetitions

type Node = { kind: "step"; step: ImportedStep } | { kind: "repeat"; count: number; body: Node[]; span: Span };

function readItems(items: readonly Item[], reader: StepReader, spans: SpanMaker): Node[] {
  const nodes: Node[] = [];
  for (const item of items) {
    if (item.kind === "step") {
      const step = reader.read(item.step);
      if (step) nodes.push({ kind: "step", step });
    } else {
      nodes.push({ kind: "repeat", count: item.count, body: readItems(item.body, reader, spans), span: spans.span(item.start, item.end) });
    }
  }
  return nodes;
}

interface Defaults {
  temperature: number | null;
  period: number | null;
}

function experimentDefaults(source: ExperimentSource, spans: SpanMaker, diagnostics: Diagnostic[]): Defaults {
  const read = (expr: ExperimentSource["period"], convert: typeof timeOf, what: string): number | null => {
    if (!expr) return null;
    const value = convert(expr);
    if (value === null) {
      diagnostics.push({
        code: KEYWORD_IGNORED,
        severity: "error",
        message: `the experiment's ${what} cannot be read`,
        span: spans.span(expr.start, expr.end),
        hint:
          what === "period"
            ? 'a time such as "1 minute", or a number of seconds'
            : 'a temperature such as "25oC" or "298.15K", or a number of kelvin',
      });
    }
    return value;
  };
  return { temperature: read(source.temperature, temperatureOf, "temperature"), period: read(source.period, timeOf, "period") };
}

// ---------------------------------------------------------------------------------------------
// Temperatures: PyBaMM gives each step its ambient temperature; btp sets the chamber with a
// temperature step where it changes (and a "temperature settle" rest becomes its settle time).

/** A temperature that matches no step's, to force a set-point at the start of a loop body whose
 * passes start at different temperatures. */
const UNKNOWN = Number.NaN;

class TemperatureWriter {
  readonly diagnostics: Diagnostic[] = [];
  private warnedReset = false;

  constructor(
    private readonly experiment: number | null,
    private readonly spans: SpanMaker,
  ) {}

  /** The statements of a body entered at `ambient` (K, null before any set-point), and the
   * ambient it leaves. */
  statements(nodes: readonly Node[], ambient: number | null): { statements: Statement[]; ambient: number | null } {
    const out: Statement[] = [];
    let current = ambient;
    for (const node of nodes) {
      if (node.kind === "repeat") {
        // A loop whose every pass starts at the temperature of its first step (a loop run at
        // one temperature) gets its set-point before it, as it would be written in btp.
        const first = this.firstTemperature(node.body);
        if (first !== null && !same(first, current)) {
          const trial = this.statements(node.body, first);
          if (same(trial.ambient, first)) {
            out.push(this.setPoint(first, null, node.span), this.repeat(node, trial.statements));
            current = first;
            continue;
          }
        }
        let body = this.statements(node.body, current);
        // Passes after the first start where the body ends; if that differs, set it each pass.
        if (!same(body.ambient, current)) body = this.statements(node.body, UNKNOWN);
        out.push(this.repeat(node, body.statements));
        current = body.ambient;
        continue;
      }
      const step = node.step;
      const temperature = step.temperature ?? this.experiment;
      if (temperature === null) {
        if (current !== null && !Number.isNaN(current)) this.warnReset(step.span, current);
        out.push(step.statement);
        continue;
      }
      if (step.settleSeconds !== null) {
        out.push(this.setPoint(temperature, step.settleSeconds, step.span));
      } else {
        if (!same(temperature, current)) out.push(this.setPoint(temperature, null, step.span));
        out.push(step.statement);
      }
      current = temperature;
    }
    return { statements: out, ambient: current };
  }

  /** The temperature the first step of a body runs at, unless that step is a settle rest
   * (which belongs inside the loop). */
  private firstTemperature(nodes: readonly Node[]): number | null {
    const first = nodes[0];
    if (!first) return null;
    if (first.kind === "repeat") return this.firstTemperature(first.body);
    if (first.step.settleSeconds !== null) return null;
    return first.step.temperature ?? this.experiment;
  }

  private setPoint(kelvin: number, settleSeconds: number | null, span: Span): Statement {
    const settle = settleSeconds !== null ? `, settle ${formatNumber(settleSeconds)} s` : "";
    return parsedAt(`temperature ${formatNumber(kelvin - 273.15)} °C${settle}`, span, this.spans);
  }

  private repeat(node: Extract<Node, { kind: "repeat" }>, body: Statement[]): Statement {
    const block = parsedAt(`repeat ${node.count} {\n}`, node.span, this.spans);
    if (block.kind === "RepeatBlock") block.body = body;
    return block;
  }

  private warnReset(span: Span, kelvin: number): void {
    if (this.warnedReset) return;
    this.warnedReset = true;
    this.diagnostics.push({
      code: TEMPERATURE_RESET,
      severity: "warning",
      message: `PyBaMM runs this step at the parameter set's ambient temperature, but btp keeps the chamber at ${formatNumber(kelvin - 273.15)} °C from the step before`,
      span,
      hint: "give the step its temperature= keyword, so that both mean the same",
    });
  }
}

function same(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) < 1e-9;
}

// ---------------------------------------------------------------------------------------------
// What the experiment's file says about the cell and the whole test

/** `cell` and `use cell` when the file gives the nominal capacity (PyBaMM's 1C). */
function cellItems(source: ExperimentSource, spans: SpanMaker): TopLevelItem[] {
  const capacity = source.parameters.get(NOMINAL_CAPACITY_PARAMETER);
  if (!capacity || !(capacity.value > 0)) return [];
  const text = `cell pybamm "PyBaMM parameter set" {\n  nominal capacity ${formatNumber(capacity.value)} Ah\n}\nuse cell pybamm\n`;
  const parsed = parseSource(text, spans.file);
  return moveSpans(parsed.file.items, spans.span(capacity.start, capacity.end));
}

/** The cut-offs as protocol limits, the experiment's period as the protocol's record rule. */
function settingItems(source: ExperimentSource, period: number | null, spans: SpanMaker, diagnostics: Diagnostic[]): Statement[] {
  const items: Statement[] = [];
  const lower = source.parameters.get(LOWER_CUTOFF_PARAMETER);
  const upper = source.parameters.get(UPPER_CUTOFF_PARAMETER);
  if (lower && upper) {
    const span = spans.span(Math.min(lower.start, upper.start), Math.max(lower.end, upper.end));
    items.push(parsedAt(`limits { voltage ${formatNumber(lower.value)} V .. ${formatNumber(upper.value)} V }`, span, spans));
  } else if (lower || upper) {
    const one = (lower ?? upper)!;
    diagnostics.push({
      code: KEYWORD_IGNORED,
      severity: "warning",
      message: "only one voltage cut-off is given; btp imports the cut-offs as a voltage window, so it is left out",
      span: spans.span(one.start, one.end),
      hint: `give both "${LOWER_CUTOFF_PARAMETER}" and "${UPPER_CUTOFF_PARAMETER}"`,
    });
  }
  if (period !== null && source.period)
    items.push(parsedAt(`record every ${formatNumber(period)} s`, spans.span(source.period.start, source.period.end), spans));
  return items;
}

/** A statement written by btp, placed on the part of the file it stands for. */
function parsedAt(text: string, span: Span, spans: SpanMaker): Statement {
  const parsed = parseStatementText(text, { file: spans.file, ...spans.position(0) });
  return moveSpans(parsed.statement!, span);
}

/** The checker says a C-rate needs a cell; for PyBaMM the reason is that 1C lives in the
 * parameter set, so say where to write it. */
function explainMissingCapacity(diagnostics: readonly Diagnostic[], source: ExperimentSource): Diagnostic[] {
  if (source.parameters.has(NOMINAL_CAPACITY_PARAMETER)) return [...diagnostics];
  const first = diagnostics.find((d) => d.code === C_RATE_WITHOUT_CELL);
  if (!first) return [...diagnostics];
  return [
    {
      code: CAPACITY_UNKNOWN,
      severity: "error",
      message: `the experiment gives currents as C-rates, and PyBaMM reads 1C from the parameter set's "${NOMINAL_CAPACITY_PARAMETER}", which this file does not give`,
      span: first.span,
      hint: `in a .py file, set it in a dict ({"${NOMINAL_CAPACITY_PARAMETER}": 5.0}); in a .txt file, add the line \`# ${NOMINAL_CAPACITY_PARAMETER} = 5.0\`; in JSON, use {"operating_conditions": [...], "${NOMINAL_CAPACITY_PARAMETER}": 5.0}`,
    },
    ...diagnostics.filter((d) => d.code !== C_RATE_WITHOUT_CELL),
  ];
}
