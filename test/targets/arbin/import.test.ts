import { describe, expect, it } from "vitest";
import type { CcCvStepIR, ConstantCurrentStepIR, LoopIR, NodeIR, RestStepIR, StopIR } from "../../../src/ir/types.js";
import { arbinTarget } from "../../../src/targets/arbin/index.js";
import { writeIni, type IniOut } from "../../../src/targets/arbin/ini.js";
import { LIMIT_KEYS, SCHEDULE_KEYS, STEP_KEYS } from "../../../src/targets/arbin/conventions.js";
import { bundledIr, codesOf, errorsOf, expectImportSurvivesDamage, expectSameAfterRoundTrip, expectValidIr, meaning, OPTIONS, protocolIr, sample, text } from "../common/helpers.js";

const REAL = "20170630-3_6C_9per_5C.sdu";
const BEEP = "Iris_000100.sdu";

type Limit = [goto: string, left: string, compare: string, right: string];
interface StepSpec {
  label: string;
  type: string;
  ctrl?: string;
  ext1?: string;
  limits: Limit[];
}

/** A MITS 7 schedule with every key, from a short description of its steps. */
function schedule(steps: StepSpec[]): Uint8Array {
  const sections: IniOut[] = [
    { name: "Version Section", entries: [["Current_Version", "Schedule Version 7.00.13"]] },
    { name: "Signature Section", entries: [["Signature", "{0}"]] },
    { name: "Schedule", entries: SCHEDULE_KEYS.map(([k, v]) => [k, k === "m_uStepNum" ? String(steps.length) : v] as const) },
  ];
  steps.forEach((step, i) => {
    const values: Record<string, string> = {
      m_uLimitNum: String(step.limits.length),
      m_szLabel: step.label,
      m_szStepCtrlType: step.type,
      m_szCtrlValue: step.ctrl ?? "",
      m_szExtCtrlValue1: step.ext1 ?? "",
    };
    sections.push({ name: `Schedule_Step${i}`, entries: STEP_KEYS.map((k) => [k, values[k] ?? ""] as const) });
    step.limits.forEach(([goto, left, compare, right], j) => {
      const limit: Record<string, string> = { m_bStepLimit: "1", m_bLogDataLimit: "1", m_szGotoStep: goto, Equation0_szLeft: left, Equation0_szCompareSign: compare, Equation0_szRight: right };
      sections.push({ name: `Schedule_Step${i}_Limit${j}`, entries: LIMIT_KEYS.map((k) => [k, limit[k] ?? ""] as const) });
    });
  });
  return new TextEncoder().encode(writeIni(sections));
}

const rest = (label: string, seconds = 1): StepSpec => ({ label, type: "Rest", limits: [["Next Step", "PV_CHAN_Step_Time", ">=", String(seconds)]] });
const setVariables = (label: string, reset: number, advance: number, limits: Limit[] = [["Next Step", "PV_CHAN_Step_Time", ">", "0"]]): StepSpec => ({
  label,
  type: "Set Variable(s)",
  ctrl: String(reset),
  ext1: String(advance),
  limits,
});

function shape(nodes: readonly NodeIR[]): unknown[] {
  return nodes.map((n) => (n.kind === "loop" ? { loop: n.count, ...(n.until ? { until: n.until.text } : {}), body: shape(n.body) } : n.kind === "stop" ? `stop ${n.condition.text}` : n.kind));
}

