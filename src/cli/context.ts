// What every command shares: the streams, colour, exit code, loading protocols (from .btp,
// YAML or stdin) through the one checker, and printing diagnostics in text or JSON.

import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnostic, toJsonDiagnostic } from "../diagnostics/render.js";
import { checkSourceFile, checkText, type CheckOptions, type CheckResult } from "../check/index.js";
import { parseYamlProtocol } from "../syntax/yaml/index.js";
import { isYamlPath, readSource, readStdin } from "./io.js";

export interface CliIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  stdin: Readable;
  env: Record<string, string | undefined>;
  cwd: string;
}

export type OutputFormat = "text" | "json";

export interface LoadedProtocol {
  /** The path as the user gave it (or the stdin name). */
  file: string;
  /** Null when the file could not even be read. */
  result: CheckResult | null;
  diagnostics: Diagnostic[];
  /** Source texts by the file names diagnostics use, for the source frames. */
  sources: Map<string, string>;
}

export class CliContext {
  exitCode = 0;
  /** Set by --color / --no-color; undefined means: decide from the environment. */
  colorFlag: boolean | undefined;

  constructor(readonly io: CliIo) {}

  /** NO_COLOR wins, then FORCE_COLOR, then the flag, then whether the stream is a terminal. */
  color(stream: "stdout" | "stderr"): boolean {
    const env = this.io.env;
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
    if (this.colorFlag !== undefined) return this.colorFlag;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
    return Boolean(this.io[stream].isTTY);
  }

  out(text: string): void {
    this.io.stdout.write(text);
  }

  err(text: string): void {
    this.io.stderr.write(text);
  }

  /** Exit codes as ESLint/Prettier: 0 fine, 1 problems found, 2 usage or IO. Keeps the worst. */
  fail(code: 1 | 2): void {
    this.exitCode = Math.max(this.exitCode, code);
  }

  resolve(file: string): string {
    return path.resolve(this.io.cwd, file);
  }

  /** Reads and checks one protocol. `-` reads stdin, named `stdinName`. */
  async loadProtocol(file: string, options: { overrides?: CheckOptions["overrides"]; stdinName?: string } = {}): Promise<LoadedProtocol> {
    const isStdin = file === "-";
    const name = isStdin ? (options.stdinName ?? "<stdin>") : file;
    const read = isStdin ? await readStdin(this.io.stdin, name) : readSource(this.resolve(file), name);
    if (!read.ok) return { file: name, result: null, diagnostics: [read.diagnostic], sources: new Map() };
    const checkOptions: CheckOptions = {
      overrides: options.overrides,
      baseDir: this.io.cwd,
      readFile: (absolutePath) => {
        const imported = readSource(absolutePath);
        return imported.ok ? imported.text : undefined;
      },
    };
    // Diagnostics name the file as the user wrote it; imports resolve relative to its real place.
    const checkPath = name;
    let result: CheckResult;
    if (isYamlPath(name)) {
      const parsed = parseYamlProtocol(read.text, checkPath);
      result = checkSourceFile(parsed.file, parsed.diagnostics, checkOptions);
    } else {
      result = checkText(read.text, checkPath, checkOptions);
    }
    const sources = new Map<string, string>();
    sources.set(checkPath, read.text);
    for (const [key, source] of result.files) {
      sources.set(source.path, source.text);
      sources.set(key, source.text);
    }
    return { file: name, result, diagnostics: result.diagnostics, sources };
  }

  /** Prints diagnostics to stderr (text) or collects them for a JSON report. */
  printDiagnostics(diagnostics: Diagnostic[], sources: Map<string, string>): void {
    const color = this.color("stderr");
    for (const d of sortDiagnostics([...diagnostics])) {
      this.err(renderDiagnostic(d, { color, sourceOf: (f) => sources.get(f) }) + "\n");
    }
  }

  jsonReport(files: { path: string; diagnostics: Diagnostic[] }[], extra: Record<string, unknown> = {}): string {
    return (
      JSON.stringify(
        {
          version: 1,
          files: files.map((f) => ({ path: f.path, diagnostics: sortDiagnostics([...f.diagnostics]).map(toJsonDiagnostic) })),
          ...extra,
        },
        null,
        2,
      ) + "\n"
    );
  }
}

/** `--set name=value` (repeatable) into the checker's override list. */
export function parseOverrides(values: string[] | undefined): { overrides: { name: string; value: string }[]; errors: string[] } {
  const overrides: { name: string; value: string }[] = [];
  const errors: string[] = [];
  for (const item of values ?? []) {
    const eq = item.indexOf("=");
    if (eq <= 0) {
      errors.push(`--set expects name=value (for example --set cycles_per_rate=3), got "${item}"`);
      continue;
    }
    overrides.push({ name: item.slice(0, eq).trim(), value: item.slice(eq + 1).trim() });
  }
  return { overrides, errors };
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
