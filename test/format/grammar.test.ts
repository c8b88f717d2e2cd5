// The TextMate grammar (grammar/btp.tmLanguage.json) and language configuration, checked against
// the lexer: the same keywords, every unit spelling read as part of a quantity, and sample lines
// coloured as expected. vscode-textmate is not available offline, so a small scanner below
// applies the grammar's regular expressions the way TextMate does on one line: at each position
// the earliest match wins, and among matches at the same place the first pattern listed.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { keywordWords, parseCst } from "../../src/syntax/index.js";
import { prefixedUnitSpellings } from "../../src/units/completion.js";
import { read, repoRoot } from "./helpers.js";

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  include?: string;
  patterns?: Rule[];
  captures?: Record<string, { name: string }>;
}

interface Grammar {
  scopeName: string;
  fileTypes: string[];
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const grammar = JSON.parse(read(path.join(repoRoot, "grammar/btp.tmLanguage.json"))) as Grammar;
const configuration = JSON.parse(read(path.join(repoRoot, "grammar/language-configuration.json"))) as {
  comments: { lineComment: string };
  brackets: [string, string][];
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
};

/** An Oniguruma pattern as a JavaScript RegExp: the grammar sticks to the syntax both share,
 * except a leading `(?i)`, which becomes the `i` flag. */
function toRegExp(pattern: string, flags = ""): RegExp {
  const insensitive = pattern.startsWith("(?i)");
  return new RegExp(insensitive ? pattern.slice(4) : pattern, flags + (insensitive ? "i" : ""));
}

/** The rules of a list with every `include` replaced by what it names, in order. */
function flatten(rules: Rule[]): Rule[] {
  return rules.flatMap((rule) => {
    if (rule.include) return flatten([grammar.repository[rule.include.slice(1)]!]);
    if (rule.patterns && !rule.begin) return flatten(rule.patterns);
    return [rule];
  });
}

const topRules = flatten(grammar.patterns);

interface Token {
  text: string;
  scope: string;
}

/** Scans one line into (text, innermost scope) pieces; unmatched text has scope "". */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  const push = (text: string, scope: string) => {
    if (text !== "") tokens.push({ text, scope });
  };
  let position = 0;
  while (position < line.length) {
    let best: { rule: Rule; match: RegExpExecArray } | null = null;
    for (const rule of topRules) {
      const regex = toRegExp((rule.match ?? rule.begin)!, "gd");
      regex.lastIndex = position;
      const match = regex.exec(line);
      if (match && match[0] !== "" && (!best || match.index < best.match.index)) best = { rule, match };
    }
    if (!best) {
      push(line.slice(position), "");
      break;
    }
    const { rule, match } = best;
    push(line.slice(position, match.index), "");
    if (rule.begin) {
      // A begin/end rule (strings): up to the end pattern, escapes inside.
      const end = toRegExp(rule.end!, "g");
      let cursor = match.index + match[0].length;
      for (;;) {
        const escape = /\\./y;
        escape.lastIndex = cursor;
        if (escape.test(line)) {
          cursor += 2;
          continue;
        }
        end.lastIndex = cursor;
        const found = end.exec(line);
        if (found && found.index === cursor) {
          cursor += found[0].length;
          break;
        }
        if (cursor >= line.length) break;
        cursor++;
      }
      push(line.slice(match.index, cursor), rule.name!);
      position = cursor;
      continue;
    }
    if (rule.captures) {
      // Each captured group gets its scope; text between groups gets the whole match's.
      const whole = rule.captures["0"]?.name ?? "";
      let cursor = match.index;
      const groups = Object.keys(rule.captures).filter((k) => k !== "0").map(Number).sort((a, b) => a - b);
      for (const group of groups) {
        const range = match.indices![group];
        if (!range || range[0] < cursor) continue;
        push(line.slice(cursor, range[0]), whole);
        push(line.slice(range[0], range[1]), rule.captures[String(group)]!.name);
        cursor = range[1];
      }
      push(line.slice(cursor, match.index + match[0].length), whole);
    } else {
      push(match[0], rule.name!);
    }
    position = match.index + match[0].length;
  }
  return tokens.filter((t) => t.text.trim() !== "");
}

