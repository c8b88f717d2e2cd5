// `btp import <file> [-o out.btp] [--from <target>]`: a vendor schedule (BioLogic .mps, Neware
// .xml, Arbin .sdu, Maccor .000, PyBaMM experiment strings) → the IR → readable .btp source.
// The printed protocol is checked again; problems the checker finds in it are reported (BTP6043)
// so the user knows what to fix, and the file is still written. Exit 0 when imported, 1 when the
// file could not be imported, 2 for usage and IO problems.

import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { checkText } from "../../check/index.js";
import { fileSpan, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { printProtocol } from "../../targets/btp/print.js";
import { decodeText } from "../../targets/common/text.js";
import { importWith } from "../../targets/common/import.js";
import { findTarget, targetNames, targets } from "../../targets/registry.js";
import type { CliContext } from "../context.js";
import { BTP_VERSION } from "../version.js";
import { writeFilesAtomically } from "../write.js";

export const IMPORTED_NOT_CLEAN = "BTP6043";

/** Vendor schedules are kilobytes to a few megabytes; this keeps a wrong path (a data log of
 * gigabytes) from being read into memory. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

interface ImportFlags {
  output?: string;
  from?: string;
}

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command("import")
    .description("turn an instrument schedule (.mps, .xml, .sdu, .000, PyBaMM strings) into a readable .btp protocol")
    .argument("<file>", "the instrument's schedule file")
    .option("-o, --output <file.btp>", "write the protocol here instead of printing it")
    .option("--from <target>", "the target whose importer reads the file (default: by extension and content)")
    .action(async (file: string, flags: ImportFlags) => runImport(ctx, file, flags));
}

async function runImport(ctx: CliContext, file: string, flags: ImportFlags): Promise<void> {
  const bytes = readBytes(ctx, file);
  if (!bytes) return;
  let from;
  if (flags.from) {
    from = findTarget(flags.from);
    if (!from) {
      ctx.printDiagnostics(
        [{ code: "BTP6005", severity: "error", message: `unknown target "${flags.from}"`, span: fileSpan("<--from>"), hint: `the targets are: ${targetNames().join(", ")}` }],
        new Map(),
      );
      return ctx.fail(2);
    }
  }
  const sources = new Map<string, string>([[file, decodeText(bytes, "utf-8") ?? decodeText(bytes, "latin1")!]]);
  const choice = importWith(bytes, file, targets, from);
  if (!choice.ir || hasErrors(choice.diagnostics)) {
    ctx.printDiagnostics(choice.diagnostics, sources);
    return ctx.fail(1);
  }

  const notes = choice.diagnostics.map((d) => `${d.severity === "info" ? "note" : d.severity}: ${d.message}${d.span.start.line > 1 ? ` (line ${d.span.start.line})` : ""}`);
  const header = [`Imported by btp ${BTP_VERSION} from ${path.basename(file)} (${choice.target!.title}).`, ...notes];
  const printed = printProtocol({ ...choice.ir, source: flags.output ?? `${file}.btp` }, { header });

  // The printed protocol must stand on its own: check it as the user will.
  const outName = flags.output ?? `${file}.btp`;
  const recheck = checkText(printed.text, ctx.resolve(outName));
  const reported: Diagnostic[] = [...choice.diagnostics, ...printed.diagnostics];
  const problems = recheck.diagnostics.filter((d) => d.severity === "error");
  if (problems.length > 0) {
    reported.push({
      code: IMPORTED_NOT_CLEAN,
      severity: "warning",
      message: `the imported protocol does not check clean: ${problems.length} problem${problems.length === 1 ? "" : "s"}, the first: ${problems[0]!.message} (line ${problems[0]!.span.start.line})`,
      span: fileSpan(outName),
      hint: `run \`btp check ${outName}\` for all of them and fix them in the .btp file`,
    });
  }
  ctx.printDiagnostics(reported, sources);

  if (!flags.output) {
    ctx.out(printed.text);
    return;
  }
  try {
    const target = ctx.resolve(flags.output);
    writeFilesAtomically(path.dirname(target), [{ path: path.basename(target), content: printed.text }]);
    ctx.err(`wrote ${flags.output} (imported with ${choice.target!.name})\n`);
  } catch (err) {
    ctx.err(`btp: could not write ${flags.output}: ${err instanceof Error ? err.message : String(err)}\n`);
    ctx.fail(2);
  }
}

function readBytes(ctx: CliContext, file: string): Uint8Array | null {
  const diagnostic = (code: string, message: string, hint?: string): null => {
    ctx.printDiagnostics([{ code, severity: "error", message, span: fileSpan(file), ...(hint ? { hint } : {}) }], new Map());
    ctx.fail(code === "BTP0002" ? 1 : 2);
    return null;
  };
  try {
    const full = ctx.resolve(file);
    const stat = statSync(full);
    if (stat.isDirectory()) return diagnostic("BTP0001", `${file} is a directory, not a schedule file`);
    if (stat.size > MAX_IMPORT_BYTES) {
      return diagnostic("BTP0002", `${file} is ${(stat.size / 1048576).toFixed(1)} MB, above btp's limit of 32 MB for a schedule`, "check that this is the schedule, not a data file");
    }
    return readFileSync(full);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return diagnostic("BTP0001", `${file} ${code === "ENOENT" ? "does not exist" : "cannot be read"}`, code === "ENOENT" ? "check the path" : undefined);
  }
}
