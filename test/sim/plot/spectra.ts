// Impedance spectra of textbook equivalent circuits, for the Nyquist tests: a blocking cell
// (bulk resistance and a constant-phase electrode capacitance), a cell whose semicircle closes
// on the real axis, and one with a semicircle followed by a capacitive tail.

import type { EisPoint, EisSpectrum } from "../../../src/sim/types.js";

interface Complex {
  re: number;
  im: number;
}

const add = (a: Complex, b: Complex): Complex => ({ re: a.re + b.re, im: a.im + b.im });
const inverse = (a: Complex): Complex => {
  const d = a.re * a.re + a.im * a.im;
  return { re: a.re / d, im: -a.im / d };
};
const resistor = (ohms: number): Complex => ({ re: ohms, im: 0 });
/** 1 / (Q (jω)^n): n = 1 is a capacitor, n < 1 a constant-phase element. */
const cpe = (q: number, n: number, omega: number): Complex => {
  const magnitude = q * Math.pow(omega, n);
  return inverse({ re: magnitude * Math.cos((n * Math.PI) / 2), im: magnitude * Math.sin((n * Math.PI) / 2) });
};
const parallel = (a: Complex, b: Complex): Complex => inverse(add(inverse(a), inverse(b)));

/** Hz: from `high` down to `low`, `perDecade` points a decade. */
export function frequencies(high = 1e6, low = 0.01, perDecade = 10): number[] {
  const count = Math.round(Math.log10(high / low) * perDecade);
  return Array.from({ length: count + 1 }, (_, i) => high * Math.pow(10, -i / perDecade));
}

function sweep(impedance: (omega: number) => Complex, hz: number[]): EisPoint[] {
  return hz.map((frequency) => {
    const z = impedance(2 * Math.PI * frequency);
    return { frequency, real: z.re, imaginary: z.im, modulus: Math.hypot(z.re, z.im), phase: (Math.atan2(z.im, z.re) * 180) / Math.PI };
  });
}

/** SS | electrolyte | SS: the bulk resistance in series with the electrodes' double layer. */
export function blockingCell(bulk: number, hz = frequencies()): EisPoint[] {
  return sweep((w) => add(resistor(bulk), cpe(2e-6, 0.9, w)), hz);
}

/** R_s + (R_ct ∥ C): one semicircle that closes on the real axis at R_s + R_ct. */
export function closingSemicircle(series: number, chargeTransfer: number, capacitance = 1e-6, hz = frequencies()): EisPoint[] {
  return sweep((w) => add(resistor(series), parallel(resistor(chargeTransfer), cpe(capacitance, 1, w))), hz);
}

/** R_s + (R_ct ∥ C) + a capacitive tail (an intercalation electrode's diffusion capacitance). */
export function semicircleAndTail(series: number, chargeTransfer: number, tailCapacitance: number, hz = frequencies()): EisPoint[] {
  return sweep((w) => add(add(resistor(series), parallel(resistor(chargeTransfer), cpe(1e-6, 1, w))), cpe(tailCapacitance, 0.85, w)), hz);
}

export function spectrum(step: number, points: EisPoint[], options: { cycle?: number; celsius?: number } = {}): EisSpectrum {
  return {
    step,
    stepId: String(step),
    cycle: options.cycle ?? 1,
    time: step * 3600,
    cellTemperature: (options.celsius ?? 25) + 273.15,
    dcCurrent: 0,
    points,
  };
}
