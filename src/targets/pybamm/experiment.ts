// The protocol tree → the shape of PyBaMM's operating-conditions list. PyBaMM has no loop: its
// list holds steps and tuples (a tuple is one cycle), and repetition is Python's list
// multiplication. So a loop pass becomes a tuple of its steps and a loop `[(…)] * N`; a loop
// whose body holds another loop becomes a parenthesised sum `([…] + [(…)] * 5) * 3`. Steps
// outside any loop are plain items. Nothing is unrolled: the Python file stays as small as the
// protocol, and PyBaMM expands the repetition in memory when it builds the experiment.

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { CycleActionIR, LoopIR, NodeIR, StepIR } from "../../ir/types.js";
import { isStep } from "../../ir/types.js";
import type { Emulation } from "../target.js";
import { PASS_PATTERN_TOO_LONG } from "./codes.js";
import { cycleActionsOf } from "../common/cycle-guards.js";
import { patternTooLong, planPasses, runsWith, type PassRun } from "../common/pass-runs.js";
import { lowerStep, type PybammStep } from "./steps.js";

/** A step in the list, with the comment lines written above it. */
export interface StepItem {
  step: PybammStep;
  comments: string[];
}

export type Part =
  /** Consecutive steps: plain list items outside loops, one tuple (one cycle) inside a loop. */
  | { kind: "steps"; items: StepItem[]; cycle: boolean }
  /** `[(…)] * count` or `( … ) * count`. */
  | { kind: "repeat"; count: number; body: Part[]; comments: string[] };

export interface ExperimentShape {
  parts: Part[];
  /** Every step written, in file order (for the keyword arguments and the tests). */
  steps: PybammStep[];
  /** What PyBaMM builds in memory: cycles (list items after repetition) and steps. */
  expanded: { cycles: number; steps: number };
  diagnostics: Diagnostic[];
  emulations: Emulation[];
}

export function shapeExperiment(body: readonly NodeIR[]): ExperimentShape {
  const builder = new ShapeBuilder();
  const parts = builder.sequence(body, false, new Set());
  return {
    parts,
    steps: builder.steps,
    expanded: expandedSize(parts),
    diagnostics: builder.diagnostics,
    emulations: builder.emulations,
  };
}

class ShapeBuilder {
  readonly steps: PybammStep[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly emulations: Emulation[] = [];
  /** Lowered once per IR step: a loop split into runs writes its body several times. */
  private readonly lowered = new Map<string, PybammStep[]>();

  /** The parts of a body. `cycle`: inside a loop, where consecutive steps form one tuple.
   * `active`: the cycle actions that run in the pass being written. */
  sequence(nodes: readonly NodeIR[], cycle: boolean, active: ReadonlySet<CycleActionIR>): Part[] {
    const parts: Part[] = [];
    /** The steps part that the next step joins; a loop in between closes it. */
    let open: Extract<Part, { kind: "steps" }> | null = null;
    let pending: string[] = [];
    const take = (): string[] => {
      const comments = pending;
      pending = [];
      return comments;
    };
    const addStep = (step: PybammStep): void => {
      const item = { step, comments: take() };
      if (open) open.items.push(item);
      else parts.push((open = { kind: "steps", items: [item], cycle }));
    };
    const addLoopPart = (part: Part): void => {
      // A pass written once (a run of one pass) stays its own cycle.
      if (part.kind === "steps") part.items[0]!.comments = [...take(), ...part.items[0]!.comments];
      else part.comments = [...take(), ...part.comments];
      parts.push(part);
      open = null;
    };
    const visit = (list: readonly NodeIR[]): void => {
      for (const node of list) {
        if (!runsWith(node, active)) continue;
        if (isStep(node)) {
          for (const step of this.lower(node)) addStep(step);
        } else if (node.kind === "loop") {
          for (const part of this.loop(node)) addLoopPart(part);
        } else if (node.kind === "group") {
          pending.push(node.origin === "section" ? `Section: ${node.label}` : node.label);
          visit(node.body);
        } else if (node.kind === "cycleAction") {
          visit(node.body);
        }
        // `stop` is refused by the capability table.
      }
    };
    visit(nodes);
    return parts;
  }

  /** A loop as repeat parts: one, or one per run of identical passes when it has cycle actions. */
  private loop(loop: LoopIR): Part[] {
    const plan = planPasses(loop);
    switch (plan.kind) {
      case "plain":
        return [this.repeat(loop, loop.count, new Set())];
      case "runs":
        this.splitEmulation(loop, runWords(plan.runs));
        return plan.runs.flatMap((run) => this.run(loop, run));
      case "periodic": {
        const remainder = plan.remainder.length > 0 ? `, then ${runWords(plan.remainder)}` : "";
        this.splitEmulation(loop, `(${runWords(plan.period)}) × ${plan.repeats}${remainder}`);
        const period: Part = {
          kind: "repeat",
          count: plan.repeats,
          body: plan.period.flatMap((run) => this.run(loop, run)),
          comments: [],
        };
        return [period, ...plan.remainder.flatMap((run) => this.run(loop, run))];
      }
      case "tooLong":
        this.diagnostics.push(patternTooLong(plan, loop, "repetitions", PASS_PATTERN_TOO_LONG, "pybamm"));
        return [];
    }
  }

  private run(loop: LoopIR, run: PassRun): Part[] {
    if (run.count === 1) return this.sequence(loop.body, true, run.active);
    return [this.repeat(loop, run.count, run.active)];
  }

  private repeat(loop: LoopIR, count: number, active: ReadonlySet<CycleActionIR>): Extract<Part, { kind: "repeat" }> {
    return { kind: "repeat", count, body: this.sequence(loop.body, true, active), comments: [] };
  }

  private splitEmulation(loop: LoopIR, pattern: string): void {
    this.emulations.push({
      // At the first cycle action, where the capability table would place its generic note.
      span: cycleActionsOf(loop.body)[0]?.span ?? loop.span,
      construct: "cycleAction",
      message: `the ${loop.count}-pass loop is written as runs of passes with and without the steps at given cycles: ${pattern}`,
    });
  }

  private lower(step: StepIR): PybammStep[] {
    const known = this.lowered.get(step.id);
    if (known) return known;
    const lowered = lowerStep(step);
    this.diagnostics.push(...lowered.diagnostics);
    this.emulations.push(...lowered.emulations);
    this.lowered.set(step.id, lowered.steps);
    this.steps.push(...lowered.steps);
    return lowered.steps;
  }
}

/** "9 without, 1 with, 49 without, 1 with"; long patterns are counted, not listed. */
function runWords(runs: readonly PassRun[]): string {
  if (runs.length > 8) return `${runs.length} runs`;
  return runs.map((r) => `${r.count} ${r.active.size > 0 ? "with" : "without"}`).join(", ");
}

/** How many cycles and steps PyBaMM holds once the repetition is expanded. */
function expandedSize(parts: readonly Part[]): { cycles: number; steps: number } {
  let cycles = 0;
  let steps = 0;
  for (const part of parts) {
    if (part.kind === "steps") {
      cycles += part.cycle ? 1 : part.items.length;
      steps += part.items.length;
    } else {
      const inner = expandedSize(part.body);
      cycles += inner.cycles * part.count;
      steps += inner.steps * part.count;
    }
  }
  return { cycles, steps };
}
