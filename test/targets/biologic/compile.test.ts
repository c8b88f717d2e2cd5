import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { biologicTarget } from "../../../src/targets/biologic/index.js";
import { compileForTarget } from "../../../src/targets/common/compile.js";
import { bundledIr, bundledNames, irOf, OPTIONS } from "../common/helpers.js";
import { cell, cp1252, techniqueRows } from "./helpers.js";

const compile = (source: string) => biologicTarget.compile(irOf(source), OPTIONS);
const textOf = (source: string): string => {
  const result = compile(source);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return cp1252(result.files[0]!.content);
};
const CELL = 'use cell "cells/na-cge-nvp.btp"\n';

describe("biologic compile: loops", () => {
  it("writes a 3-pass loop as a Loop sequence with ctrl_repeat = 2, jumping back to its first sequence", () => {
    const text = textOf(`${CELL}rest for 1 h\nrepeat 3 {\n  charge at 1 mA until 3.9 V\n  discharge at 1 mA until 2.3 V\n}`);
    expect(cell(text, 1, "ctrl_type", 3)).toBe("Loop");
    expect(cell(text, 1, "ctrl_seq", 3)).toBe("1");
    expect(cell(text, 1, "ctrl_repeat", 3)).toBe("2");
    expect(cell(text, 1, "lim_nb", 3)).toBe("0");
  });

  it("writes a loop around an impedance as EC-Lab's Loop technique: goto Ne = first technique, nt times = 2", () => {
    const text = textOf(`${CELL}rest for 1 h\nrepeat 3 {\n  charge at 1 mA until 3.9 V\n  eis from 100 kHz to 1 Hz, amplitude 5 mV, 10 points per decade\n}`);
    expect(text).toContain("Number of linked techniques : 4");
    expect(techniqueRows(text, 4)).toEqual([
      ["goto Ne", ["2"]],
      ["nt times", ["2"]],
    ]);
    expect(text).toMatch(/Technique : 4\r\nLoop\r\n/);
    expect(text).toMatch(/Technique : 3\r\nPotentio Electrochemical Impedance Spectroscopy\r\n/);
  });

  it("keeps nested cycling loops inside one Modulo Bat technique", () => {
    const text = textOf(`${CELL}repeat 2 {\n  repeat 5 {\n    charge at 1 mA until 3.9 V\n    discharge at 1 mA until 2.3 V\n  }\n  rest for 10 min\n}`);
    const types = techniqueRows(text, 1).find(([n]) => n === "ctrl_type")![1];
    expect(types).toEqual(["CC", "CC", "Loop", "Rest", "Loop"]);
    expect(cell(text, 1, "ctrl_seq", 2)).toBe("0");
    expect(cell(text, 1, "ctrl_repeat", 2)).toBe("4");
    expect(cell(text, 1, "ctrl_seq", 4)).toBe("0");
    expect(cell(text, 1, "ctrl_repeat", 4)).toBe("1");
  });

  it("A8 (10,000 cycles) is one small file with the cycle as a loop, not unrolled", () => {
    const result = biologicTarget.compile(bundledIr("a08-cycling-5c-10000-cycles.btp"), OPTIONS);
    expect(result.diagnostics).toEqual([]);
    const file = result.files[0]!;
    expect(file.content.length).toBeLessThan(50 * 1024);
    const text = cp1252(file.content);
    expect(techniqueRows(text, 1).find(([n]) => n === "ctrl_type")![1]).toEqual(["Rest", "CC", "CC", "Loop"]);
    expect(cell(text, 1, "ctrl_repeat", 3)).toBe("9999");
  });

  it("cuts a loop at the cycles of `after cycle` steps, each stretch staying a loop (A6)", () => {
    const result = biologicTarget.compile(bundledIr("a06-symmetric-eis-during-cycling.btp"), OPTIONS);
    expect(result.diagnostics).toEqual([]);
    const text = cp1252(result.files[0]!.content);
    const names = text.split("\r\n").filter((_, i, all) => all[i - 1]?.startsWith("Technique : "));
    expect(names).toEqual(["Modulo Bat", "Potentio Electrochemical Impedance Spectroscopy", "Modulo Bat", "Potentio Electrochemical Impedance Spectroscopy", "Modulo Bat", "Potentio Electrochemical Impedance Spectroscopy"]);
    // 9 plain passes as a loop, then pass 10 written out before its impedance.
    expect(cell(text, 3, "ctrl_repeat", 2)).toBe("8");
    expect(cell(text, 5, "ctrl_repeat", 2)).toBe("48");
    expect(result.emulations.map((e) => e.message).join("\n")).toContain("9 plain passes, cycle 10, 49 plain passes, cycle 60");
  });

  it("keeps a periodic action's period as an outer loop", () => {
    const text = textOf(`${CELL}repeat 1000 {\n  charge at 1 mA until 3.9 V\n  discharge at 1 mA until 2.3 V\n  every 100 cycles { rest for 1 h }\n}`);
    const types = techniqueRows(text, 1).find(([n]) => n === "ctrl_type")![1];
    expect(types).toEqual(["CC", "CC", "Loop", "CC", "CC", "Rest", "Loop"]);
    expect(cell(text, 1, "ctrl_repeat", 2)).toBe("98");
    expect(cell(text, 1, "ctrl_repeat", 6)).toBe("9");
  });
});

