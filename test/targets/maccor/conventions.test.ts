import { describe, expect, it } from "vitest";
import {
  formatCMultiple,
  formatTime,
  formatValue,
  loopCountField,
  operField,
  padField,
  parseTime,
  parseValue,
  passesOf,
  stepNumberField,
} from "../../../src/targets/maccor/conventions.js";

describe("maccor conventions: fixed-width fields", () => {
  it("centres 8-character fields as the public files do (odd space on the right)", () => {
    expect(padField("End")).toBe("  End   ");
    expect(padField("Rest")).toBe("  Rest  ");
    expect(padField("Pause")).toBe(" Pause  ");
    expect(padField("FRA")).toBe("  FRA   ");
    expect(padField("Charge")).toBe(" Charge ");
    expect(padField("Loop 1")).toBe(" Loop 1 ");
    expect(padField("Do 2")).toBe("  Do 2  ");
    expect(padField("Current")).toBe("Current ");
    expect(padField("Voltage")).toBe("Voltage ");
    expect(padField("")).toBe("        ");
    expect(padField("Dischrge")).toBe("Dischrge");
    expect(padField("Resistance")).toBe("Resistance");
  });

  it("writes operators as 3 characters and step numbers as 3 digits", () => {
    expect(operField("=")).toBe(" = ");
    expect(operField(">=")).toBe(">= ");
    expect(operField("<=")).toBe("<= ");
    expect(stepNumberField(7)).toBe("007");
    expect(stepNumberField(23)).toBe("023");
    expect(stepNumberField(999)).toBe("999");
  });
});

describe("maccor conventions: numbers and times", () => {
  it("writes values with a decimal point, Java-style exponents below 1e-3, no float noise", () => {
    expect(formatValue(4.2)).toBe("4.2");
    expect(formatValue(3)).toBe("3.0");
    expect(formatValue(30)).toBe("30.0");
    expect(formatValue(0.005)).toBe("0.005");
    expect(formatValue(1e-4)).toBe("1.0E-4");
    expect(formatValue(0.000147)).toBe("1.47E-4");
    expect(formatValue(0.1 + 0.2)).toBe("0.3");
    expect(formatCMultiple(2)).toBe("2.0C");
    expect(formatCMultiple(0.05)).toBe("0.05C");
  });

  it("reads values, with or without the C suffix, and rejects anything else", () => {
    expect(parseValue("4.25")).toEqual({ value: 4.25, perC: false });
    expect(parseValue("1.0E-4")).toEqual({ value: 1e-4, perC: false });
    expect(parseValue(".001")).toEqual({ value: 0.001, perC: false });
    expect(parseValue("2.0C")).toEqual({ value: 2, perC: true });
    expect(parseValue("0.05C")).toEqual({ value: 0.05, perC: true });
    expect(parseValue("")).toBeNull();
    expect(parseValue("4.2V")).toBeNull();
    expect(parseValue("0|4*CRATE")).toBeNull();
    expect(parseValue("1e999")).toBeNull();
  });

  it("writes times as hh:mm:ss with hundredths when needed, and refuses what is finer than 10 ms", () => {
    expect(formatTime(10800)).toBe("03:00:00");
    expect(formatTime(30)).toBe("00:00:30");
    expect(formatTime(0.01)).toBe("00:00:00.01");
    expect(formatTime(1.5)).toBe("00:00:01.5");
    expect(formatTime(3600 * 1000)).toBe("1000:00:00");
    expect(formatTime(0.005)).toBeNull();
    expect(formatTime(Number.NaN)).toBeNull();
  });

  it("reads the time forms of the public files, elided fields included", () => {
    expect(parseTime("03:00:00")).toBe(10800);
    expect(parseTime("::.01")).toBe(0.01);
    expect(parseTime("3600::")).toBe(3600 * 3600);
    expect(parseTime("00:00:01.5")).toBe(1.5);
    expect(parseTime("1:2")).toBeNull();
    expect(parseTime("a:b:c")).toBeNull();
    for (const seconds of [0.01, 1, 59.99, 61, 3599.5, 7200, 36000.25]) expect(parseTime(formatTime(seconds)!)).toBe(seconds);
  });
});

describe("maccor conventions: loop counts", () => {
  it("writes the number of passes as Loop Cnt: 3 passes -> 3", () => {
    expect(loopCountField(3)).toBe("3");
    expect(passesOf(3)).toBe(3);
    expect(loopCountField(10000)).toBe("10000");
  });
});
