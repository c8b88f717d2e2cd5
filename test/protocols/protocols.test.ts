// The bundled protocols of the two source papers (protocols/**) must stay clean: every file checks
// with no error and no warning, the 25 sequences A1-A16 and B1-B9 each have exactly one protocol
// file, and every protocol says where it comes from and why each assumed value was chosen.
// docs/tutorial.md ends with one of these files, byte for byte.

import { readFileSync, readdirSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFile } from "../../src/check/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { NodeIR, ProtocolIR } from "../../src/ir/types.js";

const repoRoot = resolve(import.meta.dirname, "../..");
const protocolsDir = join(repoRoot, "protocols");

/** Every .btp file under protocols/, sorted, as absolute paths. */
function listBtpFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listBtpFiles(path));
    else if (entry.name.endsWith(".btp")) found.push(path);
  }
  return found.sort();
}

/** One line per diagnostic, so that a failure shows what to fix and where. */
function describeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${relative(repoRoot, d.span.file)}:${d.span.start.line}:${d.span.start.column} ${d.severity} ${d.code} ${d.message}`)
    .join("\n");
}

const allFiles = listBtpFiles(protocolsDir);

interface Checked {
  path: string;
  ir: ProtocolIR | null;
  diagnostics: Diagnostic[];
}

const checkedCache = new Map<string, Checked>();

async function check(path: string): Promise<Checked> {
  let checked = checkedCache.get(path);
  if (!checked) {
    const result = await checkFile(path);
    checked = { path, ir: result.ir, diagnostics: result.diagnostics };
    checkedCache.set(path, checked);
  }
  return checked;
}

/** The sequence ids the two papers define (docs: /work/shared/design/seed-protocols.md). */
const expectedIds = [
  ...Array.from({ length: 16 }, (_, i) => `a${String(i + 1).padStart(2, "0")}`),
  ...Array.from({ length: 9 }, (_, i) => `b${String(i + 1).padStart(2, "0")}`),
];

function countLoops(body: readonly NodeIR[]): { loops: number; maxCount: number } {
  let loops = 0;
  let maxCount = 0;
  for (const node of body) {
    if (node.kind === "loop") {
      loops++;
      maxCount = Math.max(maxCount, node.count);
    }
    if (node.kind === "loop" || node.kind === "group" || node.kind === "cycleAction") {
      const inner = countLoops(node.body);
      loops += inner.loops;
      maxCount = Math.max(maxCount, inner.maxCount);
    }
  }
  return { loops, maxCount };
}

describe("bundled protocols", () => {
  it("finds the protocol, cell and library files", () => {
    expect(allFiles.length).toBeGreaterThanOrEqual(25);
    expect(allFiles.some((f) => f.includes(`${join("protocols", "cells")}`))).toBe(true);
    expect(allFiles.some((f) => f.includes(`${join("protocols", "lib")}`))).toBe(true);
  });

  describe.each(allFiles.map((f) => [relative(repoRoot, f), f]))("%s", (_name, path) => {
    it("checks with no error and no warning", async () => {
      const { ir, diagnostics } = await check(path);
      const problems = diagnostics.filter((d) => d.severity === "error" || d.severity === "warning");
      expect(describeDiagnostics(problems)).toBe("");
      expect(ir).not.toBeNull();
    });
  });

  it("has exactly one protocol file with steps for each of A1-A16 and B1-B9", async () => {
    const withSteps: string[] = [];
    for (const path of allFiles) {
      const { ir } = await check(path);
      if (ir && ir.body.length > 0) withSteps.push(basename(path));
    }
    expect(withSteps).toHaveLength(25);
    const ids = withSteps.map((name) => name.slice(0, 3)).sort();
    expect(ids).toEqual(expectedIds);
    for (const name of withSteps) expect(name).toMatch(/^[ab]\d\d-[a-z0-9-]+\.btp$/);
  });

  describe.each(expectedIds)("protocol %s", (id) => {
    const path = allFiles.find((f) => basename(f).startsWith(`${id}-`));

    it("exists at the top of protocols/", () => {
      expect(path).toBeDefined();
      expect(relative(protocolsDir, path!)).toBe(basename(path!));
    });

    it("starts with a header comment naming its sequence and the paper", () => {
      const text = readFileSync(path!, "utf8");
      const firstLine = text.split("\n")[0]!;
      expect(firstLine).toMatch(new RegExp(`^# ${id.toUpperCase().replace(/^([AB])0/, "$1")}: `));
      const header = text.slice(0, text.indexOf("\nprotocol "));
      expect(header.split("\n").every((line) => line.startsWith("#"))).toBe(true);
    });

    it("has a title, a citation, a figure, an instrument and a cell", async () => {
      const { ir } = await check(path!);
      expect(ir).not.toBeNull();
      expect(ir!.title).toBeTruthy();
      expect(ir!.metadata.citations.length).toBeGreaterThan(0);
      expect(ir!.metadata.citations.every((c) => c.includes("(2026)"))).toBe(true);
      expect(ir!.metadata.figures.length).toBeGreaterThan(0);
      expect(ir!.metadata.instruments.length).toBeGreaterThan(0);
      expect(ir!.cell).not.toBeNull();
    });

    it("explains every param with a comment", async () => {
      const { ir } = await check(path!);
      for (const param of ir!.params) {
        expect(param.doc, `param ${param.name} has no comment`).toBeTruthy();
      }
    });
  });

  it("cites each paper on the right protocols and names the paper's instruments", async () => {
    for (const id of expectedIds) {
      const path = allFiles.find((f) => basename(f).startsWith(`${id}-`))!;
      const { ir } = await check(path);
      const citation = ir!.metadata.citations.join(" ");
      const instruments = ir!.metadata.instruments;
      if (id.startsWith("a")) {
        expect(citation).toContain("Shen et al., Nano-Micro Lett. (2026) 18:195");
        expect(instruments.every((i) => i === "LAND CT3002AU" || i === "CHI 760E")).toBe(true);
      } else {
        expect(citation).toContain("Chem. Sci. (2026)");
        expect(instruments.every((i) => i === "LAND CT3002A" || i === "CHI 660E")).toBe(true);
      }
    }
  });

  describe.each(allFiles.filter((f) => f.includes(`${join("protocols", "cells")}`)).map((f) => [basename(f), f]))(
    "cell file %s",
    (_name, path) => {
      it("declares one cell with a kind, a format and an electrolyte, and runs nothing", async () => {
        const { ir } = await check(path);
        expect(ir!.body).toHaveLength(0);
        expect(ir!.cell).not.toBeNull();
        expect(["full", "symmetric", "blocking", "lsv"]).toContain(ir!.cell!.kind);
        expect(ir!.cell!.format).toBeTruthy();
        expect(ir!.cell!.electrolyte?.material).toBeTruthy();
        const text = readFileSync(path, "utf8");
        expect(text.match(/^cell /gm)).toHaveLength(1);
        expect(text.startsWith("# ")).toBe(true);
      });

      it("gives a full cell a window and a 1C basis", async () => {
        const { ir } = await check(path);
        if (ir!.cell!.kind !== "full") return;
        expect(ir!.cell!.window).not.toBeNull();
        expect(ir!.cell!.nominalCapacity).toBeGreaterThan(0);
      });
    },
  );

  it("resolves 1C of the Paper B cell to 2.0 mg x 171 mAh/g = 0.342 mAh", async () => {
    const path = allFiles.find((f) => basename(f).startsWith("b05-"))!;
    const { ir } = await check(path);
    // 0.342 mAh x 3.6 C/mAh = 1.2312 C
    expect(ir!.cell!.nominalCapacity).toBeCloseTo(1.2312, 6);
    expect(ir!.cell!.window).toEqual({ min: 2.0, max: 4.0 });
  });

  it("keeps the 10,000-cycle test of A8 as one loop", async () => {
    const path = allFiles.find((f) => basename(f).startsWith("a08-"))!;
    const { ir } = await check(path);
    const { loops, maxCount } = countLoops(ir!.body);
    expect(loops).toBe(1);
    expect(maxCount).toBe(10000);
  });

  it("resolves 1C of the standard Paper A cell to 2.5 mg x 117.6 mAh/g = 0.294 mAh", async () => {
    const path = allFiles.find((f) => basename(f).startsWith("a07-"))!;
    const { ir } = await check(path);
    // 0.294 mAh = 0.294e-3 A x 3600 s = 1.0584 C
    expect(ir!.cell!.nominalCapacity).toBeCloseTo(1.0584, 6);
    expect(ir!.cell!.window).toEqual({ min: 2.3, max: 3.9 });
  });

  it("resolves the high-loading cell's active mass from 7.7 mg/cm2 on 1.131 cm2", async () => {
    const path = allFiles.find((f) => basename(f).startsWith("a11-"))!;
    const { ir } = await check(path);
    // 7.7 mg/cm2 x 1.131 cm2 = 8.7087 mg; x 117.6 mAh/g = 1.0241 mAh = 3.6869 C
    expect(ir!.cell!.nominalCapacity).toBeCloseTo(8.7087e-3 * 117.6 * 3.6, 3);
  });
});

describe("docs/tutorial.md", () => {
  const readTutorial = (): string => readFileSync(join(repoRoot, "docs", "tutorial.md"), "utf8");

  it("ends with a bundled protocol, byte for byte", () => {
    const tutorial = readTutorial();
    const blocks = [...tutorial.matchAll(/```btp\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    const finished = blocks[blocks.length - 1]!;
    const bundled = readFileSync(join(protocolsDir, "a03-rate-capability-60c.btp"), "utf8");
    expect(finished).toBe(bundled);
  });

  it("quotes at most two sentences of the paper", () => {
    const tutorial = readTutorial();
    const quotes = tutorial.split("\n").filter((line) => line.startsWith("> "));
    const quoted = quotes.map((line) => line.slice(2)).join(" ");
    const sentences = quoted.split(/(?<=\.)\s+(?=[A-Z])/).filter((s) => s.trim().length > 0);
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.length).toBeLessThanOrEqual(2);
  });
});
