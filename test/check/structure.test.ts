// Structure: loops stay loops, sweeps and calls become groups, cycle actions, guards, sections,
// temperature blocks, ids, and the node budget.

import { describe, expect, it } from "vitest";
import { checkSourceFile } from "../../src/check/index.js";
import type { NodeIR } from "../../src/ir/types.js";
import type { BinaryExpr, Expr, ParamDecl } from "../../src/syntax/ast.js";
import { parseSource } from "../../src/syntax/index.js";
import { COIN_CELL, check, problems } from "./helpers.js";

function body(text: string): NodeIR[] {
  const result = check(text);
  expect(problems(result).filter((p) => !p.startsWith("BTP4"))).toEqual([]);
  return result.ir!.body;
}

/** id:kind(label) of every node, depth first. */
function outline(nodes: readonly NodeIR[]): string[] {
  return nodes.flatMap((node) => {
    const label = node.kind === "group" ? `(${node.label})` : "";
    const here = `${node.id}:${node.kind}${label}`;
    return "body" in node ? [here, ...outline(node.body)] : [here];
  });
}

describe("repeat", () => {
  it("stays a loop with its count and until condition", () => {
    const [loop] = body("repeat 1000 until discharge capacity < 80 % of cycle 1 { charge at 1 mA for 1 h; discharge at 1 mA for 1 h }");
    expect(loop).toMatchObject({
      kind: "loop",
      count: 1000,
      until: { subject: "dischargeCapacity", comparator: "<", value: null, fractionOfCycle: { fraction: 0.8, cycle: 1 }, text: "discharge capacity < 80 % of cycle 1" },
    });
  });

  it("loop conditions: absolute capacity, efficiency and end voltage", () => {
    const [a, b, c] = body(`${COIN_CELL}
repeat 10 until charge capacity < 50 mAh/g { charge at 1 mA for 1 h }
repeat 10 until coulombic efficiency < 99 % { charge at 1 mA for 1 h }
repeat 10 until end voltage < 2.5 V { charge at 1 mA for 1 h }`);
    expect((a as { until: { value: number } }).until.value).toBeCloseTo(0.45, 12);
    expect((b as { until: { value: number } }).until.value).toBeCloseTo(0.99, 12);
    expect(c).toMatchObject({ until: { subject: "endVoltage", value: 2.5 } });
  });

  it("BTP3030: an empty loop (zero count)", () => {
    expect(check("repeat 0 { rest for 1 h }").spanText("BTP3030")).toBe("0");
  });

  it("BTP3031: a count that is not a positive whole number", () => {
    expect(check("repeat 2.5 { rest for 1 h }").spanText("BTP3031")).toBe("2.5");
    expect(check("repeat -3 { rest for 1 h }").spanText("BTP3031")).toBe("-3");
  });

  it("BTP3032: an absurd loop count", () => {
    expect(check("repeat 20000000 { rest for 1 s }").spanText("BTP3032")).toBe("20000000");
    expect(check("repeat 10000000 { rest for 1 s }").codes).not.toContain("BTP3032");
  });

  it("BTP3023: a count with a unit", () => {
    expect(check("repeat 5 h { rest for 1 s }").spanText("BTP3023")).toBe("5 h");
  });

  it("BTP2025: an empty body", () => {
    expect(check("repeat 10 { }").spanText("BTP2025")).toBe("repeat 10 { }");
    expect(check('section "x" { }').spanText("BTP2025")).toBe('section "x" { }');
  });

  it("BTP3037: a reference cycle beyond the loop", () => {
    const result = check("repeat 10 until discharge capacity < 80 % of cycle 20 { rest for 1 h }");
    expect(result.spanText("BTP3037")).toBe("20");
  });

  it("BTP3028: `of cycle` needs a percent; a bare percent capacity needs `of cycle`", () => {
    expect(check("repeat 10 until discharge capacity < 2 mAh of cycle 1 { rest for 1 h }").spanText("BTP3028")).toBe("2 mAh");
    expect(check("repeat 10 until discharge capacity < 80 % { rest for 1 h }").spanText("BTP3028")).toBe("80 %");
  });

  it("BTP3041: an efficiency written as a plain 99", () => {
    expect(check("repeat 10 until coulombic efficiency < 99 { rest for 1 h }").spanText("BTP3041")).toBe("99");
  });
});

