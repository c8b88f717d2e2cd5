// An EC-Lab settings file as data, in SI units: the header and the linked techniques in order.
// The compiler builds it from the protocol IR (compile/), the writer prints it (write/), the
// reader parses a file into it (read/) and the importer turns it back into IR (import/). Keeping
// one model between them is what makes import → compile → import give the same protocol.

import type { Span } from "../../diagnostics/diagnostic.js";
import type { Direction } from "./conventions.js";

/** A potential as EC-Lab sets it: against the reference electrode, or against the open-circuit
 * potential measured when the technique starts ("vs. Eoc"). */
export interface Potential {
  volts: number;
  vs: "Ref" | "Eoc";
}

/** A current EC-Lab derives from the battery capacity in the header: C / N or C x N. */
export interface CRateSetting {
  mode: "C / N" | "C x N";
  n: number;
}

export type MbControl =
  | { type: "Rest" }
  | {
      type: "CC";
      direction: Direction;
      /** A, magnitude: the current the instrument applies. */
      amperes: number;
      /** Present when the current is given relative to the battery capacity. */
      cRate: CRateSetting | null;
    }
  | { type: "CV"; potential: Potential }
  | { type: "Loop"; toSequence: number; repeats: number };

/** What a limit does when it is reached: go on to the next sequence, or stop the whole run. */
export type LimitAction = "next" | "stop";

export type MbLimit =
  | { type: "Time"; seconds: number; action: LimitAction }
  | { type: "Ewe"; comparison: "<" | ">"; volts: number; action: LimitAction }
  | { type: "|I|"; comparison: "<" | ">"; amperes: number; action: LimitAction }
  | { type: "|Q|"; coulombs: number; action: LimitAction };

export type MbRecord = { type: "Time"; seconds: number } | { type: "Ewe"; volts: number } | { type: "I"; amperes: number };

export interface MbSequence {
  control: MbControl;
  limits: MbLimit[];
  records: MbRecord[];
  /** The current range label ("10 mA", "Auto"). */
  currentRange: string;
  /** Where it came from: the protocol step (compile) or the file's column (import). */
  span: Span | null;
}

export interface ModuloBat {
  kind: "moduloBat";
  sequences: MbSequence[];
  span: Span | null;
}

export interface OpenCircuit {
  kind: "ocv";
  seconds: number;
  /** Record every ... (dtR), and on a change of ... (dER). */
  recordSeconds: number | null;
  recordVolts: number | null;
  span: Span | null;
}

export interface PotentioImpedance {
  kind: "peis";
  bias: Potential;
  /** V, amplitude. */
  amplitude: number;
  startHz: number;
  endHz: number;
  pointsPerDecade: number;
  span: Span | null;
}

export interface GalvanoImpedance {
  kind: "geis";
  /** A, signed DC current (0 = at open circuit). */
  biasAmperes: number;
  /** A, amplitude. */
  amplitude: number;
  startHz: number;
  endHz: number;
  pointsPerDecade: number;
  span: Span | null;
}

export interface LinearSweep {
  kind: "lsv";
  from: Potential;
  to: Potential;
  /** V/s, magnitude. */
  scanRate: number;
  recordSeconds: number | null;
  recordAmperes: number | null;
  span: Span | null;
}

/** From `start` to `upper`, down to `lower` and back to `start`, `cycles` times. */
export interface CyclicVoltammetry {
  kind: "cv";
  start: Potential;
  upper: number;
  lower: number;
  scanRate: number;
  cycles: number;
  span: Span | null;
}

/** Goes back to technique `toTechnique` (1-based), `repeats` times. */
export interface LoopTechnique {
  kind: "loop";
  toTechnique: number;
  repeats: number;
  span: Span | null;
}

export type Technique = ModuloBat | OpenCircuit | PotentioImpedance | GalvanoImpedance | LinearSweep | CyclicVoltammetry | LoopTechnique;

export interface SafetyLimits {
  voltageMin: number | null;
  voltageMax: number | null;
  /** A, magnitude. */
  currentMax: number | null;
}

export interface SettingsHeader {
  /** Comment lines (what made the file, emulations, instructions for the operator). */
  comments: string[];
  /** V: the potential control range of the channel. */
  potentialRange: { min: number; max: number };
  safety: SafetyLimits;
  /** C: what 1C is, for C / N and C x N currents; null when unknown. */
  batteryCapacity: number | null;
  electrodeMaterial: string;
  electrolyte: string;
  /** kg */
  activeMass: number | null;
  /** m² */
  electrodeArea: number | null;
}

export interface SettingsFile {
  header: SettingsHeader;
  techniques: Technique[];
}

/** The full technique names EC-Lab writes on the line after "Technique : n". */
export const TECHNIQUE_NAMES: Readonly<Record<Technique["kind"], string>> = {
  moduloBat: "Modulo Bat",
  ocv: "Open Circuit Voltage",
  peis: "Potentio Electrochemical Impedance Spectroscopy",
  geis: "Galvano Electrochemical Impedance Spectroscopy",
  lsv: "Linear Sweep Voltammetry",
  cv: "Cyclic Voltammetry",
  loop: "Loop",
};
