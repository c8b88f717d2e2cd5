// Spans of the tree built from YAML point at the YAML text: hover, go-to-definition and every
// later diagnostic land on the right characters.

import { describe, expect, it } from "vitest";
import type { Span } from "../../../src/diagnostics/diagnostic.js";
import type { ChargeStep, ParamDecl, QuantityLiteral, RestStep, SweepBlock } from "../../../src/syntax/ast.js";
import { parseYamlProtocol } from "../../../src/syntax/yaml/index.js";
import { YAML_PATH, yamlItems } from "./helpers.js";

function textAt(text: string, span: Span): string {
  return text.slice(span.start.offset, span.end.offset);
}

describe("spans of a YAML protocol", () => {
  const text = [
    "params:",
    '  rate: "0.5C"   # the paper does not say',
    "steps:",
    "  - for:",
    "      variable: r",
    '      in: ["1C", "C/20"]',
    "      steps:",
    '        - charge: { at: r, until: "voltage >= 3.9 V", label: "fast °C" }',
    '  - "Rest for 1 hour"',
  ].join("\n");
  const items = yamlItems(text);

  it("places a param's name and value", () => {
    const param = items[0] as ParamDecl;
    expect(textAt(text, param.name.span)).toBe("rate");
    expect(textAt(text, param.value.span)).toBe("0.5C");
    expect(param.value.span.start).toEqual({ offset: 17, line: 2, column: 10 });
    expect(param.doc).toBe("the paper does not say");
  });

  it("places list items, the step, its end condition and the unit inside it", () => {
    const sweep = items[1] as SweepBlock;
    expect(textAt(text, sweep.variable.span)).toBe("r");
    const values = sweep.values;
    if (values.kind !== "ListExpr") throw new Error("expected a list");
    expect(values.items.map((item) => textAt(text, item.span))).toEqual(["1C", "C/20"]);

    const charge = sweep.body[0] as ChargeStep;
    expect(textAt(text, charge.span)).toBe('charge: { at: r, until: "voltage >= 3.9 V", label: "fast °C" }');
    expect(textAt(text, charge.setpoint.span)).toBe("r");
    const condition = charge.end!.conditions[0]!;
    expect(textAt(text, condition.span)).toBe('"voltage >= 3.9 V"');
    const value = condition.value as QuantityLiteral;
    expect(textAt(text, value.span)).toBe("3.9 V");
    expect(textAt(text, value.unitSpan!)).toBe("V");
    expect(value.span.start).toMatchObject({ line: 8 });
    expect(textAt(text, charge.options.label!.span)).toBe('"fast °C"');
  });

  it("places a step written as text on its own characters", () => {
    const rest = items[2] as RestStep;
    expect(rest.kind).toBe("RestStep");
    expect(textAt(text, rest.span)).toBe("Rest for 1 hour");
    expect(textAt(text, rest.end!.duration!.span)).toBe("1 hour");
  });

  it("names the YAML file in every span and spans the whole file", () => {
    const { file } = parseYamlProtocol(text, YAML_PATH);
    expect(file.path).toBe(YAML_PATH);
    expect(file.text).toBe(text);
    expect(file.span.end.offset).toBe(text.length);
    expect(
      JSON.stringify(file.items)
        .match(/"file":"([^"]*)"/g)!
        .every((m) => m === `"file":"${YAML_PATH}"`),
    ).toBe(true);
  });

  it("puts everything read from an escaped or folded value on the whole value", () => {
    const escaped = 'steps:\n  - rest: { for: "2\\u0020h" }\n  - rest:\n      for: 3\n        h\n';
    const [first, second] = yamlItems(escaped) as RestStep[];
    expect(first!.end!.duration).toMatchObject({ kind: "QuantityLiteral", value: 2, unit: "h" });
    expect(textAt(escaped, first!.end!.duration!.span)).toBe('"2\\u0020h"');
    expect(second!.end!.duration).toMatchObject({ kind: "QuantityLiteral", value: 3, unit: "h" });
    expect(textAt(escaped, second!.end!.duration!.span)).toBe("3\n        h");
  });

  it("reads a YAML number as the digits written", () => {
    const [param] = yamlItems("params:\n  tolerance: 0.10\n  big: 1e3\n") as ParamDecl[];
    expect(param!.value).toMatchObject({ kind: "QuantityLiteral", text: "0.10", value: 0.1, unit: null });
  });
});