describe("arbin import: the real MITS 7 schedule", () => {
  const result = arbinTarget.import!(sample("arbin", REAL), REAL);
  const ir = result.ir!;

  it("imports without an error into a valid IR", () => {
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expectValidIr(ir);
  });

  it("rebuilds the cycle-index \"Loop\" step (goto CC1 while the index is <= 10000) as 10,000 passes", () => {
    expect(shape(ir.body)).toEqual([
      "constantCurrent",
      "constantCurrent",
      "rest",
      "rest",
      "ccCv",
      "ccCv",
      "ccCv",
      { loop: 10000, body: ["ccCv", "ccCv", "rest", "rest", "ccCv", "ccCv", "stop discharge capacity <= 0.825 Ah", "rest"] },
    ]);
    const loop = ir.body[7] as LoopIR;
    expect(loop.body[0]!).toMatchObject({ label: "CC1" });
    expect((loop.body[7] as RestStepIR).label).toBe("TestforlowQ");
    expect((loop.body[6] as StopIR).condition).toMatchObject({ subject: "dischargeCapacity", comparator: "<=", value: 2970 });
  });

  it("reads signed currents as directions, taper limits as magnitudes, and C-Rate steps as C-rates", () => {
    const discharge = ir.body[4] as CcCvStepIR;
    expect(discharge).toMatchObject({ kind: "ccCv", label: "Initial Discharge", direction: "discharge", voltage: 2 });
    expect(discharge.current.si).toBe(1.1);
    expect(discharge.cvEnds).toMatchObject([{ kind: "current", comparator: "<", amperes: 0.022 }]);
    expect(discharge.ccEnds).toMatchObject([{ kind: "time", seconds: 54000 }]);
    const pulse = ir.body[1] as ConstantCurrentStepIR;
    expect(pulse).toMatchObject({ direction: "discharge", current: { basis: "c-rate", relative: 0.1, text: "0.1C" } });
    expect(ir.limits).toEqual({ voltage: { min: 1.8, max: 4 }, current: { max: 10 } });
    expect(ir.title).toBe("Use T-Ty-e sens.Aux Ch1-32&CH33-64 map to IVCH1&IVCH2");
  });

  it("says what it approximated: C-rates without a capacity, IR pulses, delayed checks, cumulative capacity, asymmetric safety", () => {
    expect(codesOf(result.diagnostics.filter((d) => d.severity === "warning"))).toEqual(["BTP6417", "BTP6419"]);
    const messages = result.diagnostics.map((d) => d.message).join("\n");
    expect(messages).toMatch(/Internal Resistance/);
    expect(messages).toMatch(/PV_CHAN_CV_StageTime > 1/);
    expect(messages).toMatch(/counts charge since the last capacity reset/);
    expect(messages).toMatch(/-5 to 10/);
  });

  it("round-trips: import → compile → import gives the same IR", () => {
    expectSameAfterRoundTrip(arbinTarget, ir, "again.sdu");
  });

  it("reads the file whatever its line ends, and re-saved as UTF-8 or UTF-16 (with a warning)", () => {
    const latin1 = text(sample("arbin", REAL), "latin1");
    const crlf = arbinTarget.import!(new Uint8Array(Buffer.from(latin1.replace(/\n/g, "\r\n"), "latin1")), "crlf.sdu");
    expect(meaning(crlf.ir)).toEqual(meaning(ir));
    const utf8 = arbinTarget.import!(new TextEncoder().encode(latin1), "utf8.sdu");
    expect(codesOf(utf8.diagnostics)).toContain("BTP6412");
    expect(meaning(utf8.ir)).toEqual(meaning(ir));
    const utf16 = arbinTarget.import!(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(latin1, "utf16le")])), "utf16.sdu");
    expect(codesOf(utf16.diagnostics)).toContain("BTP6412");
    expect(meaning(utf16.ir)).toEqual(meaning(ir));
  });
});

