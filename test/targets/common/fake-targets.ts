// Two small targets for testing the infrastructure without depending on the real instrument
// back ends: a cycler that writes one numbered row per step and per loop end (like a goto-based
// instrument), and a potentiostat that writes one line per technique.

import { readFileSync } from "node:fs";
import path from "node:path";
import { checkText } from "../../../src/check/index.js";
import type { ProtocolIR } from "../../../src/ir/types.js";
import { linearize, numberRows } from "../../../src/targets/common/linearize.js";
import type { CapabilityTable, CompileOptions, CompileResult, Target } from "../../../src/targets/target.js";

export const root = path.resolve(import.meta.dirname, "../../..");

/** The checked IR of a bundled protocol (protocols/<name>). */
export function bundled(name: string): ProtocolIR {
  const file = path.join("protocols", name);
  const result = checkText(readFileSync(path.join(root, file), "utf8"), path.join(root, file));
  if (!result.ir) throw new Error(`${name} does not check: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  return result.ir;
}

/** The checked IR of a protocol written in a test; the file is "test.btp" in the protocols folder
 * so that `use cell "cells/…"` resolves. */
export function checked(source: string): ProtocolIR {
  const result = checkText(source, path.join(root, "protocols", "test.btp"));
  if (!result.ir) throw new Error(`does not check: ${result.diagnostics.map((d) => `${d.code} ${d.message}`).join("; ")}`);
  return result.ir;
}

const cyclerTable: CapabilityTable = {
  constructs: {
    rest: "native",
    pause: "native",
    constantCurrent: "native",
    constantVoltage: "native",
    ccCv: "emulated",
    loop: "native",
    nestedLoop: "native",
    cycleAction: "native",
    group: "native",
    stop: "native",
    cRate: "emulated",
    currentDensity: "emulated",
    specificCurrent: "emulated",
    capacityEnd: "native",
    recordRule: "native",
    safetyLimits: "native",
  },
  maxLoopDepth: 2,
  notes: {
    eis: "the fake cycler has no impedance hardware",
    ccCv: "written as a CC step then a CV step",
  },
};

function rowsOf(ir: ProtocolIR): string[] {
  const program = linearize(ir);
  const rows = numberRows(program, (i) => (i.op === "step" || i.op === "loopEnd" ? 1 : 0));
  const lines: string[] = [];
  for (const instruction of program) {
    const row = rows.rowOf(instruction.index);
    if (instruction.op === "step") lines.push(`${row} ${instruction.step.kind}`);
    if (instruction.op === "loopEnd") lines.push(`${row} goto ${rows.rowOf(instruction.beginIndex)} x${instruction.loop.count}`);
  }
  return lines;
}

export function fakeCycler(overrides: Partial<Target> = {}): Target {
  return {
    name: "fakecycler",
    title: "Fake cycler (.txt)",
    kind: "cycler",
    capabilities: cyclerTable,
    compile(ir: ProtocolIR, options: CompileOptions): CompileResult {
      const text = rowsOf(ir).join("\n") + "\n";
      return { files: [{ path: `${options.baseName}.txt`, content: new TextEncoder().encode(text), description: "fake cycler rows" }], diagnostics: [], emulations: [] };
    },
    ...overrides,
  };
}

export function fakePotentiostat(overrides: Partial<Target> = {}): Target {
  return {
    name: "fakepot",
    title: "Fake potentiostat macro (.mac)",
    kind: "potentiostat",
    capabilities: {
      constructs: {
        rest: "native",
        ocv: "native",
        eis: "native",
        linearSweep: "native",
        cyclicVoltammetry: "native",
        constantVoltage: "native",
        ocvRelativeVoltage: "native",
        constantCurrent: "native",
        loop: "native",
        group: "native",
        recordRule: "emulated",
        safetyLimits: "emulated",
      },
      maxLoopDepth: 1,
      notes: { recordRule: "sampling interval set from the time rule only" },
    },
    compile(ir: ProtocolIR, options: CompileOptions): CompileResult {
      const text = linearize(ir)
        .filter((i) => i.op === "step")
        .map((i) => (i.op === "step" ? i.step.kind : ""))
        .join("\n");
      return { files: [{ path: `${options.baseName}.mac`, content: new TextEncoder().encode(text + "\n"), description: "fake macro" }], diagnostics: [], emulations: [] };
    },
    ...overrides,
  };
}

/** A target whose "vendor files" are IR as JSON (extension .fakeir): for testing `btp import`. */
export function fakeImporter(overrides: Partial<Target> = {}): Target {
  return {
    name: "fakeir",
    title: "Fake IR files (.fakeir)",
    kind: "document",
    capabilities: { constructs: {}, maxLoopDepth: null, notes: {} },
    compile: () => ({ files: [], diagnostics: [], emulations: [] }),
    importExtensions: [".fakeir"],
    import(content: Uint8Array, file: string) {
      try {
        return { ir: JSON.parse(new TextDecoder().decode(content)) as ProtocolIR, diagnostics: [{ code: "BTP6042", severity: "info", message: "read by the fake importer", span: { file, start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } } }] };
      } catch {
        return { ir: null, diagnostics: [{ code: "BTP6040", severity: "error", message: `${file} is not fake IR`, span: { file, start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } } }] };
      }
    },
    ...overrides,
  };
}
