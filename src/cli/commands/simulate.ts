// `btp simulate <file>`: run a protocol on a model of its cell and write the trace (BDF CSV or
// JSON), the step table, the per-cycle summary, impedance spectra, a metadata sidecar and, with
// --plot, SVG and PNG plots. A progress bar shows on a terminal for long runs.
// Exit 0 when the simulation ran (warnings allowed), 1 for errors in the protocol or the cell
// parameters, 2 for usage and IO problems.

import { statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { fileSpan, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { formatDuration } from "../../units/duration.js";
import { formatNumber } from "../../units/format.js";
import { parseQuantity } from "../../units/quantity.js";
import { findPreset } from "../../sim/index.js";
import type { CellParameters } from "../../sim/parameters/catalogue.js";
import { readParameterFile } from "../../sim/parameters/file.js";
import { fileInTheWay } from "../../sim/output/folders.js";
import { outputPaths, type OutputFormat } from "../../sim/output/paths.js";
import { simulateToFiles } from "../../sim/output/to-files.js";
import type { CycleSummary } from "../../sim/types.js";
import { collect, parseOverrides, type CliContext } from "../context.js";
import { BTP_VERSION } from "../version.js";

interface SimulateFlags {
  output?: string;
  cell?: string;
  plot?: string;
  tolerance?: string;
  format: string;
  set?: string[];
  summaryOnly?: boolean;
  stdinFilepath?: string;
}

/** Runs shorter than this show no progress bar. */
const PROGRESS_AFTER_MS = 400;

export function registerSimulate(program: Command, ctx: CliContext): void {
  program
    .command("simulate")
    .description("simulate a protocol on a model of its cell: trace (BDF), steps, cycle summary, plots")
    .argument("<file>", "a protocol file, or - for stdin")
    .option("-o, --output <trace>", "the trace file; the other files are named after it (default: <protocol>.bdf.csv)")
    .option("--cell <name|file>", "a cell parameter set by name (e.g. nvpK005_cge) or a YAML/JSON parameter file")
    .option("--plot <dir>", "write voltage, capacity, impedance and voltammetry plots (SVG and PNG) into this folder")
    .option("--tolerance <voltage>", "how far straight lines between trace points may stray from the model", "2mV")
    .option("-f, --format <format>", "bdf-csv or json", "bdf-csv")
    .option("--summary-only", "write the step table and cycle summary only, no trace (fastest)")
    .option("--set <name=value>", "override a param (repeatable)", collect)
    .option("--stdin-filepath <path>", "the name to use for stdin in messages and for relative imports")
    .action(async (file: string, flags: SimulateFlags) => runSimulate(ctx, file, flags));
}

function usage(ctx: CliContext, message: string): void {
  ctx.err(`btp: ${message}\n`);
  ctx.fail(2);
}

async function runSimulate(ctx: CliContext, file: string, flags: SimulateFlags): Promise<void> {
  const { overrides, errors } = parseOverrides(flags.set);
  if (errors.length) return usage(ctx, errors.join("; "));
  if (flags.format !== "bdf-csv" && flags.format !== "json") return usage(ctx, `--format must be bdf-csv or json, not "${flags.format}"`);
  const format: OutputFormat = flags.format;

  const tolerance = readTolerance(flags.tolerance ?? "2mV");
  if (typeof tolerance === "string") {
    ctx.printDiagnostics(
      [
        {
          code: "BTP7016",
          severity: "error",
          message: tolerance,
          span: fileSpan("--tolerance"),
          hint: "write a voltage, e.g. --tolerance 2mV",
        },
      ],
      new Map(),
    );
    return ctx.fail(2);
  }

  let cellParameters: Partial<CellParameters> | undefined;
  if (flags.cell !== undefined) {
    const cell = readCellOption(ctx, flags.cell);
    if (cell === null) return;
    cellParameters = cell;
  }

  const loaded = await ctx.loadProtocol(file, { overrides, stdinName: flags.stdinFilepath });
  ctx.printDiagnostics(loaded.diagnostics, loaded.sources);
  if (!loaded.result) return ctx.fail(2);
  const ir = loaded.result.ir;
  if (!ir || hasErrors(loaded.diagnostics)) return ctx.fail(1);
  if (ir.body.length === 0) {
    ctx.err(`btp: ${loaded.file} runs no steps (it is a library); there is nothing to simulate\n`);
    return ctx.fail(1);
  }

  const paths = outputPaths(flags.output ? ctx.resolve(flags.output) : null, loaded.file, format);
  if (!flags.output) {
    for (const key of ["trace", "steps", "cycles", "eis", "sidecar"] as const) paths[key] = ctx.resolve(paths[key]!);
  }
  if (flags.summaryOnly) paths.trace = null;
  // Missing folders are created with the first file (as `btp compile -o` does); only a path that
  // runs into a file cannot be.
  const folder = path.dirname(paths.steps);
  const blocking = fileInTheWay(folder);
  if (blocking) {
    const shown = (p: string): string => path.relative(ctx.io.cwd, p) || ".";
    return usage(ctx, `cannot create the output folder ${shown(folder)}: ${shown(blocking)} is a file`);
  }

  const progress = new ProgressBar(ctx);
  const started = performance.now();
  let outcome: ReturnType<typeof simulateToFiles>;
  try {
    outcome = simulateToFiles({
      ir,
      sourceText:
        loaded.sources.get(path.join(ctx.io.cwd, loaded.file)) ??
        loaded.sources.get(loaded.file) ??
        [...loaded.sources.values()][0] ??
        null,
      btpVersion: BTP_VERSION,
      paths,
      format,
      plotDir: flags.plot ? ctx.resolve(flags.plot) : null,
      options: { tolerance, cellParameters, summaryOnly: flags.summaryOnly, onProgress: (f) => progress.update(f) },
    });
  } catch (error) {
    progress.clear();
    const reason = (error as NodeJS.ErrnoException).code ? `${(error as Error).message}` : String(error);
    ctx.err(`btp: could not write the simulation output: ${reason}\n`);
    return ctx.fail(2);
  }
  progress.clear();
  const { result } = outcome;
  ctx.printDiagnostics(result.diagnostics, loaded.sources);
  if (hasErrors(result.diagnostics)) ctx.fail(1);
  if (result.stepsRun === 0) return;

  const seconds = (performance.now() - started) / 1000;
  const lines = [
    `Simulated ${result.stepsRun} steps, ${result.cycles} cycle${result.cycles === 1 ? "" : "s"}, ${formatDuration(result.duration)} of test time in ${formatNumber(seconds, 3)} s (cell model: ${result.parameters?.preset ?? "?"}).`,
  ];
  const last = outcome.lastCycle;
  if (last && last.dischargeCapacity > 0) lines.push(describeCycle(last, ir.cell?.activeMass ?? null));
  if (result.stoppedEarly) lines.push(`The test stopped early: ${result.stoppedEarly.message}.`);
  lines.push(
    `Wrote ${outcome.files.map((f) => path.relative(ctx.io.cwd, f) || f).join(", ")}${outcome.rowsWritten ? ` (${outcome.rowsWritten} trace rows)` : ""}.`,
  );
  ctx.out(lines.join("\n") + "\n");
}

/** "Last cycle (10000): discharge 72.09 mAh/g, coulombic efficiency 99.98 %, retention 75.88 %." */
function describeCycle(c: CycleSummary, activeMass: number | null): string {
  const capacity = activeMass
    ? `${formatNumber(c.dischargeCapacity / 3.6 / (activeMass * 1000), 4)} mAh/g`
    : `${formatNumber(c.dischargeCapacity / 3.6, 4)} mAh`;
  const parts = [`discharge ${capacity}`];
  if (c.coulombicEfficiency !== null) parts.push(`coulombic efficiency ${formatNumber(c.coulombicEfficiency * 100, 4)} %`);
  if (c.retention !== null) parts.push(`retention ${formatNumber(c.retention * 100, 4)} %`);
  return `Last cycle (${c.cycle}): ${parts.join(", ")}.`;
}

function readTolerance(text: string): number | string {
  const parsed = parseQuantity(text);
  if (!parsed.ok) return `--tolerance: ${parsed.message}`;
  if (parsed.kind !== "voltage") return `--tolerance must be a voltage such as 2mV, not "${text}"`;
  if (!(parsed.si > 0) || parsed.si >= 1) return `the trace tolerance must be between 0 and 1 V, not ${text}`;
  return parsed.si;
}

/** `--cell`: a parameter set name, or a parameter file. Null after reporting a problem. */
function readCellOption(ctx: CliContext, value: string): Partial<CellParameters> | null {
  if (findPreset(value)) return { preset: value };
  const file = ctx.resolve(value);
  if (!isFile(file)) {
    const looksLikeName = !/[./\\]/.test(value);
    const d: Diagnostic = looksLikeName
      ? {
          code: "BTP7015",
          severity: "error",
          message: `there is no parameter set called "${value}"`,
          span: fileSpan("--cell"),
          hint: "the sets are listed in docs/cell-parameters.md",
        }
      : {
          code: "BTP7014",
          severity: "error",
          message: `the parameter file ${value} does not exist`,
          span: fileSpan(value),
          hint: "check the path",
        };
    ctx.printDiagnostics([d], new Map());
    ctx.fail(2);
    return null;
  }
  const read = readParameterFile(file);
  const diagnostics = read.diagnostics.map((d) => ({ ...d, span: { ...d.span, file: value } }));
  ctx.printDiagnostics(diagnostics, new Map());
  if (hasErrors(diagnostics)) {
    ctx.fail(1);
    return null;
  }
  return read.parameters;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A one-line progress bar on stderr, only on a terminal and only for runs that take a while. */
class ProgressBar {
  private readonly enabled: boolean;
  private readonly started = performance.now();
  private shown = false;
  private lastDrawn = -1;

  constructor(private readonly ctx: CliContext) {
    this.enabled = Boolean(ctx.io.stderr.isTTY);
  }

  update(fraction: number): void {
    if (!this.enabled || performance.now() - this.started < PROGRESS_AFTER_MS) return;
    const percent = Math.floor(fraction * 100);
    if (percent === this.lastDrawn) return;
    this.lastDrawn = percent;
    const width = 30;
    const filled = Math.round(fraction * width);
    this.ctx.err(`\rsimulating [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${String(percent).padStart(3)} %`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.ctx.err(`\r${" ".repeat(52)}\r`);
    this.shown = false;
  }
}
