import { describe, expect, it } from "vitest";
import type { EndConditionIR, NodeIR, ProtocolIR, StepIR } from "../../../src/ir/types.js";
import { validateIr } from "../../../src/ir/validate.js";
import { pybammTarget } from "../../../src/targets/pybamm/index.js";
import { codesInOrder, errorsOf } from "../common/helpers.js";

function importText(content: string, file = "experiment.py") {
  return pybammTarget.import!(new TextEncoder().encode(content), file);
}

/** Imports and fails the test on errors. */
function imported(content: string, file = "experiment.py"): ProtocolIR {
  const result = importText(content, file);
  expect(errorsOf(result.diagnostics).map((d) => `${d.code} ${d.message} @${d.span.start.line}:${d.span.start.column}`)).toEqual([]);
  expect(result.ir).not.toBeNull();
  expect(validateIr(result.ir).errors).toEqual([]);
  return result.ir!;
}

function only(ir: ProtocolIR): StepIR {
  expect(ir.body).toHaveLength(1);
  return ir.body[0] as StepIR;
}

function ends(step: StepIR): EndConditionIR[] {
  return "ends" in step ? step.ends : [];
}

function shape(nodes: readonly NodeIR[]): unknown[] {
  return nodes.map((n) => (n.kind === "loop" ? { loop: n.count, body: shape(n.body) } : n.kind));
}

const CAPACITY = "# Nominal cell capacity [A.h] = 5\n";

describe("pybamm import: PyBaMM's own examples", () => {
  // The examples PyBaMM's step parser is tested with (see the research notes, §4.2).
  it.each([
    ["Discharge at 1C for 0.5 hours", "constantCurrent", { direction: "discharge", amps: 5, seconds: 1800 }],
    ["Discharge at C/20 for 0.5 hours", "constantCurrent", { direction: "discharge", amps: 0.25, seconds: 1800 }],
    ["Charge at 0.5 C for 45 minutes", "constantCurrent", { direction: "charge", amps: 2.5, seconds: 2700 }],
    ["Discharge at 1 A for 0.5 hours", "constantCurrent", { direction: "discharge", amps: 1, seconds: 1800 }],
    ["Charge at 200 mA for 45 minutes", "constantCurrent", { direction: "charge", amps: 0.2, seconds: 2700 }],
    ["Discharge at 1W for 0.5 hours", "constantPower", { direction: "discharge", watts: 1, seconds: 1800 }],
    ["Charge at 200mW for 45 minutes", "constantPower", { direction: "charge", watts: 0.2, seconds: 2700 }],
    ["Rest for 10 minutes", "rest", { seconds: 600 }],
    ["Hold at 1V for 20 seconds", "constantVoltage", { volts: 1, seconds: 20 }],
  ] as const)("%s", (string, kind, expected) => {
    const step = only(imported(`${CAPACITY}${string}\n`, "steps.txt"));
    expect(step.kind).toBe(kind);
    if ("direction" in expected) expect((step as { direction: string }).direction).toBe(expected.direction);
    if ("amps" in expected) expect((step as { current: { si: number } }).current.si).toBeCloseTo(expected.amps, 12);
    if ("watts" in expected) expect((step as { power: { si: number } }).power.si).toBeCloseTo(expected.watts, 12);
    if ("volts" in expected) expect((step as { voltage: { volts: number } }).voltage.volts).toBe(expected.volts);
    expect(ends(step).find((e) => e.kind === "time")).toMatchObject({ seconds: expected.seconds });
  });

  it("reads cut-offs: C-rates and currents as tapers, voltages by the step's direction", () => {
    const ir = imported(
      `${CAPACITY}Charge at 1 C until 4.1V\nHold at 4.1 V until 50mA\nHold at 3V until C/50\nDischarge at C/3 for 2 hours or until 2.5 V\n`,
      "steps.txt",
    );
    const [charge, hold, taper, discharge] = ir.body as StepIR[];
    expect(ends(charge!)).toMatchObject([{ kind: "voltage", comparator: ">=", volts: 4.1 }]);
    expect(ends(hold!)).toMatchObject([{ kind: "current", comparator: "<", amperes: 0.05 }]);
    expect(ends(taper!)).toMatchObject([{ kind: "current", comparator: "<", resolved: { basis: "c-rate", relative: 0.02 } }]);
    expect(ends(discharge!)).toMatchObject([
      { kind: "time", seconds: 7200 },
      { kind: "voltage", comparator: "<=", volts: 2.5 },
    ]);
  });

  it("reads PyBaMM's period and its `m` for minutes", () => {
    const step = only(imported(`${CAPACITY}Discharge at C/20 for 1h (2 minute period)\n`, "steps.txt"));
    expect(step.record).toEqual({ time: 120 });
    expect(ends(only(imported("Rest for 5 m\n", "steps.txt")))).toMatchObject([{ kind: "time", seconds: 300 }]);
  });
});

