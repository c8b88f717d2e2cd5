// The reduced-order cell model (docs/simulator.md, "Model"). One class serves three kinds:
//
//   full cell   V = U(z_s) + h + I·R_Ω + η_Na(I) + η_c(I)          z_s = z̄ + Σ x_n
//   symmetric   V = I·R_Ω + 2·η_Na(I) + Σ v_k + η_nucleation        (U ≡ 0, no modes)
//   blocking    V = q/C + I·R_Ω                                       (U linear, no kinetics)
//
// Under constant current every state has a closed form (sums of exponentials), so a segment is
// prepared once (`beginSegment`) and the voltage at any time costs one exponential per mode and
// one table lookup. The evaluation paths (voltageAt, chord) allocate nothing.

import { arrhenius, thermalVoltage, VACUUM_PERMITTIVITY } from "./constants.js";
import type { CellModel, ChordValues, Impedance, SubstepControl } from "./cell-model.js";
import { DecayingTerms } from "./decays.js";
import { complex, cpe, parallelResistorCpe, transmissiveWarburg } from "./complex.js";
import { CapacitorCurve, MsmrCurve, ZeroCurve, type OpenCircuitCurve } from "./ocv.js";
import { diffusionSlowdown } from "./temperature.js";
import type { CellParameters, ModelKind } from "../parameters/catalogue.js";

/** e^(−x) is below 4e-18 for x > 40: treat it as 0 and skip the exponential. */
const NEGLIGIBLE_EXPONENT = 40;

/** Concentration polarisation of a symmetric cell as the first four modes of the finite-length
 * diffusion series (their resistances sum to 93 % of R_d; the tail is too fast to matter). */
const CONCENTRATION_MODES = 4;
/** Fade never takes more than this share of the capacity (keeps Q_eff positive). */
const MAX_LOSS = 0.99;

export class LumpedCell implements CellModel {
  readonly kind: ModelKind;
  private readonly p: CellParameters;
  private readonly ocv: OpenCircuitCurve;

  // --- parameters evaluated at the present temperature ---
  temperature: number;
  private thermal = 0;
  private ohmic = 0;
  private electrolyteResistance = 0;
  private sodiumExchange = 0;
  private cathodeExchange = 0;
  private fadeWeight = 1;
  private readonly modeTau: Float64Array;
  private readonly modeWeight: Float64Array;
  private readonly rcResistance: Float64Array;
  private readonly rcTau: Float64Array;
  /** Number of Na interfaces in series: one in a full cell, two in a symmetric cell. */
  private readonly sodiumInterfaces: number;
  private readonly hasCathode: boolean;

  // --- state ---
  private zbar: number;
  private readonly modes: Float64Array;
  private hysteresis = 0;
  private readonly rc: Float64Array;
  /** Charge density (C/m²) plated since the last reversal, for the nucleation overvoltage. */
  private nucleationCharge = 0;
  private nucleationSign = 0;
  /** Nominal and present capacity (C) of one state-of-charge swing. */
  private readonly nominalCapacity: number;
  capacity: number;
  private equivalentCycles = 0;
  private weightedCycles = 0;
  private stepThroughput = 0;
  private stepWeightedThroughput = 0;
  private stepSign = 0;
  private previousStepSign = 0;
  /** Completed plate–strip (charge then discharge) pairs: drives Na interface maturation. */
  private platingCycles = 0;

  // --- the prepared segment ---
  private current = 0;
  private socRate = 0;
  private readonly modeTarget: Float64Array;
  private readonly modeGap: Float64Array;
  private hysteresisTarget = 0;
  private hysteresisGap = 0;
  private hysteresisDecay = 0;
  private readonly rcTarget: Float64Array;
  private readonly rcGap: Float64Array;
  private nucleationAmplitude = 0;
  private nucleationDecay = 0;
  /** What does not decay: z̄ at t = 0 plus the mode targets, and the constant voltage terms. */
  private socConstant = 0;
  private voltageConstant = 0;
  private readonly terms: DecayingTerms;
  private lastSurface = 0;

