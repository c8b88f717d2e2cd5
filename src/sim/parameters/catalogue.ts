// Every number the cell models read, with its unit, the range it must lie in and the models that
// use it. Validation, parameter files, the sidecar and docs/cell-parameters.md all read this table,
// so a new parameter is added here once.

import type { QuantityKind } from "../../units/kinds.js";
import type { OcvTerm } from "../model/ocv.js";

/** The simulator's cell models. A "half" cell of the language (cathode against Na metal) is the
 * "full" model: the papers' full cells are exactly that. */
export type ModelKind = "full" | "symmetric" | "blocking" | "lsv";

export const MODEL_KINDS: readonly ModelKind[] = ["full", "symmetric", "blocking", "lsv"];

/** All numeric parameters, in SI units (C/kg, kg, V, S/m, m, m², J/mol, Ω, A, A/m², s, K, ...). */
export interface NumericParameters {
  // Capacity and state (full cells)
  specificCapacity: number;
  activeMass: number;
  initialStateOfCharge: number;
  coulombicInefficiency: number;
  hysteresisVoltage: number;
  hysteresisRate: number;
  // Ohmic resistance
  electrolyteConductivity: number;
  electrolyteThickness: number;
  electrolyteArea: number;
  conductivityActivationEnergy: number;
  contactResistance: number;
  // Electrode kinetics
  sodiumExchangeCurrentDensity: number;
  sodiumActivationEnergy: number;
  anodeArea: number;
  electrodeArea: number;
  maturationFactor: number;
  maturationCycles: number;
  cathodeExchangeCurrent: number;
  cathodeActivationEnergy: number;
  // Solid-state transport: diffusion modes
  modeCount: number;
  modeFirstTime: number;
  modeSpacing: number;
  modeWeight: number;
  modeExponent: number;
  vtfTemperature: number;
  vtfZeroTemperature: number;
  referenceMass: number;
  loadingExponent: number;
  // Fade
  fadeLinear: number;
  fadeSqrt: number;
  fadeActivationEnergy: number;
  activationGain: number;
  activationCycles: number;
  // Temperature
  thermalTimeConstant: number;
  referenceTemperature: number;
  // Impedance
  sodiumCpe: number;
  sodiumCpeExponent: number;
  cathodeCpe: number;
  cathodeCpeExponent: number;
  strayInductance: number;
  blockingCpe: number;
  blockingCpeExponent: number;
  relativePermittivity: number;
  // Symmetric cells
  transferenceNumber: number;
  diffusionTime: number;
  nucleationOvervoltage: number;
  nucleationCharge: number;
  // Linear-sweep cells
  onsetPotential: number;
  tafelSlope: number;
  onsetCurrentDensity: number;
  limitingCurrentDensity: number;
  backgroundCurrentDensity: number;
  doubleLayerCapacitance: number;
  restPotential: number;
  // The instrument
  complianceCurrent: number;
}

export type NumericParameterName = keyof NumericParameters;

/** A complete parameter set for one cell. */
export interface CellParameters extends NumericParameters {
  kind: ModelKind;
  /** Which default set it started from, e.g. "nvpK005_cge"; "custom" when none fitted. */
  preset: string;
  /** MSMR terms of the open-circuit curve (full cells; empty for the other kinds). */
  ocv: { name: string; terms: OcvTerm[] };
}

/** Units that the units module does not know (mol, farad, decade) are handled by name here. */
export type ParameterUnitKind =
  | QuantityKind
  | "activation energy"
  | "temperature difference"
  | "capacitance coefficient"
  | "areal capacitance"
  | "inductance"
  | "tafel slope";

export type ParameterRange = "positive" | "non-negative" | "fraction" | "any" | "whole";

export interface ParameterInfo {
  name: NumericParameterName;
  /** How values are written and checked: a quantity kind, "count" for plain numbers. */
  unitKind: ParameterUnitKind;
  /** SI unit, as printed in docs and the sidecar. */
  siUnit: string;
  /** The unit a lab would write, and SI per that unit. */
  displayUnit: string;
  displayFactor: number;
  range: ParameterRange;
  models: readonly ModelKind[];
  description: string;
}

const ALL = MODEL_KINDS;
const FULL: readonly ModelKind[] = ["full"];
const SODIUM: readonly ModelKind[] = ["full", "symmetric", "lsv"];

function p(
  name: NumericParameterName,
  unitKind: ParameterUnitKind,
  siUnit: string,
  display: [string, number],
  range: ParameterRange,
  models: readonly ModelKind[],
  description: string,
): ParameterInfo {
  return { name, unitKind, siUnit, displayUnit: display[0], displayFactor: display[1], range, models, description };
}

const ONE: [string, number] = ["1", 1];

