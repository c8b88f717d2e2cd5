// What a Neware BTS step file can express. Anything not listed is refused (a diagnostic at the
// first place the protocol uses it); emulated constructs are listed in the file header.

import type { CapabilityTable } from "../target.js";

export const newareCapabilities: CapabilityTable = {
  constructs: {
    rest: "native",
    ocv: "emulated",
    constantCurrent: "native",
    constantVoltage: "native",
    ccCv: "native",
    temperature: "emulated",
    loop: "native",
    nestedLoop: "native",
    group: "native",
    cRate: "emulated",
    currentDensity: "emulated",
    specificCurrent: "emulated",
    capacityEnd: "native",
    recordRule: "native",
    safetyLimits: "native",
  },
  maxLoopDepth: null,
  notes: {
    ocv: "a rest step (BTS logs the open-circuit voltage while resting)",
    temperature:
      "only at the start, before any current: the set-point becomes an instruction in the file header and the settle time a rest step; a set-point later in the protocol needs --plan",
    cRate: "resolved to mA with the cell's nominal capacity; the C-rate (Rate) and the capacity (MultCap) are written beside it for reference",
    currentDensity: "resolved to mA with the electrode area",
    specificCurrent: "resolved to mA with the active mass",
    constantPower: "BTS has constant-power steps (types 8 and 9), but their XML fields and units are not verified",
    pause: "BTS step files have no verified operator-pause step",
    loopUntil: "a Cycle step repeats a fixed number of times; ending on capacity would need BTS expressions, which are not verified",
    cycleAction: "a Cycle step cannot run steps only in some passes",
    stop: "stopping on a cycle condition would need BTS expressions, which are not verified",
    eis: "BTS cyclers have no impedance hardware",
    galvanostaticEis: "BTS cyclers have no impedance hardware",
    linearSweep: "BTS has no verified voltage-sweep step",
    cyclicVoltammetry: "BTS has no verified voltage-sweep step",
    ocvRelativeVoltage: "BTS voltages are absolute",
    temperatureEnd: "BTS ends steps on the chamber temperature only through auxiliary channels, which are not verified",
  },
};