describe("biologic compile: steps", () => {
  it("writes currents as magnitudes with Charge/Discharge and the cut-off on the right side", () => {
    const text = textOf(`${CELL}charge at 0.5 mA until 3.9 V\ndischarge at 0.5 mA until 2.3 V`);
    expect(cell(text, 1, "ctrl1_val", 1)).toBe("500.000");
    expect(cell(text, 1, "ctrl1_val_unit", 1)).toBe("uA");
    expect(cell(text, 1, "charge/discharge", 0)).toBe("Charge");
    expect(cell(text, 1, "charge/discharge", 1)).toBe("Discharge");
    expect(cell(text, 1, "lim1_comp", 0)).toBe(">");
    expect(cell(text, 1, "lim1_comp", 1)).toBe("<");
  });

  it("writes a C-rate as EC-Lab's C x N / C / N with the battery capacity, when exact", () => {
    const text = textOf(`${CELL}charge at 5C until 3.9 V\ndischarge at C/20 until 2.3 V`);
    expect(text).toContain("Battery capacity : 0.294 mA.h\r\n");
    expect(cell(text, 1, "Apply I/C", 0)).toBe("C x N");
    expect(cell(text, 1, "N", 0)).toBe("5.00");
    expect(cell(text, 1, "Apply I/C", 1)).toBe("C / N");
    expect(cell(text, 1, "N", 1)).toBe("20.00");
    expect(cell(text, 1, "ctrl1_val", 1)).toBe("14.700");
  });

  it("writes a C-rate N cannot state exactly in amperes, and lists it", () => {
    const result = compile(`${CELL}charge at 0.333C until 3.9 V`);
    const text = cp1252(result.files[0]!.content);
    expect(cell(text, 1, "Apply I/C", 0)).toBe("I");
    expect(cell(text, 1, "ctrl1_val", 0)).toBe("97.902");
    expect(result.emulations.map((e) => e.message)).toEqual(["0.333C written as 97.902 µA (0.333C × 0.294 mAh / 1 h = 97.902 µA (0.294 mAh = 2.5 mg × 117.6 mAh/g)): EC-Lab's C / N and C x N cannot state it exactly"]);
  });

  it("splits a CC-CV step into a CC and a CV sequence that keeps the CC's range, and lists it", () => {
    const result = compile(`${CELL}charge at 1 mA until 3.9 V then hold until 50 uA or for 1 h`);
    const text = cp1252(result.files[0]!.content);
    expect(techniqueRows(text, 1).find(([n]) => n === "ctrl_type")![1]).toEqual(["CC", "CV"]);
    expect(cell(text, 1, "ctrl1_val", 1)).toBe("3.900");
    expect(cell(text, 1, "ctrl1_val_vs", 1)).toBe("Ref");
    expect(cell(text, 1, "I Range", 0)).toBe("1 mA");
    expect(cell(text, 1, "I Range", 1)).toBe("1 mA");
    expect(cell(text, 1, "lim_nb", 1)).toBe("2");
    const limits = ["lim1_type", "lim1_comp", "lim1_value", "lim1_value_unit", "lim2_type", "lim2_comp", "lim2_value", "lim2_value_unit"].map((r) => cell(text, 1, r, 1));
    expect(limits).toEqual(["Time", ">", "1.000", "h", "|I|", "<", "50.000", "uA"]);
    expect(result.emulations.map((e) => e.message)).toContain("CC-CV step written as Modulo Bat sequences 0 (CC to 3.9 V) and 1 (CV at 3.9 V)");
  });

  it("holds against Eoc at the start of its own technique", () => {
    const text = textOf(`${CELL}charge at 1 mA for 1 h\nhold at ocv + 50 mV for 2 h`);
    expect(text).toContain("Number of linked techniques : 2");
    expect(cell(text, 2, "ctrl1_val", 0)).toBe("50.000");
    expect(cell(text, 2, "ctrl1_val_unit", 0)).toBe("mV");
    expect(cell(text, 2, "ctrl1_val_vs", 0)).toBe("Eoc");
  });

  it("writes limits, records and ends with EC-Lab units (mn for minutes)", () => {
    const text = textOf(`${CELL}limits { voltage 2.0 V .. 4.2 V }\nrecord every 30 s or 5 mV\ncharge at 1 mA until 3.9 V or for 45 min`);
    expect(text).toContain("Safety Limits :\r\n\tEwe min = 2.00 V\r\n\tEwe max = 4.20 V\r\n\tfor t > 10 ms\r\n");
    expect(cell(text, 1, "lim_nb", 0)).toBe("2");
    const limits = ["lim1_type", "lim1_value", "lim1_value_unit", "lim2_type", "lim2_value", "lim2_value_unit"].map((r) => cell(text, 1, r, 0));
    // The checker lists the time end first; EC-Lab takes the first limit reached either way.
    expect(limits).toEqual(["Time", "45.000", "mn", "Ewe", "3.900", "V"]);
    expect(["rec_nb", "rec1_type", "rec1_value", "rec1_value_unit", "rec2_type", "rec2_value", "rec2_value_unit"].map((r) => cell(text, 1, r, 0))).toEqual(["2", "Time", "30.000", "s", "Ewe", "5.000", "mV"]);
  });

  it("writes impedance, sweeps and voltammetry as their own techniques, in order", () => {
    const text = textOf(`${CELL}ocv for 1 h\neis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade\nsweep from ocv to 6.5 V at 0.1 mV/s\ncv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles, start at 3.0 V`);
    const names = text.split("\r\n").filter((_, i, all) => all[i - 1]?.startsWith("Technique : "));
    expect(names).toEqual(["Open Circuit Voltage", "Potentio Electrochemical Impedance Spectroscopy", "Linear Sweep Voltammetry", "Cyclic Voltammetry"]);
    expect(cell(text, 1, "tR (h:m:s)")).toBe("1:00:0.0000");
    expect(["fi", "unit fi", "ff", "unit ff", "Nd", "Va (mV)"].map((r) => cell(text, 2, r))).toEqual(["1.000", "MHz", "10.000", "mHz", "10", "5.0"]);
    expect(techniqueRows(text, 3).filter(([n]) => ["Ei (V)", "vs.", "EL (V)", "dE/dt"].includes(n))).toEqual([
      ["dE/dt", ["0.100"]],
      ["Ei (V)", ["0.000"]],
      ["vs.", ["Eoc"]],
      ["EL (V)", ["6.500"]],
      ["vs.", ["Ref"]],
    ]);
    // The potential range covers the 6.5 V sweep.
    expect(text).toContain("Ewe ctrl range : min = 0.00 V, max = 10.00 V");
    expect(["Ei (V)", "E1 (V)", "E2 (V)", "nc cycles", "Ef (V)"].map((r) => cell(text, 4, r))).toEqual(["3.000", "4.000", "2.000", "2", "3.000"]);
  });

  it("writes galvanostatic impedance with a current range twice the amplitude", () => {
    const text = textOf(`${CELL}eis from 100 kHz to 100 mHz, amplitude 10 uA, 6 points per decade`);
    expect(text).toMatch(/Technique : 1\r\nGalvano Electrochemical Impedance Spectroscopy\r\n/);
    expect(["Is", "Ia", "unit  Ia", "I Range"].map((r) => cell(text, 1, r))).toEqual(["0.000", "10.000", "uA", "100 µA"]);
  });

  it("turns a set-point at the start into an instruction and a settle rest, and lists it", () => {
    const result = biologicTarget.compile(bundledIr("a07-cycling-0p5c-25c.btp"), OPTIONS);
    const text = cp1252(result.files[0]!.content);
    expect(text).toContain("Comments : Before starting: set the chamber to 25 °C and start the run; it begins with a 2 h rest for the cell to reach the temperature.\r\n");
    expect(cell(text, 1, "ctrl_type", 0)).toBe("Rest");
    expect(cell(text, 1, "lim1_value", 0)).toBe("2.000");
    expect(cell(text, 1, "lim1_value_unit", 0)).toBe("h");
    expect(result.emulations.some((e) => e.construct === "temperature")).toBe(true);
  });
});

