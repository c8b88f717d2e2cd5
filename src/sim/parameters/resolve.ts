// From a declared cell to a complete parameter set: pick the paper's set that matches the cell's
// materials, put in what the cell itself says (active mass, electrolyte size, electrode area),
// then the values of its `model { … }` block, then validate.

import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import type { CellIR } from "../../ir/types.js";
import { genericOcvTerms } from "../model/ocv.js";
import { NVP_OCV, PBA_OCV, LSV_ONSETS, commonParameters, findPreset, presetParameters, PRESETS } from "./presets.js";
import { PARAMETER_CATALOGUE, parameterInfo, type CellParameters, type ModelKind, type NumericParameterName } from "./catalogue.js";
import { validateParameters } from "./validate.js";
import { readParameterValue, readSiNumber } from "./values.js";

const NVP = /V2\s*\(PO4\)3|\bNVP\b|vanadium phosphate/i;
const PBA = /Fe\s*\[\s*Fe\s*\(CN\)\s*6\s*\]|\bPBA\b|prussian|hexacyanoferrate/i;
const HJ = /\bHJ\b|honeycomb|janus/i;
const FGE = /\bFGE\b|glass[- ]fib(?:re|er)[^|]*gel|GF membrane filled/i;
const LIQUID = /glass[- ]fib(?:re|er)|\bGF\b|liquid/i;

export interface ResolvedParameters {
  parameters: CellParameters;
  diagnostics: Diagnostic[];
}

export function modelKindOf(cell: CellIR): ModelKind {
  return cell.kind === "half" ? "full" : cell.kind;
}

/** Everything the cell says about its materials, in one string for the name matching. */
function describeMaterials(cell: CellIR): string {
  return [cell.name, cell.title, cell.chemistry, cell.electrolyte?.material, ...cell.electrodes.map((e) => e.material)]
    .filter((s): s is string => typeof s === "string")
    .join(" | ");
}

function electrolyteOf(cell: CellIR): "cge" | "hj" | "fge" | "gf-le" | "unknown" {
  const text = [cell.chemistry, cell.electrolyte?.material, cell.title].filter(Boolean).join(" | ");
  if (HJ.test(text)) return "hj";
  if (FGE.test(text)) return "fge";
  if (/\bD?-?CGE\b|ceramic[- ]gel|Na3Zr2Si2PO12|NZSP/i.test(text)) return "cge";
  if (LIQUID.test(text)) return "gf-le";
  return "unknown";
}

/** The default parameters for a declared cell. Problems are diagnostics at the cell's span. */
export function defaultParametersFor(cell: CellIR): ResolvedParameters {
  const diagnostics: Diagnostic[] = [];
  const kind = modelKindOf(cell);
  const materials = describeMaterials(cell);
  const electrolyte = electrolyteOf(cell);
  let parameters: CellParameters;

  // The model block may name the set itself; then the materials do not matter.
  const named = modelEntry(cell, "preset");
  const namedPreset = typeof named === "string" ? findPreset(named) : undefined;
  const ownElectrolyte = modelEntry(cell, "electrolyteConductivity") !== undefined;
  if (kind === "full") {
    const presetName =
      namedPreset?.kind === "full" ? namedPreset.name : NVP.test(materials) ? "nvpK005_cge" : PBA.test(materials) ? "pba153_hj" : null;
    if (presetName) {
      parameters = presetParameters(findPreset(presetName)!);
      const own = presetName === "nvpK005_cge" ? "cge" : "hj";
      if (electrolyte !== own && electrolyte !== "unknown" && !ownElectrolyte) {
        diagnostics.push({
          code: "BTP7008",
          severity: "info",
          message: `no calibrated parameters for the ${electrolyte.toUpperCase()} electrolyte; the ${own.toUpperCase()} values of the ${presetName} set are used`,
          span: cell.span,
          hint: "give the electrolyte's conductivity and thickness in the cell's model block to change them",
        });
      }
    } else {
      parameters = genericFullCell(cell, diagnostics);
    }
  } else if (kind === "symmetric") {
    parameters = presetParameters(findPreset(electrolyte === "hj" ? "na_hj_na" : "na_cge_na")!);
    noteUncalibratedElectrolyte(cell, electrolyte, diagnostics);
  } else if (kind === "blocking") {
    parameters = presetParameters(findPreset(electrolyte === "hj" ? "ss_hj_ss" : "ss_cge_ss")!);
    noteUncalibratedElectrolyte(cell, electrolyte, diagnostics);
  } else {
    parameters = presetParameters(findPreset("na_cge_ss")!);
    if (electrolyte === "fge" || electrolyte === "gf-le") parameters.onsetPotential = LSV_ONSETS[electrolyte]!;
    else noteUncalibratedElectrolyte(cell, electrolyte, diagnostics);
  }

  applyCellFacts(parameters, cell);
  applyModelBlock(parameters, cell, diagnostics);
  diagnostics.push(...validateParameters(parameters, cell.span));
  return { parameters, diagnostics };
}

