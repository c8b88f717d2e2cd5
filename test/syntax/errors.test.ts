// Syntax errors read like a colleague pointing at the line: a code, plain words, the exact
// place, and an example of what was meant.

import { describe, expect, it } from "vitest";
import { syntaxCodes } from "../../src/diagnostics/codes/syntax.js";
import { parseSource } from "../../src/syntax/index.js";
import { problems, spanText } from "./helpers.js";

/** The single diagnostic of a text. */
function problem(text: string) {
  const all = problems(text);
  expect(all.map((d) => `${d.code} ${d.message}`)).toHaveLength(1);
  return { ...all[0]!, text: spanText(text, all[0]!.span) };
}

describe("statements", () => {
  it("names a misspelt keyword and suggests the nearest", () => {
    const p = problem("chrage at 1C until 4.2 V");
    expect(p.code).toBe("BTP1010");
    expect(p.message).toBe("unknown statement `chrage`; did you mean `charge`?");
    expect(p.text).toBe("chrage");
    expect(problem("reapet 3 { rest for 1 h }").message).toContain("did you mean `repeat`?");
    expect(problem("frobnicate the cell").message).toBe("unknown statement `frobnicate`");
  });

  it("says that a step needs a direction or an action", () => {
    const p = problem("at 1C until 3.3 V");
    expect(p.code).toBe("BTP1011");
    expect(p.message).toBe("a step needs a direction: `charge at …` or `discharge at …`");
    expect(problem("until 3.9 V").code).toBe("BTP1011");
    expect(problem("for 2 h").code).toBe("BTP1011");
    expect(problem("0.5C until 4.2 V").code).toBe("BTP1011");
  });

  it("explains a step clause that moved to the next line", () => {
    const p = problem("charge at 1C until 4.2 V\n  or until 2 h");
    expect(p.code).toBe("BTP1011");
    expect(p.message).toContain("`or` cannot start a statement");
    expect(p.span.start.line).toBe(2);
  });

  it("asks for `at` after charge", () => {
    const p = problem("charge 1C until 4.2 V");
    expect(p.code).toBe("BTP1014");
    expect(p.message).toBe("expected `at` after `charge` (for example `charge at 0.5C until 3.9 V`), found `1C`");
    expect(p.text).toBe("1C");
    expect(p.hint).toContain("charge at 0.5C until 4.2 V");
  });

  it("wants a separator between two statements on one line", () => {
    const p = problem("repeat 3 { charge at 1C until 4.2 V discharge at 1C until 2.5 V }");
    expect(p.code).toBe("BTP1012");
    expect(p.message).toBe("two statements on one line: put a new line or `;` before `discharge`");
    expect(p.text).toBe("discharge at 1C until 2.5 V");
  });

  it("reports text left over after a complete statement", () => {
    const p = problem("rest for 2 h 30 min");
    expect(p.code).toBe("BTP1022");
    expect(p.text).toBe("30 min");
  });

  it("keeps declarations at the top level", () => {
    const p = problem("repeat 3 {\n  param n = 5\n  rest for 1 h\n}");
    expect(p.code).toBe("BTP1013");
    expect(p.message).toBe("`param` belongs at the top level of the file, not inside a block");
    expect(p.text).toBe("param n = 5");
  });

  it("gives one diagnostic per broken line and carries on", () => {
    const text = "chrage at 1C\nrest for 1 h\ncharge 1C until 4.2 V\ndischarge at until\nrest for 2 h";
    const { file, diagnostics } = parseSource(text, "t.btp");
    expect(diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([
      ["BTP1010", 1],
      ["BTP1014", 3],
      ["BTP1015", 4],
    ]);
    expect(file.items.map((i) => i.kind)).toEqual(["RestStep", "ChargeStep", "ChargeStep", "RestStep"]);
    expect(file.items.map((i) => i.recovered === true)).toEqual([false, true, true, false]);
  });
});

describe("brackets", () => {
  it("points at the unclosed block and where it opened", () => {
    const text = "rest for 1 h\n\n  repeat 3 {\n    charge at 1C until 4.2 V\n";
    const p = problem(text);
    expect(p.code).toBe("BTP1004");
    expect(p.message).toBe("missing `}` to close the `repeat` block opened at 3:3");
    expect(p.related).toEqual([
      {
        message: "the `repeat` block starts here",
        span: expect.objectContaining({ start: { offset: text.indexOf("{"), line: 3, column: 12 } }),
      },
    ]);
  });

  it("reports a `}` that closes nothing", () => {
    const p = problem("charge at 1C until 4.2 V }");
    expect(p.code).toBe("BTP1005");
    expect(p.text).toBe("}");
  });

  it("reports a `(` left open before a block", () => {
    const p = problem("sequence f(a: time { rest for a }");
    expect(p.code).toBe("BTP1004");
    expect(p.message).toBe("missing `)` to close the `(` opened at 1:1");
  });

  it("refuses nesting beyond the limit before parsing", () => {
    const text = "repeat 2 {".repeat(65) + "}".repeat(65);
    const { diagnostics, file } = parseSource(text, "deep.btp");
    expect(diagnostics.map((d) => d.code)).toEqual(["BTP1003"]);
    expect(file.items).toEqual([]);
    const fine = "repeat 2 {".repeat(60) + "rest for 1 s" + "}".repeat(60);
    expect(parseSource(fine, "ok.btp").diagnostics).toEqual([]);
  });
});

describe("values", () => {
  it("asks for a value where one is missing", () => {
    const p = problem("hold at until C/50");
    expect(p.code).toBe("BTP1015");
    expect(p.message).toBe(
      "expected a value (a number with a unit such as `3.9 V`, a name, or `ocv`) after `at`, found `until`",
    );
  });

  it("asks for the unit of a bare number, with the usual unit of that place", () => {
    expect(problem("discharge at 0.5C until 2.5").message).toBe("expected a unit after 2.5 (for example `2.5 V`)");
    expect(problem("rest for 2").message).toBe("expected a unit after 2 (for example `2 h`)");
    expect(problem("charge at 1 until 4.2 V").message).toBe("expected a unit after 1 (for example `1C` or `1 mA`)");
    expect(problem("temperature -20").message).toBe("expected a unit after -20 (for example `-20 °C`)");
    expect(problem("eis from 1 MHz to 10, amplitude 5 mV").message).toBe(
      "expected a unit after 10 (for example `10 Hz`)",
    );
    expect(problems("rest for 1 h")).toEqual([]);
  });

  it("does not ask for units on counts", () => {
    expect(
      problems("repeat 5 { cv between 2 V and 4 V at 1 mV/s, 3 cycles }\neis from 1 MHz to 1 Hz, 10 points per decade"),
    ).toEqual([]);
  });

  it("rejects numbers beyond double precision and C/0", () => {
    expect(problem("rest for 1e400 h").code).toBe("BTP1024");
    expect(problem("charge at C/0 until 4.2 V").code).toBe("BTP1025");
  });
});

describe("clauses", () => {
  it("names unknown loop conditions and limits", () => {
    const loop = problem("repeat 1000 until discharge capacty < 80 % of cycle 1 { rest for 1 h }");
    expect(loop.code).toBe("BTP1017");
    expect(loop.message).toBe("unknown loop condition `discharge capacty`; did you mean `discharge capacity`?");
    expect(loop.text).toBe("discharge capacty");
    expect(problem("limits { volts 2.0 V .. 4.2 V }").message).toBe("unknown limit `volts`");
  });

  it("wants a count on every repeat", () => {
    const p = problem("repeat until discharge capacity < 80 % of cycle 1 { discharge at 1C until 2.5 V }");
    expect(p.code).toBe("BTP1019");
    expect(p.hint).toContain("repeat 1000 until");
  });

  it("reports a clause given twice, pointing at both", () => {
    const text = "eis from 1 MHz to 10 mHz, amplitude 5 mV, amplitude 10 mV";
    const p = problem(text);
    expect(p.code).toBe("BTP1020");
    expect(p.text).toBe("amplitude 10 mV");
    expect(spanText(text, p.related![0]!.span)).toBe("amplitude 5 mV");
    expect(problem("rest for 1 h or for 2 h").code).toBe("BTP1020");
    expect(problem("limits { voltage 2 V .. 4 V, voltage 1 V .. 5 V }").code).toBe("BTP1020");
    expect(problem('rest for 1 h, label "a", label "b"').code).toBe("BTP1020");
  });

  it("keeps percentages of nominal in steps and of cycles in loops", () => {
    expect(problem("discharge at 1C until 80 % of cycle 1").code).toBe("BTP1023");
    expect(problem("repeat 9 until discharge capacity < 80 % of nominal { rest for 1 h }").code).toBe("BTP1023");
  });

  it("wants separators between cell properties", () => {
    expect(problem("cell x { area 1 cm2 window 2 V .. 4 V }").code).toBe("BTP1012");
  });
});

describe("characters and strings", () => {
  it("reports unterminated strings and carries on", () => {
    const { diagnostics, file } = parseSource('pause "Move the cell\nrest for 1 h', "t.btp");
    expect(diagnostics.map((d) => d.code)).toEqual(["BTP1002"]);
    expect(file.items.map((i) => i.kind)).toEqual(["PauseStep", "RestStep"]);
  });

  it("reports stray characters with a hint for curly quotes", () => {
    const p = problems("protocol “Rate test”");
    expect(p[0]!.code).toBe("BTP1001");
    expect(p[0]!.hint).toContain("straight double quotes");
  });
});

describe("the catalogue's examples", () => {
  const btpExamples = syntaxCodes.filter(
    (c) => (c.exampleLanguage ?? "btp") === "btp" && !c.bad.includes("…") && c.code !== "BTP1099",
  );

  it.each(btpExamples.map((c) => [c.code, c] as const))(
    "%s: the bad example triggers it and the fix is clean",
    (code, info) => {
      const bad = parseSource(info.bad, "bad.btp").diagnostics.map((d) => d.code);
      expect(bad).toContain(code);
      expect(parseSource(info.fix, "fix.btp").diagnostics.filter((d) => d.code.startsWith("BTP1"))).toEqual([]);
    },
  );
});
