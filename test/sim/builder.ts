// Hand-built protocol IRs for the simulator tests: the cells of the two papers and terse step
// constructors, so a test reads like the protocol it runs.

import type { Span } from "../../src/diagnostics/diagnostic.js";
import type { CellIR, ComparatorIR, EndConditionIR, LimitsIR, LoopConditionIR, NodeIR, ProtocolIR, StepIR } from "../../src/ir/types.js";
import { IR_VERSION } from "../../src/ir/types.js";
import type { CycleSummary, EisSpectrum, StepRecord, TraceRow, TraceSink, VoltammogramPoint } from "../../src/sim/types.js";

export const span: Span = { file: "test.btp", start: { offset: 0, line: 1, column: 1 }, end: { offset: 1, line: 1, column: 2 } };

const MG = 1e-6;
const MAH_PER_G = 3600;
const CM2 = 1e-4;
const DISC_15MM = Math.PI * 0.0075 ** 2;

function baseCell(name: string, kind: CellIR["kind"]): CellIR {
  return {
    name,
    title: null,
    kind,
    format: "CR2032",
    chemistry: null,
    nominalCapacity: null,
    nominalCapacityDerivation: null,
    area: null,
    activeMass: null,
    window: null,
    electrodes: [],
    electrolyte: null,
    model: {},
    span,
  };
}

/** Na | CGE | NVP-K0.05 as in protocols/cells/na-cge-nvp.btp: 2.5 mg, 1C = 117.6 mAh/g. */
export function nvpCell(changes: Partial<CellIR> = {}): CellIR {
  const mass = 2.5 * MG;
  return {
    ...baseCell("na_cge_nvp", "full"),
    chemistry: "Na metal | ceramic-gel electrolyte | NVP-K0.05",
    nominalCapacity: 117.6 * MAH_PER_G * mass,
    area: 1.131 * CM2,
    activeMass: mass,
    window: { min: 2.3, max: 3.9 },
    electrodes: [
      {
        role: "cathode",
        material: "Na2.95K0.05V2(PO4)3",
        activeMass: mass,
        loading: null,
        specificCapacity: 117.6 * MAH_PER_G,
        activeFraction: 0.75,
      },
    ],
    electrolyte: { material: "3D-ordered Na3Zr2Si2PO12 framework filled with TPGDA gel", thickness: 1.35e-3, diameter: 0.015, area: null },
    ...changes,
  };
}

/** Na | HJ | PBA as in protocols/cells/na-hj-pba.btp: 2.0 mg, 1C = 171 mAh/g. */
export function pbaCell(changes: Partial<CellIR> = {}): CellIR {
  const mass = 2.0 * MG;
  return {
    ...baseCell("na_hj_pba", "full"),
    chemistry: "Na metal | Janus honeycomb gel electrolyte | Prussian blue analogue",
    nominalCapacity: 171 * MAH_PER_G * mass,
    area: 1.131 * CM2,
    activeMass: mass,
    window: { min: 2.0, max: 4.0 },
    electrodes: [
      {
        role: "cathode",
        material: "Na1.53Fe[Fe(CN)6]",
        activeMass: mass,
        loading: null,
        specificCapacity: 171 * MAH_PER_G,
        activeFraction: 0.8,
      },
    ],
    electrolyte: { material: "PVDF-HFP / ZSM-5 Janus honeycomb film", thickness: null, diameter: null, area: null },
    ...changes,
  };
}

export function symmetricCell(electrolyte: "CGE" | "HJ" = "CGE"): CellIR {
  return {
    ...baseCell(`na_${electrolyte.toLowerCase()}_na`, "symmetric"),
    chemistry:
      electrolyte === "CGE" ? "Na metal | ceramic-gel electrolyte | Na metal" : "Na metal | Janus honeycomb gel electrolyte | Na metal",
    area: electrolyte === "CGE" ? 1.131 * CM2 : null,
    electrolyte:
      electrolyte === "CGE"
        ? { material: "CGE", thickness: 1.35e-3, diameter: 0.015, area: null }
        : { material: "HJ film", thickness: null, diameter: null, area: null },
  };
}

export function blockingCell(): CellIR {
  return {
    ...baseCell("ss_cge_ss", "blocking"),
    chemistry: "stainless steel | ceramic-gel electrolyte | stainless steel",
    area: DISC_15MM,
    electrolyte: { material: "CGE", thickness: 1.35e-3, diameter: 0.015, area: null },
  };
}

export function lsvCell(electrolyte = "ceramic-gel electrolyte"): CellIR {
  return {
    ...baseCell("na_el_ss", "lsv"),
    chemistry: `Na metal | ${electrolyte} | stainless steel`,
    electrolyte: { material: electrolyte, thickness: 1.35e-3, diameter: 0.015, area: null },
  };
}