describe("biologic compile: refusals", () => {
  it("refuses a set-point during the run at its line, naming the others", () => {
    const result = biologicTarget.compile(bundledIr("a16-temperature-shock.btp"), OPTIONS);
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line, d.target])).toEqual([["BTP6101", 35, "biologic"]]);
    expect(result.diagnostics[0]!.hint).toContain("--plan");

    const many = biologicTarget.compile(bundledIr("a01-electrolyte-eis-arrhenius.btp"), OPTIONS);
    expect(many.diagnostics).toHaveLength(1);
    expect(many.diagnostics[0]!.message).toContain("30 °C and 7 more");
    expect(many.diagnostics[0]!.related).toHaveLength(7);
  });

  it("refuses an operator pause through the capability table (BTP6001)", () => {
    const result = compile(`${CELL}charge at 1 mA until 3.9 V\npause "move the cell"`);
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["BTP6001", 3]]);
  });

  it("refuses more ends than a sequence's three limits", () => {
    const result = compile(`${CELL}charge at 1 mA until 3.9 V or for 2 h or until capacity 0.3 mAh or until current > 2 mA`);
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["BTP6102", 2]]);
  });

  it("refuses an open-circuit step that ends on voltage, pointing at that end", () => {
    const result = compile(`${CELL}ocv for 1 h or until 3.0 V`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP6104"]);
    expect(result.diagnostics[0]!.span.start.column).toBeGreaterThan(1);
  });

  it("refuses a temperature safety limit", () => {
    const result = compile(`${CELL}limits { temperature -30 °C .. 70 °C }\ncharge at 1 mA until 3.9 V`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP6105"]);
  });

  it("adds a stop limit for a step whose own voltage limit is tighter than the file's", () => {
    const text = textOf(`${CELL}limits { voltage 2.0 V .. 4.2 V }\ncharge at 1 mA until 3.9 V, limits { voltage 2.0 V .. 4.0 V }`);
    expect(["lim_nb", "lim2_type", "lim2_comp", "lim2_value", "lim2_action", "lim2_seq"].map((r) => cell(text, 1, r, 0))).toEqual(["2", "Ewe", ">", "4.000", "Stop", "9999"]);
  });

  it("goes through the shared compile wrapper without duplicate reports", () => {
    const result = compileForTarget(biologicTarget, irOf(`${CELL}pause "x"`), OPTIONS);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP6001"]);
  });
});

