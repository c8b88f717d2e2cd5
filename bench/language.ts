// Language benchmarks: parse+check throughput (MB/s) on a generated protocol of more than 1 MB and
// on the bundled protocols, the ratio to JSON.parse of the same protocol's IR, and the peak memory
// of checking a 10,000-cycle protocol against a 10-cycle one (loops are never unrolled, so they
// should be about the same).

import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkText } from "../src/check/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, here.includes(`${path.sep}dist${path.sep}`) ? "../.." : "..");

/** A realistic protocol made large: many sections of rate tests, cycling and EIS. */
export function generateProtocol(targetBytes: number, cycles = 100): string {
  const head = [
    'protocol "generated benchmark protocol"',
    'cell bench_cell "benchmark coin cell" {',
    "  kind full",
    '  cathode "NVP" { active mass 2.5 mg, specific capacity 117.6 mAh/g }',
    "  area 1.13 cm2",
    "  window 2.3 V .. 3.9 V",
    "}",
    "limits { voltage 2.0 V .. 4.2 V }",
    "record every 30 s or 5 mV",
    "",
  ].join("\n");
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < targetBytes; i++) {
    const block = [
      `section "block ${i}" {`,
      "  temperature 25 °C, settle 1 h",
      "  for rate in [0.5C, 1C, 2C, 5C] {",
      `    repeat ${cycles} {`,
      "      charge at rate until 3.9 V then hold until C/20   # CC-CV",
      "      rest for 10 min",
      "      discharge at rate until 2.3 V",
      "    }",
      "  }",
      "  eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade",
      "}",
      "",
    ].join("\n");
    parts.push(block);
    size += block.length;
  }
  return parts.join("\n");
}

function time<T>(fn: () => T, repeat: number): { result: T; ms: number } {
  let result = fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < repeat; i++) result = fn();
  return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 / repeat };
}

function bundledProtocols(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".btp")) out.push({ file: full, text: readFileSync(full, "utf8") });
    }
  };
  walk(path.join(root, "protocols"));
  return out;
}

/** Peak RSS of a fresh process that checks a protocol of `cycles` cycles (MB). */
function peakMemoryMb(cycles: number): number {
  const protocol = [
    'cell c "c" { kind full',
    '  cathode "NVP" { active mass 2.5 mg, specific capacity 117.6 mAh/g }',
    "  window 2.3 V .. 3.9 V }",
    `repeat ${cycles} {`,
    "  charge at 5C until 3.9 V",
    "  discharge at 5C until 2.3 V",
    "}",
  ].join("\n");
  const checker = path.join(root, "dist/src/check/index.js");
  const script = `
    const { checkText } = await import(${JSON.stringify(checker)});
    const r = checkText(${JSON.stringify(protocol)}, "bench.btp");
    if (!r.ir) { console.error(JSON.stringify(r.diagnostics)); process.exit(1); }
    console.log(process.resourceUsage().maxRSS / 1024);
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  return Number(out.trim());
}

export async function runLanguageBench(): Promise<string[]> {
  const lines: string[] = [];
  const big = generateProtocol(1.2 * 1024 * 1024);
  const bigMb = Buffer.byteLength(big) / 1048576;
  const parsed = time(() => checkText(big, "generated.btp"), 3);
  if (!parsed.result.ir) throw new Error("generated protocol did not check: " + JSON.stringify(parsed.result.diagnostics.slice(0, 3)));
  const irJson = JSON.stringify(parsed.result.ir);
  const irMb = Buffer.byteLength(irJson) / 1048576;
  const json = time(() => JSON.parse(irJson), 3);
  const btpRate = bigMb / (parsed.ms / 1000);
  const jsonRate = irMb / (json.ms / 1000);
  lines.push(`generated protocol: ${bigMb.toFixed(2)} MB parsed+checked in ${parsed.ms.toFixed(0)} ms = ${btpRate.toFixed(2)} MB/s`);
  lines.push(`JSON.parse of its IR: ${irMb.toFixed(2)} MB in ${json.ms.toFixed(0)} ms = ${jsonRate.toFixed(1)} MB/s`);
  lines.push(`ratio parse+check / JSON.parse (time per source MB vs per IR MB): ${(jsonRate / btpRate).toFixed(1)}× slower than JSON.parse; same document: ${(parsed.ms / json.ms).toFixed(1)}× the time`);

  const bundled = bundledProtocols();
  const bundledBytes = bundled.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
  const all = time(() => bundled.map((p) => checkText(p.text, p.file)), 5);
  lines.push(
    `bundled protocols: ${bundled.length} files, ${(bundledBytes / 1024).toFixed(1)} KB in ${all.ms.toFixed(1)} ms = ${(bundledBytes / 1048576 / (all.ms / 1000)).toFixed(2)} MB/s (imports included)`,
  );

  const small = peakMemoryMb(10);
  const large = peakMemoryMb(10_000);
  lines.push(`peak memory checking 10 cycles: ${small.toFixed(1)} MB; 10,000 cycles: ${large.toFixed(1)} MB (ratio ${(large / small).toFixed(2)})`);
  return lines;
}
