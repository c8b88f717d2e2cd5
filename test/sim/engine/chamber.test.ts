import { describe, expect, it } from "vitest";
import { Chamber } from "../../../src/sim/engine/chamber.js";

describe("climate chamber and cell temperature", () => {
  it("follows a set-point change with a first-order lag", () => {
    const chamber = new Chamber(298.15, 1200);
    chamber.set(333.15, 100);
    expect(chamber.cellAt(100)).toBeCloseTo(298.15, 9);
    expect(chamber.cellAt(100 + 1200)).toBeCloseTo(333.15 - 35 * Math.exp(-1), 9);
    expect(chamber.refreshAfter(200)).toBe(120);
    expect(chamber.cellAt(100 + 20 * 1200)).toBe(333.15);
    expect(chamber.refreshAfter(100 + 20 * 1200)).toBe(Infinity);
  });

  it("says when the cell reaches a temperature, and never for one it cannot reach", () => {
    const chamber = new Chamber(298.15, 1200);
    chamber.set(253.15, 0);
    const t = chamber.timeUntil("<=", 263.15, 0);
    expect(chamber.cellAt(t)).toBeCloseTo(263.15, 6);
    expect(chamber.timeUntil(">=", 300, 0)).toBe(Infinity);
    expect(chamber.timeUntil(">=", 290, 0)).toBe(0);
    expect(chamber.timeToSettle(0, 0.1)).toBeCloseTo(1200 * Math.log(45 / 0.1), 6);
  });
});
