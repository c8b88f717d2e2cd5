// Every construct of the language, written in YAML and in btp: both must build the same tree.

import { describe, expect, it } from "vitest";
import { expectSameTree, yamlItems } from "./helpers.js";

/** A YAML `steps:` list with the given items, indented under it. */
function steps(...items: string[]): string {
  return "steps:\n" + items.map((item) => "  - " + item.replace(/\n/g, "\n    ")).join("\n") + "\n";
}

describe("declarations", () => {
  it("protocol header and metadata, one item per list entry", () => {
    expectSameTree(
      [
        'protocol: "CGE full cell: rate capability at 60 °C"',
        'cite: "Shen et al., Nano-Micro Lett. 18:195 (2026)"',
        'figure: ["3e", "S8"]',
        'note: ["1C from 117.6 mAh/g", "five cycles per rate"]',
        'instrument: "LAND CT3002AU"',
        'author: "A. Researcher"',
      ].join("\n"),
      [
        'protocol "CGE full cell: rate capability at 60 °C"',
        'cite "Shen et al., Nano-Micro Lett. 18:195 (2026)"',
        'figure "3e"',
        'figure "S8"',
        'note "1C from 117.6 mAh/g"',
        'note "five cycles per rate"',
        'instrument "LAND CT3002AU"',
        'author "A. Researcher"',
      ].join("\n"),
    );
  });

  it("imports", () => {
    expectSameTree('import: ["cells/a.btp", "lib/b.btp"]', 'import "cells/a.btp"\nimport "lib/b.btp"');
    expectSameTree('import: "cells/a.btp"', 'import "cells/a.btp"');
  });

  it("use cell by name and by file", () => {
    expectSameTree("use cell: na_cge_nvp", "use cell na_cge_nvp");
    expectSameTree('use cell: "cells/na-cge-nvp.btp"', 'use cell "cells/na-cge-nvp.btp"');
  });

  it("params: counts, quantities, expressions, lists, types and docs", () => {
    expectSameTree(
      [
        "params:",
        "  # the number of cycles at each rate",
        "  cycles_per_rate: 5",
        '  rate: "0.5C"         # not stated in the paper',
        '  low: "-20 °C"',
        '  offset: "ocv + 50 mV"',
        '  twice: "2 * rate"',
        '  rates: ["0.5C", "1C", "C/20"]',
        "  area_guess:",
        '    value: "1.13 cm2"',
        "    type: Current  Density",
        '    doc: "12 mm disc"',
      ].join("\n"),
      [
        "# the number of cycles at each rate",
        "param cycles_per_rate = 5",
        "param rate = 0.5C   # not stated in the paper",
        "param low = -20 °C",
        "param offset = ocv + 50 mV",
        "param twice = 2 * rate",
        "param rates = [0.5C, 1C, C/20]",
        "param area_guess: current density = 1.13 cm2  # 12 mm disc",
      ].join("\n"),
    );
  });

  it("a comment separated from a param by a blank line is not its doc", () => {
    const [param] = yamlItems("params:\n  # about something else\n\n  n: 5\n");
    expect(param).toMatchObject({ kind: "ParamDecl", doc: null });
  });

  it("an inline cell with parts, labels, ranges, words and a model", () => {
    expectSameTree(
      [
        "cells:",
        "  na_test:",
        '    title: "Na | CGE | NVP test cell"',
        "    kind: full",
        "    format: CR2032",
        "    cathode:",
        '      label: "NVP-K0.05"',
        '      active mass: "2.5 mg"',
        '      Specific  Capacity: "117.6 mAh/g"',
        '    anode: { label: "Na" }',
        '    electrolyte: { thickness: "1.35 mm", diameter: "15 mm" }',
        '    area: "1.13 cm2"',
        '    window: "2.3 V .. 3.9 V"',
        '    nominal capacity: ["0.2 mAh", "0.3 mAh"]',
        '    model: { r_ohm: "5 ohm" }',
        '    chemistry: "[Na] metal"',
      ].join("\n"),
      [
        'cell na_test "Na | CGE | NVP test cell" {',
        "  kind full",
        "  format CR2032",
        '  cathode "NVP-K0.05" { active mass 2.5 mg, specific capacity 117.6 mAh/g }',
        '  anode "Na" { }',
        "  electrolyte { thickness 1.35 mm, diameter 15 mm }",
        "  area 1.13 cm2",
        "  window 2.3 V .. 3.9 V",
        "  nominal capacity 0.2 mAh .. 0.3 mAh",
        "  model { r_ohm 5 ohm }",
        '  chemistry "[Na] metal"',
        "}",
      ].join("\n"),
    );
  });

  it("sequences with typed parameters, defaults and a doc", () => {
    expectSameTree(
      [
        "sequences:",
        "  plate_strip:   # one plating and one stripping half-cycle",
        "    params:",
        "      j: { type: current density }",
        '      t: { type: time, default: "1 h" }',
        "      n:",
        "    steps:",
        "      - charge: { at: j, for: t }",
        '      - "discharge at j for t"',
      ].join("\n"),
      [
        "sequence plate_strip(j: current density, t: time = 1 h, n) {   # one plating and one stripping half-cycle",
        "  charge at j for t",
        "  discharge at j for t",
        "}",
      ].join("\n"),
    );
  });

  it("an empty file, or one with only comments, has no items and no problems", () => {
    expect(yamlItems("")).toEqual([]);
    expect(yamlItems("# nothing yet\n")).toEqual([]);
    expect(yamlItems("{}\n")).toEqual([]);
  });

  it("keeps the written order of declarations and statements", () => {
    const kinds = yamlItems(
      ['steps: ["rest for 1 h"]', 'limits: { voltage: "4.2 V" }', "params: { n: 1 }", 'protocol: "late title"'].join("\n"),
    ).map((item) => item.kind);
    expect(kinds).toEqual(["RestStep", "LimitsStatement", "ParamDecl", "ProtocolHeader"]);
  });
});

