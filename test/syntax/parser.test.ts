// Every construct of the language, parsed into the AST.

import { describe, expect, it } from "vitest";
import type {
  CellDecl,
  ChargeStep,
  CycleAction,
  CyclicVoltammetryStep,
  EisStep,
  HoldStep,
  LimitsStatement,
  MetadataItem,
  ParamDecl,
  PauseStep,
  RecordStatement,
  RepeatBlock,
  RestStep,
  SectionBlock,
  SequenceCall,
  SequenceDecl,
  StopIf,
  SweepBlock,
  SweepStep,
  TemperatureBlock,
  TemperatureStep,
} from "../../src/syntax/ast.js";
import { only, onlyStatement, parseOk, shape } from "./helpers.js";

const V = (text: string, unit: string | null) => ({ kind: "QuantityLiteral", text, value: Number(text), unit });

describe("declarations", () => {
  it("protocol title and metadata", () => {
    const file = parseOk(
      'protocol "Rate test"\ncite "Shen et al. (2026)", figure "3e, S8"\nnote "1C is not defined"\ninstrument "LAND CT3002AU"\nauthor "A. Lab"',
    );
    expect(shape(file.items)).toEqual([
      { kind: "ProtocolHeader", title: { kind: "StringLiteral", value: "Rate test" } },
      { kind: "MetadataItem", key: "cite", value: { kind: "StringLiteral", value: "Shen et al. (2026)" } },
      { kind: "MetadataItem", key: "figure", value: { kind: "StringLiteral", value: "3e, S8" } },
      { kind: "MetadataItem", key: "note", value: { kind: "StringLiteral", value: "1C is not defined" } },
      { kind: "MetadataItem", key: "instrument", value: { kind: "StringLiteral", value: "LAND CT3002AU" } },
      { kind: "MetadataItem", key: "author", value: { kind: "StringLiteral", value: "A. Lab" } },
    ]);
    expect((file.items[1] as MetadataItem).span.end.column).toBe(26);
  });

  it("imports and cell uses", () => {
    const file = parseOk('import "cells/na.btp"\nuse cell na_cge_nvp\nuse cell "cells/na.btp"');
    expect(shape(file.items)).toEqual([
      { kind: "ImportDecl", path: { kind: "StringLiteral", value: "cells/na.btp" } },
      { kind: "UseCell", target: { kind: "Identifier", name: "na_cge_nvp" } },
      { kind: "UseCell", target: { kind: "StringLiteral", value: "cells/na.btp" } },
    ]);
  });

  it("params, with types and docs", () => {
    const file = parseOk(
      "param cycles_per_rate = 5          # not stated in the paper\n\n# The rate of the formation cycles,\n# as usual for NVP.\nparam rate: c-rate = 0.1C\nparam j: current density = 0.2 mA/cm2\nparam rates = [0.5C, 1C]",
    );
    const [a, b, c, d] = file.items as ParamDecl[];
    expect(a!.doc).toBe("not stated in the paper");
    expect(a!.type).toBeNull();
    expect(shape(a!.value)).toEqual(V("5", null));
    expect(b!.doc).toBe("The rate of the formation cycles, as usual for NVP.");
    expect(b!.type?.name).toBe("c-rate");
    expect(c!.type?.name).toBe("current density");
    expect(c!.doc).toBeNull();
    expect(d!.value.kind).toBe("ListExpr");
    const separated = parseOk("# A header, not a doc\n\nparam a = 1\nparam b = 2 # b's reason").items as ParamDecl[];
    expect(separated.map((p) => p.doc)).toEqual([null, "b's reason"]);
  });

  it("sequences with typed parameters and defaults", () => {
    const seq = only(
      "sequence plate_strip(j: current density, t: time = 1 h) {  # Na plating and stripping\n  charge at j for t\n  discharge at j for t\n}",
    ) as SequenceDecl;
    expect(seq.name.name).toBe("plate_strip");
    expect(shape(seq.params)).toEqual([
      {
        kind: "SequenceParam",
        name: { kind: "Identifier", name: "j" },
        type: { kind: "TypeRef", name: "current density" },
        default: null,
      },
      {
        kind: "SequenceParam",
        name: { kind: "Identifier", name: "t" },
        type: { kind: "TypeRef", name: "time" },
        default: V("1", "h"),
      },
    ]);
    expect(seq.body.map((s) => s.kind)).toEqual(["ChargeStep", "ChargeStep"]);
    expect(seq.doc).toBe("Na plating and stripping");
  });

  it("cells with nested electrodes, ranges, words and strings", () => {
    const cell = only(
      'cell na_cge_nvp "Na | CGE | NVP-K0.05 coin cell" {\n  kind full; format "CR2032"\n  nominal capacity 0.294 mAh\n  cathode NVP-K0.05 { active mass 2.5 mg, specific capacity 117.6 mAh/g }\n  anode "Na metal" { material Na }\n  window 2.3 V .. 3.9 V\n  model { diffusivity 1e-14 m2/s }\n}',
    ) as CellDecl;
    expect(cell.name?.name).toBe("na_cge_nvp");
    expect(cell.title?.value).toBe("Na | CGE | NVP-K0.05 coin cell");
    expect(shape(cell.properties)).toEqual([
      { kind: "CellProperty", key: "kind", value: { kind: "word", word: "full" }, label: null, children: null },
      {
        kind: "CellProperty",
        key: "format",
        value: { kind: "string", value: { kind: "StringLiteral", value: "CR2032" } },
        label: null,
        children: null,
      },
      {
        kind: "CellProperty",
        key: "nominal capacity",
        value: { kind: "expr", expr: V("0.294", "mAh") },
        label: null,
        children: null,
      },
      {
        kind: "CellProperty",
        key: "cathode",
        value: null,
        label: { kind: "StringLiteral", value: "NVP-K0.05" },
        children: [
          {
            kind: "CellProperty",
            key: "active mass",
            value: { kind: "expr", expr: V("2.5", "mg") },
            label: null,
            children: null,
          },
          {
            kind: "CellProperty",
            key: "specific capacity",
            value: { kind: "expr", expr: V("117.6", "mAh/g") },
            label: null,
            children: null,
          },
        ],
      },
      {
        kind: "CellProperty",
        key: "anode",
        value: null,
        label: { kind: "StringLiteral", value: "Na metal" },
        children: [
          { kind: "CellProperty", key: "material", value: { kind: "word", word: "Na" }, label: null, children: null },
        ],
      },
      {
        kind: "CellProperty",
        key: "window",
        value: { kind: "range", min: V("2.3", "V"), max: V("3.9", "V") },
        label: null,
        children: null,
      },
      {
        kind: "CellProperty",
        key: "model",
        value: null,
        label: null,
        children: [
          {
            kind: "CellProperty",
            key: "diffusivity",
            value: { kind: "expr", expr: V("1e-14", "m2/s") },
            label: null,
            children: null,
          },
        ],
      },
    ]);
  });

  it("cells without a name", () => {
    const cell = only('cell "coin cell" { area 1.13 cm2 }') as CellDecl;
    expect(cell.name).toBeNull();
    expect(cell.title?.value).toBe("coin cell");
  });
});

