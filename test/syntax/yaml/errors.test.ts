// Diagnostics of the YAML format: plain words, a code, and the line:column of the YAML node.

import { describe, expect, it } from "vitest";
import { parseYamlProtocol } from "../../../src/syntax/yaml/index.js";
import { summary, YAML_PATH, yamlDiagnostics } from "./helpers.js";

describe("schema errors, worded for people and placed on the node", () => {
  it.each([
    [
      "a misspelt key, with a suggestion",
      'steps:\n  - charge: { at: "0.5C", untill: "3.9 V" }\n',
      ["BTP5010", 2, 27, "unknown key `untill` in `charge` — did you mean `until`?"],
    ],
    ["a misspelt step kind", 'steps:\n  - chrage: { at: "0.5C" }\n', ["BTP5010", 2, 5, "unknown step `chrage` — did you mean `charge`?"]],
    ["a misspelt top-level key", "step:\n  - rest:\n", ["BTP5010", 1, 1, "unknown key `step` — did you mean `steps`?"]],
    [
      "snake_case for a key with spaces",
      'steps:\n  - eis: { from: "1 MHz", to: "1 Hz", points_per_decade: 5 }\n',
      ["BTP5010", 2, 39, "unknown key `points_per_decade` in `eis` — did you mean `points per decade`?"],
    ],
    ["a repeat without its count", "steps:\n  - repeat:\n      steps: []\n", ["BTP5011", 2, 5, "`repeat` needs a `count`"]],
    ["a charge without a set-point", 'steps:\n  - charge: { until: "3.9 V" }\n', ["BTP5011", 2, 5, "`charge` needs `at`"]],
    [
      "a list where one value belongs",
      'steps:\n  - charge: { at: ["0.5C", "1C"], until: "3.9 V" }\n',
      ["BTP5012", 2, 19, '`at` should be a quantity such as "3.9 V" or "0.5C", or a param name, not a list'],
    ],
    [
      "a YAML boolean where a duration belongs",
      "steps:\n  - rest: { for: true }\n",
      ["BTP5012", 2, 18, '`for` should be a quantity such as "3.9 V" or "0.5C", or a param name, not `true`'],
    ],
    ["a number where text belongs", "protocol: 2026\n", ["BTP5012", 1, 11, "`protocol` should be text, not the number 2026"]],
    ["steps that are not a list", 'steps: "rest for 1 h"\n', ["BTP5012", 1, 8, "`steps` should be a list of steps, not text"]],
    [
      "a document that is not a mapping",
      "- a\n- b\n",
      ["BTP5012", 1, 1, "the protocol should be a mapping of protocol keys such as `protocol`, `params` and `steps`, not a list"],
    ],
    [
      "an option written beside its step",
      'steps:\n  - charge: { at: "0.5C", until: "3.9 V" }\n    label: "x"\n',
      ["BTP5013", 3, 5, "one step per list item, but this item has `charge` and `label`"],
    ],
    ["an empty step", "steps:\n  - {}\n", ["BTP5013", 2, 5, "this step is empty: write a step kind such as `charge`, `rest` or `repeat`"]],
    ["a param name with spaces", "params:\n  cycles per rate: 5\n", ["BTP5014", 2, 3, "`cycles per rate` is not a valid name"]],
    ["a keyword as a param name", "params:\n  for: 5\n", ["BTP5014", 2, 3, "`for` is a btp keyword and cannot be used as a name"]],
    [
      "a sequence name with a space",
      'steps:\n  - call: { sequence: "plate strip" }\n',
      ["BTP5014", 2, 23, "`sequence` should be a name (letters, digits and `_`), not `plate strip`"],
    ],
    [
      "a CV with one vertex",
      'steps:\n  - cv: { between: ["2.0 V"], at: "0.1 mV/s" }\n',
      ["BTP5015", 2, 20, '`between` should be a list of two voltages, lower first, such as ["2.0 V", "4.0 V"] (it has 1 item)'],
    ],
    [
      "a loop condition that is not one",
      'steps:\n  - repeat: { count: 5, until: "capacity below 80 %", steps: [] }\n',
      ["BTP5020", 2, 32, "`capacity below 80 %` is not a loop condition"],
    ],
    [
      "an EIS bias given twice",
      'steps:\n  - eis: { from: "1 MHz", to: "10 mHz", at: ocv, bias: "3.7 V" }\n',
      ["BTP5021", 2, 50, "`at` and `bias` both set the bias of this EIS step"],
    ],
  ])("%s", (_name, yaml, expected) => {
    expect(summary(yamlDiagnostics(yaml))).toEqual([expected]);
  });

  it("lists the known keys when no suggestion is close", () => {
    const [d] = yamlDiagnostics('limits:\n  volts: "4.2 V"\n');
    expect(d).toMatchObject({ code: "BTP5010", message: "unknown key `volts` in `limits`" });
    expect(d!.hint).toBe("the keys here are: voltage, current, temperature, capacity, power");
  });

  it("reports every problem of the document at once", () => {
    const yaml = [
      "protocol: 1",
      "steps:",
      '  - charge: { at: "1C", untill: "4 V" }',
      "  - repeat: { steps: [] }",
      "  - rest: { for: [] }",
    ].join("\n");
    expect(summary(yamlDiagnostics(yaml)).map(([code, line]) => [code, line])).toEqual([
      ["BTP5012", 1],
      ["BTP5010", 3],
      ["BTP5011", 4],
      ["BTP5012", 5],
    ]);
  });

  it("builds no items from a document that does not fit the format", () => {
    const { file, diagnostics } = parseYamlProtocol('protocol: "x"\nsteps:\n  - chrage: {}\n', YAML_PATH);
    expect(diagnostics).toHaveLength(1);
    expect(file.items).toEqual([]);
  });
});

describe("problems inside values are reported by the btp parser, at their characters", () => {
  it("points into a quoted value", () => {
    const line = '  - charge: { at: "0.5C +", until: "3.9 V$" }';
    expect(summary(yamlDiagnostics(`steps:\n${line}\n`)).map(([code, l, column]) => [code, l, column])).toEqual([
      ["BTP1015", 2, line.indexOf("+") + 1],
      ["BTP1001", 2, line.indexOf("$") + 1],
    ]);
  });

  it("points into a step written as text", () => {
    const [d] = yamlDiagnostics('steps:\n  - "chrage at 1C until 3.9 V"\n');
    expect(d).toMatchObject({ code: "BTP1010", message: "unknown statement `chrage`; did you mean `charge`?" });
    expect(d!.span.start).toMatchObject({ line: 2, column: 6 });
  });

  it("puts problems of an escaped value on the whole value", () => {
    const [d] = yamlDiagnostics('steps:\n  - rest: { for: "2\\t h $" }\n');
    expect(d!.code).toBe("BTP1001");
    expect(d!.span.start).toMatchObject({ line: 2, column: 18 });
    expect(d!.span.end).toMatchObject({ line: 2, column: 27 });
  });

  it("reports a missing value in a range", () => {
    expect(summary(yamlDiagnostics('limits: { voltage: "2 V .. " }\n'))).toEqual([["BTP5020", 1, 28, "a value is missing here"]]);
  });
});
