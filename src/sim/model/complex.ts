// The little complex arithmetic that impedance needs: R‖CPE arcs, Warburg elements, sums.

import type { Impedance } from "./cell-model.js";

export function complex(re = 0, im = 0): Impedance {
  return { re, im };
}

/** 1 / (a + jb) */
export function reciprocal(re: number, im: number, out: Impedance): Impedance {
  const d = re * re + im * im;
  out.re = re / d;
  out.im = -im / d;
  return out;
}

/** Z of a resistor R in parallel with a constant-phase element Q(jω)^n: R / (1 + R·Q·(jω)^n). */
export function parallelResistorCpe(resistance: number, q: number, n: number, omega: number, out: Impedance): Impedance {
  const magnitude = resistance * q * Math.pow(omega, n);
  const angle = (n * Math.PI) / 2;
  const denRe = 1 + magnitude * Math.cos(angle);
  const denIm = magnitude * Math.sin(angle);
  reciprocal(denRe, denIm, out);
  out.re *= resistance;
  out.im *= resistance;
  return out;
}

/** Z of a constant-phase element alone: 1 / (Q·(jω)^n). */
export function cpe(q: number, n: number, omega: number, out: Impedance): Impedance {
  const magnitude = q * Math.pow(omega, n);
  const angle = (n * Math.PI) / 2;
  return reciprocal(magnitude * Math.cos(angle), magnitude * Math.sin(angle), out);
}

/** Finite-length (transmissive) Warburg: R·tanh(√(jωτ))/√(jωτ). */
export function transmissiveWarburg(resistance: number, tau: number, omega: number, out: Impedance): Impedance {
  // √(jωτ) = s(1 + j) with s = √(ωτ/2).
  const s = Math.sqrt((omega * tau) / 2);
  if (s < 1e-6) {
    out.re = resistance;
    out.im = 0;
    return out;
  }
  // tanh(x + jy) = (sinh 2x + j sin 2y) / (cosh 2x + cos 2y), with x = y = s.
  let tRe: number;
  let tIm: number;
  if (2 * s > 40) {
    tRe = 1;
    tIm = 0;
  } else {
    const den = Math.cosh(2 * s) + Math.cos(2 * s);
    tRe = Math.sinh(2 * s) / den;
    tIm = Math.sin(2 * s) / den;
  }
  // divide by s(1 + j): (tRe + j tIm)(1 − j) / (2s)
  out.re = (resistance * (tRe + tIm)) / (2 * s);
  out.im = (resistance * (tIm - tRe)) / (2 * s);
  return out;
}
