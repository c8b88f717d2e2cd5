import { describe, expect, it } from "vitest";
import { estimateProtocol } from "../../src/ir/estimate.js";
import { methodsParagraph } from "../../src/ir/describe.js";
import type { ProtocolIR, StepIR } from "../../src/ir/types.js";
import * as b from "./build-ir.js";

const { HOUR } = b;
const base = { span: b.SPAN, label: null, limits: {}, record: {}, ambient: 298.15 };

function paragraph(ir: ProtocolIR): string {
  return methodsParagraph(ir, estimateProtocol(ir));
}

function rateTest(options: { cycles?: number; instruments?: string[]; cell?: ProtocolIR["cell"] } = {}) {
  const rates = [0.5, 1, 2, 5, 10, 15, 20, 30];
  return b.protocol(
    [
      b.temperature(60, 2 * HOUR),
      ...b.at(
        60,
        rates.map((r) =>
          b.group(`rate = ${r}C`, [
            b.loop(options.cycles ?? 5, [
              b.charge(b.cRate(r), b.untilVolts(3.9)),
              b.discharge(b.cRate(r), b.untilVolts(2.3)),
            ]),
          ]),
        ),
      ),
    ],
    { instruments: options.instruments ?? ["LAND CT3002AU"], cell: options.cell },
  );
}

/** Numbers printed without binary residue. */
function expectNoFloatNoise(text: string) {
  expect(text).not.toMatch(/\d\.\d*(0000|9999)\d/);
}

