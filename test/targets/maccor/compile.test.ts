import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ProtocolIR } from "../../../src/ir/types.js";
import { compileForTarget } from "../../../src/targets/common/compile.js";
import { maccorTarget } from "../../../src/targets/maccor/index.js";
import type { MaccorStep } from "../../../src/targets/maccor/model.js";
import { readMaccorProcedure } from "../../../src/targets/maccor/read.js";
import { bundledIr, codesOf, errorsOf, expectGolden, OPTIONS, protocolIr, sample, text } from "../common/helpers.js";

const HERE = import.meta.dirname;

/** Compiles (through the shared entry point, as the CLI does) and reads the procedure back. */
function compileSteps(ir: ProtocolIR): { steps: MaccorStep[]; files: { path: string; content: Uint8Array }[] } {
  const result = compileForTarget(maccorTarget, ir, OPTIONS);
  expect(errorsOf(result.diagnostics)).toEqual([]);
  const read = readMaccorProcedure(result.files[0]!.content, "out.000");
  if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
  return { steps: read.procedure.steps, files: result.files };
}

const types = (steps: MaccorStep[]) => steps.map((s) => s.type);

describe("maccor compile: loops", () => {
  it("a 3-pass loop becomes Do 1 … Loop 1 with Loop Cnt 3, jumping on to the step after the loop", () => {
    const { steps } = compileSteps(protocolIr("repeat 3 {\n  charge at 1 mA until 3.9 V\n  discharge at 1 mA until 2.3 V\n}\nrest for 1 min"));
    expect(types(steps)).toEqual(["Do 1", "Charge", "Dischrge", "AdvCycle", "Loop 1", "Rest", "End"]);
    expect(steps[4]!.ends).toMatchObject([{ type: "Loop Cnt", oper: "=", goto: 6, value: "3" }]);
    // The body's ends go on to the next step; the loop re-runs from the step after Do 1.
    expect(steps[1]!.ends[0]).toMatchObject({ type: "Voltage", oper: ">=", value: "3.9", goto: 3 });
    expect(steps[2]!.ends[0]).toMatchObject({ type: "Voltage", oper: "<=", value: "2.3", goto: 4 });
  });

  it("nested loops use one level number per depth, and only innermost loops advance the cycle", () => {
    const { steps } = compileSteps(protocolIr("repeat 2 {\n  rest for 1 min\n  repeat 5 {\n    charge at 1 mA for 1 min\n    rest for 1 min\n  }\n}"));
    expect(types(steps)).toEqual(["Do 1", "Rest", "Do 2", "Charge", "Rest", "AdvCycle", "Loop 2", "Loop 1", "End"]);
    expect(steps[6]!.ends[0]).toMatchObject({ value: "5", goto: 8 });
    expect(steps[7]!.ends[0]).toMatchObject({ value: "2", goto: 9 });
  });

  it("refuses a fourth level of nesting (Do 1 … Do 3 are known)", () => {
    const ir = protocolIr("repeat 2 { repeat 2 { repeat 2 { repeat 2 { rest for 1 s } } } }");
    const result = compileForTarget(maccorTarget, ir, OPTIONS);
    expect(result.files).toEqual([]);
    expect(codesOf(errorsOf(result.diagnostics))).toEqual(["BTP6002"]);
  });

  it("keeps A8's 10,000 cycles as one loop, in a file far below 50 KB", () => {
    const ir = bundledIr("a08-cycling-5c-10000-cycles");
    const { steps, files } = compileSteps(ir);
    expect(types(steps)).toEqual(["Pause", "Rest", "Do 1", "Charge", "Dischrge", "AdvCycle", "Loop 1", "End"]);
    expect(steps[6]!.ends[0]).toMatchObject({ type: "Loop Cnt", value: "10000", goto: 8 });
    expect(files[0]!.content.length).toBeLessThan(50_000);
  });

  it("writes a section around one loop as the Do step's note", () => {
    const { steps } = compileSteps(protocolIr('section "formation" {\n  repeat 2 { rest for 1 min }\n}'));
    expect(steps[0]).toMatchObject({ type: "Do 1", note: "formation" });
  });
});

