// What an Arbin MITS Pro 7 schedule can express. Anything not listed is refused (a diagnostic
// at the first place the protocol uses it); emulated constructs are listed in the file header.

import type { CapabilityTable } from "../target.js";
import { MAX_LOOP_DEPTH } from "./conventions.js";

export const arbinCapabilities: CapabilityTable = {
  constructs: {
    rest: "native",
    ocv: "emulated",
    constantCurrent: "native",
    constantVoltage: "native",
    ccCv: "native",
    temperature: "emulated",
    loop: "native",
    nestedLoop: "native",
    loopUntil: "native",
    group: "native",
    stop: "native",
    cRate: "emulated",
    currentDensity: "emulated",
    specificCurrent: "emulated",
    capacityEnd: "emulated",
    recordRule: "native",
    safetyLimits: "native",
  },
  maxLoopDepth: MAX_LOOP_DEPTH,
  notes: {
    ocv: "a Rest step (MITS logs the open-circuit voltage while resting)",
    temperature:
      "only at the start, before any current: the set-point becomes an instruction in the schedule comments and the settle time a Rest step; MITS 7 schedules do not drive a chamber, so a set-point later in the protocol needs --plan",
    cRate: "resolved to amperes with the cell's nominal capacity (a MITS C-Rate step would take the capacity from the test setup instead)",
    currentDensity: "resolved to amperes with the electrode area",
    specificCurrent: "resolved to amperes with the active mass",
    capacityEnd:
      "MITS counts charge since the last capacity reset, not per step, so a Set Variable(s) step resets the capacities just before the step (the cycle's capacity in the data restarts there)",
    loop: "a Set Variable(s) step resets a TC counter before the loop; one after the body advances it and jumps back while it is below the count",
    constantPower: "the MITS 7 control type for constant power is not documented in any public schedule",
    pause: "MITS 7 schedules have no operator-pause step",
    cycleAction: "running steps only in some passes would need formulas on the TC counters, which are not verified",
    eis: "Arbin cyclers without an impedance option cannot run EIS, and no public schedule shows one",
    galvanostaticEis: "Arbin cyclers without an impedance option cannot run EIS, and no public schedule shows one",
    linearSweep: "no voltage-sweep control type is documented for MITS 7",
    cyclicVoltammetry: "no voltage-sweep control type is documented for MITS 7",
    ocvRelativeVoltage: "MITS voltages are absolute",
    temperatureEnd: "ending a step on temperature needs an auxiliary channel (AV_T), which MITS 7 schedules do not name reliably",
  },
};
