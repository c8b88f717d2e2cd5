// Default parameter sets for the cells of the two source papers. Every number is derived in
// docs/cell-parameters.md; the comments here say only where it comes from.
//
// [P1] Shen et al., Nano-Micro Lett. (2026) 18:195: Na | CGE | NVP-K0.05.
// [P2] Janus honeycomb gel, Chem. Sci. (2026): Na | HJ | Na1.53Fe[Fe(CN)6].
// "fit" means fitted with this simulator to the papers' numbers (docs/simulator.md, validation).

import type { OcvTerm } from "../model/ocv.js";
import type { CellParameters, ModelKind, NumericParameters } from "./catalogue.js";

const MAH_PER_G = 3600; // C/kg
const CM2 = 1e-4; // m²
const MA_PER_CM2 = 10; // A/m²
const KJ = 1000;
/** 15 mm electrolyte disc, [P1]. */
const DISC_15MM = Math.PI * 0.0075 ** 2;

/** Three-term MSMR fit to the mean of the charge and discharge branches of an open NVP half cell
 * (stanford-developers/steer-materials NVP.csv), 25 °C. */
export const NVP_OCV: OcvTerm[] = [
  { fraction: 0.699, potential: 3.3715, width: 0.181 },
  { fraction: 0.2627, potential: 3.3532, width: 1.501 },
  { fraction: 0.0384, potential: 3.0835, width: 11.44 },
];

/** Three-term MSMR fit to a Prussian-white half cell (steer-opencell-data): the HS-Fe couple near
 * 3.0 V, the LS-Fe couple near 3.29 V and a sloping background. */
export const PBA_OCV: OcvTerm[] = [
  { fraction: 0.3094, potential: 3.0034, width: 0.678 },
  { fraction: 0.3059, potential: 3.2857, width: 0.636 },
  { fraction: 0.3847, potential: 3.0615, width: 6.407 },
];

/** Values shared by every set unless a set overrides them. Parameters that a model kind does not
 * read keep these neutral values. */
const COMMON: NumericParameters = {
  specificCapacity: 116.23 * MAH_PER_G, // fit
  activeMass: 2.5e-6,
  // Fully sodiated, but not at the very end of the curve: the MSMR fit runs down to 1.3 V at
  // z = 1e-4, far below the 2.5–3 V a pristine NVP cell shows; z = 0.005 rests at 2.53 V.
  initialStateOfCharge: 0.005,
  coulombicInefficiency: 0,
  hysteresisVoltage: 0.01,
  hysteresisRate: 30,
  electrolyteConductivity: 3.37e-3 * 100, // 3.37 mS/cm [P1]
  electrolyteThickness: 1.35e-3, // [P1]
  electrolyteArea: DISC_15MM,
  conductivityActivationEnergy: 16 * KJ, // assumed
  contactResistance: 2, // assumed
  sodiumExchangeCurrentDensity: 0.31131 * MA_PER_CM2, // from |η| = 19 mV at 0.1 mA/cm² [P1]
  sodiumActivationEnergy: 35 * KJ, // assumed
  anodeArea: DISC_15MM,
  electrodeArea: 1.131 * CM2,
  maturationFactor: 0,
  maturationCycles: 4.5,
  cathodeExchangeCurrent: 3.21e-3, // R_ct = 8 Ω
  cathodeActivationEnergy: 30 * KJ, // assumed
  modeCount: 9,
  modeFirstTime: 3,
  modeSpacing: 0.5,
  modeWeight: 2.033, // fit
  modeExponent: 0.7814, // fit
  vtfTemperature: 178.4, // fit
  vtfZeroTemperature: 224.66, // fit
  referenceMass: 2.5e-6,
  loadingExponent: 0.77,
  fadeLinear: 1.2589e-5, // fit: 84.58 % after 5,000 and 75.88 % after 10,000 cycles at 5C
  fadeSqrt: 1.5695e-3, // fit, with fadeLinear
  fadeActivationEnergy: 40.17 * KJ, // fit: 83.15 % after 1,000 cycles at 60 °C
  activationGain: 0,
  activationCycles: 30,
  thermalTimeConstant: 20 * 60, // oven plus coin cell, assumed
  referenceTemperature: 298.15,
  sodiumCpe: 2e-6,
  sodiumCpeExponent: 0.85,
  cathodeCpe: 5e-4,
  cathodeCpeExponent: 0.8,
  strayInductance: 1e-7,
  blockingCpe: 1e-5,
  blockingCpeExponent: 0.9,
  relativePermittivity: 30,
  transferenceNumber: 1,
  diffusionTime: 600,
  nucleationOvervoltage: 0.005,
  nucleationCharge: 0.005 * 36000, // 0.005 mAh/cm²
  onsetPotential: 4.7, // CGE [P1]
  tafelSlope: 0.2,
  onsetCurrentDensity: 10e-6 / CM2, // 10 µA/cm² defines the onset
  limitingCurrentDensity: 0.5 * MA_PER_CM2,
  backgroundCurrentDensity: 0.2e-6 / CM2,
  doubleLayerCapacitance: 10e-6 / CM2,
  restPotential: 2.5,
  complianceCurrent: 0.0147, // 50C of the NVP cell
};

