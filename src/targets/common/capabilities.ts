// Reading a protocol against a target's capability table, once, without unrolling loops: every
// refused construct becomes an error at the first place it is used (other places are listed as
// related), every emulated construct becomes an Emulation for the file header and --explain, and
// loops nested deeper than the instrument can count are refused at the loop that goes too deep.

import type { Diagnostic, RelatedInformation } from "../../diagnostics/diagnostic.js";
import { formatQuantity } from "../../units/display.js";
import type { NodeIR, ProtocolIR } from "../../ir/types.js";
import type { CapabilityTable, Construct, Emulation, Support, Target } from "../target.js";
import { CONSTRUCT_LABELS, constructsOfNode, type ConstructUse } from "./constructs.js";

export const REFUSED_CONSTRUCT = "BTP6001";
export const LOOP_TOO_DEEP = "BTP6002";

/** Places listed as `related` on one refusal; the rest are counted, not listed. */
const MAX_RELATED = 20;

export interface CapabilityReport {
  diagnostics: Diagnostic[];
  emulations: Emulation[];
}

/** The support a table gives a construct: not listed means refused. */
export function supportOf(capabilities: CapabilityTable, construct: Construct): Support {
  return capabilities.constructs[construct] ?? "refused";
}

type TargetInfo = Pick<Target, "name" | "title" | "kind" | "capabilities">;

export function checkCapabilities(ir: ProtocolIR, target: TargetInfo): CapabilityReport {
  const refusals = new Map<Construct, { first: ConstructUse; more: ConstructUse[] }>();
  const emulations = new Map<string, Emulation>();
  const diagnostics: Diagnostic[] = [];
  const maxDepth = target.capabilities.maxLoopDepth;

  const use = (found: ConstructUse): void => {
    const support = supportOf(target.capabilities, found.construct);
    if (support === "refused") {
      const seen = refusals.get(found.construct);
      if (seen) seen.more.push(found);
      else refusals.set(found.construct, { first: found, more: [] });
    } else if (support === "emulated") {
      const message = emulationMessage(found, target.capabilities);
      const key = `${found.construct}\u0000${message}`;
      if (!emulations.has(key)) emulations.set(key, { span: found.span, construct: found.construct, message });
    }
  };

  const visit = (nodes: readonly NodeIR[], loopDepth: number): void => {
    for (const node of nodes) {
      for (const found of constructsOfNode(node, loopDepth > 0)) use(found);
      if (node.kind === "loop") {
        const depth = loopDepth + 1;
        if (maxDepth !== null && depth === maxDepth + 1) {
          diagnostics.push({
            code: LOOP_TOO_DEEP,
            severity: "error",
            message: `${target.name} can nest loops at most ${maxDepth} deep; this loop is level ${depth}`,
            span: node.span,
            hint: "flatten an inner loop (repeat the steps it holds) or split the protocol into two files",
            target: target.name,
          });
        }
        visit(node.body, depth);
      } else if (node.kind === "cycleAction" || node.kind === "group") {
        visit(node.body, loopDepth);
      }
    }
  };
  // Steps carry their effective limits and record rule, so protocol-level ones are seen there.
  visit(ir.body, 0);

  for (const [construct, { first, more }] of refusals) {
    diagnostics.push(refusal(construct, first, more, target));
  }
  return { diagnostics, emulations: [...emulations.values()] };
}

function refusal(construct: Construct, first: ConstructUse, more: ConstructUse[], target: TargetInfo): Diagnostic {
  const note = target.capabilities.notes[construct];
  const diagnostic: Diagnostic = {
    code: REFUSED_CONSTRUCT,
    severity: "error",
    message: `${target.name} cannot express ${CONSTRUCT_LABELS[construct]}${note ? `: ${note}` : ""}`,
    span: first.span,
    hint: refusalHint(construct, target),
    target: target.name,
  };
  if (more.length > 0) {
    const related: RelatedInformation[] = more.slice(0, MAX_RELATED).map((m) => ({ message: "also used here", span: m.span }));
    if (more.length > MAX_RELATED) {
      related.push({ message: `and ${more.length - MAX_RELATED} more places`, span: more[MAX_RELATED]!.span });
    }
    diagnostic.related = related;
  }
  return diagnostic;
}

const POTENTIOSTAT_TECHNIQUES: ReadonlySet<Construct> = new Set(["eis", "galvanostaticEis", "linearSweep", "cyclicVoltammetry", "ocv"]);
const CYCLING_STEPS: ReadonlySet<Construct> = new Set(["constantCurrent", "constantPower", "ccCv"]);

/** What a user can do about a refusal, in the words of the command line. */
export function refusalHint(construct: Construct, target: Pick<Target, "name" | "kind">): string {
  if (POTENTIOSTAT_TECHNIQUES.has(construct) && target.kind === "cycler") {
    return `compile with --plan --cycler ${target.name} --potentiostat <name> to run it on a potentiostat, or split the protocol`;
  }
  if (CYCLING_STEPS.has(construct) && target.kind === "potentiostat") {
    return `compile with --plan --cycler <name> --potentiostat ${target.name} to run the cycling on a cycler, or split the protocol`;
  }
  switch (construct) {
    case "temperature":
      return "compile with --plan to turn the set-point into an instruction for the operator, or set the chamber by hand and remove the step";
    case "loopUntil":
      return "give the loop a fixed count (repeat N), or choose a target that can end a loop on a condition";
    case "nestedLoop":
      return "flatten the inner loop (write its steps out) or split the protocol";
    case "cRate":
    case "currentDensity":
    case "specificCurrent":
      return "give the current in amperes (mA, µA)";
    case "ocvRelativeVoltage":
      return "give an absolute voltage";
    case "capacityEnd":
    case "temperatureEnd":
      return "end the step on time, voltage or current instead";
    case "stop":
      return "remove the stop guard and watch the test, or choose a target that can stop on a condition";
    default:
      return "split the protocol, or choose a target that supports it (btp compile --target all shows which do)";
  }
}

function emulationMessage(found: ConstructUse, capabilities: CapabilityTable): string {
  if (found.resolved) {
    const amps = formatQuantity(found.resolved.si, "current");
    const how = found.resolved.derivation ? ` (${found.resolved.derivation})` : "";
    return `${found.resolved.text} resolved to ${amps}${how}`;
  }
  const note = capabilities.notes[found.construct];
  return note ? `${CONSTRUCT_LABELS[found.construct]}: ${note}` : `${CONSTRUCT_LABELS[found.construct]} is emulated`;
}
