import { describe, expect, it } from "vitest";
import { estimateProtocol } from "../../src/ir/estimate.js";
import { describeNodeEstimate, summary } from "../../src/ir/describe.js";
import * as b from "./build-ir.js";

const { HOUR } = b;

describe("summary", () => {
  it("a rate test: about 42 hours, no upper bound, 81 steps, 23.5 mAh, 40 cycles", () => {
    const rates = [0.5, 1, 2, 5, 10, 15, 20, 30];
    const ir = b.protocol([
      b.temperature(60, 2 * HOUR),
      ...rates.map((r) =>
        b.group(`${r}C`, [
          b.loop(5, [b.charge(b.cRate(r), b.untilVolts(3.9)), b.discharge(b.cRate(r), b.untilVolts(2.3))]),
        ]),
      ),
    ]);
    const text = summary(ir, estimateProtocol(ir));
    expect(text).toContain(
      "Total duration: about 42 hours (at least 2 hours; no upper bound: steps 2.1.1, 2.1.2, 3.1.1, 3.1.2, … have no time or capacity end)",
    );
    expect(text).toContain("Step executions: 81");
    expect(text).toContain("Charge throughput: about 23.5 mAh (11.8 mAh charge, 11.8 mAh discharge)");
    expect(text).toContain("Cycles: 40");
    expect(text).toContain("passes about the nominal capacity (0.294 mAh)");
  });

  it("an exact protocol: a plain duration and no assumptions", () => {
    const j = b.currentDensity(0.2);
    const ir = b.protocol([b.loop(30, [b.charge(j, b.forSeconds(2 * HOUR)), b.discharge(j, b.forSeconds(2 * HOUR))])], {
      cell: b.symmetricCell(),
    });
    const text = summary(ir, estimateProtocol(ir));
    expect(text).toContain("Total duration: 5 days\n");
    expect(text).not.toContain("Estimates assume");
    expect(text).toContain("Cycles: 30");
  });

  it("a 10,000-cycle test with time guards: a range and thousands separators", () => {
    const ir = b.protocol([
      b.rest(HOUR),
      b.loop(10_000, [
        b.charge(b.cRate(5), b.untilVolts(3.9), b.forSeconds(15 * 60)),
        b.discharge(b.cRate(5), b.untilVolts(2.3), b.forSeconds(15 * 60)),
      ]),
    ]);
    const text = summary(ir, estimateProtocol(ir));
    // 10,000 × 24 min = 166.7 days expected; at most 10,000 × 30 min = 208.3 days.
    expect(text).toContain("Total duration: about 167 days (1 hour – 208 days)");
    expect(text).toContain("Step executions: 20,001");
    expect(text).toContain("Charge throughput: about 5,880 mAh (2,940 mAh charge, 2,940 mAh discharge)");
    expect(text).toContain("Cycles: 10,000");
  });

  it("no charge passed and no cycles for impedance alone", () => {
    const ir = b.protocol([b.eis()]);
    const text = summary(ir, estimateProtocol(ir));
    expect(text).toContain("Total duration: about 17 minutes (8.1–34 minutes)");
    expect(text).toContain("Charge throughput: none");
    expect(text).toContain("Cycles: 0");
    expect(text).toContain("EIS spends two periods at each frequency");
  });
});

describe("describeNodeEstimate (hover)", () => {
  it("a voltage-limited step in a loop: expected, bounds, passes, total and the model used", () => {
    const ir = b.protocol([b.loop(5, [b.charge(b.cRate(0.5), b.untilVolts(3.9), b.forSeconds(3 * HOUR))])]);
    const estimate = estimateProtocol(ir);
    expect(describeNodeEstimate(estimate.nodes.get("1.1")!, ir.cell)).toBe(
      "About 2 h (at most 3 h) each, 5 passes: about 10 h (at most 15 h) in total. " +
        "Estimated: a constant-current step that ends on a voltage passes about the nominal capacity (0.294 mAh): t ≈ Q / I.",
    );
  });

  it("an exact step in an until-loop", () => {
    const ir = b.protocol([b.loop(100, [b.rest(HOUR)], b.fadeCondition())]);
    const estimate = estimateProtocol(ir);
    expect(describeNodeEstimate(estimate.nodes.get("1.1")!, ir.cell)).toBe(
      "1 h each, 1 to 100 passes: about 4.17 d (at least 1 h, at most 4.17 d) in total.",
    );
  });
});
