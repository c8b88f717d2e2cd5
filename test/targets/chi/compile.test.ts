import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../../src/check/index.js";
import type { ProtocolIR } from "../../../src/ir/types.js";
import { biologicTarget } from "../../../src/targets/biologic/index.js";
import { chiTarget } from "../../../src/targets/chi/index.js";
import { buildPlan } from "../../../src/targets/plan/index.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const OPTIONS = { baseName: "test", btpVersion: "0.0.0-test" };
const CELL = 'use cell "cells/na-cge-nvp.btp"\n';

/** A bundled protocol, checked as protocols/<name>; `edit` changes its text first (the fix a
 * refusal asks the user for). */
function protocol(name: string, edit: (text: string) => string = (t) => t): ProtocolIR {
  const file = `protocols/${name}`;
  const result = checkText(edit(readFileSync(path.join(ROOT, file), "utf8")), file);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.ir!;
}

function irOf(source: string): ProtocolIR {
  const result = checkText(source, "protocols/test.btp");
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.ir!;
}

const compile = (source: string) => chiTarget.compile(irOf(source), OPTIONS);
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");
/** The commands of a macro without its comment header. */
const commands = (bytes: Uint8Array): string[] => text(bytes).split("\r\n").filter((l) => l !== "" && !l.startsWith("#"));

function golden(name: string, content: string): void {
  const file = path.join(import.meta.dirname, "golden", name);
  if (process.env.BTP_UPDATE_GOLDEN === "1") {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content, "latin1");
  }
  expect(existsSync(file), `${file} is missing; run with BTP_UPDATE_GOLDEN=1 and review it`).toBe(true);
  expect(content).toBe(readFileSync(file, "latin1"));
}

function rendered(result: { diagnostics: { code: string; severity: string; message: string; hint?: string; span: { file: string; start: { line: number; column: number } } }[] }): string {
  return result.diagnostics.map((d) => `${d.span.file}:${d.span.start.line}:${d.span.start.column} ${d.severity} ${d.code} ${d.message}\n  hint: ${d.hint ?? "-"}\n`).join("");
}

describe("chi compile: reviewed golden files", () => {
  it("A2: open circuit, then the linear sweep from 2.5 V to 6.5 V", () => {
    const result = chiTarget.compile(protocol("a02-electrolyte-lsv-stability.btp"), { ...OPTIONS, baseName: "a02" });
    expect(result.diagnostics).toEqual([]);
    golden("a02-electrolyte-lsv-stability.mcr", text(result.files[0]!.content));
  });

  it("B3: open circuit, then impedance from 100 kHz to 10 mHz at open circuit (eio)", () => {
    const result = chiTarget.compile(protocol("b03-eis-nyquist.btp"), { ...OPTIONS, baseName: "b03" });
    expect(result.diagnostics).toEqual([]);
    golden("b03-eis-nyquist.mcr", text(result.files[0]!.content));
  });

  it("A1: the CHI parts of the plan, one macro per oven temperature", () => {
    const plan = buildPlan(protocol("a01-electrolyte-eis-arrhenius.btp"), { cycler: biologicTarget, potentiostat: chiTarget, baseName: "a01", btpVersion: "0.0.0-test" });
    expect(plan.diagnostics).toEqual([]);
    const macros = plan.files.filter((f) => f.path.endsWith(".mcr"));
    expect(macros).toHaveLength(9);
    golden("a01-plan-chi.mcr", macros.map((f) => `==== ${f.path}\r\n${text(f.content)}`).join(""));
  });

  it("B2: refused where the voltammetry starts at the open-circuit voltage of a full cell; with an absolute start it compiles", () => {
    const refused = chiTarget.compile(protocol("b02-cyclic-voltammetry.btp"), { ...OPTIONS, baseName: "b02" });
    expect(refused.files).toEqual([]);
    expect(refused.diagnostics.map((d) => d.code)).toContain("BTP6206");
    golden("b02-cyclic-voltammetry.refused.txt", rendered(refused));
    const fixed = chiTarget.compile(
      protocol("b02-cyclic-voltammetry.btp", (t) => t.replaceAll("start at ocv", "start at 3.0 V")),
      { ...OPTIONS, baseName: "b02" },
    );
    expect(fixed.diagnostics).toEqual([]);
    golden("b02-cyclic-voltammetry.start-at-3V.mcr", text(fixed.files[0]!.content));
  });

  it("B4: on the Na | Na cell, ocv + 50 mV is written as 50 mV and the emulation is listed", () => {
    const compiled = chiTarget.compile(protocol("b04-transference-number.btp"), { ...OPTIONS, baseName: "b04" });
    expect(compiled.diagnostics).toEqual([]);
    const emulation = compiled.emulations.find((e) => e.construct === "ocvRelativeVoltage");
    expect(emulation?.message).toMatch(/ocv \+ 50 mV written as 50 mV/);
    expect(emulation?.span.start.line).toBe(26);
    const macro = text(compiled.files[0]!.content);
    expect(macro).toContain("ei: 0.05");
    golden("b04-transference-number.mcr", macro);
  });
});

