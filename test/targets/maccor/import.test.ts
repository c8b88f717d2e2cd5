import { describe, expect, it } from "vitest";
import type { CcCvStepIR, GroupIR, LoopIR, NodeIR, PauseStepIR } from "../../../src/ir/types.js";
import { maccorTarget } from "../../../src/targets/maccor/index.js";
import { codesOf, errorsOf, expectSameAfterRoundTrip, expectValidIr, OPTIONS, protocolIr, sample } from "../common/helpers.js";

const MACCOR_SAMPLES = [
  "EXP.000",
  "Short_PreDiag_000173.000",
  "diagnosticV5.000",
  "drivingV1.000",
  "goto_end_example.000",
  "name_000000.000",
  "test_mwf_LA4.000",
  "xTESLADIAG_000004_CH69.000",
];

function importText(xml: string, file = "test.000") {
  return maccorTarget.import!(new TextEncoder().encode(xml), file);
}

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<?maccor-application progid="Maccor Procedure File"?>
<MaccorTestProcedure>
  <header><ProcDesc><desc>hand-made</desc></ProcDesc></header>
  <ProcSteps>`;
const TAIL = `  </ProcSteps>
</MaccorTestProcedure>
`;

/** One <TestStep> from its type, mode, value and ends ([type, oper, goto, value]). */
function step(type: string, mode = "", value = "", ends: [string, string, number, string][] = [], extra = ""): string {
  const endXml = ends
    .map(([t, o, g, v]) => `<EndEntry><EndType>${t}</EndType><SpecialType> </SpecialType><Oper>${o.replace(">", "&gt;").replace("<", "&lt;")}</Oper><Step>${String(g).padStart(3, "0")}</Step><Value>${v}</Value></EndEntry>`)
    .join("");
  return `<TestStep><StepType>${type}</StepType><StepMode>${mode}</StepMode><StepValue>${value}</StepValue>${extra}<Ends>${endXml}</Ends><Reports/><Range>A</Range><Option1>N</Option1><Option2>N</Option2><Option3>N</Option3><StepNote></StepNote></TestStep>`;
}

const shape = (nodes: NodeIR[]): unknown[] =>
  nodes.map((n) => (n.kind === "loop" ? { loop: n.count, body: shape(n.body) } : n.kind === "group" ? { section: n.label, body: shape(n.body) } : n.kind));

describe("maccor import: every vendor sample", () => {
  it.each(MACCOR_SAMPLES)("%s imports without an error into a valid IR", (name) => {
    const result = maccorTarget.import!(sample("maccor", name), name);
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expectValidIr(result.ir);
  });

  it.each(MACCOR_SAMPLES)("%s: import → compile → import gives the same IR", (name) => {
    expectSameAfterRoundTrip(maccorTarget, maccorTarget.import!(sample("maccor", name), name).ir, "again.000");
  });
});

describe("maccor import: what the samples hold", () => {
  it("rebuilds EXP.000's Do 2 / Do 1 nesting as loops of 20 and 30 passes", () => {
    const ir = maccorTarget.import!(sample("maccor", "EXP.000"), "EXP.000").ir!;
    expect(shape(ir.body)).toEqual([
      "rest",
      "constantCurrent",
      "rest",
      {
        loop: 20,
        body: [{ loop: 30, body: ["ccCv", "constantCurrent", "rest"] }, "ccCv", "rest", "pause", "constantVoltage", "pause", "constantVoltage", "pause", "constantVoltage", "pause", "constantVoltage", "constantCurrent", "rest"],
      },
    ]);
  });

  it("folds the safety ends repeated in every step back into limits", () => {
    const ir = maccorTarget.import!(sample("maccor", "EXP.000"), "EXP.000").ir!;
    expect(ir.limits).toEqual({ voltage: { min: 2.9, max: 4.25 } });
    const cccv = ((ir.body[3] as LoopIR).body[0] as LoopIR).body[0] as CcCvStepIR;
    expect(cccv.limits).toEqual({ voltage: { min: 2.9, max: 4.25 } });
    expect(cccv.cvEnds).toHaveLength(1);
  });

  it("keeps C-rates as C-rates and says the capacity is missing (EXP.000)", () => {
    const result = maccorTarget.import!(sample("maccor", "EXP.000"), "EXP.000");
    const cccv = ((result.ir!.body[3] as LoopIR).body[0] as LoopIR).body[0] as CcCvStepIR;
    expect(cccv.current).toMatchObject({ basis: "c-rate", relative: 2, text: "2C", si: 0 });
    expect(cccv.cvEnds[0]).toMatchObject({ kind: "current", comparator: "<=", resolved: { basis: "c-rate", relative: 0.5 } });
    expect(codesOf(result.diagnostics)).toContain("BTP6520");
  });

  it("names the function-controlled steps it cannot express (EXP.000 Chg Func)", () => {
    const result = maccorTarget.import!(sample("maccor", "EXP.000"), "EXP.000");
    const unsupported = result.diagnostics.filter((d) => d.code === "BTP6515");
    expect(unsupported).toHaveLength(4);
    expect(unsupported[0]!.message).toContain('step 12 (Chg Func "0|4*CRATE*(STIME/3600)")');
    expect(unsupported[0]!.severity).toBe("warning");
  });

  it("names the FastWave step it cannot express and keeps its place as an operator pause", () => {
    const result = maccorTarget.import!(sample("maccor", "test_mwf_LA4.000"), "test_mwf_LA4.000");
    const warning = result.diagnostics.find((d) => d.code === "BTP6515");
    expect(warning?.message).toContain('step 7 (FastWave "LA4_8rep")');
    expect(warning?.span.start.line).toBe(248);
    const loop = result.ir!.body.find((n) => n.kind === "loop") as LoopIR;
    expect(shape(loop.body)).toEqual(["ccCv", "rest", "pause"]);
    expect((loop.body[2] as PauseStepIR).message).toContain("FastWave");
  });

  it("reads diagnosticV5.000: sections from Do notes, HPPC loops, Voltage-mode CC-CV with a current clamp", () => {
    const result = maccorTarget.import!(sample("maccor", "diagnosticV5.000"), "diagnosticV5.000");
    const ir = result.ir!;
    expect(ir.limits).toEqual({ voltage: { min: 2, max: 4.4 } });
    const sections = ir.body.filter((n): n is GroupIR => n.kind === "group").map((g) => g.label);
    expect(sections).toEqual(["regular cycles (first 30)", "begin main loop (after first 30 cycles)", "These are the 2 reset cycles", "Perform HPPC until condition reached"]);
    const clamp = ir.body[6] as CcCvStepIR;
    expect(clamp).toMatchObject({ kind: "ccCv", direction: "discharge", voltage: 2.7, current: { si: 0.333 } });
    // The HPPC pulses leave the loop early on 2.7 V: reported, imported as ordinary ends.
    expect(result.diagnostics.filter((d) => d.code === "BTP6516").length).toBeGreaterThan(0);
    expect(result.diagnostics.find((d) => d.code === "BTP6521")?.message).toContain("17 AdvCycle");
  });

  it("imports the empty procedure as an empty protocol with a warning", () => {
    const result = maccorTarget.import!(sample("maccor", "name_000000.000"), "name_000000.000");
    expect(result.ir!.body).toEqual([]);
    expect(result.diagnostics).toMatchObject([{ code: "BTP6514", severity: "warning" }]);
  });

  it("reports the jump over a step in goto_end_example.000", () => {
    const result = maccorTarget.import!(sample("maccor", "goto_end_example.000"), "goto_end_example.000");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP6516"]);
    expect(result.diagnostics[0]!.message).toContain("jumps to step 3 (End)");
  });
});

describe("maccor import: structure", () => {
  it("reads Loop Cnt 3 as three passes", () => {
    const ir = importText(HEAD + step("Do 1") + step("Rest", "", "", [["StepTime", "=", 3, "00:01:00"]]) + step("Loop 1", "", "", [["Loop Cnt", "=", 4, "3"]]) + step("End") + TAIL).ir!;
    expect(ir.body).toMatchObject([{ kind: "loop", count: 3, body: [{ kind: "rest", ends: [{ kind: "time", seconds: 60 }] }] }]);
  });

  it("compiled CC-CV steps that had to be split come back as one CC-CV step", () => {
    const ir = protocolIr("charge at 1 mA for 5 h or until 3.9 V then hold for 1 h or until 0.1 mA");
    const back = maccorTarget.import!(maccorTarget.compile(ir, OPTIONS).files[0]!.content, "x.000").ir!;
    expect(back.body).toMatchObject([
      { kind: "ccCv", voltage: 3.9, current: { si: 0.001 }, ccEnds: [{ kind: "time", seconds: 18000 }], cvEnds: [{ kind: "time", seconds: 3600 }, { kind: "current", amperes: 0.0001 }] },
    ]);
  });

  it("a protocol compiled and imported keeps its loops, currents, limits and record", () => {
    const ir = protocolIr("limits { voltage 2 V .. 4.2 V }\nrecord every 10 s\nrepeat 2 {\n  rest for 1 min\n  repeat 3 {\n    charge at 1 mA until 3.9 V\n    discharge at 2 mA until 2.3 V\n  }\n}", { title: "round trip" });
    const back = maccorTarget.import!(maccorTarget.compile(ir, OPTIONS).files[0]!.content, "x.000");
    expect(errorsOf(back.diagnostics)).toEqual([]);
    expect(back.ir!.title).toBe("round trip");
    expect(back.ir!.limits).toEqual({ voltage: { min: 2, max: 4.2 } });
    expect(back.ir!.record).toEqual({ time: 10 });
    expect(shape(back.ir!.body)).toEqual([{ loop: 2, body: ["rest", { loop: 3, body: ["constantCurrent", "constantCurrent"] }] }]);
    expect(back.ir!.body[0]).toMatchObject({ body: [{}, { body: [{ current: { si: 0.001 } }, { direction: "discharge", current: { si: 0.002 } }] }] });
  });

  it("refuses a Loop that does not close the open Do", () => {
    const result = importText(HEAD + step("Do 1") + step("Rest", "", "", [["StepTime", "=", 3, "00:01:00"]]) + step("Loop 2", "", "", [["Loop Cnt", "=", 4, "3"]]) + step("End") + TAIL);
    expect(result.ir).toBeNull();
    expect(codesOf(result.diagnostics)).toEqual(["BTP6517"]);
    expect(result.diagnostics[0]!.message).toContain("does not close a Do 2");
  });

  it("refuses a Do without its Loop, and a loop without a whole count", () => {
    expect(codesOf(importText(HEAD + step("Do 1") + step("Rest", "", "", [["StepTime", "=", 3, "00:01:00"]]) + step("End") + TAIL).diagnostics)).toEqual(["BTP6517"]);
    expect(codesOf(importText(HEAD + step("Do 1") + step("Loop 1", "", "", [["Loop Cnt", "=", 3, "2.5"]]) + step("End") + TAIL).diagnostics)).toEqual(["BTP6518"]);
  });

  it("refuses values that are not numbers, with the step's span", () => {
    const result = importText(HEAD + step("Charge", "Current", "lots") + step("End") + TAIL);
    expect(result.ir).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({ code: "BTP6518", severity: "error" });
    expect(result.diagnostics[0]!.span.start.line).toBe(5);
  });

  it("reports fields and end types it does not know instead of guessing", () => {
    const result = importText(HEAD + step("Rest", "", "", [["Themocpl", ">=", 2, "1/50.0"], ["StepTime", "=", 2, "00:00:10"]], "<Option4>x</Option4>") + step("End") + TAIL);
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(codesOf(result.diagnostics)).toEqual(["BTP6519"]);
    expect(result.diagnostics.map((d) => d.message).join("\n")).toMatch(/Option4[\s\S]*Themocpl/);
    expect(result.ir!.body).toMatchObject([{ kind: "rest", ends: [{ kind: "time", seconds: 10 }] }]);
  });

  it("reports steps after End, which only jumps could reach", () => {
    const result = importText(HEAD + step("Rest", "", "", [["StepTime", "=", 2, "00:00:10"]]) + step("End") + step("Rest", "", "", [["StepTime", "=", 4, "00:00:10"]]) + TAIL);
    expect(codesOf(result.diagnostics)).toEqual(["BTP6523"]);
    expect(result.ir!.body).toHaveLength(1);
  });
});

describe("maccor import: bad and hostile files", () => {
  it("refuses an entity-expansion attack without expanding anything", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><MaccorTestProcedure>&lol2;</MaccorTestProcedure>`;
    const result = importText(bomb);
    expect(result.ir).toBeNull();
    expect(codesOf(result.diagnostics)).toEqual(["BTP6511"]);
  });

  it("refuses an undefined entity and a truncated file", () => {
    expect(codesOf(importText(HEAD + step("Rest", "", "&foo;") + TAIL).diagnostics)).toEqual(["BTP6510"]);
    const full = new TextDecoder().decode(sample("maccor", "EXP.000"));
    const truncated = importText(full.slice(0, Math.floor(full.length / 2)));
    expect(truncated.ir).toBeNull();
    expect(codesOf(truncated.diagnostics)).toEqual(["BTP6510"]);
    expect(truncated.diagnostics[0]!.message).toContain("truncated");
  });

  it("refuses binary data (a Maccor data file) and wrongly encoded text", () => {
    expect(codesOf(maccorTarget.import!(Uint8Array.from([0, 1, 2, 0xff, 0xfe, 0x80]), "data.001").diagnostics)).toEqual(["BTP6513"]);
    expect(codesOf(maccorTarget.import!(Uint8Array.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]), "latin1.000").diagnostics)).toEqual(["BTP6513"]);
    expect(codesOf(maccorTarget.import!(new Uint8Array(), "empty.000").diagnostics)).toEqual(["BTP6510"]);
  });

  it("refuses other XML and files far too large or deep, quickly", () => {
    expect(codesOf(importText("<root/>").diagnostics)).toEqual(["BTP6510"]);
    expect(codesOf(maccorTarget.import!(new Uint8Array(17 * 1024 * 1024), "huge.000").diagnostics)).toEqual(["BTP6512"]);
    const deep = "<MaccorTestProcedure>" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</MaccorTestProcedure>";
    const started = Date.now();
    expect(codesOf(importText(deep).diagnostics)).toEqual(["BTP6512"]);
    const many = HEAD + step("Rest", "", "", [["StepTime", "=", 2, "00:00:10"]]).repeat(1200) + TAIL;
    expect(codesOf(importText(many).diagnostics)).toEqual(["BTP6512"]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("refuses loops nested beyond any real procedure", () => {
    const nested = HEAD + Array.from({ length: 20 }, (_, i) => step(`Do ${i + 1}`)).join("") + TAIL;
    expect(codesOf(importText(nested).diagnostics)).toEqual(["BTP6517"]);
  });
});
