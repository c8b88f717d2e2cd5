// The normalized protocol: what every front end (the .btp checker, the YAML reader, the vendor
// importers) produces and every back end (instrument targets, the simulator, explain) consumes.
//
// Rules of the IR:
// - Plain JSON: no classes, no undefined, no NaN/Infinity; validated by schema.ts (draft 2020-12).
// - SI units everywhere: A, V, s, C (coulomb, for charge), K, Hz, V/s, W, Ω, m, m², kg, J.
//   A quantity that the source gave relative to the cell (C-rate, mA/cm², mA/g, % of nominal)
//   carries a `Resolved` record with the original text and the derivation.
// - Direction is a word ("charge" | "discharge"); numbers for currents are magnitudes (≥ 0).
//   Each target owns its own sign convention.
// - Loops stay loops. Sweeps over lists and sequence calls are expanded (they are finite lists
//   the user wrote) into `group` nodes that say where they came from.
// - Every node has `span`: where in the source it came from (for diagnostics from back ends).
//   `id` is a stable dotted path such as "3.1.2" (1-based positions in the tree).

import type { Span } from "../diagnostics/diagnostic.js";

export const IR_VERSION = 1;

/** A value in SI units plus how it was written and, when relative to the cell, how it resolved.
 * `text` prints back exactly what the user wrote (`0.5C`, `0.2 mA/cm2`). */
export interface Resolved {
  /** The SI value. */
  si: number;
  /** The source spelling, e.g. "0.5C", "C/20", "0.2 mA/cm2", "147 uA". */
  text: string;
  /** e.g. "0.5C × 0.294 mAh (2.5 mg × 117.6 mAh/g) = 0.147 mA"; absent for plain values. */
  derivation?: string;
  /** What the source quantity was relative to, when it was. */
  basis?: "c-rate" | "current-density" | "specific-current" | "percent-of-nominal" | "specific-capacity";
  /** The relative value as given (0.5 for 0.5C, 0.2 for 0.2 mA/cm2 expressed in mA/cm2...)
   * in the source's own unit, for targets that can express relative set-points natively
   * (BioLogic "C / N", PyBaMM "C/20"): for c-rate this is the multiple of C. */
  relative?: number;
}

// ---------------------------------------------------------------------------------------------
// The cell

export interface CellElectrodeIR {
  role: "cathode" | "anode" | "electrode";
  material: string | null;
  /** kg */
  activeMass: number | null;
  /** kg/m² */
  loading: number | null;
  /** C/kg (coulomb per kilogram; 1 mAh/g = 3600 C/kg) */
  specificCapacity: number | null;
  /** 0..1 share of active material in the electrode coating */
  activeFraction: number | null;
}

export interface CellIR {
  name: string;
  title: string | null;
  /** full: a cathode against an anode; half; symmetric (Na | Na); blocking (SS | electrolyte | SS);
   * lsv (Na | electrolyte | SS, for a stability window). */
  kind: "full" | "half" | "symmetric" | "blocking" | "lsv";
  format: string | null;
  chemistry: string | null;
  /** C (coulomb). What 1C means: nominal capacity / 1 h. Null when it cannot be known. */
  nominalCapacity: number | null;
  /** How the nominal capacity was obtained, e.g. "2.5 mg × 117.6 mAh/g = 0.294 mAh". */
  nominalCapacityDerivation: string | null;
  /** m² — electrode area, for current densities. */
  area: number | null;
  /** kg — active mass used for specific currents and capacities. */
  activeMass: number | null;
  /** V — the voltage window of the cell. */
  window: { min: number; max: number } | null;
  electrodes: CellElectrodeIR[];
  electrolyte: { material: string | null; thickness: number | null; diameter: number | null; area: number | null } | null;
  /** Simulator parameters given in the cell's `model { … }` block, SI values keyed by name. */
  model: Record<string, number | string>;
  span: Span;
}

// ---------------------------------------------------------------------------------------------
// Limits, recording, ambient

export interface LimitsIR {
  /** V */
  voltage?: { min: number | null; max: number | null };
  /** A, magnitude */
  current?: { max: number };
  /** K */
  temperature?: { min: number | null; max: number | null };
  /** C, magnitude of the charge passed in one step */
  capacity?: { max: number };
  /** W, magnitude */
  power?: { max: number };
}

export interface RecordIR {
  /** s */
  time?: number;
  /** V */
  voltage?: number;
  /** A */
  current?: number;
}

// ---------------------------------------------------------------------------------------------
// End conditions

