import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runProtocolRules } from "../../../src/check/rules/index.js";
import { codeInfo } from "../../../src/diagnostics/codes/index.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import type { EndConditionIR, LimitsIR, NodeIR } from "../../../src/ir/types.js";
import {
  above, absolute, afterCycles, amps, below, capacity, ccCv, celsius, charge, cRate, cv, discharge, eis, fadeCondition,
  forTime, fromOcv, group, hold, holdAtOcv, hours, loop, lsv, mA, nvpCell, ocv, pause, power, protocol, rest, stop, taper,
  temperature, voltage, everyCycles,
} from "./build.js";

/** Every diagnostic is catalogued with the severity it is emitted with. */
function expectCatalogued(found: readonly Diagnostic[]): void {
  for (const d of found) {
    const info = codeInfo(d.code);
    expect(info, d.code).toBeDefined();
    expect(d.severity, d.code).toBe(info!.severity);
    expect(d.message.length).toBeGreaterThan(10);
    expect(d.message).not.toMatch(/\d\.\d*0000000|\d\.\d*9999999|NaN|undefined|Infinity/);
  }
}

describe("runProtocolRules on the seed protocols", () => {
  it("finds nothing wrong with the rate capability test at 60 °C (Shen et al., A3)", () => {
    const limits: LimitsIR = { voltage: { min: 2.0, max: 4.2 } };
    const rates = [0.5, 1, 2, 5, 10, 15, 20, 30].map((rate) =>
      group([loop(5, [charge(cRate(rate), [above(3.9)], { limits }), discharge(cRate(rate), [below(2.3)], { limits })])], "sweep"),
    );
    const ir = protocol([temperature(celsius(60), { limits }), ...rates], { limits });
    expect(runProtocolRules(ir)).toEqual([]);
  });

  it("finds nothing wrong with long cycling, EIS at given cycles and a fade guard (A6, A8)", () => {
    const body: NodeIR[] = [
      eis(),
      loop(60, [charge(amps(mA(0.113)), [forTime(hours(1))]), discharge(amps(mA(0.113)), [forTime(hours(1))]), afterCycles([10, 60], [eis()])]),
      loop(10_000, [charge(cRate(5), [above(3.9)]), discharge(cRate(5), [below(2.3)]), stop()], fadeCondition()),
      ccCv("charge", cRate(0.5), 3.9, [taper(cRate(0.05).si)]),
      rest([forTime(hours(2))]),
    ];
    expect(runProtocolRules(protocol(body))).toEqual([]);
  });

  it("finds nothing wrong with activation then cycling, polarisation, CV and LSV (B2, B4, B5, A2)", () => {
    const pba = nvpCell({ title: "Na | HJ | PBA", window: { min: 2.0, max: 4.0 } });
    const activation = group([loop(3, [charge(cRate(0.1), [above(4.0)]), discharge(cRate(0.1), [below(2.0)])])], "sequence");
    const cycling = loop(700, [charge(cRate(1), [above(4.0)]), discharge(cRate(1), [below(2.0)])]);
    const techniques = [cv(2.0, 4.0, { scanRate: 1e-4 }), eis({ startFrequency: 1e5, endFrequency: 0.01 }), holdAtOcv(0.05, [forTime(hours(2))]), ocv([forTime(600)])];
    expect(runProtocolRules(protocol([activation, cycling, ...techniques], { cell: pba }))).toEqual([]);
    const lsvCell = nvpCell({ kind: "lsv", nominalCapacity: null, window: null });
    expect(runProtocolRules(protocol([lsv(fromOcv, absolute(6.5), 1e-4)], { cell: lsvCell }))).toEqual([]);
  });
});

