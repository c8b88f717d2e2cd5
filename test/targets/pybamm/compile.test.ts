import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileForTarget } from "../../../src/targets/common/compile.js";
import { pybammTarget } from "../../../src/targets/pybamm/index.js";
import { bundledIr, codesInOrder, errorsOf, expectGolden, GOLDEN_PROTOCOLS, onlyText, OPTIONS, protocolIrWithArea } from "../common/helpers.js";

function compile(body: string) {
  return compileForTarget(pybammTarget, protocolIrWithArea(body), OPTIONS);
}

/** The text between `experiment = pybamm.Experiment(` and its closing line. */
function experimentOf(python: string): string {
  const start = python.indexOf("experiment = pybamm.Experiment(\n");
  const end = python.indexOf("\n)\n", start);
  expect(start).toBeGreaterThan(-1);
  return python.slice(start + "experiment = pybamm.Experiment(\n".length, end);
}

/** Every step string of a file (the first argument of each string literal that is a step). */
function stepStrings(python: string): string[] {
  return [...experimentOf(python).matchAll(/"((?:Charge|Discharge|Hold|Rest)[^"]*)"/g)].map((m) => m[1]!);
}

describe("pybamm compile: loops and sign", () => {
  it("a 3-pass loop is one tuple repeated 3 times: PyBaMM builds exactly 3 cycles", () => {
    const python = onlyText(compile("repeat 3 {\n  charge at 1 mA until 3.9 V\n  discharge at 1 mA until 2.3 V\n}"));
    expect(experimentOf(python)).toBe('    [("Charge at 1 mA until 3.9 V", "Discharge at 1 mA until 2.3 V")] * 3,');
    expect(python).toContain("3 cycles and 6 steps in memory");
  });

  it("the direction is a word in strings and a sign in the keyword form (negative on charge)", () => {
    const python = onlyText(compile("charge at 0.5C until 3.9 V or until C/50\ndischarge at 2 mA until 2.3 V or until 1 mA"));
    expect(python).toContain('pybamm.step.c_rate(-0.5, termination=["3.9 V", "C/50"])');
    expect(python).toContain('pybamm.step.current(0.002, termination=["2.3 V", "1 mA"])');
  });

  it("nested loops are a parenthesised sum repeated, never unrolled", () => {
    const python = onlyText(compile("repeat 2 {\n  rest for 1 min\n  repeat 5 {\n    charge at 1 mA for 1 s\n  }\n}"));
    expect(experimentOf(python)).toBe(
      ["    (", '        [("Rest for 1 minute",)]', '        + [("Charge at 1 mA for 1 second",)] * 5', "    ) * 2,"].join("\n"),
    );
  });

  it("A8's 10,000 cycles stay one repetition and the file is small", () => {
    const result = compileForTarget(pybammTarget, bundledIr("a08-cycling-5c-10000-cycles"), OPTIONS);
    const python = onlyText(result);
    expect(python).toContain('[("Charge at 5C until 3.9 V", "Discharge at 5C until 2.3 V")] * 10000');
    expect(python.match(/Charge at 5C/g)).toHaveLength(1);
    expect(result.files[0]!.content.length).toBeLessThan(50 * 1024);
    expect(python).toContain("10,001 cycles and 20,001 steps in memory");
  });
});

