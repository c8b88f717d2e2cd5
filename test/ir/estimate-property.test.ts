// The estimate multiplies; this test unrolls. For random small trees of loops, until-loops, cycle
// actions, groups and stops, a plain step-by-step executor (written here, independent of the
// estimator's bookkeeping) must agree with estimateProtocol on the expected and longest
// durations and the number of step executions; and a search over every way the until-loops and
// stops can fire gives the true shortest run, which the estimate's minimum must not exceed.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateProtocol, estimateStep } from "../../src/ir/estimate.js";
import type { CellIR, NodeIR } from "../../src/ir/types.js";
import { walkNodes } from "../../src/ir/types.js";
import * as b from "./build-ir.js";

const stepDraft = fc.oneof(
  fc.integer({ min: 1, max: 500 }).map((s) => b.rest(s)),
  fc.constantFrom(0.5, 1, 2).map((r) => b.charge(b.cRate(r), b.untilVolts(3.9))),
  fc.constantFrom(0.5, 1, 2).map((r) => b.discharge(b.cRate(r), b.untilVolts(2.3), b.forSeconds(1800))),
);

const { tree } = fc.letrec<{ tree: b.Draft[]; node: b.Draft }>((tie) => ({
  tree: fc.array(tie("node"), { maxLength: 4 }),
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    stepDraft,
    fc
      .tuple(fc.integer({ min: 0, max: 4 }), fc.boolean(), tie("tree"))
      .map(([count, until, body]) => b.loop(count, body, until ? b.fadeCondition() : null)),
    fc
      .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }), tie("tree"))
      .map(([cycles, body]) => b.afterCycles(cycles, body)),
    fc.tuple(fc.integer({ min: 1, max: 3 }), tie("tree")).map(([every, body]) => b.everyCycles(every, body)),
    tie("tree").map((body) => b.group("g", body, "section")),
    fc.constant(b.stop()),
  ),
}));

type Mode = "expected" | "max";

/** Runs the tree step by step with every loop running to its count. */
function execute(body: readonly NodeIR[], cell: CellIR, mode: Mode): { seconds: number | null; steps: number } {
  let seconds: number | null = 0;
  let steps = 0;
  const run = (nodes: readonly NodeIR[], pass: number): void => {
    for (const node of nodes) {
      if (node.kind === "loop") {
        for (let p = 1; p <= node.count; p++) run(node.body, p);
      } else if (node.kind === "cycleAction") {
        if (selected(node, pass)) run(node.body, pass);
      } else if (node.kind === "group") {
        run(node.body, pass);
      } else if (node.kind !== "stop") {
        const d = estimateStep(node, cell).duration;
        const value = mode === "expected" ? d.expected : d.max;
        seconds = seconds === null || value === null ? null : seconds + value;
        steps += 1;
      }
    }
  };
  run(body, 1);
  return { seconds, steps };
}

function selected(action: Extract<NodeIR, { kind: "cycleAction" }>, pass: number): boolean {
  return action.cycles ? action.cycles.includes(pass) : pass % (action.every ?? 1) === 0;
}

/** The true shortest run, over every choice of when until-conditions and stops fire. For a run
 * of nodes: `done`, the least time to finish them without the test ending; `ended`, the least
 * time until the test ends inside them; `stops`, whether a stop of the current loop runs. */
interface Shortest {
  done: number;
  ended: number;
  stops: boolean;
}

function shortest(nodes: readonly NodeIR[], cell: CellIR, pass: number, topLevel: boolean): Shortest {
  let done = 0;
  let ended = Infinity;
  let stops = false;
  for (const node of nodes) {
    let part: Shortest;
    if (node.kind === "loop") part = shortestLoop(node, cell);
    else if (node.kind === "group") part = shortest(node.body, cell, pass, topLevel);
    else if (node.kind === "cycleAction")
      part = selected(node, pass)
        ? shortest(node.body, cell, pass, topLevel)
        : { done: 0, ended: Infinity, stops: false };
    else if (node.kind === "stop")
      part = topLevel ? { done: 0, ended: 0, stops: false } : { done: 0, ended: Infinity, stops: true };
    else part = { done: estimateStep(node, cell).duration.min, ended: Infinity, stops: false };
    ended = Math.min(ended, done + part.ended);
    done += part.done;
    stops ||= part.stops;
  }
  return { done, ended, stops };
}

function shortestLoop(loop: Extract<NodeIR, { kind: "loop" }>, cell: CellIR): Shortest {
  const passes = Array.from({ length: loop.count }, (_, i) => shortest(loop.body, cell, i + 1, false));
  const all = passes.reduce((sum, p) => sum + p.done, 0);
  const done = loop.until && passes.length > 0 ? passes[0]!.done : all;
  let ended = Infinity;
  let before = 0;
  for (const p of passes) {
    ended = Math.min(ended, before + Math.min(p.ended, p.stops ? p.done : Infinity));
    before += p.done;
  }
  return { done, ended, stops: false };
}

function untilLoopHoldsStop(nodes: readonly NodeIR[]): boolean {
  return nodes.some((node) => {
    if (node.kind === "loop" && node.until && [...walkNodes(node.body)].some((n) => n.kind === "stop")) return true;
    return "body" in node && untilLoopHoldsStop(node.body);
  });
}

describe("estimateProtocol agrees with unrolling", () => {
  it("on random trees", () => {
    fc.assert(
      fc.property(tree, (drafts) => {
        const ir = b.protocol(drafts);
        const cell = ir.cell!;
        const estimate = estimateProtocol(ir);
        const expected = execute(ir.body, cell, "expected");
        const longest = execute(ir.body, cell, "max");
        const least = shortest(ir.body, cell, 1, true);
        const trueMin = Math.min(least.done, least.ended);
        expect(estimate.duration.expected).toBeCloseTo(expected.seconds!, 6);
        if (longest.seconds === null) expect(estimate.duration.max).toBeNull();
        else expect(estimate.duration.max).toBeCloseTo(longest.seconds, 6);
        expect(estimate.stepExecutions).toBe(expected.steps);
        // The minimum is a hard bound, and exact unless an until-loop holds a stop.
        expect(estimate.duration.min).toBeLessThanOrEqual(trueMin + 1e-6);
        if (!untilLoopHoldsStop(ir.body)) expect(estimate.duration.min).toBeCloseTo(trueMin, 6);
        expect(estimate.duration.min).toBeLessThanOrEqual(estimate.duration.expected + 1e-9);
      }),
      { numRuns: 400 },
    );
  });
});