export const PARAMETER_CATALOGUE: readonly ParameterInfo[] = [
  p(
    "specificCapacity",
    "specific capacity",
    "C/kg",
    ["mAh/g", 3600],
    "positive",
    FULL,
    "reversible specific capacity of the model cathode (not the C-rate basis)",
  ),
  p("activeMass", "mass", "kg", ["mg", 1e-6], "positive", FULL, "active cathode mass"),
  p("initialStateOfCharge", "count", "1", ONE, "fraction", FULL, "state of charge of the pristine cathode (0 = fully sodiated)"),
  p("coulombicInefficiency", "count", "1", ONE, "fraction", FULL, "fraction of the charge lost to side reactions on charge"),
  p("hysteresisVoltage", "voltage", "V", ["mV", 1e-3], "non-negative", FULL, "half of the open-circuit gap between charge and discharge"),
  p(
    "hysteresisRate",
    "count",
    "1",
    ONE,
    "non-negative",
    FULL,
    "how fast the hysteresis flips after a current reversal (per unit state of charge)",
  ),
  p(
    "electrolyteConductivity",
    "conductivity",
    "S/m",
    ["mS/cm", 0.1],
    "positive",
    ALL,
    "ionic conductivity of the electrolyte at the reference temperature",
  ),
  p("electrolyteThickness", "length", "m", ["mm", 1e-3], "positive", ALL, "electrolyte thickness"),
  p("electrolyteArea", "area", "m²", ["cm²", 1e-4], "positive", ALL, "electrolyte area that carries the current"),
  p(
    "conductivityActivationEnergy",
    "activation energy",
    "J/mol",
    ["kJ/mol", 1e3],
    "non-negative",
    ALL,
    "Arrhenius activation energy of the conductivity",
  ),
  p(
    "contactResistance",
    "resistance",
    "Ω",
    ["Ω", 1],
    "non-negative",
    ALL,
    "series resistance besides the electrolyte (contacts, current collectors)",
  ),
  p(
    "sodiumExchangeCurrentDensity",
    "current density",
    "A/m²",
    ["mA/cm²", 10],
    "positive",
    SODIUM,
    "exchange current density of the Na metal interface, matured",
  ),
  p(
    "sodiumActivationEnergy",
    "activation energy",
    "J/mol",
    ["kJ/mol", 1e3],
    "non-negative",
    SODIUM,
    "activation energy of the Na exchange current",
  ),
  p("anodeArea", "area", "m²", ["cm²", 1e-4], "positive", FULL, "area of the Na foil of a full cell"),
  p(
    "electrodeArea",
    "area",
    "m²",
    ["cm²", 1e-4],
    "positive",
    ["symmetric", "lsv"],
    "area of the electrodes of a symmetric or linear-sweep cell",
  ),
  p(
    "maturationFactor",
    "count",
    "1",
    ONE,
    "non-negative",
    ["full", "symmetric"],
    "how much slower the fresh Na interface is than the matured one (r0)",
  ),
  p("maturationCycles", "count", "1", ONE, "positive", ["full", "symmetric"], "cycles over which the Na interface matures (n_c)"),
  p("cathodeExchangeCurrent", "current", "A", ["mA", 1e-3], "positive", FULL, "exchange current of the cathode"),
  p(
    "cathodeActivationEnergy",
    "activation energy",
    "J/mol",
    ["kJ/mol", 1e3],
    "non-negative",
    FULL,
    "activation energy of the cathode exchange current",
  ),
  p("modeCount", "count", "1", ONE, "whole", FULL, "number of diffusion modes"),
  p("modeFirstTime", "time", "s", ["s", 1], "positive", FULL, "time constant of the fastest diffusion mode at 25 °C"),
  p("modeSpacing", "count", "decades", ["decades", 1], "positive", FULL, "spacing of the mode time constants, in decades"),
  p("modeWeight", "count", "1", ONE, "non-negative", FULL, "weight B of the fastest mode"),
  p("modeExponent", "count", "1", ONE, "non-negative", FULL, "power p in b_n = B·(τ_n/τ_0)^−p"),
  p(
    "vtfTemperature",
    "temperature difference",
    "K",
    ["K", 1],
    "non-negative",
    FULL,
    "Vogel–Tammann–Fulcher pseudo-activation temperature of the diffusion times",
  ),
  p("vtfZeroTemperature", "temperature", "K", ["K", 1], "positive", FULL, "Vogel–Tammann–Fulcher divergence temperature T0"),
  p("referenceMass", "mass", "kg", ["mg", 1e-6], "positive", FULL, "active mass at which the diffusion times were fitted"),
  p("loadingExponent", "count", "1", ONE, "non-negative", FULL, "τ scales as (mass / reference mass)^exponent for thicker electrodes"),
  p("fadeLinear", "count", "1", ONE, "non-negative", FULL, "capacity loss per equivalent full cycle (α)"),
  p("fadeSqrt", "count", "1", ONE, "non-negative", FULL, "capacity loss per square root of equivalent cycles (β)"),
  p("fadeActivationEnergy", "activation energy", "J/mol", ["kJ/mol", 1e3], "non-negative", FULL, "how much faster the cell fades when hot"),
  p("activationGain", "count", "1", ONE, "non-negative", FULL, "capacity gained while the cathode activates in early cycles (g)"),
  p("activationCycles", "count", "1", ONE, "positive", FULL, "equivalent cycles over which the activation gain appears"),
  p("thermalTimeConstant", "time", "s", ["min", 60], "positive", ALL, "time constant with which the cell follows the chamber temperature"),
  p("referenceTemperature", "temperature", "K", ["K", 1], "positive", ALL, "temperature at which the parameters are given"),
  p(
    "sodiumCpe",
    "capacitance coefficient",
    "F·s^(n−1)",
    ["µF·s^(n−1)", 1e-6],
    "positive",
    SODIUM,
    "constant-phase element of the Na interface",
  ),
  p("sodiumCpeExponent", "count", "1", ONE, "fraction", SODIUM, "exponent n of the Na interface CPE"),
  p(
    "cathodeCpe",
    "capacitance coefficient",
    "F·s^(n−1)",
    ["µF·s^(n−1)", 1e-6],
    "positive",
    FULL,
    "constant-phase element of the cathode interface",
  ),
  p("cathodeCpeExponent", "count", "1", ONE, "fraction", FULL, "exponent n of the cathode CPE"),
  p("strayInductance", "inductance", "H", ["µH", 1e-6], "non-negative", ALL, "inductance of the leads"),
  p(
    "blockingCpe",
    "capacitance coefficient",
    "F·s^(n−1)",
    ["µF·s^(n−1)", 1e-6],
    "positive",
    ["blocking"],
    "constant-phase element of a blocking steel electrode",
  ),
  p("blockingCpeExponent", "count", "1", ONE, "fraction", ["blocking"], "exponent n of the blocking CPE"),
  p(
    "relativePermittivity",
    "count",
    "1",
    ONE,
    "positive",
    ["blocking"],
    "relative permittivity of the electrolyte (geometric capacitance)",
  ),
  p("transferenceNumber", "count", "1", ONE, "fraction", ["symmetric"], "Na+ transference number; 1 turns concentration polarisation off"),
  p("diffusionTime", "time", "s", ["s", 1], "positive", ["symmetric"], "salt diffusion time across the electrolyte, L²/D"),
  p(
    "nucleationOvervoltage",
    "voltage",
    "V",
    ["mV", 1e-3],
    "non-negative",
    ["symmetric"],
    "extra overvoltage when Na starts to plate on a fresh spot",
  ),
  p(
    "nucleationCharge",
    "areal capacity",
    "C/m²",
    ["mAh/cm²", 36000],
    "positive",
    ["symmetric"],
    "charge density over which the nucleation overvoltage fades",
  ),
  p(
    "onsetPotential",
    "voltage",
    "V",
    ["V", 1],
    "positive",
    ["lsv"],
    "potential where the oxidation current reaches the onset current density",
  ),
  p("tafelSlope", "tafel slope", "V/decade", ["mV/decade", 1e-3], "positive", ["lsv"], "voltage per tenfold rise of the oxidation current"),
  p("onsetCurrentDensity", "current density", "A/m²", ["µA/cm²", 1e-2], "positive", ["lsv"], "current density that defines the onset"),
  p(
    "limitingCurrentDensity",
    "current density",
    "A/m²",
    ["mA/cm²", 10],
    "positive",
    ["lsv"],
    "current density at which the oxidation current saturates",
  ),
  p(
    "backgroundCurrentDensity",
    "current density",
    "A/m²",
    ["µA/cm²", 1e-2],
    "non-negative",
    ["lsv"],
    "background current density below the onset",
  ),
  p(
    "doubleLayerCapacitance",
    "areal capacitance",
    "F/m²",
    ["µF/cm²", 1e-2],
    "non-negative",
    ["lsv"],
    "double-layer capacitance of the steel electrode",
  ),
  p("restPotential", "voltage", "V", ["V", 1], "any", ["lsv"], "open-circuit potential of the Na | electrolyte | steel cell"),
  p("complianceCurrent", "current", "A", ["mA", 1e-3], "positive", ALL, "largest current the channel gives during a voltage hold or sweep"),
];

const BY_NAME = new Map(PARAMETER_CATALOGUE.map((info) => [info.name, info]));

export function parameterInfo(name: string): ParameterInfo | undefined {
  return BY_NAME.get(name as NumericParameterName);
}

/** The parameters a model kind reads. */
export function parametersOf(kind: ModelKind): ParameterInfo[] {
  return PARAMETER_CATALOGUE.filter((info) => info.models.includes(kind));
}
