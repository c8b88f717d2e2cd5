import { describe, expect, it } from "vitest";
import { formatDuration } from "../../src/units/duration.js";

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [0.25, "0.25 s"],
    [45, "45 s"],
    [59.7, "59.7 s"],
    [59.96, "1 min"],
    [90, "1 min 30 s"],
    [600, "10 min"],
    [3600, "1 h"],
    [3630, "1 h 30 s"],
    [3661, "1 h 1 min 1 s"],
    [9000, "2 h 30 min"],
    [86400, "24 h"],
    [172800, "2 d (48 h)"],
    [3.6e6, "41.7 d (1000 h)"],
    [-600, "-10 min"],
    [Infinity, "unbounded"],
    [Number.NaN, "unknown"],
  ])("%d s reads as %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it("shows no float residue for long tests", () => {
    expect(formatDuration(10000 * 2 * 3600 * 0.1)).toBe("83.3 d (2000 h)");
    expect(formatDuration(1e12)).not.toMatch(/0000000\d|9999999\d/);
  });
});
