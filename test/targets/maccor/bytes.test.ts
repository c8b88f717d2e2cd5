// Byte-level conventions asserted against the real samples: the writer, given what the reader
// found in a real procedure, reproduces the file byte for byte (padding, indentation, escaping,
// self-closing elements, line endings); compiled procedures share those conventions.

import { describe, expect, it } from "vitest";
import { maccorTarget } from "../../../src/targets/maccor/index.js";
import { readMaccorProcedure } from "../../../src/targets/maccor/read.js";
import { writeMaccorProcedure } from "../../../src/targets/maccor/write.js";
import { bundledIr, OPTIONS, protocolIr, sample, text } from "../common/helpers.js";

/** Every sample except goto_end_example.000, whose second step is indented by 5 spaces instead
 * of 4 (a hand edit): the writer's layout is the one the other seven share. */
const REWRITABLE = [
  "EXP.000",
  "Short_PreDiag_000173.000",
  "diagnosticV5.000",
  "drivingV1.000",
  "name_000000.000",
  "test_mwf_LA4.000",
  "xTESLADIAG_000004_CH69.000",
];

describe("maccor bytes: the writer reproduces the real samples", () => {
  it.each(REWRITABLE)("%s is rewritten byte for byte", (name) => {
    const bytes = sample("maccor", name);
    const read = readMaccorProcedure(bytes, name);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const original = text(bytes);
    const lineEnding = original.includes("\r\n") ? "\r\n" : "\n";
    expect(writeMaccorProcedure(read.procedure, { lineEnding })).toBe(original);
  });

  it("knows which samples use CRLF and which LF", () => {
    expect(text(sample("maccor", "diagnosticV5.000")).split("\n").every((line, i, all) => i === all.length - 1 || line.endsWith("\r"))).toBe(true);
    expect(text(sample("maccor", "EXP.000")).includes("\r")).toBe(false);
  });

  it("the odd sample differs only in that one indentation", () => {
    const bytes = sample("maccor", "goto_end_example.000");
    const read = readMaccorProcedure(bytes, "goto_end_example.000");
    if (!read.ok) throw new Error("not read");
    expect(writeMaccorProcedure(read.procedure, { lineEnding: "\n" })).toBe(text(bytes).replace("     <TestStep>", "    <TestStep>"));
  });
});

describe("maccor bytes: compiled procedures", () => {
  const compiled = maccorTarget.compile(bundledIr("a08-cycling-5c-10000-cycles"), OPTIONS);
  const file = compiled.files[0]!;
  const content = text(file.content);

  it("are ASCII with CRLF line ends and the XML declaration and Maccor instruction first", () => {
    expect([...file.content].every((byte) => byte < 0x80)).toBe(true);
    expect(content.split("\n").slice(0, -1).every((line) => line.endsWith("\r"))).toBe(true);
    expect(content.endsWith("</MaccorTestProcedure>\r\n")).toBe(true);
    expect(content.startsWith('<?xml version="1.0" encoding="UTF-8"?>\r\n<?maccor-application progid="Maccor Procedure File"?>\r\n<MaccorTestProcedure>\r\n')).toBe(true);
    expect(file.path).toBe("test.000");
  });

  it("pad every fixed-width field to 8 characters and every jump to 3 digits", () => {
    for (const tag of ["StepType", "StepMode", "EndType", "ReportType"]) {
      for (const match of content.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, "g"))) expect(match[1]!.length, `${tag} ${match[1]}`).toBe(8);
    }
    for (const match of content.matchAll(/<Step>([^<]*)<\/Step>/g)) expect(match[1]).toMatch(/^\d{3}$/);
    for (const match of content.matchAll(/<Oper>([^<]*)<\/Oper>/g)) expect([" = ", "&gt;= ", "&lt;= "]).toContain(match[1]);
    for (const match of content.matchAll(/<SpecialType>([^<]*)<\/SpecialType>/g)) expect(match[1]).toBe(" ");
  });

  it("write numbers with a decimal point, as the instrument files do", () => {
    for (const match of content.matchAll(/<Value>([^<]*)<\/Value>/g)) expect(match[1]).toMatch(/^(\d+\.\d+(E-?\d+)?|\d+|\d{2,}:\d{2}:\d{2}(\.\d+)?)$/);
  });

  it("write characters beyond ASCII as character references, which read back unchanged", () => {
    const ir = protocolIr('rest for 1 h, label "Ω check at 25 °C 恒流"');
    const out = maccorTarget.compile(ir, OPTIONS);
    const written = text(out.files[0]!.content);
    expect(written).toContain("<StepNote>&#x3A9; check at 25 &#xB0;C &#x6052;&#x6D41;</StepNote>");
    const back = maccorTarget.import!(out.files[0]!.content, "t.000");
    expect(back.ir!.body[0]).toMatchObject({ kind: "rest", label: "Ω check at 25 °C 恒流" });
  });

  it("escape markup in notes so that a label cannot break the XML", () => {
    const ir = protocolIr('rest for 1 h, label "</StepNote><x>&"');
    const out = maccorTarget.compile(ir, OPTIONS);
    expect(text(out.files[0]!.content)).toContain("<StepNote>&lt;/StepNote&gt;&lt;x&gt;&amp;</StepNote>");
    expect(maccorTarget.import!(out.files[0]!.content, "t.000").ir!.body[0]).toMatchObject({ label: "</StepNote><x>&" });
  });
});