describe("pybamm compile: steps in PyBaMM's grammar", () => {
  it("writes C-rates as the source spelled them, currents in A or mA, times in PyBaMM's words", () => {
    const python = onlyText(
      compile(
        [
          "charge at C/20 for 1 h or until 3.9 V",
          "discharge at 0.5C for 90 min",
          "charge at 147 uA for 45 s",
          "discharge at 1.5 A for 2 h",
          "hold at 3.9 V until 50 uA",
          "discharge at 10 mW until 2.3 V",
          "discharge at 2 W for 30 s",
        ].join("\n"),
      ),
    );
    expect(stepStrings(python)).toEqual([
      "Charge at C/20 for 1 hour or until 3.9 V",
      "Discharge at 0.5C for 90 minutes",
      "Charge at 0.147 mA for 45 seconds",
      "Discharge at 1.5 A for 2 hours",
      "Hold at 3.9 V until 0.05 mA",
      "Discharge at 10 mW until 2.3 V",
      "Discharge at 2 W for 30 seconds",
    ]);
  });

  it("voltage cut-offs of rests and holds carry < or >, which PyBaMM needs there", () => {
    const python = onlyText(compile("discharge at 1 mA until 2.3 V\nrest until 3 V\nhold at 3.5 V for 1 h or until < 3.4 V"));
    expect(stepStrings(python)).toEqual(["Discharge at 1 mA until 2.3 V", "Rest until > 3 V", "Hold at 3.5 V for 1 hour or until < 3.4 V"]);
  });

  it("every step string of the golden protocols follows PyBaMM's current step grammar", () => {
    const value = String.raw`(?:C\/\d+(?:\.\d+)?|-?\d+(?:\.\d+)?(?:e-?\d+)? ?(?:m?A|m?V|m?W|C))`;
    const time = String.raw`\d+(?:\.\d+)? (?:hours?|minutes?|seconds?)`;
    const until = String.raw`until (?:[<>] )?${value}`;
    const grammar = new RegExp(
      String.raw`^(?:(?:Charge|Discharge|Hold) at ${value}|Rest)(?: for ${time})?(?:(?: or)? ${until}(?: or ${until})*)?$`,
    );
    for (const name of GOLDEN_PROTOCOLS) {
      const strings = stepStrings(onlyText(compileForTarget(pybammTarget, bundledIr(name), { ...OPTIONS, baseName: name })));
      expect(strings.length).toBeGreaterThan(0);
      for (const s of strings) {
        expect(s, name).toMatch(grammar);
        expect(s).not.toContain("oC");
        expect(s).toMatch(/\b(for|until)\b/);
      }
    }
  });

  it("temperature is a keyword: on the experiment when every step shares it, per step otherwise", () => {
    const shared = onlyText(compile("temperature 60 °C, settle 2 h\ncharge at 1 mA until 3.9 V"));
    expect(shared).toContain('    temperature="60oC",\n)');
    expect(shared).toContain('pybamm.step.string("Rest for 2 hours", tags=["temperature settle"])');
    const mixed = onlyText(compile("at -20 °C { charge at 1 mA until 3.9 V }\nat 25 °C { discharge at 1 mA until 2.3 V }"));
    expect(mixed).toContain('pybamm.step.string("Charge at 1 mA until 3.9 V", temperature="-20oC")');
    expect(mixed).toContain('pybamm.step.string("Discharge at 1 mA until 2.3 V", temperature="25oC")');
    expect(mixed).not.toMatch(/^\s+temperature=/m);
  });

  it("labels become tags, with Python escapes", () => {
    const python = onlyText(compile('rest for 1 h, label "say \\"hi\\" \\\\ Ω"'));
    expect(python).toContain('pybamm.step.string("Rest for 1 hour", tags=["say \\"hi\\" \\\\ Ω"])');
  });

  it("the cell's 1C and the safety window go to the parameter set", () => {
    const python = onlyText(compile("limits { voltage 2.0 V .. 4.2 V }\ncharge at 1C until 3.9 V"));
    expect(python).toContain(
      '    "Nominal cell capacity [A.h]": 0.000294,\n    "Lower voltage cut-off [V]": 2,\n    "Upper voltage cut-off [V]": 4.2,\n',
    );
  });
});

