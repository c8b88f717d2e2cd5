// Steps → IR steps: set-points by dimension, CC-CV, holds, potentiostat techniques, temperature.

import { describe, expect, it } from "vitest";
import type { NodeIR } from "../../src/ir/types.js";
import { COIN_CELL, check, problems } from "./helpers.js";

function steps(text: string): NodeIR[] {
  const result = check(text);
  expect(problems(result).filter((p) => !p.startsWith("BTP4"))).toEqual([]);
  return result.ir?.body ?? [];
}

describe("charge and discharge", () => {
  it("a current-like set-point is a constant current, a power a constant power", () => {
    const [cc, cp] = steps("charge at 1 mA for 1 h\ndischarge at 10 mW for 1 h");
    expect(cc).toMatchObject({ kind: "constantCurrent", direction: "charge", current: { si: 0.001, text: "1 mA" } });
    expect(cp).toMatchObject({ kind: "constantPower", direction: "discharge", power: { si: 0.01, text: "10 mW" } });
  });

  it("BTP3011: hints say what to write instead", () => {
    expect(check("charge at 2 h").first("BTP3011").hint).toContain("for 2 h");
    expect(check("charge at 0.3 mAh").first("BTP3011").hint).toContain("until 0.3 mAh");
    expect(check("charge at 1").first("BTP3011").hint).toContain("1C");
    expect(check("discharge at 3 Hz for 1 h").spanText("BTP3011")).toBe("3 Hz");
  });

  it("a misuse through a param is reported at the use, a missing cell at the value", () => {
    const misuse = check("param v = 4.2 V\ncharge at v for 1 h");
    expect(misuse.spanText("BTP3011")).toBe("v");
    expect(misuse.first("BTP3011").message).toContain("`4.2 V` is a voltage");
    const noCell = check("param rate = 0.5C\ncharge at rate for 1 h\ndischarge at rate for 1 h");
    expect(noCell.codes).toEqual(["BTP3017"]);
    expect(noCell.spanText("BTP3017")).toBe("0.5C");
  });

  it("BTP3029: a negative set-point; direction is a word", () => {
    const result = check("charge at -1 mA for 1 h");
    expect(result.spanText("BTP3029")).toBe("-1 mA");
    expect(result.first("BTP3029").hint).toBe("write `discharge at 1 mA`");
  });

  it("BTP3033: a zero set-point", () => {
    expect(check("charge at 0 mA for 1 h").spanText("BTP3033")).toBe("0 mA");
  });

  it("`then hold` makes one CC-CV step holding the cut-off", () => {
    const [step] = steps(`${COIN_CELL}charge at 0.5C until 3.9 V or 5 h then hold until C/20 or 2 h`);
    expect(step).toMatchObject({
      kind: "ccCv",
      direction: "charge",
      voltage: 3.9,
      ccEnds: [{ kind: "time", seconds: 18000 }],
      cvEnds: [{ kind: "current", comparator: "<" }, { kind: "time", seconds: 7200 }],
    });
  });

  it("`then hold at` the same voltage is the same CC-CV", () => {
    const [step] = steps("charge at 1 mA until 4.2 V then hold at 4.2 V until 0.1 mA");
    expect(step).toMatchObject({ kind: "ccCv", voltage: 4.2 });
  });

  it("BTP3038: a hold voltage different from the cut-off warns and keeps both as written", () => {
    const text = "charge at 1 mA until 3.9 V then hold at 3.8 V until 0.1 mA";
    const result = check(text);
    const warning = result.first("BTP3038");
    expect(warning.severity).toBe("warning");
    expect(result.spanText("BTP3038")).toBe("3.8 V");
    expect(text.slice(warning.related![0]!.span.start.offset, warning.related![0]!.span.end.offset)).toBe("3.9 V");
    expect(result.ir?.body.map((n) => n.kind)).toEqual(["constantCurrent", "constantVoltage"]);
  });

  it("BTP3039: `then hold` needs a voltage cut-off", () => {
    const result = check("charge at 1 mA for 1 h then hold until 0.1 mA");
    expect(result.spanText("BTP3039")).toBe("then hold until 0.1 mA");
    expect(result.first("BTP3039").hint).toContain("until 4.2 V then hold");
  });

  it("BTP3043: `then hold` after a constant power", () => {
    expect(check("charge at 10 mW until 4.2 V then hold until 0.1 mA").spanText("BTP3043")).toBe("then hold until 0.1 mA");
  });
});

describe("holds, rests and ocv", () => {
  it("`hold at` an absolute voltage or relative to ocv", () => {
    const [absolute, relative] = steps("hold at 4.2 V until 0.1 mA\nhold at ocv + 50 mV for 2 h");
    expect(absolute).toMatchObject({ kind: "constantVoltage", voltage: { reference: "absolute", volts: 4.2, text: "4.2 V" } });
    expect(relative).toMatchObject({ kind: "constantVoltage", voltage: { reference: "ocv", text: "ocv + 50 mV" } });
  });

  it("rest and ocv steps with their ends", () => {
    const [rest, ocv] = steps("rest for 2 h\nocv for 10 min or until 3 V");
    expect(rest).toMatchObject({ kind: "rest", ends: [{ kind: "time", seconds: 7200 }] });
    expect(ocv).toMatchObject({ kind: "ocv", ends: [{ kind: "time", seconds: 600 }, { kind: "voltage", volts: 3 }] });
  });

  it("BTP3019: `ocv` where no voltage set-point is allowed", () => {
    expect(check("charge at ocv for 1 h").spanText("BTP3019")).toBe("ocv");
    expect(check("cv between ocv and 4 V at 1 mV/s").spanText("BTP3019")).toBe("ocv");
  });
});

