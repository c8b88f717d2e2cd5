// Every example of the design sketch (/work/shared/design/language-sketch.md, copied into
// fixtures/sketch-*.btp) parses without a diagnostic, into the tree it means.

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type {
  CellDecl,
  ChargeStep,
  CycleAction,
  HoldStep,
  ParamDecl,
  RepeatBlock,
  SequenceCall,
  SweepBlock,
  TemperatureBlock,
} from "../../src/syntax/ast.js";
import { parseCst } from "../../src/syntax/index.js";
import { parseOk, shape } from "./helpers.js";

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "fixtures", name), "utf8");

describe("the sketch's examples", () => {
  it("rate capability at 60 °C", () => {
    const file = parseOk(fixture("sketch-rate.btp"));
    expect(file.items.map((i) => i.kind)).toEqual([
      "ProtocolHeader",
      "UseCell",
      "ParamDecl",
      "LimitsStatement",
      "RecordStatement",
      "TemperatureStep",
      "SweepBlock",
    ]);
    expect((file.items[2] as ParamDecl).doc).toBe("not stated in the paper");
    const sweep = file.items[6] as SweepBlock;
    expect(sweep.values.kind === "ListExpr" && sweep.values.items.length).toBe(8);
    const repeat = sweep.body[0] as RepeatBlock;
    expect(shape(repeat.count)).toEqual({ kind: "NameRef", name: { kind: "Identifier", name: "cycles_per_rate" } });
    expect(repeat.body.map((s) => (s as ChargeStep).direction)).toEqual(["charge", "discharge"]);
  });

  it("the cell", () => {
    const cell = parseOk(fixture("sketch-cell.btp")).items[0] as CellDecl;
    expect(cell.name).toBeNull();
    expect(cell.properties.map((p) => p.key)).toEqual(["kind", "cathode", "area", "window", "electrolyte"]);
    expect(cell.properties[1]!.label?.value).toBe("NVP-K0.05");
    expect(cell.properties[1]!.children?.map((p) => p.key)).toEqual(["active mass", "specific capacity"]);
  });

  it("ageing with impedance and a fade guard", () => {
    const file = parseOk(fixture("sketch-ageing.btp"));
    expect(file.items.map((i) => i.kind)).toEqual([
      "SequenceDecl",
      "EisStep",
      "RepeatBlock",
      "RepeatBlock",
      "TemperatureBlock",
      "SweepStep",
      "CyclicVoltammetryStep",
      "HoldStep",
      "ChargeStep",
    ]);
    const ageing = file.items[2] as RepeatBlock;
    expect((ageing.body[0] as SequenceCall).callee.name).toBe("plate_strip");
    expect((ageing.body[1] as CycleAction).mode).toBe("after");
    expect((file.items[3] as RepeatBlock).until?.subject).toBe("discharge capacity");
    const cold = file.items[4] as TemperatureBlock;
    expect(cold.settle?.duration).toBeTruthy();
    expect(((cold.body[0] as RepeatBlock).body as ChargeStep[]).map((s) => s.direction)).toEqual([
      "charge",
      "discharge",
    ]);
    expect((file.items[7] as HoldStep).voltage.kind).toBe("BinaryExpr");
    expect((file.items[8] as ChargeStep).thenHold?.voltage).toBeNull();
  });

  it("every construct at once", () => {
    const file = parseOk(fixture("everything.btp"));
    expect(file.items).toHaveLength(32);
    expect(file.comments).toHaveLength(4);
  });
});

describe("parseCst", () => {
  it("returns the concrete tree, the tokens the parser read and every comment", () => {
    const { cst, tokens, comments, diagnostics } = parseCst("rest for 1 h   # settle\n[1C,\n 2C]", "t.btp");
    expect(cst.name).toBe("file");
    expect(diagnostics.map((d) => d.code)).toEqual(["BTP1010"]);
    expect(comments.map((c) => c.image)).toEqual(["# settle"]);
    expect(tokens.map((t) => t.image)).toEqual(["rest", "for", "1 h", "\n", "[", "1C", ",", "2C", "]"]);
  });

  it("never throws and refuses deep nesting with an empty tree", () => {
    const { cst, diagnostics } = parseCst("{".repeat(100), "t.btp");
    expect(cst.children).toEqual({});
    expect(diagnostics.map((d) => d.code)).toEqual(["BTP1003"]);
  });
});
