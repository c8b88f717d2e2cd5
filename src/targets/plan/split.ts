// Splitting a protocol into what each instrument runs, in order. Anything one instrument can run
// whole (a loop of cycling, a section of impedance) stays whole, loops included. A loop whose
// passes need both instruments is cut at the passes that differ: `after cycle 10, 60 { eis }` in a
// 60-pass loop becomes cycles 1–10 on the cycler, the EIS, cycles 11–60, the EIS. A loop whose
// every pass needs both becomes a repeat of its parts for the operator. Loops that cannot be cut
// (an `until` condition, a `stop` guard, hundreds of instrument changes) are diagnostics.

import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { CycleActionIR, LoopIR, NodeIR, StopIR } from "../../ir/types.js";
import { isStep } from "../../ir/types.js";
import { guardOf, passesOf, runsInPass } from "../common/cycle-guards.js";
import { placeStep, refusedBy, ROLES, sharedRoles, type PlanTargets, type Role } from "./roles.js";
import { spanLine, type PlanItem, type PlanOperatorStep, type PlanRepeat } from "./types.js";

export const LOOP_UNTIL_ACROSS_INSTRUMENTS = "BTP6030";
export const STOP_ACROSS_INSTRUMENTS = "BTP6031";
export const NO_INSTRUMENT_FOR_STEP = "BTP6032";
export const TOO_MANY_INSTRUMENT_CHANGES = "BTP6033";

/** More moves than this is not a plan a lab would run. */
export const MAX_INSTRUMENT_CHANGES = 200;

/** A segment that may still run on more than one instrument (rests, holds) until its
 * neighbours decide. */
interface DraftSegment {
  kind: "segment";
  roles: Role[];
  nodes: NodeIR[];
  notes: string[];
}
interface DraftRepeat extends Omit<PlanRepeat, "items"> {
  items: DraftItem[];
}
type DraftItem = DraftSegment | PlanOperatorStep | DraftRepeat;

export interface SplitResult {
  items: PlanItem[];
  diagnostics: Diagnostic[];
}

export function splitProtocol(body: readonly NodeIR[], targets: PlanTargets): SplitResult {
  const splitter = new Splitter(targets);
  const drafts = splitter.nodes(body);
  return { items: settle(drafts), diagnostics: splitter.diagnostics };
}