describe("arbin import: the BEEP-generated Iris schedule", () => {
  const result = arbinTarget.import!(sample("arbin", BEEP), BEEP);

  it("imports without an error into a valid IR", () => {
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expectValidIr(result.ir);
  });

  it("rebuilds the TC_Counter loops, nested ones included", () => {
    const loops = (nodes: readonly NodeIR[]): unknown[] =>
      nodes.filter((n): n is LoopIR => n.kind === "loop").map((n) => (n.body.some((b) => b.kind === "loop") ? { [n.count]: loops(n.body) } : n.count));
    expect(loops(result.ir!.body)).toEqual([2, 20, 30, { 1000: [20, 100] }, 2, 20]);
  });

  it("reports the jumps that are not loops, once per target, and keeps them as ends", () => {
    const jumps = result.diagnostics.filter((d) => d.code === "BTP6415");
    expect(jumps.map((d) => d.message.match(/"([^"]+)"/)![1]).sort()).toEqual(["17-None", "31-None", "49-None", "70-These are the 2 reset cycles", "83-Discharge for rate test"]);
    expect(jumps.every((d) => d.severity === "warning")).toBe(true);
    expect(result.ir!.limits).toEqual({ voltage: { min: 2.8, max: 4.2 }, current: { max: 52 }, temperature: { min: 273.15, max: 328.15 } });
  });

  it("round-trips: import → compile → import gives the same IR", () => {
    expectSameAfterRoundTrip(arbinTarget, result.ir, "again.sdu");
  });
});

describe("arbin import: structure", () => {
  it("a TC_Counter1 < 3 loop is 3 passes", () => {
    const bytes = schedule([
      setVariables("start", 65536, 0),
      rest("body"),
      setVariables("end", 0, 2, [
        ["body", "TC_Counter1", "<", "3"],
        ["Next Step", "TC_Counter1", "=", "3"],
      ]),
    ]);
    const result = arbinTarget.import!(bytes, "t.sdu");
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(shape(result.ir!.body)).toEqual([{ loop: 3, body: ["rest"] }]);
    expect(result.ir!.body[0]!.id).toBe("1");
  });

  it("round-trips a checked protocol with until, stop, nested loops, CC-CV and capacity ends", () => {
    const ir = protocolIr(`limits { voltage 2 V .. 4.2 V, current 5 mA }
record every 10 s or 5 mV
repeat 2 {
  charge at 0.5C until 3.9 V then hold until C/20 or 1 h
  rest for 10 min
  repeat 30 until discharge capacity < 0.2 mAh {
    discharge at 1 mA until 2.3 V or 0.25 mAh
    stop if end voltage < 2.2 V
    hold at 2.3 V until 0.01 mA
  }
}
rest for 1 min`);
    const first = arbinTarget.import!(arbinTarget.compile(ir, OPTIONS).files[0]!.content, "a.sdu");
    expect(errorsOf(first.diagnostics)).toEqual([]);
    expect(shape(first.ir!.body)).toEqual([
      { loop: 2, body: ["ccCv", "rest", { loop: 30, until: "discharge capacity < 0.2 mAh", body: ["constantCurrent", "stop end voltage < 2.2 V", "constantVoltage"] }] },
      "rest",
    ]);
    const charge = (first.ir!.body[0] as LoopIR).body[0] as CcCvStepIR;
    expect(charge.cvEnds).toMatchObject([{ kind: "current", amperes: 0.0000147 }, { kind: "time", seconds: 3600 }]);
    expect(charge.current.si).toBe(0.000147);
    const again = arbinTarget.import!(arbinTarget.compile(first.ir!, OPTIONS).files[0]!.content, "b.sdu");
    expect(meaning(again.ir)).toEqual(meaning(first.ir));
  });

  it("keeps the title (Latin-1 °) and A8's loop through compile and import", () => {
    const a8 = bundledIr("a08-cycling-5c-10000-cycles.btp");
    const back = arbinTarget.import!(arbinTarget.compile(a8, OPTIONS).files[0]!.content, "a8.sdu");
    expect(errorsOf(back.diagnostics)).toEqual([]);
    expect(back.ir!.title).toBe(a8.title);
    expect(shape(back.ir!.body)).toEqual(["rest", { loop: 10000, body: ["constantCurrent", "constantCurrent"] }]);
  });

  it("refuses loops that cross", () => {
    const bytes = schedule([
      rest("a"),
      rest("b"),
      setVariables("end1", 0, 2, [["a", "TC_Counter1", "<", "2"]]),
      setVariables("end2", 0, 4, [["b", "TC_Counter2", "<", "2"]]),
    ]);
    const result = arbinTarget.import!(bytes, "t.sdu");
    expect(result.ir).toBeNull();
    expect(codesOf(errorsOf(result.diagnostics))).toEqual(["BTP6416"]);
  });

  it("refuses a counter that is not reset before its loop (the pass count is not in the file)", () => {
    const bytes = schedule([
      setVariables("bump", 0, 2),
      rest("body"),
      setVariables("end", 0, 2, [["body", "TC_Counter1", "<", "3"]]),
    ]);
    expect(codesOf(errorsOf(arbinTarget.import!(bytes, "t.sdu").diagnostics))).toEqual(["BTP6416"]);
  });

  it("refuses step types and values it cannot represent", () => {
    const ramp = arbinTarget.import!(schedule([{ label: "r", type: "Current Ramp(A)", ctrl: "1", ext1: "0.1", limits: [["Next Step", "PV_CHAN_Step_Time", ">", "1"]] }]), "t.sdu");
    expect(ramp.diagnostics.find((d) => d.code === "BTP6413")?.message).toMatch(/Current Ramp\(A\)/);
    const formula = arbinTarget.import!(schedule([{ label: "c", type: "CCCV", ctrl: "1", ext1: "F_Vmax", limits: [["Next Step", "PV_CHAN_Step_Time", ">", "1"]] }]), "t.sdu");
    expect(formula.diagnostics.find((d) => d.code === "BTP6418")?.message).toMatch(/F_Vmax/);
    const jump = arbinTarget.import!(schedule([rest("a"), { label: "b", type: "Rest", limits: [["nowhere", "PV_CHAN_Step_Time", ">", "1"]] }]), "t.sdu");
    expect(jump.diagnostics.find((d) => d.code === "BTP6415")?.message).toMatch(/"nowhere", which is no step's label/);
  });

  it("treats btp's and BEEP's placeholder labels as no label", () => {
    const result = arbinTarget.import!(schedule([rest("Step 1"), rest("2-None"), rest("Formation")]), "t.sdu");
    expect(result.ir!.body.map((n) => ("label" in n ? n.label : undefined))).toEqual([null, null, "Formation"]);
  });
});

describe("arbin import: hostile and broken files", () => {
  it("reports a truncated schedule (sections missing for the declared counts)", () => {
    const bytes = sample("arbin", REAL);
    const result = arbinTarget.import!(bytes.subarray(0, Math.floor(bytes.length / 2)), "cut.sdu");
    expect(result.ir).toBeNull();
    expect(codesOf(result.diagnostics)).toContain("BTP6410");
    expect(errorsOf(result.diagnostics)[0]!.message).toMatch(/truncated or damaged/);
  });

  it("refuses a claimed million steps and files too large, quickly", () => {
    const claim = text(schedule([rest("a")]), "latin1").replace("m_uStepNum=1", "m_uStepNum=1000000");
    const started = performance.now();
    expect(codesOf(arbinTarget.import!(new TextEncoder().encode(claim), "t.sdu").diagnostics)).toEqual(["BTP6410"]);
    const many = `[Version Section]\nCurrent_Version=Schedule Version 7.00.13\n[Schedule]\nm_uStepNum=20000\n${Array.from({ length: 20_000 }, (_, i) => `[Schedule_Step${i}]\n`).join("")}`;
    expect(codesOf(arbinTarget.import!(new TextEncoder().encode(many), "t.sdu").diagnostics)).toEqual(["BTP6411"]);
    const huge = new Uint8Array(17 * 1024 * 1024).fill(0x41);
    expect(codesOf(arbinTarget.import!(huge, "t.sdu").diagnostics)).toEqual(["BTP6411"]);
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("reports empty files, binary data and other text without crashing", () => {
    expect(codesOf(arbinTarget.import!(new Uint8Array(), "e.sdu").diagnostics)).toEqual(["BTP6410"]);
    expect(codesOf(arbinTarget.import!(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), "b.res").diagnostics)).toEqual(["BTP6410"]);
    expect(codesOf(arbinTarget.import!(new TextEncoder().encode("hello = world\n[x]\n"), "h.sdu").diagnostics)).toContain("BTP6410");
  });

  it("never throws on damaged copies of the samples (cut, flipped and spliced bytes)", () => {
    const originals = ["20170630-3_6C_9per_5C.sdu", "Iris_000100.sdu"].map((name) => sample("arbin", name));
    expectImportSurvivesDamage(arbinTarget, originals);
  });
});
