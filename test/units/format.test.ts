import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/units/format.js";

describe("formatNumber", () => {
  it.each([
    [117.6 * 3.6, "423.36"],
    [0.1 + 0.2, "0.3"],
    [1.1 * 1.1, "1.21"],
    [0.000147, "0.000147"],
    [1e-6, "0.000001"],
    [1.5e-9, "1.5e-9"],
    [1e15, "1000000000000000"],
    [2e20, "2e20"],
    [-3.9, "-3.9"],
    [-0, "0"],
    [0, "0"],
    [10, "10"],
    [2.5, "2.5"],
    [1 / 3, "0.333333333333"],
    [-1e-20, "-1e-20"],
    [123456789012345.6, "123456789012000"],
  ])("formats %d as %s", (x, text) => {
    expect(formatNumber(x)).toBe(text);
  });

  it("rounds to the requested significant digits", () => {
    expect(formatNumber(1 / 3, 3)).toBe("0.333");
    expect(formatNumber(41.6666666, 3)).toBe("41.7");
    expect(formatNumber(0.000123456, 2)).toBe("0.00012");
  });

  it("clamps nonsense digit counts instead of throwing", () => {
    expect(formatNumber(1 / 3, 0)).toBe("0.3");
    expect(formatNumber(1 / 3, 100)).toBe("0.333333333333333");
    expect(formatNumber(1 / 3, Number.NaN)).toBe("0.333333333333");
  });

  it("the noise pattern used below does catch raw float residue", () => {
    expect(String(0.1 + 0.2)).toMatch(/\.\d*[1-9](0{6,}|9{6,})[1-9]/);
    expect(String(117.6 * 3)).toMatch(/\.\d*[1-9](0{6,}|9{6,})[1-9]/);
  });

  it("names non-finite values", () => {
    expect(formatNumber(Number.NaN)).toBe("NaN");
    expect(formatNumber(Infinity)).toBe("Infinity");
    expect(formatNumber(-Infinity)).toBe("-Infinity");
  });

  it("is stable: formatting the parsed output gives the same text", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const once = formatNumber(x);
        expect(formatNumber(Number.parseFloat(once))).toBe(once);
      }),
    );
  });

  it("uses plain decimals exactly between 1e-6 and 1e15", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = formatNumber(x);
        const magnitude = Math.abs(Number(text));
        if (magnitude === 0) expect(text).toBe("0");
        else expect(text.includes("e")).toBe(magnitude < 1e-6 || magnitude > 1e15);
        expect(text).not.toMatch(/\.\d*0$|\.$|e\+/);
      }),
    );
  });

  // Sums and products of short decimals such as a lab writes (117.6, 0.294, 2.5e-3) are exact
  // decimals with few digits; the printed text must be exactly that decimal, with no residue.
  const shortDecimal = fc.record({
    digits: fc.integer({ min: -99_999, max: 99_999 }),
    places: fc.integer({ min: 0, max: 6 }),
  });

  function exactDecimal(numerator: bigint, places: number): string {
    const negative = numerator < 0n;
    const text = (negative ? -numerator : numerator).toString().padStart(places + 1, "0");
    const whole = text.slice(0, text.length - places);
    const fraction = text.slice(text.length - places).replace(/0+$/, "");
    const result = fraction ? `${whole}.${fraction}` : whole;
    return negative && result !== "0" ? `-${result}` : result;
  }

  it("prints sums and products of short decimals without float noise", () => {
    fc.assert(
      fc.property(shortDecimal, shortDecimal, (a, b) => {
        const x = a.digits / 10 ** a.places;
        const y = b.digits / 10 ** b.places;
        const places = Math.max(a.places, b.places);
        const sum =
          BigInt(a.digits) * 10n ** BigInt(places - a.places) + BigInt(b.digits) * 10n ** BigInt(places - b.places);
        const product = BigInt(a.digits) * BigInt(b.digits);
        const expectedSum = exactDecimal(sum, places);
        const expectedProduct = exactDecimal(product, a.places + b.places);
        // Subtracting nearly equal numbers (1.2345 - 1.2344) cancels digits and leaves residue
        // that no rounding at 12 digits can hide; that is arithmetic, not printing, so skip it.
        const mildCancellation = Math.abs(x + y) >= 1e-3 * Math.max(Math.abs(x), Math.abs(y));
        const printable = (text: string) => Number(text) === 0 || Math.abs(Number(text)) >= 1e-6;
        if (mildCancellation && printable(expectedSum)) expect(formatNumber(x + y)).toBe(expectedSum);
        if (printable(expectedProduct)) expect(formatNumber(x * y)).toBe(expectedProduct);
        const results = [formatNumber(x * y), formatNumber(x * 3.6), formatNumber(x / 1000)];
        if (mildCancellation) results.push(formatNumber(x + y));
        for (const text of results) {
          // Residue looks like a significant digit, a long run of 0s or 9s, then another digit.
          expect(text).not.toMatch(/\.\d*[1-9](0{6,}|9{6,})[1-9]/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
