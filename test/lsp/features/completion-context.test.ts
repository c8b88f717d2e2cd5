// What completion sees at the cursor: `|` marks the cursor in each text.

import { describe, expect, it } from "vitest";
import { situationAt, type Situation } from "../../../src/lsp/features/completion-context.js";
import { IncrementalParser } from "../../../src/lsp/incremental/parser.js";

function at(textWithCursor: string): Situation {
  const offset = textWithCursor.indexOf("|");
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const parsed = new IncrementalParser("/lab/main.btp").parse(text);
  const pieceStart = Math.max(0, ...parsed.pieceStarts.filter((s) => s <= offset));
  return situationAt(text, offset, parsed.file, pieceStart);
}

function words(textWithCursor: string) {
  const situation = at(textWithCursor);
  if (situation.kind !== "words") throw new Error(`expected words, got ${situation.kind}`);
  return situation;
}

function unitKinds(textWithCursor: string) {
  const situation = at(textWithCursor);
  if (situation.kind !== "unit") throw new Error(`expected a unit, got ${situation.kind}`);
  return situation.kinds;
}

describe("situationAt", () => {
  it("offers statement keywords, sequences and declarations at the start of a line", () => {
    const top = words("rest for 1 h\n|");
    expect(top.expectation.keywords).toEqual(expect.arrayContaining(["charge", "discharge", "rest", "repeat", "param", "cell", "import"]));
    expect(top.expectation.sequence).toBe(true);
    const inBlock = words("repeat 3 {\n  |\n}\n");
    expect(inBlock.expectation.keywords).toContain("hold");
    expect(inBlock.expectation.keywords).not.toContain("param");
  });

  it("offers the clauses that may follow a step", () => {
    const after = words("charge at 1C |");
    expect(after.expectation.keywords).toEqual(expect.arrayContaining(["until", "for", "then", "record", "limits", "label"]));
    expect(after.expectation.keywords).not.toContain("rest");
  });

  it("completes the word being typed, replacing it", () => {
    const typing = words("charge at 1C unt|");
    expect(typing.typed).toBe("unt");
    expect(typing.start).toBe("charge at 1C ".length);
    expect(typing.expectation.keywords).toContain("until");
  });

  it("knows what a value, a condition subject, a loop condition, a type and a cell name are", () => {
    expect(words("charge at |").expectation.value).toBe(true);
    expect(words("charge at 1C until |").expectation.conditionSubject).toBe(true);
    expect(words("repeat 50 until |").expectation.loopCondition).toBe(true);
    expect(words("param rate: |").expectation.typeName).toBe(true);
    expect(words("use cell |").expectation.cellName).toBe(true);
    expect(words("plate_strip(|").expectation.argumentOf).toBe("plate_strip");
  });

  it("sees sweep variables and sequence parameters only inside their blocks", () => {
    const inside = words("sequence s(j: current, t: time) {\n  charge at |\n}\n");
    expect(inside.scope.locals.map((l) => l.name)).toEqual(["j", "t"]);
    const sweep = words("for rate in [1C, 2C] {\n  charge at |\n}\n");
    expect(sweep.scope.locals.map((l) => l.name)).toEqual(["rate"]);
    expect(words("for rate in [1C, 2C] {\n  rest for 1 h\n}\ncharge at |").scope.locals).toEqual([]);
  });

  it("asks for the unit the place needs after a number", () => {
    expect(unitKinds("charge at 0.5|")).toEqual(["c-rate", "current", "current density", "specific current", "power"]);
    expect(unitKinds("rest for 2 |")).toEqual(["time"]);
    expect(unitKinds("hold at 4.2|")).toEqual(["voltage"]);
    expect(unitKinds("eis from 1 MHz to 10 |")).toEqual(["frequency"]);
    expect(unitKinds("sweep from ocv to 6.5 V at 0.1 |")).toEqual(["scan rate"]);
    expect(unitKinds("at -20|")).toEqual(["temperature"]);
    expect(unitKinds("discharge at 1C until voltage < 2|")).toEqual(["voltage"]);
    expect(unitKinds("param t: time = 2|")).toEqual(["time"]);
    expect(unitKinds("limits { current 10|")).toEqual(["current", "c-rate", "current density", "specific current"]);
    expect(unitKinds("cell c {\n  area 1.1|\n}")).toEqual(["area"]);
    expect(unitKinds("cell c {\n  window 2.3 V .. 3.9|\n}")).toEqual(["voltage"]);
  });

  it("completes the unit being typed after a number", () => {
    const situation = at("rest for 2 mi|");
    expect(situation).toMatchObject({ kind: "unit", typed: "mi", kinds: ["time"] });
  });

  it("offers cell keys, electrode keys and cell kinds inside a cell, limit subjects inside limits", () => {
    expect(at("cell c {\n  |\n}")).toMatchObject({ kind: "cellKey", inside: "cell" });
    expect(at('cell c {\n  cathode "NVP" { |}\n}')).toMatchObject({ kind: "cellKey", inside: "electrode" });
    expect(at("cell c {\n  kind |\n}")).toMatchObject({ kind: "cellWord", key: "kind" });
    expect(at("limits { |}")).toMatchObject({ kind: "limitSubject" });
    expect(at("limits { voltage 2 V .. 4 V, |}")).toMatchObject({ kind: "limitSubject" });
  });

  it("completes import paths inside their strings, and nothing in comments or other strings", () => {
    expect(at('import "cells/na|')).toMatchObject({ kind: "path", typed: "cells/na" });
    expect(at('use cell "|"')).toMatchObject({ kind: "path", typed: "" });
    expect(at("rest for 1 h   # charge at |")).toEqual({ kind: "none" });
    expect(at('pause "charge at |"')).toEqual({ kind: "none" });
  });
});
