// docs/yaml.md must not lie: every YAML example in it reads cleanly, and the full example checks.

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSourceFile } from "../../../src/check/index.js";
import { parseYamlProtocol } from "../../../src/syntax/yaml/index.js";

const root = path.resolve(import.meta.dirname, "../../..");
const doc = readFileSync(path.join(root, "docs/yaml.md"), "utf8");
const examples = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("docs/yaml.md", () => {
  it("has examples", () => {
    expect(examples.length).toBeGreaterThan(5);
  });

  it.each(examples.map((text) => [text.split("\n")[0]!, text] as const))("reads the example starting `%s`", (_first, text) => {
    const { diagnostics } = parseYamlProtocol(text, "docs/example.yaml");
    expect(diagnostics).toEqual([]);
  });

  it("the full example checks without errors (placed beside the bundled protocols)", () => {
    const parsed = parseYamlProtocol(examples[0]!, path.join(root, "protocols/docs-example.yaml"));
    const result = checkSourceFile(parsed.file, parsed.diagnostics);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.ir?.body.length).toBeGreaterThan(0);
  });
});
