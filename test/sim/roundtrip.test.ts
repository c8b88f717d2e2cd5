// The simulator's round-trip check: for every bundled protocol and every target that can read its
// own files back, the simulated trace of the protocol and of import(compile(protocol)) agree.
//
// For each pair:
// - compile; a target that refuses the protocol (error diagnostics) is recorded as "refused";
// - import the schedule file with the same target, declare the original's cell on the imported
//   protocol, as a user who imports a schedule does (declareCell in roundtrip-helpers.ts: a
//   schedule never holds the chemistry or model parameters; C-rates a file kept unresolved are
//   resolved against that cell);
// - round both protocols' numbers to the 12 significant digits a file carries (quantize), and
//   simulate both with the same cell parameters and tolerance;
// - compare: the same steps, cycles, trace rows, step types, and every time, voltage, current,
//   cell temperature, charge, energy and impedance within 1e-9 relative. Operator pauses take no
//   time in a simulation: how many each side ran is compared on its own, and they are left out
//   of the rest (withoutPauses).
// A8 (10,000 cycles) and A9 (cycling until the capacity fades) are compared on the step table,
// the per-cycle summary and the spectra (`summaryOnly`), at their full loop counts: see
// TRACE_STEP_LIMIT. A pair that differs for a reason found and written down is listed in
// KNOWN_DIFFERENCES, with the exact difference expected; any other difference fails.
// The test prints a protocol × target matrix at the end.

import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkFile } from "../../src/check/index.js";
import type { ProtocolIR } from "../../src/ir/types.js";
import { targets } from "../../src/targets/registry.js";
import { charge, currentBelow, ccCv, capacity, nvpCell, protocol, rest, hours, above, pause } from "./builder.js";
import {
  closeEnough,
  compareRecordings,
  compileAndImport,
  declareCell,
  describeDifference,
  maximumSteps,
  quantize,
  record,
  TRACE_STEP_LIMIT,
  withoutPauses,
  type Recording,
} from "./roundtrip-helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PROTOCOL_DIR = path.join(ROOT, "protocols");
const protocolFiles = readdirSync(PROTOCOL_DIR)
  .filter((f) => f.endsWith(".btp"))
  .sort();
const importers = targets.filter((t) => t.import !== undefined);

// ---------------------------------------------------------------------------------------------
// The differences found, and why. None is a bug in a target or an importer: each comes from an
// emulation the target declares (listed in the file's header and by `btp compile --explain`),
// or from Maccor's impedance settings living in a second file.

interface KnownDifference {
  /** Footnote mark in the matrix. */
  mark: string;
  reason: string;
  /** What describeDifference says for these pairs. */
  expected: RegExp;
  /** Protocol (file name up to the first "-") → the targets that differ this way. */
  pairs: Record<string, string[]>;
}

const CYCLERS = ["biologic", "neware", "arbin"];

const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    mark: "a",
    reason:
      "the 25 °C chamber set-point at the start is written as an operator instruction (no machine-readable temperature), " +
      "so it comes back as a rest for the settle time: step 1 is REST, not TEMPERATURE; the chamber stays at room temperature " +
      "either way, so every value is identical",
    expected: /^step types differ \(step 1: TEMPERATURE, against REST\); same values$/,
    pairs: {
      a05: CYCLERS,
      a06: ["biologic"],
      a07: CYCLERS,
      a08: CYCLERS,
      a09: CYCLERS,
      a10: CYCLERS,
      a12: CYCLERS,
      b05: CYCLERS,
    },
  },
  {
    mark: "b",
    reason:
      "as (a), and Maccor writes the instruction as a Pause step before the rest: one more operator pause (zero time, " +
      "left out of the value comparison); every value is identical",
    expected:
      /^(\d+) operator pauses, against \d+ after the round trip; step types differ \(step 1: TEMPERATURE, against REST\); same values$/,
    pairs: {
      a05: ["maccor"],
      a07: ["maccor"],
      a08: ["maccor"],
      a09: ["maccor"],
      a10: ["maccor"],
      a11: ["maccor"],
      a12: ["maccor"],
      b05: ["maccor"],
    },
  },
  {
    mark: "c",
    reason:
      "the chamber set-point (60, 5 or -20 °C) is an operator instruction in the file, as in (a): the imported protocol " +
      "runs at room temperature, so the cell behaves differently and the traces differ",
    expected: /^(\d+ operator pauses, against \d+ after the round trip; )?\d+ trace rows, against \d+ after the round trip$/,
    pairs: {
      a03: [...CYCLERS, "maccor"],
      a04: [...CYCLERS, "maccor"],
      a13: [...CYCLERS, "maccor"],
      a14: [...CYCLERS, "maccor"],
      a15: [...CYCLERS, "maccor"],
      b07: [...CYCLERS, "maccor"],
      b08: [...CYCLERS, "maccor"],
    },
  },
  {
    mark: "d",
    reason:
      "Maccor sets the chamber by operator pauses (as b): the -20 °C block comes back as pause + 4 h rest at room temperature, " +
      "and the 25 °C block without a settle time as a pause only, so the imported protocol runs one step fewer",
    expected: /^0 operator pauses, against 2 after the round trip; 2702 steps run, against 2701 after the round trip$/,
    pairs: { a16: ["maccor"] },
  },
  {
    mark: "e",
    reason:
      "Maccor keeps impedance settings in a companion .FRA file; Target.import receives the procedure only, so each FRA step " +
      "comes back as an operator pause (BTP6515) and no spectrum is simulated (plus the set-points of (b) in A1)",
    expected: /^\d+ operator pauses, against \d+ after the round trip; \d+ steps run, against \d+ after the round trip$/,
    pairs: { a01: ["maccor"], b03: ["maccor"] },
  },
];

