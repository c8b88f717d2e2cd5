import { describe, expect, it } from "vitest";
import type { CycleActionIR } from "../../../src/ir/types.js";
import { guardOf, passesOf, runsInPass } from "../../../src/targets/common/cycle-guards.js";
import { linearize, loopDepth, numberRows, type Instruction } from "../../../src/targets/common/linearize.js";
import { bundled, checked } from "./fake-targets.js";

function ops(list: Instruction[]): string[] {
  return list.map((i) => {
    switch (i.op) {
      case "step":
        return `${i.step.kind}@${i.depth}`;
      case "loopBegin":
        return `loop(${i.loop.count})->${i.endIndex}`;
      case "loopEnd":
        return `end->${i.beginIndex}`;
      case "actionBegin":
        return `if ${i.guard.kind === "cycles" ? i.guard.cycles.join(",") : `every ${i.guard.every}`} of ${i.loop?.count}->${i.endIndex}`;
      case "actionEnd":
        return `fi->${i.beginIndex}`;
      case "groupBegin":
        return `group ${i.group.label}`;
      case "groupEnd":
        return "endgroup";
      case "stop":
        return "stop";
    }
  });
}

describe("linearize", () => {
  it("flattens A6 with loop and cycle-action markers that point at each other, without unrolling", () => {
    const program = linearize(bundled("a06-symmetric-eis-during-cycling.btp"));
    expect(ops(program)).toEqual([
      "temperature@0",
      "eis@0",
      "loop(60)->11",
      "group plate_strip(0.2 mA/cm2, 2 h)",
      "constantCurrent@1",
      "constantCurrent@1",
      "endgroup",
      "if 10,60 of 60->10",
      "rest@1",
      "eis@1",
      "fi->7",
      "end->2",
    ]);
    expect(program.every((instruction, index) => instruction.index === index)).toBe(true);
  });

  it("keeps a 10,000-cycle loop as two markers around its steps", () => {
    const program = linearize(bundled("a08-cycling-5c-10000-cycles.btp"));
    expect(program).toHaveLength(5);
    expect(ops(program)).toEqual(["temperature@0", "loop(10000)->4", "constantCurrent@1", "constantCurrent@1", "end->1"]);
  });

  it("numbers rows as the target counts them, and jumps land on the first row of the loop", () => {
    const program = linearize(checked("rest for 1 s\nrepeat 3 {\n  rest for 2 s\n  repeat 2 { rest for 3 s }\n}\nrest for 4 s\n"));
    // Steps and loop ends take a row each; loop begins take none.
    const rows = numberRows(program, (i) => (i.op === "step" || i.op === "loopEnd" ? 1 : 0));
    const table = program.flatMap((i) =>
      i.op === "step" ? [`${rows.rowOf(i.index)} rest`] : i.op === "loopEnd" ? [`${rows.rowOf(i.index)} goto ${rows.rowOf(i.beginIndex)} x${i.loop.count}`] : [],
    );
    expect(table).toEqual(["1 rest", "2 rest", "3 rest", "4 goto 3 x2", "5 goto 2 x3", "6 rest"]);
    expect(rows.total).toBe(6);
    expect(rows.end).toBe(7);
    expect(rows.rowOf(99)).toBe(7);
  });

  it("says in which passes a guarded block runs, and caps long lists", () => {
    const action = (cycles: number[] | null, every: number | null): CycleActionIR => ({
      kind: "cycleAction",
      id: "1",
      span: { file: "x", start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
      cycles,
      every,
      body: [],
    });
    const listed = guardOf(action([60, 10, 10, 70], null), { count: 60 } as never);
    expect(listed).toEqual({ kind: "cycles", cycles: [10, 60] });
    expect(runsInPass(listed, 10)).toBe(true);
    expect(runsInPass(listed, 11)).toBe(false);
    const every = guardOf(action(null, 25), null);
    expect(passesOf(every, 100)).toEqual([25, 50, 75, 100]);
    expect(passesOf(guardOf(action(null, 1), null), 10_000_000, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("measures loop depth through groups and cycle actions", () => {
    expect(loopDepth(bundled("a06-symmetric-eis-during-cycling.btp").body)).toBe(1);
    expect(loopDepth(checked("repeat 2 { repeat 2 { rest for 1 s } }\nrest for 1 s\n").body)).toBe(2);
  });
});
