// Walks the protocol tree as the instrument would run it. Loops are not unrolled: a loop's body is
// walked `count` times, so a 10,000-cycle test costs no more memory than one cycle. Each pass
// keeps only its running totals, for `until` and `stop` conditions.

import type { CycleActionIR, LoopConditionIR, LoopIR, NodeIR, StopIR } from "../../ir/types.js";
import { isStep } from "../../ir/types.js";
import { formatNumber } from "../../units/format.js";
import { ModelFailure, type Run, type Totals } from "./run.js";
import { runStep } from "./steps.js";

/** What a condition can look at after a pass. */
interface PassStats {
  charge: number;
  discharge: number;
  endVoltage: number;
}

interface Frame {
  /** The innermost enclosing loop's pass number (1 for the top level). */
  pass: number;
}

export interface WalkerHooks {
  /** Called after every executed step. */
  stepDone(): void;
}

export class Walker {
  private readonly innermost = new Map<string, boolean>();
  private readonly stops = new Map<string, StopIR[]>();

  constructor(
    private readonly run: Run,
    private readonly hooks: WalkerHooks,
  ) {}

  walk(body: readonly NodeIR[]): void {
    const start = this.run.totals();
    this.walkNodes(body, { pass: 1 }, start);
  }

  private walkNodes(body: readonly NodeIR[], frame: Frame, passStart: Totals): void {
    const run = this.run;
    for (const node of body) {
      if (run.stoppedEarly) return;
      if (isStep(node)) {
        try {
          runStep(run, node);
        } catch (error) {
          if (!(error instanceof ModelFailure)) throw error;
          const message = `the cell model failed in step ${node.id}: ${error.message}; the simulation stops here`;
          run.diagnostics.push({
            code: "BTP7006",
            severity: "error",
            message,
            span: node.span,
            hint: "check the cell parameters (very small or very large values) and the step's set-point",
          });
          run.stoppedEarly = { reason: "error", stepId: node.id, message };
          return;
        }
        this.hooks.stepDone();
        continue;
      }
      switch (node.kind) {
        case "group":
          this.walkNodes(node.body, frame, passStart);
          break;
        case "cycleAction":
          if (selected(node, frame.pass)) this.walkNodes(node.body, frame, passStart);
          break;
        case "loop":
          this.walkLoop(node);
          break;
        case "stop":
          // A stop outside any loop is checked where it stands, against the whole test so far.
          if (this.insideLoop === 0) this.checkStop(node, this.statsSince(passStart), new Map());
          break;
      }
    }
  }

  private insideLoop = 0;

  private walkLoop(loop: LoopIR): void {
    const run = this.run;
    const innermost = this.isInnermost(loop);
    const stops = this.stopsOf(loop);
    const referenced = new Set<number>();
    for (const condition of [loop.until, ...stops.map((s) => s.condition)]) {
      if (condition?.fractionOfCycle) referenced.add(condition.fractionOfCycle.cycle);
    }
    const references = new Map<number, PassStats>();
    this.insideLoop++;
    try {
      for (let pass = 1; pass <= loop.count; pass++) {
        const start = run.totals();
        if (innermost) run.cycles.passStart(run);
        this.walkNodes(loop.body, { pass }, start);
        if (innermost) run.cycles.passEnd();
        if (run.stoppedEarly) return;
        const stats = this.statsSince(start);
        if (referenced.has(pass)) references.set(pass, stats);
        for (const stop of stops) {
          if (this.checkStop(stop, stats, references)) return;
        }
        if (loop.until && holds(loop.until, stats, references)) break;
      }
    } finally {
      this.insideLoop--;
    }
  }

  private statsSince(start: Totals): PassStats {
    const run = this.run;
    return { charge: run.charged - start.charged, discharge: run.discharged - start.discharged, endVoltage: run.lastVoltage };
  }

  private checkStop(stop: StopIR, stats: PassStats, references: Map<number, PassStats>): boolean {
    if (!holds(stop.condition, stats, references)) return false;
    const message = `the test stopped at cycle ${this.run.cycles.cycle}: ${stop.condition.text} (${describeValue(stop.condition, stats)})`;
    this.run.diagnostics.push({ code: "BTP7009", severity: "info", message, span: stop.span });
    this.run.stoppedEarly = { reason: "stop", stepId: stop.id, message };
    return true;
  }

  /** A loop whose body holds no further loop: each of its passes is a cycle. */
  private isInnermost(loop: LoopIR): boolean {
    let known = this.innermost.get(loop.id);
    if (known === undefined) {
      known = !containsLoop(loop.body);
      this.innermost.set(loop.id, known);
    }
    return known;
  }

  /** The stops that belong to this loop (in its body or its groups, not in nested loops). */
  private stopsOf(loop: LoopIR): StopIR[] {
    let found = this.stops.get(loop.id);
    if (!found) {
      found = [];
      const visit = (nodes: readonly NodeIR[]): void => {
        for (const n of nodes) {
          if (n.kind === "stop") found!.push(n);
          else if (n.kind === "group" || n.kind === "cycleAction") visit(n.body);
        }
      };
      visit(loop.body);
      this.stops.set(loop.id, found);
    }
    return found;
  }
}

function containsLoop(body: readonly NodeIR[]): boolean {
  return body.some((n) => n.kind === "loop" || ((n.kind === "group" || n.kind === "cycleAction") && containsLoop(n.body)));
}

function selected(action: CycleActionIR, pass: number): boolean {
  if (action.cycles) return action.cycles.includes(pass);
  if (action.every !== null && action.every > 0) return pass % action.every === 0;
  return false;
}

function subject(condition: LoopConditionIR, stats: PassStats): number {
  switch (condition.subject) {
    case "chargeCapacity":
      return stats.charge;
    case "dischargeCapacity":
      return stats.discharge;
    case "coulombicEfficiency":
      return stats.charge > 0 ? stats.discharge / stats.charge : NaN;
    case "endVoltage":
      return stats.endVoltage;
  }
}

/** Whether a loop condition holds for a pass. A comparison with a cycle that has not run yet
 * (or a value that does not exist, such as the efficiency of a pass without charge) is false. */
export function holds(condition: LoopConditionIR, stats: PassStats, references: Map<number, PassStats>): boolean {
  const value = subject(condition, stats);
  let threshold = condition.value;
  if (threshold === null && condition.fractionOfCycle) {
    const reference = references.get(condition.fractionOfCycle.cycle);
    threshold = reference ? condition.fractionOfCycle.fraction * subject(condition, reference) : NaN;
  }
  if (threshold === null || Number.isNaN(threshold) || Number.isNaN(value)) return false;
  switch (condition.comparator) {
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
  }
}

function describeValue(condition: LoopConditionIR, stats: PassStats): string {
  const value = subject(condition, stats);
  switch (condition.subject) {
    case "chargeCapacity":
    case "dischargeCapacity":
      return `${formatNumber(value / 3.6, 6)} mAh`;
    case "coulombicEfficiency":
      return `${formatNumber(value * 100, 5)} %`;
    case "endVoltage":
      return `${formatNumber(value, 6)} V`;
  }
}
