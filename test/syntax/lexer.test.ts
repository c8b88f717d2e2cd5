import { describe, expect, it } from "vitest";
import { isKeyword, keywordWords, lex } from "../../src/syntax/lexer.js";
import { SpanMaker, originOfFile } from "../../src/syntax/spans.js";

function lexText(text: string) {
  return lex(text, new SpanMaker(text, originOfFile("t.btp")));
}

/** `Type:image` for each token the parser would see. */
function tokens(text: string): string[] {
  return lexText(text).tokens.map((t) => (t.tokenType.name === "Newline" ? "NL" : `${t.tokenType.name}:${t.image}`));
}

describe("quantities", () => {
  it("joins a number and its unit, with or without spaces", () => {
    expect(tokens("3.9 V")).toEqual(["Quantity:3.9 V"]);
    expect(tokens("0.5C")).toEqual(["Quantity:0.5C"]);
    expect(tokens("117.6 mAh/g")).toEqual(["Quantity:117.6 mAh/g"]);
    expect(tokens("0.1 mA/cm2")).toEqual(["Quantity:0.1 mA/cm2"]);
    expect(tokens("1.13 cm²")).toEqual(["Quantity:1.13 cm²"]);
    expect(tokens("20 °C")).toEqual(["Quantity:20 °C"]);
    expect(tokens("80 %")).toEqual(["Quantity:80 %"]);
    expect(tokens("10 µA")).toEqual(["Quantity:10 µA"]);
    expect(tokens("5 Ω")).toEqual(["Quantity:5 Ω"]);
    expect(tokens("1e-3 A")).toEqual(["Quantity:1e-3 A"]);
    expect(tokens("10_000 s")).toEqual(["Quantity:10_000 s"]);
    expect(tokens("3\t V")).toEqual(["Quantity:3\t V"]);
    expect(tokens("1 m^-2")).toEqual(["Quantity:1 m^-2"]);
  });

  it("does not take a keyword as a unit", () => {
    expect(tokens("5 cycles")).toEqual(["NumberLiteral:5", "Cycles:cycles"]);
    expect(tokens("10 points per decade")).toEqual(["NumberLiteral:10", "Points:points", "Per:per", "Decade:decade"]);
    expect(tokens("2.0 V and 4.0 V")).toEqual(["Quantity:2.0 V", "And:and", "Quantity:4.0 V"]);
    expect(tokens("repeat 5 {")).toEqual(["Repeat:repeat", "NumberLiteral:5", "LCurly:{"]);
    expect(tokens("repeat 3 Times {")).toEqual(["Repeat:repeat", "NumberLiteral:3", "Times:Times", "LCurly:{"]);
    expect(tokens("5cycles")).toEqual(["NumberLiteral:5", "Cycles:cycles"]);
  });

  it("never reaches across a newline for a unit", () => {
    expect(tokens("param n = 5\nplate_strip(1 h)")).toEqual([
      "Param:param",
      "Identifier:n",
      "Equals:=",
      "NumberLiteral:5",
      "NL",
      "Identifier:plate_strip",
      "LParen:(",
      "Quantity:1 h",
      "RParen:)",
    ]);
  });

  it("reads C/20 as one C-rate and keeps a range apart from numbers", () => {
    expect(tokens("C/20")).toEqual(["CRate:C/20"]);
    expect(tokens("C/2.5")).toEqual(["CRate:C/2.5"]);
    expect(tokens("2.3 V .. 3.9 V")).toEqual(["Quantity:2.3 V", "Range:..", "Quantity:3.9 V"]);
    expect(tokens("2..4")).toEqual(["NumberLiteral:2", "Range:..", "NumberLiteral:4"]);
  });

  it("accepts the Unicode minus and comparison signs of pasted text", () => {
    expect(tokens("−20 °C")).toEqual(["Minus:−", "Quantity:20 °C"]);
    expect(tokens("≤ 3 V ≥")).toEqual(["LessEqual:≤", "Quantity:3 V", "GreaterEqual:≥"]);
  });
});

describe("keywords", () => {
  it("are case-insensitive", () => {
    expect(tokens("Discharge DISCHARGE discharge")).toEqual([
      "Discharge:Discharge",
      "Discharge:DISCHARGE",
      "Discharge:discharge",
    ]);
    expect(isKeyword("Charge")).toBe(true);
  });

  it("give way to longer identifiers", () => {
    expect(tokens("charger rest_time format")).toEqual([
      "Identifier:charger",
      "Identifier:rest_time",
      "Identifier:format",
    ]);
    expect(tokens("cycles cycle")).toEqual(["Cycles:cycles", "Cycle:cycle"]);
  });

  it("leave type names and cell keys free as identifiers", () => {
    for (const word of [
      "rate",
      "area",
      "mass",
      "density",
      "voltage",
      "current",
      "capacity",
      "time",
      "kind",
      "window",
      "power",
      "period",
    ]) {
      expect(keywordWords as readonly string[]).not.toContain(word);
      expect(tokens(word)).toEqual([`Identifier:${word}`]);
    }
  });
});

describe("newlines, comments and strings", () => {
  it("keeps comments in their own group", () => {
    const result = lexText("rest for 1 h # settle\n# alone\n");
    expect(result.comments.map((c) => c.image)).toEqual(["# settle", "# alone"]);
    expect(result.tokens.map((t) => t.image)).not.toContain("# settle");
  });

  it("drops newlines inside brackets and before a brace", () => {
    expect(tokens("[1C,\n 2C]")).toEqual(["LBracket:[", "Quantity:1C", "Comma:,", "Quantity:2C", "RBracket:]"]);
    expect(tokens("repeat 3\n{")).toEqual(["Repeat:repeat", "NumberLiteral:3", "LCurly:{"]);
    expect(tokens("rest\nrest")).toEqual(["Rest:rest", "NL", "Rest:rest"]);
  });

  it("does not let an unclosed bracket swallow the newlines after a brace", () => {
    expect(tokens("f(\n}\nrest")).toEqual(["Identifier:f", "LParen:(", "RCurly:}", "NL", "Rest:rest"]);
  });

  it("reads escaped quotes in strings", () => {
    expect(tokens('"say \\"hi\\""')).toEqual(['StringLiteral:"say \\"hi\\""']);
  });

  it("reports an unterminated string but still returns a string token", () => {
    const result = lexText('pause "Move the cell\nrest');
    expect(result.tokens[1]!.tokenType.name).toBe("UnterminatedString");
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BTP1002"]);
    expect(result.diagnostics[0]!.span.start.column).toBe(7);
    expect(result.diagnostics[0]!.span.end.column).toBe(21);
  });

  it("reports unexpected characters with their exact place", () => {
    const result = lexText("rest for 1 h\nprotocol “x”");
    expect(result.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([
      ["BTP1001", 2, 10],
      ["BTP1001", 2, 12],
    ]);
    expect(result.diagnostics[0]!.hint).toContain("straight double quotes");
  });
});
