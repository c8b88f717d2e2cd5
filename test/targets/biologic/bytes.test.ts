// Byte-level conventions of the .mps writer, checked against the real files EC-Lab and BT-Lab
// wrote (vendor-samples/biologic): encoding, line ends, decimal point, the 20-column layout, row
// names and their order.

import { describe, expect, it } from "vitest";
import { biologicTarget } from "../../../src/targets/biologic/index.js";
import { MODULO_BAT_ROWS } from "../../../src/targets/biologic/write/modulo-bat.js";
import { irOf, OPTIONS } from "../common/helpers.js";
import { cp1252, sampleBytes, sampleNames, techniqueRows } from "./helpers.js";

const CELL = 'use cell "cells/na-cge-nvp.btp"\n';
const compiled = (source: string): Uint8Array => {
  const result = biologicTarget.compile(irOf(source), OPTIONS);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.files[0]!.content;
};
const EVERYTHING = compiled(
  `${CELL}limits { voltage 2.0 V .. 4.2 V }\nrecord every 10 s\nocv for 1 h\ncharge at 50 uA until 3.9 V then hold until 5 uA\ndischarge at C/10 until 2.3 V\n` +
    `eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade\neis from 100 kHz to 1 Hz, amplitude 20 uA, 6 points per decade\n` +
    `sweep from ocv to 4.1 V at 0.1 mV/s\ncv between 2.0 V and 4.0 V at 0.5 mV/s, 2 cycles, start at ocv\nrepeat 3 { rest for 1 min\n ocv for 1 min }`,
);
const REAL = sampleNames(".mps").map((name) => ({ name, bytes: sampleBytes(name) }));

/** Parameter rows of a technique block of an EC-Lab text export (.mpt) or log (.mpl): the rows
 * between "Cycle Definition" and the next blank line. */
function echoedRows(name: string): string[] {
  const lines = cp1252(sampleBytes(name)).split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith("Cycle Definition"));
  const rows: string[] = [];
  for (let i = start + 1; i < lines.length && lines[i]!.trim() !== ""; i++) rows.push(lines[i]!.slice(0, 20).trim());
  return rows;
}

/** The parameter rows of every technique block (not the heading and name lines). */
function rowLines(bytes: Uint8Array): string[] {
  const lines = cp1252(bytes).split("\r\n");
  return lines.filter((line, i) => i > 1 && line.trim() !== "" && lines.slice(0, i).some((l) => l.startsWith("Technique : ")) && !line.startsWith("Technique : ") && !lines[i - 1]!.startsWith("Technique : "));
}