  constructor(parameters: CellParameters, kelvin: number) {
    this.p = parameters;
    this.kind = parameters.kind;
    const full = this.kind === "full";
    this.hasCathode = full;
    this.sodiumInterfaces = full ? 1 : this.kind === "symmetric" ? 2 : 0;
    this.ocv = full ? new MsmrCurve(parameters.ocv.terms) : this.kind === "blocking" ? new CapacitorCurve() : new ZeroCurve();

    const modeCount = full ? Math.round(parameters.modeCount) : 0;
    this.modeTau = new Float64Array(modeCount);
    this.modeWeight = new Float64Array(modeCount);
    for (let n = 0; n < modeCount; n++) {
      this.modeWeight[n] = parameters.modeWeight * Math.pow(10, -parameters.modeExponent * n * parameters.modeSpacing);
    }
    this.modes = new Float64Array(modeCount);
    this.modeTarget = new Float64Array(modeCount);
    this.modeGap = new Float64Array(modeCount);

    const rcCount = this.kind === "symmetric" && parameters.transferenceNumber < 1 ? CONCENTRATION_MODES : 0;
    this.rcResistance = new Float64Array(rcCount);
    this.rcTau = new Float64Array(rcCount);
    this.rc = new Float64Array(rcCount);
    this.rcTarget = new Float64Array(rcCount);
    this.rcGap = new Float64Array(rcCount);
    this.terms = new DecayingTerms(modeCount + rcCount + 2);

    if (full) this.nominalCapacity = parameters.specificCapacity * parameters.activeMass;
    // A blocking cell stores q = C·U: one "state of charge" unit is the charge of one volt.
    else if (this.kind === "blocking") this.nominalCapacity = parameters.blockingCpe;
    else this.nominalCapacity = 0;
    this.capacity = this.nominalCapacity;
    this.zbar = full ? parameters.initialStateOfCharge : 0;
    this.temperature = kelvin;
    this.evaluateAt(kelvin);
  }

  // ------------------------------------------------------------------------------------------
  // Temperature and aging

  setTemperature(kelvin: number): void {
    if (kelvin !== this.temperature) {
      this.temperature = kelvin;
      this.evaluateAt(kelvin);
    }
  }

  private evaluateAt(kelvin: number): void {
    const p = this.p;
    const ref = p.referenceTemperature;
    this.thermal = thermalVoltage(kelvin);
    const conductivity = p.electrolyteConductivity * arrhenius(p.conductivityActivationEnergy, kelvin, ref);
    this.electrolyteResistance = p.electrolyteThickness / (conductivity * p.electrolyteArea);
    this.ohmic = this.electrolyteResistance + p.contactResistance;
    this.updateSodiumExchange();
    this.cathodeExchange = p.cathodeExchangeCurrent * arrhenius(p.cathodeActivationEnergy, kelvin, ref);
    this.fadeWeight = arrhenius(p.fadeActivationEnergy, kelvin, ref);
    if (this.modeTau.length > 0) {
      const theta = diffusionSlowdown(kelvin, p.vtfTemperature, p.vtfZeroTemperature, ref);
      const loading = Math.pow(p.activeMass / p.referenceMass, p.loadingExponent);
      for (let n = 0; n < this.modeTau.length; n++) {
        this.modeTau[n] = theta * loading * p.modeFirstTime * Math.pow(10, n * p.modeSpacing);
      }
    }
    if (this.rc.length > 0) {
      // Finite-length diffusion as RC modes: R_k = 2R_d/λ², τ_k = τ_d/λ², λ_k = (2k−1)π/2.
      const rd = (this.electrolyteResistance * (1 - p.transferenceNumber)) / p.transferenceNumber;
      for (let k = 0; k < this.rc.length; k++) {
        const lambda = ((2 * k + 1) * Math.PI) / 2;
        this.rcResistance[k] = (2 * rd) / (lambda * lambda);
        this.rcTau[k] = p.diffusionTime / (lambda * lambda);
      }
    }
  }

  private updateSodiumExchange(): void {
    const p = this.p;
    if (this.sodiumInterfaces === 0) return;
    const area = this.kind === "full" ? p.anodeArea : p.electrodeArea;
    const maturation = 1 + p.maturationFactor * Math.exp(-this.platingCycles / p.maturationCycles);
    this.sodiumExchange =
      (p.sodiumExchangeCurrentDensity * area * arrhenius(p.sodiumActivationEnergy, this.temperature, p.referenceTemperature)) / maturation;
  }