// ---------------------------------------------------------------------------------------------
// Steps

interface Common {
  limits?: LimitsIR;
  ambientCelsius?: number | null;
  label?: string;
}

function base(common: Common = {}) {
  return {
    id: "",
    span,
    label: common.label ?? null,
    limits: common.limits ?? {},
    record: {},
    ambient: common.ambientCelsius === undefined || common.ambientCelsius === null ? null : common.ambientCelsius + 273.15,
  };
}

export const voltage = (comparator: ComparatorIR, volts: number): EndConditionIR => ({ kind: "voltage", comparator, volts, span });
export const above = (volts: number): EndConditionIR => voltage(">=", volts);
export const below = (volts: number): EndConditionIR => voltage("<=", volts);
export const seconds = (s: number): EndConditionIR => ({ kind: "time", seconds: s, span });
export const hours = (h: number): EndConditionIR => seconds(h * 3600);
export const currentBelow = (amperes: number, text = ""): EndConditionIR => ({
  kind: "current",
  comparator: "<=",
  amperes,
  resolved: { si: amperes, text: text || `${amperes} A` },
  span,
});
export const capacity = (coulombs: number): EndConditionIR => ({
  kind: "capacity",
  coulombs,
  resolved: { si: coulombs, text: `${coulombs} C` },
  span,
});

/** Amperes of a C-rate for a cell. */
export function cRate(cell: CellIR, c: number): number {
  return (c * cell.nominalCapacity!) / 3600;
}

export function charge(amperes: number, ends: EndConditionIR[], common: Common = {}): StepIR {
  return { ...base(common), kind: "constantCurrent", direction: "charge", current: { si: amperes, text: `${amperes} A` }, ends };
}

export function discharge(amperes: number, ends: EndConditionIR[], common: Common = {}): StepIR {
  return { ...base(common), kind: "constantCurrent", direction: "discharge", current: { si: amperes, text: `${amperes} A` }, ends };
}

export function rest(ends: EndConditionIR[], common: Common = {}): StepIR {
  return { ...base(common), kind: "rest", ends };
}

export function openCircuit(ends: EndConditionIR[], common: Common = {}): StepIR {
  return { ...base(common), kind: "ocv", ends };
}

export function pause(message: string): StepIR {
  return { ...base(), kind: "pause", message };
}

export function hold(volts: number, ends: EndConditionIR[], common: Common = {}): StepIR {
  return { ...base(common), kind: "constantVoltage", voltage: { reference: "absolute", volts, text: `${volts} V` }, ends };
}

export function holdAboveOcv(offsetVolts: number, ends: EndConditionIR[], common: Common = {}): StepIR {
  return { ...base(common), kind: "constantVoltage", voltage: { reference: "ocv", offsetVolts, text: `ocv + ${offsetVolts} V` }, ends };
}

export function ccCv(
  direction: "charge" | "discharge",
  amperes: number,
  volts: number,
  cvEnds: EndConditionIR[],
  common: Common = {},
): StepIR {
  return { ...base(common), kind: "ccCv", direction, current: { si: amperes, text: `${amperes} A` }, voltage: volts, ccEnds: [], cvEnds };
}

export function power(direction: "charge" | "discharge", watts: number, ends: EndConditionIR[], common: Common = {}): StepIR {
  return { ...base(common), kind: "constantPower", direction, power: { si: watts, text: `${watts} W` }, ends };
}

export function eis(startFrequency = 1e6, endFrequency = 0.01, pointsPerDecade = 10, common: Common = {}): StepIR {
  return {
    ...base(common),
    kind: "eis",
    mode: "potentiostatic",
    startFrequency,
    endFrequency,
    amplitude: 0.005,
    pointsPerDecade,
    bias: { reference: "ocv" },
  };
}

export function eisAtCurrent(amperes: number, startFrequency = 1e4, endFrequency = 1, pointsPerDecade = 5): StepIR {
  return {
    ...base(),
    kind: "eis",
    mode: "galvanostatic",
    startFrequency,
    endFrequency,
    amplitude: 1e-5,
    pointsPerDecade,
    bias: { reference: "absolute", value: amperes },
  };
}

export function lsv(fromVolts: number | "ocv", toVolts: number, scanRate: number, common: Common = {}): StepIR {
  const from =
    fromVolts === "ocv"
      ? ({ reference: "ocv", offsetVolts: 0, text: "ocv" } as const)
      : ({ reference: "absolute", volts: fromVolts, text: `${fromVolts} V` } as const);
  return { ...base(common), kind: "linearSweep", from, to: { reference: "absolute", volts: toVolts, text: `${toVolts} V` }, scanRate };
}

