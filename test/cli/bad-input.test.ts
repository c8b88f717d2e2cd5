// The bad-input list, end to end through the CLI: each gives diagnostics with spans and
// exit 1 (2 for IO), never an exception, a hang, or an out-of-memory.
import { mkdtempSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

function scratch(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "btp-bad-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

async function timed(args: string[], cwd: string) {
  const start = performance.now();
  const r = await runCli(args, { cwd });
  return { ...r, ms: performance.now() - start };
}

describe("bad input through the CLI", () => {
  it("refuses 1 MB of random bytes quickly", async () => {
    const dir = scratch({ "noise.btp": randomBytes(1 << 20) });
    const r = await timed(["check", "noise.btp"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[BTP\d{4}\]/);
    expect(r.ms).toBeLessThan(2000);
  });

  it("diagnoses 1 MB of random printable text within 2 s", async () => {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 {}[](),;.:=+-*/#\"\n\tVAmhC%°µ";
    const bytes = randomBytes(1 << 20);
    let text = "";
    for (const b of bytes) text += alphabet[b % alphabet.length];
    const dir = scratch({ "noise.btp": text });
    const r = await timed(["check", "noise.btp"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/noise\.btp:\d+:\d+/);
    expect(r.ms).toBeLessThan(2000);
  });

  it("refuses a loop count of 10^12 within 2 s", async () => {
    const dir = scratch({ "huge.btp": "repeat 1000000000000 {\n  rest for 1 s\n}\n" });
    const r = await timed(["check", "huge.btp"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/huge\.btp:1:\d+/);
    expect(r.ms).toBeLessThan(2000);
  });

  it("refuses 10,000 nested blocks without overflowing the stack", async () => {
    const text = "repeat 2 {\n".repeat(10_000) + "rest for 1 s\n" + "}\n".repeat(10_000);
    const dir = scratch({ "deep.btp": text });
    const r = await timed(["check", "deep.btp"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deep\.btp:\d+:\d+/);
  });

  it("names an unknown unit", async () => {
    const dir = scratch({ "u.btp": "rest for 3 fortnights\n" });
    const r = await runCli(["check", "u.btp"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("u.btp:1:12"); // the caret sits under the unit itself
    expect(r.stderr).toMatch(/fortnights/);
  });

  it("reports truncated files", async () => {
    const dir = scratch({ "t.btp": 'protocol "cut short"\nrepeat 3 {\n  charge at 1 mA until 3.9' });
    const r = await runCli(["check", "t.btp"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/t\.btp:\d+:\d+/);
  });

  it("refuses a file over 16 MB without reading it whole", async () => {
    const dir = scratch({ "big.btp": Buffer.alloc(17 * 1024 * 1024, 0x20) });
    const r = await timed(["check", "big.btp"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/BTP0002/);
  });

  it("reports imports of a missing file and of itself", async () => {
    const dir = scratch({
      "missing.btp": 'import "nowhere.btp"\nrest for 1 s\n',
      "self.btp": 'import "self.btp"\nrest for 1 s\n',
      "a.btp": 'import "b.btp"\nrest for 1 s\n',
      "b.btp": 'import "a.btp"\n',
    });
    for (const file of ["missing.btp", "self.btp", "a.btp"]) {
      const r = await runCli(["check", file], { cwd: dir });
      expect(r.code, file).toBe(1);
      expect(r.stderr, file).toMatch(new RegExp(`${file.replace(".", "\\.")}:1:\\d+`));
    }
  });

  it("refuses a YAML alias bomb", async () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
      "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
      "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
      "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
      "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
      "g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
    ].join("\n");
    const dir = scratch({ "bomb.btp.yaml": bomb });
    const r = await timed(["check", "bomb.btp.yaml"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bomb\.btp\.yaml:\d+:\d+/);
    expect(r.ms).toBeLessThan(2000);
  });
});
