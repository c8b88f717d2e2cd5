import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../../src/check/index.js";
import type { NodeIR, ProtocolIR, StepIR } from "../../../src/ir/types.js";
import { printProtocol } from "../../../src/targets/btp/print.js";
import { checked, root } from "../common/fake-targets.js";

const cell = 'use cell "cells/na-cge-nvp.btp"\n';

/** The body lines of a printed protocol (after the cell and the blank line). */
function bodyOf(text: string): string[] {
  const lines = text.trimEnd().split("\n");
  const lastBlank = lines.lastIndexOf("");
  return lines.slice(lastBlank + 1);
}

describe("printProtocol", () => {
  it("writes inferred comparators plainly and others explicitly", () => {
    const ir = checked(`${cell}charge at 1C until 3.9 V\ncharge at 1C until voltage < 3.0 V or 2 h\ndischarge at 1 mA for 1 h or until 2.3 V\nhold at 3.9 V until current > 1 mA or C/20\n`);
    expect(bodyOf(printProtocol(ir).text)).toEqual([
      "charge at 1C until 3.9 V",
      "charge at 1C until voltage < 3 V or 2 h",
      "discharge at 1 mA for 1 h or until 2.3 V",
      "hold at 3.9 V until current > 1 mA or C/20",
    ]);
  });

  it("writes currents an importer gave without spelling relative to the cell, as the source basis was", () => {
    const ir = checked(`${cell}charge at 0.5C until 3.9 V\ndischarge at 0.2 mA/cm2 until 2.3 V\n`);
    const strip = (node: NodeIR): NodeIR => (node.kind === "constantCurrent" ? { ...node, current: { ...node.current, text: "" } } : node);
    const printed = printProtocol({ ...ir, body: ir.body.map(strip) });
    expect(bodyOf(printed.text)).toEqual(["charge at 0.5C until 3.9 V", "discharge at 0.2 mA/cm² until 2.3 V"]);
    const plain = printProtocol({ ...ir, cell: null, body: ir.body.map(strip) });
    expect(bodyOf(plain.text)).toEqual(["charge at 0.147 mA until 3.9 V", "discharge at 0.2262 mA until 2.3 V"]);
  });

  it("keeps a C-rate that an importer could not resolve (no capacity in the file) instead of printing 0 A", () => {
    const ir = checked(`${cell}charge at 0.5C until 3.9 V\n`);
    const unresolved = (node: NodeIR): NodeIR =>
      node.kind === "constantCurrent" ? { ...node, current: { si: 0, text: "2C", basis: "c-rate", relative: 2 } } : node;
    const printed = printProtocol({ ...ir, cell: null, body: ir.body.map(unresolved) });
    expect(bodyOf(printed.text)).toEqual(["charge at 2C until 3.9 V"]);
  });

  it("puts a step's own limits, record rule and label on the step", () => {
    const ir = checked(`limits { voltage 2 V .. 4.2 V }\nrecord every 10 s\nrest for 1 h, record every 1 s or 1 mV, limits { current 5 mA }, label "settle"\nrest for 2 h\n`);
    const text = printProtocol(ir).text;
    expect(text).toContain('rest for 1 h, record every 1 s or 1 mV, limits { voltage 2 V .. 4.2 V, current 5 mA }, label "settle"\nrest for 2 h\n');
    expect(text).toContain("limits { voltage 2 V .. 4.2 V }\nrecord every 10 s\n");
  });

  it("keeps what btp cannot state as a comment and says so", () => {
    const ir = checked("repeat 3 {\n  rest for 1 s\n  after cycle 2 { rest for 5 s }\n}\n");
    const loop = ir.body[0] as Extract<NodeIR, { kind: "loop" }>;
    const stray: ProtocolIR = { ...ir, body: [loop.body[1]!] };
    const printed = printProtocol(stray, { header: ["Imported from x.xml", "second\nline"] });
    expect(printed.diagnostics).toMatchObject([{ code: "BTP6042", severity: "warning" }]);
    expect(printed.text).toBe("# Imported from x.xml\n# second\n# line\n\n# not expressible in btp: After cycle 2 outside any loop\n#   Rest 5 s\n");
  });

  it("writes every kind of step so that it checks back to the same step", () => {
    const source = [
      cell,
      "ocv for 1 h",
      "charge at 1 mW until 3.9 V",
      "charge at 0.5C until 3.9 V then hold for 1 h or until C/20",
      "discharge at 1C until 0.1 mAh or 2.3 V",
      "hold at ocv - 10 mV for 10 min",
      "eis from 100 kHz to 10 mHz, amplitude 10 uA, 6 points per decade, bias 0 mA",
      "sweep from ocv to 3.9 V at 0.1 mV/s",
      "cv between 2.3 V and 3.9 V at 0.5 mV/s, 3 cycles, start at 3 V",
      "temperature -20 °C, settle until stable",
      'pause "Move the cell to the glove box"',
    ].join("\n");
    const first = checked(source + "\n");
    const printed = printProtocol(first);
    const again = checkText(printed.text, path.join(root, "protocols", "printed.btp"));
    expect(again.diagnostics).toEqual([]);
    const shape = (s: StepIR) => JSON.stringify(s, (k, v) => (k === "span" || k === "derivation" ? undefined : v));
    expect((again.ir!.body as StepIR[]).map(shape)).toEqual((first.body as StepIR[]).map(shape));
  });
});

describe("printProtocol on hostile input", () => {
  it("stops at absurd nesting with a diagnostic instead of exhausting the stack", () => {
    const ir = checked("rest for 1 s\n");
    let body: NodeIR[] = ir.body;
    for (let i = 0; i < 5000; i++) body = [{ kind: "loop", id: "1", span: ir.body[0]!.span, count: 2, until: null, body }];
    const printed = printProtocol({ ...ir, body });
    expect(printed.diagnostics.map((d) => d.code)).toEqual(["BTP6042"]);
    expect(printed.text).toContain("# not expressible in btp: blocks nested more than 64 deep");
  });
});