function noteUncalibratedElectrolyte(cell: CellIR, electrolyte: string, diagnostics: Diagnostic[]): void {
  if ((electrolyte === "fge" || electrolyte === "gf-le") && modelEntry(cell, "electrolyteConductivity") === undefined) {
    diagnostics.push({
      code: "BTP7008",
      severity: "info",
      message: `no calibrated parameters for the ${electrolyte.toUpperCase()} electrolyte; the CGE values are used`,
      span: cell.span,
      hint: "give the electrolyte's conductivity and thickness in the cell's model block to change them",
    });
  }
}

/** A cathode the papers do not cover: shared defaults, a sloping curve across the cell's window
 * and the cell's own capacity. Results are qualitative, and the warning says so. */
function genericFullCell(cell: CellIR, diagnostics: Diagnostic[]): CellParameters {
  const parameters = commonParameters("full");
  const cathode = cell.electrodes.find((e) => e.role === "cathode");
  const name = cathode?.material ?? cell.chemistry ?? cell.name;
  diagnostics.push({
    code: "BTP7002",
    severity: "warning",
    message: `no default model parameters for the cathode "${name}"; a generic sloping cell is simulated, so voltages and capacities are only indicative`,
    span: cell.span,
    hint: "give an open-circuit curve and kinetics in the cell's model block or a parameter file (see docs/cell-parameters.md)",
  });
  parameters.ocv = cell.window
    ? { name: "generic", terms: genericOcvTerms(cell.window.min, cell.window.max) }
    : { name: "none", terms: [] };
  const mass = activeMassOf(cell);
  const specific = cathode?.specificCapacity ?? null;
  if (mass !== null && specific !== null) {
    parameters.activeMass = mass;
    parameters.specificCapacity = specific;
  } else if (cell.nominalCapacity !== null) {
    parameters.activeMass = mass ?? cell.nominalCapacity / parameters.specificCapacity;
    parameters.specificCapacity = cell.nominalCapacity / parameters.activeMass;
  } else {
    parameters.specificCapacity = NaN;
    parameters.activeMass = mass ?? NaN;
  }
  parameters.referenceMass = Number.isFinite(parameters.activeMass) ? parameters.activeMass : parameters.referenceMass;
  return parameters;
}

function activeMassOf(cell: CellIR): number | null {
  const cathode = cell.electrodes.find((e) => e.role === "cathode");
  if (cell.activeMass !== null) return cell.activeMass;
  if (cathode?.activeMass != null) return cathode.activeMass;
  if (cathode?.loading != null && cell.area !== null) return cathode.loading * cell.area;
  return null;
}

