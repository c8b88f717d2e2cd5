// Hand-built IRs for the rule tests, written the way a lab would write the protocol: volts,
// milliamps, hours, °C. Every node gets its own span (one line each) and id, so diagnostics can
// be matched to the node that caused them.

import type { Span } from "../../../src/diagnostics/diagnostic.js";
import type {
  CcCvStepIR,
  CellIR,
  ComparatorIR,
  ConstantCurrentStepIR,
  ConstantPowerStepIR,
  ConstantVoltageStepIR,
  CycleActionIR,
  CyclicVoltammetryStepIR,
  EisStepIR,
  EndConditionIR,
  GroupIR,
  LimitsIR,
  LinearSweepStepIR,
  LoopConditionIR,
  LoopIR,
  NodeIR,
  OcvStepIR,
  PauseStepIR,
  ProtocolIR,
  Resolved,
  RestStepIR,
  StepIR,
  StopIR,
  TemperatureStepIR,
  VoltageSetpointIR,
} from "../../../src/ir/types.js";
import { IR_VERSION } from "../../../src/ir/types.js";
import { formatNumber } from "../../../src/units/format.js";

let nextLine = 1;

/** A fresh one-line span; later calls get later lines, as if written further down the file. */
export function span(): Span {
  const line = nextLine++;
  const offset = line * 100;
  return { file: "test.btp", start: { offset, line, column: 1 }, end: { offset: offset + 40, line, column: 41 } };
}

let nextId = 1;
const id = (): string => String(nextId++);

export const mA = (x: number): number => x / 1000;
export const mAh = (x: number): number => x * 3.6;
export const hours = (x: number): number => x * 3600;
export const celsius = (x: number): number => x + 273.15;

// ----------------------------------------------------------------------------- the cell

/** Na | CGE | NVP coin cell: 2.5 mg × 117.6 mAh/g = 0.294 mAh, so 1C = 0.294 mA. */
export function nvpCell(overrides: Partial<CellIR> = {}): CellIR {
  return {
    name: "coin",
    title: "Na | CGE | NVP-K0.05 coin cell",
    kind: "full",
    format: "CR2032",
    chemistry: "Na-ion",
    nominalCapacity: mAh(0.294),
    nominalCapacityDerivation: "2.5 mg × 117.6 mAh/g = 0.294 mAh",
    area: 1.13e-4,
    activeMass: 2.5e-6,
    window: { min: 2.3, max: 3.9 },
    electrodes: [],
    electrolyte: null,
    model: {},
    span: span(),
    ...overrides,
  };
}

export function protocol(body: NodeIR[], options: { cell?: CellIR | null; limits?: LimitsIR } = {}): ProtocolIR {
  return {
    irVersion: IR_VERSION,
    title: "test",
    source: "test.btp",
    metadata: { citations: [], figures: [], notes: [], instruments: [], authors: [] },
    cell: options.cell === undefined ? nvpCell() : options.cell,
    params: [],
    limits: options.limits ?? {},
    record: {},
    body,
  };
}

// ----------------------------------------------------------------------------- end conditions

/** `until 3.9 V` on a charge (`>=`), or with an explicit comparator. */
export function voltage(volts: number, comparator: ComparatorIR): EndConditionIR {
  return { kind: "voltage", comparator, volts, span: span() };
}
export const above = (volts: number): EndConditionIR => voltage(volts, ">=");
export const below = (volts: number): EndConditionIR => voltage(volts, "<=");
export const forTime = (seconds: number): EndConditionIR => ({ kind: "time", seconds, span: span() });
export function taper(amperes: number, comparator: ComparatorIR = "<"): EndConditionIR {
  return { kind: "current", comparator, amperes, resolved: plain(amperes, "A"), span: span() };
}
export function capacity(coulombs: number): EndConditionIR {
  const resolved = { si: coulombs, text: `${Number((coulombs / 3.6).toPrecision(6))} mAh` };
  return { kind: "capacity", coulombs, resolved, span: span() };
}

function plain(si: number, unit: string): Resolved {
  return { si, text: `${formatNumber(si)} ${unit}` };
}

/** A current written as a C-rate of the NVP cell (1C = 0.294 mA). */
export function cRate(multiple: number): Resolved {
  return { si: multiple * mA(0.294), text: `${formatNumber(multiple)}C`, basis: "c-rate", relative: multiple };
}
export function amps(si: number): Resolved {
  return { si, text: `${formatNumber(si * 1000)} mA` };
}

// ----------------------------------------------------------------------------- steps

interface StepOptions {
  limits?: LimitsIR;
  ambient?: number | null;
}

function base(options: StepOptions = {}) {
  return { id: id(), span: span(), label: null, limits: options.limits ?? {}, record: {}, ambient: options.ambient ?? null };
}

