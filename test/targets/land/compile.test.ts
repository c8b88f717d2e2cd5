import { describe, expect, it } from "vitest";
import type { ProtocolIR } from "../../../src/ir/types.js";
import { compileForTarget } from "../../../src/targets/common/compile.js";
import { cycleCountField, currentText, timeText } from "../../../src/targets/land/conventions.js";
import { field } from "../../../src/targets/land/csv.js";
import { landTarget } from "../../../src/targets/land/index.js";
import { buildLandSheet, type LandRow } from "../../../src/targets/land/sheet.js";
import { bundledIr, codesOf, errorsOf, expectGolden, OPTIONS, protocolIr, text } from "../common/helpers.js";

const HERE = import.meta.dirname;

function rows(ir: ProtocolIR): LandRow[] {
  const sheet = buildLandSheet(ir);
  expect(errorsOf(sheet.diagnostics)).toEqual([]);
  return sheet.rows;
}

const numbered = (list: LandRow[]) => list.filter((r) => r.kind === "step").map((r) => `${r.number} ${r.mode!.zh}`);

describe("land sheet: loops", () => {
  it("a 3-pass loop becomes a 循环 row after its body: go to step 1, 3 times (total passes)", () => {
    const list = rows(protocolIr("repeat 3 {\n  charge at 1 mA until 3.9 V\n  discharge at 1 mA until 2.3 V\n}"));
    expect(numbered(list)).toEqual(["1 恒流充电", "2 恒流放电", "3 循环", "4 结束"]);
    const cycle = list.find((r) => r.mode?.zh === "循环")!;
    expect(cycle.setpoint).toBe("跳转到第 1 步 / go to step 1");
    expect(cycle.cutoffs).toEqual(["循环 3 次 / 3 times"]);
    expect(cycle.notes[0]).toContain("steps 1–2 run 3 times in all");
    expect(cycleCountField(3)).toBe(3);
  });

  it("nested loops jump back to the first step of their own body", () => {
    const list = rows(protocolIr("repeat 2 {\n  rest for 1 min\n  repeat 5 {\n    charge at 1 mA for 1 min\n  }\n}"));
    expect(numbered(list)).toEqual(["1 静置", "2 恒流充电", "3 循环", "4 循环", "5 结束"]);
    expect(list.filter((r) => r.mode?.zh === "循环").map((r) => [r.setpoint, r.cutoffs[0]])).toEqual([
      ["跳转到第 2 步 / go to step 2", "循环 5 次 / 5 times"],
      ["跳转到第 1 步 / go to step 1", "循环 2 次 / 2 times"],
    ]);
  });

  it("refuses a loop of no passes", () => {
    const ir = protocolIr("repeat 2 {\n  rest for 1 s\n}");
    (ir.body[0] as { count: number }).count = 0;
    expect(codesOf(errorsOf(landTarget.compile(ir, OPTIONS).diagnostics))).toEqual(["BTP6001"]);
  });

  it("keeps A8's 10,000 cycles as one 循环 row, in files far below 50 KB", () => {
    const result = compileForTarget(landTarget, bundledIr("a08-cycling-5c-10000-cycles"), OPTIONS);
    expect(errorsOf(result.diagnostics)).toEqual([]);
    for (const file of result.files) expect(file.content.length).toBeLessThan(50_000);
    expect(text(result.files[1]!.content)).toContain("循环 10000 次 / 10000 times");
  });
});

