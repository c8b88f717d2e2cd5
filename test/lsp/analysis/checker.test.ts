// Checks in the background: coalesced per document, and stopped when they run away.

import path from "node:path";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BackgroundChecker as SourceChecker } from "../../../src/lsp/analysis/checker.js";
import type { Analysis, EstimateReport } from "../../../src/lsp/analysis/types.js";
import { ROOT } from "../harness.js";

function collector() {
  const analyses: Analysis[] = [];
  const estimates: EstimateReport[] = [];
  let wake: (() => void) | null = null;
  return {
    analyses,
    estimates,
    listener: {
      analysis: (a: Analysis) => {
        analyses.push(a);
        wake?.();
      },
      estimates: (e: EstimateReport) => estimates.push(e),
    },
    async until(test: () => boolean, timeoutMs = 20_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!test()) {
        if (Date.now() > deadline) throw new Error("timed out");
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

describe("BackgroundChecker", () => {
  it("checks in the server's thread when run from sources, and skips versions superseded while waiting", async () => {
    const results = collector();
    const checker = new SourceChecker(results.listener, { inProcess: true });
    expect(checker.usesWorker).toBe(false);
    for (let version = 1; version <= 5; version++) checker.request({ path: "/lab/a.btp", version, text: `rest for ${version} h\n` });
    await results.until(() => results.analyses.some((a) => a.version === 5));
    expect(results.analyses.map((a) => a.version)).toEqual([1, 5]);
    expect(results.analyses.every((a) => a.checkDiagnostics.length === 0 && a.parseDiagnostics.length === 0)).toBe(true);
    await results.until(() => results.estimates.length === 2);
    checker.dispose();
  });

  const built = path.join(ROOT, "dist", "src", "lsp", "analysis", "checker.js");
  it.skipIf(!existsSync(built))("stops a check that runs longer than allowed (BTP8051) and carries on with a fresh worker", async () => {
    const { BackgroundChecker } = (await import(built)) as { BackgroundChecker: typeof SourceChecker };
    const results = collector();
    const slow = new BackgroundChecker(results.listener, { timeoutMs: 1 });
    expect(slow.usesWorker).toBe(true);
    const big = "rest for 1 h\n".repeat(20_000);
    slow.request({ path: "/lab/big.btp", version: 1, text: big });
    await results.until(() => results.analyses.length === 1);
    expect(results.analyses[0]!.checkDiagnostics.map((d) => d.code)).toEqual(["BTP8051"]);
    slow.dispose();

    const normal = new BackgroundChecker(results.listener);
    normal.request({ path: "/lab/ok.btp", version: 2, text: "rest for 1 h\nrest\n" });
    await results.until(() => results.analyses.length === 2);
    expect(results.analyses[1]!.checkDiagnostics.map((d) => d.code)).toEqual(["BTP4001"]);
    normal.dispose();
  });
});
