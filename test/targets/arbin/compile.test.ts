import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { arbinTarget } from "../../../src/targets/arbin/index.js";
import { readIni, type IniSection } from "../../../src/targets/arbin/ini.js";
import { LIMIT_KEYS, SCHEDULE_KEYS, STEP_KEYS } from "../../../src/targets/arbin/conventions.js";
import { compileForTarget } from "../../../src/targets/common/compile.js";
import { bundledIr, bundledNames, codesOf, expectCompiledOrRefused, onlyFile, OPTIONS, protocolIr, sample, text } from "../common/helpers.js";

function compile(body: string) {
  return arbinTarget.compile(protocolIr(body), OPTIONS);
}

interface Row {
  label: string;
  type: string;
  ctrl: string;
  ext1: string;
  limits: Array<{ goto: string; step: string; eq: string }>;
}

/** The compiled schedule's steps, read back as plain rows. */
function rowsOf(content: Uint8Array): Row[] {
  const sections = readIni(text(content, "latin1")).sections;
  const byName = new Map(sections.map((s) => [s.name, s]));
  const rows: Row[] = [];
  for (let i = 0; byName.has(`Schedule_Step${i}`); i++) {
    const step = byName.get(`Schedule_Step${i}`)!;
    const limits: Row["limits"] = [];
    for (let j = 0; byName.has(`Schedule_Step${i}_Limit${j}`); j++) {
      const limit = byName.get(`Schedule_Step${i}_Limit${j}`)!.values;
      limits.push({
        goto: limit.get("m_szGotoStep")!,
        step: limit.get("m_bStepLimit")!,
        eq: `${limit.get("Equation0_szLeft")} ${limit.get("Equation0_szCompareSign")} ${limit.get("Equation0_szRight")}`,
      });
    }
    const v = step.values;
    rows.push({ label: v.get("m_szLabel")!, type: v.get("m_szStepCtrlType")!, ctrl: v.get("m_szCtrlValue")!, ext1: v.get("m_szExtCtrlValue1")!, limits });
  }
  return rows;
}

describe("arbin compile: loop count and current sign", () => {
  it("a 3-pass loop: reset TC_Counter1, the body, then advance it and jump back while it is below 3", () => {
    const rows = rowsOf(onlyFile(compile("repeat 3 {\n  charge at 1 mA until 3.9 V\n  discharge at 1 mA until 2.3 V\n}")));
    expect(rows.map((r) => r.type)).toEqual(["Set Variable(s)", "Current(A)", "Current(A)", "Set Variable(s)"]);
    expect(rows[0]!.ctrl).toBe("65536"); // reset TC_Counter1
    const end = rows[3]!;
    expect(end.ctrl).toBe("15"); // innermost loop: reset the cycle's capacities …
    expect(end.ext1).toBe("3"); // … and advance the cycle index (1) and TC_Counter1 (2)
    expect(end.limits).toEqual([
      { goto: rows[1]!.label, step: "1", eq: "TC_Counter1 < 3" },
      { goto: "Next Step", step: "1", eq: "TC_Counter1 = 3" },
    ]);
  });

  it("charges with a positive current and discharges with a negative one, in amperes", () => {
    const rows = rowsOf(onlyFile(compile("charge at 1.5 mA until 3.9 V\ndischarge at 250 uA until 2.3 V")));
    expect(rows[0]!.ctrl).toBe("0.0015");
    expect(rows[0]!.limits[0]!.eq).toBe("PV_CHAN_Voltage >= 3.9");
    expect(rows[1]!.ctrl).toBe("-0.00025");
    expect(rows[1]!.limits[0]!.eq).toBe("PV_CHAN_Voltage <= 2.3");
  });

  it("a discharge CC-CV is signed negative with its taper compared on the signed CV-stage current", () => {
    const rows = rowsOf(onlyFile(compile("discharge at 1 mA until 2.3 V then hold until 0.05 mA or 1 h")));
    expect(rows[0]).toMatchObject({ type: "CCCV", ctrl: "-0.001", ext1: "2.3" });
    expect(rows[0]!.limits.map((l) => l.eq)).toEqual(["PV_CHAN_CV_Stage_Current > -0.00005", "PV_CHAN_CV_StageTime >= 3600"]);
  });

  it("nests loops on TC_Counter1 and TC_Counter2; only the innermost advances the cycle index", () => {
    const rows = rowsOf(onlyFile(compile("repeat 2 {\n  rest for 1 s\n  repeat 5 {\n    charge at 1 mA for 1 s\n  }\n}")));
    expect(rows.map((r) => `${r.type}:${r.ctrl}/${r.ext1}`)).toEqual([
      "Set Variable(s):65536/0",
      "Rest:/",
      "Set Variable(s):131072/0",
      "Current(A):0.001/",
      "Set Variable(s):15/5",
      "Set Variable(s):0/2",
    ]);
    expect(rows[4]!.limits[0]).toMatchObject({ eq: "TC_Counter2 < 5", goto: rows[3]!.label });
    expect(rows[5]!.limits[0]).toMatchObject({ eq: "TC_Counter1 < 2", goto: rows[1]!.label });
  });

  it("refuses a fifth nested loop (four TC counters)", () => {
    const ir = protocolIr("repeat 2 { repeat 2 { repeat 2 { repeat 2 { repeat 2 { rest for 1 s } } } } }");
    const result = compileForTarget(arbinTarget, ir, OPTIONS);
    expect(codesOf(result.diagnostics)).toEqual(["BTP6002"]);
  });
});

