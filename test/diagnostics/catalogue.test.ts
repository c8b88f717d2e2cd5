import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diagnosticCatalogue } from "../../src/diagnostics/codes/index.js";
import { renderCatalogueMarkdown } from "../../src/diagnostics/catalogue-doc.js";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith(".ts") ? [full] : [];
  });
}

describe("diagnostics catalogue", () => {
  it("has unique, well-formed codes with every field filled", () => {
    const seen = new Set<string>();
    for (const c of diagnosticCatalogue) {
      expect(c.code).toMatch(/^BTP\d{4}$/);
      expect(seen.has(c.code), `duplicate ${c.code}`).toBe(false);
      seen.add(c.code);
      expect(c.title.length, c.code).toBeGreaterThan(3);
      expect(c.explanation.length, c.code).toBeGreaterThan(10);
      expect(c.bad.trim().length, c.code).toBeGreaterThan(0);
      expect(c.fix.trim().length, c.code).toBeGreaterThan(0);
    }
  });

  it("documents every code that the source emits", () => {
    const catalogued = new Set(diagnosticCatalogue.map((c) => c.code));
    const used = new Map<string, string>();
    for (const file of sourceFiles(path.join(root, "src"))) {
      if (file.includes(`${path.sep}codes${path.sep}`)) continue;
      for (const m of readFileSync(file, "utf8").matchAll(/["'`](BTP\d{4})["'`]/g)) used.set(m[1]!, path.relative(root, file));
    }
    const missing = [...used].filter(([code]) => !catalogued.has(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
  });

  it("docs/diagnostics.md is up to date (run `npm run docs`)", () => {
    const onDisk = readFileSync(path.join(root, "docs/diagnostics.md"), "utf8");
    expect(onDisk).toBe(renderCatalogueMarkdown());
  });
});
