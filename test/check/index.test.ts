// End-to-end behaviour of checkText: the sketch's examples, the A3 derivation, speed on absurd
// loops, IR shape (plain JSON, loops not unrolled), symbols and annotations.

import { describe, expect, it } from "vitest";
import { checkSourceFile, checkText } from "../../src/check/index.js";
import { walkNodes } from "../../src/ir/types.js";
import type { NodeIR, StepIR } from "../../src/ir/types.js";
import { parseSource } from "../../src/syntax/index.js";
import { COIN_CELL, check, problems } from "./helpers.js";

/** Diagnostics of the front end and the checker (rules, BTP4xxx, are another module's). */
function ownProblems(result: { diagnostics: { code: string; message: string }[] }): string[] {
  return result.diagnostics.filter((d) => /^BTP[0123]/.test(d.code)).map((d) => `${d.code} ${d.message}`);
}

const RATE_CAPABILITY = `# Rate capability of Na | CGE | NVP-K0.05 at 60 °C.
# Shen et al., Nano-Micro Lett. 18:195 (2026), Fig. 3e, Fig. S8.
protocol "CGE full cell: rate capability at 60 °C"
cite "Shen et al., Nano-Micro Lett. 18:195 (2026)", figure "3e, S8"

use cell "cells/na-cge-nvp.btp"

param cycles_per_rate = 5          # not stated in the paper

limits { voltage 2.0 V .. 4.2 V }
record every 30 s or 5 mV

temperature 60 °C, settle 2 h

for rate in [0.5C, 1C, 2C, 5C, 10C, 15C, 20C, 30C] {
  repeat cycles_per_rate {
    charge at rate until 3.9 V
    discharge at rate until 2.3 V
  }
}
`;

const CELL_FILE = `cell "Na | CGE | NVP-K0.05 coin cell" {
  kind full
  cathode "NVP-K0.05" { active mass 2.5 mg, specific capacity 117.6 mAh/g }   # 1C = 0.294 mA
  area 1.13 cm2
  window 2.3 V .. 3.9 V
  electrolyte { thickness 1.35 mm, diameter 15 mm }
}
`;

const FILES = { "/lab/protocols/cells/na-cge-nvp.btp": CELL_FILE };

const AGEING = `${COIN_CELL}
sequence plate_strip(j: current density, t: time) {
  charge at j for t
  discharge at j for t
}

eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade      # pristine
repeat 60 {
  plate_strip(0.1 mA/cm2, 1 h)
  after cycle 10, 60 { eis from 1 MHz to 10 mHz, amplitude 5 mV }
}

repeat 10000 until discharge capacity < 80 % of cycle 1 {
  charge at 5C until 3.9 V
  discharge at 5C until 2.3 V
}

at -20 °C (settle 2 h) {
  repeat 350 { charge at 0.1C until 3.9 V; discharge at 0.1C until 2.3 V }
}

sweep from ocv to 6.5 V at 0.1 mV/s                                  # LSV
cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles                     # cyclic voltammetry
hold at ocv + 50 mV until 2 h                                         # polarisation
charge at 0.5C until 3.9 V then hold until C/20                       # CC-CV as one step
`;

