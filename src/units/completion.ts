// Unit spellings for editor completion and for keeping the grammar and docs in step.

import { BASE_UNITS, PREFIXES, prefixApplies } from "./catalogue.js";
import type { QuantityKind } from "./kinds.js";

/** Every accepted spelling of a base unit, without prefixes (`A`, `°C`, `degC`, `℃`, `ohm`, …). */
export function unitSpellings(): string[] {
  return BASE_UNITS.flatMap((base) => [...base.spellings]);
}

/** Every spelling of a single prefixed or unprefixed unit (`mA`, `µA`, `cm`, `kΩ`, …). */
export function prefixedUnitSpellings(): string[] {
  const result = unitSpellings();
  for (const base of BASE_UNITS) {
    for (const spelling of base.spellings) {
      for (const prefix of PREFIXES) if (prefixApplies(prefix, base, spelling)) result.push(prefix.spelling + spelling);
    }
  }
  return result;
}

/** The spellings a battery lab would pick for each kind, most common first. */
const PREFERRED: Readonly<Record<QuantityKind, readonly string[]>> = {
  count: [],
  percent: ["%"],
  current: ["A", "mA", "uA", "µA", "nA"],
  "c-rate": ["C"],
  "current density": ["mA/cm2", "uA/cm2", "µA/cm2", "A/cm2"],
  "specific current": ["mA/g", "A/g", "uA/g", "µA/g"],
  voltage: ["V", "mV", "uV", "µV"],
  time: ["s", "min", "h", "d", "ms"],
  capacity: ["mAh", "Ah", "uAh", "µAh", "As", "mAs"],
  "specific capacity": ["mAh/g", "Ah/kg"],
  "areal capacity": ["mAh/cm2", "uAh/cm2", "µAh/cm2"],
  energy: ["Wh", "mWh", "kWh", "J"],
  power: ["W", "mW", "kW", "uW", "µW"],
  resistance: ["ohm", "mohm", "kohm", "Ω", "mΩ", "kΩ"],
  temperature: ["°C", "degC", "K"],
  frequency: ["Hz", "kHz", "MHz", "mHz"],
  "scan rate": ["mV/s", "V/s", "uV/s", "µV/s"],
  length: ["mm", "um", "µm", "cm", "m", "nm"],
  area: ["cm2", "mm2", "m2", "cm²"],
  mass: ["mg", "g", "ug", "µg", "kg"],
  loading: ["mg/cm2"],
  conductivity: ["mS/cm", "S/cm", "S/m", "uS/cm", "µS/cm"],
};

/** Preferred spellings for completion, e.g. current → ["A", "mA", "uA", "µA", "nA"]. */
export function unitsForKind(kind: QuantityKind): string[] {
  return [...(PREFERRED[kind] ?? [])];
}
