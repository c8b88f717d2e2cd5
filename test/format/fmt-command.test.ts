// `btp fmt` driven in-process as a user would from a shell: in place, --check, stdin, and the
// exit codes 0 (fine), 1 (not formatted / syntax errors), 2 (usage and IO).

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../cli/run-cli.js";

const MESSY = "REPEAT 2 {rest for 1h}\n";
const TIDY = "repeat 2 { rest for 1 h }\n";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "btp-fmt-"));
  mkdirSync(path.join(dir, "sub"));
  writeFileSync(path.join(dir, "messy.btp"), MESSY);
  writeFileSync(path.join(dir, "sub", "tidy.btp"), TIDY);
  writeFileSync(path.join(dir, "sub", "yaml.btp.yaml"), "steps: []\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fileText = (name: string) => readFileSync(path.join(dir, name), "utf8");
const fmt = (args: string[], stdin?: string) => runCli(["fmt", ...args], { cwd: dir, stdin, env: { NO_COLOR: "1" } });

describe("btp fmt", () => {
  it("formats the .btp files of a directory in place, skipping YAML", async () => {
    const r = await fmt(["."]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Formatted 2 files: 1 changed.\n");
    expect(fileText("messy.btp")).toBe(TIDY);
    expect(fileText("sub/tidy.btp")).toBe(TIDY);
    expect(fileText("sub/yaml.btp.yaml")).toBe("steps: []\n");
  });

  it("--check writes nothing, lists what would change, exits 1", async () => {
    const r = await fmt(["--check", "."]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BTP8001]: this file is not formatted");
    expect(r.stderr).toContain("messy.btp:1:1");
    expect(r.stderr).not.toContain("tidy.btp");
    expect(r.stdout).toBe("Checked 2 files: 1 file needs formatting.\n");
    expect(fileText("messy.btp")).toBe(MESSY);
  });

  it("--check passes once formatted", async () => {
    await fmt(["."]);
    const r = await fmt(["--check", "."]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("Checked 2 files: all formatted.\n");
  });

  it("points --check at the first line that would change", async () => {
    writeFileSync(path.join(dir, "late.btp"), "rest for 1 h\nrest for 2 h\nrest  for 3 h\n");
    const r = await fmt(["--check", "late.btp"]);
    expect(r.stderr).toContain("late.btp:3:1");
  });

  it("leaves a file with syntax errors alone and shows them, exit 1", async () => {
    writeFileSync(path.join(dir, "bad.btp"), "rest   for 1 h\nbogus thing\n");
    const r = await fmt(["bad.btp", "messy.btp"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BTP1010]: unknown statement `bogus`");
    expect(r.stderr).toContain("bad.btp:2:1");
    expect(fileText("bad.btp")).toBe("rest   for 1 h\nbogus thing\n");
    expect(fileText("messy.btp")).toBe(TIDY);
    expect(r.stdout).toBe("Formatted 2 files: 1 changed; 1 file was not formatted (see above).\n");
  });

  it("refuses a YAML file or a missing path by name, exit 2", async () => {
    const yaml = await fmt(["sub/yaml.btp.yaml"]);
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toContain("error[BTP8003]");
    const missing = await fmt(["nothere.btp"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("BTP0001");
  });

  it("formats stdin to stdout", async () => {
    const r = await fmt(["-"], MESSY);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(TIDY);
  });

  it("checks stdin with --check, naming it by --stdin-filepath", async () => {
    const r = await fmt(["--check", "--stdin-filepath", "piped.btp", "-"], MESSY);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("piped.btp:1:1");
    expect((await fmt(["--check", "-"], TIDY)).code).toBe(0);
  });

  it("reports syntax errors on stdin, exit 1", async () => {
    const r = await fmt(["-"], "bogus thing\n");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("<stdin>:1:1");
  });

  it("takes stdin only alone", async () => {
    const r = await fmt(["-", "messy.btp"]);
    expect(r.code).toBe(2);
  });
});
