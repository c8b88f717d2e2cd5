// The files of one simulation: BDF CSV and JSON traces, step table, cycle summary, spectra and the
// metadata sidecar, written atomically.

import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outputPaths } from "../../../src/sim/output/paths.js";
import { simulateToFiles } from "../../../src/sim/output/to-files.js";
import { TRACE_COLUMNS } from "../../../src/sim/output/tables.js";
import * as b from "../builder.js";

const cell = b.nvpCell();
const amps = b.cRate(cell, 2);
const protocol = () =>
  b.protocol(cell, [
    b.eis(1e5, 0.1, 5),
    b.loop(3, [b.charge(amps, [b.above(3.9)]), b.rest([b.seconds(300)]), b.discharge(amps, [b.below(2.3)])]),
  ]);

function run(format: "bdf-csv" | "json", options: { summaryOnly?: boolean; plots?: boolean } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "btp-sim-files-"));
  const paths = outputPaths(path.join(dir, format === "json" ? "run.trace.json" : "run.bdf.csv"), "run.btp", format);
  if (options.summaryOnly) paths.trace = null;
  const outcome = simulateToFiles({
    ir: protocol(),
    sourceText: "protocol text",
    btpVersion: "9.9.9",
    paths,
    format,
    plotDir: options.plots ? path.join(dir, "plots") : null,
    png: false,
    options: {},
  });
  return { dir, paths, outcome };
}