describe("steps", () => {
  it("charge and discharge with every kind of set-point", () => {
    for (const [text, setpoint] of [
      ["charge at 0.5C until 4.2 V", V("0.5", "C")],
      ["discharge at 1 mA until 2.5 V", V("1", "mA")],
      ["charge at 0.2 mA/cm2 for 2 h", V("0.2", "mA/cm2")],
      ["discharge at 100 mA/g until 2 V", V("100", "mA/g")],
      ["discharge at 10 mW for 1 h", V("10", "mW")],
    ] as const) {
      const step = onlyStatement(text) as ChargeStep;
      expect(step.kind).toBe("ChargeStep");
      expect(step.direction).toBe(text.startsWith("charge") ? "charge" : "discharge");
      expect(shape(step.setpoint)).toEqual(setpoint);
    }
    const cRate = onlyStatement("charge at C/20 until 4.2 V") as ChargeStep;
    expect(shape(cRate.setpoint)).toEqual({
      kind: "QuantityLiteral",
      text: "20",
      value: 0.05,
      unit: "C",
      cRateDivisor: 20,
    });
  });

  it("CC-CV as one step, with and without the hold voltage", () => {
    const a = onlyStatement("charge at 0.5C until 3.9 V then hold until C/20") as ChargeStep;
    expect(a.thenHold?.voltage).toBeNull();
    expect(shape(a.thenHold?.end?.conditions)).toEqual([
      {
        kind: "EndCondition",
        subject: "auto",
        comparator: null,
        value: { kind: "QuantityLiteral", text: "20", value: 0.05, unit: "C", cRateDivisor: 20 },
      },
    ]);
    const b = onlyStatement("charge at 0.5C until 4.2 V then hold at 4.2 V until 50 mA or 2 h") as ChargeStep;
    expect(shape(b.thenHold?.voltage)).toEqual(V("4.2", "V"));
    expect(b.thenHold?.end?.conditions).toHaveLength(2);
  });

  it("holds, absolute or relative to open circuit", () => {
    const hold = onlyStatement("hold at ocv + 50 mV for 2 h") as HoldStep;
    expect(shape(hold.voltage)).toEqual({
      kind: "BinaryExpr",
      operator: "+",
      left: { kind: "OcvRef" },
      right: V("50", "mV"),
    });
    expect(shape(hold.end?.duration)).toEqual(V("2", "h"));
  });

  it("rest and ocv", () => {
    expect((onlyStatement("rest for 2 h") as RestStep).end?.duration).toBeTruthy();
    expect(onlyStatement("ocv for 10 min").kind).toBe("OcvStep");
    expect((onlyStatement("rest") as RestStep).end).toBeNull();
  });

  it("eis with all its clauses, commas optional", () => {
    const eis = onlyStatement("eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade, at ocv") as EisStep;
    expect(shape([eis.from, eis.to, eis.amplitude, eis.pointsPerDecade, eis.bias])).toEqual([
      V("1", "MHz"),
      V("10", "mHz"),
      V("5", "mV"),
      V("10", null),
      { kind: "OcvRef" },
    ]);
    const galvanostatic = onlyStatement("eis from 100 kHz to 10 mHz amplitude 10 uA bias 3.7 V") as EisStep;
    expect(shape(galvanostatic.amplitude)).toEqual(V("10", "uA"));
    expect(shape(galvanostatic.bias)).toEqual(V("3.7", "V"));
  });

  it("linear sweep and cyclic voltammetry", () => {
    const lsv = onlyStatement("sweep from ocv to 6.5 V at 0.1 mV/s") as SweepStep;
    expect(shape([lsv.from, lsv.to, lsv.scanRate])).toEqual([{ kind: "OcvRef" }, V("6.5", "V"), V("0.1", "mV/s")]);
    const cv = onlyStatement("cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles, start at ocv") as CyclicVoltammetryStep;
    expect(shape([cv.lower, cv.upper, cv.scanRate, cv.cycles, cv.start])).toEqual([
      V("2.0", "V"),
      V("4.0", "V"),
      V("0.1", "mV/s"),
      V("3", null),
      { kind: "OcvRef" },
    ]);
  });

  it("temperature set-points with a settle time or until stable", () => {
    const a = onlyStatement("temperature 60 °C, settle 2 h") as TemperatureStep;
    expect(shape(a.settle)).toEqual({ kind: "Settle", duration: V("2", "h"), untilStable: false });
    const b = onlyStatement("temperature 25 °C, settle until stable") as TemperatureStep;
    expect(shape(b.settle)).toEqual({ kind: "Settle", duration: null, untilStable: true });
    const c = onlyStatement("temperature -20 °C") as TemperatureStep;
    expect(c.settle).toBeNull();
    expect(c.setpoint.kind).toBe("UnaryExpr");
  });

  it("pause with a message for the operator", () => {
    expect((onlyStatement('pause "Move the cell to the potentiostat"') as PauseStep).message.value).toBe(
      "Move the cell to the potentiostat",
    );
  });
});

