// `btp check <files|dirs|->`: parse and check protocols; exit 0 clean (warnings allowed),
// 1 when any error was found, 2 for usage or IO problems.

import type { Command } from "commander";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { collect, parseOverrides, type CliContext, type OutputFormat } from "../context.js";
import { expandInputs } from "../io.js";

interface CheckFlags {
  format: OutputFormat;
  set?: string[];
  stdinFilepath?: string;
}

export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command("check")
    .description("parse and check protocols (files, directories, or - for stdin)")
    .argument("<inputs...>", "protocol files, directories to search for *.btp / *.btp.yaml, or -")
    .option("-f, --format <format>", "output format: text or json", "text")
    .option("--set <name=value>", "override a param (repeatable)", collect)
    .option("--stdin-filepath <path>", "the name to use for stdin in messages and for relative imports")
    .action(async (inputs: string[], flags: CheckFlags) => runCheck(ctx, inputs, flags));
}

async function runCheck(ctx: CliContext, inputs: string[], flags: CheckFlags): Promise<void> {
  const { overrides, errors } = parseOverrides(flags.set);
  if (errors.length) {
    for (const e of errors) ctx.err(`btp: ${e}\n`);
    return ctx.fail(2);
  }
  const files = inputs.includes("-") ? { files: inputs, diagnostics: [] as Diagnostic[] } : expandInputs(inputs, ctx.io.cwd);
  const reports: { path: string; diagnostics: Diagnostic[] }[] = [];
  let protocols = 0;
  let libraries = 0;
  let errorsFound = 0;
  let warnings = 0;
  let ioFailure = files.diagnostics.length > 0;

  for (const d of files.diagnostics) reports.push({ path: d.span.file, diagnostics: [d] });
  errorsFound += files.diagnostics.length;
  if (flags.format !== "json") ctx.printDiagnostics(files.diagnostics, new Map());
  if (files.files.length === 0 && files.diagnostics.length === 0) {
    ctx.err(`btp: no protocol files (*.btp, *.btp.yaml) found in ${inputs.join(", ")}\n`);
    return ctx.fail(2);
  }
  for (const file of files.files) {
    const loaded = await ctx.loadProtocol(file, { overrides, stdinName: flags.stdinFilepath });
    // Unreadable paths are usage/IO problems (exit 2); a file that is readable but not a
    // protocol (binary, too large) is bad input like any other (exit 1).
    if (loaded.diagnostics.some((d) => d.code === "BTP0001")) ioFailure = true;
    if (!loaded.result) {
      // nothing more to count
    } else if (loaded.result.ir && loaded.result.ir.body.length === 0) libraries++;
    else protocols++;
    errorsFound += loaded.diagnostics.filter((d) => d.severity === "error").length;
    warnings += loaded.diagnostics.filter((d) => d.severity === "warning").length;
    reports.push({ path: loaded.file, diagnostics: loaded.diagnostics });
    if (flags.format !== "json") ctx.printDiagnostics(loaded.diagnostics, loaded.sources);
  }

  const summary = { protocols, libraries, errors: errorsFound, warnings };
  if (flags.format === "json") {
    ctx.out(ctx.jsonReport(reports, { summary }));
  } else {
    const what = `${protocols} protocol${protocols === 1 ? "" : "s"}` + (libraries ? ` and ${libraries} librar${libraries === 1 ? "y" : "ies"}` : "");
    const verdict =
      errorsFound === 0 && warnings === 0
        ? "no problems"
        : `${errorsFound} error${errorsFound === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
    ctx.out(`Checked ${what}: ${verdict}.\n`);
  }
  if (ioFailure) ctx.fail(2);
  if (errorsFound > 0) ctx.fail(1);
}
