// A cell parameter file for `btp simulate --cell params.yaml`: a YAML (or JSON) mapping from
// parameter names to values with their units, optionally naming the set it starts from:
//
//   preset: nvpK005_cge
//   hysteresisVoltage: 10 mV
//   electrolyteConductivity: 3.37 mS/cm
//   modeWeight: 2.1            # dimensionless values are plain numbers
//   ocv: NVP                   # or a list of {fraction, potential, width} MSMR terms
//
// Problems are diagnostics at the exact key in the file.

import { readFileSync, statSync } from "node:fs";
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { fileSpan, type Diagnostic, type Span } from "../../diagnostics/diagnostic.js";
import type { CellParameters } from "./catalogue.js";
import { applyEntries, unknownPreset } from "./resolve.js";
import { commonParameters, findPreset } from "./presets.js";

const MAX_FILE_BYTES = 1 << 20;

export interface ParameterFileResult {
  /** The values the file sets (SI), ready for SimulationOptions.cellParameters. */
  parameters: Partial<CellParameters>;
  diagnostics: Diagnostic[];
}

function problem(file: string, message: string, hint?: string, span: Span = fileSpan(file)): Diagnostic {
  return { code: "BTP7014", severity: "error", message, span, ...(hint ? { hint } : {}) };
}

/** Reads and checks a parameter file from disk. */
export function readParameterFile(file: string): ParameterFileResult {
  try {
    if (statSync(file).size > MAX_FILE_BYTES)
      return { parameters: {}, diagnostics: [problem(file, `${file} is larger than 1 MB; a parameter file is a few lines`)] };
    return parseParameterFile(readFileSync(file, "utf8"), file);
  } catch {
    return { parameters: {}, diagnostics: [problem(file, `${file} cannot be read`, "check the path")] };
  }
}

/** Parses parameter-file text named `file` (for spans). */
export function parseParameterFile(text: string, file: string): ParameterFileResult {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const spanAt = (range: readonly number[] | null | undefined): Span => {
    if (!range) return fileSpan(file);
    const start = lines.linePos(range[0]!);
    const end = lines.linePos(range[1] ?? range[0]!);
    return {
      file,
      start: { offset: range[0]!, line: start.line, column: start.col },
      end: { offset: range[1] ?? range[0]!, line: end.line, column: end.col },
    };
  };
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    return {
      parameters: {},
      diagnostics: [problem(file, `${file} is not valid YAML or JSON: ${first.message.split("\n")[0]}`, undefined, spanAt(first.pos))],
    };
  }
  const root = document.contents;
  if (!isMap(root)) {
    return {
      parameters: {},
      diagnostics: [
        problem(
          file,
          `${file} must be a mapping of parameter names to values`,
          "for example `hysteresisVoltage: 10 mV`",
          spanAt(root?.range),
        ),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  const entries: [string, unknown][] = [];
  const spans = new Map<string, Span>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : null;
    if (key === null) {
      diagnostics.push(
        problem(file, "each entry must be `name: value`", undefined, spanAt((pair.key as { range?: number[] } | null)?.range)),
      );
      continue;
    }
    spans.set(key, spanAt((pair.key as { range?: number[] }).range));
    const value = pair.value;
    entries.push([key, isScalar(value) ? value.value : ((value as { toJSON(): unknown } | null)?.toJSON?.() ?? null)]);
  }

  // Apply onto a set of NaNs to see exactly which values the file gives.
  const parameters: Partial<CellParameters> = {};
  const presetEntry = entries.find(([key]) => key.toLowerCase() === "preset");
  if (presetEntry) {
    const name = String(presetEntry[1]);
    if (findPreset(name)) parameters.preset = name;
    else diagnostics.push(unknownPreset(name, spans.get(presetEntry[0])!));
  }
  const blank = commonParameters("full");
  for (const key of Object.keys(blank) as (keyof CellParameters)[]) {
    if (typeof blank[key] === "number") (blank as unknown as Record<string, number>)[key] = NaN;
  }
  const before = blank.ocv;
  applyEntries(blank, entries, (key) => spans.get(key) ?? fileSpan(file), diagnostics, "file");
  for (const [key, value] of Object.entries(blank)) {
    if (typeof value === "number" && !Number.isNaN(value)) (parameters as Record<string, unknown>)[key] = value;
  }
  if (blank.ocv !== before) parameters.ocv = blank.ocv;
  return { parameters, diagnostics };
}