describe("sweeps", () => {
  it("one group per value, labelled with the value as written, ids in order", () => {
    const nodes = body(`${COIN_CELL}for rate in [0.5C, 1C] { charge at rate for 1 h }\nrest for 1 h`);
    expect(outline(nodes)).toEqual(["1:group(rate = 0.5C)", "1.1:constantCurrent", "2:group(rate = 1C)", "2.1:constantCurrent", "3:rest"]);
  });

  it("sweeps over a list param", () => {
    const nodes = body("param currents = [1 mA, 2 mA, 3 mA]\nfor i in currents { charge at i for 1 h }");
    expect(nodes).toHaveLength(3);
  });

  it("BTP3025: a sweep over a single value", () => {
    expect(check("for i in 1 mA { charge at i for 1 h }").spanText("BTP3025")).toBe("1 mA");
  });

  it("BTP2025: an empty sweep list", () => {
    expect(check("for i in [] { charge at i for 1 h }").spanText("BTP2025")).toBe("[]");
  });

  it("reports a mistake in the body once, not once per value", () => {
    const result = check("for i in [1 mA, 2 mA, 3 mA] { charge at i for 3 V }");
    expect(result.codes.filter((c) => c === "BTP3012")).toHaveLength(1);
  });
});

describe("sequences", () => {
  const PLATE = "sequence plate_strip(j: current density, t: time = 1 h) {\n  charge at j for t\n  discharge at j for t\n}\n";

  it("a call becomes a group labelled like the call, with its arguments' values", () => {
    const nodes = body(`${COIN_CELL}${PLATE}plate_strip(0.1 mA/cm2, 2 h)\nfor j in [0.2 mA/cm2] { plate_strip(j) }\nplate_strip(t = 30 min, j = 0.3 mA/cm2)`);
    expect(outline(nodes)).toEqual([
      "1:group(plate_strip(0.1 mA/cm2, 2 h))", "1.1:constantCurrent", "1.2:constantCurrent",
      "2:group(j = 0.2 mA/cm2)", "2.1:group(plate_strip(0.2 mA/cm2))", "2.1.1:constantCurrent", "2.1.2:constantCurrent",
      "3:group(plate_strip(t = 30 min, j = 0.3 mA/cm2))", "3.1:constantCurrent", "3.2:constantCurrent",
    ]);
    // `t` took its default, 1 h.
    const call = (nodes[1] as Extract<NodeIR, { kind: "group" }>).body[0] as Extract<NodeIR, { kind: "group" }>;
    expect(call.body[0]).toMatchObject({ ends: [{ kind: "time", seconds: 3600 }] });
  });

  it("a parameter default may use the parameters before it", () => {
    const nodes = body("sequence s(t: time, u: time = t * 2) { rest for u }\ns(1 h)");
    expect(nodes[0]).toMatchObject({ body: [{ kind: "rest", ends: [{ seconds: 7200 }] }] });
  });

  it("a sequence body sees params and its own parameters, not the caller's sweep variable", () => {
    const result = check("sequence s() { rest for t }\nfor t in [1 h] { s() }");
    expect(result.spanText("BTP2001")).toBe("t");
  });

  it("BTP2003: unknown sequence with a suggestion", () => {
    const result = check(`${PLATE}plate_strp(0.1 mA/cm2)`);
    expect(result.spanText("BTP2003")).toBe("plate_strp");
    expect(result.first("BTP2003").hint).toBe("did you mean `plate_strip`?");
  });

  it("BTP2011 too many, BTP2012 unknown named, BTP2013 missing, BTP2014 twice", () => {
    expect(check(`${COIN_CELL}${PLATE}plate_strip(0.1 mA/cm2, 1 h, 2 h)`).spanText("BTP2011")).toBe("2 h");
    expect(check(`${COIN_CELL}${PLATE}plate_strip(0.1 mA/cm2, time = 1 h)`).spanText("BTP2012")).toBe("time");
    expect(check(`${COIN_CELL}${PLATE}plate_strip()`).spanText("BTP2013")).toBe("plate_strip()");
    expect(check(`${COIN_CELL}${PLATE}plate_strip(0.1 mA/cm2, j = 0.2 mA/cm2)`).spanText("BTP2014")).toBe("j = 0.2 mA/cm2");
  });

  it("BTP3021: an argument of the wrong type, at the argument", () => {
    const result = check(`${COIN_CELL}${PLATE}plate_strip(0.1 mA, 1 h)`);
    expect(result.spanText("BTP3021")).toBe("0.1 mA");
    expect(result.first("BTP3021").message).toContain("current density");
  });

  it("a `current` parameter accepts any current-like value", () => {
    expect(problems(check(`${COIN_CELL}sequence s(i: current) { charge at i for 1 h }\ns(0.5C)\ns(1 mA)\ns(0.1 mA/cm2)`)).filter((p) => !p.startsWith("BTP4"))).toEqual([]);
  });

  it("BTP2015: recursion, direct or through another sequence", () => {
    const direct = check("sequence a() { rest for 1 h; a() }\na()");
    expect(direct.spanText("BTP2015")).toBe("a");
    const indirect = check("sequence a() { b() }\nsequence b() { a() }\na()");
    expect(indirect.first("BTP2015").message).toContain("through b");
    expect(indirect.first("BTP2015").related).toHaveLength(2);
  });

  it("BTP2002: a parameter declared twice; BTP2020: an unknown type", () => {
    expect(check("sequence s(t: time, t: time) { rest for t }\ns(1 h, 2 h)").codes).toContain("BTP2002");
    const unknownType = check("sequence s(t: duration) { rest for t }");
    expect(unknownType.spanText("BTP2020")).toBe("duration");
    expect(unknownType.first("BTP2020").hint).toContain("the types are");
  });

  it("checks a sequence nobody calls, without reporting what depends on a call", () => {
    const result = check("sequence unused(j: current density, t: time) {\n  charge at j for t\n  rest for 3 V\n}\nrest for 1 h");
    expect(result.codes).toEqual(["BTP3012"]);
    expect(result.spanText("BTP3012")).toBe("3 V");
  });

  it("an uncalled sequence with a wrongly typed use of its parameter is reported", () => {
    expect(check("sequence s(t: voltage) { rest for t }\nrest for 1 h").spanText("BTP3012")).toBe("t");
  });
});