describe("maccor compile: steps", () => {
  it("writes currents in amperes with the direction as the step type (5C of a 0.294 mAh cell = 1.47 mA)", () => {
    const { steps } = compileSteps(protocolIr("charge at 5C until 3.9 V\ndischarge at 1.47 mA for 10 min"));
    expect(steps[0]).toMatchObject({ type: "Charge", mode: "Current", value: "0.00147" });
    expect(steps[1]).toMatchObject({ type: "Dischrge", mode: "Current", value: "0.00147" });
    expect(steps[1]!.ends[0]).toMatchObject({ type: "StepTime", oper: "=", value: "00:10:00" });
  });

  it("lists a resolved C-rate as an emulation with its derivation", () => {
    const result = maccorTarget.compile(protocolIr("charge at 0.5C until 3.9 V"), OPTIONS);
    expect(result.emulations.map((e) => e.message)).toContainEqual(expect.stringContaining("0.5C resolved to 0.147 mA"));
    expect(text(result.files[0]!.content)).toContain("0.5C resolved to 0.147 mA");
  });

  it("writes a CC-CV step with only a taper end as one Maccor CCCV step (current with a voltage clamp)", () => {
    const { steps } = compileSteps(protocolIr("charge at 1 mA until 3.9 V then hold until 0.1 mA"));
    expect(steps[0]).toMatchObject({ type: "Charge", mode: "Current", value: "0.001", limits: [{ name: "Voltage", value: "3.9" }] });
    expect(steps[0]!.ends[0]).toMatchObject({ type: "Current", oper: "<=", value: "1.0E-4", goto: 2 });
  });

  it("splits a CC-CV step with a hold time into a current step and a voltage hold, and says so", () => {
    const ir = protocolIr("charge at 1 mA for 5 h or until 3.9 V then hold for 1 h or until 0.1 mA");
    const result = maccorTarget.compile(ir, OPTIONS);
    const read = readMaccorProcedure(result.files[0]!.content, "x");
    if (!read.ok) throw new Error("unreadable");
    const [cc, cv] = read.procedure.steps;
    expect(cc).toMatchObject({ type: "Charge", mode: "Current", limits: [] });
    // Reaching 3.9 V goes on to the hold; the CC time guard skips it.
    expect(cc!.ends.slice(0, 2)).toMatchObject([
      { type: "Voltage", oper: ">=", value: "3.9", goto: 2 },
      { type: "StepTime", value: "05:00:00", goto: 3 },
    ]);
    expect(cv).toMatchObject({ type: "Charge", mode: "Voltage", value: "3.9" });
    expect(cv!.ends.slice(0, 2)).toMatchObject([
      { type: "StepTime", value: "01:00:00", goto: 3 },
      { type: "Current", value: "1.0E-4", goto: 3 },
    ]);
    expect(result.emulations.map((e) => e.message)).toContainEqual(expect.stringContaining("CC-CV written as two Maccor steps"));
  });

  it("writes a voltage hold in the direction of the current step before it", () => {
    const { steps } = compileSteps(protocolIr("discharge at 1 mA until 2.3 V\nhold at 2.3 V for 1 h"));
    expect(steps[1]).toMatchObject({ type: "Dischrge", mode: "Voltage", value: "2.3" });
  });

  it("writes capacity ends in Ah and power steps in W", () => {
    const { steps } = compileSteps(protocolIr("discharge at 2 mW until 2.3 V or 0.1 mAh"));
    expect(steps[0]).toMatchObject({ type: "Dischrge", mode: "Power", value: "0.002" });
    expect(steps[0]!.ends[1]).toMatchObject({ type: "Amp Hour", oper: ">=", value: "1.0E-4" });
  });

  it("writes an operator pause with its message, and a label as the step note", () => {
    const { steps } = compileSteps(protocolIr('pause "Swap the cell"\nrest for 1 min, label "relax"'));
    expect(steps[0]).toMatchObject({ type: "Pause", note: "Swap the cell", ends: [], range: "" });
    expect(steps[1]).toMatchObject({ type: "Rest", note: "relax", range: "A", options: ["N", "N", "N"] });
  });

  it("turns a temperature set-point into an operator pause and the settle time into a rest", () => {
    const result = maccorTarget.compile(protocolIr("temperature 60 °C, settle 2 h\nrest for 1 min"), OPTIONS);
    const read = readMaccorProcedure(result.files[0]!.content, "x");
    if (!read.ok) throw new Error("unreadable");
    expect(types(read.procedure.steps)).toEqual(["Pause", "Rest", "Rest", "End"]);
    expect(read.procedure.steps[0]!.note).toBe("Set the chamber to 60 °C, then resume: the next step rests 2 h while the cell settles");
    expect(read.procedure.steps[1]!.ends[0]).toMatchObject({ type: "StepTime", value: "02:00:00" });
    expect(result.emulations.map((e) => e.construct)).toContain("temperature");
  });

  it("writes record rules as reports: time, voltage, current", () => {
    const { steps } = compileSteps(protocolIr("record every 30 s or 5 mV or 0.1 mA\nrest for 1 h"));
    expect(steps[0]!.reports).toEqual([
      expect.objectContaining({ type: "StepTime", value: "00:00:30" }),
      expect.objectContaining({ type: "Voltage", value: "0.005" }),
      expect.objectContaining({ type: "Current", value: "1.0E-4" }),
    ]);
  });
});

