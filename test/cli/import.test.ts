import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkText } from "../../src/check/index.js";
import type { ProtocolIR } from "../../src/ir/types.js";
import { targets } from "../../src/targets/registry.js";
import type { Target } from "../../src/targets/target.js";
import { bundled, fakeImporter, fakeCycler } from "../targets/common/fake-targets.js";
import { runCli } from "./run-cli.js";

let saved: Target[] = [];
beforeEach(() => {
  saved = [...targets];
  targets.splice(0, targets.length, fakeCycler(), fakeImporter());
});
afterEach(() => {
  targets.splice(0, targets.length, ...saved);
});

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "btp-import-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe("btp import", () => {
  it("prints a readable protocol with a header naming the source, which checks clean", async () => {
    const ir = bundled("a06-symmetric-eis-during-cycling.btp");
    const dir = scratch({ "a06.fakeir": JSON.stringify(ir) });
    const r = await runCli(["import", "a06.fakeir"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Imported by btp .* from a06\.fakeir \(Fake IR files \(\.fakeir\)\)\.\n# note: read by the fake importer\n/);
    expect(r.stdout).toContain("repeat 60 {\n");
    expect(r.stdout).toContain("  after cycles 10, 60 {\n");
    expect(r.stdout).toContain("    charge at 0.2 mA/cm2 for 2 h\n");
    const again = checkText(r.stdout, path.join(dir, "a06.btp"));
    expect(again.diagnostics).toEqual([]);
    expect(r.stderr).toContain("info[BTP6042]: read by the fake importer");
  });

  it("writes -o atomically and reports it", async () => {
    const dir = scratch({ "p.fakeir": JSON.stringify(bundled("b04-transference-number.btp")) });
    const r = await runCli(["import", "p.fakeir", "-o", "p.btp"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("wrote p.btp (imported with fakeir)");
    expect(readFileSync(path.join(dir, "p.btp"), "utf8")).toContain("hold at ocv + 50 mV for 2 h, record every 1 s, label \"polarisation\"");
  });

  it("warns when the imported protocol does not check clean, and still writes it", async () => {
    const ir = bundled("b04-transference-number.btp");
    const broken: ProtocolIR = { ...ir, body: [{ ...(ir.body[0] as Extract<ProtocolIR["body"][number], { kind: "ocv" }>), ends: [] }] };
    const dir = scratch({ "p.fakeir": JSON.stringify(broken) });
    const r = await runCli(["import", "p.fakeir", "-o", "p.btp"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning\[BTP6043\]: the imported protocol does not check clean: 1 problem, the first: .* \(line \d+\)/);
    expect(readFileSync(path.join(dir, "p.btp"), "utf8")).toContain("\nocv\n");
  });

  it("says when no importer recognises a file, and when a target has none", async () => {
    const dir = scratch({ "x.bin": "garbage", "x.fakeir": "not json" });
    const unknown = await runCli(["import", "x.bin"], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("error[BTP6040]: no importer recognises x.bin");
    expect(unknown.stderr).toContain(".fakeir");
    const bad = await runCli(["import", "x.fakeir"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("x.fakeir is not fake IR");
    const none = await runCli(["import", "x.fakeir", "--from", "fakecycler"], { cwd: dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("error[BTP6041]: the fakecycler target cannot read files back");
  });

  it("turns an importer that throws into a diagnostic", async () => {
    targets.splice(0, targets.length, fakeImporter({ import: () => { throw new RangeError("deep"); } }));
    const dir = scratch({ "x.fakeir": "{}" });
    const r = await runCli(["import", "x.fakeir"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BTP6004]: the fakeir importer failed on x.fakeir: deep");
  });

  it("refuses a missing file and a directory", async () => {
    expect((await runCli(["import", "no/such.mps"])).code).toBe(2);
    expect((await runCli(["import", tmpdir()])).code).toBe(2);
  });
});