/** What the cell declares overrides the preset: sizes and masses are facts, not fits. */
function applyCellFacts(parameters: CellParameters, cell: CellIR): void {
  const electrolyte = cell.electrolyte;
  if (electrolyte) {
    if (electrolyte.thickness !== null && electrolyte.thickness > 0) parameters.electrolyteThickness = electrolyte.thickness;
    const area = electrolyte.area ?? (electrolyte.diameter !== null ? (Math.PI * electrolyte.diameter * electrolyte.diameter) / 4 : null);
    if (area !== null && area > 0) {
      parameters.electrolyteArea = area;
      // The Na foil of a coin cell covers the electrolyte disc.
      parameters.anodeArea = area;
    }
  }
  if (parameters.kind === "full") {
    const mass = activeMassOf(cell);
    if (mass !== null && mass > 0) parameters.activeMass = mass;
    const oneC = cell.nominalCapacity !== null && cell.nominalCapacity > 0 ? cell.nominalCapacity / 3600 : null;
    const capacity = parameters.specificCapacity * parameters.activeMass;
    parameters.complianceCurrent = 50 * (oneC ?? (Number.isFinite(capacity) ? capacity / 3600 : parameters.complianceCurrent));
  } else if (cell.area !== null && cell.area > 0) {
    parameters.electrodeArea = cell.area;
  }
}

/** A value of the cell's model block, whatever the spelling of its name. */
function modelEntry(cell: CellIR, name: string): number | string | undefined {
  const wanted = normaliseKey(name);
  for (const [key, value] of Object.entries(cell.model ?? {})) if (normaliseKey(key) === wanted) return value;
  return undefined;
}

const NORMALISED = new Map(PARAMETER_CATALOGUE.map((info) => [normaliseKey(info.name), info.name]));

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[\s_-]+/g, "");
}

/** The cell's `model { name value, … }` block. Numbers are SI already (the checker converted
 * them); text values are read with their units here. */
function applyModelBlock(parameters: CellParameters, cell: CellIR, diagnostics: Diagnostic[]): void {
  const entries = Object.entries(cell.model ?? {});
  const preset = entries.find(([key]) => normaliseKey(key) === "preset");
  if (preset) {
    const found = typeof preset[1] === "string" ? findPreset(preset[1]) : undefined;
    if (found && found.kind === parameters.kind) {
      Object.assign(parameters, presetParameters(found));
      applyCellFacts(parameters, cell);
    } else if (found) {
      diagnostics.push({
        code: "BTP7015",
        severity: "error",
        message: `the parameter set "${found.name}" is for a ${found.kind} cell, but this cell is ${parameters.kind}`,
        span: cell.span,
        hint: `sets for ${parameters.kind} cells: ${PRESETS.filter((p) => p.kind === parameters.kind)
          .map((p) => p.name)
          .join(", ")}`,
      });
    } else {
      diagnostics.push(unknownPreset(String(preset[1]), cell.span));
    }
  }
  applyEntries(parameters, entries, cell.span, diagnostics, "model");
}

export function unknownPreset(name: string, span: Span): Diagnostic {
  return {
    code: "BTP7015",
    severity: "error",
    message: `there is no parameter set called "${name}"`,
    span,
    hint: `the sets are ${PRESETS.map((p) => p.name).join(", ")}`,
  };
}

/** Overlays name → value entries. `source` says whether numbers are SI ("model", from the
 * checker) or need their unit ("file"). */
export function applyEntries(
  parameters: CellParameters,
  entries: [string, unknown][],
  span: Span | ((key: string) => Span),
  diagnostics: Diagnostic[],
  source: "model" | "file",
): void {
  const spanOf = typeof span === "function" ? span : () => span;
  for (const [key, raw] of entries) {
    const normal = normaliseKey(key);
    if (normal === "preset") continue;
    if (normal === "ocv") {
      const curve = readOcv(raw);
      if (curve) parameters.ocv = curve;
      else {
        diagnostics.push({
          code: "BTP7012",
          severity: "error",
          message: "`ocv` must name a curve (NVP or PBA) or list MSMR terms {fraction, potential, width}",
          span: spanOf(key),
        });
      }
      continue;
    }
    const name = NORMALISED.get(normal);
    if (!name) {
      diagnostics.push(unknownParameter(key, spanOf(key)));
      continue;
    }
    const info = parameterInfo(name)!;
    const value = source === "model" && typeof raw === "number" ? readSiNumber(raw) : readParameterValue(info, raw);
    if (!value.ok) {
      diagnostics.push({
        code: "BTP7012",
        severity: "error",
        message: `the cell parameter \`${name}\` ${value.message}`,
        span: spanOf(key),
        hint: `write it with its unit, in ${info.displayUnit === "1" ? "plain numbers" : info.displayUnit} for example`,
      });
      continue;
    }
    (parameters as unknown as Record<NumericParameterName, number>)[name] = value.si;
  }
}

