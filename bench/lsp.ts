// Language-server latency on a 5,000-line protocol, measured as an editor sees it: the server is
// started with `btp lsp --stdio` and driven over JSON-RPC (src/lsp/client/stdio-client.ts).
//
// What is measured, from sending didChange to receiving publishDiagnostics:
// - "quick": the first diagnostics sent for the edited version. Syntax problems in them are
//   exact for the new text; the other problems are those of the last full check, moved over the
//   edit (problems in edited text are held back until the new check arrives).
// - "full": the diagnostics of a full check of the edited version (the server says so with
//   `$/btp/checked`). Every edit waits for its own check here, so no check is ever skipped.
// - "typing": edits sent every 30 ms without waiting, as a fast typist would; quick latency
//   while checks run in the background, and the time from the last keystroke to a full check.
// Hover and completion are measured on quantities and step lines of the same protocol, with the
// server idle. Targets: quick p95 < 50 ms, hover and completion p95 < 20 ms.

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { StdioLanguageClient } from "../src/lsp/client/stdio-client.js";
import { generateProtocol } from "./language.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? "../.." : "..");

const LINES = 5000;
const EDITS = 200;
const PROBES = 200;
const TYPING_INTERVAL_MS = 30;

/** A generated protocol of about `lines` lines, cut at the end of a block. */
export function protocolOfLines(lines: number): string {
  const all = generateProtocol(lines * 60).split("\n");
  let cut = all.slice(0, lines);
  while (cut.length > 0 && cut[cut.length - 1] !== "") cut = cut.slice(0, -1);
  return cut.join("\n");
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

function summary(values: number[]): string {
  return `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms (n=${values.length})`;
}

/** A deterministic pseudo-random sequence, so that runs are comparable. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Places inside step lines where typing a digit keeps the protocol meaningful: right after
 * the first digit of a number. */
function editPlaces(text: string): { line: number; character: number }[] {
  const places: { line: number; character: number }[] = [];
  text.split("\n").forEach((line, index) => {
    const match = /(?:at|until|for) (\d)/.exec(line);
    if (match) places.push({ line: index, character: match.index + match[0].length });
  });
  return places;
}

/** `serverArgs`: how to start the server with node (default: `bin/btp.js lsp --stdio`). */
export async function runLspBench(serverArgs: string[] = [path.join(root, "bin", "btp.js"), "lsp", "--stdio"]): Promise<string[]> {
  const folder = mkdtempSync(path.join(tmpdir(), "btp-lsp-bench-"));
  const file = path.join(folder, "bench.btp");
  const text = protocolOfLines(LINES);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const lines: string[] = [];
  const client = new StdioLanguageClient(serverArgs, folder);
  try {
    const started = performance.now();
    await client.initialize(pathToFileURL(folder).href);
    await client.open(uri, text);
    const first = await client.checkedVersion(uri, 1, 120_000);
    lines.push(`${text.split("\n").length}-line protocol (${Math.round(text.length / 1024)} KB): start, open and first check ${Math.round(performance.now() - started)} ms (check ${first.checkMs} ms in the checking thread)`);

    const next = random(42);
    const places = editPlaces(text);
    // 1. Edits one at a time, each waiting for its full check.
    const quick: number[] = [];
    const full: number[] = [];
    const checkMs: number[] = [];
    let place = places[0]!;
    for (let i = 0; i < EDITS; i++) {
      // Type a digit into a number, then delete it again: the text stays a valid protocol.
      const insert = i % 2 === 0;
      if (insert) place = places[Math.floor(next() * places.length)]!;
      const range = insert ? { start: place, end: place } : { start: place, end: { line: place.line, character: place.character + 1 } };
      const sent = performance.now();
      const publication = client.nextDiagnostics(uri);
      const version = await client.change(uri, [{ range, text: insert ? "5" : "" }]);
      const published = await publication;
      quick.push(published.at - sent);
      const checked = await client.checkedVersion(uri, version, 120_000);
      full.push(performance.now() - sent);
      checkMs.push(checked.checkMs);
    }
    lines.push(`didChange → publishDiagnostics, quick (syntax exact, checks carried over): ${summary(quick)}; target p95 < 50 ms`);
    lines.push(`didChange → publishDiagnostics of the full check of that version: ${summary(full)} (the check itself: ${summary(checkMs)})`);

    // 2. Typing: an edit every 30 ms, without waiting.
    const typingQuick: number[] = [];
    let version = 0;
    for (let i = 0; i < EDITS; i++) {
      const insert = i % 2 === 0;
      const range = insert ? { start: place, end: place } : { start: place, end: { line: place.line, character: place.character + 1 } };
      const sent = performance.now();
      const publication = client.nextDiagnostics(uri);
      version = await client.change(uri, [{ range, text: insert ? "7" : "" }]);
      const published = await publication;
      typingQuick.push(published.at - sent);
      const wait = TYPING_INTERVAL_MS - (performance.now() - sent);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const lastKey = performance.now();
    await client.checkedVersion(uri, version, 120_000);
    lines.push(`typing (an edit every ${TYPING_INTERVAL_MS} ms, checks running meanwhile): quick ${summary(typingQuick)}; last keystroke → full check ${Math.round(performance.now() - lastKey)} ms`);

    // 3. Hover and completion, idle server.
    const quantities = quantityPlaces(text);
    const hovers: number[] = [];
    const completions: number[] = [];
    for (let i = 0; i < PROBES; i++) {
      const position = quantities[Math.floor(next() * quantities.length)]!;
      let sent = performance.now();
      await client.connection.sendRequest("textDocument/hover", { textDocument: { uri }, position });
      hovers.push(performance.now() - sent);
      sent = performance.now();
      await client.connection.sendRequest("textDocument/completion", { textDocument: { uri }, position });
      completions.push(performance.now() - sent);
    }
    lines.push(`hover: ${summary(hovers)}; target p95 < 20 ms`);
    lines.push(`completion: ${summary(completions)}; target p95 < 20 ms`);
    return lines;
  } finally {
    await client.shutdown();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Positions inside quantities such as `0.5C` or `3.9 V` on step lines. */
function quantityPlaces(text: string): { line: number; character: number }[] {
  const places: { line: number; character: number }[] = [];
  text.split("\n").forEach((line, index) => {
    for (const match of line.matchAll(/\d+(?:\.\d+)? ?(?:V|C|min|h|MHz|mHz|mV|s)\b/g)) places.push({ line: index, character: match.index + 1 });
  });
  return places;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  // `node dist/bench/lsp.js [--direct] [node flags such as --cpu-prof]`: --direct starts the
  // server without the CLI (dist/src/lsp/main.js); node flags go to the server process.
  const flags = process.argv.slice(2);
  const entry = flags.includes("--direct") ? [path.join(root, "dist", "src", "lsp", "main.js"), "--stdio"] : [path.join(root, "bin", "btp.js"), "lsp", "--stdio"];
  for (const line of await runLspBench([...flags.filter((f) => f !== "--direct"), ...entry])) console.log(line);
}
