// The PyBaMM target: protocols → a Python file that builds a pybamm.Experiment, and PyBaMM
// experiment strings → protocols.
//   conventions.ts  the step grammar, units, sign, keywords    capabilities.ts  what PyBaMM can run
//   steps.ts        one IR step → PyBaMM step strings           passes.ts        loops with steps at given cycles
//   experiment.ts   the tree → tuples and repetitions           python.ts        the Python text
//   import/         .py, .txt and JSON experiment lists → the IR, through the btp parser and checker

import { fileSpan, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../ir/types.js";
import { formatQuantity } from "../../units/display.js";
import { checkCapabilities } from "../common/capabilities.js";
import { headerLines } from "../common/header.js";
import type { CompileOptions, CompileResult, Emulation, Target } from "../target.js";
import { pybammCapabilities } from "./capabilities.js";
import { NOTHING_TO_RUN } from "./codes.js";
import { LOWER_CUTOFF_PARAMETER, NOMINAL_CAPACITY_PARAMETER, UPPER_CUTOFF_PARAMETER, FILE_EXTENSION } from "./conventions.js";
import { shapeExperiment } from "./experiment.js";
import { importPybamm } from "./import/index.js";
import { experimentDefaults, writePython, type PythonFile } from "./python.js";

const TITLE = "PyBaMM experiment (Python)";

const FILE_NOTES = [
  "A Python file that builds a pybamm.Experiment with PyBaMM's step strings (PyBaMM 23.5 and later).",
  "Currents and C-rates are positive on discharge in PyBaMM; the strings say Charge or Discharge.",
];

/** headerLines ends with advice for instruments; a simulation has no instrument to check. */
const INSTRUMENT_ADVICE = "Check the schedule on the instrument before the first run.";

export const pybammTarget: Target = {
  name: "pybamm",
  title: TITLE,
  kind: "simulator",
  capabilities: pybammCapabilities,
  importExtensions: [".py", ".txt", ".json"],

  compile(ir: ProtocolIR, options: CompileOptions): CompileResult {
    const table = checkCapabilities(ir, pybammTarget);
    if (hasErrors(table.diagnostics)) return { files: [], diagnostics: table.diagnostics, emulations: table.emulations };
    const shape = shapeExperiment(ir.body);
    const emulations = mergeEmulations(shape.emulations, table.emulations);
    const diagnostics: Diagnostic[] = [...table.diagnostics, ...shape.diagnostics];
    if (shape.steps.length === 0 && !hasErrors(diagnostics)) {
      diagnostics.push({
        code: NOTHING_TO_RUN,
        severity: "error",
        message: "this protocol has no step PyBaMM can run, and PyBaMM refuses an empty experiment",
        span: ir.body[0]?.span ?? fileSpan(ir.source),
        hint: "add the steps to simulate",
        target: "pybamm",
      });
    }
    if (hasErrors(diagnostics)) return { files: [], diagnostics, emulations };

    const header = headerLines({ ir, targetTitle: TITLE, btpVersion: options.btpVersion, emulations, notes: FILE_NOTES }).filter(
      (line) => line !== INSTRUMENT_ADVICE,
    );
    const file: PythonFile = {
      header,
      parameters: parametersOf(ir),
      shape,
      defaults: experimentDefaults(shape.steps, ir.record.time ?? null),
    };
    return {
      files: [
        {
          path: `${options.baseName}${FILE_EXTENSION}`,
          content: new TextEncoder().encode(writePython(file)),
          description: "PyBaMM experiment (.py, UTF-8, LF)",
        },
      ],
      diagnostics,
      emulations,
    };
  },

  import: importPybamm,
};

/** The parameter-set values the protocol decides: 1C, and the safety window as cut-offs. */
function parametersOf(ir: ProtocolIR): PythonFile["parameters"] {
  const comments: string[] = [];
  const entries: { name: string; value: number }[] = [];
  const cell = ir.cell;
  if (cell && cell.nominalCapacity !== null) {
    comments.push(
      `The cell: ${cell.title ?? cell.name}. PyBaMM reads a C-rate against "${NOMINAL_CAPACITY_PARAMETER}",`,
      `so it is set to this cell's 1C: ${cell.nominalCapacityDerivation ?? formatQuantity(cell.nominalCapacity, "capacity")}.`,
    );
    entries.push({ name: NOMINAL_CAPACITY_PARAMETER, value: Number((cell.nominalCapacity / 3600).toPrecision(12)) });
  }
  const window = ir.limits.voltage;
  if (window && (window.min !== null || window.max !== null)) {
    comments.push(
      "The protocol's safety window, as the model's voltage cut-offs (a parameter set's narrower cut-offs would end the experiment early).",
    );
    if (window.min !== null) entries.push({ name: LOWER_CUTOFF_PARAMETER, value: window.min });
    if (window.max !== null) entries.push({ name: UPPER_CUTOFF_PARAMETER, value: window.max });
  }
  if (entries.length > 0) comments.push("Apply them to the parameter set you simulate with (see the end of the file).");
  return { comments, entries };
}

/** The target's own emulations first (they say exactly what was done, and where); the table's
 * generic ones only where the target said nothing about that construct at that place. */
function mergeEmulations(own: readonly Emulation[], table: readonly Emulation[]): Emulation[] {
  const key = (e: Emulation): string => `${e.construct}\u0000${e.span.file}\u0000${e.span.start.offset}`;
  const said = new Set(own.map(key));
  const seen = new Set<string>();
  const out: Emulation[] = [];
  for (const e of [...own, ...table.filter((t) => !said.has(key(t)))]) {
    const id = `${key(e)}\u0000${e.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(e);
    }
  }
  return out;
}