describe("pybamm import: file shapes", () => {
  it("a .py file: names, tuples as cycles, `* N` as loops, keywords and the parameter set", () => {
    const ir = imported(`import pybamm

cycle = (
    "Charge at 1C until 4.2 V",  # CC
    "Discharge at 1C until 3 V",
)
parameter_values = pybamm.ParameterValues("Chen2020")
parameter_values.update({"Nominal cell capacity [A.h]": 5.0, "Lower voltage cut-off [V]": 2.5, "Upper voltage cut-off [V]": 4.2})

experiment = pybamm.Experiment(
    [pybamm.step.string("Rest for 1 hour", temperature="40oC", tags=["settle"])]
    + [cycle] * 100
    + [("Rest for 10 minutes",) + cycle] * 2,
    period="30 seconds",
)
`);
    expect(shape(ir.body)).toEqual([
      "temperature",
      "rest",
      { loop: 100, body: ["constantCurrent", "constantCurrent"] },
      { loop: 2, body: ["rest", "constantCurrent", "constantCurrent"] },
    ]);
    expect(ir.cell!.nominalCapacity).toBeCloseTo(5 * 3600, 9);
    expect(ir.limits).toEqual({ voltage: { min: 2.5, max: 4.2 } });
    expect(ir.record).toEqual({ time: 30 });
    expect((ir.body[1] as StepIR).label).toBe("settle");
    expect((ir.body[0] as Extract<NodeIR, { kind: "temperature" }>).setpoint).toBeCloseTo(313.15, 9);
  });

  it("a .py file with the keyword form of steps (several terminations)", () => {
    const ir = imported(`import pybamm
params = {"Nominal cell capacity [A.h]": 2}
experiment = pybamm.Experiment([
    pybamm.step.c_rate(-0.5, duration="2 hours", termination=["4.2 V", "C/50"]),
    pybamm.step.current(0.1, termination="2.5V"),
    pybamm.step.voltage(4.2, duration=3600, termination="10 mA"),
    pybamm.step.rest(600),
])
`);
    const [charge, discharge, hold, rest] = ir.body as StepIR[];
    expect(charge).toMatchObject({ kind: "constantCurrent", direction: "charge", current: { basis: "c-rate", relative: 0.5 } });
    expect(ends(charge!)).toMatchObject([
      { kind: "time", seconds: 7200 },
      { kind: "voltage", comparator: ">=" },
      { kind: "current", comparator: "<" },
    ]);
    expect(discharge).toMatchObject({ kind: "constantCurrent", direction: "discharge", current: { si: 0.1 } });
    expect(hold).toMatchObject({ kind: "constantVoltage", voltage: { volts: 4.2 } });
    expect(ends(rest!)).toMatchObject([{ kind: "time", seconds: 600 }]);
  });

  it("a JSON list of strings and cycles, and a JSON object with the capacity", () => {
    const list = imported('["Rest for 1 hour", ["Charge at 1 A until 4.2 V", "Discharge at 1 A until 3 V"]]', "experiment.json");
    expect(shape(list.body)).toEqual(["rest", "constantCurrent", "constantCurrent"]);
    const object = imported(
      '{"operating_conditions": ["Discharge at 1C until 3 V"], "Nominal cell capacity [A.h]": 2.5, "temperature": "25oC", "period": "1 minute"}',
      "experiment.json",
    );
    expect(shape(object.body)).toEqual(["temperature", "constantCurrent"]);
    expect(object.record).toEqual({ time: 60 });
  });

  it("a .txt file: one step per line, comments, pasted quotes and commas", () => {
    const ir = imported('# formation\n"Rest for 1 hour",\n\nCharge at 1 A until 4.2 V\n', "steps.txt");
    expect(shape(ir.body)).toEqual(["rest", "constantCurrent"]);
  });

  it("reads Windows line ends and a byte-order mark", () => {
    const ir = imported('\ufeffimport pybamm\r\nexperiment = pybamm.Experiment(\r\n    [("Rest for 1 hour",)] * 2\r\n)\r\n');
    expect(shape(ir.body)).toEqual([{ loop: 2, body: ["rest"] }]);
    expect(shape(imported("\ufeffRest for 1 hour\r\nRest for 2 hours\r\n", "steps.txt").body)).toEqual(["rest", "rest"]);
  });

  it("diagnostics point into the file at the step string", () => {
    const result = importText(
      'import pybamm\nexperiment = pybamm.Experiment([\n    "Rest for 1 hour",\n    "Charge at 1 A until 4.2 volts",\n])\n',
    );
    const error = errorsOf(result.diagnostics)[0]!;
    expect(error.span.file).toBe("experiment.py");
    expect(error.span.start.line).toBe(4);
    expect(error.span.start.column).toBeGreaterThan(5);
  });
});

