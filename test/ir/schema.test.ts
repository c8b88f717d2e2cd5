import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import { irSchema } from "../../src/ir/schema.js";
import { irPath, validateIr } from "../../src/ir/validate.js";
import { walkNodes } from "../../src/ir/types.js";
import type { ProtocolIR } from "../../src/ir/types.js";
import { copy, everyKindProtocol, everyStep, everyStructure } from "./schema-fixtures.js";

/** The protocol with one node replaced by `node` (as untyped JSON, so tests can break it). */
function withBody(...body: unknown[]): unknown {
  return { ...everyKindProtocol(), body };
}

describe("IR schema", () => {
  it("is itself a valid draft 2020-12 schema under ajv strict mode", () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, discriminator: true });
    expect(ajv.validateSchema(irSchema)).toBe(true);
  });

  it("accepts a protocol that uses every node kind", () => {
    const ir = everyKindProtocol();
    const kinds = new Set([...walkNodes(ir.body)].map((n) => n.kind));
    expect([...kinds].sort()).toEqual(
      [
        "ccCv",
        "constantCurrent",
        "constantPower",
        "constantVoltage",
        "cycleAction",
        "cyclicVoltammetry",
        "eis",
        "group",
        "linearSweep",
        "loop",
        "ocv",
        "pause",
        "rest",
        "stop",
        "temperature",
      ].sort(),
    );
    expect(validateIr(ir)).toEqual({ ok: true, errors: [] });
  });

  it.each(everyStep().map((step) => [step.kind, step] as const))("accepts a lone %s step", (_kind, step) => {
    expect(validateIr(withBody(step)).errors).toEqual([]);
  });

  it.each(everyStructure().map((node) => [node.kind, node] as const))("accepts a lone %s node", (_kind, node) => {
    expect(validateIr(withBody(node)).errors).toEqual([]);
  });

  it("accepts a protocol without a cell, title or params", () => {
    const ir: ProtocolIR = { ...everyKindProtocol(), title: null, cell: null, params: [], limits: {}, record: {} };
    expect(validateIr(ir)).toEqual({ ok: true, errors: [] });
  });

  it("survives a JSON round trip unchanged", () => {
    const ir = everyKindProtocol();
    expect(validateIr(copy(ir)).ok).toBe(true);
  });
});

describe("IR schema rejects broken IRs with a readable path", () => {
  it("a missing field", () => {
    const ir = copy(everyKindProtocol()) as unknown as { body: Record<string, unknown>[] };
    delete ir.body[0]!.ends;
    const result = validateIr(ir);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(["body[0]: missing property `ends`"]);
  });

  it("a NaN that JSON turned into null", () => {
    const ir = everyKindProtocol();
    const rest = ir.body[0]!;
    if (rest.kind !== "rest") throw new Error("fixture changed");
    rest.ends[0] = { kind: "time", seconds: Number.NaN, span: rest.ends[0]!.span };
    expect(validateIr(ir).ok).toBe(false);
    const result = validateIr(copy(ir));
    expect(result.errors).toEqual(["body[0].ends[0].seconds: must be number"]);
  });

  it("an Infinity left in memory", () => {
    const ir = everyKindProtocol();
    ir.cell!.area = Number.POSITIVE_INFINITY;
    expect(validateIr(ir).errors).toEqual(["cell.area: must be number or null"]);
  });

  it("an unknown node kind", () => {
    const result = validateIr(withBody({ ...everyStep()[0]!, kind: "wait" }));
    expect(result.errors).toEqual(['body[0]: unknown kind "wait"']);
  });

  it("an unknown end condition kind deep in a loop", () => {
    const loop = copy(everyStructure()[0]!) as unknown as { body: { ends: { kind: string }[] }[] };
    loop.body[0]!.ends[0]!.kind = "energy";
    expect(validateIr(withBody(loop)).errors).toEqual(['body[0].body[0].ends[0]: unknown kind "energy"']);
  });

  it("an extra property", () => {
    const result = validateIr(withBody({ ...everyStep()[4]!, voltageLimit: 4.2 }));
    expect(result.errors).toEqual(["body[0]: unexpected property `voltageLimit`"]);
  });

  it("an extra property on the root and a wrong irVersion", () => {
    const result = validateIr({ ...everyKindProtocol(), irVersion: 2, steps: [] });
    expect(result.errors.sort()).toEqual(["(protocol): unexpected property `steps`", "irVersion: must be 1"]);
  });

  it("a wrong enum value and a negative magnitude, both reported (allErrors)", () => {
    const step = { ...everyStep()[2]!, direction: "sideways" } as Record<string, unknown>;
    const rest = copy(everyStep()[0]!) as unknown as { ends: { seconds: number }[] };
    rest.ends[0]!.seconds = -1;
    const result = validateIr(withBody(step, rest));
    expect(result.errors).toEqual(['body[0].direction: must be one of "charge", "discharge"', "body[1].ends[0].seconds: must be >= 0"]);
  });

  it("a node id that is not a dotted path", () => {
    const result = validateIr(withBody({ ...everyStep()[0]!, id: "3.a" }));
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/^body\[0\]\.id: /);
  });

  it("a bad cell (wrong nullable object) reports the inner problem, not the null branch", () => {
    const ir = copy(everyKindProtocol()) as unknown as { cell: Record<string, unknown> };
    delete ir.cell.span;
    expect(validateIr(ir).errors).toEqual(["cell: missing property `span`"]);
  });

  it("non-objects", () => {
    expect(validateIr(null).errors).toEqual(["(protocol): must be object"]);
    expect(validateIr([]).ok).toBe(false);
  });
});

describe("irPath", () => {
  it("renders JSON pointers as property paths", () => {
    expect(irPath("")).toBe("(protocol)");
    expect(irPath("/body/2/ends/0/seconds")).toBe("body[2].ends[0].seconds");
    expect(irPath("/cell/model/a~1b~0c")).toBe("cell.model.a/b~c");
  });
});
