// Hand-built IRs for the schema tests: one protocol that uses every node kind, every end
// condition, every set-point and settle variant, and a fully described cell.

import type { Span } from "../../src/diagnostics/diagnostic.js";
import type { LimitsIR, NodeIR, ProtocolIR, RecordIR, StepIR } from "../../src/ir/types.js";
import { IR_VERSION } from "../../src/ir/types.js";

export function span(line: number, column = 1, length = 10): Span {
  const offset = (line - 1) * 40 + column - 1;
  return {
    file: "protocols/every-kind.btp",
    start: { offset, line, column },
    end: { offset: offset + length, line, column: column + length },
  };
}

const limits: LimitsIR = { voltage: { min: 2.0, max: 4.2 }, current: { max: 0.01 } };
const record: RecordIR = { time: 30, voltage: 0.005 };
const cRate = (multiple: number) => ({
  si: multiple * 0.000294,
  text: `${multiple}C`,
  derivation: `${multiple}C × 0.294 mAh = ${multiple * 0.294} mA`,
  basis: "c-rate" as const,
  relative: multiple,
});

function base(id: string, line: number) {
  return { id, span: span(line), label: null, limits, record, ambient: 333.15 };
}

/** Every step kind, in the order of the StepIR union. */
export function everyStep(): StepIR[] {
  return [
    { kind: "rest", ...base("2", 2), ends: [{ kind: "time", seconds: 7200, span: span(2, 6) }] },
    {
      kind: "ocv",
      ...base("3", 3),
      ends: [{ kind: "temperature", comparator: ">=", kelvin: 298.15, span: span(3, 5) }],
    },
    {
      kind: "constantCurrent",
      ...base("4", 4),
      label: "formation charge",
      direction: "charge",
      current: cRate(0.5),
      ends: [
        { kind: "voltage", comparator: ">=", volts: 3.9, span: span(4, 20) },
        { kind: "capacity", coulombs: 1.0584, resolved: { si: 1.0584, text: "0.294 mAh" }, span: span(4, 30) },
      ],
    },
    {
      kind: "constantPower",
      ...base("5", 5),
      direction: "discharge",
      power: { si: 0.01, text: "10 mW" },
      ends: [{ kind: "voltage", comparator: "<=", volts: 2.3, span: span(5, 20) }],
    },
    {
      kind: "constantVoltage",
      ...base("6", 6),
      voltage: { reference: "ocv", offsetVolts: 0.05, text: "ocv + 50 mV" },
      ends: [
        {
          kind: "current",
          comparator: "<",
          amperes: 0.0000147,
          resolved: { si: 0.0000147, text: "C/20", basis: "c-rate", relative: 0.05 },
          span: span(6, 30),
        },
      ],
    },
    {
      kind: "ccCv",
      ...base("7", 7),
      direction: "charge",
      current: cRate(1),
      voltage: 3.9,
      ccEnds: [{ kind: "time", seconds: 3600, span: span(7, 20) }],
      cvEnds: [
        {
          kind: "current",
          comparator: "<",
          amperes: 0.0000147,
          resolved: { si: 0.0000147, text: "C/20" },
          span: span(7, 40),
        },
      ],
    },
    {
      kind: "eis",
      ...base("8", 8),
      mode: "potentiostatic",
      startFrequency: 1e6,
      endFrequency: 0.01,
      amplitude: 0.005,
      pointsPerDecade: 10,
      bias: { reference: "ocv" },
    },
    {
      kind: "eis",
      ...base("9", 9),
      mode: "galvanostatic",
      startFrequency: 1e5,
      endFrequency: 0.1,
      amplitude: 0.0001,
      pointsPerDecade: 6,
      bias: { reference: "absolute", value: 0 },
    },
    {
      kind: "linearSweep",
      ...base("10", 10),
      from: { reference: "ocv", offsetVolts: 0, text: "ocv" },
      to: { reference: "absolute", volts: 6.5, text: "6.5 V" },
      scanRate: 0.0001,
    },
    {
      kind: "cyclicVoltammetry",
      ...base("11", 11),
      lower: 2,
      upper: 4,
      scanRate: 0.0001,
      cycles: 3,
      start: { reference: "ocv", offsetVolts: 0, text: "ocv" },
    },
    { kind: "temperature", ...base("12", 12), setpoint: 333.15, settle: { kind: "time", seconds: 7200 } },
    { kind: "temperature", ...base("13", 13), setpoint: 298.15, settle: { kind: "stable" } },
    { kind: "temperature", ...base("14", 14), ambient: null, setpoint: 253.15, settle: { kind: "none" } },
    { kind: "pause", ...base("15", 15), message: "Move the cell to the potentiostat" },
  ];
}