describe("the language sketch's examples", () => {
  it("the rate-capability protocol with its cell file checks clean", () => {
    const result = check(RATE_CAPABILITY, FILES);
    expect(problems(result)).toEqual([]);
    expect(result.ir).not.toBeNull();
    expect(result.ir!.title).toBe("CGE full cell: rate capability at 60 °C");
    expect(result.ir!.metadata.citations).toEqual(["Shen et al., Nano-Micro Lett. 18:195 (2026)"]);
    expect(result.ir!.metadata.figures).toEqual(["3e, S8"]);
    expect(result.ir!.params).toMatchObject([{ name: "cycles_per_rate", text: "5", si: 5, doc: "not stated in the paper", overridden: false }]);
    expect(result.ir!.limits).toEqual({ voltage: { min: 2, max: 4.2 } });
    expect(result.ir!.record).toEqual({ time: 30, voltage: 0.005 });
    expect(result.ir!.cell).toMatchObject({ kind: "full", area: 1.13e-4, window: { min: 2.3, max: 3.9 } });
    expect(result.ir!.cell!.electrolyte!.thickness).toBeCloseTo(1.35e-3, 12);
    expect(result.ir!.cell!.electrolyte!.area).toBeCloseTo((Math.PI * 0.015 ** 2) / 4, 12);
    expect(result.files.size).toBe(2);
  });

  it("the ageing, temperature and potentiostat examples check without checker errors", () => {
    const result = check(AGEING);
    expect(ownProblems(result)).toEqual([]);
  });

  it("resolves the A3 C-rates through 2.5 mg × 117.6 mAh/g with the derivation written out", () => {
    const result = check(RATE_CAPABILITY, FILES);
    const groups = result.ir!.body.filter((node) => node.kind === "group");
    expect(groups.map((g) => (g.kind === "group" ? g.label : ""))).toEqual([
      "rate = 0.5C", "rate = 1C", "rate = 2C", "rate = 5C", "rate = 10C", "rate = 15C", "rate = 20C", "rate = 30C",
    ]);
    const firstCharge = [...walkNodes(result.ir!.body)].find((n): n is Extract<StepIR, { kind: "constantCurrent" }> => n.kind === "constantCurrent")!;
    expect(firstCharge.current.si).toBeCloseTo(0.000147, 15);
    expect(firstCharge.current.text).toBe("0.5C");
    expect(firstCharge.current.basis).toBe("c-rate");
    expect(firstCharge.current.relative).toBe(0.5);
    expect(firstCharge.current.derivation).toBe("0.5C × 0.294 mAh / 1 h = 0.147 mA (0.294 mAh = 2.5 mg × 117.6 mAh/g)");
    expect(result.ir!.cell!.nominalCapacityDerivation).toBe("2.5 mg × 117.6 mAh/g = 0.294 mAh");
    expect(result.ir!.cell!.nominalCapacity).toBeCloseTo(1.0584, 12);
  });

  it("gives every step its id, limits, record and ambient", () => {
    const result = check(RATE_CAPABILITY, FILES);
    const body = result.ir!.body;
    expect(body[0]).toMatchObject({ kind: "temperature", id: "1", setpoint: 333.15, settle: { kind: "time", seconds: 7200 }, ambient: 333.15 });
    const loop = (body[1] as Extract<NodeIR, { kind: "group" }>).body[0]!;
    expect(loop).toMatchObject({ kind: "loop", id: "2.1", count: 5 });
    const charge = (loop as Extract<NodeIR, { kind: "loop" }>).body[0]!;
    expect(charge).toMatchObject({
      id: "2.1.1",
      kind: "constantCurrent",
      direction: "charge",
      ambient: 333.15,
      limits: { voltage: { min: 2, max: 4.2 } },
      record: { time: 30, voltage: 0.005 },
      ends: [{ kind: "voltage", comparator: ">=", volts: 3.9 }],
    });
    const discharge = (loop as Extract<NodeIR, { kind: "loop" }>).body[1]!;
    expect(discharge).toMatchObject({ id: "2.1.2", direction: "discharge", ends: [{ kind: "voltage", comparator: "<=", volts: 2.3 }] });
  });
});

describe("classic mistakes", () => {
  it("`charge at 4.2 V until 1C` is a dimension error with a hint to write a hold", () => {
    const result = check(`${COIN_CELL}charge at 4.2 V until 1C`);
    expect(result.spanText("BTP3011")).toBe("4.2 V");
    expect(result.first("BTP3011").hint).toContain("hold at 4.2 V until");
    expect(result.ir).toBeNull();
  });

  it("refuses a 10^12 loop count in well under a second", () => {
    check("rest for 1 s"); // builds the parser once, so that only the check is timed
    const started = performance.now();
    const result = check("repeat 1000000000000 { charge at 1 mA for 1 s; discharge at 1 mA for 1 s }");
    const elapsed = performance.now() - started;
    expect(result.spanText("BTP3032")).toBe("1000000000000");
    expect(elapsed).toBeLessThan(500);
  });

  it("keeps a 10,000-cycle protocol as a loop: the IR stays small", () => {
    const result = check(`${COIN_CELL}repeat 10000 { charge at 1C until 3.9 V; discharge at 1C until 2.3 V }`);
    expect(problems(result).filter((p) => /^BTP[0123]/.test(p))).toEqual([]);
    const ir = checkText(`repeat 10000 { charge at 1 mA for 1 h; discharge at 1 mA for 1 h }`, "/x.btp", { readFile: () => undefined }).ir!;
    expect([...walkNodes(ir.body)]).toHaveLength(3);
    expect(ir.body[0]).toMatchObject({ kind: "loop", count: 10000 });
    expect(JSON.stringify(ir).length).toBeLessThan(5000);
  });
});

describe("the IR", () => {
  it("is plain JSON: no undefined, NaN or Infinity anywhere", () => {
    const visit = (value: unknown, path: string): void => {
      expect(value, path).not.toBeUndefined();
      if (typeof value === "number") expect(Number.isFinite(value), path).toBe(true);
      if (value && typeof value === "object") {
        for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
      }
    };
    const irs = [check(RATE_CAPABILITY, FILES).ir, check(AGEING).ir, check(`${COIN_CELL}limits { current 2C, capacity 120 % }\nrest for 1 h`).ir];
    expect(irs[0]).not.toBeNull();
    for (const ir of irs.filter((candidate) => candidate !== null)) {
      visit(ir, "ir");
      expect(JSON.parse(JSON.stringify(ir))).toEqual(ir);
    }
  });

  it("is null when any error is found, but annotations and symbols are still produced", () => {
    const result = check(`param rate = 0.5C\n${COIN_CELL}charge at rate until 3.9 V\nrest for 3 V`);
    expect(result.ir).toBeNull();
    expect(result.codes).toContain("BTP3012");
    expect(result.annotations.some((a) => a.display === "0.147 mA = 0.5C × 0.294 mAh / 1 h")).toBe(true);
    expect(result.symbols.definitions.some((d) => d.name === "rate" && d.kind === "param")).toBe(true);
  });
});