class Splitter {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly targets: PlanTargets) {}

  nodes(nodes: readonly NodeIR[]): DraftItem[] {
    const out: DraftItem[] = [];
    for (const node of nodes) out.push(...this.node(node));
    return out;
  }

  private node(node: NodeIR): DraftItem[] {
    if (isStep(node)) {
      const placement = placeStep(node, this.targets);
      if (placement.kind === "operator" && node.kind === "temperature") return [{ kind: "operator", step: node }];
      if (placement.kind === "instrument") return [segment(placement.roles, [node])];
      this.diagnostics.push({
        code: NO_INSTRUMENT_FOR_STEP,
        severity: "error",
        message: `neither ${this.targets.cycler.name} nor ${this.targets.potentiostat.name} can run this step (${ROLES.map((role) => `${this.targets[role].name}: ${refusedBy(this.targets[role], node).join(", ") || "not this kind of step"}`).join("; ")})`,
        span: node.span,
        hint: "choose instruments that can run it (btp compile --target all shows which targets do), or change the step",
      });
      return [];
    }
    if (node.kind === "stop") {
      this.diagnostics.push(stopAcross(node));
      return [];
    }
    const shared = sharedRoles([node], this.targets);
    if (shared) return [segment(shared, [node])];
    if (node.kind === "loop") return this.loop(node);
    // A group (or a stray cycle action) spanning instruments: its parts go where they belong.
    return this.nodes(node.body);
  }

  private loop(loop: LoopIR): DraftItem[] {
    if (loop.until) {
      this.diagnostics.push({
        code: LOOP_UNTIL_ACROSS_INSTRUMENTS,
        severity: "error",
        message: `this loop needs both the ${this.targets.cycler.name} and the ${this.targets.potentiostat.name} in each pass, and it ends on a condition (${loop.until.text}) that neither instrument sees whole`,
        span: loop.until.span,
        hint: "give the loop a fixed count and put the other instrument's steps at listed cycles (after cycle …), or split the protocol",
      });
      return [];
    }
    for (const stop of ownNodes(loop.body).filter((n): n is StopIR => n.kind === "stop")) this.diagnostics.push(stopAcross(stop));
    const actions = ownNodes(loop.body).filter((n): n is CycleActionIR => n.kind === "cycleAction");
    if (actions.length === 0) {
      return [{ kind: "repeat", count: loop.count, loop, note: null, items: this.nodes(withoutStops(loop.body)) }];
    }

    // The passes in which some cycle action runs; the passes between them are all alike.
    const special = new Set<number>();
    for (const action of actions) {
      for (const pass of passesOf(guardOf(action, loop), loop.count, MAX_INSTRUMENT_CHANGES + 1)) special.add(pass);
    }
    if (special.size > MAX_INSTRUMENT_CHANGES) {
      this.diagnostics.push({
        code: TOO_MANY_INSTRUMENT_CHANGES,
        severity: "error",
        message: `splitting this loop would move the cell between instruments more than ${MAX_INSTRUMENT_CHANGES} times`,
        span: loop.span,
        hint: "run fewer of the other instrument's steps (after cycle … at a few cycles, or every N cycles with a larger N), or use one instrument that can run both",
      });
      return [];
    }
    const passes = [...special].sort((a, b) => a - b);
    const plain = atPass(withoutStops(loop.body), null);
    const items: DraftItem[] = [];
    let done = 0;
    for (const pass of passes) {
      const firing = atPass(withoutStops(loop.body), pass);
      const extra = afterPrefix(firing, plain);
      if (extra) {
        // The actions come after everything else in the pass: this pass joins the run before it.
        items.push(...this.passes(loop, done + 1, pass, plain));
        items.push(...noted(this.nodes(extra), `after cycle ${pass} of the ${loop.count}-cycle loop at ${spanLine(loop.span)}`));
      } else {
        items.push(...this.passes(loop, done + 1, pass - 1, plain));
        items.push(...noted(this.nodes(firing), `cycle ${pass} of the ${loop.count}-cycle loop at ${spanLine(loop.span)}`));
      }
      done = pass;
    }
    items.push(...this.passes(loop, done + 1, loop.count, plain));
    return items;
  }

  /** Passes `from`..`to` of a loop, all alike: a shorter loop on one instrument, or a repeat. */
  private passes(loop: LoopIR, from: number, to: number, body: NodeIR[]): DraftItem[] {
    const count = to - from + 1;
    if (count <= 0 || body.length === 0) return [];
    const note = count === 1 ? `cycle ${from} of the ${loop.count}-cycle loop at ${spanLine(loop.span)}` : `cycles ${from}–${to} of the ${loop.count}-cycle loop at ${spanLine(loop.span)}`;
    const shared = sharedRoles(body, this.targets);
    if (shared) {
      const nodes: NodeIR[] = count === 1 ? body : [{ ...loop, count, until: null, body }];
      return [{ kind: "segment", roles: shared, nodes, notes: [note] }];
    }
    if (count === 1) return noted(this.nodes(body), note);
    return [{ kind: "repeat", count, loop, note, items: this.nodes(body) }];
  }
}

function segment(roles: Role[], nodes: NodeIR[]): DraftSegment {
  return { kind: "segment", roles, nodes, notes: [] };
}

function stopAcross(stop: StopIR): Diagnostic {
  return {
    code: STOP_ACROSS_INSTRUMENTS,
    severity: "error",
    message: `\`stop if ${stop.condition.text}\` is in a loop split across instruments, where no instrument sees a whole pass`,
    span: stop.span,
    hint: "remove the guard and check the condition by hand between segments, or keep the loop on one instrument",
  };
}

/** Nodes of a loop body that belong to this loop (through groups, not into inner loops). */
function ownNodes(body: readonly NodeIR[]): NodeIR[] {
  const out: NodeIR[] = [];
  for (const node of body) {
    out.push(node);
    if (node.kind === "group") out.push(...ownNodes(node.body));
  }
  return out;
}

function withoutStops(body: readonly NodeIR[]): NodeIR[] {
  return body.filter((n) => n.kind !== "stop").map((n) => (n.kind === "group" && hasOwn(n.body, "stop") ? { ...n, body: withoutStops(n.body) } : n));
}

function hasOwn(body: readonly NodeIR[], kind: NodeIR["kind"]): boolean {
  return ownNodes(body).some((n) => n.kind === kind);
}