  endStep(): void {
    if (this.kind === "full" && this.stepThroughput > 0) {
      const p = this.p;
      this.equivalentCycles += this.stepThroughput / (2 * this.nominalCapacity);
      this.weightedCycles += this.stepWeightedThroughput / (2 * this.nominalCapacity);
      const n = this.weightedCycles;
      const activation = p.activationGain * (1 - Math.exp(-this.equivalentCycles / p.activationCycles));
      const loss = Math.min(MAX_LOSS, p.fadeLinear * n + p.fadeSqrt * Math.sqrt(n) - activation);
      this.capacity = this.nominalCapacity * (1 - loss);
    }
    if (this.stepSign !== 0) {
      if (this.stepSign < 0 && this.previousStepSign > 0) {
        this.platingCycles++;
        this.updateSodiumExchange();
      }
      this.previousStepSign = this.stepSign;
    }
    this.stepThroughput = 0;
    this.stepWeightedThroughput = 0;
    this.stepSign = 0;
  }

  // ------------------------------------------------------------------------------------------
  // Constant-current segments

  beginSegment(current: number): void {
    const p = this.p;
    const terms = this.terms;
    terms.clear();
    this.current = current;
    const k = this.capacity > 0 ? current / this.capacity : 0;
    this.socRate = current > 0 ? k * (1 - p.coulombicInefficiency) : k;
    let soc = this.zbar;
    for (let n = 0; n < this.modes.length; n++) {
      const target = this.modeWeight[n]! * k * this.modeTau[n]!;
      const gap = this.modes[n]! - target;
      this.modeTarget[n] = target;
      this.modeGap[n] = gap;
      soc += target;
      terms.add(gap, this.modeTau[n]!);
    }
    this.socConstant = soc;
    terms.voltageTermsFollow();

    if (current !== 0 && this.kind === "full") {
      this.hysteresisTarget = p.hysteresisVoltage * Math.sign(current);
      this.hysteresisDecay = p.hysteresisRate * Math.abs(k);
    } else {
      this.hysteresisTarget = this.hysteresis; // frozen at rest
      this.hysteresisDecay = 0;
    }
    this.hysteresisGap = this.hysteresis - this.hysteresisTarget;
    if (this.hysteresisGap !== 0) terms.add(this.hysteresisGap, 1 / this.hysteresisDecay);
    let volts = current * this.ohmic + this.kinetic(current) + this.hysteresisTarget;
    for (let j = 0; j < this.rc.length; j++) {
      const target = current * this.rcResistance[j]!;
      this.rcTarget[j] = target;
      this.rcGap[j] = this.rc[j]! - target;
      volts += target;
      terms.add(this.rcGap[j]!, this.rcTau[j]!);
    }
    this.voltageConstant = volts;
    this.nucleationAmplitude = 0;
    this.nucleationDecay = 0;
    if (this.kind === "symmetric" && current !== 0 && p.nucleationOvervoltage > 0) {
      const sign = Math.sign(current);
      const plated = sign === this.nucleationSign ? this.nucleationCharge : 0;
      this.nucleationAmplitude = sign * p.nucleationOvervoltage * Math.exp(-plated / p.nucleationCharge);
      this.nucleationDecay = Math.abs(current) / (p.electrodeArea * p.nucleationCharge);
      terms.add(this.nucleationAmplitude, 1 / this.nucleationDecay);
    }
  }

  /** Butler–Volmer overpotentials (symmetric, α = 0.5, solved for η). */
  private kinetic(current: number): number {
    let eta = 0;
    if (this.sodiumInterfaces > 0) eta += this.sodiumInterfaces * 2 * this.thermal * Math.asinh(current / (2 * this.sodiumExchange));
    if (this.hasCathode) eta += 2 * this.thermal * Math.asinh(current / (2 * this.cathodeExchange));
    return eta;
  }

  private kineticSlope(current: number): number {
    let slope = 0;
    if (this.sodiumInterfaces > 0) {
      const i0 = this.sodiumExchange;
      slope += (this.sodiumInterfaces * 2 * this.thermal) / Math.sqrt(4 * i0 * i0 + current * current);
    }
    if (this.hasCathode) {
      const i0 = this.cathodeExchange;
      slope += (2 * this.thermal) / Math.sqrt(4 * i0 * i0 + current * current);
    }
    return slope;
  }

