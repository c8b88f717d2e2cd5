// `btp compile --plan <file> --cycler <name> --potentiostat <name>`: one protocol, two
// instruments and an oven. The protocol is split (split.ts), each instrument segment is compiled
// by its target exactly as a single-target compile would (capabilities, profile, emulations),
// and a run sheet (run-sheet.md and run-sheet.html) tells the operator what to run, in what
// order, when to move the cell and what temperature to set.

import { fileSpan, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { NodeIR, ProtocolIR } from "../../ir/types.js";
import { isStep } from "../../ir/types.js";
import { compileForTarget } from "../common/compile.js";
import type { Emulation, InstrumentProfile, OutputFile, Target } from "../target.js";
import { renderRunSheetHtml, renderRunSheetMarkdown } from "./run-sheet.js";
import type { PlanTargets, Role } from "./roles.js";
import { splitProtocol } from "./split.js";
import type { PlanItem, PlanSegment } from "./types.js";

export type { PlanItem, PlanOperatorStep, PlanRepeat, PlanSegment } from "./types.js";
export type { Role } from "./roles.js";
export { splitProtocol } from "./split.js";

export const WRONG_ROLE = "BTP6034";

export interface PlanOptions {
  cycler: Target;
  potentiostat: Target;
  /** From the protocol file name; segment files are `<baseName>-<NN>-<target>.<ext>`. */
  baseName: string;
  btpVersion: string;
  profiles?: Partial<Record<Role, InstrumentProfile>>;
}

/** One instrument segment, compiled. */
export interface CompiledSegment {
  /** 1-based, in the order the run sheet lists them. */
  number: number;
  segment: PlanSegment;
  target: Target;
  profile: InstrumentProfile | undefined;
  /** The sub-protocol the target compiled. */
  ir: ProtocolIR;
  files: OutputFile[];
  emulations: Emulation[];
}

export interface PlanResult {
  items: PlanItem[];
  segments: CompiledSegment[];
  /** Every file: the segments' files and the two run sheets. Empty when anything failed. */
  files: OutputFile[];
  diagnostics: Diagnostic[];
}

export function buildPlan(ir: ProtocolIR, options: PlanOptions): PlanResult {
  const roleProblems = checkRoles(options);
  if (roleProblems.length > 0) return { items: [], segments: [], files: [], diagnostics: roleProblems };
  const targets: PlanTargets = { cycler: options.cycler, potentiostat: options.potentiostat };
  const split = splitProtocol(ir.body, targets);
  const diagnostics = [...split.diagnostics];
  if (hasErrors(diagnostics)) return { items: split.items, segments: [], files: [], diagnostics };

  const segments: CompiledSegment[] = [];
  const total = countSegments(split.items);
  const compile = (segment: PlanSegment): void => {
    const number = segments.length + 1;
    const target = options[segment.role];
    const profile = options.profiles?.[segment.role];
    const sub: ProtocolIR = {
      ...ir,
      title: `${ir.title ?? options.baseName} (part ${number} of ${total}, ${segment.role})`,
      body: renumber(segment.nodes, ""),
    };
    const result = compileForTarget(target, sub, {
      baseName: `${options.baseName}-${String(number).padStart(2, "0")}-${target.name}`,
      btpVersion: options.btpVersion,
      ...(profile ? { profile } : {}),
    });
    diagnostics.push(...result.diagnostics);
    segments.push({ number, segment, target, profile, ir: sub, files: result.files, emulations: result.emulations });
  };
  const walk = (items: readonly PlanItem[]): void => {
    for (const item of items) {
      if (item.kind === "segment") compile(item);
      else if (item.kind === "repeat") walk(item.items);
    }
  };
  walk(split.items);
  if (hasErrors(diagnostics)) return { items: split.items, segments, files: [], diagnostics };

  const sheet = { ir, items: split.items, segments, options };
  const files: OutputFile[] = segments.flatMap((s) => s.files);
  files.push(
    { path: "run-sheet.md", content: new TextEncoder().encode(renderRunSheetMarkdown(sheet)), description: "run sheet for the operator (Markdown)" },
    { path: "run-sheet.html", content: new TextEncoder().encode(renderRunSheetHtml(sheet)), description: "run sheet for the operator (HTML)" },
  );
  return { items: split.items, segments, files, diagnostics };
}

function checkRoles(options: PlanOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const cyclerOk = options.cycler.kind === "cycler" || (options.cycler.kind === "potentiostat" && options.cycler.capabilities.constructs.constantCurrent !== undefined && options.cycler.capabilities.constructs.constantCurrent !== "refused");
  const potentiostatOk = options.potentiostat.kind === "potentiostat" || (options.potentiostat.kind === "cycler" && (options.potentiostat.capabilities.constructs.eis ?? "refused") !== "refused");
  if (!cyclerOk) {
    out.push({
      code: WRONG_ROLE,
      severity: "error",
      message: `--cycler ${options.cycler.name} is not a cycler target (${options.cycler.title})`,
      span: fileSpan("<--cycler>"),
      hint: "name a cycler: land, neware, arbin, maccor or biologic",
    });
  }
  if (!potentiostatOk) {
    out.push({
      code: WRONG_ROLE,
      severity: "error",
      message: `--potentiostat ${options.potentiostat.name} is not a potentiostat target (${options.potentiostat.title})`,
      span: fileSpan("<--potentiostat>"),
      hint: "name a potentiostat: chi or biologic",
    });
  }
  return out;
}

function countSegments(items: readonly PlanItem[]): number {
  return items.reduce((n, item) => n + (item.kind === "segment" ? 1 : item.kind === "repeat" ? countSegments(item.items) : 0), 0);
}

/** A segment is a protocol of its own: ids are its own 1-based tree positions. */
function renumber(nodes: readonly NodeIR[], prefix: string): NodeIR[] {
  return nodes.map((node, i) => {
    const id = prefix ? `${prefix}.${i + 1}` : `${i + 1}`;
    if (isStep(node) || node.kind === "stop") return { ...node, id };
    return { ...node, id, body: renumber(node.body, id) };
  });
}
