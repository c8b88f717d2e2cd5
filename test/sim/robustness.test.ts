// Bad and odd input never throws and never writes a non-finite number: random small protocols of
// every step kind, with odd values, on every kind of cell.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellIR, StepIR } from "../../src/ir/types.js";
import { simulate } from "../../src/sim/index.js";
import * as b from "./builder.js";

const volts = fc.double({ min: -1, max: 7, noNaN: true });
const amps = fc.double({ min: 0, max: 0.05, noNaN: true });
const seconds = fc.double({ min: 0, max: 5e4, noNaN: true });

const step: fc.Arbitrary<StepIR> = fc.oneof(
  fc.tuple(amps, volts).map(([a, v]) => b.charge(a, [b.above(v)])),
  fc.tuple(amps, volts, seconds).map(([a, v, s]) => b.discharge(a, [b.below(v), b.seconds(s)])),
  fc.tuple(volts, seconds).map(([v, s]) => b.rest([b.above(v), b.seconds(s)])),
  fc.tuple(volts, seconds, amps).map(([v, s, a]) => b.hold(v, [b.seconds(s), b.currentBelow(a)])),
  fc.tuple(amps, volts).map(([a, v]) => b.ccCv("charge", a, v, [b.currentBelow(a / 10), b.seconds(3600)])),
  fc.tuple(fc.double({ min: 0, max: 0.05, noNaN: true }), volts).map(([w, v]) => b.power("discharge", w, [b.below(v), b.seconds(3600)])),
  fc.tuple(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e7, noNaN: true })).map(([f0, f1]) => b.eis(f0, f1, 3)),
  fc
    .tuple(volts, volts, fc.double({ min: 0, max: 0.01, noNaN: true }))
    .map(([lo, hi, rate]) => b.cv(Math.min(lo, hi), Math.max(lo, hi), rate || 1e-3, 1)),
  fc
    .tuple(fc.double({ min: -80, max: 120, noNaN: true }), fc.oneof(fc.constant(null), seconds, fc.constant("stable" as const)))
    .map(([c, s]) => b.temperature(c, s)),
);

const cells: CellIR[] = [b.nvpCell(), b.pbaCell(), b.symmetricCell("CGE"), b.symmetricCell("HJ"), b.blockingCell(), b.lsvCell()];

describe("robustness", () => {
  it("never throws and never emits a non-finite number", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cells),
        fc.array(step, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 3 }),
        (cell, steps, count) => {
          const ir = b.protocol(cell, [b.loop(count, steps)]);
          let bad = 0;
          const result = simulate(
            ir,
            { maxStepDuration: 2e5 },
            {
              row: (r) => {
                if (![r.time, r.voltage, r.current, r.chargeCapacity, r.dischargeCapacity].every(Number.isFinite)) bad++;
              },
              step: (s) => {
                if (![s.startTime, s.endTime, s.endVoltage, s.chargeEnergy, s.dischargeEnergy].every(Number.isFinite)) bad++;
              },
              eis: (e) => {
                for (const p of e.points) if (!Number.isFinite(p.real) || !Number.isFinite(p.imaginary)) bad++;
              },
            },
          );
          expect(bad).toBe(0);
          for (const d of result.diagnostics) expect(d.code).toMatch(/^BTP70\d\d$/);
        },
      ),
      { numRuns: 60, seed: 20260101 },
    );
  }, 120_000);
});
