// Na | electrolyte | stainless steel: the cell for the electrochemical stability window.
//
// The steel electrode carries no redox couple below the electrolyte's oxidation onset; above it
// the current rises tenfold every `tafelSlope` volts until transport limits it:
//
//   I = A·[ j_bg·tanh((E − E_rest)/0.1 V) + j_k·j_lim/(j_k + j_lim) + C_dl·dE/dt ],
//   j_k = j_on·10^((E − E_on)/b),       V = E + I·R_Ω
//
// The tanh makes the background vanish at rest instead of jumping. Under constant current the
// electrode sits at the potential whose faradaic current equals it (the double layer of
// 10 µF/cm² charges in milliseconds); voltage sweeps include the capacitive term.

import { arrhenius, thermalVoltage } from "./constants.js";
import type { CellModel, ChordValues, Impedance, SubstepControl } from "./cell-model.js";
import { complex, parallelResistorCpe } from "./complex.js";
import type { CellParameters } from "../parameters/catalogue.js";

const BACKGROUND_WIDTH = 0.1;
/** The electrode potential is searched within this distance of the rest and onset potentials. */
const POTENTIAL_SPAN = 20;

export class LsvCell implements CellModel {
  readonly kind = "lsv" as const;
  readonly capacity = 0;
  temperature: number;
  private readonly p: CellParameters;
  private resistance = 0;
  private sodiumExchange = 0;
  private thermal = 0;
  /** V: the steel electrode's potential against Na (the state). */
  private electrode: number;
  private segmentElectrode: number;
  private segmentVoltage = 0;

  constructor(parameters: CellParameters, kelvin: number) {
    this.p = parameters;
    this.temperature = kelvin;
    this.electrode = parameters.restPotential;
    this.segmentElectrode = this.electrode;
    this.evaluateAt(kelvin);
  }

  setTemperature(kelvin: number): void {
    if (kelvin !== this.temperature) {
      this.temperature = kelvin;
      this.evaluateAt(kelvin);
    }
  }

  private evaluateAt(kelvin: number): void {
    const p = this.p;
    const conductivity = p.electrolyteConductivity * arrhenius(p.conductivityActivationEnergy, kelvin, p.referenceTemperature);
    this.resistance = p.electrolyteThickness / (conductivity * p.electrolyteArea) + p.contactResistance;
    this.thermal = thermalVoltage(kelvin);
    this.sodiumExchange =
      p.sodiumExchangeCurrentDensity * p.electrodeArea * arrhenius(p.sodiumActivationEnergy, kelvin, p.referenceTemperature);
  }

  /** Faradaic current (A) at electrode potential E, and its slope dI/dE. */
  private faradaic(potential: number): number {
    const p = this.p;
    const kinetic = p.onsetCurrentDensity * Math.pow(10, (potential - p.onsetPotential) / p.tafelSlope);
    const oxidation = Number.isFinite(kinetic)
      ? (kinetic * p.limitingCurrentDensity) / (kinetic + p.limitingCurrentDensity)
      : p.limitingCurrentDensity;
    return p.electrodeArea * (p.backgroundCurrentDensity * Math.tanh((potential - p.restPotential) / BACKGROUND_WIDTH) + oxidation);
  }

  private faradaicSlope(potential: number): number {
    const p = this.p;
    const kinetic = p.onsetCurrentDensity * Math.pow(10, (potential - p.onsetPotential) / p.tafelSlope);
    const lim = p.limitingCurrentDensity;
    const oxidationSlope = Number.isFinite(kinetic)
      ? ((lim * lim) / ((kinetic + lim) * (kinetic + lim))) * kinetic * (Math.LN10 / p.tafelSlope)
      : 0;
    const t = Math.tanh((potential - p.restPotential) / BACKGROUND_WIDTH);
    return p.electrodeArea * ((p.backgroundCurrentDensity * (1 - t * t)) / BACKGROUND_WIDTH + oxidationSlope);
  }

