// Every bundled protocol that checks cleanly must produce an IR that fits the IR schema: the
// checker and the schema describe the same thing.

import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFile } from "../../src/check/index.js";
import { validateIr } from "../../src/ir/validate.js";

const protocolsDir = path.resolve(import.meta.dirname, "../../protocols");
const protocols = readdirSync(protocolsDir)
  .filter((name) => name.endsWith(".btp"))
  .sort();

describe("the IR of every bundled protocol fits the schema", () => {
  let validated = 0;

  it.each(protocols)("%s", (name) => {
    const result = checkFile(path.join(protocolsDir, name));
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    // A protocol with errors has no IR; its errors are the protocol tests' business.
    if (errors.length > 0) return;
    expect(result.ir).not.toBeNull();
    expect(validateIr(result.ir).errors).toEqual([]);
    // JSON is how an IR travels: it must survive the trip unchanged and still be valid.
    expect(validateIr(JSON.parse(JSON.stringify(result.ir))).errors).toEqual([]);
    validated++;
  });

  it("validated most of them (the rest have errors of their own)", () => {
    expect(validated).toBeGreaterThan(protocols.length / 2);
  });
});