  voltageAt(t: number): number {
    const terms = this.terms;
    terms.at(t);
    const z = this.socConstant + this.socRate * t + terms.soc;
    this.lastSurface = z;
    return this.ocv.voltage(z) + this.voltageConstant + terms.volts;
  }

  beginChords(): void {
    this.terms.beginChords();
  }

  chord(h: number, out: ChordValues): void {
    const terms = this.terms;
    terms.chord(h);
    const start = terms.chordStart;
    const zMid = this.socConstant + this.socRate * (start + 0.5 * h) + terms.socMid;
    const zEnd = this.socConstant + this.socRate * (start + h) + terms.socEnd;
    out.mid = this.ocv.voltage(zMid) + this.voltageConstant + terms.voltsMid;
    out.end = this.ocv.voltage(zEnd) + this.voltageConstant + terms.voltsEnd;
    out.midExcess = this.excess(zMid);
    out.endExcess = this.excess(zEnd);
  }

  acceptChord(): void {
    this.terms.acceptChord();
  }

  lastRangeExcess(): number {
    return this.excess(this.lastSurface);
  }

  /** Only moving further out counts: a cell that starts empty may still be charged. */
  private excess(z: number): number {
    if (this.current > 0) return z - this.ocv.highest;
    if (this.current < 0) return this.ocv.lowest - z;
    return -1;
  }

  commitSegment(t: number): void {
    if (t <= 0) return;
    this.zbar += this.socRate * t;
    for (let n = 0; n < this.modes.length; n++) {
      const x = t / this.modeTau[n]!;
      this.modes[n] = this.modeTarget[n]! + (x < NEGLIGIBLE_EXPONENT ? this.modeGap[n]! * Math.exp(-x) : 0);
    }
    this.hysteresis = this.hysteresisTarget + this.hysteresisGap * Math.exp(-this.hysteresisDecay * t);
    for (let k = 0; k < this.rc.length; k++) {
      const x = t / this.rcTau[k]!;
      this.rc[k] = this.rcTarget[k]! + (x < NEGLIGIBLE_EXPONENT ? this.rcGap[k]! * Math.exp(-x) : 0);
    }
    const charge = Math.abs(this.current) * t;
    if (this.current !== 0) {
      const sign = Math.sign(this.current);
      if (this.kind === "symmetric") {
        if (sign !== this.nucleationSign) this.nucleationCharge = 0;
        this.nucleationSign = sign;
        this.nucleationCharge += charge / this.p.electrodeArea;
      }
      this.stepSign = sign;
    }
    this.stepThroughput += charge;
    this.stepWeightedThroughput += charge * this.fadeWeight;
    // The segment continues from the new state.
    this.beginSegment(this.current);
  }

  // ------------------------------------------------------------------------------------------
  // Voltage-controlled sub-steps (CV holds, sweeps, constant power)

  // The sub-step's parts that do not depend on the unknown current: z_s(h; I) = a + I·g/Q, and
  // the RC branches' v(h) = fixed + I·perAmp. Prepared once per sub-step length.
  private substepLength = NaN;
  private substepSoc = 0;
  private substepModes = 0;
  private substepRcFixed = 0;
  private substepRcPerAmp = 0;
  /** dV/dI of the last substepVoltageAt. */
  private substepSlope = 0;

  private prepareSubstep(h: number): void {
    let a = this.zbar;
    let g = 0;
    for (let n = 0; n < this.modes.length; n++) {
      const e = Math.exp(-h / this.modeTau[n]!);
      a += this.modes[n]! * e;
      g += this.modeWeight[n]! * this.modeTau[n]! * (1 - e);
    }
    let fixed = 0;
    let perAmp = 0;
    for (let k = 0; k < this.rc.length; k++) {
      const e = Math.exp(-h / this.rcTau[k]!);
      fixed += this.rc[k]! * e;
      perAmp += this.rcResistance[k]! * (1 - e);
    }
    this.substepLength = h;
    this.substepSoc = a;
    this.substepModes = g;
    this.substepRcFixed = fixed;
    this.substepRcPerAmp = perAmp;
  }