describe("steps", () => {
  it.each([
    ['charge: { at: "0.5C", until: "3.9 V" }', "charge at 0.5C until 3.9 V"],
    ['discharge: { at: "0.2 mA/cm2", for: "1 h" }', "discharge at 0.2 mA/cm2 for 1 h"],
    ['charge: { at: "1 A", for: "1 h", until: "4.1 V" }', "charge at 1 A for 1 h or until 4.1 V"],
    ['charge: { at: "10 mW", until: ["3.9 V", "10 h"] }', "charge at 10 mW until 3.9 V or 10 h"],
    ['discharge: { at: "C/3", until: "voltage < 2.5 V" }', "discharge at C/3 until voltage < 2.5 V"],
    ['charge: { at: "1C", until: "capacity >= 80 % of nominal" }', "charge at 1C until capacity >= 80 % of nominal"],
    ['hold: { at: "3.8 V", for: "1 h", until: "> 5 A" }', "hold at 3.8 V for 1 h until > 5 A"],
    ['charge: { at: "0.5C", until: "3.9 V", then hold: { until: "C/20" } }', "charge at 0.5C until 3.9 V then hold until C/20"],
    ['charge: { at: "1C", until: "4.2 V", then hold: { at: "4.2 V", for: "1 h" } }', "charge at 1C until 4.2 V then hold at 4.2 V for 1 h"],
    ['charge: { at: "0.5C", until: "3.9 V", then hold: }', "charge at 0.5C until 3.9 V then hold"],
    ['hold: { at: "4.2 V", until: "C/50" }', "hold at 4.2 V until C/50"],
    ['hold: { at: "ocv + 50 mV", for: "2 h" }', "hold at ocv + 50 mV for 2 h"],
    ['rest: { for: "2 h" }', "rest for 2 h"],
    ["rest:", "rest"],
    ['ocv: { for: "10 min" }', "ocv for 10 min"],
    ['ocv: { until: "temperature > 25 °C" }', "ocv until temperature > 25 °C"],
    [
      'eis: { from: "1 MHz", to: "10 mHz", amplitude: "5 mV", points per decade: 10, at: ocv }',
      "eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade, at ocv",
    ],
    ['eis: { from: "100 kHz", to: "0.1 Hz", amplitude: "10 uA", bias: "0 mA" }', "eis from 100 kHz to 0.1 Hz, amplitude 10 uA, bias 0 mA"],
    ['eis: { from: "1 MHz", to: "10 mHz" }', "eis from 1 MHz to 10 mHz"],
    ['sweep: { from: ocv, to: "6.5 V", at: "0.1 mV/s" }', "sweep from ocv to 6.5 V at 0.1 mV/s"],
    [
      'cv: { between: ["2.0 V", "4.0 V"], at: "0.1 mV/s", cycles: 3, start at: ocv }',
      "cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles, start at ocv",
    ],
    ['cv: { between: ["2.0 V", "4.0 V"], at: "0.1 mV/s" }', "cv between 2.0 V and 4.0 V at 0.1 mV/s"],
    ['temperature: { setpoint: "60 °C", settle: "2 h" }', "temperature 60 °C, settle 2 h"],
    ['temperature: { setpoint: "25 °C", settle: "until stable" }', "temperature 25 °C, settle until stable"],
    ['temperature: { setpoint: "-20 °C" }', "temperature -20 °C"],
    ['pause: "Move the cell to the potentiostat"', 'pause "Move the cell to the potentiostat"'],
    ['pause: { message: "Move the cell", label: "move" }', 'pause "Move the cell", label "move"'],
  ])("%s", (yaml, btp) => {
    expectSameTree(steps(yaml), btp);
  });

  it("step options: record, limits and label", () => {
    expectSameTree(
      steps(
        'charge: { at: "0.5C", until: "3.9 V", record: { every: ["1 s", "5 mV"] }, limits: { voltage: "2 V .. 4 V", current: "10 mA" }, label: "formation" }',
      ),
      'charge at 0.5C until 3.9 V, record every 1 s or 5 mV, limits { voltage 2 V .. 4 V, current 10 mA }, label "formation"',
    );
    expectSameTree(steps('rest: { for: "1 h", record: { every: "10 s" } }'), "rest for 1 h, record every 10 s");
  });

  it("a step written as btp text, PyBaMM style", () => {
    expectSameTree(
      steps('"Discharge at 1C until 3.3 V"', '"Rest for 1 hour"', '"Hold at 4.2 V until C/50"', "Charge at 1 A for 1 hour or until 4.1 V"),
      "Discharge at 1C until 3.3 V\nRest for 1 hour\nHold at 4.2 V until C/50\nCharge at 1 A for 1 hour or until 4.1 V",
    );
  });

  it("unicode comparators in end conditions", () => {
    expectSameTree(steps('hold: { at: "4.2 V", until: "current ≤ C/20" }'), "hold at 4.2 V until current <= C/20");
  });
});

