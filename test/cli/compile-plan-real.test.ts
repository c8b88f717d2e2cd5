// The reference cases with the real instruments: A6 and B4 on a LAND cycler and a CHI
// workstation.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const root = path.resolve(import.meta.dirname, "../..");
const a06 = "protocols/a06-symmetric-eis-during-cycling.btp";
const b04 = "protocols/b04-transference-number.btp";

describe("btp compile --plan with LAND and CHI", () => {
  it("refuses A6 for LAND alone, pointing at the EIS step, with a hint to plan", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "btp-land-"));
    const r = await runCli(["compile", a06, "--target", "land", "-o", out], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[BTP\d{4}\]/);
    const eisLine = readFileSync(path.join(root, a06), "utf8").split("\n").findIndex((l) => /^\s*eis from/.test(l)) + 1;
    expect(r.stderr).toContain(`${a06}:${eisLine}:`);
    expect(r.stderr).toMatch(/--plan --cycler land --potentiostat/);
    expect(readdirSync(out)).toEqual([]);
  });

  it("plans A6 as CHI and LAND files plus a run sheet, in the order the cell sees them", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "btp-plan-a6-"));
    const r = await runCli(["compile", "--plan", a06, "--cycler", "land", "--potentiostat", "chi", "-o", out], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    const segments = files.filter((f) => /-\d\d-(land|chi)\./.test(f)).map((f) => f.match(/-(\d\d)-(land|chi)\./)!.slice(1).join("-"));
    // pristine EIS, cycles 1–10, EIS, cycles 11–60, EIS
    expect([...new Set(segments)]).toEqual(["01-chi", "02-land", "03-chi", "04-land", "05-chi"]);
    expect(files.some((f) => f.endsWith(".land.html"))).toBe(true);
    expect(files.some((f) => f.endsWith(".land.csv"))).toBe(true);
    expect(files.some((f) => f.endsWith(".mcr"))).toBe(true);
    const sheet = readFileSync(path.join(out, "run-sheet.md"), "utf8");
    expect(sheet).toMatch(/cycles 1–10/);
    expect(sheet).toMatch(/cycles 11–60/);
    expect(sheet.indexOf("cycles 1–10")).toBeLessThan(sheet.indexOf("cycles 11–60"));
    expect(files).toContain("run-sheet.html");
  });

  it("plans B4 on the CHI workstation, with the OCV-relative polarisation emulated for the Na | Na cell", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "btp-plan-b4-"));
    const r = await runCli(["compile", "--plan", b04, "--cycler", "land", "--potentiostat", "chi", "-o", out], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const macro = readdirSync(out).find((f) => f.endsWith(".mcr"))!;
    const text = readFileSync(path.join(out, macro), "utf8");
    expect(text).toMatch(/ocv \+ 50 mV written as 50 mV/);
    expect(text).toContain("ei: 0.05");
    expect(readdirSync(out)).toContain("run-sheet.md");
  });
});