describe("runProtocolRules", () => {
  it("runs every rule family and returns the findings in reading order", () => {
    const body: NodeIR[] = [
      loop(3, [temperature(celsius(25))]), // BTP4060
      rest([]), // BTP4001
      charge(cRate(0.5), [above(3.9)]),
      hold(4.9, [forTime(60)]), // BTP4030, BTP4020
      discharge(amps(0.05), [below(4.95)]), // BTP4010 (4.9 V hold), BTP4020, BTP4050
      eis({ amplitude: 0.2 }), // BTP4042
    ];
    const found = runProtocolRules(protocol(body));
    expect(found.map((d) => d.code)).toEqual(["BTP4060", "BTP4001", "BTP4020", "BTP4030", "BTP4010", "BTP4020", "BTP4050", "BTP4042"]);
    expectCatalogued(found);
  });

  it("does not crash or overflow the stack on absurdly deep nesting", () => {
    let body: NodeIR[] = [charge(cRate(1), [above(3.9)]), hold(4.1, [])];
    for (let depth = 0; depth < 10_000; depth++) body = [depth % 2 ? group(body) : loop(2, body)];
    const found = runProtocolRules(protocol(body));
    expect(found.map((d) => d.code)).toContain("BTP4001");
  });

  it("stays fast on a long flat protocol", () => {
    const body: NodeIR[] = [];
    for (let i = 0; i < 5_000; i++) body.push(charge(cRate(1), [above(3.9)]), hold(3.9, [taper(mA(0.01))]), discharge(cRate(1), [below(2.3)]), rest());
    const started = performance.now();
    expect(runProtocolRules(protocol(body))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("runProtocolRules on random protocols", () => {
  // Values as people write them (two or four decimals), so float residue in a message is ours.
  const volts = fc.integer({ min: -100, max: 700 }).map((x) => x / 100);
  const small = fc.integer({ min: 0, max: 1000 }).map((x) => x / 10_000);
  const frequency = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -7, max: 9 })).map(([m, e]) => m * 10 ** e);
  const kelvin = fc.integer({ min: -80, max: 120 }).map(celsius);
  const comparator = fc.constantFrom("<", "<=", ">", ">=" as const);
  const end: fc.Arbitrary<EndConditionIR> = fc.oneof(
    fc.integer({ min: 0, max: 100_000 }).map((s) => forTime(s)),
    fc.tuple(volts, comparator).map(([v, c]) => voltage(v, c)),
    small.map((a) => taper(a)),
    small.map((c) => capacity(c)),
  );
  const ends = fc.array(end, { maxLength: 3 });
  const limits: fc.Arbitrary<LimitsIR> = fc.record(
    { voltage: fc.record({ min: fc.option(volts), max: fc.option(volts) }), current: fc.record({ max: small }), temperature: fc.record({ min: fc.option(kelvin), max: fc.option(kelvin) }) },
    { requiredKeys: [] },
  );
  const direction = fc.constantFrom("charge", "discharge" as const);
  const step: fc.Arbitrary<NodeIR> = fc.oneof(
    fc.tuple(ends, limits).map(([e, l]) => rest(e, { limits: l })),
    fc.tuple(ends, limits).map(([e, l]) => ocv(e, { limits: l })),
    fc.tuple(direction, small, ends, limits).map(([d, a, e, l]) => (d === "charge" ? charge : discharge)(amps(a), e, { limits: l })),
    fc.tuple(direction, small, ends).map(([d, w, e]) => power(d, w, e)),
    fc.tuple(volts, ends, limits).map(([v, e, l]) => hold(v, e, { limits: l })),
    fc.tuple(small, ends).map(([v, e]) => holdAtOcv(v, e)),
    fc.tuple(direction, small, volts, ends, ends).map(([d, a, v, cvEnds, ccEnds]) => ccCv(d, amps(a), v, cvEnds, ccEnds)),
    fc.record({ startFrequency: frequency, endFrequency: frequency, amplitude: small, pointsPerDecade: fc.integer({ min: 0, max: 1000 }) }).map((s) => eis(s)),
    fc.tuple(volts, volts, frequency).map(([a, b, r]) => lsv(absolute(a), absolute(b), r)),
    fc.tuple(volts, volts, volts).map(([a, b, s]) => cv(a, b, { start: absolute(s) })),
    fc.tuple(kelvin, limits).map(([t, l]) => temperature(t, { limits: l })),
    fc.constant(null).map(() => pause()),
  );
  const { node } = fc.letrec<{ node: NodeIR; body: NodeIR[] }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      step,
      fc.tuple(fc.constantFrom(0, 1, 2, 10_000), tie("body"), fc.boolean()).map(([n, b, u]) => loop(n, b, u ? fadeCondition() : null)),
      tie("body").map((b) => group(b)),
      fc.tuple(fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 2 }), tie("body")).map(([cycles, b]) => afterCycles(cycles, b)),
      fc.tuple(fc.integer({ min: 1, max: 10 }), tie("body")).map(([n, b]) => everyCycles(n, b)),
      fc.constant(null).map(() => stop()),
    ),
    body: fc.array(tie("node"), { maxLength: 4 }),
  }));

  it("never throws, and every finding is catalogued and points into the protocol", () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 6 }), fc.boolean(), (body, withCell) => {
        const ir = protocol(body, { cell: withCell ? nvpCell() : null });
        const found = runProtocolRules(ir);
        expectCatalogued(found);
        for (const d of found) expect(d.span.file).toBe("test.btp");
        // Deterministic: the same IR gives the same findings.
        expect(runProtocolRules(ir)).toEqual(found);
      }),
      { numRuns: 300 },
    );
  });
});
