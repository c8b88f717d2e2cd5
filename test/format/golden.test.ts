// Formatting goldens: test/format/golden/<name>.input.btp formats to <name>.output.btp exactly.
// Each pair also keeps the protocol and its comments, and the output is already formatted.
// To accept a deliberate change of style, regenerate with BTP_UPDATE_GOLDEN=1 and review the diff.

import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatBtp } from "../../src/format/index.js";
import { expectSameProtocol, filesUnder, read } from "./helpers.js";

const goldenDir = path.join(import.meta.dirname, "golden");
const inputs = filesUnder(goldenDir, ".input.btp");

describe("formatting goldens", () => {
  it("has goldens", () => {
    expect(inputs.length).toBeGreaterThanOrEqual(8);
  });

  it.each(inputs.map((file) => [path.basename(file, ".input.btp"), file] as const))("%s", async (_name, file) => {
    const input = read(file);
    const outputFile = file.replace(/\.input\.btp$/, ".output.btp");
    const output = await formatBtp(input);
    if (process.env["BTP_UPDATE_GOLDEN"] === "1") writeFileSync(outputFile, output);
    expect(output).toBe(read(outputFile));
    expect(output).not.toBe(input);
    expectSameProtocol(input, output);
    expect(await formatBtp(output)).toBe(output);
  });
});
