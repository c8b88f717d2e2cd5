// The acceptance checks of the compile/import commands against the real targets, for the ones
// registered so far (each target's own tests cover its format in depth).

import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { supportOf } from "../../src/targets/common/capabilities.js";
import { extensionOf } from "../../src/targets/common/import.js";
import { findTarget } from "../../src/targets/registry.js";
import { root } from "../targets/common/fake-targets.js";
import { runCli } from "./run-cli.js";

const a06 = path.join(root, "protocols/a06-symmetric-eis-during-cycling.btp");
const a08 = path.join(root, "protocols/a08-cycling-5c-10000-cycles.btp");
const samples = "/work/shared/vendor-samples";

describe("A8 (10,000 cycles) on the cyclers", () => {
  for (const name of ["neware", "arbin", "maccor", "biologic"]) {
    it.runIf(findTarget(name))(`${name}: compiles with the cycle as a loop, every file under 50 KB`, async () => {
      const out = mkdtempSync(path.join(tmpdir(), `btp-a08-${name}-`));
      const r = await runCli(["compile", a08, "--target", name, "-o", out]);
      expect(r.stderr).not.toMatch(/error\[/);
      expect(r.code).toBe(0);
      const files = readdirSync(out);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect(statSync(path.join(out, file)).size, file).toBeLessThan(50 * 1024);
    });
  }
});

describe("A6 on LAND alone and as a plan", () => {
  it.runIf(findTarget("land"))("is refused on LAND alone at the EIS step, with a hint to plan", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "btp-a06-land-"));
    const r = await runCli(["compile", a06, "--target", "land", "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[BTP6001\]: land cannot express an impedance \(EIS\) step/);
    expect(r.stderr).toContain("a06-symmetric-eis-during-cycling.btp:35:1");
    expect(r.stderr).toContain("--plan --cycler land --potentiostat");
    expect(readdirSync(out)).toEqual([]);
  });

  it.runIf(findTarget("land") && findTarget("chi"))("gives LAND sheets, CHI macros and a run sheet in order with --plan", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "btp-a06-plan-"));
    const r = await runCli(["compile", "--plan", a06, "--cycler", "land", "--potentiostat", "chi", "-o", out]);
    expect(r.stderr).not.toMatch(/error\[/);
    expect(r.code).toBe(0);
    const files = readdirSync(out);
    const parts = (n: string) => files.filter((f) => f.includes(`-${n}-`));
    expect(parts("01")[0]).toContain("-chi");
    expect(parts("02")[0]).toContain("-land");
    expect(parts("03")[0]).toContain("-chi");
    expect(parts("04")[0]).toContain("-land");
    expect(parts("05")[0]).toContain("-chi");
    const sheet = readFileSync(path.join(out, "run-sheet.md"), "utf8");
    expect(sheet).toContain("cycles 1–10 of the 60-cycle loop");
    expect(sheet).toContain("cycles 11–60 of the 60-cycle loop");
  });
});

describe("B4 as a plan", () => {
  const b04 = path.join(root, "protocols/b04-transference-number.btp");
  it.runIf(findTarget("land") && findTarget("chi"))("runs wholly on the potentiostat, or names the step neither instrument can run", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "btp-b04-plan-"));
    const r = await runCli(["compile", "--plan", b04, "--cycler", "land", "--potentiostat", "chi", "-o", out]);
    if (supportOf(findTarget("chi")!.capabilities, "ocvRelativeVoltage") === "refused") {
      // The CHI target cannot hold at "ocv + 50 mV", and LAND has no potentiostatic hold vs OCV either.
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("error[BTP6032]: neither land nor chi can run this step");
      expect(r.stderr).toContain("b04-transference-number.btp:26:1");
      expect(readdirSync(out)).toEqual([]);
    } else {
      expect(r.code).toBe(0);
      expect(readdirSync(out).filter((f) => f.includes("-land"))).toEqual([]);
    }
  });
});

describe("btp import of the vendor samples", () => {
  for (const folder of ["biologic", "neware", "arbin", "maccor"]) {
    const target = findTarget(folder);
    const files = target ? readdirSync(path.join(samples, folder)).filter((f) => extensionOf(f) === "" || (target.importExtensions ?? []).includes(extensionOf(f))) : [];
    for (const file of files) {
      it(`${folder}/${file} imports without an error and prints a protocol`, async () => {
        const r = await runCli(["import", path.join(samples, folder, file), "--from", folder]);
        expect(r.stderr).not.toMatch(/error\[/);
        expect(r.code).toBe(0);
        expect(r.stdout).toMatch(/^# Imported by btp /);
      });
    }
  }
});
