// What a BattINFO test-protocol record can state. The record describes a test (it is queryable,
// not executed), so nearly everything has a place; what has none is said in words in the
// step's description or the record's notes, and listed as an emulation.

import type { CapabilityTable } from "../target.js";

export const battinfoCapabilities: CapabilityTable = {
  constructs: {
    rest: "native",
    ocv: "emulated",
    constantCurrent: "native",
    constantPower: "native",
    constantVoltage: "native",
    ccCv: "native",
    eis: "native",
    galvanostaticEis: "native",
    linearSweep: "native",
    cyclicVoltammetry: "native",
    temperature: "native",
    pause: "emulated",
    loop: "native",
    nestedLoop: "native",
    loopUntil: "emulated",
    cycleAction: "emulated",
    group: "emulated",
    stop: "emulated",
    cRate: "native",
    currentDensity: "native",
    specificCurrent: "native",
    ocvRelativeVoltage: "native",
    capacityEnd: "native",
    recordRule: "native",
    safetyLimits: "native",
  },
  maxLoopDepth: null,
  notes: {
    ocv: 'a rest step tagged "open circuit voltage" (BattINFO has no OCV mode)',
    pause: 'a rest step tagged "operator pause", its message as the description',
    loopUntil: "the group's description states the condition; a BattINFO group has a count only",
    cycleAction: "the loop is written as groups of identical passes, the passes that run the extra steps holding them",
    group: "the section, sweep value or sequence call becomes a tag of every step inside it",
    stop: "the enclosing group's description states it; BattINFO has no stop condition",
    safetyLimits:
      "the protocol's limits go to `safety`; a power limit and the limits of single steps have no field there and are stated in the notes (listed as emulations)",
    temperatureEnd: "BattINFO's terminations are voltage, current, C-rate, capacity, state of charge and duration",
  },
};
