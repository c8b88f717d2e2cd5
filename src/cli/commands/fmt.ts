// `btp fmt [--check] <files|dirs|->`: format .btp protocols in place (or stdin to stdout).
// With --check nothing is written: files that would change are listed (BTP8001) and the exit
// code is 1. A file with syntax errors is never formatted: its diagnostics are shown, exit 1.
// Unreadable paths and files that are not .btp are usage problems: exit 2.

import path from "node:path";
import type { Command } from "commander";
import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import { fileSpan } from "../../diagnostics/diagnostic.js";
import { tryFormatBtp } from "../../format/index.js";
import type { CliContext } from "../context.js";
import { expandInputs, readSource, readStdin } from "../io.js";
import { writeFilesAtomically } from "../write.js";

interface FmtFlags {
  check?: boolean;
  stdinFilepath?: string;
}

export function registerFmt(program: Command, ctx: CliContext): void {
  program
    .command("fmt")
    .description("format .btp protocols in place (files, directories, or - for stdin to stdout)")
    .argument("<inputs...>", "protocol files, directories to search for *.btp, or -")
    .option("--check", "write nothing; list the files that are not formatted and exit 1 if there are any")
    .option("--stdin-filepath <path>", "the name to use for stdin in messages")
    .action(async (inputs: string[], flags: FmtFlags) => runFmt(ctx, inputs, flags));
}

function isBtpPath(file: string): boolean {
  return /\.btp$/i.test(file);
}

/** Files named explicitly are formatted whatever their name, unless they are YAML; directories
 * contribute their *.btp files. */
function collectFiles(ctx: CliContext, inputs: string[]): { files: string[]; problems: Diagnostic[] } {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  for (const input of inputs) {
    const expanded = expandInputs([input], ctx.io.cwd);
    problems.push(...expanded.diagnostics);
    const fromDirectory = expanded.files.length !== 1 || expanded.files[0] !== input;
    for (const file of expanded.files) {
      if (isBtpPath(file)) files.push(file);
      else if (!fromDirectory) problems.push(notBtp(file));
    }
  }
  return { files, problems };
}

function notBtp(file: string): Diagnostic {
  return {
    code: "BTP8003",
    severity: "error",
    message: `${file} is not a .btp file, so btp fmt leaves it alone`,
    span: fileSpan(file),
    hint: /\.ya?ml$/i.test(file) ? "YAML protocols are kept as written; btp fmt formats .btp files" : "btp fmt formats .btp protocol files",
  };
}

/** The span of the first line that formatting would change, for the --check report. */
function firstChangedLine(file: string, before: string, after: string): Span {
  const linesBefore = before.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g) ?? [];
  const linesAfter = after.match(/[^\r\n]*(?:\r\n|\r|\n|$)/g) ?? [];
  let line = 0;
  let offset = 0;
  while (line < linesBefore.length - 1 && linesBefore[line] === linesAfter[line]) {
    offset += linesBefore[line]!.length;
    line++;
  }
  const text = (linesBefore[line] ?? "").replace(/[\r\n]+$/, "");
  return {
    file,
    start: { offset, line: line + 1, column: 1 },
    end: { offset: offset + text.length, line: line + 1, column: text.length + 1 },
  };
}

function notFormatted(file: string, before: string, after: string): Diagnostic {
  return {
    code: "BTP8001",
    severity: "error",
    message: "this file is not formatted",
    span: firstChangedLine(file, before, after),
    hint: `run \`btp fmt ${file}\` to format it`,
  };
}

async function runFmt(ctx: CliContext, inputs: string[], flags: FmtFlags): Promise<void> {
  if (inputs.includes("-")) {
    if (inputs.length > 1) {
      ctx.err("btp: fmt reads stdin only when `-` is its only input\n");
      return ctx.fail(2);
    }
    return formatStdin(ctx, flags);
  }
  const { files, problems } = collectFiles(ctx, inputs);
  if (problems.length > 0) {
    ctx.printDiagnostics(problems, new Map());
    ctx.fail(2);
  }
  if (files.length === 0) {
    if (problems.length === 0) ctx.err(`btp: no .btp files found in ${inputs.join(", ")}\n`);
    return ctx.fail(2);
  }

  let changed = 0;
  let refused = 0;
  for (const file of files) {
    const absolute = ctx.resolve(file);
    const read = readSource(absolute, file);
    if (!read.ok) {
      ctx.printDiagnostics([read.diagnostic], new Map());
      ctx.fail(2);
      continue;
    }
    const outcome = await tryFormatBtp(read.text, { filepath: file });
    if (outcome.formatted === null) {
      refused++;
      ctx.printDiagnostics(outcome.diagnostics, new Map([[file, read.text]]));
      ctx.fail(1);
      continue;
    }
    if (outcome.formatted === read.text) continue;
    changed++;
    if (flags.check) {
      ctx.printDiagnostics([notFormatted(file, read.text, outcome.formatted)], new Map([[file, read.text]]));
      ctx.fail(1);
    } else {
      writeFilesAtomically(path.dirname(absolute), [{ path: path.basename(absolute), content: outcome.formatted }]);
    }
  }
  ctx.out(summary(files.length, changed, refused, flags.check === true));
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summary(total: number, changed: number, refused: number, check: boolean): string {
  const notFormattedNote = refused > 0 ? `; ${plural(refused, "file was", "files were")} not formatted (see above)` : "";
  if (check) {
    const verdict = changed === 0 ? "all formatted" : `${plural(changed, "file needs", "files need")} formatting`;
    return `Checked ${plural(total, "file", "files")}: ${verdict}${notFormattedNote}.\n`;
  }
  return `Formatted ${plural(total, "file", "files")}: ${changed} changed${notFormattedNote}.\n`;
}

async function formatStdin(ctx: CliContext, flags: FmtFlags): Promise<void> {
  const name = flags.stdinFilepath ?? "<stdin>";
  const read = await readStdin(ctx.io.stdin, name);
  if (!read.ok) {
    ctx.printDiagnostics([read.diagnostic], new Map());
    return ctx.fail(2);
  }
  const outcome = await tryFormatBtp(read.text, { filepath: name });
  if (outcome.formatted === null) {
    ctx.printDiagnostics(outcome.diagnostics, new Map([[name, read.text]]));
    return ctx.fail(1);
  }
  if (flags.check) {
    if (outcome.formatted !== read.text) {
      ctx.printDiagnostics([notFormatted(name, read.text, outcome.formatted)], new Map([[name, read.text]]));
      ctx.fail(1);
    }
    return;
  }
  ctx.out(outcome.formatted);
}
