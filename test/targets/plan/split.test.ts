import { describe, expect, it } from "vitest";
import type { NodeIR } from "../../../src/ir/types.js";
import { splitProtocol } from "../../../src/targets/plan/split.js";
import type { PlanItem } from "../../../src/targets/plan/types.js";
import { bundled, checked, fakeCycler, fakePotentiostat } from "../common/fake-targets.js";

const targets = { cycler: fakeCycler(), potentiostat: fakePotentiostat() };

/** The plan as short lines: "cycler: loop×10[group[cc cc]]", "oven 25", "repeat×3 {…}". */
function sketch(items: readonly PlanItem[]): string[] {
  return items.map((item) => {
    if (item.kind === "operator") return `oven ${Math.round(item.step.setpoint - 273.15)}`;
    if (item.kind === "repeat") return `repeat×${item.count} {${sketch(item.items).join(" | ")}}`;
    return `${item.role}: ${nodes(item.nodes)}`;
  });
}

function nodes(list: readonly NodeIR[]): string {
  return list
    .map((n) => {
      if (n.kind === "loop") return `loop×${n.count}[${nodes(n.body)}]`;
      if (n.kind === "group") return `group[${nodes(n.body)}]`;
      if (n.kind === "cycleAction") return `action[${nodes(n.body)}]`;
      return { constantCurrent: "cc", rest: "rest", eis: "eis", ocv: "ocv", constantVoltage: "hold" }[n.kind as string] ?? n.kind;
    })
    .join(" ");
}

const cell = 'use cell "cells/na-cge-nvp.btp"\n';

describe("splitting a protocol between a cycler and a potentiostat", () => {
  it("A6: cycles 1–10 on the cycler, EIS, cycles 11–60, EIS (the rest before each EIS goes with it)", () => {
    const { items, diagnostics } = splitProtocol(bundled("a06-symmetric-eis-during-cycling.btp").body, targets);
    expect(diagnostics).toEqual([]);
    expect(sketch(items)).toEqual([
      "oven 25",
      "potentiostat: eis",
      "cycler: loop×10[group[cc cc]]",
      "potentiostat: rest eis",
      "cycler: loop×50[group[cc cc]]",
      "potentiostat: rest eis",
    ]);
    const notes = items.flatMap((i) => (i.kind === "segment" ? i.notes : []));
    expect(notes).toEqual([
      "cycles 1–10 of the 60-cycle loop at line 37",
      "after cycle 10 of the 60-cycle loop at line 37",
      "cycles 11–60 of the 60-cycle loop at line 37",
      "after cycle 60 of the 60-cycle loop at line 37",
    ]);
  });

  it("B4: everything on the potentiostat, the polarisation hold included", () => {
    const { items, diagnostics } = splitProtocol(bundled("b04-transference-number.btp").body, targets);
    expect(diagnostics).toEqual([]);
    expect(sketch(items)).toEqual(["potentiostat: ocv eis hold eis"]);
  });

  it("keeps a loop one instrument can run whole as one loop", () => {
    const { items } = splitProtocol(bundled("a08-cycling-5c-10000-cycles.btp").body, targets);
    expect(sketch(items)).toEqual(["oven 25", "cycler: loop×10000[cc cc]"]);
  });

  it("cuts `every N cycles` at each N-th pass", () => {
    const ir = checked(`${cell}repeat 100 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  every 40 cycles { eis from 100 kHz to 1 Hz, amplitude 5 mV }\n}\n`);
    const { items } = splitProtocol(ir.body, targets);
    expect(sketch(items)).toEqual([
      "cycler: loop×40[cc cc]",
      "potentiostat: eis",
      "cycler: loop×40[cc cc]",
      "potentiostat: eis",
      "cycler: loop×20[cc cc]",
    ]);
  });

  it("puts a cycle action at the start of a pass before that pass's cycling", () => {
    const ir = checked(`${cell}repeat 5 {\n  after cycle 3 { eis from 100 kHz to 1 Hz, amplitude 5 mV }\n  charge at 1C until 3.9 V\n}\n`);
    expect(sketch(splitProtocol(ir.body, targets).items)).toEqual(["cycler: loop×2[cc]", "potentiostat: eis", "cycler: cc loop×2[cc]"]);
  });

  it("turns a loop whose every pass needs both instruments into a repeat for the operator", () => {
    const ir = checked(`${cell}repeat 3 {\n  eis from 100 kHz to 1 Hz, amplitude 5 mV\n  repeat 10 {\n    charge at 1C until 3.9 V\n    discharge at 1C until 2.3 V\n  }\n}\n`);
    const { items, diagnostics } = splitProtocol(ir.body, targets);
    expect(diagnostics).toEqual([]);
    expect(sketch(items)).toEqual(["repeat×3 {potentiostat: eis | cycler: loop×10[cc cc]}"]);
  });

  it("refuses a loop that ends on a condition when its passes need both instruments", () => {
    const ir = checked(
      `${cell}repeat 100 until discharge capacity < 80 % of cycle 1 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  eis from 100 kHz to 1 Hz, amplitude 5 mV\n}\n`,
    );
    const { diagnostics } = splitProtocol(ir.body, targets);
    expect(diagnostics).toMatchObject([{ code: "BTP6030", severity: "error" }]);
    expect(diagnostics[0]!.span.start.line).toBe(2);
    expect(diagnostics[0]!.hint).toContain("after cycle");
  });

  it("refuses a stop guard in a split loop, at the guard", () => {
    const ir = checked(
      `${cell}repeat 10 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  after cycle 5 { eis from 100 kHz to 1 Hz, amplitude 5 mV }\n  stop if discharge capacity < 0.1 mAh\n}\n`,
    );
    const { diagnostics } = splitProtocol(ir.body, targets);
    expect(diagnostics.map((d) => [d.code, d.span.start.line])).toEqual([["BTP6031", 6]]);
  });

  it("refuses hundreds of instrument changes", () => {
    const ir = checked(`${cell}repeat 10000 {\n  charge at 1C until 3.9 V\n  every 5 cycles { eis from 100 kHz to 1 Hz, amplitude 5 mV }\n}\n`);
    const { diagnostics } = splitProtocol(ir.body, targets);
    expect(diagnostics.map((d) => d.code)).toEqual(["BTP6033"]);
  });

  it("says when neither instrument can run a step", () => {
    const ir = checked(`${cell}charge at 1 mW until 3.9 V\n`);
    const { diagnostics } = splitProtocol(ir.body, targets);
    expect(diagnostics).toMatchObject([{ code: "BTP6032", span: { start: { line: 2 } } }]);
    expect(diagnostics[0]!.message).toBe(
      "neither fakecycler nor fakepot can run this step (fakecycler: a constant-power step; fakepot: a constant-power step)",
    );
  });
});
