// `btp explain <files|dirs>`: what the cell will experience — the step table with resolved
// currents and their derivations, duration estimates, totals, and a methods-section paragraph.

import path from "node:path";
import type { Command } from "commander";
import type { ProtocolIR } from "../../ir/types.js";
import { estimateProtocol } from "../../ir/estimate.js";
import { methodsParagraph, renderStepTable, stepTable, summary } from "../../ir/describe.js";
import { collect, parseOverrides, type CliContext } from "../context.js";
import { expandInputs } from "../io.js";
import { writeFilesAtomically } from "../write.js";

interface ExplainFlags {
  set?: string[];
  output?: string;
  stdinFilepath?: string;
  format: "text" | "json";
}

export function registerExplain(program: Command, ctx: CliContext): void {
  program
    .command("explain")
    .description("show the expanded step table, resolved currents, duration estimates and a methods paragraph")
    .argument("<inputs...>", "protocol files or directories (libraries without steps are skipped), or -")
    .option("-f, --format <format>", "output format: text or json", "text")
    .option("-o, --output <dir>", "write one report per protocol into this folder instead of printing them")
    .option("--set <name=value>", "override a param (repeatable)", collect)
    .option("--stdin-filepath <path>", "the name to use for stdin")
    .action(async (inputs: string[], flags: ExplainFlags) => runExplain(ctx, inputs, flags));
}

async function runExplain(ctx: CliContext, inputs: string[], flags: ExplainFlags): Promise<void> {
  const { overrides, errors } = parseOverrides(flags.set);
  if (errors.length) {
    for (const e of errors) ctx.err(`btp: ${e}\n`);
    return ctx.fail(2);
  }
  const expanded = inputs.includes("-") ? { files: inputs, diagnostics: [] } : expandInputs(inputs, ctx.io.cwd);
  if (expanded.diagnostics.length) {
    ctx.printDiagnostics(expanded.diagnostics, new Map());
    ctx.fail(2);
  }
  const json: unknown[] = [];
  const reports: { path: string; content: string }[] = [];
  let first = true;
  for (const file of expanded.files) {
    const loaded = await ctx.loadProtocol(file, { overrides, stdinName: flags.stdinFilepath });
    ctx.printDiagnostics(loaded.diagnostics, loaded.sources);
    if (!loaded.result) {
      ctx.fail(2);
      continue;
    }
    const ir = loaded.result.ir;
    if (!ir) {
      ctx.fail(1);
      continue;
    }
    if (ir.body.length === 0) continue; // a library of cells or sequences: nothing runs
    if (flags.output) {
      const base = path.basename(loaded.file).replace(/(\.btp)?(\.ya?ml)?$/i, "");
      const content = flags.format === "json" ? JSON.stringify(explainJson(loaded.file, ir), null, 2) + "\n" : explainText(loaded.file, ir, false);
      reports.push({ path: `${base}.explain.${flags.format === "json" ? "json" : "txt"}`, content });
    } else if (flags.format === "json") {
      json.push(explainJson(loaded.file, ir));
    } else {
      if (!first) ctx.out("\n" + "─".repeat(80) + "\n\n");
      ctx.out(explainText(loaded.file, ir, ctx.color("stdout")));
      first = false;
    }
  }
  if (flags.output) {
    const dir = ctx.resolve(flags.output);
    try {
      writeFilesAtomically(dir, reports);
    } catch (err) {
      ctx.err(`btp: cannot write to ${flags.output}: ${err instanceof Error ? err.message : String(err)}\n`);
      return ctx.fail(2);
    }
    for (const r of reports) ctx.out(`wrote ${path.join(flags.output, r.path)}\n`);
    ctx.out(`Explained ${reports.length} protocol${reports.length === 1 ? "" : "s"} into ${flags.output}.\n`);
  } else if (flags.format === "json") {
    ctx.out(JSON.stringify({ version: 1, protocols: json }, null, 2) + "\n");
  }
}

function explainText(file: string, ir: ProtocolIR, color: boolean): string {
  const estimate = estimateProtocol(ir);
  const lines: string[] = [];
  lines.push(`${ir.title ?? file}  (${file})`);
  for (const c of ir.metadata.citations) lines.push(`  cite: ${c}${ir.metadata.figures.length ? `, figure ${ir.metadata.figures.join(", ")}` : ""}`);
  if (ir.cell) {
    lines.push(`  cell: ${ir.cell.title ?? ir.cell.name}`);
    if (ir.cell.nominalCapacityDerivation) lines.push(`  1C basis: ${ir.cell.nominalCapacityDerivation}`);
  }
  for (const p of ir.params) lines.push(`  param ${p.name} = ${p.text}${p.overridden ? " (set on the command line)" : ""}${p.doc ? `  — ${p.doc}` : ""}`);
  lines.push("");
  lines.push(renderStepTable(stepTable(ir, estimate), { color }));
  lines.push("");
  lines.push(summary(ir, estimate));
  lines.push("");
  lines.push("Methods:");
  lines.push(wrap(methodsParagraph(ir, estimate), 96, "  "));
  return lines.join("\n") + "\n";
}

function explainJson(file: string, ir: ProtocolIR): unknown {
  const estimate = estimateProtocol(ir);
  return {
    file,
    title: ir.title,
    steps: stepTable(ir, estimate),
    summary: summary(ir, estimate),
    methods: methodsParagraph(ir, estimate),
  };
}

function wrap(text: string, width: number, indent: string): string {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out.join("\n");
}