describe("how steps end", () => {
  const end = (text: string) => shape((onlyStatement(text) as ChargeStep).end);

  it("for, until, and both", () => {
    expect(end("charge at 1 A for 1 hour or until 4.1 V")).toEqual({
      kind: "StepEnd",
      duration: V("1", "hour"),
      conditions: [{ kind: "EndCondition", subject: "auto", comparator: null, value: V("4.1", "V") }],
    });
    expect(end("discharge at 1C until 2.5 V or 3 h")).toEqual({
      kind: "StepEnd",
      duration: null,
      conditions: [
        { kind: "EndCondition", subject: "auto", comparator: null, value: V("2.5", "V") },
        { kind: "EndCondition", subject: "auto", comparator: null, value: V("3", "h") },
      ],
    });
    expect(end("discharge at 1C until 2.5 V or for 3 h")).toEqual({
      kind: "StepEnd",
      duration: V("3", "h"),
      conditions: [{ kind: "EndCondition", subject: "auto", comparator: null, value: V("2.5", "V") }],
    });
  });

  it("subjects, comparators and percentages of nominal", () => {
    expect(shape((onlyStatement("hold at 3.8V for 1h until > 5A") as HoldStep).end)).toEqual({
      kind: "StepEnd",
      duration: V("1", "h"),
      conditions: [{ kind: "EndCondition", subject: "auto", comparator: ">", value: V("5", "A") }],
    });
    expect(end("charge at 1C until voltage >= 4.2 V")).toMatchObject({
      conditions: [{ subject: "voltage", comparator: ">=" }],
    });
    expect(end("charge at 1C until current ≤ 50 mA")).toMatchObject({
      conditions: [{ subject: "current", comparator: "<=" }],
    });
    expect(end("charge at 1C until temperature > 45 °C")).toMatchObject({
      conditions: [{ subject: "temperature", comparator: ">" }],
    });
    expect(end("discharge at 1C until 80 % of nominal")).toMatchObject({
      conditions: [{ value: V("80", "%"), ofNominal: true }],
    });
    expect(end("charge at 1C until time 2 h")).toMatchObject({ conditions: [{ subject: "time", value: V("2", "h") }] });
  });

  it("a subject word alone is a parameter name", () => {
    const file = parseOk("param voltage = 4.2 V\ncharge at 1C until voltage");
    const step = file.items[1] as ChargeStep;
    expect(shape(step.end?.conditions[0])).toEqual({
      kind: "EndCondition",
      subject: "auto",
      comparator: null,
      value: { kind: "NameRef", name: { kind: "Identifier", name: "voltage" } },
    });
  });
});

