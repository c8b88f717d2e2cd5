// A small builder of hand-made IRs for the estimate and describe tests. Nodes are written
// without ids; `protocol()` numbers the tree ("1", "2.1", "2.1.3") as the checker would.

import type { Span } from "../../src/diagnostics/diagnostic.js";
import type {
  CellIR,
  CycleActionIR,
  EndConditionIR,
  GroupIR,
  LoopConditionIR,
  LoopIR,
  NodeIR,
  ProtocolIR,
  Resolved,
  StepIR,
  StopIR,
} from "../../src/ir/types.js";
import { IR_VERSION } from "../../src/ir/types.js";

export const SPAN: Span = {
  file: "test.btp",
  start: { offset: 0, line: 1, column: 1 },
  end: { offset: 1, line: 1, column: 2 },
};

/** 1 mAh in coulombs. */
export const MAH = 3.6;
export const HOUR = 3600;

/** Na | CGE | NVP-K0.05: 2.5 mg × 117.6 mAh/g = 0.294 mAh. */
export function nvpCell(overrides: Partial<CellIR> = {}): CellIR {
  return {
    name: "na-cge-nvp",
    title: "Na | CGE | NVP-K0.05 coin cell",
    kind: "full",
    format: "CR2032",
    chemistry: "Na-ion",
    nominalCapacity: 0.294 * MAH,
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
        specificCapacity: 117.6 * MAH * 1000,
        activeFraction: 0.75,
      },
    ],
    electrolyte: { material: "CGE", thickness: 1.35e-3, diameter: 15e-3, area: null },
    model: {},
    span: SPAN,
    ...overrides,
  };
}

/** Na | CGE | Na: no nominal capacity; currents by density over 1.13 cm². */
export function symmetricCell(): CellIR {
  return nvpCell({
    name: "na-cge-na",
    title: "Na | CGE | Na",
    kind: "symmetric",
    nominalCapacity: null,
    nominalCapacityDerivation: null,
    activeMass: null,
    window: null,
    electrodes: [
      {
        role: "electrode",
        material: "Na",
        activeMass: null,
        loading: null,
        specificCapacity: null,
        activeFraction: null,
      },
      {
        role: "electrode",
        material: "Na",
        activeMass: null,
        loading: null,
        specificCapacity: null,
        activeFraction: null,
      },
    ],
  });
}

type Unnumbered<T> = T extends NodeIR
  ? Omit<T, "id" | "body"> & ("body" extends keyof T ? { body: Draft[] } : unknown)
  : never;
export type Draft = Unnumbered<NodeIR>;

function stepBase(ambient: number | null = 333.15) {
  return { span: SPAN, label: null, limits: {}, record: {}, ambient };
}

export function cRate(multiple: number, nominalMah = 0.294): Resolved {
  const milliamps = multiple * nominalMah;
  return {
    si: milliamps / 1000,
    text: `${multiple}C`,
    derivation: `${multiple}C × ${nominalMah} mAh (2.5 mg × 117.6 mAh/g) = ${Number(milliamps.toPrecision(12))} mA`,
    basis: "c-rate",
    relative: multiple,
  };
}

export function currentDensity(mAPerCm2: number, areaCm2 = 1.13): Resolved {
  const milliamps = mAPerCm2 * areaCm2;
  return {
    si: milliamps / 1000,
    text: `${mAPerCm2} mA/cm2`,
    derivation: `${mAPerCm2} mA/cm² × ${areaCm2} cm² = ${Number(milliamps.toPrecision(12))} mA`,
    basis: "current-density",
    relative: mAPerCm2,
  };
}

export const untilVolts = (volts: number): EndConditionIR => ({ kind: "voltage", comparator: ">=", volts, span: SPAN });
export const forSeconds = (seconds: number): EndConditionIR => ({ kind: "time", seconds, span: SPAN });

export function charge(current: Resolved, ...ends: EndConditionIR[]): Draft {
  return { kind: "constantCurrent", ...stepBase(), direction: "charge", current, ends };
}

export function discharge(current: Resolved, ...ends: EndConditionIR[]): Draft {
  return { kind: "constantCurrent", ...stepBase(), direction: "discharge", current, ends };
}

export function rest(seconds: number): Draft {
  return { kind: "rest", ...stepBase(), ends: [forSeconds(seconds)] };
}

export function ccCv(current: Resolved, volts: number, taper: Resolved): Draft {
  return {
    kind: "ccCv",
    ...stepBase(),
    direction: "charge",
    current,
    voltage: volts,
    ccEnds: [],
    cvEnds: [{ kind: "current", comparator: "<", amperes: taper.si, resolved: taper, span: SPAN }],
  };
}

export function eis(ambient: number | null = 298.15): Draft {
  return {
    kind: "eis",
    ...stepBase(ambient),
    mode: "potentiostatic",
    startFrequency: 1e6,
    endFrequency: 0.01,
    amplitude: 0.005,
    pointsPerDecade: 10,
    bias: { reference: "ocv" },
  };
}

export function temperature(celsius: number, settleSeconds: number): Draft {
  return {
    kind: "temperature",
    ...stepBase(celsius + 273.15),
    setpoint: celsius + 273.15,
    settle: { kind: "time", seconds: settleSeconds },
  };
}

export function loop(count: number, body: Draft[], until: LoopConditionIR | null = null): Draft {
  return { kind: "loop", span: SPAN, count, until, body };
}

export function group(label: string, body: Draft[], origin: GroupIR["origin"] = "sweep"): Draft {
  return { kind: "group", span: SPAN, origin, label, body };
}

export function afterCycles(cycles: number[], body: Draft[]): Draft {
  return { kind: "cycleAction", span: SPAN, cycles, every: null, body };
}

export function everyCycles(every: number, body: Draft[]): Draft {
  return { kind: "cycleAction", span: SPAN, cycles: null, every, body };
}

export function fadeCondition(text = "discharge capacity < 80 % of cycle 1"): LoopConditionIR {
  return {
    subject: "dischargeCapacity",
    comparator: "<",
    value: null,
    fractionOfCycle: { fraction: 0.8, cycle: 1 },
    text,
    span: SPAN,
  };
}

export function stop(condition = fadeCondition()): Draft {
  return { kind: "stop", span: SPAN, condition };
}

/** Applies an ambient temperature (°C) to every step in the drafts. */
export function at(celsius: number, drafts: Draft[]): Draft[] {
  return drafts.map((d) => {
    if ("body" in d) return { ...d, body: at(celsius, d.body) } as Draft;
    return { ...d, ambient: celsius + 273.15 } as Draft;
  });
}

export function protocol(
  body: Draft[],
  options: { cell?: CellIR | null; instruments?: string[]; title?: string } = {},
): ProtocolIR {
  return {
    irVersion: IR_VERSION,
    title: options.title ?? "test protocol",
    source: "test.btp",
    metadata: { citations: [], figures: [], notes: [], instruments: options.instruments ?? [], authors: [] },
    cell: options.cell === undefined ? nvpCell() : options.cell,
    params: [],
    limits: {},
    record: {},
    body: number(body, ""),
  };
}

function number(drafts: Draft[], prefix: string): NodeIR[] {
  return drafts.map((draft, i) => {
    const id = prefix ? `${prefix}.${i + 1}` : `${i + 1}`;
    if ("body" in draft) {
      const node = { ...draft, id, body: number(draft.body, id) };
      return node as LoopIR | GroupIR | CycleActionIR;
    }
    return { ...draft, id } as StepIR | StopIR;
  });
}