describe("maccor compile: safety ends", () => {
  const { steps } = compileSteps(
    protocolIr("limits { voltage 2 V .. 4.2 V, current 5 mA }\nrest for 1 min\nrepeat 2 {\n  charge at 1 mA until 3.9 V\n  discharge at 1 mA until 2.3 V\n}"),
  );
  const end = steps.length;

  it("duplicates the limits into every measuring step as ends that jump to the End step", () => {
    for (const step of steps.filter((s) => ["Rest", "Charge", "Dischrge"].includes(s.type))) {
      const safety = step.ends.filter((e) => e.goto === end);
      expect(safety.map((e) => `${e.type} ${e.oper} ${e.value}`)).toEqual(["Voltage >= 4.2", "Voltage <= 2.0", "Current >= 0.005"]);
    }
    for (const step of steps.filter((s) => /^(Do|Loop|AdvCycle|End)/.test(s.type))) expect(step.ends.filter((e) => e.goto === end && e.type !== "Loop Cnt")).toEqual([]);
  });

  it("marks them as channel safety ends in the first step only, as the public files do", () => {
    expect(steps[0]!.ends.filter((e) => e.channelSafety)).toHaveLength(3);
    expect(steps.slice(1).flatMap((s) => s.ends).filter((e) => e.channelSafety)).toEqual([]);
  });

  it("refuses a temperature limit, which no Maccor end is verified for", () => {
    const result = compileForTarget(maccorTarget, protocolIr("limits { temperature 0 °C .. 60 °C }\nrest for 1 min"), OPTIONS);
    expect(codesOf(errorsOf(result.diagnostics))).toEqual(["BTP6503"]);
    expect(result.files).toEqual([]);
  });
});

describe("maccor compile: impedance", () => {
  it("writes EIS as an FRA step naming a .FRA side file with the sweep", () => {
    const ir = protocolIr("rest for 10 min\neis from 100 kHz to 10 mHz, amplitude 5 mV, 10 points per decade\neis from 100 kHz to 10 mHz, amplitude 5 mV, 10 points per decade");
    const { steps, files } = compileSteps(ir);
    expect(types(steps)).toEqual(["Rest", "FRA", "FRA", "End"]);
    expect(steps[1]).toMatchObject({ value: "test_EIS1", ends: [], reports: [] });
    expect(steps[2]!.value).toBe("test_EIS1");
    expect(files.map((f) => f.path)).toEqual(["test.000", "test_EIS1.FRA"]);
    const fra = text(files[1]!.content);
    expect(fra).toContain("[Sweep]\r\nAmplitude=5\r\nInitFreq=100000\r\nEndFreq=0.01\r\nStepPerDec=10\r\n");
    expect(fra.startsWith("[General]\r\n")).toBe(true);
    expect(text(files[0]!.content)).toContain("copy the .FRA files");
  });

  it("compiles the bundled impedance protocols (A1, B3)", () => {
    for (const name of ["a01-electrolyte-eis-arrhenius", "b03-eis-nyquist"]) {
      const result = compileForTarget(maccorTarget, bundledIr(name), OPTIONS);
      expect(errorsOf(result.diagnostics)).toEqual([]);
      expect(result.files.some((f) => f.path.endsWith(".FRA"))).toBe(true);
    }
  });

  it("refuses galvanostatic EIS and an EIS at a set bias", () => {
    const galvanostatic = compileForTarget(maccorTarget, protocolIr("eis from 10 kHz to 1 Hz, amplitude 10 uA"), OPTIONS);
    expect(codesOf(errorsOf(galvanostatic.diagnostics))).toEqual(["BTP6001"]);
    const biased = maccorTarget.compile(protocolIr("eis from 10 kHz to 1 Hz, amplitude 5 mV, bias 3.5 V"), OPTIONS);
    expect(codesOf(errorsOf(biased.diagnostics))).toEqual(["BTP6504"]);
    expect(biased.files).toEqual([]);
  });
});

