import { describe, expect, it } from "vitest";
import { validateIr } from "../../../src/ir/validate.js";
import type { NodeIR } from "../../../src/ir/types.js";
import { biologicTarget } from "../../../src/targets/biologic/index.js";
import { bundledIr, bundledNames, OPTIONS } from "../common/helpers.js";
import { cp1252, sampleBytes, sampleNames, withoutSpans } from "./helpers.js";

const importBytes = (bytes: Uint8Array, file = "test.mps") => biologicTarget.import!(bytes, file);
const importText = (text: string, file = "test.mps") => importBytes(new Uint8Array(Buffer.from(text.replace(/\r?\n/g, "\r\n"), "latin1")), file);
const codes = (result: { diagnostics: { code: string }[] }) => result.diagnostics.map((d) => d.code);

/** Steps and loops in a line each: what a person checks an import against. */
function outline(nodes: readonly NodeIR[]): unknown[] {
  return nodes.map((n) => {
    if (n.kind === "loop") return { repeat: n.count, body: outline(n.body) };
    if (n.kind === "constantCurrent") return `${n.direction} ${n.current.text} ${n.ends.map(end).join(" or ")}`;
    if (n.kind === "constantVoltage") return `hold ${n.voltage.text} ${n.ends.map(end).join(" or ")}`;
    if (n.kind === "rest") return `rest ${n.ends.map(end).join(" or ")}`;
    return n.kind;
  });
}
function end(e: { kind: string; comparator?: string; seconds?: number; volts?: number; amperes?: number }): string {
  return e.kind === "time" ? `${e.seconds} s` : e.kind === "voltage" ? `${e.comparator} ${e.volts} V` : `${e.comparator} ${e.amperes} A`;
}

