// What a Maccor procedure can express. Anything not listed is refused (a diagnostic at the first
// place the protocol uses it); emulated constructs are listed in the procedure's header.

import type { CapabilityTable } from "../target.js";
import { MAX_LOOP_DEPTH } from "./conventions.js";

export const maccorCapabilities: CapabilityTable = {
  constructs: {
    rest: "native",
    ocv: "emulated",
    constantCurrent: "native",
    constantPower: "native",
    constantVoltage: "native",
    ccCv: "native",
    eis: "native",
    temperature: "emulated",
    pause: "native",
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
  maxLoopDepth: MAX_LOOP_DEPTH,
  notes: {
    ocv: "a Rest step (the Maccor logs the open-circuit voltage while resting)",
    constantPower: "StepMode Power; written by BEEP's converter, not seen in a real procedure: check it on the instrument",
    eis: "an FRA step naming a .FRA side file (potentiostatic, at open circuit); the FRA set-up other than the sweep is copied from a public sample",
    temperature: "Maccor chamber control is not documented: the set-point becomes an operator Pause step (and the settle time a Rest step)",
    cRate: "resolved to amperes with the cell's nominal capacity (Maccor's own C values need the capacity entered at test start)",
    currentDensity: "resolved to amperes with the electrode area",
    specificCurrent: "resolved to amperes with the active mass",
    nestedLoop: `Do 1 … Do ${MAX_LOOP_DEPTH} / Loop 1 … Loop ${MAX_LOOP_DEPTH}, one level number per depth`,
    galvanostaticEis: "the .FRA set-up for galvanostatic impedance is not verified",
    linearSweep: "Maccor cyclers have no verified voltage-sweep step",
    cyclicVoltammetry: "Maccor cyclers have no verified voltage-sweep step",
    loopUntil: "a Loop step counts passes; ending it on capacity would need Maccor variables, which are not verified",
    cycleAction: "a Do/Loop pair cannot run steps only in some passes",
    stop: "stopping on a cycle condition would need Maccor variables, which are not verified",
    ocvRelativeVoltage: "Maccor voltage set-points are absolute",
    temperatureEnd: "thermocouple ends (Themocpl) are seen in files but their value format is not verified",
  },
};