describe("step options", () => {
  it("record, label and limits after a step", () => {
    const step = onlyStatement(
      'charge at 1C until 4.2 V, record every 1 s or 5 mV, label "formation", limits { voltage 2 V .. 4.3 V; current 10 mA }',
    ) as ChargeStep;
    expect(shape(step.options)).toEqual({
      record: { kind: "RecordRule", every: [V("1", "s"), V("5", "mV")] },
      label: { kind: "StringLiteral", value: "formation" },
      limits: {
        kind: "LimitsBlock",
        items: [
          { kind: "LimitItem", subject: "voltage", min: V("2", "V"), max: V("4.3", "V") },
          { kind: "LimitItem", subject: "current", min: null, max: V("10", "mA") },
        ],
      },
    });
  });

  it("PyBaMM's period is a recording rule", () => {
    const step = onlyStatement("Discharge at C/20 for 1h (2 minute period)") as ChargeStep;
    expect(shape(step.options.record)).toEqual({ kind: "RecordRule", every: [V("2", "minute")] });
  });
});

describe("structure", () => {
  it("repeat, with `times`, an until condition, and a huge count", () => {
    const a = onlyStatement("repeat 5 times {\n  rest for 1 h\n}") as RepeatBlock;
    expect(shape(a.count)).toEqual(V("5", null));
    expect(a.body).toHaveLength(1);
    const b = onlyStatement("repeat 10000 until discharge capacity < 80 % of cycle 1 { rest for 1 h }") as RepeatBlock;
    expect(shape(b.until)).toEqual({
      kind: "LoopCondition",
      subject: "discharge capacity",
      comparator: "<",
      value: V("80", "%"),
      ofCycle: V("1", null),
    });
    const c = onlyStatement("repeat 1000000000000 { rest for 1 s }") as RepeatBlock;
    expect(shape(c.count)).toEqual(V("1000000000000", null));
    const d = onlyStatement("repeat 500 until coulombic efficiency < 99 % { rest for 1 s }") as RepeatBlock;
    expect(d.until?.subject).toBe("coulombic efficiency");
    const e = onlyStatement("repeat 500 until end voltage < 3 V { rest for 1 s }") as RepeatBlock;
    expect(e.until?.subject).toBe("end voltage");
  });

  it("one-line blocks with `;` and blocks that open on the next line", () => {
    const a = onlyStatement("repeat 350 { charge at 0.1C until 3.9 V; discharge at 0.1C until 2.3 V }") as RepeatBlock;
    expect(a.body.map((s) => (s as ChargeStep).direction)).toEqual(["charge", "discharge"]);
    const b = onlyStatement("repeat 3\n{\n  rest for 1 h\n\n  rest for 2 h ;\n}") as RepeatBlock;
    expect(b.body).toHaveLength(2);
  });

  it("sweeps over lists, lists across lines", () => {
    const sweep = onlyStatement(
      "for rate in [0.5C, 1C,\n             2C,] {\n  charge at rate until 3.9 V\n}",
    ) as SweepBlock;
    expect(sweep.variable.name).toBe("rate");
    expect(shape(sweep.values)).toEqual({ kind: "ListExpr", items: [V("0.5", "C"), V("1", "C"), V("2", "C")] });
  });

  it("cycle actions", () => {
    const file = parseOk(
      "repeat 60 {\n  rest for 1 h\n  after cycle 10, 60 { eis from 1 MHz to 10 mHz, amplitude 5 mV }\n  every 100 cycles { rest for 2 h }\n}",
    );
    const [, after, every] = (file.items[0] as RepeatBlock).body as CycleAction[];
    expect(after!.mode).toBe("after");
    expect(shape(after!.cycles)).toEqual([V("10", null), V("60", null)]);
    expect(every!.mode).toBe("every");
    expect(shape(every!.cycles)).toEqual([V("100", null)]);
  });

  it("temperature blocks, settle in either spelling", () => {
    for (const text of ["at -20 °C, settle 2 h { rest for 1 h }", "at -20 °C (settle 2 h) { rest for 1 h }"]) {
      const block = onlyStatement(text) as TemperatureBlock;
      expect(shape(block.setpoint)).toEqual({ kind: "UnaryExpr", operator: "-", operand: V("20", "°C") });
      expect(shape(block.settle)).toEqual({ kind: "Settle", duration: V("2", "h"), untilStable: false });
      expect(block.body).toHaveLength(1);
    }
    expect((onlyStatement("at 25 °C { rest for 1 h }") as TemperatureBlock).settle).toBeNull();
  });

  it("sections and guards", () => {
    const section = onlyStatement(
      'section "activation" {\n  repeat 3 { rest for 1 h }\n  stop if discharge capacity < 0.1 mAh\n}',
    ) as SectionBlock;
    expect(section.title.value).toBe("activation");
    const stop = section.body[1] as StopIf;
    expect(shape(stop.condition)).toEqual({
      kind: "LoopCondition",
      subject: "discharge capacity",
      comparator: "<",
      value: V("0.1", "mAh"),
      ofCycle: null,
    });
  });

  it("sequence calls, positional and named, across lines", () => {
    const call = onlyStatement("plate_strip(\n  0.1 mA/cm2,\n  t = 1 h,\n)") as SequenceCall;
    expect(call.callee.name).toBe("plate_strip");
    expect(shape(call.args)).toEqual([
      { kind: "CallArgument", name: null, value: V("0.1", "mA/cm2") },
      { kind: "CallArgument", name: { kind: "Identifier", name: "t" }, value: V("1", "h") },
    ]);
    expect((onlyStatement("formation()") as SequenceCall).args).toEqual([]);
  });

  it("limits and recording as statements", () => {
    const limits = onlyStatement(
      "limits {\n  voltage 2.0 V .. 4.2 V\n  temperature -30 °C .. 80 °C\n  capacity 5 mAh, power 1 W\n}",
    ) as LimitsStatement;
    expect(limits.limits.items.map((i) => i.subject)).toEqual(["voltage", "temperature", "capacity", "power"]);
    const record = onlyStatement("record every 30 s or 5 mV or 0.1 mA") as RecordStatement;
    expect(record.rule.every).toHaveLength(3);
  });
});

