import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const root = path.resolve(import.meta.dirname, "../..");

function scratch(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "btp-cli-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

const cell = [
  'cell coin "test coin cell" {',
  "  kind full",
  '  cathode "NVP" { active mass 2.5 mg, specific capacity 117.6 mAh/g }',
  "  window 2.3 V .. 3.9 V",
  "}",
].join("\n");

describe("btp check", () => {
  it("checks every bundled protocol clean and counts the 25 sequences", async () => {
    const r = await runCli(["check", "protocols"], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Checked 25 protocols( and \d+ librar(y|ies))?: no problems\./);
  });

  it("reports a dimension error with code, location, caret and hint (exit 1)", async () => {
    const dir = scratch({ "bad.btp": `${cell}\ncharge at 4.2 V until 1C\n` });
    const r = await runCli(["check", "bad.btp"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[BTP\d{4}\]/);
    expect(r.stderr).toContain("bad.btp:6:11");
    expect(r.stderr).toMatch(/\n\s*6 \| charge at 4\.2 V until 1C\n\s*\|\s{11}\^{5}/);
    expect(r.stderr).toMatch(/= hint: /);
    expect(r.stderr).not.toMatch(/\u001b\[/); // not a TTY: no colour
  });

  it("gives the same diagnostic as JSON with --format json", async () => {
    const dir = scratch({ "bad.btp": `${cell}\ncharge at 4.2 V until 1C\n` });
    const r = await runCli(["check", "bad.btp", "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.version).toBe(1);
    const d = report.files[0].diagnostics.find((x: { line: number }) => x.line === 6);
    expect(d).toMatchObject({ severity: "error", file: "bad.btp", line: 6, column: 11 });
    expect(d.code).toMatch(/^BTP\d{4}$/);
    expect(d.hint).toBeTruthy();
    expect(d.range.start).toEqual({ line: 5, character: 10 });
  });

  it("honours NO_COLOR over FORCE_COLOR and colours on a terminal otherwise", async () => {
    const dir = scratch({ "bad.btp": `${cell}\ncharge at 4.2 V until 1C\n` });
    const plain = await runCli(["check", "bad.btp"], { cwd: dir, tty: true, env: { NO_COLOR: "1", FORCE_COLOR: "1" } });
    expect(plain.stderr).not.toMatch(/\u001b\[/);
    const coloured = await runCli(["check", "bad.btp"], { cwd: dir, tty: true });
    expect(coloured.stderr).toMatch(/\u001b\[/);
  });

  it("reads stdin with -", async () => {
    const r = await runCli(["check", "-", "--stdin-filepath", "piped.btp"], { stdin: `${cell}\ncharge at 4.2 V until 1C\n` });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("piped.btp:6:11");
  });

  it("exits 2 for a missing file and for usage mistakes", async () => {
    const missing = await runCli(["check", "no/such/file.btp"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("error[BTP0001]: no/such/file.btp does not exist");
    expect((await runCli(["frobnicate"])).code).toBe(2);
    expect((await runCli(["check"])).code).toBe(2);
    expect((await runCli(["check", "x.btp", "--set", "novalue"])).code).toBe(2);
  });

  it("applies --set overrides and refuses unknown params", async () => {
    const dir = scratch({ "p.btp": `${cell}\nparam n = 5\nrepeat n {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n}\n` });
    const ok = await runCli(["ir", "p.btp", "--set", "n=3"], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).body[0]).toMatchObject({ kind: "loop", count: 3 });
    const bad = await runCli(["check", "p.btp", "--set", "m=3"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/m/);
  });

  it("prints help and version with exit 0", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/check/);
    expect((await runCli(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