describe("biologic compile: every bundled protocol", () => {
  const refused: Record<string, string> = {
    "a01-electrolyte-eis-arrhenius.btp": "BTP6101",
    "a11-high-loading-and-thin-cge.btp": "BTP6001",
    "a16-temperature-shock.btp": "BTP6101",
  };
  for (const name of bundledNames()) {
    it(`${name}: ${refused[name] ? `refused with ${refused[name]}` : "compiles, and reads back"}`, () => {
      const result = biologicTarget.compile(bundledIr(name), { ...OPTIONS, baseName: name.replace(/\.btp$/, "") });
      if (refused[name]) {
        expect(result.files).toEqual([]);
        expect(result.diagnostics[0]!.code).toBe(refused[name]);
        return;
      }
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(result.files.map((f) => f.path)).toEqual([`${name.replace(/\.btp$/, "")}.mps`]);
      const back = biologicTarget.import!(result.files[0]!.content, "back.mps");
      expect(back.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      expect(back.ir).not.toBeNull();
    });
  }
});

describe("biologic compile: reviewed golden files", () => {
  const goldenDir = path.join(import.meta.dirname, "golden");
  for (const name of ["a02-electrolyte-lsv-stability", "a08-cycling-5c-10000-cycles", "b04-transference-number", "a06-symmetric-eis-during-cycling"]) {
    it(`${name}.mps matches the golden file byte for byte (BTP_UPDATE_GOLDEN=1 rewrites it)`, () => {
      const result = biologicTarget.compile(bundledIr(`${name}.btp`), { ...OPTIONS, baseName: name });
      const bytes = Buffer.from(result.files[0]!.content);
      const file = path.join(goldenDir, `${name}.mps`);
      if (process.env.BTP_UPDATE_GOLDEN === "1") {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(file, bytes);
      }
      expect(existsSync(file), `${file} is missing; run with BTP_UPDATE_GOLDEN=1 and review it`).toBe(true);
      expect(cp1252(bytes)).toBe(cp1252(readFileSync(file)));
      expect(bytes.equals(readFileSync(file))).toBe(true);
    });
  }
});
