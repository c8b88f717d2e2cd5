// What a LAND keying sheet can say. Anything not listed is refused (a diagnostic at the first
// place the protocol uses it); emulated constructs are listed in the sheet's header.

import type { CapabilityTable } from "../target.js";

const POTENTIOSTAT =
  "LAND cyclers have no impedance or sweep hardware: compile with --plan --cycler land --potentiostat chi to run it on a potentiostat";

export const landCapabilities: CapabilityTable = {
  constructs: {
    rest: "native",
    ocv: "emulated",
    constantCurrent: "native",
    constantVoltage: "native",
    ccCv: "emulated",
    temperature: "emulated",
    pause: "emulated",
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
    ocv: "a 静置 (rest) row; LAND logs the open-circuit voltage while resting",
    ccCv: "a 恒流充电 (CC) row then a 恒压充电 (CV) row at the cut-off voltage",
    temperature: "LAND has no chamber control: an operator row says when to set the oven and how long to wait",
    pause: "the step editor has no pause: an operator row says where to pause the channel",
    cRate: "resolved to mA or µA with the cell's nominal capacity",
    currentDensity: "resolved to mA or µA with the electrode area",
    specificCurrent: "resolved to mA or µA with the active mass",
    constantPower: "no LAND constant-power mode is documented",
    eis: POTENTIOSTAT,
    galvanostaticEis: POTENTIOSTAT,
    linearSweep: POTENTIOSTAT,
    cyclicVoltammetry: POTENTIOSTAT,
    loopUntil: "a 循环 row repeats a fixed number of times",
    cycleAction: "a 循环 row cannot run steps only in some passes",
    stop: "no LAND condition on a whole cycle is documented",
    ocvRelativeVoltage: "LAND voltages are absolute",
    temperatureEnd: "LAND steps do not end on the oven temperature",
  },
};
