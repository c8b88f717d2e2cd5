// compile → import gives the same IR for what PyBaMM expresses; what it expresses differently
// (record triggers other than time, groups, CC-CV split) is exactly what the header lists.

import { describe, expect, it } from "vitest";
import { compileForTarget } from "../../../src/targets/common/compile.js";
import { pybammTarget } from "../../../src/targets/pybamm/index.js";
import type { ProtocolIR } from "../../../src/ir/types.js";
import { bundledIr, errorsOf, GOLDEN_PROTOCOLS, onlyText, OPTIONS, protocolIrWithArea } from "../common/helpers.js";
import { pybammMeaning } from "./meaning.js";

function roundTrip(ir: ProtocolIR): { python: string; back: ProtocolIR } {
  const python = onlyText(compileForTarget(pybammTarget, ir, OPTIONS));
  const imported = pybammTarget.import!(new TextEncoder().encode(python), "experiment.py");
  expect(errorsOf(imported.diagnostics).map((d) => `${d.code} ${d.message} @${d.span.start.line}`)).toEqual([]);
  return { python, back: imported.ir! };
}

/** A protocol PyBaMM can say in full: every step kind it has, C-rates and currents, nested
 * loops, labels, temperatures with settle times, a time record rule and a voltage window. */
const EXPRESSIBLE = `
limits { voltage 2.0 V .. 4.2 V }
record every 30 s
temperature 25 °C, settle 2 h
rest for 1 h
charge at C/20 for 1 h or until 3.9 V, label "formation"
hold at 3.9 V until C/50
discharge at 147 uA until 2.3 V
repeat 3 {
  rest for 10 min
  repeat 5 {
    charge at 0.5C until 3.9 V
    discharge at 0.5C until 2.3 V
  }
  discharge at 10 mW for 30 s or until 2.5 V
}
at -20 °C, settle 4 h {
  repeat 2 { charge at 0.1C until 3.9 V; discharge at 0.1C until 2.3 V }
}
at 60 °C {
  hold at 3.5 V for 2 h or until 0.05 mA
  rest until 3.2 V
}
charge at 1 mA for 1 h, record every 5 s
`;

describe("pybamm round trip", () => {
  it("a protocol PyBaMM can express comes back as the same IR", () => {
    const ir = protocolIrWithArea(EXPRESSIBLE);
    const { back } = roundTrip(ir);
    expect(pybammMeaning(back)).toEqual(pybammMeaning(ir));
  });

  it("importing and compiling again writes the same experiment", () => {
    const first = roundTrip(protocolIrWithArea(EXPRESSIBLE));
    const again = onlyText(compileForTarget(pybammTarget, first.back, OPTIONS));
    // Group labels are comments, which PyBaMM does not keep.
    const experiment = (python: string) =>
      python
        .slice(python.indexOf("experiment = "), python.indexOf("\n)\n"))
        .split("\n")
        .filter((line) => !line.trim().startsWith("#"))
        .join("\n");
    expect(experiment(again)).toBe(experiment(first.python));
  });

  it.each(GOLDEN_PROTOCOLS)("%s comes back the same apart from the listed emulations", (name) => {
    const ir = bundledIr(name);
    const { python, back } = roundTrip(ir);
    expect(pybammMeaning(back, { timeRecordOnly: true })).toEqual(pybammMeaning(ir, { timeRecordOnly: true }));
    // What differs is what the header says: the voltage trigger of the record rule.
    expect(ir.record.voltage).toBeDefined();
    expect(back.record.voltage).toBeUndefined();
    expect(python).toMatch(/a recording rule: .*voltage and current triggers/);
  });

  it("a CC-CV step comes back as its two PyBaMM steps (the emulation the header lists)", () => {
    const { back } = roundTrip(protocolIrWithArea("charge at 0.5C until 3.9 V then hold until C/20"));
    expect(back.body.map((n) => n.kind)).toEqual(["constantCurrent", "constantVoltage"]);
  });

  it("a loop with steps after given cycles comes back as the runs it was written as", () => {
    const { back } = roundTrip(protocolIrWithArea("repeat 60 {\n  charge at 1 mA for 1 h\n  after cycle 10, 60 { rest for 10 min }\n}"));
    expect(back.body.map((n) => (n.kind === "loop" ? `loop ${n.count}` : n.kind))).toEqual([
      "loop 9",
      "constantCurrent",
      "rest",
      "loop 49",
      "constantCurrent",
      "rest",
    ]);
  });
});
