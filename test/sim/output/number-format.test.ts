import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteWriter } from "../../../src/sim/output/byte-writer.js";
import { csvField, fixed, significant } from "../../../src/sim/output/number-format.js";

describe("noise-free number text", () => {
  it("rounds to fixed decimals and drops trailing zeros", () => {
    expect(fixed(0.1 + 0.2, 6)).toBe("0.3");
    expect(fixed(117.6 * 3.6, 6)).toBe("423.36");
    expect(fixed(-2.3, 6)).toBe("-2.3");
    expect(fixed(-0.0000004, 6)).toBe("0");
    expect(fixed(0.000001, 6)).toBe("0.000001");
    expect(fixed(12345.5, 4)).toBe("12345.5");
    expect(fixed(100, 2)).toBe("100");
    expect(significant(0.00147, 7)).toBe("0.00147");
    expect(significant(3.53e-7, 3)).toBe("0.000000353");
    expect(significant(1.5e-18, 3)).toBe("1.5e-18");
  });

  it("never prints more decimals than asked, and reads back within half a unit of the last place", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 9 }), (x, d) => {
        const text = fixed(x, d);
        const decimals = text.includes(".") ? text.split(".")[1]!.length : 0;
        return decimals <= d && Math.abs(Number(text) - x) <= 0.5 * 10 ** -d * (1 + 1e-9) + Math.abs(x) * 1e-15;
      }),
    );
  });

  it("writes the same digits straight into bytes", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "btp-bytes-"));
    const file = path.join(dir, "out.txt");
    const writer = new ByteWriter(file);
    const values = fc.sample(fc.double({ min: -5e4, max: 5e4, noNaN: true }), 2000).concat([0, -0, 1e-7, 3.9, 2.3, 0.1 + 0.2]);
    const expected: string[] = [];
    for (const x of values) {
      for (const d of [0, 4, 6, 12]) {
        writer.fixed(x, d);
        writer.byte(10);
        expected.push(fixed(x, d));
      }
    }
    writer.close();
    expect(readFileSync(file, "utf8")).toBe(expected.join("\n") + "\n");
  });

  it("quotes CSV fields only when needed", () => {
    expect(csvField("voltage ≥ 3.9 V")).toBe("voltage ≥ 3.9 V");
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
  });
});
