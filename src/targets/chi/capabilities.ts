// What a CHI macro can say: the electrochemical techniques, galvanostatic segments through
// chronopotentiometry (cp), and counted loops.

import type { CapabilityTable } from "../target.js";

export const chiCapabilities: CapabilityTable = {
  constructs: {
    rest: "native",
    ocv: "native",
    constantCurrent: "native",
    constantVoltage: "native",
    ccCv: "emulated",
    eis: "native",
    linearSweep: "native",
    cyclicVoltammetry: "native",
    temperature: "emulated",
    loop: "native",
    nestedLoop: "native",
    cycleAction: "emulated",
    group: "native",
    cRate: "emulated",
    currentDensity: "emulated",
    specificCurrent: "emulated",
    recordRule: "emulated",
    safetyLimits: "emulated",
    ocvRelativeVoltage: "emulated",
  },
  maxLoopDepth: null,
  notes: {
    ccCv: "written as one chronopotentiometry (cp) segment that holds at the cut-off for the CV part's time (heht/leht); a CV part that ends on current is refused",
    temperature: "CHI macros have no chamber control: a set-point at the start becomes an instruction in the header and a delay for its settle time; later set-points are refused",
    cycleAction: "CHI loops cannot test the cycle number: the loop is cut at the cycles the steps run in, each stretch of identical cycles staying a loop",
    cRate: "resolved to amperes with the cell's nominal capacity",
    currentDensity: "resolved to amperes with the cell's electrode area",
    specificCurrent: "resolved to amperes with the cell's active mass",
    recordRule: "CHI samples at a fixed interval: a recording rule's time becomes the sample interval; voltage and current change triggers are dropped",
    safetyLimits: "CHI macros have no safety limits: the voltage limits bound the cp and ocpt potentials; other techniques run within the instrument's own limits",
    galvanostaticEis: "the CHI impedance technique (imp) controls potential; no galvanostatic impedance command is known",
    constantPower: "CHI has no constant-power technique",
    pause: "a CHI macro cannot wait for the operator",
    loopUntil: "CHI loops (for/next) repeat a fixed number of times",
    stop: "CHI macros cannot test a capacity or efficiency condition",
    ocvRelativeVoltage:
      "CHI techniques take absolute potentials (only the impedance technique can start at the open-circuit potential). On a symmetric cell (the same metal on both sides, e.g. Na | electrolyte | Na) the open-circuit voltage is 0 V by construction, so `ocv + 50 mV` is written as 50 mV and the header asks the operator to confirm the OCP reads about 0 V; on any other cell it is refused (BTP6206)",
    capacityEnd: "CHI techniques end on time or potential, not on charge passed",
    temperatureEnd: "CHI techniques cannot end on temperature",
  },
};
