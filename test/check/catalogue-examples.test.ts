// Every code of the checker has a documented bad example and its fix (docs/diagnostics.md is
// generated from them): the bad one must raise the code, the fix must check clean.

import { describe, expect, it } from "vitest";
import { namesCodes } from "../../src/diagnostics/codes/names.js";
import { unitsCodes } from "../../src/diagnostics/codes/units.js";
import { check, problems } from "./helpers.js";

/** Examples that need files, a special option or another front end: tested on their own. */
const NOT_RUNNABLE = new Set(["BTP2005", "BTP2006", "BTP2007", "BTP2008", "BTP2009", "BTP2026", "BTP2027", "BTP2099", "BTP3044"]);

const checkerCodes = [...namesCodes, ...unitsCodes.filter((c) => Number(c.code.slice(3)) >= 3010)].filter(
  (c) => (c.exampleLanguage ?? "btp") === "btp" && !NOT_RUNNABLE.has(c.code),
);

describe("catalogue examples of the checker's codes", () => {
  it.each(checkerCodes.map((c) => [c.code, c] as const))("%s: the bad example raises it, the fix is clean", (code, info) => {
    const bad = check(info.bad);
    expect(bad.codes, problems(bad).join("\n")).toContain(code);
    expect(bad.first(code).severity).toBe(info.severity);
    const fixed = check(info.fix);
    expect(problems(fixed)).toEqual([]);
  });
});
