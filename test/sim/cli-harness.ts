// Drives `btp simulate` in-process with in-memory streams. The lead registers the command in
// src/cli/main.ts; this harness registers it on its own program so the tests do not depend on that.

import { PassThrough, Readable } from "node:stream";
import { Command, CommanderError } from "commander";
import { CliContext } from "../../src/cli/context.js";
import { registerSimulate } from "../../src/cli/commands/simulate.js";

export interface SimulateRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runSimulateCli(args: string[], options: { cwd?: string; tty?: boolean } = {}): Promise<SimulateRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => (out += c));
  stderr.on("data", (c) => (err += c));
  if (options.tty) Object.assign(stderr, { isTTY: true });
  const ctx = new CliContext({ stdout, stderr, stdin: Readable.from([""]), env: { NO_COLOR: "1" }, cwd: options.cwd ?? process.cwd() });
  const program = new Command("btp").exitOverride().configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) });
  registerSimulate(program, ctx);
  let code: number;
  try {
    await program.parseAsync(["simulate", ...args], { from: "user" });
    code = ctx.exitCode;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode === 0 ? 0 : 2;
  }
  return { code, stdout: out, stderr: err };
}