/** `text:scope-prefix` pairs, with scopes shortened to their first two parts. */
function coloured(line: string): string[] {
  return tokenize(line).map((t) => `${t.text}:${t.scope.split(".").slice(0, 2).join(".")}`);
}

describe("grammar/btp.tmLanguage.json", () => {
  it("is the grammar of .btp files", () => {
    expect(grammar.scopeName).toBe("source.btp");
    expect(grammar.fileTypes).toEqual(["btp"]);
  });

  it("has every pattern valid, and each included rule defined", () => {
    const check = (rules: Rule[]) => {
      for (const rule of rules) {
        if (rule.include) expect(grammar.repository[rule.include.slice(1)], rule.include).toBeDefined();
        for (const key of ["match", "begin", "end"] as const) if (rule[key]) expect(() => toRegExp(rule[key]!)).not.toThrow();
        if (rule.patterns) check(rule.patterns);
      }
    };
    check(grammar.patterns);
    check(Object.values(grammar.repository));
  });

  it("highlights exactly the lexer's keywords, in any case", () => {
    const keywordRules = flatten([{ include: "#keyword" }]);
    const listed = keywordRules.flatMap((rule) => /\(\?:([^)]*)\)/.exec(rule.match!)![1]!.split("|"));
    expect([...listed].sort()).toEqual([...keywordWords].sort());
    for (const word of keywordWords) {
      for (const spelling of [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]) {
        expect(tokenize(spelling), spelling).toEqual([{ text: spelling, scope: expect.stringMatching(/^keyword\./) }]);
      }
    }
  });

  it("reads every unit spelling after a number as one quantity, as the lexer does", () => {
    const quantity = toRegExp(grammar.repository["quantity"]!.match!);
    let checked = 0;
    for (const unit of prefixedUnitSpellings()) {
      const text = `2.5 ${unit}`;
      const lexed = parseCst(`param x = ${text}`, "t.btp").tokens.filter((t) => t.tokenType.name === "Quantity");
      const lexerReadsOneQuantity = lexed.length === 1 && lexed[0]!.image === text;
      const match = quantity.exec(text);
      const grammarReadsOneQuantity = match !== null && match.index === 0 && match[0] === text && match[2] === unit;
      expect(grammarReadsOneQuantity, `${text}: lexer ${lexerReadsOneQuantity}`).toBe(lexerReadsOneQuantity);
      if (lexerReadsOneQuantity) checked++;
    }
    expect(checked).toBeGreaterThan(100);
    for (const text of ["0.5C", "117.6 mAh/g", "0.2 mA/cm2", "1e-14 m2/s", "10_000 mAh", "25 °C", "80 %", "5 A·s", "2 cm^2", "1 cm²"]) {
      expect(quantity.exec(text)?.[0], text).toBe(text);
    }
  });

  it("does not take a keyword after a number for a unit", () => {
    expect(coloured("cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles")).toEqual([
      "cv:keyword.other", "between:keyword.other", "2.0:constant.numeric", "V:keyword.other",
      "and:keyword.other", "4.0:constant.numeric", "V:keyword.other", "at:keyword.control",
      "0.1:constant.numeric", "mV/s:keyword.other", ",:punctuation.separator", "3:constant.numeric",
      "cycles:keyword.control",
    ]);
    expect(coloured("repeat 5 {")).toEqual(["repeat:keyword.control", "5:constant.numeric", "{:punctuation.section"]);
  });

  it("colours sample lines", () => {
    expect(coloured("Charge at 0.5C until 3.9 V then hold until C/20  # CC-CV")).toEqual([
      "Charge:keyword.other", "at:keyword.control", "0.5:constant.numeric", "C:keyword.other",
      "until:keyword.control", "3.9:constant.numeric", "V:keyword.other", "then:keyword.other",
      "hold:keyword.other", "until:keyword.control", "C/20:constant.numeric", "# CC-CV:comment.line",
    ]);
    expect(coloured('param rate: c-rate = 0.5C')).toEqual([
      "param:keyword.other", "rate:variable.other", "::punctuation.separator", "c-rate:storage.type",
      "=:keyword.operator", "0.5:constant.numeric", "C:keyword.other",
    ]);
    expect(coloured('sequence plate_strip(j: current density) {')).toEqual([
      "sequence:keyword.other", "plate_strip:entity.name", "(:punctuation.section", "j:variable.other",
      "::punctuation.separator", "current density:storage.type", "):punctuation.section", "{:punctuation.section",
    ]);
    expect(coloured("for rate in [0.5C, 1C] {")).toEqual([
      "for:keyword.control", "rate:variable.other", "in:keyword.control", "[:punctuation.section",
      "0.5:constant.numeric", "C:keyword.other", ",:punctuation.separator", "1:constant.numeric",
      "C:keyword.other", "]:punctuation.section", "{:punctuation.section",
    ]);
    expect(coloured('pause "say \\"go\\" # not a comment"')).toEqual([
      "pause:keyword.other", '"say \\"go\\" # not a comment":string.quoted',
    ]);
    expect(coloured("plate_strip(j = 0.1 mA/cm2)  # call")).toEqual([
      "plate_strip:entity.name", "(:punctuation.section", "j:variable.other", "=:keyword.operator",
      "0.1:constant.numeric", "mA/cm2:keyword.other", "):punctuation.section", "# call:comment.line",
    ]);
    expect(coloured("cell na_cge_nvp \"coin\" {")).toEqual([
      "cell:keyword.other", "na_cge_nvp:entity.name", '"coin":string.quoted', "{:punctuation.section",
    ]);
    expect(coloured("window 2.3 V .. 3.9 V")).toEqual([
      "window:variable.other", "2.3:constant.numeric", "V:keyword.other", "..:keyword.operator",
      "3.9:constant.numeric", "V:keyword.other",
    ]);
    expect(coloured("param thin_cell_1c = 2 * thin_cell_1c")).toEqual([
      "param:keyword.other", "thin_cell_1c:variable.other", "=:keyword.operator", "2:constant.numeric",
      "*:keyword.operator", "thin_cell_1c:variable.other",
    ]);
  });

  it("colours every line of the bundled protocols without leaving code uncoloured", () => {
    for (const file of ["protocols/a03-rate-capability-60c.btp", "protocols/cells/na-cge-nvp.btp", "test/format/golden/steps.output.btp"]) {
      for (const line of read(path.join(repoRoot, file)).split("\n")) {
        expect(tokenize(line).filter((t) => t.scope === ""), `${file}: ${line}`).toEqual([]);
      }
    }
  });
});

describe("grammar/language-configuration.json", () => {
  it("knows btp's comments and brackets", () => {
    expect(configuration.comments.lineComment).toBe("#");
    expect(configuration.brackets).toEqual([["{", "}"], ["[", "]"], ["(", ")"]]);
  });

  it("indents after an opening brace and outdents a closing one", () => {
    const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
    for (const line of ["repeat 3 {", "repeat 3 {  # passes", "param rates = [", "  plate_strip("]) expect(increase.test(line), line).toBe(true);
    for (const line of ["repeat 3 { rest for 1 h }", "rest for 1 h", "# a { in a comment", "param r = [1C, 2C]"]) expect(increase.test(line), line).toBe(false);
    for (const line of ["}", "  }", "]", "  ) {"]) expect(decrease.test(line), line).toBe(true);
    expect(decrease.test("  rest for 1 h")).toBe(false);
  });
});
