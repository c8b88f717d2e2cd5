// `btp simulate` end to end, in-process.

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runSimulateCli } from "./cli-harness.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PROTOCOL = path.join(ROOT, "protocols/a10-rate-capability-25c.btp");

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "btp-simulate-cli-"));
}

describe("btp simulate", () => {
  it("writes the trace, step table, cycle summary, sidecar and plots, and reports the run", async () => {
    const dir = tempDir();
    const run = await runSimulateCli([PROTOCOL, "-o", "a10.bdf.csv", "--plot", "plots", "--set", "cycles_per_rate=2"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Simulated 33 steps, 16 cycles, .* of test time in .* s \(cell model: nvpK005_cge\)\./);
    expect(run.stdout).toMatch(/Last cycle \(16\): discharge [\d.]+ mAh\/g, coulombic efficiency [\d.]+ %, retention [\d.]+ %\./);
    expect(readdirSync(dir).sort()).toEqual(["a10.bdf.csv", "a10.cycles.csv", "a10.metadata.json", "a10.steps.csv", "plots"]);
    expect(
      readdirSync(path.join(dir, "plots"))
        .filter((f) => f.endsWith(".png"))
        .sort(),
    ).toEqual(["capacity.png", "retention.png", "voltage-capacity.png", "voltage-time.png"]);
    const sidecar = JSON.parse(readFileSync(path.join(dir, "a10.metadata.json"), "utf8"));
    expect(sidecar.protocol.contentHash).toMatch(/^sha256:/);
    expect(sidecar.generator.btpVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("names the files after the protocol by default, writes JSON and the summary only on request", async () => {
    const dir = tempDir();
    const run = await runSimulateCli([PROTOCOL, "--format", "json", "--summary-only", "--set", "cycles_per_rate=1"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      "a10-rate-capability-25c.cycles.json",
      "a10-rate-capability-25c.metadata.json",
      "a10-rate-capability-25c.steps.json",
    ]);
    expect(JSON.parse(readFileSync(path.join(dir, "a10-rate-capability-25c.cycles.json"), "utf8"))).toHaveLength(8);
  });

  it("takes cell parameters by set name or from a file", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "cell.yaml"), "hysteresisVoltage: 30 mV\nmodeWeight: 3\n");
    const named = await runSimulateCli([PROTOCOL, "-o", "a.csv", "--cell", "nvpK005_cge", "--summary-only", "--set", "cycles_per_rate=1"], {
      cwd: dir,
    });
    const filed = await runSimulateCli([PROTOCOL, "-o", "b.csv", "--cell", "cell.yaml", "--summary-only", "--set", "cycles_per_rate=1"], {
      cwd: dir,
    });
    expect([named.code, filed.code]).toEqual([0, 0]);
    const capacityAt30C = (name: string) => Number(readFileSync(path.join(dir, name), "utf8").trimEnd().split("\n").at(-1)!.split(",")[6]);
    expect(capacityAt30C("b.cycles.csv")).toBeLessThan(capacityAt30C("a.cycles.csv"));
    const sidecar = JSON.parse(readFileSync(path.join(dir, "b.metadata.json"), "utf8"));
    expect(sidecar.cell.parameters.hysteresisVoltage.display).toBe("30 mV");
  });

  it("refuses bad options with diagnostics and exit code 2, writing nothing", async () => {
    const dir = tempDir();
    const cases: [string[], RegExp][] = [
      [["--tolerance", "0 V"], /BTP7016/],
      [["--tolerance", "2 s"], /must be a voltage/],
      [["--cell", "nvp"], /BTP7015/],
      [["--cell", "missing.yaml"], /BTP7014/],
      [["--format", "xlsx"], /--format must be bdf-csv or json/],
    ];
    for (const [flags, message] of cases) {
      const run = await runSimulateCli([PROTOCOL, ...flags], { cwd: dir });
      expect(run.code, flags.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("creates missing output folders, and writes nothing when a file stands in the way", async () => {
    const dir = tempDir();
    const run = await runSimulateCli([PROTOCOL, "-o", "out/dir/x.csv", "--summary-only", "--set", "cycles_per_rate=1"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(readdirSync(path.join(dir, "out/dir")).sort()).toEqual(["x.cycles.csv", "x.metadata.json", "x.steps.csv"]);
    expect(run.stdout).toMatch(/Wrote out\/dir\/x\.steps\.csv/);

    writeFileSync(path.join(dir, "taken"), "a file\n");
    const blocked = await runSimulateCli([PROTOCOL, "-o", "taken/sub/x.csv", "--set", "cycles_per_rate=1"], { cwd: dir });
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/cannot create the output folder taken\/sub: taken is a file/);
    expect(readdirSync(dir).sort()).toEqual(["out", "taken"]);
  });

  it("creates no folder for a protocol the simulator refuses", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "no-cell.btp"), 'protocol "x"\nrest for 1 h\n');
    const run = await runSimulateCli([path.join(dir, "no-cell.btp"), "-o", "new/folder/x.csv"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/BTP7001/);
    expect(readdirSync(dir)).toEqual(["no-cell.btp"]);
  });

  it("exits 1 for a protocol with errors or a parameter file with wrong values", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "bad.btp"), 'protocol "x"\ncharge at 1C until 3.9 V\n');
    const bad = await runSimulateCli([path.join(dir, "bad.btp")], { cwd: dir });
    expect(bad.code).toBe(1);
    writeFileSync(path.join(dir, "cell.yaml"), "hysteresisVoltage: 10\n");
    const unitless = await runSimulateCli([PROTOCOL, "--cell", "cell.yaml"], { cwd: dir });
    expect(unitless.code).toBe(1);
    expect(unitless.stderr).toMatch(/BTP7012.*needs a unit/s);
    expect(readdirSync(dir).sort()).toEqual(["bad.btp", "cell.yaml"]);
  });

  it("shows a progress bar on a terminal for a long run and clears it", async () => {
    const dir = tempDir();
    const run = await runSimulateCli([path.join(ROOT, "protocols/a09-cycling-2c-25c.btp"), "--summary-only"], { cwd: dir, tty: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/simulating \[#+ *\] +\d+ %/);
    expect(run.stderr.endsWith("\r")).toBe(true);
    expect(existsSync(path.join(dir, "a09-cycling-2c-25c.cycles.csv"))).toBe(true);
  });
});