describe("pybamm compile: emulations", () => {
  it("a CC-CV step becomes a charge until the voltage, then a hold at it", () => {
    const result = compile("charge at 0.5C until 3.9 V then hold until C/20");
    expect(stepStrings(onlyText(result))).toEqual(["Charge at 0.5C until 3.9 V", "Hold at 3.9 V until C/20"]);
    expect(result.emulations.map((e) => e.message)).toContain(
      'CC-CV written as two steps: "Charge at 0.5C until 3.9 V" then "Hold at 3.9 V until C/20"',
    );
  });

  it("a capacity end at constant current becomes the time that passes that charge", () => {
    const result = compile("charge at 0.1 mA until 0.2 mAh or 3 h");
    expect(stepStrings(onlyText(result))).toEqual(["Charge at 0.1 mA for 2 hours"]);
    expect(result.emulations.some((e) => e.construct === "capacityEnd" && e.message.includes("2 hours"))).toBe(true);
  });

  it("steps after listed cycles split the loop into runs of passes, not single passes", () => {
    const python = onlyText(compile("repeat 60 {\n  charge at 1 mA for 1 h\n  after cycle 10, 60 { rest for 10 min }\n}"));
    expect(experimentOf(python)).toBe(
      [
        '    [("Charge at 1 mA for 1 hour",)] * 9',
        '    + [("Charge at 1 mA for 1 hour", "Rest for 10 minutes")]',
        '    + [("Charge at 1 mA for 1 hour",)] * 49',
        '    + [("Charge at 1 mA for 1 hour", "Rest for 10 minutes")],',
      ].join("\n"),
    );
  });

  it("every N cycles is a repeated period plus the remainder", () => {
    const result = compile("repeat 25 {\n  charge at 1 mA for 1 h\n  every 10 cycles { rest for 10 min }\n}");
    expect(result.emulations.find((e) => e.construct === "cycleAction")!.message).toBe(
      "the 25-pass loop is written as runs of passes with and without the steps at given cycles: (9 without, 1 with) × 2, then 5 without",
    );
    const python = onlyText(result);
    expect(experimentOf(python)).toBe(
      [
        "    (",
        '        [("Charge at 1 mA for 1 hour",)] * 9',
        '        + [("Charge at 1 mA for 1 hour", "Rest for 10 minutes")]',
        "    ) * 2",
        '    + [("Charge at 1 mA for 1 hour",)] * 5,',
      ].join("\n"),
    );
  });

  it("a current density is resolved to mA and listed", () => {
    const result = compile("charge at 0.2 mA/cm2 for 2 h");
    expect(stepStrings(onlyText(result))).toEqual(["Charge at 0.2262 mA for 2 hours"]);
    expect(result.emulations.some((e) => e.construct === "currentDensity")).toBe(true);
  });

  it("record triggers other than time, groups and the safety window are listed in the header", () => {
    const python = onlyText(compile('record every 30 s or 5 mV\nlimits { voltage 2 V .. 4 V }\nsection "x" { rest for 1 h }'));
    const header = python.slice(0, python.indexOf("import pybamm"));
    expect(header).toMatch(/# {3}- line \d+: a recording rule: .*voltage and current triggers .* not simulated/);
    expect(header).toMatch(/safety limits: .*voltage cut-offs/);
    expect(header).toMatch(/a section or sweep group: a comment/);
    expect(python).toContain('    period="30 seconds",\n');
  });
});

describe("pybamm compile: refusals", () => {
  const refused: [string, string, string][] = [
    ["EIS", "eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade", "BTP6001"],
    ["LSV", "sweep from 2 V to 4 V at 0.1 mV/s", "BTP6001"],
    ["CV", "cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles", "BTP6001"],
    ["a pause", 'pause "move the cell"', "BTP6001"],
    [
      "a loop until",
      "repeat 100 until discharge capacity < 80 % of cycle 1 { charge at 1C until 3.9 V; discharge at 1C until 2.3 V }",
      "BTP6001",
    ],
    [
      "stop if",
      "repeat 100 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  stop if discharge capacity < 80 % of cycle 1\n}",
      "BTP6001",
    ],
    ["a voltage relative to OCV", "hold at ocv + 50 mV for 1 h", "BTP6001"],
    ["a temperature end", "rest until temperature > 30 °C", "BTP6001"],
    ["a capacity end on a hold", "hold at 3.9 V until 0.1 mAh or 2 h", "BTP6701"],
    ["a rising current end", "hold at 3.8 V for 1 h until > 5 mA", "BTP6702"],
    ["settle until stable", "temperature 60 °C, settle until stable\nrest for 1 h", "BTP6703"],
  ];
  it.each(refused)("refuses %s with a diagnostic at its place and writes nothing", (_what, body, code) => {
    const ir = protocolIrWithArea(`rest for 1 min\n${body}`);
    const result = compileForTarget(pybammTarget, ir, OPTIONS);
    expect(result.files).toEqual([]);
    const error = errorsOf(result.diagnostics).find((d) => d.code === code);
    expect(error, codesInOrder(result.diagnostics).join(",")).toBeDefined();
    expect(error!.span.start.line).toBeGreaterThan(8); // in the body, not the header or the cell
    expect(error!.target).toBe("pybamm");
  });

  it("a step without an end (possible in an IR from an importer) is refused", () => {
    const ir = protocolIrWithArea("rest for 1 h\ncharge at 1C until 3.9 V then hold until C/20");
    const rest = ir.body[0] as Extract<(typeof ir.body)[number], { kind: "rest" }>;
    rest.ends = [];
    const ccCv = ir.body[1] as Extract<(typeof ir.body)[number], { kind: "ccCv" }>;
    ccCv.cvEnds = [];
    const result = compileForTarget(pybammTarget, ir, OPTIONS);
    expect(errorsOf(result.diagnostics).map((d) => [d.code, d.span.start.line])).toEqual([
      ["BTP6705", 9],
      ["BTP6705", 10],
    ]);
  });

  it("a protocol with nothing PyBaMM runs is refused", () => {
    const result = compileForTarget(pybammTarget, protocolIrWithArea("temperature 25 °C"), OPTIONS);
    expect(codesInOrder(result.diagnostics)).toContain("BTP6706");
    expect(result.files).toEqual([]);
  });

  it("a loop whose steps at given cycles make a pattern too long is refused", () => {
    const ir = protocolIrWithArea("repeat 100000 {\n  rest for 1 s\n  every 9973 cycles { rest for 2 s }\n  every 9967 cycles { rest for 3 s }\n}");
    expect(codesInOrder(compileForTarget(pybammTarget, ir, OPTIONS).diagnostics)).toContain("BTP6704");
  });
});

describe("pybamm compile: the file", () => {
  it("is UTF-8 with LF line ends, four-space indentation and a final newline", () => {
    const result = compileForTarget(pybammTarget, bundledIr("a16-temperature-shock"), OPTIONS);
    const bytes = result.files[0]!.content;
    const python = onlyText(result);
    expect(bytes.includes(13)).toBe(false);
    expect(python.endsWith(")\n") || python.endsWith("solve()\n")).toBe(true);
    expect(python).not.toMatch(/\t/);
    expect(python).not.toMatch(/^( {4})* {1,3}\S/m);
    expect(result.files[0]!.path).toBe("test.py");
  });

  it.each(GOLDEN_PROTOCOLS)("matches the reviewed golden file for %s", (name) => {
    const python = onlyText(compileForTarget(pybammTarget, bundledIr(name), { ...OPTIONS, baseName: name }));
    expectGolden(import.meta.dirname, `${name}.py`, python);
  });

  // Python itself checks the layout: the file runs against a stand-in `pybamm` module that
  // records what pybamm.Experiment receives, and the list has the cycles and steps we promise.
  const python3 = hasPython();
  it.skipIf(!python3).each(["a03-rate-capability-60c", "a16-temperature-shock", "b06-rate-capability"])(
    "%s runs in Python and builds the promised number of cycles",
    (name) => {
      const source = onlyText(compileForTarget(pybammTarget, bundledIr(name), { ...OPTIONS, baseName: name }));
      const [, cycles, steps] = /expands .*: ([\d,]+) cycles and ([\d,]+) steps/.exec(source)!;
      const counted = runWithStandIn(source);
      expect(counted).toEqual({ cycles: Number(cycles!.replace(/,/g, "")), steps: Number(steps!.replace(/,/g, "")) });
    },
  );
});

function hasPython(): boolean {
  try {
    execFileSync("python3", ["-c", "pass"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const STAND_IN = `
import sys, types, json
pybamm = types.ModuleType("pybamm")
step = types.ModuleType("pybamm.step")
class Step:
    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
for name in ["string", "current", "c_rate", "voltage", "power", "rest"]:
    setattr(step, name, Step)
pybamm.step = step
seen = {}
def Experiment(conditions, period=None, temperature=None, termination=None):
    assert isinstance(conditions, list)
    for item in conditions:
        assert isinstance(item, (tuple, str, Step)), type(item)
        if isinstance(item, tuple):
            assert all(isinstance(s, (str, Step)) for s in item)
    seen["cycles"] = len(conditions)
    seen["steps"] = sum(len(c) if isinstance(c, tuple) else 1 for c in conditions)
pybamm.Experiment = Experiment
sys.modules["pybamm"] = pybamm
exec(compile(open(sys.argv[1], encoding="utf-8").read(), sys.argv[1], "exec"), {})
print(json.dumps(seen))
`;

function runWithStandIn(source: string): { cycles: number; steps: number } {
  const dir = mkdtempSync(path.join(tmpdir(), "btp-pybamm-"));
  try {
    writeFileSync(path.join(dir, "experiment.py"), source);
    writeFileSync(path.join(dir, "stand_in.py"), STAND_IN);
    const out = execFileSync("python3", [path.join(dir, "stand_in.py"), path.join(dir, "experiment.py")], { encoding: "utf8" });
    return JSON.parse(out) as { cycles: number; steps: number };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
