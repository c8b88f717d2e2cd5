import { describe, expect, it } from "vitest";
import { confusionHint } from "../../src/units/hints.js";

describe("confusionHint", () => {
  it.each([
    ["m", "time", /`min` for minutes/],
    ["mS", "time", /`ms` for milliseconds/],
    ["S", "time", /`s` for seconds/],
    ["C", "capacity", /not the coulomb/],
    ["mAh", "c-rate", /`0.5C`/],
  ] as const)("explains %s where a %s was expected", (unit, kind, hint) => {
    expect(confusionHint(unit, kind)).toMatch(hint);
  });

  it("stays quiet when there is no known trap", () => {
    expect(confusionHint("V", "time")).toBeUndefined();
    expect(confusionHint("min", "time")).toBeUndefined();
    expect(confusionHint("nonsense", "time")).toBeUndefined();
  });
});