/** HJ gel film: R_Ω = 7.7 Ω [P2] split as 6.2 Ω electrolyte (a 50 µm film, assumed) + 1.5 Ω contact;
 * R_ct = 7.5 Ω [P2] split equally between the Na and cathode interfaces. */
const HJ_ELECTROLYTE: Partial<NumericParameters> = {
  electrolyteThickness: 50e-6,
  electrolyteConductivity: 50e-6 / (6.2 * DISC_15MM),
  contactResistance: 1.5,
  sodiumExchangeCurrentDensity: 6.85e-3 / DISC_15MM,
  sodiumCpe: 2e-5,
  cathodeCpe: 1e-3,
};

export interface Preset {
  name: string;
  kind: ModelKind;
  title: string;
  ocv: { name: string; terms: OcvTerm[] };
  values: Partial<NumericParameters>;
}

export const PRESETS: readonly Preset[] = [
  {
    name: "nvpK005_cge",
    kind: "full",
    title: "Na | CGE | NVP-K0.05 [P1]",
    ocv: { name: "NVP", terms: NVP_OCV },
    values: {},
  },
  {
    name: "pba153_hj",
    kind: "full",
    title: "Na | HJ gel | Na1.53Fe[Fe(CN)6] [P2]",
    ocv: { name: "PBA", terms: PBA_OCV },
    values: {
      ...HJ_ELECTROLYTE,
      specificCapacity: 133.35 * MAH_PER_G, // fit: 130 mAh/g first discharge at 0.1C
      activeMass: 2.0e-6, // assumed (not reported)
      referenceMass: 2.0e-6,
      initialStateOfCharge: 1 - 1.53 / 2, // Na1.53 of 2
      coulombicInefficiency: 5e-4, // CE > 99.9 % [P2]
      hysteresisVoltage: 0.02,
      cathodeExchangeCurrent: 6.85e-3,
      modeWeight: 4.26, // fit: 60 mAh/g at 10C
      vtfTemperature: 59.8, // fit: 90 mAh/g at 1C and −20 °C
      fadeLinear: 1.919e-4, // fit: 90 % after 700 cycles at 1C
      fadeSqrt: 0,
      fadeActivationEnergy: 68.7 * KJ, // fit: 73 % after 100 cycles at 60 °C
      activationGain: 0.02,
      activationCycles: 30,
      complianceCurrent: 0.0171,
    },
  },
  {
    name: "na_cge_na",
    kind: "symmetric",
    title: "Na | CGE | Na [P1]",
    ocv: { name: "none", terms: [] },
    values: { contactResistance: 0, maturationFactor: 14, maturationCycles: 4.5, complianceCurrent: 0.05 },
  },
  {
    name: "na_hj_na",
    kind: "symmetric",
    title: "Na | HJ gel | Na [P2]",
    ocv: { name: "none", terms: [] },
    // t+ = 0.70 [P2]; no nucleation overvoltage is reported for the HJ interface (the CGE set
    // assumes 5 mV), and one would distort the first current that the Bruce–Vincent method reads.
    values: {
      ...HJ_ELECTROLYTE,
      contactResistance: 0,
      transferenceNumber: 0.7,
      nucleationOvervoltage: 0,
      electrodeArea: DISC_15MM,
      complianceCurrent: 0.05,
    },
  },
  {
    name: "ss_cge_ss",
    kind: "blocking",
    title: "SS | CGE | SS [P1]",
    ocv: { name: "none", terms: [] },
    values: { contactResistance: 0, complianceCurrent: 0.01 },
  },
  {
    name: "ss_hj_ss",
    kind: "blocking",
    title: "SS | HJ gel | SS [P2]",
    ocv: { name: "none", terms: [] },
    values: { ...HJ_ELECTROLYTE, contactResistance: 0, complianceCurrent: 0.01 },
  },
  {
    name: "na_cge_ss",
    kind: "lsv",
    title: "Na | CGE | SS [P1]",
    ocv: { name: "none", terms: [] },
    values: { contactResistance: 0, electrodeArea: DISC_15MM, complianceCurrent: 0.01 },
  },
];

/** Oxidation onsets of the other electrolytes of [P1] (V vs Na+/Na at 10 µA/cm²). */
export const LSV_ONSETS: Record<string, number> = { cge: 4.7, fge: 4.5, "gf-le": 4.4 };

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}

/** The complete parameter set of a preset. */
export function presetParameters(preset: Preset): CellParameters {
  return {
    ...COMMON,
    ...preset.values,
    kind: preset.kind,
    preset: preset.name,
    ocv: { name: preset.ocv.name, terms: preset.ocv.terms.map((t) => ({ ...t })) },
  };
}

/** Shared defaults, for a cell that matches no preset; the caller fills in what the cell says. */
export function commonParameters(kind: ModelKind): CellParameters {
  return { ...COMMON, kind, preset: "custom", ocv: { name: "none", terms: [] } };
}