/** The body as it runs in pass `pass` (null: a pass where no cycle action runs). Cycle actions
 * that run are replaced by their contents; the others vanish. Untouched nodes keep their
 * identity, which lets afterPrefix recognise the plain part. */
function atPass(body: readonly NodeIR[], pass: number | null): NodeIR[] {
  const out: NodeIR[] = [];
  for (const node of body) {
    if (node.kind === "cycleAction") {
      if (pass !== null && runsInPass(guardOf(node, null), pass)) out.push(...node.body);
    } else if (node.kind === "group" && hasOwn(node.body, "cycleAction")) {
      const inner = atPass(node.body, pass);
      if (inner.length > 0) out.push({ ...node, body: inner });
    } else {
      out.push(node);
    }
  }
  return out;
}

/** When `whole` starts with exactly the nodes of `prefix`, the rest of it; otherwise null. */
function afterPrefix(whole: readonly NodeIR[], prefix: readonly NodeIR[]): NodeIR[] | null {
  if (whole.length <= prefix.length) return null;
  for (let i = 0; i < prefix.length; i++) if (whole[i] !== prefix[i]) return null;
  return whole.slice(prefix.length);
}

function noted(items: DraftItem[], note: string): DraftItem[] {
  return items.map((item) => (item.kind === "segment" ? { ...item, notes: [...item.notes, note] } : item));
}

// ---------------------------------------------------------------------------------------------
// Settling flexible steps: a rest or hold joins the instrument of the step after it (a rest
// before an impedance spectrum is the relaxation on the potentiostat), else the one before it.

function settle(drafts: DraftItem[]): PlanItem[] {
  const merged = mergeBackwards(drafts);
  const resolved = resolveRoles(merged, null, null);
  return mergeSameRole(resolved);
}

function mergeBackwards(items: DraftItem[]): DraftItem[] {
  const out: DraftItem[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    const converted: DraftItem = item.kind === "repeat" ? { ...item, items: mergeBackwards(item.items) } : item;
    const next = out[0];
    if (converted.kind === "segment" && next?.kind === "segment") {
      const roles = converted.roles.filter((r) => next.roles.includes(r));
      if (roles.length > 0) {
        out[0] = { kind: "segment", roles, nodes: [...converted.nodes, ...next.nodes], notes: union(converted.notes, next.notes) };
        continue;
      }
    }
    out.unshift(converted);
  }
  return out;
}

function firstRole(items: readonly DraftItem[]): Role | null {
  for (const item of items) {
    if (item.kind === "segment" && item.roles.length === 1) return item.roles[0]!;
    if (item.kind === "repeat") {
      const inner = firstRole(item.items);
      if (inner) return inner;
    }
  }
  return null;
}

function resolveRoles(items: DraftItem[], before: Role | null, after: Role | null): PlanItem[] {
  const out: PlanItem[] = [];
  let previous = before;
  items.forEach((item, i) => {
    if (item.kind === "segment") {
      const next = firstRole(items.slice(i + 1)) ?? after;
      const role =
        item.roles.length === 1
          ? item.roles[0]!
          : next && item.roles.includes(next)
            ? next
            : previous && item.roles.includes(previous)
              ? previous
              : item.roles[0]!;
      out.push({ kind: "segment", role, nodes: item.nodes, notes: item.notes });
      previous = role;
    } else if (item.kind === "repeat") {
      const inner = resolveRoles(item.items, previous, firstRole(items.slice(i + 1)) ?? after);
      out.push({ ...item, items: inner });
      previous = lastRole(inner) ?? previous;
    } else {
      out.push(item);
    }
  });
  return out;
}

function lastRole(items: readonly PlanItem[]): Role | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.kind === "segment") return item.role;
    if (item.kind === "repeat") {
      const inner = lastRole(item.items);
      if (inner) return inner;
    }
  }
  return null;
}

function mergeSameRole(items: PlanItem[]): PlanItem[] {
  const out: PlanItem[] = [];
  for (const item of items) {
    const converted: PlanItem = item.kind === "repeat" ? { ...item, items: mergeSameRole(item.items) } : item;
    const last = out[out.length - 1];
    if (converted.kind === "segment" && last?.kind === "segment" && last.role === converted.role) {
      out[out.length - 1] = { ...last, nodes: [...last.nodes, ...converted.nodes], notes: union(last.notes, converted.notes) };
    } else {
      out.push(converted);
    }
  }
  return out;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
