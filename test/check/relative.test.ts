// Relative quantities → amperes and coulombs through the cell, with derivations, and the
// errors when the cell lacks what they need.

import { describe, expect, it } from "vitest";
import { walkNodes } from "../../src/ir/types.js";
import type { EndConditionIR, Resolved, StepIR } from "../../src/ir/types.js";
import { COIN_CELL, check, problems } from "./helpers.js";

function firstStep(text: string): StepIR {
  const result = check(text);
  expect(problems(result).filter((p) => !p.startsWith("BTP4"))).toEqual([]);
  const step = [...walkNodes(result.ir!.body)].find((n) => n.kind !== "loop" && n.kind !== "group" && n.kind !== "cycleAction" && n.kind !== "stop");
  return step as StepIR;
}

function currentOf(step: StepIR): Resolved {
  if (step.kind !== "constantCurrent" && step.kind !== "ccCv") throw new Error(step.kind);
  return step.current;
}

describe("resolving through the cell", () => {
  it("C-rate × nominal capacity given directly", () => {
    const current = currentOf(firstStep("cell c { nominal capacity 2 mAh }\ncharge at 0.5C for 1 h"));
    expect(current.si).toBeCloseTo(0.001, 15);
    expect(current.derivation).toBe("0.5C × 2 mAh / 1 h = 1 mA");
    expect(current).toMatchObject({ basis: "c-rate", relative: 0.5, text: "0.5C" });
  });

  it("C/20 keeps its spelling", () => {
    const current = currentOf(firstStep(`${COIN_CELL}charge at C/20 for 1 h`));
    expect(current.text).toBe("C/20");
    expect(current.derivation).toBe("C/20 × 0.294 mAh / 1 h = 14.7 µA (0.294 mAh = 2.5 mg × 117.6 mAh/g)");
    expect(current.relative).toBe(0.05);
  });

  it("current density × area", () => {
    const current = currentOf(firstStep(`${COIN_CELL}charge at 0.2 mA/cm2 for 1 h`));
    expect(current.si).toBeCloseTo(0.000226, 15);
    expect(current.derivation).toBe("0.2 mA/cm2 × 1.13 cm2 = 0.226 mA");
    expect(current).toMatchObject({ basis: "current-density", relative: 0.2 });
  });

  it("specific current × active mass", () => {
    const current = currentOf(firstStep(`${COIN_CELL}charge at 100 mA/g for 1 h`));
    expect(current.si).toBeCloseTo(0.00025, 15);
    expect(current.derivation).toBe("100 mA/g × 2.5 mg = 0.25 mA");
    expect(current).toMatchObject({ basis: "specific-current", relative: 100 });
  });

  it("active mass from loading × area, and the nominal capacity from it", () => {
    const cell = "cell hl { cathode \"NVP\" { loading 7.7 mg/cm2, specific capacity 117.6 mAh/g }, area 1.13 cm2 }\n";
    const result = check(`${cell}charge at 1C for 1 h`);
    expect(problems(result)).toEqual([]);
    expect(result.ir!.cell!.activeMass).toBeCloseTo(8.701e-6, 18);
    expect(result.ir!.cell!.nominalCapacityDerivation).toBe("8.701 mg × 117.6 mAh/g = 1.0232376 mAh");
    const step = result.ir!.body[0] as Extract<StepIR, { kind: "constantCurrent" }>;
    expect(step.current.derivation).toBe("1C × 1.0232376 mAh / 1 h = 1.0232376 mA (1.0232376 mAh = 8.701 mg × 117.6 mAh/g)");
  });

  it("capacity ends: specific capacity × mass and % of nominal", () => {
    const step = firstStep(`${COIN_CELL}charge at 1 mA until 50 mAh/g or 80 % of nominal or 0.1 mAh`);
    const ends = (step as { ends: EndConditionIR[] }).ends;
    expect(ends.map((e) => e.kind)).toEqual(["capacity", "capacity", "capacity"]);
    const [specific, percent, absolute] = ends as Extract<EndConditionIR, { kind: "capacity" }>[];
    expect(specific!.coulombs).toBeCloseTo(0.45, 12);
    expect(specific!.resolved).toMatchObject({ basis: "specific-capacity", relative: 50, derivation: "50 mAh/g × 2.5 mg = 0.125 mAh" });
    expect(percent!.coulombs).toBeCloseTo(0.8 * 1.0584, 12);
    expect(percent!.resolved).toMatchObject({ basis: "percent-of-nominal", relative: 80 });
    expect(percent!.resolved.derivation).toBe("80 % of 0.294 mAh = 0.2352 mAh (0.294 mAh = 2.5 mg × 117.6 mAh/g)");
    expect(absolute!.coulombs).toBeCloseTo(0.36, 12);
    expect(absolute!.resolved.derivation).toBeUndefined();
  });

  it("a current taper end in C-rate resolves too", () => {
    const step = firstStep(`${COIN_CELL}hold at 3.9 V until C/50`);
    expect(step).toMatchObject({ kind: "constantVoltage", ends: [{ kind: "current", comparator: "<" }] });
    const end = (step as { ends: EndConditionIR[] }).ends[0] as Extract<EndConditionIR, { kind: "current" }>;
    expect(end.amperes).toBeCloseTo(0.294e-3 / 50, 15);
  });
});

describe("missing cell data", () => {
  it("BTP3014: a C-rate without a nominal capacity, with the property to add", () => {
    const result = check("cell coin { area 1.13 cm2 }\ncharge at 0.5C until 3.9 V");
    expect(result.spanText("BTP3014")).toBe("0.5C");
    expect(result.first("BTP3014").hint).toContain("nominal capacity");
  });

  it("BTP3014: % of nominal without a nominal capacity", () => {
    expect(check("cell coin { area 1.13 cm2 }\ncharge at 1 mA until 80 % of nominal").spanText("BTP3014")).toBe("80 %");
  });

  it("BTP3015: a current density without an area", () => {
    const result = check("cell na_na { kind symmetric }\ncharge at 0.1 mA/cm2 for 1 h");
    expect(result.spanText("BTP3015")).toBe("0.1 mA/cm2");
    expect(result.first("BTP3015").hint).toContain("area");
  });

  it("BTP3016: a specific current without an active mass", () => {
    const result = check("cell coin { nominal capacity 0.3 mAh }\ncharge at 100 mA/g until 3.9 V");
    expect(result.spanText("BTP3016")).toBe("100 mA/g");
    expect(result.first("BTP3016").hint).toContain("active mass");
  });

  it("BTP3017: no cell at all, and several cells without `use cell`", () => {
    expect(check("charge at 0.5C until 3.9 V").spanText("BTP3017")).toBe("0.5C");
    const several = check("cell a { nominal capacity 1 mAh }\ncell b { nominal capacity 2 mAh }\ncharge at 1C for 1 h");
    expect(several.spanText("BTP3017")).toBe("1C");
    expect(several.first("BTP3017").hint).toContain("use cell a");
  });

  it("a relative quantity reached through a param is reported where it was written", () => {
    const text = "param rate = 0.5C\ncharge at rate until 3.9 V";
    expect(check(text).spanText("BTP3017")).toBe("0.5C");
  });

  it("a broken cell property is not reported again as missing", () => {
    const result = check("cell coin { nominal capacity 3 V }\ncharge at 1C for 1 h");
    expect(result.codes).toContain("BTP3024");
    expect(result.codes).not.toContain("BTP3014");
  });
});
