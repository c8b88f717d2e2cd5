// What an EC-Lab settings file can say. Cycling steps go into Modulo Bat sequences; open circuit,
// impedance and sweeps are techniques of their own, linked in order in the same file.

import type { CapabilityTable } from "../target.js";

export const biologicCapabilities: CapabilityTable = {
  constructs: {
    rest: "native",
    ocv: "native",
    constantCurrent: "native",
    constantVoltage: "native",
    ccCv: "emulated",
    eis: "native",
    galvanostaticEis: "native",
    linearSweep: "native",
    cyclicVoltammetry: "native",
    temperature: "emulated",
    loop: "native",
    nestedLoop: "native",
    cycleAction: "emulated",
    group: "native",
    cRate: "native",
    currentDensity: "emulated",
    specificCurrent: "emulated",
    ocvRelativeVoltage: "native",
    capacityEnd: "native",
    recordRule: "native",
    safetyLimits: "native",
  },
  maxLoopDepth: null,
  notes: {
    ccCv: "written as a Modulo Bat CC sequence followed by a CV sequence at the cut-off voltage (the CV keeps the CC's current range)",
    temperature:
      "EC-Lab has no chamber control: a set-point at the start becomes an instruction in the file's comments and a rest for its settle time; a set-point later in the protocol is refused",
    cycleAction: "EC-Lab loops cannot test the cycle number: the loop is cut at the cycles the steps run in, each stretch of identical cycles staying a loop",
    currentDensity: "resolved to amperes with the cell's electrode area",
    specificCurrent: "resolved to amperes with the cell's active mass",
    cRate: "written as EC-Lab's own C / N or C x N with the battery capacity in the header when N is exact with 2 decimals, otherwise resolved to amperes",
    ocvRelativeVoltage: "set against Eoc, the open-circuit potential EC-Lab measures when the technique starts",
    constantPower: "the Modulo Bat power control was not confirmed in a real settings file",
    pause: "EC-Lab settings have no step that waits for the operator",
    loopUntil: "EC-Lab loops repeat a fixed number of times",
    stop: "EC-Lab loops cannot end the run on a capacity or efficiency condition",
    temperatureEnd: "ending a step on temperature needs a probe EC-Lab settings cannot assume",
  },
};
