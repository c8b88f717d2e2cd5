// A reference integrator for the benchmark: the same full-cell model (OCV of the surface state of
// charge, ohmic drop, Butler–Volmer terms, diffusion modes, hysteresis, fade at step ends) written
// as ordinary differential equations and integrated with classical Runge–Kutta at a fixed 1 s
// step, logging every step, the way a general-purpose simulator would. It shares only the
// building blocks (OCV table, temperature laws), not the closed-form stepping, so it is also an
// independent check of the simulator's exact solution.

import { arrhenius, thermalVoltage } from "../src/sim/model/constants.js";
import { MsmrCurve } from "../src/sim/model/ocv.js";
import { diffusionSlowdown } from "../src/sim/model/temperature.js";
import type { CellParameters } from "../src/sim/parameters/catalogue.js";

export interface FixedStepStep {
  /** s since the step began, 0, 1, 2, ... (the last point is the interpolated cut-off) */
  times: number[];
  voltages: number[];
}

/** Runs `cycles` CC charge/discharge cycles at `current` A between `low` and `high` V, 25 °C. */
export function runFixedStep(p: CellParameters, current: number, low: number, high: number, cycles: number, dt = 1): FixedStepStep[] {
  const ocv = new MsmrCurve(p.ocv.terms);
  const kelvin = p.referenceTemperature;
  const vt = thermalVoltage(kelvin);
  const ohmic =
    p.electrolyteThickness / (p.electrolyteConductivity * arrhenius(p.conductivityActivationEnergy, kelvin, kelvin) * p.electrolyteArea) +
    p.contactResistance;
  const i0Na = p.sodiumExchangeCurrentDensity * p.anodeArea;
  const i0c = p.cathodeExchangeCurrent;
  const theta = diffusionSlowdown(kelvin, p.vtfTemperature, p.vtfZeroTemperature, kelvin);
  const loading = Math.pow(p.activeMass / p.referenceMass, p.loadingExponent);
  const m = Math.round(p.modeCount);
  const tau = Array.from({ length: m }, (_, n) => theta * loading * p.modeFirstTime * Math.pow(10, n * p.modeSpacing));
  const weight = Array.from({ length: m }, (_, n) => p.modeWeight * Math.pow(10, -p.modeExponent * n * p.modeSpacing));
  const nominal = p.specificCapacity * p.activeMass;

  // State: [z̄, x_0..x_{m−1}, h]
  const state = new Float64Array(m + 2);
  state[0] = p.initialStateOfCharge;
  let capacity = nominal;
  let weighted = 0;

  const derivative = (s: Float64Array, amps: number, out: Float64Array): void => {
    const k = amps / capacity;
    out[0] = amps > 0 ? k * (1 - p.coulombicInefficiency) : k;
    for (let n = 0; n < m; n++) out[1 + n] = -s[1 + n]! / tau[n]! + weight[n]! * k;
    out[m + 1] = -p.hysteresisRate * Math.abs(k) * (s[m + 1]! - p.hysteresisVoltage * Math.sign(amps));
  };
  const voltage = (s: Float64Array, amps: number): number => {
    let z = s[0]!;
    for (let n = 0; n < m; n++) z += s[1 + n]!;
    return ocv.voltage(z) + s[m + 1]! + amps * ohmic + 2 * vt * Math.asinh(amps / (2 * i0Na)) + 2 * vt * Math.asinh(amps / (2 * i0c));
  };

  const k1 = new Float64Array(m + 2);
  const k2 = new Float64Array(m + 2);
  const k3 = new Float64Array(m + 2);
  const k4 = new Float64Array(m + 2);
  const tmp = new Float64Array(m + 2);
  const next = new Float64Array(m + 2);
  const rk4 = (amps: number): void => {
    derivative(state, amps, k1);
    for (let i = 0; i < state.length; i++) tmp[i] = state[i]! + 0.5 * dt * k1[i]!;
    derivative(tmp, amps, k2);
    for (let i = 0; i < state.length; i++) tmp[i] = state[i]! + 0.5 * dt * k2[i]!;
    derivative(tmp, amps, k3);
    for (let i = 0; i < state.length; i++) tmp[i] = state[i]! + dt * k3[i]!;
    derivative(tmp, amps, k4);
    for (let i = 0; i < state.length; i++) next[i] = state[i]! + (dt / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
  };

  const steps: FixedStepStep[] = [];
  for (let c = 0; c < cycles; c++) {
    for (const amps of [current, -current]) {
      const times = [0];
      const voltages = [voltage(state, amps)];
      let t = 0;
      let passed = 0;
      for (;;) {
        rk4(amps);
        const before = voltages.at(-1)!;
        const after = voltage(next, amps);
        const crossed = amps > 0 ? after >= high : after <= low;
        if (crossed) {
          // The cut-off between two logged points: linear interpolation, as fixed-step codes do.
          const fraction = ((amps > 0 ? high : low) - before) / (after - before);
          for (let i = 0; i < state.length; i++) state[i] = state[i]! + fraction * (next[i]! - state[i]!);
          t += fraction * dt;
          passed += Math.abs(amps) * fraction * dt;
          times.push(t);
          voltages.push(amps > 0 ? high : low);
          break;
        }
        state.set(next);
        t += dt;
        passed += Math.abs(amps) * dt;
        times.push(t);
        voltages.push(after);
        if (t > 1e6) break;
      }
      steps.push({ times, voltages });
      // Fade at the step end, as the simulator books it.
      weighted += passed / (2 * nominal);
      const loss = p.fadeLinear * weighted + p.fadeSqrt * Math.sqrt(weighted);
      capacity = nominal * (1 - loss);
    }
  }
  return steps;
}
