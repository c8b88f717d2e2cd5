// The Python text of the experiment: the header, the parameters the protocol decides, and
// `experiment = pybamm.Experiment([...])` laid out the way a person would write it (one tuple
// per cycle, `+` between parts, `* N` for loops, a comment above each section or sweep value).

import { groupDigits } from "../../ir/describe/words.js";
import { durationText, INDENT, LINE_ENDING, LINE_WIDTH, pythonNumber, pythonString, temperatureText } from "./conventions.js";
import type { ExperimentShape, Part, StepItem } from "./experiment.js";
import type { PybammStep } from "./steps.js";

export interface ExperimentDefaults {
  /** K, when every step runs at it: written once, on the experiment. */
  temperature: number | null;
  /** s, when every step records at it. */
  period: number | null;
}

export interface PythonFile {
  header: readonly string[];
  /** Comment lines and entries of `parameter_updates`, in order. */
  parameters: { comments: string[]; entries: { name: string; value: number }[] };
  shape: ExperimentShape;
  defaults: ExperimentDefaults;
}

export function writePython(file: PythonFile): string {
  const lines: string[] = [];
  for (const line of file.header) lines.push(comment(line));
  lines.push("", "import pybamm", "");

  for (const line of file.parameters.comments) lines.push(comment(line));
  if (file.parameters.entries.length === 0) {
    lines.push("parameter_updates = {}");
  } else {
    lines.push("parameter_updates = {");
    for (const entry of file.parameters.entries) lines.push(`${INDENT}${pythonString(entry.name)}: ${pythonNumber(entry.value)},`);
    lines.push("}");
  }
  lines.push("");

  const { cycles, steps } = file.shape.expanded;
  if (file.shape.parts.some((p) => p.kind === "repeat")) {
    lines.push(
      comment("PyBaMM has no loops: a loop is Python list repetition, [(...)] * N, with one tuple per cycle."),
      comment(`PyBaMM expands it when it builds the experiment: ${groupDigits(cycles)} cycles and ${groupDigits(steps)} steps in memory.`),
    );
  }
  lines.push("experiment = pybamm.Experiment(");
  const body = sequence(file.shape.parts, INDENT, file.defaults);
  body[body.length - 1] += ",";
  lines.push(...body);
  if (file.defaults.period !== null) lines.push(`${INDENT}period=${pythonString(durationText(file.defaults.period))},`);
  if (file.defaults.temperature !== null) lines.push(`${INDENT}temperature=${pythonString(temperatureText(file.defaults.temperature))},`);
  lines.push(")", "");

  lines.push(
    comment("To simulate, choose a model and a parameter set for this cell's chemistry, then:"),
    comment(`${INDENT}parameter_values.update(parameter_updates)`),
    comment(`${INDENT}simulation = pybamm.Simulation(model, parameter_values=parameter_values, experiment=experiment)`),
    comment(`${INDENT}simulation.solve()`),
  );
  return lines.join(LINE_ENDING) + LINE_ENDING;
}

function comment(text: string): string {
  // A comment is one line: control characters (a newline in a label) become spaces.
  return `# ${text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, " ")}`.trimEnd();
}

/** Parts joined by `+`, each part's comments above it. */
function sequence(parts: readonly Part[], indent: string, defaults: ExperimentDefaults): string[] {
  const lines: string[] = [];
  parts.forEach((part, i) => {
    const comments = part.kind === "repeat" ? part.comments : part.items[0]!.comments;
    for (const c of comments) lines.push(`${indent}${comment(c)}`);
    const rendered = partLines(part, indent, i === 0 ? "" : "+ ", defaults);
    lines.push(...rendered);
  });
  if (lines.length === 0) lines.push(`${indent}[]`);
  return lines;
}

function partLines(part: Part, indent: string, prefix: string, defaults: ExperimentDefaults): string[] {
  if (part.kind === "steps") return stepsLines(part.items, part.cycle, indent, prefix, "", defaults);
  const suffix = ` * ${part.count}`;
  const only = part.body.length === 1 ? part.body[0]! : null;
  if (only && only.kind === "steps" && only.cycle && only.items[0]!.comments.length === 0) {
    return stepsLines(only.items, true, indent, prefix, suffix, defaults);
  }
  return [`${indent}${prefix}(`, ...sequence(part.body, indent + INDENT, defaults), `${indent})${suffix}`];
}

/** `[a, b]` (plain items) or `[(a, b)]` (one cycle), on one line when it fits. The first item's
 * comments are written above the part by `sequence`. */
function stepsLines(
  items: readonly StepItem[],
  cycle: boolean,
  indent: string,
  prefix: string,
  suffix: string,
  defaults: ExperimentDefaults,
): string[] {
  const texts = items.map((item) => stepExpression(item.step, defaults));
  const innerComments = items.slice(1).some((item) => item.comments.length > 0);
  const joined = texts.join(", ");
  const inline = cycle ? `[(${joined}${texts.length === 1 ? "," : ""})]` : `[${joined}]`;
  const oneLine = `${indent}${prefix}${inline}${suffix}`;
  if (!innerComments && (items.length === 1 || cycle) && oneLine.length <= LINE_WIDTH) return [oneLine];

  const itemIndent = indent + INDENT + (cycle ? INDENT : "");
  const itemLines: string[] = [];
  items.forEach((item, i) => {
    if (i > 0) for (const c of item.comments) itemLines.push(`${itemIndent}${comment(c)}`);
    itemLines.push(`${itemIndent}${texts[i]},`);
  });
  if (!cycle) return [`${indent}${prefix}[`, ...itemLines, `${indent}]${suffix}`];
  return [`${indent}${prefix}[`, `${indent}${INDENT}(`, ...itemLines, `${indent}${INDENT})`, `${indent}]${suffix}`];
}

/** One step as Python: the string, or pybamm.step.string(…, keywords), or the keyword form. */
export function stepExpression(step: PybammStep, defaults: ExperimentDefaults): string {
  const keywords: string[] = [];
  if (step.ambient !== null && defaults.temperature === null) keywords.push(`temperature=${pythonString(temperatureText(step.ambient))}`);
  if (step.period !== null && step.period !== defaults.period) keywords.push(`period=${pythonString(durationText(step.period))}`);
  if (step.tags.length > 0) keywords.push(`tags=[${step.tags.map(pythonString).join(", ")}]`);

  if (step.call) {
    const args: string[] = [];
    if (step.call.value !== null) args.push(pythonNumber(step.call.value));
    if (step.call.duration !== null) args.push(`duration=${pythonString(durationText(step.call.duration))}`);
    args.push(`termination=[${step.call.termination.map(pythonString).join(", ")}]`);
    return `pybamm.step.${step.call.fn}(${[...args, ...keywords].join(", ")})`;
  }
  if (keywords.length === 0) return pythonString(step.text);
  return `pybamm.step.string(${[pythonString(step.text), ...keywords].join(", ")})`;
}

/** The keyword arguments written once, on the experiment: the temperature when every step
 * shares it, and the protocol's record period (PyBaMM gives it to every step without its own). */
export function experimentDefaults(steps: readonly PybammStep[], protocolPeriod: number | null): ExperimentDefaults {
  const ambients = new Set(steps.map((s) => s.ambient));
  const temperature = ambients.size === 1 ? [...ambients][0]! : null;
  const periods = steps.map((s) => s.period);
  const period = protocolPeriod !== null && periods.includes(protocolPeriod) ? protocolPeriod : shared(periods);
  return { temperature, period };
}

function shared(values: readonly (number | null)[]): number | null {
  const distinct = new Set(values);
  return distinct.size === 1 ? [...distinct][0]! : null;
}