  /** V at the end of the prepared sub-step if `current` flows through it; sets substepSlope. */
  private substepVoltageAt(current: number): number {
    const p = this.p;
    const h = this.substepLength;
    const q = this.capacity;
    const perCharge = q > 0 ? ((current > 0 ? h * (1 - p.coulombicInefficiency) : h) + this.substepModes) / q : 0;
    const z = this.substepSoc + current * perCharge;
    this.lastSurface = z;
    this.current = current;
    let v = this.ocv.voltage(z) + current * this.ohmic + this.kinetic(current) + this.substepRcFixed + current * this.substepRcPerAmp;
    let dv = this.ocv.slope(z) * perCharge + this.ohmic + this.kineticSlope(current) + this.substepRcPerAmp;
    if (this.kind === "full") {
      const sign = Math.sign(current);
      const towards = current === 0 ? this.hysteresis : p.hysteresisVoltage * sign;
      const decay = q > 0 ? Math.exp((-p.hysteresisRate * Math.abs(current) * h) / q) : 1;
      v += towards + (this.hysteresis - towards) * decay;
      if (q > 0) dv += (this.hysteresis - towards) * decay * ((-p.hysteresisRate * h) / q) * sign;
    } else if (this.kind === "symmetric" && current !== 0 && p.nucleationOvervoltage > 0) {
      const sign = Math.sign(current);
      const plated = sign === this.nucleationSign ? this.nucleationCharge : 0;
      const area = p.electrodeArea;
      const decay = Math.exp(-(plated + (Math.abs(current) * h) / area) / p.nucleationCharge);
      v += sign * p.nucleationOvervoltage * decay;
      dv -= (p.nucleationOvervoltage * decay * h) / (area * p.nucleationCharge);
    }
    this.substepSlope = dv;
    return v;
  }

  substepVoltage(current: number, h: number): number {
    this.prepareSubstep(h);
    return this.substepVoltageAt(current);
  }

  solveSubstep(control: SubstepControl, target: number, h: number, guess: number, compliance: number): number {
    this.prepareSubstep(h);
    if (control === "power") {
      let slope = 0;
      const f = (current: number): number => {
        const v = this.substepVoltageAt(current);
        slope = v + current * this.substepSlope;
        return current * v - target;
      };
      return solveMonotone(f, () => slope, guess, compliance, target);
    }
    return solveMonotone(
      (current) => this.substepVoltageAt(current) - target,
      () => this.substepSlope,
      guess,
      compliance,
      null,
    );
  }

  commitSubstep(current: number, h: number): void {
    this.beginSegment(current);
    this.commitSegment(h);
  }

  voltageWith(current: number): number {
    this.beginSegment(current);
    return this.voltageAt(0);
  }

  openCircuitVoltage(): number {
    let z = this.zbar;
    for (let n = 0; n < this.modes.length; n++) z += this.modes[n]!;
    let v = this.ocv.voltage(z) + (this.kind === "full" ? this.hysteresis : 0);
    for (let k = 0; k < this.rc.length; k++) v += this.rc[k]!;
    return v;
  }

  // ------------------------------------------------------------------------------------------
  // Impedance: the same parameters, linearised around the present state

  private readonly scratch = complex();