describe("cycle actions, guards, sections and temperature blocks", () => {
  it("`after cycle` and `every N cycles` inside a repeat", () => {
    const [loop] = body("repeat 60 {\n  charge at 1 mA for 1 h\n  after cycle 10, 60 { rest for 1 h }\n  every 20 cycles { rest for 2 h }\n}");
    expect(loop).toMatchObject({
      kind: "loop",
      body: [{ kind: "constantCurrent" }, { kind: "cycleAction", id: "1.2", cycles: [10, 60], every: null }, { kind: "cycleAction", cycles: null, every: 20 }],
    });
  });

  it("BTP2023: a cycle action outside a repeat", () => {
    expect(check("after cycle 10 { rest for 1 h }").spanText("BTP2023")).toBe("after cycle 10 { rest for 1 h }");
  });

  it("BTP3036: a cycle the loop never reaches; BTP3031: cycle 0", () => {
    expect(check("repeat 50 { rest for 1 h; after cycle 60 { rest for 1 h } }").spanText("BTP3036")).toBe("60");
    expect(check("repeat 50 { rest for 1 h; every 100 cycles { rest for 1 h } }").spanText("BTP3036")).toBe("100");
    expect(check("repeat 50 { rest for 1 h; after cycle 0 { rest for 1 h } }").spanText("BTP3031")).toBe("0");
  });

  it("cycle actions in a sequence count the passes of the loop that calls it", () => {
    const result = check("sequence s() { rest for 1 h; after cycle 10 { rest for 1 h } }\nrepeat 5 { s() }");
    expect(result.spanText("BTP3036")).toBe("10");
    expect(problems(check("sequence s() { rest for 1 h; after cycle 10 { rest for 1 h } }\nrepeat 50 { s() }")).filter((p) => !p.startsWith("BTP4"))).toEqual([]);
  });

  it("`stop if` inside a repeat; BTP2024 outside", () => {
    const [loop] = body("repeat 100 { charge at 1 mA for 1 h; stop if end voltage < 2 V }");
    expect(loop).toMatchObject({ body: [{}, { kind: "stop", id: "1.2", condition: { subject: "endVoltage", comparator: "<", value: 2 } }] });
    expect(check("stop if end voltage < 2 V").spanText("BTP2024")).toBe("stop if end voltage < 2 V");
  });

  it("a section is a group", () => {
    expect(outline(body('section "activation" { rest for 1 h }'))).toEqual(["1:group(activation)", "1.1:rest"]);
  });

  it("`at T` opens with the temperature step and returns to the enclosing temperature", () => {
    const nodes = body("temperature 25 °C, settle 1 h\nat -20 °C (settle 2 h) { rest for 1 h }\nrest for 1 h");
    expect(outline(nodes)).toEqual(["1:temperature", "2:group(at -20 °C)", "2.1:temperature", "2.2:rest", "2.3:temperature", "3:rest"]);
    const group = nodes[1] as Extract<NodeIR, { kind: "group" }>;
    expect(group.body[0]).toMatchObject({ settle: { kind: "time", seconds: 7200 } });
    expect((group.body[0] as { setpoint: number }).setpoint).toBeCloseTo(253.15, 10);
    expect((group.body[1] as { ambient: number }).ambient).toBeCloseTo(253.15, 10);
    expect((group.body[2] as { setpoint: number }).setpoint).toBeCloseTo(298.15, 10);
    expect((nodes[2] as { ambient: number }).ambient).toBeCloseTo(298.15, 10);
  });

  it("`at T` with T from a sweep is labelled with the value", () => {
    expect(outline(body("for t in [25 °C, 60 °C] { at t { rest for 1 h } }")).filter((line) => line.includes("group(at"))).toEqual([
      "1.1:group(at 25 °C)",
      "2.1:group(at 60 °C)",
    ]);
  });

  it("`at T` without an enclosing temperature does not return anywhere", () => {
    expect(outline(body("at 60 °C { rest for 1 h }\nrest for 1 h"))).toEqual(["1:group(at 60 °C)", "1.1:temperature", "1.2:rest", "2:rest"]);
  });
});

