// The language server shipped inside the extension: the btp command line, bundled into one
// file, started as `btp lsp --stdio`. The language client launches this file with Node and adds
// its own arguments (`--stdio`, `--clientProcessId=…`); the server library reads those from
// process.argv, and the command line is given just what it needs.

import { main } from "../../../src/cli/main.js";

main(["lsp", "--stdio"], {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`btp language server: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