export function cv(lower: number, upper: number, scanRate: number, cycles: number, common: Common = {}): StepIR {
  return {
    ...base(common),
    kind: "cyclicVoltammetry",
    lower,
    upper,
    scanRate,
    cycles,
    start: { reference: "absolute", volts: lower, text: `${lower} V` },
  };
}

export function temperature(celsius: number, settleSeconds: number | "stable" | null = null): StepIR {
  const settle =
    settleSeconds === null
      ? ({ kind: "none" } as const)
      : settleSeconds === "stable"
        ? ({ kind: "stable" } as const)
        : ({ kind: "time", seconds: settleSeconds } as const);
  return { ...base(), kind: "temperature", setpoint: celsius + 273.15, settle };
}

// ---------------------------------------------------------------------------------------------
// Structure

export function loop(count: number, body: NodeIR[], until: LoopConditionIR | null = null): NodeIR {
  return { kind: "loop", id: "", span, count, until, body };
}

export function group(label: string, body: NodeIR[]): NodeIR {
  return { kind: "group", id: "", span, origin: "section", label, body };
}

export function afterCycles(cycles: number[], body: NodeIR[]): NodeIR {
  return { kind: "cycleAction", id: "", span, cycles, every: null, body };
}

export function everyCycles(every: number, body: NodeIR[]): NodeIR {
  return { kind: "cycleAction", id: "", span, cycles: null, every, body };
}

export function dischargeBelowFractionOf(fraction: number, cycle: number): LoopConditionIR {
  return {
    subject: "dischargeCapacity",
    comparator: "<",
    value: null,
    fractionOfCycle: { fraction, cycle },
    text: `discharge capacity < ${fraction * 100} % of cycle ${cycle}`,
    span,
  };
}

export function stopWhen(condition: LoopConditionIR): NodeIR {
  return { kind: "stop", id: "", span, condition };
}

/** Numbers the nodes "1", "1.2", ... as the checker does. */
function number(nodes: NodeIR[], prefix: string): void {
  nodes.forEach((node, i) => {
    const id = prefix ? `${prefix}.${i + 1}` : `${i + 1}`;
    (node as { id: string }).id = id;
    if (node.kind === "loop" || node.kind === "group" || node.kind === "cycleAction") number(node.body, id);
  });
}

export function protocol(cell: CellIR | null, body: NodeIR[], limits: LimitsIR = {}): ProtocolIR {
  number(body, "");
  return {
    irVersion: IR_VERSION,
    title: "test protocol",
    source: "test.btp",
    metadata: { citations: [], figures: [], notes: [], instruments: [], authors: [] },
    cell,
    params: [],
    limits,
    record: {},
    body,
  };
}

/** Rate ladder as in [P1]: `perRate` symmetric CC cycles per rate, ascending, no rests. */
export function rateLadder(
  cell: CellIR,
  rates: number[],
  perRate: number,
  window: [number, number],
  ambientCelsius: number | null,
): NodeIR[] {
  return rates.map((c) =>
    group(`${c}C`, [
      loop(perRate, [
        charge(cRate(cell, c), [above(window[1])], { ambientCelsius }),
        discharge(cRate(cell, c), [below(window[0])], { ambientCelsius }),
      ]),
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// Sinks

/** Keeps everything (for short tests only). */
export class CollectingSink implements TraceSink {
  rows: TraceRow[] = [];
  steps: StepRecord[] = [];
  cycles: CycleSummary[] = [];
  spectra: EisSpectrum[] = [];
  voltammograms: VoltammogramPoint[][] = [];
  row(r: TraceRow): void {
    this.rows.push(r);
  }
  step(s: StepRecord): void {
    this.steps.push(s);
  }
  cycle(c: CycleSummary): void {
    this.cycles.push(c);
  }
  eis(e: EisSpectrum): void {
    this.spectra.push(e);
  }
  voltammogram(v: VoltammogramPoint[]): void {
    this.voltammograms.push(v);
  }
}

/** Keeps cycles and steps only (long runs). */
export class SummarySink implements TraceSink {
  cycles: CycleSummary[] = [];
  steps = 0;
  row(): void {}
  step(): void {
    this.steps++;
  }
  cycle(c: CycleSummary): void {
    this.cycles.push(c);
  }
}

/** mAh/g of a charge in coulombs for a mass in kg. */
export function mAhPerGram(coulombs: number, massKg: number): number {
  return coulombs / 3.6 / (massKg * 1000);
}
