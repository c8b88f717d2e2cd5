#!/usr/bin/env node
// The language server on its own, without the rest of the CLI: `node dist/src/lsp/main.js
// --stdio`. It is what `btp lsp --stdio` runs, minus loading every other command, so editors
// start it faster; the tests use it too.

import { runStdioServer } from "./stdio.js";

runStdioServer(process.stdin, process.stdout);