export type ComparatorIR = "<" | "<=" | ">" | ">=";

/** One way a step can end. The first condition reached ends the step. */
export type EndConditionIR =
  | { kind: "time"; seconds: number; span: Span }
  | { kind: "voltage"; comparator: ComparatorIR; volts: number; span: Span }
  /** |I| compared with `amperes`; `<` is a taper (CV) end, `>` a rise. */
  | { kind: "current"; comparator: ComparatorIR; amperes: number; resolved: Resolved; span: Span }
  /** Charge passed in this step, magnitude. */
  | { kind: "capacity"; coulombs: number; resolved: Resolved; span: Span }
  /** Chamber/cell temperature (K). */
  | { kind: "temperature"; comparator: ComparatorIR; kelvin: number; span: Span };

// ---------------------------------------------------------------------------------------------
// Steps

interface StepBase {
  id: string;
  span: Span;
  label: string | null;
  /** Effective limits at this step (protocol ∪ blocks ∪ step; the tightest wins). */
  limits: LimitsIR;
  /** Effective recording rule at this step. */
  record: RecordIR;
  /** K: the chamber set-point in effect, or null when the protocol never set one. */
  ambient: number | null;
}

/** Cell disconnected (I = 0). */
export interface RestStepIR extends StepBase {
  kind: "rest";
  ends: EndConditionIR[];
}

/** Open-circuit potential measured as a technique (a potentiostat's OCP). */
export interface OcvStepIR extends StepBase {
  kind: "ocv";
  ends: EndConditionIR[];
}

/** Constant current. */
export interface ConstantCurrentStepIR extends StepBase {
  kind: "constantCurrent";
  direction: "charge" | "discharge";
  /** A, magnitude */
  current: Resolved;
  ends: EndConditionIR[];
}

/** Constant power. */
export interface ConstantPowerStepIR extends StepBase {
  kind: "constantPower";
  direction: "charge" | "discharge";
  /** W, magnitude */
  power: Resolved;
  ends: EndConditionIR[];
}

/** A voltage set-point: absolute, or relative to the open-circuit voltage before the step. */
export type VoltageSetpointIR =
  | { reference: "absolute"; volts: number; text: string }
  | { reference: "ocv"; offsetVolts: number; text: string };

/** Constant voltage. */
export interface ConstantVoltageStepIR extends StepBase {
  kind: "constantVoltage";
  voltage: VoltageSetpointIR;
  ends: EndConditionIR[];
}

/** CC then CV as one step (`charge at 0.5C until 3.9 V then hold until C/20`). */
export interface CcCvStepIR extends StepBase {
  kind: "ccCv";
  direction: "charge" | "discharge";
  current: Resolved;
  /** V: the CC cut-off, which is also the CV hold voltage. */
  voltage: number;
  /** Ends of the CC part other than reaching `voltage` (time, capacity guards). */
  ccEnds: EndConditionIR[];
  /** Ends of the CV part (taper current, time). */
  cvEnds: EndConditionIR[];
}

/** Electrochemical impedance spectroscopy. */
export interface EisStepIR extends StepBase {
  kind: "eis";
  mode: "potentiostatic" | "galvanostatic";
  /** Hz */
  startFrequency: number;
  /** Hz */
  endFrequency: number;
  /** V (potentiostatic) or A (galvanostatic), amplitude (not peak-to-peak). */
  amplitude: number;
  pointsPerDecade: number;
  /** Bias: at open circuit, or a set DC voltage (V) / current (A). */
  bias: { reference: "ocv" } | { reference: "absolute"; value: number };
}

/** Linear sweep voltammetry. */
export interface LinearSweepStepIR extends StepBase {
  kind: "linearSweep";
  from: VoltageSetpointIR;
  to: VoltageSetpointIR;
  /** V/s, magnitude */
  scanRate: number;
}

/** Cyclic voltammetry. */
export interface CyclicVoltammetryStepIR extends StepBase {
  kind: "cyclicVoltammetry";
  /** V */
  lower: number;
  /** V */
  upper: number;
  /** V/s */
  scanRate: number;
  cycles: number;
  start: VoltageSetpointIR;
}

/** Set the chamber, then wait. */
export interface TemperatureStepIR extends StepBase {
  kind: "temperature";
  /** K */
  setpoint: number;
  settle: { kind: "none" } | { kind: "time"; seconds: number } | { kind: "stable" };
}

/** The operator must do something; the test waits. */
export interface PauseStepIR extends StepBase {
  kind: "pause";
  message: string;
}