describe("potentiostat techniques", () => {
  it("eis: potentiostatic by a voltage amplitude, defaults to 10 points per decade at ocv", () => {
    const [eis] = steps("eis from 1 MHz to 10 mHz, amplitude 5 mV");
    expect(eis).toMatchObject({
      kind: "eis",
      mode: "potentiostatic",
      startFrequency: 1e6,
      endFrequency: 0.01,
      amplitude: 0.005,
      pointsPerDecade: 10,
      bias: { reference: "ocv" },
    });
  });

  it("eis: galvanostatic by a current amplitude, with a bias", () => {
    const [eis] = steps("eis from 100 kHz to 10 mHz, amplitude 10 uA, 5 points per decade, bias 0 mA");
    expect(eis).toMatchObject({ kind: "eis", mode: "galvanostatic", amplitude: 1e-5, pointsPerDecade: 5, bias: { reference: "absolute", value: 0 } });
  });

  it("BTP3034: eis without an amplitude", () => {
    expect(check("eis from 1 MHz to 10 mHz").spanText("BTP3034")).toBe("eis from 1 MHz to 10 mHz");
  });

  it("BTP3033 and BTP3031: frequencies above zero, points per decade a positive whole number", () => {
    expect(check("eis from 0 Hz to 10 mHz, amplitude 5 mV").spanText("BTP3033")).toBe("0 Hz");
    expect(check("eis from 1 MHz to 10 mHz, amplitude 5 mV, 2.5 points per decade").spanText("BTP3031")).toBe("2.5");
  });

  it("BTP3023: an eis bias of the wrong kind for its mode", () => {
    expect(check("eis from 1 MHz to 10 mHz, amplitude 5 mV, bias 1 mA").spanText("BTP3023")).toBe("1 mA");
  });

  it("sweep and cv", () => {
    const [lsv, cv] = steps("sweep from ocv to 6.5 V at 0.1 mV/s\ncv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles");
    expect(lsv).toMatchObject({ kind: "linearSweep", from: { reference: "ocv" }, to: { reference: "absolute", volts: 6.5 } });
    expect((lsv as { scanRate: number }).scanRate).toBeCloseTo(1e-4, 15);
    expect(cv).toMatchObject({ kind: "cyclicVoltammetry", lower: 2, upper: 4, cycles: 3, start: { reference: "ocv", offsetVolts: 0 } });
  });

  it("cv defaults to one cycle and accepts a start", () => {
    const [cv] = steps("cv between 2 V and 4 V at 1 mV/s, start at 3 V");
    expect(cv).toMatchObject({ cycles: 1, start: { reference: "absolute", volts: 3 } });
  });

  it("BTP3040: cv vertices in the wrong order; BTP3023: a scan rate that is not V/s", () => {
    expect(check("cv between 4 V and 2 V at 0.1 mV/s").spanText("BTP3040")).toBe("4 V and 2 V");
    expect(check("cv between 2 V and 4 V at 0.1 mV").spanText("BTP3023")).toBe("0.1 mV");
  });
});

describe("temperature, pause, options", () => {
  it("temperature with settle time, until stable, or none", () => {
    const [a, b, c] = steps("temperature 60 °C, settle 2 h\ntemperature 25 °C, settle until stable\ntemperature 5 °C");
    expect(a).toMatchObject({ kind: "temperature", settle: { kind: "time", seconds: 7200 } });
    expect((a as { setpoint: number }).setpoint).toBeCloseTo(333.15, 10);
    expect(b).toMatchObject({ settle: { kind: "stable" } });
    expect(c).toMatchObject({ settle: { kind: "none" } });
    expect((c as { ambient: number }).ambient).toBeCloseTo(278.15, 10);
  });

  it("BTP3035: a temperature below absolute zero; BTP3023: a temperature without its unit", () => {
    expect(check("temperature -20 K").spanText("BTP3035")).toBe("-20 K");
    expect(check("temperature 25").first("BTP3023").hint).toContain("25 °C");
  });

  it("pause keeps its message; label, record and limits options apply to the step", () => {
    const [pause, step] = steps('pause "Move the cell to the potentiostat"\ncharge at 1 mA for 1 h, label "formation", record every 1 s, limits { current 2 mA }');
    expect(pause).toMatchObject({ kind: "pause", message: "Move the cell to the potentiostat" });
    expect(step).toMatchObject({ label: "formation", record: { time: 1 }, limits: { current: { max: 0.002 } } });
  });
});
