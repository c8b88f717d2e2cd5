// Spans point at exactly the text they describe, in files and in texts parsed on their own.

import { describe, expect, it } from "vitest";
import type {
  ChargeStep,
  EndCondition,
  ParamDecl,
  QuantityLiteral,
  RepeatBlock,
  SequenceCall,
} from "../../src/syntax/ast.js";
import { parseExpressionText, parseSource, parseStatementText } from "../../src/syntax/index.js";
import { parseOk, spanText } from "./helpers.js";

describe("spans in a file", () => {
  const text =
    "param rate = 0.5C   # why\nrepeat 3 {\n  charge at rate until voltage > 3.9 V\n  plate_strip(j = 117.6 mAh/g)\n}\n";
  const file = parseOk(text);
  const param = file.items[0] as ParamDecl;
  const repeat = file.items[1] as RepeatBlock;
  const step = repeat.body[0] as ChargeStep;
  const call = repeat.body[1] as SequenceCall;

  it("cover whole nodes, without trailing comments", () => {
    expect(spanText(text, param.span)).toBe("param rate = 0.5C");
    expect(spanText(text, repeat.span)).toBe(text.slice(text.indexOf("repeat"), text.lastIndexOf("}") + 1));
    expect(spanText(text, step.span)).toBe("charge at rate until voltage > 3.9 V");
    expect(spanText(text, step.end!.span)).toBe("until voltage > 3.9 V");
    expect(spanText(text, (step.end!.conditions[0] as EndCondition).span)).toBe("voltage > 3.9 V");
    expect(spanText(text, call.args[0]!.span)).toBe("j = 117.6 mAh/g");
    expect(spanText(text, file.comments[0]!.span)).toBe("# why");
  });

  it("name identifiers and units separately", () => {
    expect(spanText(text, param.name.span)).toBe("rate");
    expect(spanText(text, step.setpoint.span)).toBe("rate");
    expect(spanText(text, call.callee.span)).toBe("plate_strip");
    expect(spanText(text, call.args[0]!.name!.span)).toBe("j");
    const quantity = call.args[0]!.value as QuantityLiteral;
    expect(spanText(text, quantity.unitSpan!)).toBe("mAh/g");
    const rate = param.value as QuantityLiteral;
    expect(spanText(text, rate.unitSpan!)).toBe("C");
  });

  it("carry 1-based lines and columns", () => {
    expect(step.span.start).toEqual({ offset: text.indexOf("charge"), line: 3, column: 3 });
    expect(step.span.end.line).toBe(3);
    expect(step.span.end.column).toBe(3 + "charge at rate until voltage > 3.9 V".length);
    expect(step.span.start.line).toBe(3);
    expect(file.span.end.offset).toBe(text.length);
  });

  it("count Windows and old Mac line ends as one line break each", () => {
    const crlf = "rest for 1 h\r\nrest for 2 h\rrest for 3 h";
    const items = parseOk(crlf).items;
    expect(items.map((i) => [i.span.start.line, i.span.start.column])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
  });

  it("measure columns in UTF-16 units, as editors do", () => {
    const withUnicode = "at -20 °C { rest for 1 h }";
    const block = parseOk(withUnicode).items[0]!;
    expect(block.span.end.column).toBe(withUnicode.length + 1);
  });
});

describe("texts parsed on their own point into their real file", () => {
  const origin = { file: "protocol.yaml", line: 12, column: 15, offset: 300 };

  it("parseExpressionText shifts spans by the origin", () => {
    const { expr, diagnostics } = parseExpressionText("3.9 V", origin);
    expect(diagnostics).toEqual([]);
    const q = expr as QuantityLiteral;
    expect(q.span).toEqual({
      file: "protocol.yaml",
      start: { offset: 300, line: 12, column: 15 },
      end: { offset: 305, line: 12, column: 20 },
    });
    expect(q.unitSpan!.start).toEqual({ offset: 304, line: 12, column: 19 });
  });

  it("parseExpressionText reports errors inside the file", () => {
    const { expr, diagnostics } = parseExpressionText("3.9 V +", origin);
    expect(expr?.recovered).toBe(true);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.span.file).toBe("protocol.yaml");
    expect(diagnostics[0]!.span.start.line).toBe(12);
    expect(diagnostics[0]!.span.start.column).toBeGreaterThanOrEqual(15);
  });

  it("parseExpressionText refuses trailing text and empty text", () => {
    expect(parseExpressionText("0.5C extra", origin).diagnostics.map((d) => d.code)).toEqual(["BTP1014"]);
    const empty = parseExpressionText("", origin);
    expect(empty.expr).toBeNull();
    expect(empty.diagnostics.map((d) => d.code)).toEqual(["BTP1015"]);
  });

  it("parseStatementText reads one PyBaMM-like step", () => {
    const { statement, diagnostics } = parseStatementText("Charge at 1C until 4.2 V", origin);
    expect(diagnostics).toEqual([]);
    expect(statement?.kind).toBe("ChargeStep");
    expect(statement?.span.start).toEqual({ offset: 300, line: 12, column: 15 });
    expect(statement?.span.end.column).toBe(15 + "Charge at 1C until 4.2 V".length);
  });

  it("parseStatementText wants exactly one step", () => {
    expect(parseStatementText("Rest for 1 hour; Rest for 2 hours", origin).diagnostics.map((d) => d.code)).toEqual([
      "BTP1021",
    ]);
    expect(parseStatementText("", origin).diagnostics.map((d) => d.code)).toEqual(["BTP1021"]);
    expect(parseStatementText("param x = 1 V", origin).diagnostics.map((d) => d.code)).toEqual(["BTP1021"]);
    const typo = parseStatementText("Chrage at 1C until 4.2 V", origin);
    expect(typo.statement).toBeNull();
    expect(typo.diagnostics.map((d) => d.code)).toEqual(["BTP1010"]);
  });
});

describe("the whole file", () => {
  it("keeps its text, path and every comment", () => {
    const text = "# one\nrest for 1 h # two\n# three";
    const { file } = parseSource(text, "dir/x.btp");
    expect(file.path).toBe("dir/x.btp");
    expect(file.text).toBe(text);
    expect(file.comments.map((c) => c.text)).toEqual(["# one", "# two", "# three"]);
    expect(file.comments.every((c) => c.span.file === "dir/x.btp")).toBe(true);
  });
});
