import type { DiagnosticCodeInfo } from "./types.js";

// BTP7xxx: the simulator (`btp simulate`, src/sim/). 700x running the protocol, 701x the cell
// parameters.
const CELL = `cell coin {
  kind full
  cathode NVP { material "Na3V2(PO4)3", active mass 2.5 mg, specific capacity 117.6 mAh/g }
  window 2.3 V .. 3.9 V
}
use cell coin
`;

export const simCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP7001",
    severity: "error",
    title: "No cell to simulate",
    explanation:
      "The simulator runs the protocol on a model of its cell: the cell's kind chooses the model (full, symmetric, blocking or linear-sweep cell) and its materials choose the default parameters. A protocol without a cell cannot be simulated.",
    bad: 'protocol "formation"\nrest for 1 h',
    fix: 'protocol "formation"\nuse cell "cells/na-cge-nvp.btp"\nrest for 1 h',
  },
  {
    code: "BTP7002",
    severity: "warning",
    title: "No default parameters for this cathode",
    explanation:
      "btp has parameter sets for the cathodes of its source papers (NVP and a Prussian blue analogue). For any other cathode it simulates a generic cell: one sloping open-circuit curve across the declared voltage window and the cell's own capacity, with the NVP kinetics. The trace then has the right shape and capacity, but its voltages are only indicative.",
    bad: `cell lfp {
  kind full
  cathode LFP { material "LiFePO4", active mass 10 mg, specific capacity 160 mAh/g }
  window 2.5 V .. 3.65 V
}`,
    fix: `cell lfp {
  kind full
  cathode LFP { material "LiFePO4", active mass 10 mg, specific capacity 160 mAh/g }
  window 2.5 V .. 3.65 V
  model { preset nvpK005_cge, specificCapacity 155 mAh/g }
}`,
  },
  {
    code: "BTP7003",
    severity: "warning",
    title: "Step cannot reach its end in the model",
    explanation:
      "The model cell became full (or empty) before the step reached any of its ends, so the simulator stopped the step there and went on with the next. On an instrument the step would run until a safety limit tripped. Usually the cut-off lies outside the voltages the cell can reach.",
    bad: `${CELL}charge at 1C until 5 V`,
    fix: `${CELL}charge at 1C until 3.9 V`,
  },
  {
    code: "BTP7004",
    severity: "warning",
    title: "Step did not end within the simulator's time bound",
    explanation:
      "A step that has not ended after 1000 hours of simulated time is stopped there (with this warning) so that a simulation always finishes. The step's ends are probably unreachable: a rest waiting for a voltage the cell never relaxes to, or a hold waiting for a current it never falls below.",
    bad: `${CELL}rest until 3.8 V`,
    fix: `${CELL}rest for 1 h`,
  },
  {
    code: "BTP7005",
    severity: "warning",
    title: "Safety limit reached: the test stops",
    explanation:
      "The voltage (or the charge of one step) reached a safety limit of the protocol before the step's own end. A cycler stops the whole test at a safety limit, so the simulation stops there too; the files hold everything up to that point.",
    bad: `${CELL}limits { voltage 2.0 V .. 4.2 V }\ncharge at 1C for 2 h`,
    fix: `${CELL}limits { voltage 2.0 V .. 4.2 V }\ncharge at 1C for 2 h or until 3.9 V`,
  },
  {
    code: "BTP7006",
    severity: "error",
    title: "The cell model failed",
    explanation:
      "The model produced a number that is not finite (an overflow or a division by zero), nearly always because a cell parameter is extreme. The simulation stops at that step; no non-finite number is ever written to an output file.",
    bad: "model { sodiumExchangeCurrentDensity 1e-300 mA/cm2 }",
    fix: "model { sodiumExchangeCurrentDensity 0.31 mA/cm2 }",
    exampleLanguage: "text",
  },
  {
    code: "BTP7007",
    severity: "error",
    title: "Protocol too long to simulate",
    explanation:
      "The simulator refuses protocols that would execute more than five million steps, so that a mistyped loop count cannot keep it busy for hours. Simulate a shorter version by lowering the loop counts, for example with `--set`.",
    bad: `${CELL}repeat 10000000 {\n  charge at 5C until 3.9 V\n  discharge at 5C until 2.3 V\n}`,
    fix: `${CELL}repeat 10000 {\n  charge at 5C until 3.9 V\n  discharge at 5C until 2.3 V\n}`,
  },
  {
    code: "BTP7008",
    severity: "info",
    title: "Electrolyte without calibrated parameters",
    explanation:
      "The parameter sets were calibrated with the papers' own electrolytes (the ceramic-gel CGE and the honeycomb gel HJ). For another electrolyte (the glass-fibre controls FGE and GF) the simulator keeps the calibrated values, which makes the control cell look like the CGE or HJ cell. Give the electrolyte's conductivity and thickness to tell them apart.",
    bad: `cell fge {
  kind full
  chemistry "Na metal | glass-fibre gel electrolyte | NVP-K0.05"
  cathode NVP { material "Na3V2(PO4)3", active mass 2.5 mg, specific capacity 117.6 mAh/g }
  window 2.3 V .. 3.9 V
}`,
    fix: `cell fge {
  kind full
  chemistry "Na metal | glass-fibre gel electrolyte | NVP-K0.05"
  cathode NVP { material "Na3V2(PO4)3", active mass 2.5 mg, specific capacity 117.6 mAh/g }
  window 2.3 V .. 3.9 V
  model { electrolyteConductivity 1.2 mS/cm, electrolyteThickness 0.26 mm }
}`,
  },
  {
    code: "BTP7009",
    severity: "info",
    title: "A stop condition ended the test",
    explanation:
      "A `stop if …` condition of the protocol held at the end of a loop pass, so the simulated test ended there, as the instrument would end it. The message says at which cycle and with which value. Nothing is wrong; change the threshold to run longer.",
    bad: `${CELL}repeat 1000 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  stop if discharge capacity < 97 % of cycle 1\n}`,
    fix: `${CELL}repeat 1000 {\n  charge at 1C until 3.9 V\n  discharge at 1C until 2.3 V\n  stop if discharge capacity < 80 % of cycle 1\n}`,
  },
  {
    code: "BTP7010",
    severity: "error",
    title: "Cell parameter missing",
    explanation:
      "The model needs this parameter and neither the cell, nor its default parameter set, nor the model block gives it: for example the capacity of a cathode without a mass or nominal capacity, or the open-circuit curve of a cell without a voltage window.",
    bad: `cell mystery {
  kind full
  cathode X { material "unknown oxide" }
}`,
    fix: `cell mystery {
  kind full
  cathode X { material "unknown oxide", active mass 5 mg, specific capacity 150 mAh/g }
  window 2.0 V .. 4.0 V
}`,
  },
  {
    code: "BTP7011",
    severity: "error",
    title: "Cell parameter out of range",
    explanation:
      "The value cannot be right: a resistance, time constant, capacity or exchange current must be positive, a fraction must lie between 0 and 1, the number of diffusion modes must be a whole number. The simulator refuses the parameter set rather than producing a misleading trace.",
    bad: "model { electrolyteConductivity -3.37 mS/cm }",
    fix: "model { electrolyteConductivity 3.37 mS/cm }",
    exampleLanguage: "text",
  },
  {
    code: "BTP7012",
    severity: "error",
    title: "Cell parameter without its unit",
    explanation:
      "A parameter with a dimension must be written with its unit (`10 mV`, `3.37 mS/cm`, `35 kJ/mol`, `2 uF`): a bare number could mean volts or millivolts. Plain numbers are only for dimensionless parameters such as `modeWeight`. The message names the unit kind and gives an example.",
    bad: "hysteresisVoltage: 10",
    fix: "hysteresisVoltage: 10 mV",
    exampleLanguage: "yaml",
  },
  {
    code: "BTP7013",
    severity: "warning",
    title: "Unknown cell parameter",
    explanation:
      "The name is not one of the simulator's parameters (docs/cell-parameters.md lists them), so the value is ignored. The hint suggests the closest name when there is one.",
    bad: "model { hysteresisVolts 10 mV }",
    fix: "model { hysteresisVoltage 10 mV }",
    exampleLanguage: "text",
  },
  {
    code: "BTP7014",
    severity: "error",
    title: "Parameter file cannot be used",
    explanation:
      "`--cell` names a parameter file that cannot be read, is not YAML or JSON, or is not a mapping of parameter names to values.",
    bad: "btp simulate protocol.btp --cell params.yaml   # params.yaml holds a list",
    fix: "btp simulate protocol.btp --cell params.yaml   # hysteresisVoltage: 10 mV",
    exampleLanguage: "shell",
  },
  {
    code: "BTP7015",
    severity: "error",
    title: "Unknown parameter set",
    explanation:
      "The named default parameter set does not exist, or is for another kind of cell. The sets are nvpK005_cge and pba153_hj (full cells), na_cge_na and na_hj_na (symmetric), ss_cge_ss and ss_hj_ss (blocking) and na_cge_ss (linear sweep).",
    bad: "btp simulate protocol.btp --cell nvp",
    fix: "btp simulate protocol.btp --cell nvpK005_cge",
    exampleLanguage: "shell",
  },
  {
    code: "BTP7016",
    severity: "error",
    title: "Trace tolerance out of range",
    explanation:
      "The tolerance says how far straight lines between trace points may stray from the model voltage. It must be a positive voltage below 1 V; the default, 2 mV, is finer than a pixel in any plot of a full cycle.",
    bad: "btp simulate protocol.btp --tolerance 0",
    fix: "btp simulate protocol.btp --tolerance 1mV",
    exampleLanguage: "shell",
  },
];