describe("the node budget", () => {
  it("BTP2026: refuses an expansion beyond maxNodes instead of exhausting memory", () => {
    const text = `sequence s() { for a in [1 mA, 2 mA, 3 mA] { for b in [1 h, 2 h] { charge at a for b } } }
for i in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] { s() }`;
    const small = check(text, {}, { maxNodes: 50 });
    expect(small.codes).toEqual(["BTP2026"]);
    expect(small.ir).toBeNull();
    expect(check(text).ir).not.toBeNull();
  });

  it("stops exponential expansion quickly", () => {
    const levels = Array.from({ length: 8 }, (_, i) => `sequence s${i}() { ${Array.from({ length: 10 }, () => (i === 7 ? "rest for 1 s" : `s${i + 1}()`)).join("; ")} }`);
    const started = performance.now();
    const result = check(`${levels.join("\n")}\ns0()`);
    expect(result.codes).toContain("BTP2026");
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("BTP2027: refuses absurdly deep expressions (from any front end) instead of risking the stack", () => {
    // The .btp parser has its own limit (BTP1026), so the deep tree is built by hand.
    const parsed = parseSource("param x = 1 V + 1 V", "/lab/deep.btp");
    const param = parsed.file.items[0] as ParamDecl;
    let expr: Expr = param.value;
    for (let i = 0; i < 1500; i++) expr = { kind: "BinaryExpr", operator: "+", left: expr, right: (param.value as BinaryExpr).right, span: param.value.span };
    const result = checkSourceFile({ ...parsed.file, items: [{ ...param, value: expr }] }, []);
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP2027"]);
  });
});
