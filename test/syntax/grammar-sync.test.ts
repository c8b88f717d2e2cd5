// grammar/btp.ebnf is the reference grammar; src/syntax/parser.ts implements it. These tests fail
// as soon as one changes without the other.

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { btpParser } from "../../src/syntax/parser.js";
import { keywordWords } from "../../src/syntax/lexer.js";

const ebnf = readFileSync(path.resolve(import.meta.dirname, "../../grammar/btp.ebnf"), "utf8");
const withoutComments = ebnf.replace(/\(\*[\s\S]*?\*\)/g, " ");
const [lexicalPart, syntaxPart] = splitParts(withoutComments);

function splitParts(text: string): [string, string] {
  const marker = text.search(/^File\s*=/m);
  if (marker < 0) throw new Error("grammar/btp.ebnf has no `File =` rule");
  return [text.slice(0, marker), text.slice(marker)];
}

/** Rule names defined in a part: `Name = …`. */
function ruleNames(part: string): string[] {
  return [...part.matchAll(/^([A-Za-z][A-Za-z-]*)\s*=/gm)].map((m) => m[1]!);
}

/** The EBNF rule `ChargeStep` is the parser rule `chargeStep`. */
function parserName(ebnfName: string): string {
  return ebnfName.charAt(0).toLowerCase() + ebnfName.slice(1);
}

function ruleBody(part: string, name: string): string {
  const match = new RegExp(`^${name}\\s*=([\\s\\S]*?);\\s*$`, "m").exec(part);
  if (!match) throw new Error(`no rule ${name}`);
  return match[1]!;
}

describe("grammar/btp.ebnf and the parser agree", () => {
  const parserRules = Object.keys(btpParser().getGAstProductions());
  const syntaxRules = ruleNames(syntaxPart);

  it("every syntax rule of the ebnf is a parser rule", () => {
    const missing = syntaxRules.filter((r) => !parserRules.includes(parserName(r)));
    expect(missing).toEqual([]);
    expect(syntaxRules.length).toBeGreaterThan(40);
  });

  it("every parser rule is in the ebnf", () => {
    const documented = new Set(syntaxRules.map(parserName));
    expect(parserRules.filter((r) => !documented.has(r))).toEqual([]);
  });

  it("every name used in a rule is defined somewhere in the ebnf", () => {
    const defined = new Set([...ruleNames(lexicalPart), ...syntaxRules]);
    const lowerCaseHelpers = new Set(["non-starter", "inline-token", "letter", "digit", "character", "newline"]);
    const used = [...syntaxPart.replace(/"[^"]*"|'[^']*'/g, " ").matchAll(/\b([A-Za-z][A-Za-z-]*)\b/g)].map(
      (m) => m[1]!,
    );
    const undefinedNames = [...new Set(used)].filter((n) => !defined.has(n) && !lowerCaseHelpers.has(n));
    expect(undefinedNames).toEqual([]);
  });

  it("the Keyword rule lists exactly the lexer's keywords", () => {
    const listed = [...ruleBody(lexicalPart, "Keyword").matchAll(/"([a-z]+)"/g)].map((m) => m[1]!);
    expect([...listed].sort()).toEqual([...keywordWords].sort());
  });

  it("double-quoted words are reserved keywords and single-quoted words are not", () => {
    const doubleQuoted = [...syntaxPart.matchAll(/"([A-Za-z]+)"/g)].map((m) => m[1]!.toLowerCase());
    const singleQuoted = [...syntaxPart.matchAll(/'([A-Za-z]+)'/g)].map((m) => m[1]!.toLowerCase());
    const keywords = new Set<string>(keywordWords);
    expect(doubleQuoted.filter((w) => !keywords.has(w))).toEqual([]);
    expect(singleQuoted.filter((w) => keywords.has(w))).toEqual([]);
    expect(singleQuoted).toContain("voltage");
  });
});