describe("arbin compile: checks, stops and emulations", () => {
  it("writes `until` as a check that jumps past the loop, and `stop if` as a check that ends the test", () => {
    const rows = rowsOf(
      onlyFile(compile("repeat 50 until discharge capacity < 0.1 mAh {\n  discharge at 1 mA until 2.3 V\n  stop if end voltage < 2.0 V\n}\nrest for 1 min")),
    );
    expect(rows.map((r) => r.type)).toEqual(["Set Variable(s)", "Current(A)", "Set Variable(s)", "Set Variable(s)", "Set Variable(s)", "Rest"]);
    expect(rows[2]!.limits[0]).toEqual({ goto: "End Test", step: "1", eq: "PV_CHAN_Voltage < 2" });
    expect(rows[3]!.limits[0]).toEqual({ goto: rows[5]!.label, step: "1", eq: "PV_CHAN_Discharge_Capacity < 0.0001" });
  });

  it("refuses conditions that need formulas (a fraction of cycle 1, coulombic efficiency)", () => {
    const result = compile("repeat 50 until discharge capacity < 80 % of cycle 1 {\n  discharge at 1 mA until 2.3 V\n}");
    expect(codesOf(result.diagnostics)).toEqual(["BTP6401"]);
  });

  it("resets the capacities before a step that ends on capacity, and says so", () => {
    const result = compile("charge at 1 mA until 0.1 mAh");
    const rows = rowsOf(onlyFile(result));
    expect(rows.map((r) => `${r.type}:${r.ctrl}`)).toEqual(["Set Variable(s):15", "Current(A):0.001"]);
    expect(rows[1]!.limits[0]!.eq).toBe("PV_CHAN_Charge_Capacity >= 0.0001");
    expect(result.emulations.some((e) => e.construct === "capacityEnd" && /reset/.test(e.message))).toBe(true);
  });

  it("logs with DV_Time/DV_Voltage and writes tighter step limits as limits that go to Unsafe", () => {
    const ir = protocolIr("limits { voltage 2 V .. 4.2 V }\nrecord every 10 s or 5 mV\nrest for 1 h\nsection \"tight\" {\n  limits { voltage 2.5 V .. 4 V }\n  rest for 1 min\n}");
    const rows = rowsOf(onlyFile(arbinTarget.compile(ir, OPTIONS)));
    expect(rows[0]!.limits).toEqual([
      { goto: "Next Step", step: "1", eq: "PV_CHAN_Step_Time >= 3600" },
      { goto: "Next Step", step: "0", eq: "DV_Time > 10" },
      { goto: "Next Step", step: "0", eq: "DV_Voltage > 0.005" },
    ]);
    expect(rows[1]!.limits.filter((l) => l.goto === "Unsafe").map((l) => l.eq)).toEqual(["PV_CHAN_Voltage > 4", "PV_CHAN_Voltage < 2.5"]);
  });

  it("turns a start-of-test temperature into an instruction in the comments and a settle rest; refuses one later", () => {
    const result = compile("temperature 25 °C, settle 2 h\ncharge at 1 mA until 3.9 V");
    const content = text(onlyFile(result), "latin1");
    expect(content).toMatch(/m_szComments=test protocol -- Generated by btp .*operator instruction: set the chamber to 25 °C before starting/);
    expect(rowsOf(result.files[0]!.content)[0]!.limits[0]!.eq).toBe("PV_CHAN_Step_Time >= 7200");
    expect(codesOf(compile("rest for 1 s\ntemperature 40 °C, settle 1 h").diagnostics)).toContain("BTP6403");
  });

  it("keeps labels unique (they are jump targets) and away from the reserved gotos", () => {
    const rows = rowsOf(onlyFile(compile('rest for 1 s, label "Next Step"\nrest for 2 s, label "a"\nrest for 3 s, label "a"')));
    const labels = rows.map((r) => r.label);
    expect(new Set(labels).size).toBe(3);
    expect(labels).not.toContain("Next Step");
  });
});

