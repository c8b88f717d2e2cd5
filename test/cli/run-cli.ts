// Drives the CLI in-process with in-memory streams, as a user would from a shell.
import { PassThrough, Readable } from "node:stream";
import { main } from "../../src/cli/main.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  args: string[],
  options: { stdin?: string; env?: Record<string, string>; cwd?: string; tty?: boolean } = {},
): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => (out += c));
  stderr.on("data", (c) => (err += c));
  if (options.tty) {
    Object.assign(stdout, { isTTY: true });
    Object.assign(stderr, { isTTY: true });
  }
  const code = await main(args, {
    stdout,
    stderr,
    stdin: Readable.from([options.stdin ?? ""]),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  });
  return { code, stdout: out, stderr: err };
}