function unknownParameter(key: string, span: Span): Diagnostic {
  const normal = normaliseKey(key);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const info of PARAMETER_CATALOGUE) {
    // Whole names, and their ends and starts ("conductivity" for electrolyteConductivity).
    const name = normaliseKey(info.name);
    let score = editDistance(normal, name);
    for (const length of [normal.length - 1, normal.length, normal.length + 1]) {
      if (length < 4 || length >= name.length) continue;
      score = Math.min(score, 1 + editDistance(normal, name.slice(name.length - length)), 1 + editDistance(normal, name.slice(0, length)));
    }
    if (score < bestScore) {
      bestScore = score;
      best = info.name;
    }
  }
  const close = best !== null && bestScore <= Math.max(2, Math.floor(normal.length / 4));
  return {
    code: "BTP7013",
    severity: "warning",
    message: `\`${key}\` is not a simulator parameter; it is ignored`,
    span,
    hint: close ? `did you mean \`${best}\`?` : "docs/cell-parameters.md lists the parameters",
  };
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 10) return Math.abs(a.length - b.length);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

function readOcv(raw: unknown): CellParameters["ocv"] | null {
  if (typeof raw === "string") {
    const name = raw.trim().toUpperCase();
    if (name === "NVP") return { name: "NVP", terms: NVP_OCV.map((t) => ({ ...t })) };
    if (name === "PBA") return { name: "PBA", terms: PBA_OCV.map((t) => ({ ...t })) };
    return null;
  }
  if (Array.isArray(raw) && raw.length > 0 && raw.length <= 20) {
    const terms = raw.map((t) => {
      const o = (t ?? {}) as Record<string, unknown>;
      return { fraction: Number(o.fraction), potential: Number(o.potential), width: Number(o.width) };
    });
    if (terms.every((t) => Number.isFinite(t.fraction) && Number.isFinite(t.potential) && Number.isFinite(t.width))) {
      return { name: "custom", terms };
    }
  }
  return null;
}

/** Applies API overrides (already SI) and validates the result. */
export function withOverrides(base: CellParameters, overrides: Partial<CellParameters> | undefined, span: Span): ResolvedParameters {
  if (!overrides) return { parameters: base, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  let parameters: CellParameters = { ...base, ocv: { ...base.ocv, terms: base.ocv.terms.map((t) => ({ ...t })) } };
  if (overrides.preset !== undefined && overrides.preset !== base.preset) {
    const found = findPreset(overrides.preset);
    if (found) parameters = { ...presetParameters(found), ...pickFacts(base, found.kind) };
    else diagnostics.push(unknownPreset(overrides.preset, span));
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (key === "preset" || key === "kind" || value === undefined) continue;
    if (key === "ocv") {
      parameters.ocv = value as CellParameters["ocv"];
      continue;
    }
    if (!parameterInfo(key)) {
      diagnostics.push(unknownParameter(key, span));
      continue;
    }
    (parameters as unknown as Record<string, number>)[key] = typeof value === "number" ? value : NaN;
  }
  diagnostics.push(...validateParameters(parameters, span));
  return { parameters, diagnostics };
}

/** The cell facts to keep when switching to another preset of the same kind. */
function pickFacts(base: CellParameters, kind: ModelKind): Partial<CellParameters> {
  if (kind !== base.kind) return {};
  const keys: NumericParameterName[] = [
    "activeMass",
    "electrolyteThickness",
    "electrolyteArea",
    "anodeArea",
    "electrodeArea",
    "complianceCurrent",
  ];
  return Object.fromEntries(keys.map((k) => [k, base[k]]));
}