describe("annotations", () => {
  it("shows every quantity resolved, relative ones with their derivation", () => {
    const text = `${COIN_CELL}charge at 0.5C until 3.9 V\nrest for 90 min\ntemperature -20 °C`;
    const result = check(text);
    const byText = new Map(result.annotations.map((a) => [text.slice(a.span.start.offset, a.span.end.offset), a]));
    expect(byText.get("0.5C")).toMatchObject({
      kind: "current",
      display: "0.147 mA = 0.5C × 0.294 mAh / 1 h",
      derivation: "0.5C × 0.294 mAh / 1 h = 0.147 mA (0.294 mAh = 2.5 mg × 117.6 mAh/g)",
    });
    expect(byText.get("0.5C")!.si).toBeCloseTo(0.000147, 15);
    expect(byText.get("90 min")).toMatchObject({ kind: "time", si: 5400, display: "90 min = 1.5 h" });
    expect(byText.get("-20 °C")).toMatchObject({ kind: "temperature", display: "-20 °C" });
    expect(byText.get("-20 °C")!.si).toBeCloseTo(253.15, 10);
    expect(byText.get("2.5 mg")).toMatchObject({ kind: "mass", si: 2.5e-6 });
  });
});

describe("symbols", () => {
  it("indexes definitions and references of params, sequences, parameters, sweep variables and cells", () => {
    const text = `param n = 3
cell coin { nominal capacity 1 mAh }
use cell coin
sequence s(j: current, t: time = 1 h) { charge at j for t }
for rate in [1C, 2C] { repeat n { s(rate, t = 2 h) } }
`;
    const result = check(text);
    expect(problems(result)).toEqual([]);
    const defs = result.symbols.definitions;
    const kindOf = (name: string) => defs.find((d) => d.name === name)?.kind;
    expect(kindOf("n")).toBe("param");
    expect(kindOf("coin")).toBe("cell");
    expect(kindOf("s")).toBe("sequence");
    expect(kindOf("j")).toBe("sequenceParam");
    expect(kindOf("rate")).toBe("sweepVariable");
    const refs = result.symbols.references.map((r) => `${r.name}@${text.slice(r.span.start.offset, r.span.end.offset)}→${defs[r.definition]!.kind}`);
    expect(refs).toEqual(
      expect.arrayContaining(["n@n→param", "coin@coin→cell", "s@s→sequence", "rate@rate→sweepVariable", "t@t→sequenceParam", "j@j→sequenceParam"]),
    );
    // A body walked once per sweep value still lists each reference once.
    expect(result.symbols.references.filter((r) => r.name === "n")).toHaveLength(1);
    const nDef = defs.find((d) => d.name === "n")!;
    expect(text.slice(nDef.nameSpan.start.offset, nDef.nameSpan.end.offset)).toBe("n");
  });
});

describe("robustness", () => {
  it("checkSourceFile accepts a tree from another front end", () => {
    const parsed = parseSource("rest for 1 h", "/lab/x.btp");
    const result = checkSourceFile(parsed.file, parsed.diagnostics);
    expect(result.ir!.body).toHaveLength(1);
  });

  it("never throws, even on a malformed tree", () => {
    const parsed = parseSource("rest for 1 h", "/lab/x.btp");
    const broken = { ...parsed.file, items: [null, { kind: "RestStep" }, { kind: "Nonsense" }, { kind: "ChargeStep", span: parsed.file.span }] };
    expect(() => checkSourceFile(broken as never, [])).not.toThrow();
  });

  it("parse errors are kept and their consequences not reported", () => {
    const result = check("charge at until 3.9 V\nrest for 1 h");
    expect(result.codes.every((code) => code.startsWith("BTP1"))).toBe(true);
    expect(result.codes.length).toBeGreaterThan(0);
  });
});

describe("trees from other front ends", () => {
  it("BTP3044: a repeat without a bound (the .btp parser refuses it earlier, BTP1019)", () => {
    const parsed = parseSource("repeat 5 until discharge capacity < 80 % of cycle 1 { rest for 1 h }", "/lab/y.btp");
    const repeat = parsed.file.items[0] as { count: unknown; span: unknown };
    const unbounded = { ...parsed.file, items: [{ ...repeat, count: null }] };
    const result = checkSourceFile(unbounded as never, []);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP3044"]);
    expect(result.diagnostics[0]!.span).toEqual(repeat.span);
  });

  it("BTP2099: an internal failure becomes a diagnostic, never an exception", () => {
    const parsed = parseSource("rest for 1 h", "/lab/z.btp");
    const exploding = Object.defineProperty({ span: parsed.file.span }, "kind", {
      get() {
        throw new Error("boom");
      },
    });
    const result = checkSourceFile({ ...parsed.file, items: [exploding] } as never, []);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP2099"]);
    expect(result.diagnostics[0]!.message).toContain("boom");
    expect(result.ir).toBeNull();
  });
});