describe("biologic import: the real EC-Lab / BT-Lab samples", () => {
  const samples = sampleNames(".mps");

  it("there are .mps samples to read", () => {
    expect(samples.length).toBe(2);
  });

  for (const name of samples) {
    it(`${name} imports without an error into a valid IR`, () => {
      const result = importBytes(sampleBytes(name), name);
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(validateIr(result.ir).errors).toEqual([]);
    });

    it(`${name}: import → compile → import gives the same IR`, () => {
      const first = importBytes(sampleBytes(name), name);
      const compiled = biologicTarget.compile(first.ir!, OPTIONS);
      expect(compiled.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const again = importBytes(compiled.files[0]!.content, name);
      expect(again.diagnostics).toEqual([]);
      expect(withoutSpans(again.ir)).toEqual(withoutSpans(first.ir));
    });
  }

  it("reads formationV1.mps as the formation it is: rests, CC-CV, a 2-pass loop, a final hold", () => {
    const ir = importBytes(sampleBytes("formationV1.mps"), "formationV1.mps").ir!;
    expect(outline(ir.body)).toEqual([
      "rest 3600 s",
      "charge 0.1 A > 3.7 V",
      "hold 3.7 V 3600 s",
      "rest 1800 s",
      "charge 0.2 A > 4 V",
      "hold 4 V 1800 s",
      "rest 1800 s",
      "discharge 0.2 A < 3 V",
      { repeat: 2, body: ["charge 0.5 A > 4.1 V", "discharge 0.5 A < 3.8 V"] },
      "charge 1 A > 4.2 V",
      "discharge 1 A < 3.5 V",
      "hold 3.5 V 300 s",
    ]);
    expect(ir.cell?.nominalCapacity).toBe(720);
    expect(ir.title).toBe("formationV1");
  });

  it("reads the CC7 file's C / N and C x N currents against its battery capacity, µA limits and loops", () => {
    const name = "BCS - 171.64.160.115_Ta19_ourprotocol_gdocSEP2019_CC7.mps";
    const ir = importBytes(sampleBytes(name), name).ir!;
    const steps = outline(ir.body);
    expect(steps.slice(0, 3)).toEqual(["rest 10800 s", "charge C/15 > 4.8 V", "hold 4.8 V < 0.00002282 A"]);
    expect(steps[7]).toEqual({ repeat: 11, body: ["charge 0.2C > 4.7 V", "hold 4.7 V < 0.00004565 A", "discharge 0.2C < 2 V"] });
    const first = ir.body[1]!;
    expect(first.kind === "constantCurrent" && first.current).toMatchObject({ si: 0.000152, basis: "c-rate", relative: 1 / 15 });
    expect(first.kind === "constantCurrent" && first.record).toEqual({ time: 10, voltage: 0.01 });
    const last = ir.body[ir.body.length - 1]!;
    expect(last.kind === "loop" && last.count).toBe(51);
    expect(JSON.stringify(outline(ir.body))).toContain("discharge 2C < 2 V");
  });
});

describe("biologic import: what btp itself writes", () => {
  for (const name of bundledNames()) {
    it(`${name}: compile → import → compile gives the same techniques`, () => {
      const first = biologicTarget.compile(bundledIr(name), OPTIONS);
      if (first.files.length === 0) return; // refused protocols are covered by compile.test.ts
      const back = importBytes(first.files[0]!.content);
      expect(back.diagnostics).toEqual([]);
      const second = biologicTarget.compile(back.ir!, OPTIONS);
      const techniques = (bytes: Uint8Array) => cp1252(bytes).slice(cp1252(bytes).indexOf("\r\nTechnique : 1\r\n"));
      expect(techniques(second.files[0]!.content)).toBe(techniques(first.files[0]!.content));
    });
  }
});

const MINIMAL = [
  "EC-LAB SETTING FILE",
  "",
  "Number of linked techniques : 1",
  "",
  "Battery capacity : 1,300 A.h",
  "",
  "Technique : 1",
  "Modulo Bat",
];
const row = (name: string, ...cells: string[]) => name.padEnd(20) + cells.map((c) => c.padEnd(20)).join("");

describe("biologic import: files other tools wrote", () => {
  it("reads comma decimals, µA and signed currents (negative = the other direction)", () => {
    const result = importText(
      [
        ...MINIMAL,
        row("Ns", "0"),
        row("ctrl_type", "CC"),
        row("Apply I/C", "I"),
        row("ctrl1_val", "-250,000"),
        row("ctrl1_val_unit", "µA"),
        row("charge/discharge", "Charge"),
        row("lim_nb", "1"),
        row("lim1_type", "Ecell"),
        row("lim1_comp", "<"),
        row("lim1_value", "2,500"),
        row("lim1_value_unit", "V"),
        row("lim1_action", "Next sequence"),
      ].join("\n"),
    );
    expect(result.diagnostics).toEqual([]);
    expect(outline(result.ir!.body)).toEqual(["discharge 0.25 mA < 2.5 V"]);
    expect(result.ir!.cell?.nominalCapacity).toBe(4680);
  });

  it("refuses a micro sign saved as UTF-8 instead of reading it as some other unit", () => {
    const text = [...MINIMAL, row("Ns", "0"), row("ctrl_type", "CC"), row("Apply I/C", "I"), row("ctrl1_val", "250.000"), row("ctrl1_val_unit", "µA"), row("charge/discharge", "Charge")].join("\r\n");
    const result = importBytes(new Uint8Array(Buffer.from(text, "utf8")));
    expect(result.ir).toBeNull();
    expect(codes(result)).toEqual(["BTP6124"]);
    expect(result.diagnostics[0]!.message).toContain("is not a current unit");
  });

  it("reports a row it does not know, and imports the rest", () => {
    const result = importText([...MINIMAL, row("Ns", "0"), row("ctrl_type", "Rest"), row("lim_nb", "1"), row("lim1_type", "Time"), row("lim1_comp", ">"), row("lim1_value", "10.000"), row("lim1_value_unit", "s"), row("mystery_row", "42")].join("\n"));
    expect(codes(result)).toEqual(["BTP6122"]);
    expect(result.diagnostics[0]!.severity).toBe("warning");
    expect(result.diagnostics[0]!.span.start.line).toBe(16);
    expect(outline(result.ir!.body)).toEqual(["rest 10 s"]);
  });

  it("refuses a jump to another sequence, at the cell that holds it", () => {
    const result = importText(
      [...MINIMAL, row("Ns", "0", "1"), row("ctrl_type", "Rest", "Rest"), row("lim_nb", "1", "1"), row("lim1_type", "Time", "Time"), row("lim1_comp", ">", ">"), row("lim1_value", "1.000", "1.000"), row("lim1_value_unit", "s", "s"), row("lim1_action", "Goto sequence", "Next sequence"), row("lim1_seq", "0", "2")].join("\n"),
    );
    expect(result.ir).toBeNull();
    expect(codes(result)).toEqual(["BTP6125"]);
    expect(result.diagnostics[0]!.span.start).toMatchObject({ line: 17, column: 21 });
  });

  it("refuses loops that overlap, and a loop that goes forward", () => {
    const loops = (a: string, b: string) =>
      [...MINIMAL, row("Ns", "0", "1", "2", "3"), row("ctrl_type", "Rest", "Rest", "Loop", "Loop"), row("ctrl_seq", "0", "0", a, b), row("ctrl_repeat", "0", "0", "1", "1"), row("lim_nb", "1", "1", "0", "0"), row("lim1_type", "Time", "Time"), row("lim1_comp", ">", ">"), row("lim1_value", "1", "1"), row("lim1_value_unit", "s", "s")].join("\n");
    expect(codes(importText(loops("1", "0")))).toEqual([]);
    expect(codes(importText(loops("0", "1")))).toEqual(["BTP6125"]);
    expect(codes(importText(loops("3", "0")))).toEqual(["BTP6125"]);
  });

  it("refuses sequence types and techniques it cannot read", () => {
    expect(codes(importText([...MINIMAL, row("Ns", "0"), row("ctrl_type", "UP")].join("\n")))).toEqual(["BTP6123"]);
    const gcpl = importText(["EC-LAB SETTING FILE", "", "Number of linked techniques : 1", "", "Technique : 1", "Galvanostatic Cycling with Potential Limitation", row("Ns", "0")].join("\n"));
    expect(codes(gcpl)).toEqual(["BTP6121"]);
    expect(gcpl.diagnostics[0]!.span.start.line).toBe(6);
  });

  it("refuses a C-rate current when the file has no battery capacity", () => {
    const result = importText(["EC-LAB SETTING FILE", "", "Number of linked techniques : 1", "", "Technique : 1", "Modulo Bat", row("Ns", "0"), row("ctrl_type", "CC"), row("Apply I/C", "C / N"), row("N", "10.00"), row("charge/discharge", "Charge")].join("\n"));
    expect(codes(result)).toEqual(["BTP6129"]);
  });

  it("refuses a limit that stops the run before the end of the schedule", () => {
    const result = importText(
      [...MINIMAL, row("Ns", "0", "1"), row("ctrl_type", "Rest", "Rest"), row("lim_nb", "1", "1"), row("lim1_type", "Time", "Time"), row("lim1_comp", ">", ">"), row("lim1_value", "1", "1"), row("lim1_value_unit", "s", "s"), row("lim1_action", "Stop", "Stop")].join("\n"),
    );
    expect(codes(result)).toEqual(["BTP6130"]);
  });

  it("refuses bytes that are not a settings file, without throwing", () => {
    for (const bytes of [new Uint8Array(), new Uint8Array([0, 1, 2, 3]), new Uint8Array(Buffer.from("<xml>not mps</xml>")), new Uint8Array(Buffer.from("EC-Lab ASCII FILE\r\nNb header lines : 3\r\n"))]) {
      const result = importBytes(bytes);
      expect(result.ir).toBeNull();
      expect(codes(result)).toEqual(["BTP6120"]);
    }
  });

  it("refuses a truncated file: fewer techniques than the header links", () => {
    const bytes = sampleBytes("formationV1.mps");
    const text = cp1252(bytes);
    const result = importText(text.slice(0, text.indexOf("Technique : 1")).replace("linked techniques : 1", "linked techniques : 2"));
    expect(codes(result)).toContain("BTP6127");
    const cut = importBytes(bytes.slice(0, 3000));
    expect(cut.ir).toBeNull();
    expect(cut.diagnostics.every((d) => d.code.startsWith("BTP61"))).toBe(true);
  });

  it("stays fast and bounded on hostile input: huge loop counts, many columns, deep nesting", () => {
    const huge = importText([...MINIMAL, row("Ns", "0", "1"), row("ctrl_type", "Rest", "Loop"), row("ctrl_seq", "0", "0"), row("ctrl_repeat", "0", "99999999999999"), row("lim_nb", "0", "0")].join("\n"));
    expect(codes(huge)).toEqual(["BTP6124"]);

    const columns = 20_000;
    const wide = importText([...MINIMAL, row("ctrl_type", ...Array.from({ length: columns }, () => "Rest"))].join("\n"));
    expect(wide.ir).toBeNull();

    const depth = 200;
    const types = ["Rest", ...Array.from({ length: depth }, () => "Loop")];
    const started = Date.now();
    const deep = importText([...MINIMAL, row("ctrl_type", ...types), row("ctrl_seq", ...types.map(() => "0")), row("ctrl_repeat", ...types.map(() => "1")), row("lim_nb", ...types.map(() => "0"))].join("\n"));
    expect(codes(deep)).toContain("BTP6125");
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