describe("chi compile: techniques", () => {
  it("marks the macro as unverified on an instrument, and writes ASCII with CRLF", () => {
    const bytes = compile(`${CELL}ocv for 10 min`).files[0]!.content;
    expect(text(bytes)).toContain("# UNVERIFIED: no CHI manual or real macro file is public.");
    expect([...bytes].every((b) => b < 0x80)).toBe(true);
    expect(text(bytes).match(/(?<!\r)\n/g)).toBeNull();
    expect(text(bytes).endsWith("\r\n")).toBe(true);
  });

  it("writes a 3-pass loop as for: 3 … next, and warns that the passes save over each other", () => {
    const result = compile(`${CELL}repeat 3 {\n  eis from 100 kHz to 1 Hz, amplitude 5 mV, 10 points per decade\n  rest for 10 min\n}`);
    const lines = commands(result.files[0]!.content);
    expect(lines[1]).toBe("for: 3");
    expect(lines[2]).toBe("  tech: imp");
    expect(lines.slice(-2)).toEqual(["  delay: 600", "next"]);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.span.start.line])).toEqual([["BTP6203", "warning", 2]]);
  });

  it("nests loops, and a loop with nothing measured saves nothing and warns of nothing", () => {
    const result = compile(`${CELL}repeat 2 {\n  repeat 4 { rest for 1 s }\n  eis from 100 kHz to 1 Hz, amplitude 5 mV, 10 points per decade\n}`);
    expect(commands(result.files[0]!.content).slice(1, 5)).toEqual(["for: 2", "  for: 4", "    delay: 1", "  next"]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP6203"]);
  });

  it("charges anodically and discharges cathodically: one cp segment each, switching at the cut-off", () => {
    const charge = commands(compile(`${CELL}charge at 1 mA until 3.9 V or for 2 h`).files[0]!.content);
    expect(charge).toEqual(["fileoverride", "tech: cp", "ia: 0.001", "ic: 0.001", "eh: 3.9", "el: -10", "heht: 0", "leht: 0", "ta: 7200", "tc: 7200", "pn: p", "si: 1", "cl: 1", "prioe", "run", "save: test_01_cp", "tsave: test_01_cp"]);
    const discharge = commands(compile(`${CELL}limits { voltage 2.0 V .. 4.2 V }\ndischarge at 1 mA until 2.3 V or for 2 h`).files[0]!.content);
    expect(discharge.slice(1, 13)).toEqual(["tech: cp", "ia: 0.001", "ic: 0.001", "eh: 4.2", "el: 2.3", "heht: 0", "leht: 0", "ta: 7200", "tc: 7200", "pn: n", "si: 1", "cl: 1"]);
  });

  it("writes a loop of charge and discharge as one cp run of 2 × N segments", () => {
    const result = compile(`${CELL}repeat 3 {\n  charge at 0.5C until 3.9 V\n  discharge at 0.5C until 2.3 V\n}`);
    const lines = commands(result.files[0]!.content);
    expect(lines).toContain("cl: 6");
    expect(lines).not.toContain("for: 3");
    expect(lines.filter((l) => l === "run")).toHaveLength(1);
    // 0.5C of 0.294 mAh: 0.147 mA; no time end, so the segment is bounded at 2 × 2 h.
    expect(lines).toContain("ia: 0.000147");
    expect(lines).toContain("ta: 14400");
    expect(result.emulations.map((e) => e.message)).toContain("the 3-cycle loop of charge and discharge is one cp run of 6 segments, so every cycle is in one data file");
  });

  it("writes a CC-CV charge with a timed hold as cp holding at the cut-off (heht)", () => {
    const result = compile(`${CELL}charge at 1 mA until 3.9 V or for 5 h then hold for 1 h`);
    const lines = commands(result.files[0]!.content);
    expect(lines).toContain("eh: 3.9");
    expect(lines).toContain("heht: 3600");
    expect(result.emulations.map((e) => e.message)).toContain("CC-CV step written as one cp segment that holds at 3.9 V for 1 h (heht)");
  });

  it("writes voltammetry, sweeps, holds and open circuit with their parameters in SI", () => {
    const lines = commands(compile(`${CELL}ocv for 1 h, record every 5 s\ncv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles, start at 3.0 V\nsweep from 3.0 V to 4.5 V at 0.5 mV/s\nhold at 4.0 V for 30 min`).files[0]!.content);
    expect(lines.slice(1, 8)).toEqual(["tech: ocpt", "st: 3600", "eh: 10", "el: -10", "si: 5", "qt: 0", "run"]);
    const cv = lines.slice(lines.indexOf("tech: cv"), lines.indexOf("tech: cv") + 13);
    expect(cv).toEqual(["tech: cv", "ei: 3", "eh: 4", "el: 2", "pn: p", "v: 0.0001", "cl: 7", "efon", "ef: 3", "si: 0.001", "qt: 0", "autosens", "run"]);
    expect(lines).toContain("tech: lsv");
    expect(lines).toContain("v: 0.0005");
    const hold = lines.slice(lines.indexOf("tech: i-t"), lines.indexOf("tech: i-t") + 3);
    expect(hold).toEqual(["tech: i-t", "ei: 4", "st: 1800"]);
  });

  it("cycles starting at a vertex take two segments each", () => {
    const lines = commands(compile(`${CELL}cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles, start at 2.0 V`).files[0]!.content);
    expect(lines).toContain("cl: 6");
  });
});