describe("BDF CSV output", () => {
  it("writes the trace with BDF labels, charge-positive current and accumulating capacities", () => {
    const { paths, outcome } = run("bdf-csv");
    const lines = readFileSync(paths.trace!, "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe(TRACE_COLUMNS.map((c) => c.label).join(","));
    expect(lines[0]).toBe(
      "Test Time / s,Voltage / V,Current / A,Cycle Count / 1,Step Count / 1,Step ID,Step Type,Charging Capacity / Ah,Discharging Capacity / Ah,Ambient Temperature / degC",
    );
    expect(lines.length - 1).toBe(outcome.rowsWritten);
    const rows = lines.slice(1).map((l) => l.split(","));
    let lastTime = -1;
    let charged = 0;
    let discharged = 0;
    for (const r of rows) {
      expect(r).toHaveLength(10);
      const [time, volts, current, , , , type, qc, qd] = r;
      expect(Number(time)).toBeGreaterThanOrEqual(lastTime);
      lastTime = Number(time);
      if (type === "CC_CHG") expect(Number(current)).toBeGreaterThan(0);
      if (type === "CC_DCH") expect(Number(current)).toBeLessThan(0);
      expect(Number(qc)).toBeGreaterThanOrEqual(charged);
      expect(Number(qd)).toBeGreaterThanOrEqual(discharged);
      charged = Number(qc);
      discharged = Number(qd);
      // No float residue: every number has at most its column's decimals.
      expect(time!.split(".")[1]?.length ?? 0).toBeLessThanOrEqual(4);
      expect(volts!.split(".")[1]?.length ?? 0).toBeLessThanOrEqual(6);
      for (const field of r) expect(field).not.toMatch(/NaN|Infinity|undefined/);
    }
    expect(new Set(rows.map((r) => r[6]))).toEqual(new Set(["EIS", "CC_CHG", "REST", "CC_DCH"]));
  });

  it("writes the step table, the cycle summary and the spectra beside it", () => {
    const { paths } = run("bdf-csv");
    const steps = readFileSync(paths.steps, "utf8").trimEnd().split("\n");
    expect(steps).toHaveLength(1 + 1 + 9);
    expect(steps[2]).toMatch(/^2,2\.1,,CC_CHG,1,/);
    expect(steps[2]).toContain("voltage,voltage ≥ 3.9 V,");
    const cycles = readFileSync(paths.cycles, "utf8").trimEnd().split("\n");
    expect(cycles).toHaveLength(4);
    const header = cycles[0]!.split(",");
    const first = Object.fromEntries(cycles[1]!.split(",").map((v, i) => [header[i], v]));
    expect(Number(first["Specific Discharging Capacity / mAh/g"])).toBeGreaterThan(100);
    expect(Number(first["Retention / %"])).toBe(100);
    const eis = readFileSync(paths.eis, "utf8").trimEnd().split("\n");
    expect(eis[0]).toBe(
      "Step Count / 1,Step ID,Cycle Count / 1,Test Time / s,Frequency / Hz,Real Impedance / ohm,Imaginary Impedance / ohm,Absolute Impedance / ohm,Phase / deg",
    );
    expect(eis).toHaveLength(1 + 31);
  });

  it("writes a metadata sidecar naming the protocol, its hash, the parameters and the btp version", () => {
    const { paths } = run("bdf-csv");
    const sidecar = JSON.parse(readFileSync(paths.sidecar, "utf8"));
    expect(sidecar.generator).toEqual({ name: "btp simulate", btpVersion: "9.9.9" });
    expect(sidecar.protocol.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(sidecar.cell.parameterSet).toBe("nvpK005_cge");
    expect(sidecar.cell.parameters.specificCapacity).toEqual({ value: 418428, unit: "C/kg", display: "116.23 mAh/g" });
    expect(sidecar.format.currentSign).toMatch(/positive on charge/);
    expect(sidecar.files).toEqual(["run.bdf.csv", "run.steps.csv", "run.cycles.csv", "run.eis.csv"]);
    expect(JSON.stringify(sidecar)).not.toMatch(/\d\.\d*0000000\d|99999999/);
  });

  it("leaves no temporary files behind and writes only the summary when asked", () => {
    const { dir } = run("bdf-csv", { summaryOnly: true });
    expect(readdirSync(dir).sort()).toEqual(["run.cycles.csv", "run.eis.csv", "run.metadata.json", "run.steps.csv"]);
  });

  it("writes nothing for a protocol it refuses", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "btp-sim-refused-"));
    const outcome = simulateToFiles({
      ir: b.protocol(null, [b.rest([b.seconds(1)])]),
      sourceText: null,
      btpVersion: "0",
      paths: outputPaths(path.join(dir, "x.bdf.csv"), "x.btp", "bdf-csv"),
      format: "bdf-csv",
      plotDir: null,
      options: {},
    });
    expect(outcome.result.diagnostics[0]!.code).toBe("BTP7001");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("JSON output", () => {
  it("writes the same values as arrays of objects with BDF machine names", () => {
    const csv = run("bdf-csv");
    const json = run("json");
    const rows = JSON.parse(readFileSync(json.paths.trace!, "utf8"));
    const lines = readFileSync(csv.paths.trace!, "utf8").trimEnd().split("\n").slice(1);
    expect(rows).toHaveLength(lines.length);
    expect(Object.keys(rows[0])).toEqual(TRACE_COLUMNS.map((c) => c.key));
    const line = lines[5]!.split(",");
    expect(rows[5].voltage_volt).toBe(Number(line[1]));
    expect(rows[5].step_type).toBe(line[6]);
    const cycles = JSON.parse(readFileSync(json.paths.cycles, "utf8"));
    expect(cycles).toHaveLength(3);
    expect(cycles[0].retention_percent).toBe(100);
    expect(JSON.parse(readFileSync(json.paths.eis, "utf8"))).toHaveLength(31);
  });
});

describe("plots", () => {
  it("writes the plots that have data", () => {
    const { dir } = run("bdf-csv", { plots: true });
    expect(readdirSync(path.join(dir, "plots")).sort()).toEqual([
      "capacity.svg",
      "nyquist-full.svg", // its capacitive tail is clipped in nyquist.svg, so the full range is written too
      "nyquist.svg",
      "retention.svg",
      "voltage-capacity.svg",
      "voltage-time.svg",
    ]);
    expect(existsSync(path.join(dir, "plots", "voltammogram.svg"))).toBe(false);
  });
});