function knownDifference(protocolName: string, target: string): KnownDifference | undefined {
  const id = protocolName.split("-")[0]!;
  return KNOWN_DIFFERENCES.find((k) => k.pairs[id]?.includes(target));
}

// ---------------------------------------------------------------------------------------------
// The matrix

type Cell =
  | { verdict: "identical" }
  | { verdict: "refused"; reasons: string[] }
  | { verdict: "differs"; mark: string; detail: string }
  | { verdict: "import failed" };
const matrix = new Map<string, Map<string, Cell>>();

function setCell(protocolName: string, target: string, cell: Cell): void {
  if (!matrix.has(protocolName)) matrix.set(protocolName, new Map());
  matrix.get(protocolName)!.set(target, cell);
}

function printMatrix(): void {
  const names = importers.map((t) => t.name);
  const label = (c: Cell | undefined): string => (c === undefined ? "-" : c.verdict === "differs" ? `differs (${c.mark})` : c.verdict);
  const rows = [...matrix].map(([protocolName, cells]) => [protocolName.replace(/\.btp$/, ""), ...names.map((n) => label(cells.get(n)))]);
  const header = ["protocol", ...names];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  const lines = [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), ""];
  for (const k of KNOWN_DIFFERENCES) lines.push(`(${k.mark}) ${k.reason}`);
  for (const [protocolName, cells] of matrix) {
    for (const [target, c] of cells)
      if (c.verdict === "differs" && c.mark === "?") lines.push(`(?) ${protocolName} × ${target}: ${c.detail}`);
  }
  console.log(`Round trip protocol × target (simulated traces):\n${lines.join("\n")}`);
}

// ---------------------------------------------------------------------------------------------

