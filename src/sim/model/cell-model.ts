// What the step engine needs from a cell model. The engine never integrates anything itself: it
// asks the model for the voltage at a time inside a constant-current segment (closed form), or
// for the current that holds a voltage over a sub-step (a small Newton solve), and commits.

import type { ModelKind } from "../parameters/catalogue.js";

/** The quantity a voltage-controlled sub-step holds. */
export type SubstepControl = "voltage" | "power";

export interface Impedance {
  re: number;
  im: number;
}

/** Voltages at the middle and end of a chord, and how far beyond the cell's range each is. */
export interface ChordValues {
  mid: number;
  end: number;
  midExcess: number;
  endExcess: number;
}

export interface CellModel {
  readonly kind: ModelKind;
  /** C: charge of a full swing of the state of charge now (after fade), or 0 when the kind has none. */
  readonly capacity: number;
  /** K: the cell temperature that the parameters are evaluated at. */
  readonly temperature: number;
  setTemperature(kelvin: number): void;

  /** Prepares a segment of constant current `current` (A, positive on charge) from the present state. */
  beginSegment(current: number): void;
  /** Terminal voltage `t` seconds into the segment; the state is not changed. */
  voltageAt(t: number): number;
  /** After voltageAt: how far the state at that time is beyond what the cell can hold in the
   * direction the current drives it (> 0: over-charged on charge, over-discharged on discharge). */
  lastRangeExcess(): number;
  /** Chords for marching: the first starts at t = 0 of the segment. */
  beginChords(): void;
  /** Voltages at s + h/2 and s + h, where s is where the chord starts (as voltageAt, cheaper). */
  chord(h: number, out: ChordValues): void;
  /** The last chord is accepted: the next starts at its end. */
  acceptChord(): void;
  /** Advances the state to `t` seconds into the segment. */
  commitSegment(t: number): void;

  /** The constant current over the next `h` seconds that makes the voltage (or power) at the end
   * of the sub-step equal `target`, limited to ±compliance. The state is not changed. */
  solveSubstep(control: SubstepControl, target: number, h: number, guess: number, compliance: number): number;

  /** V at the end of a sub-step of `h` seconds at `current`, without changing the state (and,
   * like voltageAt, sets lastRangeExcess). */
  substepVoltage(current: number, h: number): number;
  /** Advances the state over a sub-step of `h` seconds at the current that solveSubstep returned. */
  commitSubstep(current: number, h: number): void;

  /** V: the terminal voltage right now if `current` flows (the instantaneous IR and kinetic drop
   * on top of the present state). */
  voltageWith(current: number): number;

  /** V: the voltage with no current flowing, from the present state. */
  openCircuitVoltage(): number;
  /** Impedance at `frequency` (Hz) around the present state and a DC current (A). */
  impedance(frequency: number, dcCurrent: number, out: Impedance): void;

  /** Called at each step end: fade and interface maturation advance here. */
  endStep(): void;
  /** Words for a guard warning: why the cell cannot go further, e.g. "the cell is fully charged". */
  rangeLimitText(charging: boolean): string;
  /** A snapshot of the named state variables, for the step table. */
  stateSummary(): Record<string, number>;
}