describe("arbin compile: the file's bytes", () => {
  const result = arbinTarget.compile(bundledIr("a08-cycling-5c-10000-cycles.btp"), { baseName: "a08", btpVersion: "0.0.0-test" });
  const bytes = onlyFile(result);
  const ini = readIni(text(bytes, "latin1"));

  it("is Latin-1 with CRLF line ends only", () => {
    const lf = bytes.filter((b, i) => b === 0x0a && bytes[i - 1] !== 0x0d).length;
    expect(lf).toBe(0);
    expect(bytes.filter((b) => b === 0x0d).length).toBe(ini.lines.length - 1);
    // "25 °C" in the title: ° is the single byte 0xB0 in Latin-1 (UTF-8 would write C2 B0).
    const degree = bytes.indexOf(0xb0);
    expect(degree).toBeGreaterThan(0);
    expect(bytes[degree - 1]).not.toBe(0xc2);
    expect(result.files[0]!.path).toBe("a08.sdu");
  });

  it("writes every key in the order of the real MITS 7 schedule", () => {
    const real = readIni(text(sample("arbin", "20170630-3_6C_9per_5C.sdu"), "latin1"));
    const keys = (s: IniSection | undefined) => s?.entries.map((e) => e.key);
    const byName = (from: typeof ini, name: string) => from.sections.find((s) => s.name === name);
    expect(keys(byName(ini, "Schedule"))).toEqual(keys(byName(real, "Schedule")));
    expect(keys(byName(ini, "Schedule"))).toEqual(SCHEDULE_KEYS.map(([k]) => k));
    expect(keys(byName(ini, "Schedule_Step1"))).toEqual(keys(byName(real, "Schedule_Step1")));
    expect(keys(byName(ini, "Schedule_Step1"))).toEqual([...STEP_KEYS]);
    expect(keys(byName(ini, "Schedule_Step1_Limit0"))).toEqual(keys(byName(real, "Schedule_Step1_Limit0")));
    expect(keys(byName(ini, "Schedule_Step1_Limit0"))).toEqual([...LIMIT_KEYS]);
    const order = (from: typeof ini) => from.sections.map((s) => s.name.replace(/\d+/g, "N")).filter((n, i, all) => all.indexOf(n) === i);
    expect(order(ini)).toEqual(order(real));
  });

  it("keeps A8's 10,000 cycles as one TC-counter loop and stays small", () => {
    const rows = rowsOf(bytes);
    expect(rows.filter((r) => r.limits.some((l) => l.eq === "TC_Counter1 < 10000"))).toHaveLength(1);
    expect(rows.length).toBeLessThan(10);
    expect(bytes.length).toBeLessThan(50 * 1024);
    expect(ini.sections.find((s) => s.name === "Schedule")!.values.get("m_uStepNum")).toBe(String(rows.length));
  });

  it("compiles to the same bytes every time", () => {
    const again = arbinTarget.compile(bundledIr("a08-cycling-5c-10000-cycles.btp"), { baseName: "a08", btpVersion: "0.0.0-test" });
    expect(Buffer.from(again.files[0]!.content).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each(["a08-cycling-5c-10000-cycles", "a03-rate-capability-60c"])("matches the reviewed golden file for %s", (name) => {
    const compiled = arbinTarget.compile(bundledIr(`${name}.btp`), { baseName: name, btpVersion: "0.0.0-test" });
    const golden = readFileSync(path.join(import.meta.dirname, "golden", `${name}.sdu`));
    expect(text(onlyFile(compiled), "latin1")).toBe(text(golden, "latin1"));
  });
});

describe("arbin compile: every bundled protocol", () => {
  it.each(bundledNames())("%s compiles or is refused with a reason, and what compiles imports back", (name) => {
    expectCompiledOrRefused(arbinTarget, name, /^BTP6(00[123]|40\d)$/, ".sdu");
  });
});