export type StepIR =
  | RestStepIR
  | OcvStepIR
  | ConstantCurrentStepIR
  | ConstantPowerStepIR
  | ConstantVoltageStepIR
  | CcCvStepIR
  | EisStepIR
  | LinearSweepStepIR
  | CyclicVoltammetryStepIR
  | TemperatureStepIR
  | PauseStepIR;

// ---------------------------------------------------------------------------------------------
// Structure

/** A condition checked at the end of each pass of a loop. */
export interface LoopConditionIR {
  subject: "chargeCapacity" | "dischargeCapacity" | "coulombicEfficiency" | "endVoltage";
  comparator: ComparatorIR;
  /** Absolute threshold in SI (C for capacity, 1 for efficiency as a fraction, V). Exactly one of
   * `value` and `fractionOfCycle` is set. */
  value: number | null;
  /** `80 % of cycle 1` → { fraction: 0.8, cycle: 1 }. */
  fractionOfCycle: { fraction: number; cycle: number } | null;
  text: string;
  span: Span;
}

/** `repeat N [until …] { … }`: at most `count` passes; `until` ends the loop early. */
export interface LoopIR {
  kind: "loop";
  id: string;
  span: Span;
  count: number;
  until: LoopConditionIR | null;
  body: NodeIR[];
}

/** Runs its body only in some passes of the innermost enclosing loop (1-based pass numbers). */
export interface CycleActionIR {
  kind: "cycleAction";
  id: string;
  span: Span;
  /** Listed passes (`after cycle 10, 60`), or null when `every` is used. */
  cycles: number[] | null;
  /** `every 100 cycles` → 100. */
  every: number | null;
  body: NodeIR[];
}

/** A group of nodes with a reason: a section, one value of a sweep, a sequence call, a
 * temperature-scoped block. Groups carry no semantics of their own beyond their label. */
export interface GroupIR {
  kind: "group";
  id: string;
  span: Span;
  origin: "section" | "sweep" | "sequence" | "temperature";
  label: string;
  body: NodeIR[];
}

/** Ends the whole test when the condition holds at the end of a pass of the enclosing loop. */
export interface StopIR {
  kind: "stop";
  id: string;
  span: Span;
  condition: LoopConditionIR;
}

export type NodeIR = StepIR | LoopIR | CycleActionIR | GroupIR | StopIR;

// ---------------------------------------------------------------------------------------------
// The protocol

export interface ParamIR {
  name: string;
  /** The value as text (`5`, `0.5C`) and, for quantities, in SI. */
  text: string;
  si: number | null;
  /** The comment that explains the assumption, if written. */
  doc: string | null;
  overridden: boolean;
  span: Span;
}

export interface ProtocolIR {
  irVersion: typeof IR_VERSION;
  title: string | null;
  /** The main source file. */
  source: string;
  metadata: {
    citations: string[];
    figures: string[];
    notes: string[];
    instruments: string[];
    authors: string[];
  };
  cell: CellIR | null;
  params: ParamIR[];
  /** Protocol-level limits (each step also carries its effective limits). */
  limits: LimitsIR;
  record: RecordIR;
  body: NodeIR[];
}

/** Walks every node of a body, depth first, without expanding loops. */
export function* walkNodes(body: readonly NodeIR[]): Generator<NodeIR> {
  for (const node of body) {
    yield node;
    if (node.kind === "loop" || node.kind === "cycleAction" || node.kind === "group") {
      yield* walkNodes(node.body);
    }
  }
}

export function isStep(node: NodeIR): node is StepIR {
  return node.kind !== "loop" && node.kind !== "cycleAction" && node.kind !== "group" && node.kind !== "stop";
}

/** Every end condition of a step, whatever part of the step it belongs to (both parts of a CC-CV). */
export function stepEnds(step: StepIR): EndConditionIR[] {
  switch (step.kind) {
    case "rest":
    case "ocv":
    case "constantCurrent":
    case "constantPower":
    case "constantVoltage":
      return step.ends;
    case "ccCv":
      return [...step.ccEnds, ...step.cvEnds];
    default:
      return [];
  }
}

/** Every voltage set-point of a step (a hold, the ends of a sweep, the start of a CV), in order. */
export function voltageSetpoints(step: StepIR): VoltageSetpointIR[] {
  switch (step.kind) {
    case "constantVoltage":
      return [step.voltage];
    case "linearSweep":
      return [step.from, step.to];
    case "cyclicVoltammetry":
      return [step.start];
    default:
      return [];
  }
}
