// The PyBaMM target: protocols → a Python file that builds a pybamm.Experiment, and PyBaMM
// experiment strings → protocols.
//   conventions.ts  the step grammar, units, sign, keywords    capabilities.ts  what PyBaMM can run
//   steps.ts        one IR step → PyBaMM step strings           python.ts        the Python text
//   experiment.ts   the tree → tuples and repetitions (loops with steps at given cycles: ../common/pass-runs.ts)
//   import/         .py, .txt and JSON experiment lists → the IR, through the btp parser and checker

import { fileSpan, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../ir/types.js";
import { formatQuantity } from "../../units/display.js";
import { withoutRepeats } from "../common/emulations.js";
import { headerLines } from "../common/header.js";
import { lowerAfterTable } from "../common/lowering.js";
import type { CompileOptions, CompileResult, Target } from "../target.js";
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
    const lowered = lowerAfterTable(ir, pybammTarget, () => shapeExperiment(ir.body));
    const shape = lowered.lowered;
    if (!shape) return { files: [], diagnostics: lowered.diagnostics, emulations: lowered.emulations };
    // A step written twice (a loop cut into runs of passes) says its emulation once.
    const emulations = withoutRepeats(lowered.emulations);
    const diagnostics: Diagnostic[] = lowered.diagnostics;
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