  impedance(frequency: number, dcCurrent: number, out: Impedance): void {
    const p = this.p;
    const omega = 2 * Math.PI * frequency;
    const z = this.scratch;
    out.re = 0;
    out.im = 0;
    if (this.kind === "blocking") {
      // Bulk resistance in parallel with the geometric capacitance, then the blocking double layer.
      const geometric = (VACUUM_PERMITTIVITY * p.relativePermittivity * p.electrolyteArea) / p.electrolyteThickness;
      parallelResistorCpe(this.electrolyteResistance, geometric, 1, omega, z);
      out.re += z.re + p.contactResistance;
      out.im += z.im;
      cpe(p.blockingCpe, p.blockingCpeExponent, omega, z);
      out.re += z.re;
      out.im += z.im + omega * p.strayInductance;
      return;
    }
    out.re += this.ohmic;
    out.im += omega * p.strayInductance;
    if (this.sodiumInterfaces > 0) {
      const i0 = this.sodiumExchange;
      const rct = (2 * this.thermal) / Math.sqrt(4 * i0 * i0 + dcCurrent * dcCurrent);
      parallelResistorCpe(rct, p.sodiumCpe, p.sodiumCpeExponent, omega, z);
      out.re += this.sodiumInterfaces * z.re;
      out.im += this.sodiumInterfaces * z.im;
    }
    if (this.hasCathode) {
      const i0 = this.cathodeExchange;
      const rct = (2 * this.thermal) / Math.sqrt(4 * i0 * i0 + dcCurrent * dcCurrent);
      parallelResistorCpe(rct, p.cathodeCpe, p.cathodeCpeExponent, omega, z);
      out.re += z.re;
      out.im += z.im;
      // Solid-state diffusion: (U′/Q)·[1/(jω) + Σ b_n τ_n/(1 + jωτ_n)].
      let surface = this.zbar;
      for (let n = 0; n < this.modes.length; n++) surface += this.modes[n]!;
      const scale = this.ocv.slope(surface) / this.capacity;
      let re = 0;
      let im = -1 / omega;
      for (let n = 0; n < this.modes.length; n++) {
        const tau = this.modeTau[n]!;
        const wt = omega * tau;
        const d = 1 + wt * wt;
        re += (this.modeWeight[n]! * tau) / d;
        im -= (this.modeWeight[n]! * tau * wt) / d;
      }
      out.re += scale * re;
      out.im += scale * im;
    }
    if (this.rc.length > 0) {
      const rd = (this.electrolyteResistance * (1 - p.transferenceNumber)) / p.transferenceNumber;
      transmissiveWarburg(rd, p.diffusionTime, omega, z);
      out.re += z.re;
      out.im += z.im;
    }
  }

  rangeLimitText(charging: boolean): string {
    const edge = charging ? this.ocv.highest : this.ocv.lowest;
    const volts = this.ocv.voltage(edge);
    return `the model cell is fully ${charging ? "charged" : "discharged"} at about ${volts.toFixed(2)} V open-circuit`;
  }

  stateSummary(): Record<string, number> {
    let surface = this.zbar;
    for (let n = 0; n < this.modes.length; n++) surface += this.modes[n]!;
    const summary: Record<string, number> = { temperature: this.temperature };
    if (this.kind === "full") {
      summary.stateOfCharge = this.zbar;
      summary.surfaceStateOfCharge = surface;
      summary.hysteresis = this.hysteresis;
      summary.capacity = this.capacity;
      summary.equivalentCycles = this.equivalentCycles;
    }
    if (this.kind === "blocking") summary.charge = this.zbar * this.capacity;
    if (this.sodiumInterfaces > 0) summary.sodiumChargeTransferResistance = this.thermal / this.sodiumExchange;
    if (this.kind === "symmetric") summary.platingCycles = this.platingCycles;
    return summary;
  }
}

/**
 * Solves f(I) = 0 for the sub-step current on [−compliance, compliance] by Newton's method kept
 * inside a shrinking bracket (bisection whenever Newton would leave it or the slope is not
 * positive). f rises with I. If no root lies inside, the current stops at the compliance limit,
 * which is what an instrument channel does. For constant power the bracket is the half-range whose
 * sign matches the power, because I·V − P has a second, unphysical root at high current.
 */
export function solveMonotone(
  f: (current: number) => number,
  slopeOfLast: () => number,
  guess: number,
  compliance: number,
  power: number | null,
): number {
  let lo = -compliance;
  let hi = compliance;
  if (power !== null) {
    if (power >= 0) lo = 0;
    else hi = 0;
  }
  let edgesChecked = false;
  let current = Math.min(hi, Math.max(lo, guess));
  let value = f(current);
  let slope = slopeOfLast();
  for (let iteration = 0; iteration < 100; iteration++) {
    if (!Number.isFinite(value) || Math.abs(value) < 1e-13) break;
    if (value > 0) hi = current;
    else lo = current;
    let next = current - value / slope;
    if (!(slope > 0) || !(next > lo && next < hi)) {
      if (!edgesChecked) {
        // Newton wants to leave the range: the root may lie beyond the compliance limit.
        edgesChecked = true;
        const edge = value > 0 ? lo : hi;
        const atEdge = f(edge);
        if (value > 0 ? atEdge >= 0 : atEdge <= 0) return edge;
      }
      next = 0.5 * (lo + hi);
    }
    if (Math.abs(next - current) <= 1e-16 + 1e-13 * Math.abs(current)) return next;
    current = next;
    value = f(current);
    slope = slopeOfLast();
  }
  return current;
}