describe("maccor compile: protocols without a cell capacity", () => {
  it("keeps an imported procedure's C-rates in Maccor's C form, and says so", () => {
    const imported = maccorTarget.import!(sample("maccor", "xTESLADIAG_000004_CH69.000"), "x.000").ir!;
    const result = maccorTarget.compile(imported, OPTIONS);
    const read = readMaccorProcedure(result.files[0]!.content, "x");
    if (!read.ok) throw new Error("unreadable");
    expect(read.procedure.steps[1]).toMatchObject({ type: "Dischrge", value: "2.0C" });
    expect(read.procedure.steps.find((s) => s.limits.length > 0)!.ends[0]).toMatchObject({ type: "Current", value: "0.5C" });
    expect(result.emulations.map((e) => e.message)).toContainEqual(expect.stringContaining("enter it on the Maccor when the test starts"));
    expect(result.emulations.map((e) => e.message).join("\n")).not.toContain("resolved to 0 A");
  });
});

describe("maccor compile: refusals", () => {
  it("refuses a loop of no passes, which a Maccor Loop step would still run once", () => {
    const ir = protocolIr("repeat 2 {\n  rest for 1 s\n}");
    (ir.body[0] as { count: number }).count = 0;
    expect(codesOf(errorsOf(maccorTarget.compile(ir, OPTIONS).diagnostics))).toEqual(["BTP6001"]);
  });

  it("refuses steps at given cycles (A6) with the span of the action", () => {
    const result = compileForTarget(maccorTarget, bundledIr("a06-symmetric-eis-during-cycling"), OPTIONS);
    const refusal = errorsOf(result.diagnostics).find((d) => d.code === "BTP6001");
    expect(refusal?.message).toContain("steps at given cycles");
    expect(refusal?.span.start.line).toBe(39);
    expect(result.files).toEqual([]);
  });

  it("refuses a loop that ends on a condition, and a sweep", () => {
    const until = compileForTarget(maccorTarget, protocolIr("repeat 100 until discharge capacity < 80 % of cycle 1 {\n  charge at 1 mA until 3.9 V\n  discharge at 1 mA until 2.3 V\n}"), OPTIONS);
    expect(errorsOf(until.diagnostics).map((d) => d.message)).toContainEqual(expect.stringContaining("ends on a condition"));
    const sweep = compileForTarget(maccorTarget, protocolIr("sweep from 3 V to 4 V at 1 mV/s"), OPTIONS);
    expect(codesOf(errorsOf(sweep.diagnostics))).toEqual(["BTP6001"]);
  });

  it("refuses a time finer than Maccor's 10 ms", () => {
    const result = maccorTarget.compile(protocolIr("rest for 5 ms"), OPTIONS);
    expect(codesOf(errorsOf(result.diagnostics))).toEqual(["BTP6502"]);
  });

  it("refuses a procedure of more than 999 steps", () => {
    const body = Array.from({ length: 1000 }, (_, i) => `rest for ${i + 1} s`).join("\n");
    const result = maccorTarget.compile(protocolIr(body), OPTIONS);
    expect(codesOf(errorsOf(result.diagnostics))).toEqual(["BTP6501"]);
    expect(result.files).toEqual([]);
  });
});

describe("maccor compile: golden files", () => {
  it.each(["a08-cycling-5c-10000-cycles", "a03-rate-capability-60c", "b03-eis-nyquist"])("matches the reviewed golden files for %s", (name) => {
    const result = compileForTarget(maccorTarget, bundledIr(name), { ...OPTIONS, baseName: name });
    expect(errorsOf(result.diagnostics)).toEqual([]);
    for (const file of result.files) expectGolden(HERE, path.basename(file.path), file.content);
  });
});