describe("land sheet: steps and units", () => {
  it("writes currents in the editor's units: µA below 1 mA, mA above, with the C-rate beside", () => {
    const list = rows(protocolIr("charge at 0.5C until 3.9 V\ndischarge at 5C until 2.3 V\ncharge at 2 mA for 1 h"));
    expect(list.slice(0, 3).map((r) => r.setpoint)).toEqual(["147 µA (0.5C)", "1.47 mA (5C)", "2 mA"]);
    expect(list[2]!.cutoffs).toEqual(["时间 Time 01:00:00"]);
    expect(currentText(0.00002)).toBe("20 µA");
    expect(timeText(1.5)).toBe("00:00:01.5");
  });

  it("writes a CC-CV step as a 恒流充电 row and a 恒压充电 row, and says so", () => {
    const ir = protocolIr("charge at 1 mA until 3.9 V then hold until 0.05 mA");
    const sheet = buildLandSheet(ir);
    expect(numbered(sheet.rows)).toEqual(["1 恒流充电", "2 恒压充电", "3 结束"]);
    expect(sheet.rows[0]!.cutoffs).toEqual(["电压 Voltage ≥ 3.9 V"]);
    expect(sheet.rows[1]).toMatchObject({ setpoint: "3.9 V", cutoffs: ["电流 Current ≤ 50 µA"] });
    expect(sheet.emulations.map((e) => e.construct)).toContain("ccCv");
  });

  it("refuses a guard on the CC part of a CC-CV step, which a LAND CC row could not use to skip the hold", () => {
    const result = landTarget.compile(protocolIr("charge at 1 mA for 5 h or until 3.9 V then hold until 0.05 mA"), OPTIONS);
    expect(codesOf(errorsOf(result.diagnostics))).toEqual(["BTP6601"]);
    expect(result.files).toEqual([]);
  });

  it("turns temperatures and pauses into operator rows, and the settle time into a rest", () => {
    const list = rows(protocolIr('temperature 60 °C, settle 2 h\ncharge at 1 mA for 1 h\npause "Swap the cell"\nrest for 1 min'));
    expect(list.map((r) => r.kind)).toEqual(["operator", "step", "step", "operator", "step", "step"]);
    expect(list[0]!.notes[0]).toBe("设定温箱 Set the oven to 60 °C before starting the test");
    expect(list[1]).toMatchObject({ number: 1, cutoffs: ["时间 Time 02:00:00"] });
    expect(list[3]!.notes[0]).toBe("暂停 Pause the channel before step 3: Swap the cell");
  });

  it("writes record rules and protection on every row", () => {
    const list = rows(protocolIr("limits { voltage 2 V .. 4.2 V, current 5 mA }\nrecord every 10 s or 5 mV\nrest for 1 h"));
    expect(list[0]).toMatchObject({ record: "Δt 00:00:10; ΔV 5 mV", protection: "2 V ≤ U ≤ 4.2 V; |I| ≤ 5 mA" });
  });

  it("refuses impedance with the source span and the plan command that runs it on a CHI potentiostat", () => {
    const result = compileForTarget(landTarget, bundledIr("a01-electrolyte-eis-arrhenius"), OPTIONS);
    const refusal = errorsOf(result.diagnostics)[0]!;
    expect(refusal.code).toBe("BTP6001");
    expect(refusal.message).toContain("--plan --cycler land --potentiostat chi");
    expect(refusal.span.file).toContain("a01-electrolyte-eis-arrhenius.btp");
    expect(refusal.span.start.line).toBe(27);
    expect(result.files).toEqual([]);
    for (const body of ["sweep from 3 V to 4 V at 1 mV/s", "cv between 2 V and 4 V at 1 mV/s, 2 cycles"]) {
      expect(errorsOf(compileForTarget(landTarget, protocolIr(body), OPTIONS).diagnostics)[0]!.message).toContain("--potentiostat chi");
    }
  });
});

describe("land files", () => {
  const result = compileForTarget(landTarget, bundledIr("a03-rate-capability-60c"), { ...OPTIONS, baseName: "a03" });
  const [html, csv] = result.files;

  it("are an HTML page and a CSV with the same rows, never a binary", () => {
    expect(result.files.map((f) => f.path)).toEqual(["a03.land.html", "a03.land.csv"]);
    const page = text(html!.content);
    const sheet = text(csv!.content);
    const stepRows = page.match(/<td class="no">\d+<\/td>/g)!.length;
    expect(sheet.split("\r\n").filter((line) => /^\d+,/.test(line))).toHaveLength(stepRows);
    expect(result.files.every((f) => !f.content.includes(0))).toBe(true);
  });

  it("say in their header that they are keying sheets, not instrument files", () => {
    expect(text(html!.content)).toContain('<div class="notice">LAND keying sheet, NOT an instrument file');
    expect(text(csv!.content).startsWith("\uFEFF\"LAND keying sheet, NOT an instrument file")).toBe(true);
  });

  it("the page is self-contained (no scripts, no external resources) and shows LAND's names in Chinese and English", () => {
    const page = text(html!.content);
    expect(page).not.toMatch(/<script|<link|src=|https?:/i);
    expect(page).toContain('<span class="zh">恒流充电</span> <span class="en">CC charge</span>');
    expect(page).toContain('<meta charset="utf-8">');
  });

  it("the CSV is UTF-8 with a BOM, CRLF, quoted where needed, and safe from spreadsheet formulas", () => {
    expect([...csv!.content.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(csv!.content).split("\n").slice(0, -1).every((line) => line.endsWith("\r"))).toBe(true);
    expect(field('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(field("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(field("-20 °C")).toBe("-20 °C");
  });

  it("escapes labels in the page", () => {
    const out = landTarget.compile(protocolIr('rest for 1 min, label "<script>alert(1)</script>"'), OPTIONS);
    expect(text(out.files[0]!.content)).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("land golden files", () => {
  it.each(["a03-rate-capability-60c", "a08-cycling-5c-10000-cycles", "a16-temperature-shock", "b05-cycling-25degc"])("matches the reviewed golden sheets for %s", (name) => {
    const out = compileForTarget(landTarget, bundledIr(name), { ...OPTIONS, baseName: name });
    expect(errorsOf(out.diagnostics)).toEqual([]);
    for (const file of out.files) expectGolden(HERE, file.path, file.content);
  });
});
