import { describe, expect, it } from "vitest";
import {
  DIMENSIONLESS,
  dimension,
  divideDimensions,
  multiplyDimensions,
  powerOfDimension,
  sameDimension,
} from "../../src/units/dimension.js";
import { KIND_DIMENSIONS, QUANTITY_KINDS, describeDimension, kindOf } from "../../src/units/kinds.js";

describe("dimensions", () => {
  it("multiplies and divides exponent vectors", () => {
    const current = dimension({ A: 1 });
    const time = dimension({ s: 1 });
    expect(sameDimension(multiplyDimensions(current, time), KIND_DIMENSIONS.capacity)).toBe(true);
    expect(
      sameDimension(
        divideDimensions(KIND_DIMENSIONS.capacity, dimension({ kg: 1 })),
        KIND_DIMENSIONS["specific capacity"],
      ),
    ).toBe(true);
    expect(sameDimension(divideDimensions(current, current), DIMENSIONLESS)).toBe(true);
    expect(sameDimension(powerOfDimension(dimension({ m: 1 }), 2), KIND_DIMENSIONS.area)).toBe(true);
  });

  it("never produces -0 exponents", () => {
    const d = powerOfDimension(DIMENSIONLESS, -1);
    expect(Object.is(d.A, -0)).toBe(false);
  });

  it("keeps the C-rate apart from current", () => {
    expect(sameDimension(KIND_DIMENSIONS["c-rate"], KIND_DIMENSIONS.current)).toBe(false);
  });
});

describe("kinds", () => {
  it("gives every kind except percent its own dimension", () => {
    for (const kind of QUANTITY_KINDS) {
      const expected = kind === "percent" ? "count" : kind;
      expect(kindOf(KIND_DIMENSIONS[kind]), kind).toBe(expected);
    }
  });

  it.each([
    [dimension({ A: 1, m: -2 }), "current density"],
    [dimension({ A: 1, V: 1, s: -1 }), "A·V/s"],
    [dimension({ A: 1, s: -2 }), "A/s²"],
    [dimension({ s: -1, C: 1 }), "C-rate/s"],
    [dimension({ m: -3 }), "1/m³"],
    [dimension({ V: 2, K: -1 }), "V²/K"],
    [DIMENSIONLESS, "count"],
  ])("describes %o as %s", (d, text) => {
    expect(describeDimension(d)).toBe(text);
  });

  it("returns null for dimensions without a name", () => {
    expect(kindOf(dimension({ A: 2 }))).toBeNull();
  });
});
