// The protocol tree as a flat list, for instruments whose schedules are numbered rows with jumps
// (Neware cycle steps, Arbin goto + counters, LAND "go to step N, M times", Maccor Do/Loop).
// Loops are NOT unrolled: a loop becomes a begin marker, its body, and an end marker that knows
// where its begin is; a cycle action becomes a guarded block that says in which passes of which
// loop it runs. Each target then decides how many rows each instruction takes (numberRows).

import type { CycleActionIR, GroupIR, LoopIR, NodeIR, ProtocolIR, StepIR, StopIR } from "../../ir/types.js";
import { guardOf, type CycleGuard } from "./cycle-guards.js";

interface InstructionBase {
  /** Position in the list (0-based). */
  index: number;
  /** Loops enclosing this instruction (0 at top level; a loop's own markers count the loop). */
  depth: number;
}

export interface StepInstruction extends InstructionBase {
  op: "step";
  step: StepIR;
  /** The innermost loop around the step, or null. */
  loop: LoopIR | null;
}

export interface LoopBeginInstruction extends InstructionBase {
  op: "loopBegin";
  loop: LoopIR;
  /** Index of the matching loopEnd. */
  endIndex: number;
}

export interface LoopEndInstruction extends InstructionBase {
  op: "loopEnd";
  loop: LoopIR;
  /** Index of the matching loopBegin: where the next pass starts. */
  beginIndex: number;
}

/** Runs the instructions up to `endIndex` only in the passes `guard` names of `loop`. */
export interface ActionBeginInstruction extends InstructionBase {
  op: "actionBegin";
  action: CycleActionIR;
  /** The loop whose passes are counted; null when the action is outside any loop (the checker
   * refuses that, but the list stays well-formed). */
  loop: LoopIR | null;
  guard: CycleGuard;
  endIndex: number;
}

export interface ActionEndInstruction extends InstructionBase {
  op: "actionEnd";
  action: CycleActionIR;
  beginIndex: number;
}

export interface GroupBeginInstruction extends InstructionBase {
  op: "groupBegin";
  group: GroupIR;
  endIndex: number;
}

export interface GroupEndInstruction extends InstructionBase {
  op: "groupEnd";
  group: GroupIR;
  beginIndex: number;
}

export interface StopInstruction extends InstructionBase {
  op: "stop";
  stop: StopIR;
  loop: LoopIR | null;
}

export type Instruction =
  | StepInstruction
  | LoopBeginInstruction
  | LoopEndInstruction
  | ActionBeginInstruction
  | ActionEndInstruction
  | GroupBeginInstruction
  | GroupEndInstruction
  | StopInstruction;

export function linearize(ir: Pick<ProtocolIR, "body">): Instruction[] {
  const list: Instruction[] = [];
  const push = <T extends Instruction>(instruction: Omit<T, "index">): T => {
    const placed = { ...instruction, index: list.length } as T;
    list.push(placed);
    return placed;
  };
  const visit = (nodes: readonly NodeIR[], loop: LoopIR | null, depth: number): void => {
    for (const node of nodes) {
      switch (node.kind) {
        case "loop": {
          const begin = push<LoopBeginInstruction>({ op: "loopBegin", loop: node, endIndex: -1, depth: depth + 1 });
          visit(node.body, node, depth + 1);
          const end = push<LoopEndInstruction>({ op: "loopEnd", loop: node, beginIndex: begin.index, depth: depth + 1 });
          begin.endIndex = end.index;
          break;
        }
        case "cycleAction": {
          const begin = push<ActionBeginInstruction>({
            op: "actionBegin",
            action: node,
            loop,
            guard: guardOf(node, loop),
            endIndex: -1,
            depth,
          });
          visit(node.body, loop, depth);
          const end = push<ActionEndInstruction>({ op: "actionEnd", action: node, beginIndex: begin.index, depth });
          begin.endIndex = end.index;
          break;
        }
        case "group": {
          const begin = push<GroupBeginInstruction>({ op: "groupBegin", group: node, endIndex: -1, depth });
          visit(node.body, loop, depth);
          const end = push<GroupEndInstruction>({ op: "groupEnd", group: node, beginIndex: begin.index, depth });
          begin.endIndex = end.index;
          break;
        }
        case "stop":
          push<StopInstruction>({ op: "stop", stop: node, loop, depth });
          break;
        default:
          push<StepInstruction>({ op: "step", step: node, loop, depth });
      }
    }
  };
  visit(ir.body, null, 0);
  return list;
}

/** Row numbers for an instrument's schedule: each instruction takes as many rows as `rowsOf`
 * says (0 for markers the instrument does not write, 2 for a CC-CV it splits in two, …). */
export interface RowNumbering {
  /** The first row of instruction `index`; for an instruction with no rows, the row the next
   * row-taking instruction gets (so a jump "to the loop's begin" lands on its first step). */
  rowOf(index: number): number;
  /** The row after the last one: where a jump past the end of the schedule goes. */
  end: number;
  /** How many rows in all. */
  total: number;
}

export function numberRows(program: readonly Instruction[], rowsOf: (instruction: Instruction) => number, firstRow = 1): RowNumbering {
  const starts: number[] = new Array(program.length);
  let row = firstRow;
  for (let i = 0; i < program.length; i++) {
    starts[i] = row;
    row += Math.max(0, Math.floor(rowsOf(program[i]!)));
  }
  return {
    rowOf: (index) => (index >= 0 && index < starts.length ? starts[index]! : row),
    end: row,
    total: row - firstRow,
  };
}

/** The deepest loop nesting in a body (0 without loops). */
export function loopDepth(body: readonly NodeIR[]): number {
  let deepest = 0;
  for (const node of body) {
    if (node.kind === "loop") deepest = Math.max(deepest, 1 + loopDepth(node.body));
    else if (node.kind === "cycleAction" || node.kind === "group") deepest = Math.max(deepest, loopDepth(node.body));
  }
  return deepest;
}