describe("methodsParagraph", () => {
  it("a rate test reads like the paper: window, temperature, tester, rates, 1C", () => {
    const text = paragraph(rateTest());
    expect(text).toContain(
      "Galvanostatic charge–discharge tests of the Na | CGE | NVP-K0.05 coin cell (CR2032) were carried out between 2.3 and 3.9 V at 60 °C on a LAND CT3002AU battery tester.",
    );
    expect(text).toContain(
      "a rate test of five cycles at each of 0.5, 1, 2, 5, 10, 15, 20 and 30C (1C = 117.6 mA g⁻¹, i.e. 0.294 mA for this cell)",
    );
    expect(text).toContain("temperature-controlled chamber at 60 °C, allowing 2 h to settle before testing");
    expectNoFloatNoise(text);
  });

  it("comes from the IR, not from a template per protocol", () => {
    const text = paragraph(
      rateTest({
        cycles: 3,
        instruments: ["Neware BTS4000"],
        cell: b.nvpCell({ title: "NVP half cell", format: null }),
      }),
    );
    expect(text).toContain("of the NVP half cell were carried out");
    expect(text).toContain("on a Neware BTS4000 battery tester");
    expect(text).toContain("three cycles at each of");
    expect(text).not.toContain("LAND");
    const noCell = paragraph(rateTest({ cell: null }));
    expect(noCell).not.toContain("1C =");
    expect(noCell).toContain("Galvanostatic charge–discharge tests were carried out between 2.3 and 3.9 V");
  });

  it("says loop counts in words or with separators", () => {
    const ir = b.protocol(
      b.at(25, [b.loop(10_000, [b.charge(b.cRate(5), b.untilVolts(3.9)), b.discharge(b.cRate(5), b.untilVolts(2.3))])]),
    );
    expect(paragraph(ir)).toContain("The test comprised 10,000 cycles at 5C (1C = 117.6 mA g⁻¹");
    const until = b.protocol(
      b.at(25, [
        b.loop(
          10_000,
          [b.charge(b.cRate(5), b.untilVolts(3.9)), b.discharge(b.cRate(5), b.untilVolts(2.3))],
          b.fadeCondition(),
        ),
      ]),
    );
    expect(paragraph(until)).toMatch(
      /up to 10,000 cycles at 5C \(1C = [^)]*\), until discharge capacity < 80 % of cycle 1\./,
    );
  });

  it("activation then cycling, with CC-CV charging and rests", () => {
    const ir = b.protocol(
      b.at(25, [
        b.loop(3, [b.charge(b.cRate(0.1), b.untilVolts(4)), b.discharge(b.cRate(0.1), b.untilVolts(2))]),
        b.loop(700, [
          b.ccCv(b.cRate(1), 4, b.cRate(0.05)),
          b.rest(600),
          b.discharge(b.cRate(1), b.untilVolts(2)),
          b.rest(600),
        ]),
      ]),
      { instruments: ["LAND CT3002A"] },
    );
    const text = paragraph(ir);
    expect(text).toContain("between 2 and 4 V at 25 °C on a LAND CT3002A battery tester");
    expect(text).toContain(
      "The test comprised three cycles at 0.1C (1C = 117.6 mA g⁻¹, i.e. 0.294 mA for this cell), then 700 cycles at 1C, with CC-CV charging (hold at 4 V until C/20) and 10 min rests.",
    );
  });

  it("EIS before cycling and after cycles 10 and 60 of a symmetric cell", () => {
    const j = b.currentDensity(0.2);
    const ir = b.protocol(
      [
        b.temperature(25, 2 * HOUR),
        ...b.at(25, [
          b.eis(),
          b.loop(60, [
            b.charge(j, b.forSeconds(2 * HOUR)),
            b.discharge(j, b.forSeconds(2 * HOUR)),
            b.afterCycles([10, 60], [b.rest(600), b.eis()]),
          ]),
        ]),
      ],
      { cell: b.symmetricCell(), instruments: ["LAND CT3002AU", "CHI 760E"] },
    );
    const text = paragraph(ir);
    expect(text).toContain(
      "Galvanostatic plating/stripping tests of the Na | CGE | Na symmetric cell (CR2032) were carried out at 25 °C on a LAND CT3002AU battery tester.",
    );
    expect(text).toContain(
      "The test comprised EIS, then 60 cycles at 0.2 mA cm⁻², with 2 h steps and EIS after the 10th and 60th cycles.",
    );
    expect(text).toContain(
      "Electrochemical impedance spectroscopy (EIS) was measured at 25 °C from 1 MHz to 10 mHz with an amplitude of 5 mV (10 points per decade) at open circuit, before cycling and after the 10th and 60th cycles, on a CHI 760E electrochemical workstation.",
    );
  });

  it("symmetric plating/stripping at three current densities", () => {
    const ir = b.protocol(
      b.at(
        25,
        [0.2, 0.4, 0.6].map((j) =>
          b.group(`j = ${j}`, [
            b.loop(5, [
              b.charge(b.currentDensity(j), b.forSeconds(2 * HOUR)),
              b.discharge(b.currentDensity(j), b.forSeconds(2 * HOUR)),
            ]),
          ]),
        ),
      ),
      { cell: b.symmetricCell(), instruments: ["LAND CT3002AU"] },
    );
    const text = paragraph(ir);
    expect(text).toContain("plating/stripping");
    expect(text).toContain("The test comprised five cycles at each of 0.2, 0.4 and 0.6 mA cm⁻², with 2 h steps.");
    expect(text).not.toContain("1C");
    expect(text).not.toContain("between");
  });

  it("LSV alone: one sentence on the workstation", () => {
    const ir = b.protocol([], {
      cell: b.nvpCell({ kind: "lsv", title: "Na | CGE | SS cell", format: null, window: null }),
      instruments: ["CHI760"],
    });
    ir.body = [
      {
        kind: "linearSweep",
        id: "1",
        ...base,
        from: { reference: "ocv", offsetVolts: 0, text: "ocv" },
        to: { reference: "absolute", volts: 6.5, text: "6.5 V" },
        scanRate: 1e-4,
      },
    ];
    expect(paragraph(ir)).toBe(
      "Linear sweep voltammetry (LSV) of the Na | CGE | SS cell was performed from open circuit to 6.5 V at 0.1 mV s⁻¹ on a CHI760 electrochemical workstation.",
    );
  });

  it("CV at several scan rates becomes one sentence", () => {
    const ir = b.protocol([], { instruments: ["LAND CT3002A", "CHI 660E"] });
    ir.body = [0.1, 0.2, 0.4, 0.8].map((rate, i): StepIR => ({
      kind: "cyclicVoltammetry",
      id: `${i + 1}`,
      ...base,
      lower: 2,
      upper: 4,
      scanRate: rate / 1000,
      cycles: 3,
      start: { reference: "absolute", volts: 2, text: "2 V" },
    }));
    const text = paragraph(ir);
    expect(text).toContain(
      "Cyclic voltammetry (CV) of the Na | CGE | NVP-K0.05 coin cell (CR2032) was recorded between 2 and 4 V at scan rates of 0.1, 0.2, 0.4 and 0.8 mV s⁻¹ (three cycles each) on a CHI 660E electrochemical workstation.",
    );
    expect(text).not.toContain("Galvanostatic");
    expect(text).not.toContain("LAND");
  });

  it("EIS at a series of temperatures", () => {
    const ir = b.protocol(
      [25, 40, 60].map((t) => b.group(`T = ${t} °C`, [b.temperature(t, HOUR), b.eis(t + 273.15)])),
      { cell: null, instruments: ["CHI760"] },
    );
    const text = paragraph(ir);
    expect(text).toContain("(EIS) was measured at 25, 40 and 60 °C from 1 MHz to 10 mHz");
    expect(text).toContain(
      "A temperature-controlled chamber was set to 25, 40 and 60 °C in turn, allowing 1 h to settle at each.",
    );
  });

  it("a temperature shock names the temperature of each phase", () => {
    const ir = b.protocol(
      [
        b.temperature(-20, 2 * HOUR),
        ...b.at(-20, [
          b.loop(350, [b.charge(b.cRate(0.1), b.untilVolts(3.9)), b.discharge(b.cRate(0.1), b.untilVolts(2.3))]),
        ]),
        b.temperature(25, 2 * HOUR),
        ...b.at(25, [
          b.loop(1000, [b.charge(b.cRate(0.5), b.untilVolts(3.9)), b.discharge(b.cRate(0.5), b.untilVolts(2.3))]),
        ]),
      ],
      { instruments: ["LAND CT3002AU"] },
    );
    const text = paragraph(ir);
    expect(text).toContain("at −20 and 25 °C on a LAND");
    expect(text).toContain(
      "350 cycles at 0.1C (1C = 117.6 mA g⁻¹, i.e. 0.294 mA for this cell) at −20 °C, then 1,000 cycles at 0.5C at 25 °C",
    );
  });

  it("an empty protocol says so", () => {
    expect(paragraph(b.protocol([]))).toBe("The protocol contains no electrochemical steps.");
  });
});
