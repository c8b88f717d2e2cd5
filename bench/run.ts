// `npm run bench`: every benchmark of the project, printed as plain lines. Each area exports a
// function returning its lines; a failing area is reported and the others still run.

import { runLanguageBench } from "./language.js";
import { runSimBench } from "./sim.js";
import { runLspBench } from "./lsp.js";

const suites: [string, () => Promise<string[]>][] = [
  ["language", runLanguageBench],
  ["simulator", runSimBench],
  ["language server", runLspBench],
];

let failed = false;
for (const [name, run] of suites) {
  console.log(`\n== ${name}`);
  try {
    for (const line of await run()) console.log("  " + line);
  } catch (err) {
    failed = true;
    console.log(`  FAILED: ${err instanceof Error ? err.message : String(err)}`);
  }
}
process.exitCode = failed ? 1 : 0;
