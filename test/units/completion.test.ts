import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prefixedUnitSpellings, unitSpellings, unitsForKind } from "../../src/units/completion.js";
import { KIND_DIMENSIONS, QUANTITY_KINDS } from "../../src/units/kinds.js";
import { parseUnit } from "../../src/units/parse.js";
import { sameDimension } from "../../src/units/dimension.js";

const docs = readFileSync(path.resolve(import.meta.dirname, "../../docs/units.md"), "utf8");

describe("unit spellings for completion", () => {
  it("lists each base spelling once, and all of them parse", () => {
    const spellings = unitSpellings();
    expect(new Set(spellings).size).toBe(spellings.length);
    for (const s of spellings) expect(parseUnit(s).ok, s).toBe(true);
    for (const s of ["A", "V", "s", "min", "h", "°C", "degC", "℃", "Ω", "ohm", "Ohm", "C", "m", "g", "%", "Hz"])
      expect(spellings).toContain(s);
  });

  it("includes prefixed forms but not prefixed words or C-rates", () => {
    const all = prefixedUnitSpellings();
    for (const s of ["mA", "µA", "uA", "μA", "cm", "kΩ", "mOhm", "mAh", "MHz", "mg", "ms"]) expect(all).toContain(s);
    for (const s of ["ksec", "mmin", "mC", "cA", "m°C", "mdegC"]) expect(all).not.toContain(s);
  });

  it.each(QUANTITY_KINDS)("offers units of the right dimension for %s", (kind) => {
    const offered = unitsForKind(kind);
    if (kind !== "count") expect(offered.length).toBeGreaterThan(0);
    for (const spelling of offered) {
      const parsed = parseUnit(spelling);
      if (!parsed.ok) throw new Error(`${spelling}: ${parsed.message}`);
      expect(sameDimension(parsed.unit.dimension, KIND_DIMENSIONS[kind]), spelling).toBe(true);
    }
  });

  it("matches the current-unit list editors expect", () => {
    expect(unitsForKind("current")).toEqual(["A", "mA", "uA", "µA", "nA"]);
  });
});

describe("docs/units.md", () => {
  it("documents every base spelling and every kind", () => {
    for (const s of unitSpellings()) expect(docs, s).toContain(`\`${s}\``);
    for (const kind of QUANTITY_KINDS) expect(docs, kind).toContain(`| ${kind} |`);
  });

  it("its examples of mistakes behave as documented", () => {
    for (const [text, suggestion] of [
      ["mAH", "mAh"],
      ["volts", "V"],
      ["hrs", "h"],
      ["degrees C", "°C"],
      ["mA cm-2", "mA·cm-2"],
      ["mAhg-1", "mAh·g-1"],
    ]) {
      const result = parseUnit(text!);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.suggestion).toBe(suggestion);
      expect(docs).toContain(`did you mean \`${suggestion}\`?`);
    }
  });
});