  /** The electrode potential at which g(E) = 0, g rising in E, by bisection (robust across the
   * twelve decades the current spans). */
  private solvePotential(g: (potential: number) => number): number {
    let lo = Math.min(this.p.restPotential, this.p.onsetPotential) - POTENTIAL_SPAN;
    let hi = Math.max(this.p.restPotential, this.p.onsetPotential) + POTENTIAL_SPAN;
    for (let i = 0; i < 80; i++) {
      const mid = 0.5 * (lo + hi);
      if (g(mid) > 0) hi = mid;
      else lo = mid;
    }
    return 0.5 * (lo + hi);
  }

  beginSegment(current: number): void {
    this.segmentElectrode = current === 0 ? this.p.restPotential : this.solvePotential((e) => this.faradaic(e) - current);
    this.segmentVoltage = this.segmentElectrode + current * this.resistance;
  }

  voltageAt(_t: number): number {
    return this.segmentVoltage;
  }

  lastRangeExcess(): number {
    return -1;
  }

  beginChords(): void {}

  chord(_h: number, out: ChordValues): void {
    out.mid = this.segmentVoltage;
    out.end = this.segmentVoltage;
    out.midExcess = -1;
    out.endExcess = -1;
  }

  acceptChord(): void {}

  commitSegment(t: number): void {
    if (t > 0) this.electrode = this.segmentElectrode;
  }

  private solvedCurrent = 0;
  private solvedElectrode = 0;

  solveSubstep(control: SubstepControl, target: number, h: number, _guess: number, compliance: number): number {
    const r = this.resistance;
    const previous = this.electrode;
    const cdl = this.p.doubleLayerCapacitance * this.p.electrodeArea;
    const currentAt = (e: number): number => this.faradaic(e) + (cdl * (e - previous)) / h;
    let electrode: number;
    if (control === "voltage") {
      electrode = this.solvePotential((e) => e + currentAt(e) * r - target);
    } else {
      // Power I·V: solve on the branch where the power grows with the potential.
      electrode = this.solvePotential((e) => currentAt(e) * (e + currentAt(e) * r) - target);
    }
    let current = currentAt(electrode);
    if (Math.abs(current) > compliance) {
      current = Math.sign(current) * compliance;
      electrode = this.solvePotential((e) => currentAt(e) - current);
    }
    this.solvedCurrent = current;
    this.solvedElectrode = electrode;
    return current;
  }

  substepVoltage(current: number, h: number): number {
    const cdl = this.p.doubleLayerCapacitance * this.p.electrodeArea;
    const previous = this.electrode;
    const electrode = this.solvePotential((e) => this.faradaic(e) + (cdl * (e - previous)) / h - current);
    return electrode + current * this.resistance;
  }

  commitSubstep(current: number, h: number): void {
    if (h <= 0) return;
    this.electrode = current === this.solvedCurrent ? this.solvedElectrode : this.solvePotential((e) => this.faradaic(e) - current);
  }

  voltageWith(current: number): number {
    return this.electrode + current * this.resistance;
  }

  openCircuitVoltage(): number {
    return this.p.restPotential;
  }

  private readonly scratch = complex();

  impedance(frequency: number, dcCurrent: number, out: Impedance): void {
    const p = this.p;
    const omega = 2 * Math.PI * frequency;
    out.re = this.resistance;
    out.im = omega * p.strayInductance;
    // Steel: faradaic resistance in parallel with the double layer.
    const slope = this.faradaicSlope(this.electrode);
    const rf = slope > 0 ? 1 / slope : 1e12;
    parallelResistorCpe(rf, p.doubleLayerCapacitance * p.electrodeArea, 1, omega, this.scratch);
    out.re += this.scratch.re;
    out.im += this.scratch.im;
    // Na counter electrode.
    const i0 = this.sodiumExchange;
    const rct = (2 * this.thermal) / Math.sqrt(4 * i0 * i0 + dcCurrent * dcCurrent);
    parallelResistorCpe(rct, p.sodiumCpe, p.sodiumCpeExponent, omega, this.scratch);
    out.re += this.scratch.re;
    out.im += this.scratch.im;
  }

  endStep(): void {}

  rangeLimitText(): string {
    return "the steel electrode passes no more than the limiting current";
  }

  stateSummary(): Record<string, number> {
    return { temperature: this.temperature, electrodePotential: this.electrode };
  }
}
