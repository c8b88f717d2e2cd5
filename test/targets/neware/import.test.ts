import { describe, expect, it } from "vitest";
import type { ConstantCurrentStepIR, CcCvStepIR, LoopIR, NodeIR, RestStepIR } from "../../../src/ir/types.js";
import { newareTarget } from "../../../src/targets/neware/index.js";
import { bundledIr, codesOf, errorsOf, expectImportSurvivesDamage, expectSameAfterRoundTrip, expectValidIr, meaning, OPTIONS, protocolIr, sample } from "../common/helpers.js";

const SAMPLES = ["simple_program", "loops", "register", "simple_charge_limit", "stepinfo"];

function importText(xml: string, file = "test.xml") {
  return newareTarget.import!(new TextEncoder().encode(xml), file);
}

/** A minimal step file around the given steps (Scale 1). */
function stepFile(steps: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<root><config type="Step File" version="17" client_version="BTS Client 8.0.0.478" date="0" Guid="x">
<Head_Info><Scale Value="1"/><Remark Value="t"/>${extra}</Head_Info>
<Whole_Prt><Protect><Main/></Protect><Record><Main><Time Value="1000"/></Main></Record></Whole_Prt>
<Step_Info>${steps}</Step_Info></config></root>`;
}

describe("neware import: the vendor samples", () => {
  it.each(SAMPLES)("%s imports without an error into a valid IR", (name) => {
    const result = newareTarget.import!(sample("neware", name), name);
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expectValidIr(result.ir);
    // Every sample is written with Scale 100 (bmgen), which is said once.
    expect(result.diagnostics.filter((d) => d.code === "BTP6316")).toHaveLength(1);
  });

  it.each(SAMPLES)("%s: import → compile → import gives the same IR", (name) => {
    expectSameAfterRoundTrip(newareTarget, newareTarget.import!(sample("neware", name), name).ir, "again.xml");
  });

  it("reads simple_program with its Scale: currents ÷ 100 mA, 0.1 mV, ms", () => {
    const ir = newareTarget.import!(sample("neware", "simple_program"), "simple_program").ir!;
    const [charge, rest, discharge] = ir.body as [CcCvStepIR, RestStepIR, ConstantCurrentStepIR];
    expect(charge.kind).toBe("ccCv");
    expect(charge.direction).toBe("charge");
    expect(charge.current.si).toBeCloseTo(0.02, 12);
    expect(charge.voltage).toBe(4.2);
    expect(charge.cvEnds).toMatchObject([{ kind: "current", comparator: "<", amperes: 0.002 }]);
    expect(rest.ends).toMatchObject([{ kind: "time", seconds: 5400 }]);
    expect(discharge).toMatchObject({ kind: "constantCurrent", direction: "discharge", ends: [{ kind: "voltage", comparator: "<=", volts: 3 }] });
    expect(ir.limits).toEqual({ voltage: { min: 2.5, max: 4.2 }, current: { max: 0.05 } });
    expect(ir.record).toEqual({ time: 1 });
    expect(charge.span.start.line).toBe(32);
  });

  it("rebuilds the loops sample's Cycle steps as loops of the right count", () => {
    const ir = newareTarget.import!(sample("neware", "loops"), "loops").ir!;
    const kinds = (nodes: NodeIR[]): unknown[] => nodes.map((n) => (n.kind === "loop" ? { loop: n.count, body: kinds(n.body) } : n.kind));
    expect(kinds(ir.body)).toEqual([
      { loop: 5, body: ["rest"] },
      { loop: 2, body: ["rest"] },
      "constantCurrent",
      "constantCurrent",
      "constantCurrent",
      "constantCurrent",
      "constantCurrent",
      "rest",
      "rest",
    ]);
  });

  it("keeps a per-step record rule (register sample)", () => {
    const ir = newareTarget.import!(sample("neware", "register"), "register").ir!;
    expect(ir.record).toEqual({ time: 10, voltage: 0.1, current: 0.035 });
    expect((ir.body[0] as CcCvStepIR).record).toEqual({ time: 1 });
    expect((ir.body[1] as RestStepIR).record).toEqual(ir.record);
  });

  it("reports the advanced conditions it cannot import (stepinfo sample)", () => {
    const result = newareTarget.import!(sample("neware", "stepinfo"), "stepinfo");
    const ignored = result.diagnostics.find((d) => d.code === "BTP6315");
    expect(ignored?.severity).toBe("warning");
    expect(ignored?.message).toMatch(/advanced conditions/);
    expect(ignored?.related?.length).toBe(3);
  });
});

describe("neware import: structure", () => {
  it("reads a 3-pass Cycle step as a loop of 3 (and compiles it back to Cycle_Count 3)", () => {
    const xml = stepFile(`<Step1 Step_ID="1" Step_Type="1"><Limit><Main><Curr Value="1"/><Stop_Volt Value="39000"/></Main></Limit></Step1>
<Step2 Step_ID="2" Step_Type="2"><Limit><Main><Curr Value="1"/><Stop_Volt Value="23000"/></Main></Limit></Step2>
<Step3 Step_ID="3" Step_Type="5"><Limit><Other><Start_Step Value="1"/><Cycle_Count Value="3"/></Other></Limit></Step3>
<Step4 Step_ID="4" Step_Type="6"/>`);
    const result = importText(xml);
    expect(errorsOf(result.diagnostics)).toEqual([]);
    const loop = result.ir!.body[0] as LoopIR;
    expect(loop).toMatchObject({ kind: "loop", count: 3, id: "1" });
    expect(loop.body.map((n) => n.id)).toEqual(["1.1", "1.2"]);
  });

  it("round-trips a checked protocol with nested loops, CC-CV, holds and C-rates", () => {
    const ir = protocolIr(`limits { voltage 2 V .. 4.2 V, current 5 mA }
record every 10 s or 5 mV
repeat 2 {
  charge at 0.5C until 3.9 V then hold until C/20
  rest for 10 min
  repeat 3 {
    discharge at 1 mA until 2.3 V or 2 h
    hold at 2.3 V until 0.01 mA
  }
}`);
    const first = newareTarget.import!(newareTarget.compile(ir, OPTIONS).files[0]!.content, "a.xml");
    expect(errorsOf(first.diagnostics)).toEqual([]);
    const loop = first.ir!.body[0] as LoopIR;
    expect(loop.count).toBe(2);
    expect((loop.body[2] as LoopIR).count).toBe(3);
    const again = newareTarget.import!(newareTarget.compile(first.ir!, OPTIONS).files[0]!.content, "b.xml");
    expect(meaning(again.ir)).toEqual(meaning(first.ir));
    const charge = loop.body[0] as CcCvStepIR;
    expect(charge.current).toMatchObject({ si: 0.000147, text: "0.5C", basis: "c-rate", relative: 0.5 });
  });

  it("reads back titles written as character references (A8: \"25 °C\")", () => {
    const a8 = bundledIr("a08-cycling-5c-10000-cycles.btp");
    const back = newareTarget.import!(newareTarget.compile(a8, OPTIONS).files[0]!.content, "a8.xml");
    expect(back.ir!.title).toBe(a8.title);
    expect(back.ir!.title).toContain("°C");
    const loop = back.ir!.body[1] as LoopIR;
    expect(loop).toMatchObject({ kind: "loop", count: 10000 });
  });

  it("refuses loops that cross, go forward, or point at themselves", () => {
    const rest = (id: number) => `<Step${id} Step_ID="${id}" Step_Type="4"><Limit><Main><Time Value="1000"/></Main></Limit></Step${id}>`;
    const cycle = (id: number, start: number) =>
      `<Step${id} Step_ID="${id}" Step_Type="5"><Limit><Other><Start_Step Value="${start}"/><Cycle_Count Value="2"/></Other></Limit></Step${id}>`;
    const crossing = importText(stepFile(`${rest(1)}${rest(2)}${cycle(3, 2)}${cycle(4, 1)}${rest(5)}${cycle(6, 2)}<Step7 Step_ID="7" Step_Type="6"/>`));
    expect(codesOf(errorsOf(crossing.diagnostics))).toEqual(["BTP6317"]);
    expect(crossing.ir).toBeNull();
    const forward = importText(stepFile(`${rest(1)}${cycle(2, 3)}${rest(3)}<Step4 Step_ID="4" Step_Type="6"/>`));
    expect(codesOf(errorsOf(forward.diagnostics))).toEqual(["BTP6317"]);
    const zero = importText(stepFile(`${rest(1)}<Step2 Step_ID="2" Step_Type="5"><Limit><Other><Start_Step Value="1"/><Cycle_Count Value="0"/></Other></Limit></Step2>`));
    expect(codesOf(errorsOf(zero.diagnostics))).toEqual(["BTP6318"]);
  });

  it("refuses step types it cannot represent, naming them", () => {
    const result = importText(stepFile(`<Step1 Step_ID="1" Step_Type="9"><Limit><Main><Time Value="1000"/></Main></Limit></Step1>`));
    expect(result.ir).toBeNull();
    expect(result.diagnostics.find((d) => d.code === "BTP6314")?.message).toMatch(/type 9 \(CP_Chg/);
  });

  it("reports values that are not numbers, at their step", () => {
    const result = importText(stepFile(`<Step1 Step_ID="1" Step_Type="4"><Limit><Main><Time Value="1,5"/></Main></Limit></Step1>`));
    const bad = result.diagnostics.find((d) => d.code === "BTP6318");
    expect(bad?.message).toMatch(/Time has the value "1,5"/);
    expect(bad?.span.start.line).toBe(5);
  });

  it("skips fields that are not selected (Is_Select=\"0\", as BTS 7 writes)", () => {
    const result = importText(stepFile(`<Step1 Step_ID="1" Step_Type="4"><Limit><Main><Time Value="1000"/><Cap Is_Select="0" Value="5"/></Main></Limit></Step1><Step2 Step_ID="2" Step_Type="6"/>`));
    expect(result.diagnostics).toEqual([]);
    expect((result.ir!.body[0] as RestStepIR).ends).toHaveLength(1);
  });

  it("reports unknown elements by name instead of guessing", () => {
    const result = importText(stepFile(`<Step1 Step_ID="1" Step_Type="4"><Limit><Main><Time Value="1000"/><DV Value="5"/></Main></Limit></Step1><Step2 Step_ID="2" Step_Type="6"/>`));
    expect(result.diagnostics.find((d) => d.code === "BTP6315")?.message).toMatch(/<DV>/);
    expect(errorsOf(result.diagnostics)).toEqual([]);
  });

  it("reads a GB2312 file with Chinese text, and UTF-8 written under a GB2312 declaration", () => {
    const gbk = new Uint8Array([
      ...new TextEncoder().encode('<?xml version="1.0" encoding="GB2312"?>\r\n<root><config type="Step File"><Head_Info><Remark Value="'),
      0xb2, 0xe2, 0xca, 0xd4, // 测试 in GB2312
      ...new TextEncoder().encode('"/></Head_Info><Step_Info Num="1"><Step1 Step_ID="1" Step_Type="6"/></Step_Info></config></root>'),
    ]);
    expect(newareTarget.import!(gbk, "gb.xml").ir?.title).toBe("测试");
    const utf8 = new TextEncoder().encode('<?xml version="1.0" encoding="GB2312"?><root><config type="Step File"><Head_Info><Remark Value="测试"/></Head_Info><Step_Info Num="1"><Step1 Step_ID="1" Step_Type="6"/></Step_Info></config></root>');
    expect(newareTarget.import!(utf8, "utf8.xml").ir?.title).toBe("测试");
  });
});

describe("neware import: hostile and broken files", () => {
  it("refuses entity expansion before parsing (billion laughs)", () => {
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join("");
    const xml = `<?xml version="1.0"?><!DOCTYPE root [<!ENTITY l0 "lol">${entities}]><root><config type="Step File"><Head_Info><Remark Value="&l10;"/></Head_Info></config></root>`;
    const started = performance.now();
    const result = importText(xml);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.ir).toBeNull();
    expect(codesOf(result.diagnostics)).toEqual(["BTP6311"]);
  });

  it("reports a truncated file as not well-formed, with a position", () => {
    const whole = new TextDecoder().decode(sample("neware", "simple_program"));
    const result = importText(whole.slice(0, Math.floor(whole.length / 2)));
    expect(result.ir).toBeNull();
    expect(codesOf(result.diagnostics)).toEqual(["BTP6310"]);
    expect(result.diagnostics[0]!.message).toMatch(/not well-formed/);
  });

  it("refuses a million steps quickly", () => {
    const steps = '<Step1 Step_ID="1" Step_Type="4"/>'.repeat(1_000_000);
    const started = performance.now();
    const result = importText(stepFile(steps));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(codesOf(result.diagnostics)).toEqual(["BTP6312"]);
  });

  it("refuses more steps or elements than any BTS file has, without building them", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `<Step${i + 1} Step_ID="${i + 1}" Step_Type="4"/>`).join("");
    const steps = importText(stepFile(many));
    expect(codesOf(steps.diagnostics)).toEqual(["BTP6312"]);
    expect(steps.diagnostics[0]!.message).toMatch(/20000 steps/);
    const elements = importText(`<root>${"<a/>".repeat(200_000)}</root>`);
    expect(codesOf(elements.diagnostics)).toEqual(["BTP6312"]);
  });

  it("refuses deep nesting and text full of angle brackets quickly", () => {
    const deep = importText(`<root>${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}</root>`);
    expect(codesOf(deep.diagnostics)).toEqual(["BTP6312"]);
    const started = performance.now();
    const brackets = importText(`${"<".repeat(2_000_000)}>`);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(brackets.ir).toBeNull();
  });

  it("reports empty files, binary data and other XML without crashing", () => {
    expect(codesOf(newareTarget.import!(new Uint8Array(), "empty.xml").diagnostics)).toEqual(["BTP6310"]);
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(newareTarget.import!(binary, "data.ndax").ir).toBeNull();
    expect(codesOf(importText("<html><body>hi</body></html>").diagnostics)).toEqual(["BTP6310"]);
    expect(codesOf(importText('<root><config type="Step File"/></root>').diagnostics)).toEqual(["BTP6310"]);
  });

  it("never throws on damaged copies of the samples (cut, flipped and spliced bytes)", () => {
    const originals = ["simple_program", "loops", "stepinfo"].map((name) => sample("neware", name));
    expectImportSurvivesDamage(newareTarget, originals);
  });
});