describe("blocks and other statements", () => {
  const body = ['rest: { for: "1 h" }'];
  const nested = "steps:\n  - " + body[0];

  it.each(
    [
      [`repeat:\n  count: 10\n  ${nested.replace(/\n/g, "\n  ")}`, "repeat 10 {\n  rest for 1 h\n}"],
      [
        `repeat:\n  count: 10000\n  until: "discharge capacity < 80 % of cycle 1"\n  ${nested.replace(/\n/g, "\n  ")}`,
        "repeat 10000 until discharge capacity < 80 % of cycle 1 {\n  rest for 1 h\n}",
      ],
      [`repeat: { count: n, until: "coulombic efficiency >= 99 %", steps: [] }`, "repeat n until coulombic efficiency >= 99 % {\n}"],
      [`for:\n  variable: rate\n  in: ["0.5C", "1C"]\n  ${nested.replace(/\n/g, "\n  ")}`, "for rate in [0.5C, 1C] {\n  rest for 1 h\n}"],
      [`for: { variable: rate, in: rates, steps: ["rest for 1 h"] }`, "for rate in rates {\n  rest for 1 h\n}"],
      [`for: { variable: rate, in: "[0.5C, 1C]", steps: [] }`, "for rate in [0.5C, 1C] {\n}"],
      [`after: { cycles: [10, 60], steps: ["rest for 1 h"] }`, "after cycle 10, 60 {\n  rest for 1 h\n}"],
      [`after: { cycles: 10, steps: ["rest for 1 h"] }`, "after cycle 10 {\n  rest for 1 h\n}"],
      [`every: { cycles: 100, steps: ["rest for 1 h"] }`, "every 100 cycles {\n  rest for 1 h\n}"],
      [`at: { temperature: "-20 °C", settle: "2 h", steps: ["rest for 1 h"] }`, "at -20 °C, settle 2 h {\n  rest for 1 h\n}"],
      [`at: { temperature: "25 °C", steps: [] }`, "at 25 °C {\n}"],
      [`section: { title: "activation", steps: ["rest for 1 h"] }`, 'section "activation" {\n  rest for 1 h\n}'],
      [`stop if: "discharge capacity < 80 % of cycle 1"`, "stop if discharge capacity < 80 % of cycle 1"],
      [`stop if: "End  Voltage <= 3 V"`, "stop if end voltage <= 3 V"],
      [`call: { sequence: plate_strip, args: ["0.1 mA/cm2", "1 h"] }`, "plate_strip(0.1 mA/cm2, 1 h)"],
      [`call: { sequence: plate_strip, args: { j: "0.1 mA/cm2", t: "2 h" } }`, "plate_strip(j = 0.1 mA/cm2, t = 2 h)"],
      [`call: { sequence: plate_strip, args: ["0.1 mA/cm2", { t: "2 h" }] }`, "plate_strip(0.1 mA/cm2, t = 2 h)"],
      [`call: { sequence: formation }`, "formation()"],
      [
        `limits: { voltage: ["2.0 V", "4.2 V"], temperature: "-30 °C .. 80 °C", power: "1 W" }`,
        "limits { voltage 2.0 V .. 4.2 V, temperature -30 °C .. 80 °C, power 1 W }",
      ],
      [`record: { every: ["30 s", "5 mV", "0.1 mA"] }`, "record every 30 s or 5 mV or 0.1 mA"],
    ].map(([yaml, btp]) => [btp.split("\n")[0]!, yaml, btp] as const),
  )("%s", (_name, yaml, btp) => {
    expectSameTree(steps(yaml), btp);
  });

  it("top-level limits and record are statements in place", () => {
    expectSameTree(
      'limits:\n  voltage: "2.0 V .. 4.2 V"\nrecord:\n  every: ["30 s", "5 mV"]\nsteps:\n  - "rest for 1 h"\n',
      "limits { voltage 2.0 V .. 4.2 V }\nrecord every 30 s or 5 mV\nrest for 1 h",
    );
  });

  it("nests blocks inside blocks", () => {
    const yaml = [
      "steps:",
      "  - section:",
      '      title: "ageing"',
      "      steps:",
      "        - repeat:",
      "            count: 60",
      "            steps:",
      '              - call: { sequence: plate_strip, args: ["0.1 mA/cm2", "1 h"] }',
      "              - after:",
      "                  cycles: [10, 60]",
      "                  steps:",
      '                    - eis: { from: "1 MHz", to: "10 mHz", amplitude: "5 mV" }',
      '              - stop if: "end voltage < 3 V"',
    ].join("\n");
    const btp = [
      'section "ageing" {',
      "  repeat 60 {",
      "    plate_strip(0.1 mA/cm2, 1 h)",
      "    after cycle 10, 60 { eis from 1 MHz to 10 mHz, amplitude 5 mV }",
      "    stop if end voltage < 3 V",
      "  }",
      "}",
    ].join("\n");
    expectSameTree(yaml, btp);
  });
});