describe("simulated round trip: protocol → instrument file → import → same trace", () => {
  afterAll(printMatrix);

  it("covers every bundled protocol and the targets that read their files back", () => {
    expect(protocolFiles.length).toBeGreaterThanOrEqual(25);
    expect(importers.map((t) => t.name)).toEqual(expect.arrayContaining(["biologic", "neware", "arbin", "maccor"]));
  });

  it("lists each known difference once, for protocols and targets that exist", () => {
    const seen = new Set<string>();
    for (const k of KNOWN_DIFFERENCES) {
      for (const [id, names] of Object.entries(k.pairs)) {
        expect(
          protocolFiles.some((f) => f.startsWith(`${id}-`)),
          id,
        ).toBe(true);
        for (const name of names) {
          expect(
            importers.map((t) => t.name),
            name,
          ).toContain(name);
          expect(seen.has(`${id} ${name}`), `${id} × ${name} is listed twice`).toBe(false);
          seen.add(`${id} ${name}`);
        }
      }
    }
  });

  for (const file of protocolFiles) {
    describe(file, () => {
      /** The checked protocol and its own simulation, made once for all targets. */
      let prepared: { ir: ProtocolIR; summaryOnly: boolean; run: Recording } | null = null;
      const prepare = (): { ir: ProtocolIR; summaryOnly: boolean; run: Recording } => {
        if (prepared) return prepared;
        const checked = checkFile(path.join(PROTOCOL_DIR, file));
        expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        const ir = checked.ir!;
        expect(ir.cell, "every bundled protocol declares its cell").not.toBeNull();
        const summaryOnly = maximumSteps(ir.body) > TRACE_STEP_LIMIT;
        prepared = { ir, summaryOnly, run: record(quantize(ir), summaryOnly) };
        return prepared;
      };

      it("checks and simulates cleanly", () => {
        const { run } = prepare();
        expect(run.result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(run.result.stepsRun).toBeGreaterThan(0);
      });

      for (const target of importers) {
        it(`× ${target.name}`, () => {
          const { ir, summaryOnly, run: originalRun } = prepare();
          const known = knownDifference(file, target.name);
          const passage = compileAndImport(ir, target, file.replace(/\.btp$/, ""));
          if (passage.kind === "refused") {
            setCell(file, target.name, { verdict: "refused", reasons: passage.reasons });
            expect(known, `${target.name} now refuses ${file}: remove its known difference`).toBeUndefined();
            return;
          }
          if (passage.kind === "importFailed") {
            setCell(file, target.name, { verdict: "import failed" });
            expect.fail(`${target.name} cannot read back the file it wrote for ${file}: ${passage.reasons.join("; ")}`);
          }
          const declared = declareCell(passage.ir, ir.cell!);
          expect(declared.capacityMismatch).toBeNull();
          const importedRun = record(quantize(declared.ir), summaryOnly);
          expect(importedRun.result.parameters, "both runs model the same cell").toEqual(originalRun.result.parameters);
          const description = describeDifference(compareRecordings(originalRun, importedRun));
          if (known) {
            setCell(file, target.name, { verdict: "differs", mark: known.mark, detail: description });
            expect(description, `${file} × ${target.name}: (${known.mark}) ${known.reason}`).toMatch(known.expected);
          } else {
            setCell(
              file,
              target.name,
              description === "identical" ? { verdict: "identical" } : { verdict: "differs", mark: "?", detail: description },
            );
            expect(description, `${file} × ${target.name}`).toBe("identical");
          }
        });
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The helpers themselves, on hand-built protocols

describe("round-trip helpers", () => {
  const cell = nvpCell();
  const oneC = cell.nominalCapacity! / 3600;

  it("resolves C-rates a file kept without the capacity against the declared cell, and nothing else", () => {
    const fromFile = charge(0, [
      above(3.9),
      { ...capacity(0), resolved: { si: 0, text: "80 %", basis: "percent-of-nominal", relative: 80 } },
    ]);
    if (fromFile.kind !== "constantCurrent") throw new Error("a CC step");
    fromFile.current = { si: 0, text: "0.5C", basis: "c-rate", relative: 0.5 };
    const tapered = ccCv("charge", 0.001, 3.9, [
      { ...currentBelow(0), resolved: { si: 0, text: "C/20", basis: "c-rate", relative: 0.05 } },
    ]);
    const untouched = charge(0.002, [above(3.9)]);
    const declared = declareCell(protocol(null, [fromFile, tapered, untouched]), cell);
    expect(declared.resolvedQuantities).toBe(3);
    expect(declared.ir.cell).toBe(cell);
    const [cc, cccv, plain] = declared.ir.body;
    expect(cc!.kind === "constantCurrent" && cc!.current.si).toBeCloseTo(0.5 * oneC, 15);
    expect(cc!.kind === "constantCurrent" && cc!.ends[1]!.kind === "capacity" && cc!.ends[1]!.coulombs).toBeCloseTo(
      0.8 * cell.nominalCapacity!,
      12,
    );
    const taper = cccv!.kind === "ccCv" ? cccv!.cvEnds[0]! : null;
    expect(taper?.kind === "current" && taper.amperes).toBeCloseTo(0.05 * oneC, 15);
    expect(plain).toEqual(untouched);
  });

  it("flags a file whose capacity is not the declared cell's", () => {
    const imported = protocol({ ...cell, nominalCapacity: cell.nominalCapacity! * 1.01 }, [rest([hours(1)])]);
    expect(declareCell(imported, cell).capacityMismatch).toMatch(/capacity/);
    expect(declareCell(protocol({ ...cell }, [rest([hours(1)])]), cell).capacityMismatch).toBeNull();
  });

  it("rounds to the 12 digits a file carries, leaving integers alone", () => {
    const ir = quantize(protocol(cell, [charge(3.4200000000000005e-5, [above(3.9)])]));
    const step = ir.body[0]!;
    expect(step.kind === "constantCurrent" && step.current.si).toBe(3.42e-5);
    expect(ir.irVersion).toBe(1);
  });

  it("tells identical runs from runs that differ by more than 1e-9, and names the difference", () => {
    const run = (amperes: number, withPause = false): Recording =>
      record(protocol(cell, [...(withPause ? [pause("set the chamber")] : []), charge(amperes, [above(3.9)]), rest([hours(0.5)])]), false);
    const base = run(oneC);
    expect(describeDifference(compareRecordings(base, run(oneC)))).toBe("identical");
    expect(describeDifference(compareRecordings(base, run(oneC * (1 + 1e-6))))).toMatch(
      /^same step types; values differ \(trace row \d+ \(step \d\): (time|voltage)/,
    );
    expect(describeDifference(compareRecordings(base, run(oneC, true)))).toBe(
      "0 operator pauses, against 1 after the round trip; same step types; same values",
    );
    expect(closeEnough(1, 1 + 5e-10)).toBe(true);
    expect(closeEnough(1, 1 + 2e-9)).toBe(false);
    expect(closeEnough(0, 1e-300)).toBe(true);
  });

  it("leaves pauses out with the steps renumbered", () => {
    const withPause = record(protocol(cell, [pause("wait"), charge(oneC, [above(3.9)])]), false);
    const { recording, pauses } = withoutPauses(withPause);
    expect(pauses).toBe(1);
    expect(recording.steps.map((s) => [s.step, s.stepType])).toEqual([[1, "CC_CHG"]]);
    expect(new Set(recording.trace.step)).toEqual(new Set([1]));
    expect(recording.result.stepsRun).toBe(1);
  });
});