/** The structure kinds, nested: a loop holding a cycle action, a stop and a group. */
export function everyStructure(): NodeIR[] {
  const charge = everyStep()[2]!;
  return [
    {
      kind: "loop",
      id: "16",
      span: span(16),
      count: 1000,
      until: {
        subject: "dischargeCapacity",
        comparator: "<",
        value: null,
        fractionOfCycle: { fraction: 0.8, cycle: 1 },
        text: "discharge capacity < 80 % of cycle 1",
        span: span(16, 12),
      },
      body: [
        { ...charge, id: "16.1" },
        { kind: "cycleAction", id: "16.2", span: span(18), cycles: [10, 60], every: null, body: [] },
        { kind: "cycleAction", id: "16.3", span: span(19), cycles: null, every: 100, body: [{ ...charge, id: "16.3.1" }] },
        {
          kind: "stop",
          id: "16.4",
          span: span(20),
          condition: {
            subject: "endVoltage",
            comparator: "<",
            value: 2.0,
            fractionOfCycle: null,
            text: "end voltage < 2 V",
            span: span(20, 9),
          },
        },
      ],
    },
    { kind: "loop", id: "17", span: span(22), count: 3, until: null, body: [] },
    {
      kind: "group",
      id: "18",
      span: span(23),
      origin: "sweep",
      label: "rate = 0.5C",
      body: [{ ...charge, id: "18.1" }],
    },
  ];
}

export function everyKindProtocol(): ProtocolIR {
  return {
    irVersion: IR_VERSION,
    title: "Every node kind",
    source: "protocols/every-kind.btp",
    metadata: {
      citations: ["Shen et al., Nano-Micro Lett. 18:195 (2026)"],
      figures: ["3e", "S8"],
      notes: ["1C from 117.6 mAh/g"],
      instruments: ["LAND CT3002AU"],
      authors: [],
    },
    cell: {
      name: "na_cge_nvp",
      title: "Na | CGE | NVP-K0.05 coin cell",
      kind: "full",
      format: "CR2032",
      chemistry: "Na-ion",
      nominalCapacity: 1.0584,
      nominalCapacityDerivation: "2.5 mg × 117.6 mAh/g = 0.294 mAh",
      area: 1.13e-4,
      activeMass: 2.5e-6,
      window: { min: 2.3, max: 3.9 },
      electrodes: [
        {
          role: "cathode",
          material: "NVP-K0.05",
          activeMass: 2.5e-6,
          loading: null,
          specificCapacity: 423360,
          activeFraction: 0.75,
        },
        { role: "anode", material: "Na", activeMass: null, loading: null, specificCapacity: null, activeFraction: null },
      ],
      electrolyte: { material: "CGE", thickness: 0.00135, diameter: 0.015, area: null },
      model: { r_ohm: 5, kinetics: "butler-volmer" },
      span: span(1),
    },
    params: [
      { name: "cycles_per_rate", text: "5", si: 5, doc: "not stated in the paper", overridden: false, span: span(1, 7) },
      { name: "rates", text: "[0.5C, 1C]", si: null, doc: null, overridden: true, span: span(1, 7) },
    ],
    limits,
    record,
    body: [...everyStep(), ...everyStructure()],
  };
}

/** A deep copy that is safe to mutate in a test. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
