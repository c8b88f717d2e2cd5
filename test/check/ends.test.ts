// How steps end: subjects decided by dimension, default comparators, and the end errors.

import { describe, expect, it } from "vitest";
import type { EndConditionIR } from "../../src/ir/types.js";
import { COIN_CELL, check, problems } from "./helpers.js";

function ends(text: string): EndConditionIR[] {
  const result = check(text);
  expect(problems(result).filter((p) => !p.startsWith("BTP4"))).toEqual([]);
  const step = result.ir!.body.at(-1) as { ends: EndConditionIR[] };
  return step.ends.map((end) => ({ ...end, span: undefined }) as unknown as EndConditionIR);
}

describe("end conditions", () => {
  it("decides the subject by dimension and defaults the direction by step", () => {
    expect(ends("charge at 1 mA until 3.9 V")).toMatchObject([{ kind: "voltage", comparator: ">=", volts: 3.9 }]);
    expect(ends("discharge at 1 mA until 2.3 V")).toMatchObject([{ kind: "voltage", comparator: "<=", volts: 2.3 }]);
    expect(ends("hold at 4.2 V until 0.05 mA")).toMatchObject([{ kind: "current", comparator: "<", amperes: 5e-5 }]);
    expect(ends("charge at 1 mA until 0.2 mAh")).toMatchObject([{ kind: "capacity" }]);
    expect(ends("charge at 1 mA until 2 h")).toMatchObject([{ kind: "time", seconds: 7200 }]);
    expect(ends("rest until 30 °C")).toMatchObject([{ kind: "temperature", comparator: ">=" }]);
  });

  it("keeps written subjects and comparators; `for … or until …` is whichever comes first", () => {
    expect(ends("charge at 1 mA until voltage > 3.9 V")).toMatchObject([{ kind: "voltage", comparator: ">" }]);
    expect(ends("charge at 1 A for 1 h or until 4.1 V")).toMatchObject([{ kind: "time", seconds: 3600 }, { kind: "voltage", volts: 4.1 }]);
    expect(ends(`${COIN_CELL}hold at 3.9 V until current < C/50 or 2 h`)).toMatchObject([{ kind: "current" }, { kind: "time" }]);
  });

  it("BTP3012: `for` needs a time", () => {
    const result = check("rest for 3 V");
    expect(result.spanText("BTP3012")).toBe("3 V");
    expect(result.first("BTP3012").hint).toContain("until 3 V");
    expect(check("rest for 10 m").first("BTP3012").hint).toContain("min");
  });

  it("BTP3013: a written subject must agree with the value", () => {
    const result = check("charge at 1 mA until voltage 2 h");
    expect(result.spanText("BTP3013")).toBe("2 h");
    expect(result.first("BTP3013").hint).toContain("until time 2 h");
    expect(check("charge at 1 mA until 5 Hz").spanText("BTP3013")).toBe("5 Hz");
  });

  it("BTP3018: a rest or ocv cannot end on a current", () => {
    expect(check("rest until 2 mA").spanText("BTP3018")).toBe("2 mA");
    expect(check("ocv until current < 1 mA").codes).toContain("BTP3018");
  });

  it("BTP3028: a percent must say of what, and `of nominal` needs a percent", () => {
    const bare = check(`${COIN_CELL}charge at 1 mA until 80 %`);
    expect(bare.spanText("BTP3028")).toBe("80 %");
    expect(bare.first("BTP3028").hint).toContain("80 % of nominal");
    expect(check(`${COIN_CELL}charge at 1 mA until 2 mAh of nominal`).spanText("BTP3028")).toBe("2 mAh");
  });

  it("BTP3033: ends that must be above zero", () => {
    expect(check("rest for 0 s").spanText("BTP3033")).toBe("0 s");
    expect(check("hold at 4 V until -1 mA").spanText("BTP3033")).toBe("-1 mA");
  });

  it("BTP3025: a list as an end", () => {
    expect(check("charge at 1 mA until [3.9 V, 4 V]").spanText("BTP3025")).toBe("[3.9 V, 4 V]");
  });
});

describe("limits and recording", () => {
  it("tightest limit wins from protocol to block to step; record: innermost wins", () => {
    const result = check(`limits { voltage 2.0 V .. 4.2 V, current 10 mA }
record every 30 s
section "inner" {
  limits { voltage 2.5 V .. 4.5 V }
  record every 1 s or 1 mV
  charge at 1 mA for 1 h, limits { current 5 mA, temperature -10 °C .. 60 °C }
  rest for 1 h, record every 10 s
}
rest for 1 h`);
    expect(problems(result)).toEqual([]);
    const section = result.ir!.body[0] as { body: { limits: unknown; record: unknown }[] };
    expect(section.body[0]!.limits).toMatchObject({ voltage: { min: 2.5, max: 4.2 }, current: { max: 0.005 } });
    expect((section.body[0]!.limits as { temperature: { min: number } }).temperature.min).toBeCloseTo(263.15, 10);
    expect(section.body[0]!.record).toEqual({ time: 1, voltage: 0.001 });
    expect(section.body[1]!.record).toEqual({ time: 10 });
    const after = result.ir!.body[1] as { limits: unknown; record: unknown };
    expect(after.limits).toEqual({ voltage: { min: 2, max: 4.2 }, current: { max: 0.01 } });
    expect(after.record).toEqual({ time: 30 });
    expect(result.ir!.limits).toEqual({ voltage: { min: 2, max: 4.2 }, current: { max: 0.01 } });
    expect(result.ir!.record).toEqual({ time: 30 });
  });

  it("a current limit in C-rate resolves through the cell", () => {
    const result = check(`${COIN_CELL}limits { current 2C }\nrest for 1 h`);
    expect(result.ir!.limits.current!.max).toBeCloseTo(0.000588, 15);
  });

  it("BTP3042: a current limit is a magnitude", () => {
    expect(check("limits { current -10 mA .. 10 mA }\nrest for 1 h").spanText("BTP3042")).toBe("current -10 mA .. 10 mA");
  });

  it("BTP3040: a limit range upside down; BTP3023: a limit of the wrong kind", () => {
    expect(check("limits { voltage 4.2 V .. 2 V }\nrest for 1 h").spanText("BTP3040")).toBe("voltage 4.2 V .. 2 V");
    expect(check("limits { voltage 10 mA }\nrest for 1 h").spanText("BTP3023")).toBe("10 mA");
  });

  it("BTP3023: recording by something other than time, voltage or current", () => {
    expect(check("record every 5 Hz\nrest for 1 h").spanText("BTP3023")).toBe("5 Hz");
  });
});
