// `btp compile`: protocols → instrument schedule files.
//   btp compile <file> --target <name> [-o dir] [--set n=v] [--profile id|file.json] [--explain]
//   btp compile <files|dirs> --target all [-o dir]      → one folder per target + a summary table
//   btp compile --plan <file> --cycler <name> --potentiostat <name> [-o dir]
// Files are written only when the whole compile for a target succeeded, all at once
// (writeFilesAtomically): a refused or failed compile leaves nothing behind. Exit 0 when all
// compiled, 1 when a protocol has errors or a target refused, 2 for usage and IO problems.

import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { didYouMean } from "../../check/suggest.js";
import { fileSpan, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../ir/types.js";
import { compileForTarget } from "../../targets/common/compile.js";
import { CONSTRUCT_NAMES, constructsOfNode } from "../../targets/common/constructs.js";
import { emulationLines } from "../../targets/common/header.js";
import { cellFor, renderSummaryTable, type SummaryRow } from "../../targets/common/summary.js";
import { buildPlan } from "../../targets/plan/index.js";
import { loadProfile } from "../../targets/profiles/load.js";
import { findTarget, targetNames, targets } from "../../targets/registry.js";
import type { Construct, Emulation, InstrumentProfile, OutputFile, Target } from "../../targets/target.js";
import { collect, parseOverrides, type CliContext } from "../context.js";
import { expandInputs } from "../io.js";
import { BTP_VERSION } from "../version.js";
import { writeFilesAtomically } from "../write.js";

export const UNKNOWN_TARGET = "BTP6005";

interface CompileFlags {
  target?: string;
  output: string;
  set?: string[];
  profile?: string;
  explain?: boolean;
  plan?: boolean;
  cycler?: string;
  potentiostat?: string;
  cyclerProfile?: string;
  potentiostatProfile?: string;
}

export function registerCompile(program: Command, ctx: CliContext): void {
  program
    .command("compile")
    .description("compile protocols to instrument schedule files (one target, all targets, or a multi-instrument plan)")
    .argument("<inputs...>", "protocol files, or directories of them (with --target all)")
    .option("-t, --target <name>", `target to compile for, or "all"`)
    .option("-o, --output <dir>", "folder to write the files into", ".")
    .option("--set <name=value>", "override a param (repeatable)", collect)
    .option("--profile <id|file.json>", "instrument channel to check currents, voltages and frequencies against")
    .option("--explain", "list the emulations and capability notes instead of writing files")
    .option("--plan", "split the protocol between a cycler and a potentiostat (with --cycler and --potentiostat)")
    .option("--cycler <name>", "the cycler target of a plan")
    .option("--potentiostat <name>", "the potentiostat target of a plan")
    .option("--cycler-profile <id|file.json>", "the cycler channel of a plan")
    .option("--potentiostat-profile <id|file.json>", "the potentiostat channel of a plan")
    .addHelpText("after", () => `\nTargets: ${targetNames().join(", ") || "(none registered)"}`)
    .action(async (inputs: string[], flags: CompileFlags) => (flags.plan ? runPlan(ctx, inputs, flags) : runCompile(ctx, inputs, flags)));
}

// ---------------------------------------------------------------------------------------------
// one target or all

async function runCompile(ctx: CliContext, inputs: string[], flags: CompileFlags): Promise<void> {
  const { overrides, errors } = parseOverrides(flags.set);
  if (errors.length) return usage(ctx, errors);

  const profileLoad = flags.profile ? readProfile(ctx, flags.profile) : { profile: undefined, ok: true };
  if (!profileLoad.ok) return ctx.fail(2);
  const profile = profileLoad.profile;
  const targetName = flags.target ?? profile?.target;
  if (!targetName) return usage(ctx, ["--target is required (a target name, or all)"]);
  const all = targetName.trim().toLowerCase() === "all";
  const chosen = all ? [...targets] : resolveTargets(ctx, [targetName]);
  if (!chosen) return ctx.fail(2);
  if (chosen.length === 0) return usage(ctx, ["no targets are registered"]);

  const expanded = inputs.includes("-") ? { files: inputs, diagnostics: [] as Diagnostic[] } : expandInputs(inputs, ctx.io.cwd);
  if (expanded.diagnostics.length > 0) {
    ctx.printDiagnostics(expanded.diagnostics, new Map());
    ctx.fail(2);
  }
  if (expanded.files.length === 0) {
    if (expanded.diagnostics.length === 0) ctx.err(`btp: no protocol files (*.btp, *.btp.yaml) found in ${inputs.join(", ")}\n`);
    return ctx.fail(2);
  }
  const table = all || expanded.files.length > 1;
  const quiet = table && expanded.files.length > 1;
  const rows: SummaryRow[] = [];

  for (const file of expanded.files) {
    const loaded = await ctx.loadProtocol(file, { overrides });
    const row: SummaryRow = { protocol: file, cells: new Map() };
    rows.push(row);
    if (loaded.diagnostics.length > 0 && !quiet) ctx.printDiagnostics(loaded.diagnostics, loaded.sources);
    const ir = loaded.result?.ir;
    if (!loaded.result) ctx.fail(2);
    if (!ir) {
      for (const t of chosen) row.cells.set(t.name, { status: "check errors" });
      ctx.fail(1);
      continue;
    }
    if (ir.body.length === 0) {
      // A library of cells or sequences: nothing runs, nothing to compile.
      rows.pop();
      continue;
    }
    const baseName = protocolBaseName(file);
    for (const target of chosen) {
      const result = compileForTarget(target, ir, {
        baseName,
        btpVersion: BTP_VERSION,
        ...(profile && profile.target === target.name ? { profile } : {}),
      });
      if (!quiet) ctx.printDiagnostics(result.diagnostics, loaded.sources);
      if (flags.explain) {
        ctx.out(explainText(file, target, ir, result.emulations));
        row.cells.set(target.name, cellFor(result.diagnostics));
        if (hasErrors(result.diagnostics)) ctx.fail(1);
        continue;
      }
      if (hasErrors(result.diagnostics)) {
        row.cells.set(target.name, cellFor(result.diagnostics));
        ctx.fail(1);
        continue;
      }
      const folder = all ? path.join(flags.output, target.name) : flags.output;
      const written = write(ctx, folder, result.files);
      row.cells.set(target.name, written ? { status: "ok" } : { status: "write failed" });
      if (written && !table) reportWritten(ctx, folder, result.files, result.emulations);
    }
  }
  if (table) {
    ctx.out(renderSummaryTable(chosen.map((t) => t.name), rows));
    if (quiet && rows.some((r) => [...r.cells.values()].some((c) => c.status !== "ok"))) {
      ctx.out("Compile one protocol for one target (btp compile <file> --target <name>) to see why it was refused.\n");
    }
  }
}

// ---------------------------------------------------------------------------------------------
// plans

async function runPlan(ctx: CliContext, inputs: string[], flags: CompileFlags): Promise<void> {
  const { overrides, errors } = parseOverrides(flags.set);
  if (errors.length) return usage(ctx, errors);
  if (inputs.length !== 1) return usage(ctx, ["--plan takes exactly one protocol file"]);
  if (!flags.cycler || !flags.potentiostat) return usage(ctx, ["--plan needs --cycler <name> and --potentiostat <name>"]);
  const resolved = resolveTargets(ctx, [flags.cycler, flags.potentiostat]);
  if (!resolved) return ctx.fail(2);
  const [cycler, potentiostat] = resolved as [Target, Target];
  const profiles: { cycler?: InstrumentProfile; potentiostat?: InstrumentProfile } = {};
  for (const [role, spec] of [["cycler", flags.cyclerProfile], ["potentiostat", flags.potentiostatProfile]] as const) {
    if (!spec) continue;
    const load = readProfile(ctx, spec);
    if (!load.ok) return ctx.fail(2);
    if (load.profile) profiles[role] = load.profile;
  }
  if (flags.profile) {
    // --profile in a plan goes to whichever instrument it describes.
    const load = readProfile(ctx, flags.profile);
    if (!load.ok) return ctx.fail(2);
    const role = load.profile?.target === potentiostat.name ? "potentiostat" : "cycler";
    if (load.profile && !profiles[role]) profiles[role] = load.profile;
  }

  const file = inputs[0]!;
  const loaded = await ctx.loadProtocol(file, { overrides });
  ctx.printDiagnostics(loaded.diagnostics, loaded.sources);
  if (!loaded.result) return ctx.fail(2);
  const ir = loaded.result.ir;
  if (!ir) return ctx.fail(1);

  const plan = buildPlan(ir, { cycler, potentiostat, baseName: protocolBaseName(file), btpVersion: BTP_VERSION, profiles });
  ctx.printDiagnostics(plan.diagnostics, loaded.sources);
  if (hasErrors(plan.diagnostics)) return ctx.fail(1);
  if (flags.explain) {
    for (const segment of plan.segments) {
      ctx.out(`Part ${segment.number} (${segment.segment.role}, ${segment.target.name}):\n`);
      ctx.out(explainText(file, segment.target, segment.ir, segment.emulations).replace(/^/gm, "  ") + "\n");
    }
    return;
  }
  if (!write(ctx, flags.output, plan.files)) return;
  ctx.out(`Plan for ${file}: ${plan.segments.length} instrument segment${plan.segments.length === 1 ? "" : "s"}\n`);
  for (const f of plan.files) ctx.out(`  wrote ${path.join(flags.output, f.path)}  (${f.description})\n`);
  ctx.out(`Follow ${path.join(flags.output, "run-sheet.md")} (or run-sheet.html): it says what to run, in what order, when to move the cell and what temperature to set.\n`);
}

// ---------------------------------------------------------------------------------------------

function usage(ctx: CliContext, messages: string[]): void {
  for (const m of messages) ctx.err(`btp: ${m}\n`);
  ctx.fail(2);
}

/** The targets by name, or null after reporting the unknown ones (BTP6005). */
function resolveTargets(ctx: CliContext, names: string[]): Target[] | null {
  const found: Target[] = [];
  const unknown: Diagnostic[] = [];
  for (const name of names) {
    const target = findTarget(name);
    if (target) {
      found.push(target);
      continue;
    }
    const suggestion = didYouMean(name.toLowerCase(), targetNames());
    unknown.push({
      code: UNKNOWN_TARGET,
      severity: "error",
      message: `unknown target "${name}"`,
      span: fileSpan("<command line>"),
      hint: `${suggestion ? `${suggestion}; ` : ""}the targets are: ${targetNames().join(", ") || "(none registered)"}`,
    });
  }
  if (unknown.length > 0) {
    ctx.printDiagnostics(unknown, new Map());
    return null;
  }
  return found;
}

function readProfile(ctx: CliContext, spec: string): { profile: InstrumentProfile | undefined; ok: boolean } {
  const load = loadProfile(spec, (file) => {
    try {
      const full = ctx.resolve(file);
      if (statSync(full).size > 1024 * 1024) return null;
      return readFileSync(full, "utf8");
    } catch {
      return null;
    }
  });
  if (load.diagnostics.length > 0) ctx.printDiagnostics(load.diagnostics, new Map(load.text !== undefined ? [[spec, load.text]] : []));
  return { profile: load.profile ?? undefined, ok: load.profile !== null };
}

/** "protocols/a03-rate.btp" → "a03-rate"; "x.btp.yaml" → "x". */
export function protocolBaseName(file: string): string {
  const base = path.basename(file === "-" ? "stdin.btp" : file);
  return base.replace(/\.btp\.ya?ml$/i, "").replace(/\.(btp|ya?ml)$/i, "") || "protocol";
}

function write(ctx: CliContext, folder: string, files: OutputFile[]): boolean {
  try {
    writeFilesAtomically(ctx.resolve(folder), files);
    return true;
  } catch (err) {
    ctx.err(`btp: could not write to ${folder}: ${err instanceof Error ? err.message : String(err)}; nothing was written\n`);
    ctx.fail(2);
    return false;
  }
}

function reportWritten(ctx: CliContext, folder: string, files: OutputFile[], emulations: Emulation[]): void {
  for (const f of files) ctx.out(`wrote ${path.join(folder, f.path)}  (${f.description})\n`);
  if (emulations.length > 0) ctx.out(`${emulations.length} emulation${emulations.length === 1 ? "" : "s"} (listed in the file header; --explain shows them)\n`);
}

/** --explain: how this target expresses the protocol, and what its table says about the
 * constructs the protocol uses. */
function explainText(file: string, target: Target, ir: ProtocolIR, emulations: Emulation[]): string {
  const lines = [`${file} → ${target.name} (${target.title})`];
  if (emulations.length === 0) lines.push("  Emulations: none");
  else {
    lines.push("  Emulations:");
    for (const line of emulationLines(emulations, ir.source)) lines.push(`    - ${line}`);
  }
  const used = new Set<Construct>();
  const visit = (insideLoop: boolean, nodes: typeof ir.body): void => {
    for (const node of nodes) {
      for (const u of constructsOfNode(node, insideLoop)) used.add(u.construct);
      if (node.kind === "loop") visit(true, node.body);
      else if (node.kind === "group" || node.kind === "cycleAction") visit(insideLoop, node.body);
    }
  };
  visit(false, ir.body);
  const notes = [...used].flatMap((c) => {
    const support = target.capabilities.constructs[c] ?? "refused";
    const note = target.capabilities.notes[c];
    return support === "native" && !note ? [] : [`    - ${CONSTRUCT_NAMES[c]}: ${support}${note ? ` — ${note}` : ""}`];
  });
  if (notes.length > 0) lines.push("  Capability notes for what this protocol uses:", ...notes);
  if (target.capabilities.maxLoopDepth !== null) lines.push(`  Loops nest at most ${target.capabilities.maxLoopDepth} deep on this instrument.`);
  return lines.join("\n") + "\n";
}