describe("expressions", () => {
  const value = (text: string) => shape((only(`param x = ${text}`) as ParamDecl).value);

  it("follow the usual precedence, left to right", () => {
    expect(value("2 * t + 1 h")).toEqual({
      kind: "BinaryExpr",
      operator: "+",
      left: {
        kind: "BinaryExpr",
        operator: "*",
        left: V("2", null),
        right: { kind: "NameRef", name: { kind: "Identifier", name: "t" } },
      },
      right: V("1", "h"),
    });
    expect(value("1 h - 2 min - 3 s")).toMatchObject({
      operator: "-",
      left: { operator: "-", left: V("1", "h") },
      right: V("3", "s"),
    });
    expect(value("2 * (1 h + 1 min)")).toMatchObject({ operator: "*", right: { operator: "+" } });
    expect(value("--1 V")).toEqual({
      kind: "UnaryExpr",
      operator: "-",
      operand: { kind: "UnaryExpr", operator: "-", operand: V("1", "V") },
    });
    expect(value("[]")).toEqual({ kind: "ListExpr", items: [] });
  });
});

describe("PyBaMM step strings paste in as steps", () => {
  it.each([
    ["Discharge at 1C until 3.3 V", "ChargeStep"],
    ["Rest for 1 hour", "RestStep"],
    ["Hold at 4.2 V until C/50", "HoldStep"],
    ["Charge at 1 A for 1 hour or until 4.1 V", "ChargeStep"],
    ["Discharge at C/3 for 2 hours or until 2.5 V", "ChargeStep"],
    ["Hold at 3.8V for 1h until > 5A", "HoldStep"],
    ["Charge at 0.5 C for 45 minutes", "ChargeStep"],
    ["Charge at 200mW for 45 minutes", "ChargeStep"],
    ["Discharge at 4 Ohm for 1 hour", "ChargeStep"],
    ["Charge at 1 C until 4.1V then hold at 4.1 V until 50mA", "ChargeStep"],
  ])("%s", (text, kind) => {
    expect(onlyStatement(text).kind).toBe(kind);
  });
});
