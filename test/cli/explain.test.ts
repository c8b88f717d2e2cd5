import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const root = path.resolve(import.meta.dirname, "../..");
const a3 = readdirSync(path.join(root, "protocols")).find((f) => /^a03-.*\.btp$/.test(f));

describe("btp explain", () => {
  it("shows each rate of A3 as a current in mA derived from the cell, and a total duration", async () => {
    expect(a3, "protocols/a03-*.btp").toBeTruthy();
    const r = await runCli(["explain", path.join("protocols", a3!)], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    // 0.5C of 2.5 mg × 117.6 mAh/g = 0.147 mA; 30C = 8.82 mA.
    expect(r.stdout).toContain("0.147 mA");
    expect(r.stdout).toContain("8.82 mA");
    expect(r.stdout).toMatch(/2\.5 mg × 117\.6 mAh\/g/);
    for (const rate of ["0.5C", "1C", "2C", "5C", "10C", "15C", "20C", "30C"]) expect(r.stdout).toContain(rate);
    expect(r.stdout).toMatch(/total/i);
    expect(r.stdout).toMatch(/Methods:/);
  });

  it("explains every bundled protocol without errors", async () => {
    const r = await runCli(["explain", "protocols"], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("btp explain -o", () => {
  it("writes one report per protocol into the folder", async () => {
    const { mkdtempSync, readdirSync: list, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const out = mkdtempSync(path.join(tmpdir(), "btp-explain-"));
    const r = await runCli(["explain", "protocols", "-o", out], { cwd: root });
    expect(r.code).toBe(0);
    const files = list(out).filter((f) => f.endsWith(".explain.txt"));
    expect(files).toHaveLength(25);
    expect(readFileSync(path.join(out, files.find((f) => f.startsWith("a03-"))!), "utf8")).toContain("0.147 mA");
  });
});