describe("chi compile: refusals, with the span of what cannot be run", () => {
  it("refuses a constant-current step ending on capacity, at that end", () => {
    const result = compile(`${CELL}charge at 1 mA until capacity 0.2 mAh`);
    expect(result.files).toEqual([]);
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["BTP6001", 2]]);
  });

  it("refuses a hold that ends on current (i-t has no current end)", () => {
    const result = compile(`${CELL}hold at 4.0 V until 10 uA`);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP6201"]);
    expect(result.diagnostics[0]!.span.start.column).toBeGreaterThan(15);
    expect(result.diagnostics[0]!.hint).toContain("hold at 4.2 V for 2 h");
  });

  it("refuses a CC-CV whose hold ends on current, and a charge that ends on a falling voltage", () => {
    expect(compile(`${CELL}charge at 1 mA until 3.9 V then hold until 20 uA`).diagnostics.map((d) => d.code)).toEqual(["BTP6201"]);
    const wrongSide = compile(`${CELL}charge at 1 mA until voltage < 3.0 V or for 1 h`);
    expect(wrongSide.diagnostics.map((d) => d.code)).toEqual(["BTP6201"]);
    expect(wrongSide.diagnostics[0]!.hint).toContain("--plan");
  });

  it("refuses a constant current with no time end when the cell's capacity is unknown", () => {
    const result = chiTarget.compile(irOf(`charge at 1 mA until 3.9 V`), OPTIONS);
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["BTP6202", 1]]);
  });

  it("refuses galvanostatic impedance, a pause and a rest that ends on voltage", () => {
    expect(compile(`${CELL}eis from 100 kHz to 1 Hz, amplitude 10 uA, 6 points per decade`).diagnostics.map((d) => d.code)).toEqual(["BTP6001"]);
    expect(compile(`${CELL}pause "swap the cell"`).diagnostics.map((d) => d.code)).toEqual(["BTP6001"]);
    expect(compile(`${CELL}rest for 1 h or until 3.0 V`).diagnostics.map((d) => d.code)).toEqual(["BTP6201"]);
  });

  it("refuses a set-point during the run (A16), pointing at it", () => {
    const result = chiTarget.compile(protocol("a16-temperature-shock.btp"), OPTIONS);
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["BTP6204", 35]]);
  });
});
