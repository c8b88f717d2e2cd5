// What a PyBaMM experiment can express. Anything not listed is refused (a diagnostic at the first
// place the protocol uses it); emulated constructs are listed in the file header.

import type { CapabilityTable } from "../target.js";

export const pybammCapabilities: CapabilityTable = {
  constructs: {
    rest: "native",
    ocv: "emulated",
    constantCurrent: "native",
    constantPower: "native",
    constantVoltage: "native",
    ccCv: "emulated",
    temperature: "emulated",
    loop: "native",
    nestedLoop: "native",
    cycleAction: "emulated",
    group: "emulated",
    cRate: "native",
    currentDensity: "emulated",
    specificCurrent: "emulated",
    capacityEnd: "emulated",
    recordRule: "emulated",
    safetyLimits: "emulated",
  },
  maxLoopDepth: null,
  notes: {
    ocv: "a Rest step (zero current): the simulated open-circuit voltage is what an OCV measurement records",
    ccCv: "two steps, a Charge (or Discharge) until the voltage and a Hold at it: PyBaMM's current grammar has no CC-CV step",
    temperature:
      'PyBaMM\'s temperature= keyword on the steps that run at it (or on the experiment when every step does); a settle time becomes a Rest tagged "temperature settle"',
    cycleAction:
      "the loop is written as runs of identical passes, the passes that run the extra steps holding them, so the file stays small",
    group: "a comment above the steps; PyBaMM has no groups",
    currentDensity: "resolved to A or mA with the electrode area",
    specificCurrent: "resolved to A or mA with the active mass",
    capacityEnd: "on a constant-current step, the time that passes that charge (capacity ÷ current); PyBaMM has no capacity termination",
    recordRule:
      "the time part becomes PyBaMM's period (output every N seconds); voltage and current triggers have no PyBaMM equivalent and are not simulated",
    safetyLimits:
      "the protocol's voltage window becomes the parameter set's voltage cut-offs; current, capacity, power and temperature limits are not simulated",
    eis: "experiments have no impedance step (PyBaMM simulates impedance separately, with pybamm.EISSimulation)",
    galvanostaticEis: "experiments have no impedance step",
    linearSweep: "the step grammar has no voltage sweep",
    cyclicVoltammetry: "the step grammar has no voltage sweep",
    pause: "a simulation has no operator to wait for",
    loopUntil: "PyBaMM repeats cycles a fixed number of times; its experiment-level capacity termination measures something else",
    stop: "PyBaMM cannot end an experiment on a per-cycle condition of this kind",
    ocvRelativeVoltage: "PyBaMM's voltages are absolute",
    temperatureEnd: "PyBaMM's step terminations are voltage, current and C-rate only",
  },
};
