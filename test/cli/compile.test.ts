import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { targets } from "../../src/targets/registry.js";
import type { Target } from "../../src/targets/target.js";
import { fakeCycler, fakePotentiostat, root } from "../targets/common/fake-targets.js";
import { runCli } from "./run-cli.js";

const cycling = `use cell "${path.join(root, "protocols/cells/na-cge-nvp.btp")}"
param passes = 10000
repeat passes {
  charge at 5C until 3.9 V
  discharge at 5C until 2.3 V
}
`;

/** The registry as the test wants it, restored afterwards. */
let saved: Target[] = [];
function useTargets(...list: Target[]): void {
  targets.splice(0, targets.length, ...list);
}
beforeEach(() => {
  saved = [...targets];
  useTargets(fakeCycler(), fakePotentiostat());
});
afterEach(() => {
  targets.splice(0, targets.length, ...saved);
});

function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "btp-compile-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Every file below a folder, relative, hidden temporaries included. */
function listing(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("btp compile --target", () => {
  it("writes the target's file, keeps the 10,000 cycles a loop, and says what it wrote", async () => {
    const dir = scratch({ "long.btp": cycling });
    const r = await runCli(["compile", "long.btp", "--target", "fakecycler", "-o", "out"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${path.join("out", "long.txt")}  (fake cycler rows)`);
    expect(r.stdout).toContain("1 emulation (listed in the file header; --explain shows them)");
    expect(readFileSync(path.join(dir, "out/long.txt"), "utf8")).toBe("1 constantCurrent\n2 constantCurrent\n3 goto 1 x10000\n");
  });

  it("applies --set before compiling", async () => {
    const dir = scratch({ "long.btp": cycling });
    const r = await runCli(["compile", "long.btp", "-t", "fakecycler", "-o", "out", "--set", "passes=3"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, "out/long.txt"), "utf8")).toContain("goto 1 x3");
  });

  it("refuses A6 on a cycler with the EIS step's span and a --plan hint, and writes nothing", async () => {
    const dir = scratch();
    const r = await runCli(["compile", path.join(root, "protocols/a06-symmetric-eis-during-cycling.btp"), "--target", "fakecycler", "-o", dir], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error\[BTP6001\]: fakecycler cannot express an impedance \(EIS\) step/);
    expect(r.stderr).toContain("a06-symmetric-eis-during-cycling.btp:35:1");
    expect(r.stderr).toContain("35 | eis from 1 MHz");
    expect(r.stderr).toContain("hint: compile with --plan --cycler fakecycler --potentiostat <name>");
    expect(listing(dir)).toEqual([]);
  });

  it("leaves no file behind when a target fails (throws, or the write fails half-way)", async () => {
    const throwing = fakeCycler({
      name: "thrower",
      compile: () => {
        throw new Error("boom");
      },
    });
    const twoFiles = fakeCycler({
      name: "twofiles",
      compile: () => ({
        files: [
          { path: "first.txt", content: new TextEncoder().encode("1"), description: "first" },
          { path: "sub/second.txt", content: new TextEncoder().encode("2"), description: "second" },
        ],
        diagnostics: [],
        emulations: [],
      }),
    });
    useTargets(throwing, twoFiles);
    const dir = scratch({ "long.btp": cycling });

    const thrown = await runCli(["compile", "long.btp", "-t", "thrower", "-o", "out"], { cwd: dir });
    expect(thrown.code).toBe(1);
    expect(thrown.stderr).toContain("error[BTP6004]: the thrower target failed on this protocol: boom");
    expect(listing(path.join(dir, "out"))).toEqual([]);

    // "sub" exists as a file, so the second file cannot be written after the first was staged.
    writeFileSync(path.join(dir, "out-sub"), "");
    mkdirSync(path.join(dir, "blocked"));
    writeFileSync(path.join(dir, "blocked/sub"), "in the way");
    const half = await runCli(["compile", "long.btp", "-t", "twofiles", "-o", "blocked"], { cwd: dir });
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/could not write to blocked: .*nothing was written/);
    expect(listing(path.join(dir, "blocked"))).toEqual(["sub"]);
  });

  it("names the unknown target and suggests the nearest", async () => {
    const r = await runCli(["compile", "x.btp", "--target", "fakecycle"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[BTP6005]: unknown target "fakecycle"');
    expect(r.stderr).toContain("fakecycler");
  });

  it("--explain lists emulations and capability notes and writes nothing", async () => {
    const dir = scratch({ "cccv.btp": `use cell "${path.join(root, "protocols/cells/na-cge-nvp.btp")}"\ncharge at 0.5C until 3.9 V then hold until C/20\n` });
    const r = await runCli(["compile", "cccv.btp", "-t", "fakecycler", "--explain", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("cccv.btp → fakecycler (Fake cycler (.txt))");
    expect(r.stdout).toMatch(/- line 2: 0\.5C resolved to 0\.147 mA/);
    expect(r.stdout).toContain("- CC-CV: emulated — written as a CC step then a CV step");
    expect(r.stdout).toContain("Loops nest at most 2 deep on this instrument.");
    expect(listing(path.join(dir, "out"))).toEqual([]);
  });
});

describe("btp compile --target all", () => {
  it("prints a protocol × target table, writes one folder per target, and exits 1 when any refused", async () => {
    const dir = scratch({ "p/long.btp": cycling, "p/eis.btp": "eis from 100 kHz to 1 Hz, amplitude 5 mV\n" });
    const r = await runCli(["compile", "p", "--target", "all", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    const table = r.stdout.split("\n");
    expect(table[0]).toMatch(/^protocol\s+fakecycler\s+fakepot$/);
    expect(table.find((l) => l.startsWith(path.join("p", "eis.btp")))).toMatch(/refused BTP6001\s+ok$/);
    expect(table.find((l) => l.startsWith(path.join("p", "long.btp")))).toMatch(/ok\s+refused BTP6001$/);
    expect(listing(path.join(dir, "out"))).toEqual([path.join("fakecycler", "long.txt"), path.join("fakepot", "eis.mac")]);
    expect(r.stdout).toContain("to see why it was refused");
  });
});

describe("btp compile --profile", () => {
  const current = (amps: string) => `rest for 1 s\ncharge at ${amps} until 3.9 V\n`;

  it("refuses a current above a user profile's range, at the step", async () => {
    const profile = JSON.stringify({ id: "small", name: "small channel", target: "fakecycler", voltage: { min: "0 V", max: "5 V" }, maxCurrent: "1 mA", source: "test" });
    const dir = scratch({ "p.btp": current("10 mA"), "small.json": profile });
    const r = await runCli(["compile", "p.btp", "--profile", "small.json", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BTP6010]: the current 10 mA is above the 1 mA the small channel can drive");
    expect(r.stderr).toContain("p.btp:2:1");
    expect(listing(path.join(dir, "out"))).toEqual([]);
  });

  it("points at the bad field of a profile file", async () => {
    const profile = '{\n  "id": "small",\n  "name": "x",\n  "target": "fakecycler",\n  "voltage": { "min": "0 V", "max": "5 V" },\n  "maxCurrent": "5 V",\n  "source": "x"\n}\n';
    const dir = scratch({ "p.btp": current("1 mA"), "bad.json": profile });
    const r = await runCli(["compile", "p.btp", "--profile", "bad.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error[BTP6017]: maxCurrent must be a current");
    expect(r.stderr).toContain("bad.json:6:17");
  });

  it("refuses an unknown built-in profile", async () => {
    const dir = scratch({ "p.btp": current("1 mA") });
    const r = await runCli(["compile", "p.btp", "-t", "fakecycler", "--profile", "chi-760"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error[BTP6015]: there is no built-in instrument profile "chi-760"');
    expect(r.stderr).toContain("chi-760e");
  });
});