export function rest(ends: EndConditionIR[] = [forTime(600)], options?: StepOptions): RestStepIR {
  return { ...base(options), kind: "rest", ends };
}
export function ocv(ends: EndConditionIR[], options?: StepOptions): OcvStepIR {
  return { ...base(options), kind: "ocv", ends };
}
export function charge(current: Resolved, ends: EndConditionIR[], options?: StepOptions): ConstantCurrentStepIR {
  return { ...base(options), kind: "constantCurrent", direction: "charge", current, ends };
}
export function discharge(current: Resolved, ends: EndConditionIR[], options?: StepOptions): ConstantCurrentStepIR {
  return { ...base(options), kind: "constantCurrent", direction: "discharge", current, ends };
}
export function power(direction: "charge" | "discharge", watts: number, ends: EndConditionIR[], options?: StepOptions): ConstantPowerStepIR {
  return { ...base(options), kind: "constantPower", direction, power: { si: watts, text: `${formatNumber(watts * 1000)} mW` }, ends };
}
export function hold(volts: number, ends: EndConditionIR[], options?: StepOptions): ConstantVoltageStepIR {
  return { ...base(options), kind: "constantVoltage", voltage: absolute(volts), ends };
}
export function holdAtOcv(offsetVolts: number, ends: EndConditionIR[], options?: StepOptions): ConstantVoltageStepIR {
  return { ...base(options), kind: "constantVoltage", voltage: { reference: "ocv", offsetVolts, text: `ocv + ${offsetVolts} V` }, ends };
}
export function ccCv(
  direction: "charge" | "discharge",
  current: Resolved,
  volts: number,
  cvEnds: EndConditionIR[],
  ccEnds: EndConditionIR[] = [],
  options?: StepOptions,
): CcCvStepIR {
  return { ...base(options), kind: "ccCv", direction, current, voltage: volts, ccEnds, cvEnds };
}
export function eis(settings: Partial<Pick<EisStepIR, "mode" | "startFrequency" | "endFrequency" | "amplitude" | "pointsPerDecade" | "bias">> = {}, options?: StepOptions): EisStepIR {
  return {
    ...base(options),
    kind: "eis",
    mode: "potentiostatic",
    startFrequency: 1e6,
    endFrequency: 0.01,
    amplitude: 0.005,
    pointsPerDecade: 10,
    bias: { reference: "ocv" },
    ...settings,
  };
}
export function absolute(volts: number): VoltageSetpointIR {
  return { reference: "absolute", volts, text: `${volts} V` };
}
export const fromOcv: VoltageSetpointIR = { reference: "ocv", offsetVolts: 0, text: "ocv" };
export function lsv(from: VoltageSetpointIR, to: VoltageSetpointIR, scanRate = 1e-4, options?: StepOptions): LinearSweepStepIR {
  return { ...base(options), kind: "linearSweep", from, to, scanRate };
}
export function cv(lower: number, upper: number, settings: { scanRate?: number; start?: VoltageSetpointIR; cycles?: number } = {}, options?: StepOptions): CyclicVoltammetryStepIR {
  return {
    ...base(options),
    kind: "cyclicVoltammetry",
    lower,
    upper,
    scanRate: settings.scanRate ?? 1e-4,
    cycles: settings.cycles ?? 3,
    start: settings.start ?? absolute(lower),
  };
}
export function temperature(setpoint: number, options?: StepOptions): TemperatureStepIR {
  return { ...base(options), kind: "temperature", setpoint, settle: { kind: "time", seconds: 7200 } };
}
export function pause(message = "move the cell to the potentiostat", options?: StepOptions): PauseStepIR {
  return { ...base(options), kind: "pause", message };
}

// ----------------------------------------------------------------------------- structure

export function fadeCondition(): LoopConditionIR {
  return { subject: "dischargeCapacity", comparator: "<", value: null, fractionOfCycle: { fraction: 0.8, cycle: 1 }, text: "discharge capacity < 80 % of cycle 1", span: span() };
}
export function loop(count: number, body: NodeIR[], until: LoopConditionIR | null = null): LoopIR {
  return { kind: "loop", id: id(), span: span(), count, until, body };
}
export function group(body: NodeIR[], origin: GroupIR["origin"] = "section"): GroupIR {
  return { kind: "group", id: id(), span: span(), origin, label: "group", body };
}
export function afterCycles(cycles: number[], body: NodeIR[]): CycleActionIR {
  return { kind: "cycleAction", id: id(), span: span(), cycles, every: null, body };
}
export function everyCycles(every: number, body: NodeIR[]): CycleActionIR {
  return { kind: "cycleAction", id: id(), span: span(), cycles: null, every, body };
}
export function stop(): StopIR {
  return { kind: "stop", id: id(), span: span(), condition: fadeCondition() };
}

export type { StepIR };
