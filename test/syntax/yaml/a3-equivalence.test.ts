// The A3 protocol written in YAML must mean exactly what the bundled .btp file means: the same
// checker, fed the YAML reader's tree, must produce the same IR.

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSourceFile, checkText } from "../../../src/check/index.js";
import { validateIr } from "../../../src/ir/validate.js";
import { parseYamlProtocol } from "../../../src/syntax/yaml/index.js";

const root = path.resolve(import.meta.dirname, "../../..");
const BTP_PATH = path.join(root, "protocols/a03-rate-capability-60c.btp");
// Parsed as if it sat beside the .btp file, so that `use cell "cells/…"` resolves the same way.
const YAML_PATH = path.join(root, "protocols/a03-rate-capability-60c.yaml");

/** The IR without `span` and `source`: they name different files and positions by design. */
function withoutPlaces(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPlaces);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "span" && key !== "source")
      .map(([key, field]) => [key, withoutPlaces(field)]),
  );
}

function readFixture(): string {
  return readFileSync(path.join(import.meta.dirname, "fixtures/a03-rate-60c.yaml"), "utf8");
}

describe("A3 in YAML and in btp", () => {
  const fromBtp = checkText(readFileSync(BTP_PATH, "utf8"), BTP_PATH);
  const parsed = parseYamlProtocol(readFixture(), YAML_PATH);
  const fromYaml = checkSourceFile(parsed.file, parsed.diagnostics);

  it("reads the YAML cleanly and checks both without errors", () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(fromBtp.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(fromYaml.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(fromBtp.ir).not.toBeNull();
  });

  it("gives the same IR, and a valid one", () => {
    expect(withoutPlaces(fromYaml.ir)).toEqual(withoutPlaces(fromBtp.ir));
    expect(validateIr(fromYaml.ir).errors).toEqual([]);
    // The spans of the YAML IR point into the YAML file.
    expect(fromYaml.ir!.body[0]!.span.file).toBe(YAML_PATH);
  });

  it("gives the same warnings", () => {
    const codesOf = (ds: typeof fromBtp.diagnostics) => ds.map((d) => d.code).sort();
    expect(codesOf(fromYaml.diagnostics)).toEqual(codesOf(fromBtp.diagnostics));
  });
});
