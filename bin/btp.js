#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/cli by `npm run build`.
import { main } from "../dist/src/cli/main.js";

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // An internal error is a bug in btp, never the user's fault: say so plainly, exit 2.
    process.stderr.write(`btp: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.stderr.write("This is a bug in btp; please report it with the input that caused it.\n");
    process.exitCode = 2;
  },
);
