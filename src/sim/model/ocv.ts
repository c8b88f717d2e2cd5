// Open-circuit voltage against the cathode's state of charge z (0 = fully sodiated, 1 = charged).
//
// The full-cell curves use the MSMR form (several reactions, each a Fermi–Dirac step in
// potential), which gives z as a function of U. The simulator needs U(z), so the curve is
// inverted once by bisection into a fine table and then read by linear interpolation: O(1) per
// evaluation, which matters because a 10,000-cycle run evaluates it millions of times.

import { ROOM_TEMPERATURE, thermalVoltage } from "./constants.js";

/** One MSMR reaction: its share of the capacity, its standard potential and its width
 * (ω, in multiples of the thermal voltage; large ω = sloping, small ω = flat plateau). */
export interface OcvTerm {
  fraction: number;
  /** V vs Na+/Na */
  potential: number;
  width: number;
}

/** The open-circuit voltage as the simulator reads it. */
export interface OpenCircuitCurve {
  /** V at state of charge z. Defined for every z (steep linear extension outside the table). */
  voltage(z: number): number;
  /** dU/dz (V per unit state of charge). */
  slope(z: number): number;
  /** The range of z in which the curve is physical. Outside it the model cell is empty or full. */
  readonly lowest: number;
  readonly highest: number;
}

const TABLE_POINTS = 4097;
/** Table ends: not the bisection bounds, which would give 0.5 V / 5.5 V artefacts. */
const TABLE_LOW = 1e-4;
const TABLE_HIGH = 1 - 1e-4;
/** V per unit z beyond the table: over-charge or over-discharge always reaches a cut-off and a
 * Newton solve stays well defined, while the guard on `lowest`/`highest` reports the problem. */
const EXTENSION_SLOPE = 20;

/** Sodiated fraction x(U) of an MSMR curve, normalised so the fractions sum to 1. */
function sodiatedFraction(terms: readonly OcvTerm[], total: number, volts: number, thermal: number): number {
  let x = 0;
  for (const t of terms) x += t.fraction / (1 + Math.exp((volts - t.potential) / (t.width * thermal)));
  return x / total;
}

/** An MSMR curve tabulated at 25 °C (the entropic term dU/dT is taken as zero). */
export class MsmrCurve implements OpenCircuitCurve {
  readonly lowest = TABLE_LOW;
  readonly highest = TABLE_HIGH;
  private readonly table = new Float64Array(TABLE_POINTS);
  private readonly step = (TABLE_HIGH - TABLE_LOW) / (TABLE_POINTS - 1);
  private readonly inverseStep = 1 / this.step;

  constructor(terms: readonly OcvTerm[]) {
    const thermal = thermalVoltage(ROOM_TEMPERATURE);
    const total = terms.reduce((sum, t) => sum + t.fraction, 0);
    let low = Infinity;
    let high = -Infinity;
    for (const t of terms) {
      low = Math.min(low, t.potential - 60 * t.width * thermal);
      high = Math.max(high, t.potential + 60 * t.width * thermal);
    }
    for (let i = 0; i < TABLE_POINTS; i++) {
      const z = TABLE_LOW + i * this.step;
      // z(U) = 1 − x(U) rises with U; bisect for the U that gives this z.
      let a = low;
      let b = high;
      for (let k = 0; k < 64; k++) {
        const mid = 0.5 * (a + b);
        if (1 - sodiatedFraction(terms, total, mid, thermal) < z) a = mid;
        else b = mid;
      }
      this.table[i] = 0.5 * (a + b);
    }
  }

  voltage(z: number): number {
    const table = this.table;
    if (z <= TABLE_LOW) return table[0]! + EXTENSION_SLOPE * (z - TABLE_LOW);
    if (z >= TABLE_HIGH) return table[TABLE_POINTS - 1]! + EXTENSION_SLOPE * (z - TABLE_HIGH);
    const s = (z - TABLE_LOW) * this.inverseStep;
    let i = Math.floor(s);
    if (i > TABLE_POINTS - 2) i = TABLE_POINTS - 2;
    const left = table[i]!;
    return left + (s - i) * (table[i + 1]! - left);
  }

  slope(z: number): number {
    if (z <= TABLE_LOW || z >= TABLE_HIGH) return EXTENSION_SLOPE;
    const s = (z - TABLE_LOW) * this.inverseStep;
    let i = Math.floor(s);
    if (i > TABLE_POINTS - 2) i = TABLE_POINTS - 2;
    return (this.table[i + 1]! - this.table[i]!) * this.inverseStep;
  }
}

/** A Na | Na cell: both electrodes are the same metal, so the open-circuit voltage is zero. */
export class ZeroCurve implements OpenCircuitCurve {
  readonly lowest = -Infinity;
  readonly highest = Infinity;
  voltage(_z: number): number {
    return 0;
  }
  slope(_z: number): number {
    return 0;
  }
}

/** A blocking cell stores charge as a capacitor: U = z volts, with z = charge / (C · 1 V). */
export class CapacitorCurve implements OpenCircuitCurve {
  readonly lowest = -Infinity;
  readonly highest = Infinity;
  voltage(z: number): number {
    return z;
  }
  slope(_z: number): number {
    return 1;
  }
}

/** A generic sloping curve for a cathode without a parameter set: one broad MSMR reaction
 * centred in the voltage window, reaching z = 0.02 at the lower and 0.98 at the upper limit. */
export function genericOcvTerms(minVolts: number, maxVolts: number): OcvTerm[] {
  const thermal = thermalVoltage(ROOM_TEMPERATURE);
  // x = 1/(1 + e^u) = 0.02 at the upper limit ⇒ u = ln 49.
  const width = (maxVolts - minVolts) / 2 / (Math.log(49) * thermal);
  return [{ fraction: 1, potential: (minVolts + maxVolts) / 2, width }];
}
