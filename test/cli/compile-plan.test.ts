import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { targets } from "../../src/targets/registry.js";
import type { Target } from "../../src/targets/target.js";
import { fakeCycler, fakePotentiostat, root } from "../targets/common/fake-targets.js";
import { runCli } from "./run-cli.js";

let saved: Target[] = [];
beforeEach(() => {
  saved = [...targets];
  targets.splice(0, targets.length, fakeCycler(), fakePotentiostat());
});
afterEach(() => {
  targets.splice(0, targets.length, ...saved);
});

const a06 = path.join(root, "protocols/a06-symmetric-eis-during-cycling.btp");

describe("btp compile --plan", () => {
  it("writes A6 as cycler and potentiostat files plus the run sheets, in order", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "btp-plan-"));
    const r = await runCli(["compile", "--plan", a06, "--cycler", "fakecycler", "--potentiostat", "fakepot", "-o", out], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "a06-symmetric-eis-during-cycling-01-fakepot.mac",
      "a06-symmetric-eis-during-cycling-02-fakecycler.txt",
      "a06-symmetric-eis-during-cycling-03-fakepot.mac",
      "a06-symmetric-eis-during-cycling-04-fakecycler.txt",
      "a06-symmetric-eis-during-cycling-05-fakepot.mac",
      "run-sheet.html",
      "run-sheet.md",
    ]);
    expect(r.stdout).toContain("5 instrument segments");
    const sheet = readFileSync(path.join(out, "run-sheet.md"), "utf8");
    const order = ["**Oven:**", "-01-fakepot.mac", "-02-fakecycler.txt", "-03-fakepot.mac", "-04-fakecycler.txt", "-05-fakepot.mac"].map((s) => sheet.indexOf(s));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it("refuses a plan whose loop cannot be split, with the loop's span, and writes nothing", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "btp-plan-"));
    const cell = path.join(root, "protocols/cells/na-cge-nvp.btp");
    const source = `use cell "${cell}"\nrepeat 100 until discharge capacity < 80 % of cycle 1 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  eis from 100 kHz to 1 Hz, amplitude 5 mV\n}\n`;
    const r = await runCli(["compile", "--plan", "-", "--cycler", "fakecycler", "--potentiostat", "fakepot", "-o", out], { stdin: source });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BTP6030]");
    expect(r.stderr).toContain("<stdin>:2:");
    expect(existsSync(path.join(out, "run-sheet.md"))).toBe(false);
  });

  it("needs both instruments and refuses the wrong kind in a role", async () => {
    expect((await runCli(["compile", "--plan", a06, "--cycler", "fakecycler"], { cwd: root })).code).toBe(2);
    const swapped = await runCli(["compile", "--plan", a06, "--cycler", "fakepot", "--potentiostat", "fakecycler"], { cwd: root });
    expect(swapped.code).toBe(1);
    expect(swapped.stderr).toContain("error[BTP6034]: --potentiostat fakecycler is not a potentiostat target");
  });
});
