import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../../src/check/index.js";
import type { ProtocolIR } from "../../../src/ir/types.js";
import { printProtocol } from "../../../src/targets/btp/print.js";
import { root } from "../common/fake-targets.js";

const protocols = readdirSync(path.join(root, "protocols")).filter((f) => f.endsWith(".btp")).sort();

/** The IR without what printing cannot keep: where things were written (spans, the source file
 * name), and that a group came from a sequence call (written back as a section). Numbers are
 * rounded to 12 significant digits, as btp prints them. */
export function comparable(ir: ProtocolIR): unknown {
  return JSON.parse(
    JSON.stringify(ir, (key, value) => {
      if (key === "span" || key === "source") return undefined;
      if (key === "origin" && value === "sequence") return "section";
      if (typeof value === "number" && !Number.isInteger(value)) return Number(value.toPrecision(12));
      return value;
    }),
  );
}

describe("IR → btp → check round trip", () => {
  it("covers every bundled protocol", () => {
    expect(protocols.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of protocols) {
    it(`gives ${name} back unchanged`, () => {
      const file = path.join(root, "protocols", name);
      const first = checkText(readFileSync(file, "utf8"), file);
      expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const printed = printProtocol(first.ir!, { header: [`printed from ${name}`] });
      expect(printed.diagnostics).toEqual([]);
      const again = checkText(printed.text, path.join(root, "protocols", `printed-${name}`));
      expect(again.diagnostics.map((d) => `${d.code} ${d.span.start.line}: ${d.message}`), printed.text).toEqual([]);
      expect(comparable(again.ir!)).toEqual(comparable(first.ir!));
    });
  }
});