describe("pybamm import: PyBaMM's meaning where btp would read otherwise", () => {
  it("refuses a bare voltage cut-off on a rest, which PyBaMM ignores", () => {
    const result = importText("Rest until 3 V\n", "steps.txt");
    expect(codesInOrder(result.diagnostics)).toContain("BTP6713");
    expect(result.ir).toBeNull();
  });

  it("reads `<` and `>` on a voltage as btp's ≤ and ≥", () => {
    expect(ends(only(imported("Rest until < 3 V\n", "steps.txt")))).toMatchObject([{ comparator: "<=", volts: 3 }]);
  });

  it("warns where PyBaMM compares a signed current, or ignores an operator", () => {
    expect(codesInOrder(importText("Hold at 3.8V for 1h until > 5A\n", "steps.txt").diagnostics)).toContain("BTP6720");
  });

  it("refuses what PyBaMM itself refuses", () => {
    expect(codesInOrder(importText("Discharge at 1 A until 3 V at 25oC\n", "steps.txt").diagnostics)).toContain("BTP6712");
    expect(codesInOrder(importText("Run US06 (A) for 1 hour\n", "steps.txt").diagnostics)).toContain("BTP6712");
    expect(codesInOrder(importText("Charge at 1 A until 4.2 V then hold at 4.2 V until 50 mA\n", "steps.txt").diagnostics)).toContain("BTP6712");
  });

  it("warns about strings PyBaMM would refuse but btp can read", () => {
    const result = importText("charge at 1 A until 4.2 V\n", "steps.txt");
    expect(result.diagnostics.find((d) => d.code === "BTP6712")?.severity).toBe("warning");
    expect(result.ir).not.toBeNull();
  });

  it("says where to give 1C when C-rates come without the capacity", () => {
    const result = importText("Discharge at 1C until 3 V\n", "steps.txt");
    expect(codesInOrder(result.diagnostics)).toEqual(["BTP6715"]);
    expect(result.diagnostics[0]!.hint).toContain("Nominal cell capacity [A.h]");
  });

  it("reports what it does not import", () => {
    const result = importText(
      'import pybamm\nexperiment = pybamm.Experiment(["Rest for 1 hour"], termination="80% capacity")\nother = pybamm.Experiment(["Rest for 2 hours"])\n',
    );
    expect(codesInOrder(result.diagnostics).sort()).toEqual(["BTP6714", "BTP6717"]);
    expect(result.ir).not.toBeNull();
  });
});