describe("biologic bytes: what EC-Lab reads", () => {
  it("ends every line with CRLF, as the real settings files do", () => {
    for (const bytes of [EVERYTHING, ...REAL.map((r) => r.bytes)]) {
      const text = Buffer.from(bytes).toString("latin1");
      expect(text.endsWith("\r\n")).toBe(true);
      expect(text.match(/(?<!\r)\n/g)).toBeNull();
      expect(text.match(/\r(?!\n)/g)).toBeNull();
    }
  });

  it("is cp1252: µ is byte 0xB5 in current-range labels (as in the CC7 file), value units spell micro u", () => {
    const bytes = Buffer.from(EVERYTHING);
    const cc7 = Buffer.from(REAL.find((r) => r.name.includes("CC7"))!.bytes);
    expect(cc7.includes(Buffer.from([0xb5, 0x41]))).toBe(true); // "µA" in the real file
    const rangeLine = rowLines(EVERYTHING).find((l) => l.startsWith("I Range "))!;
    expect(rangeLine).toContain("100 µA");
    const rangeBytes = Buffer.from(rangeLine, "latin1");
    expect(rangeBytes.includes(Buffer.from([0xb5, 0x41]))).toBe(true);
    expect(bytes.includes(Buffer.from([0xc2, 0xb5]))).toBe(false); // no UTF-8 µ anywhere
    const unitLines = rowLines(EVERYTHING).filter((l) => /unit/.test(l.slice(0, 20)));
    expect(unitLines.join("\n")).toContain("uA");
    expect(unitLines.join("\n")).not.toContain("µ");
    // Every byte above 0x7F is a cp1252 character EC-Lab itself writes: µ, ², °.
    const high = [...new Set([...bytes].filter((b) => b > 0x7f))];
    expect(high.filter((b) => ![0xb0, 0xb2, 0xb5].includes(b))).toEqual([]);
    expect(high).toContain(0xb5);
  });

  it("writes the surface area's ² as byte 0xB2, the way the real files do", () => {
    const ours = Buffer.from(EVERYTHING).toString("latin1").split("\r\n").find((l) => l.startsWith("Electrode surface area"))!;
    for (const { bytes } of REAL) {
      const theirs = Buffer.from(bytes).toString("latin1").split("\r\n").find((l) => l.startsWith("Electrode surface area"))!;
      expect(theirs.endsWith(" cm\u00b2")).toBe(true);
    }
    expect(ours).toBe("Electrode surface area : 1.131 cm\u00b2");
  });

  it("uses a decimal point, never a comma, in every value cell", () => {
    for (const line of rowLines(EVERYTHING)) expect(line.slice(20)).not.toMatch(/\d,\d/);
  });

  it("lays every parameter row out in 20-character columns, trailing spaces kept, like the real files", () => {
    for (const bytes of [EVERYTHING, ...REAL.map((r) => r.bytes)]) {
      for (const line of rowLines(bytes)) {
        expect(line.length % 20).toBe(0);
        expect(line.slice(0, 20).trimEnd().length).toBeLessThan(20);
      }
    }
  });

  it("starts like an EC-Lab file and heads each technique the way the real files do", () => {
    const text = cp1252(EVERYTHING);
    expect(text.startsWith("EC-LAB SETTING FILE\r\n\r\nNumber of linked techniques : 9\r\n\r\n")).toBe(true);
    for (const { bytes } of REAL) {
      expect(cp1252(bytes)).toMatch(/^BT-LAB SETTING FILE\r\n\r\nNumber of linked techniques : 1\r\n\r\n/);
      expect(cp1252(bytes)).toMatch(/\r\n\r\nTechnique : 1\r\nModulo Bat\r\nNs {18}0 {19}1/);
    }
    expect(text).toMatch(/\r\n\r\nTechnique : 2\r\nModulo Bat\r\nNs {18}0 {19}1/);
  });
});

describe("biologic bytes: row names and order match what EC-Lab echoes", () => {
  it("Open Circuit Voltage rows are exactly those of a real EC-Lab export (ocv.issue_149.mpt)", () => {
    expect(techniqueRows(cp1252(EVERYTHING), 1).map(([n]) => n)).toEqual(echoedRows("ocv.issue_149.mpt"));
  });

  it("PEIS rows are exactly those of a real EC-Lab export (peis.mpt)", () => {
    expect(techniqueRows(cp1252(EVERYTHING), 3).map(([n]) => n)).toEqual(echoedRows("peis.mpt"));
  });

  it("Modulo Bat rows follow the EC-Lab 11.61 echo, with the BT-Lab files' second and third limit and record slots", () => {
    const echo = echoedRows("commercial_cell_009__1761925606_C13.mpl").filter((n) => n !== "lim1_Qprev_pct");
    const btLab = techniqueRows(cp1252(REAL.find((r) => r.name === "formationV1.mps")!.bytes), 1).map(([n]) => n);
    const ours = techniqueRows(cp1252(EVERYTHING), 2).map(([n]) => n);
    expect(ours).toEqual(MODULO_BAT_ROWS);
    // Every row we write is one EC-Lab or BT-Lab writes.
    for (const name of ours) expect(name === "Ns" || echo.includes(name) || btLab.includes(name), name).toBe(true);
    // The rows the EC-Lab 11.61 echo has are in our file in the same order.
    expect(ours.filter((n) => echo.includes(n))).toEqual(echo);
    // The limit and record rows come in the order BT-Lab writes them.
    const slots = (rows: string[]) => rows.filter((n) => /^(lim|rec)\d_(type|comp|Q|value|value_unit|action|seq)$/.test(n));
    expect(slots(ours)).toEqual(slots(btLab));
  });

  it("the modulo bat export (mb.issue_95.mpt) echoes rows in the same order as ours", () => {
    const echo = echoedRows("mb.issue_95.mpt");
    const ours = [...MODULO_BAT_ROWS];
    expect(ours.filter((n) => echo.includes(n))).toEqual(echo.filter((n) => ours.includes(n)));
    expect(echo.filter((n) => !ours.includes(n))).toEqual([]);
  });
});
