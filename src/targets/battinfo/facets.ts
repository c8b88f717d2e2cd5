// BattINFO's `facets`: a rollup of the method for cheap filtering ("every protocol with a CV
// hold", "anything at C/2"). BattINFO derives it from the method and never lets people write it,
// so btp derives it the same way: modes of the top-level entries in order; from the leaf steps,
// the current directions, control modes, C-rates (set-points and cut-offs), the voltage span of
// set-points and cut-offs, the temperatures and the tags.

import type { MethodStep, Quantity } from "./method.js";

export interface Facets {
  modes: string[];
  directions: string[];
  control_modes: string[];
  has_cv_hold: boolean;
  has_rest: boolean;
  has_eis: boolean;
  c_rates?: number[];
  voltage_window_V?: [number, number];
  temperatures?: number[];
  tags?: string[];
}

const CONTROL_MODE: Readonly<Partial<Record<MethodStep["mode"], string>>> = {
  cc: "current",
  cccv: "current",
  cv: "voltage",
  cp: "power",
};

export function facetsOf(method: readonly MethodStep[], conditions: Readonly<Record<string, Quantity>>): Facets {
  const modes: string[] = [];
  for (const step of method) if (!modes.includes(step.mode)) modes.push(step.mode);

  const leaves = leafSteps(method);
  const directions = new Set<string>();
  const controls = new Set<string>();
  const cRates = new Set<number>();
  const voltages: number[] = [];
  const temperatures = new Set<number>();
  const tags = new Set<string>();
  for (const step of leaves) {
    if (step.direction === "charge" || step.direction === "discharge") directions.add(step.direction);
    const control = CONTROL_MODE[step.mode];
    if (control) controls.add(control);
    if (step.setpoints?.c_rate) cRates.add(step.setpoints.c_rate.value);
    if (step.setpoints?.voltage) voltages.push(step.setpoints.voltage.value);
    for (const t of step.termination ?? []) {
      if (t.quantity === "c_rate") cRates.add(t.value);
      if (t.quantity === "voltage") voltages.push(t.value);
    }
    if (step.temperature) temperatures.add(step.temperature.value);
    for (const tag of step.tags ?? []) tags.add(tag);
  }
  for (const key of ["temperature", "ambient_temperature"]) {
    const condition = conditions[key];
    if (condition) temperatures.add(condition.value);
  }

  const leafModes = new Set(leaves.map((s) => s.mode));
  const facets: Facets = {
    modes,
    directions: [...directions].sort(),
    control_modes: [...controls].sort(),
    has_cv_hold: leafModes.has("cv") || leafModes.has("cccv"),
    has_rest: leafModes.has("rest"),
    has_eis: leafModes.has("eis"),
  };
  if (cRates.size > 0) facets.c_rates = [...cRates].sort((a, b) => a - b);
  if (voltages.length > 0) {
    facets.voltage_window_V = [voltages.reduce((a, b) => Math.min(a, b)), voltages.reduce((a, b) => Math.max(a, b))];
  }
  if (temperatures.size > 0) facets.temperatures = [...temperatures].sort((a, b) => a - b);
  if (tags.size > 0) facets.tags = [...tags].sort();
  return facets;
}

function leafSteps(method: readonly MethodStep[]): MethodStep[] {
  return method.flatMap((step) => (step.mode === "group" ? leafSteps(step.steps ?? []) : [step]));
}