describe("pybamm import: bad and hostile input gives diagnostics, never a crash", () => {
  const cases: [string, string, string, string][] = [
    ["no experiment", "import pybamm\nmodel = pybamm.lithium_ion.SPM()\n", "model.py", "BTP6710"],
    ["a comprehension", 'import pybamm\nexperiment = pybamm.Experiment([f"Rest for {t} minutes" for t in (1, 2)])\n', "x.py", "BTP6711"],
    ["an f-string", 'import pybamm\nt = 5\nexperiment = pybamm.Experiment([f"Rest for {t} minutes"])\n', "x.py", "BTP6711"],
    ["an unknown name", "import pybamm\nexperiment = pybamm.Experiment(steps)\n", "x.py", "BTP6711"],
    ["a power as the count", 'import pybamm\nexperiment = pybamm.Experiment([("Rest for 1 s",)] * 10**9)\n', "x.py", "BTP6718"],
    ["a fractional count", 'import pybamm\nexperiment = pybamm.Experiment([("Rest for 1 s",)] * 2.5)\n', "x.py", "BTP6718"],
    ["an unterminated string", 'import pybamm\nexperiment = pybamm.Experiment(["Rest for 1 s])\n', "x.py", "BTP6711"],
    ["a drive cycle", "import pybamm\nexperiment = pybamm.Experiment([pybamm.step.current(drive_cycle)])\n", "x.py", "BTP6711"],
    ["a list in the list", 'import pybamm\nexperiment = pybamm.Experiment([["Rest for 1 s"]])\n', "x.py", "BTP6711"],
    ["JSON that is not a list", '{"steps": 3}', "x.json", "BTP6710"],
    ["truncated JSON", '["Rest for 1 hour", ', "x.json", "BTP6711"],
  ];
  it.each(cases)("%s", (_what, content, file, code) => {
    const result = importText(content, file);
    expect(codesInOrder(result.diagnostics)).toContain(code);
    expect(result.ir).toBeNull();
  });

  it("names referring to each other in a cycle stop", () => {
    const result = importText("import pybamm\na = b\nb = a\nexperiment = pybamm.Experiment(a)\n");
    expect(codesInOrder(result.diagnostics)).toContain("BTP6711");
  });

  it("deep nesting is refused before it can overflow the stack", () => {
    const deep = `import pybamm\nexperiment = pybamm.Experiment(${"[".repeat(100_000)}${"]".repeat(100_000)})\n`;
    expect(codesInOrder(importText(deep).diagnostics)).toContain("BTP6716");
    const signs = `import pybamm\nexperiment = pybamm.Experiment([("Rest for 1 s",)] * ${"-".repeat(100_000)}1)\n`;
    expect(codesInOrder(importText(signs).diagnostics)).toContain("BTP6716");
  });

  it("names that double at each level do not blow up", () => {
    const levels = Array.from({ length: 30 }, (_, i) => `n${i} = n${i + 1} + n${i + 1}`).join("\n");
    const source = `import pybamm\n${levels}\nn30 = [("Rest for 1 s",)]\nexperiment = pybamm.Experiment(n0)\n`;
    const started = Date.now();
    const result = importText(source);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(errorsOf(result.diagnostics).length).toBeGreaterThan(0);
  });

  it("a huge repetition count stays one loop, and an absurd one is the checker's refusal", () => {
    const ir = imported('import pybamm\nexperiment = pybamm.Experiment([("Rest for 1 s",)] * 10000000)\n');
    expect(shape(ir.body)).toEqual([{ loop: 10_000_000, body: ["rest"] }]);
    const absurd = importText('import pybamm\nexperiment = pybamm.Experiment([("Rest for 1 s",)] * 1000000000)\n');
    expect(codesInOrder(absurd.diagnostics)).toEqual(["BTP3032"]);
    expect(absurd.diagnostics[0]!.span.start.line).toBe(2);
  });

  it("bytes that are not UTF-8, and files far too large, are refused", () => {
    expect(codesInOrder(pybammTarget.import!(new Uint8Array([0x52, 0xff, 0xfe, 0x00]), "x.txt").diagnostics)).toEqual(["BTP6719"]);
    expect(codesInOrder(pybammTarget.import!(new Uint8Array(5 * 1024 * 1024).fill(0x20), "x.txt").diagnostics)).toEqual(["BTP6716"]);
  });

  it("a million tokens is refused quickly", () => {
    const started = Date.now();
    const result = importText(`import pybamm\nx = [${"1, ".repeat(600_000)}]\nexperiment = pybamm.Experiment(x)\n`);
    expect(codesInOrder(result.diagnostics)).toContain("BTP6716");
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
