// Reading one parameter value written by a person ("3.37 mS/cm", "35 kJ/mol", "2 uF") into SI.
// Quantities the units module knows go through it; the few it does not (per mole, farad, henry,
// per decade) are read here by their exact spellings.

import { parseQuantity, unitFitsKind } from "../../units/quantity.js";
import type { QuantityKind } from "../../units/kinds.js";
import { FARADAY } from "../model/constants.js";
import type { ParameterInfo, ParameterUnitKind } from "./catalogue.js";

export type ValueResult = { ok: true; si: number } | { ok: false; problem: "unitless" | "unit" | "number"; message: string };

const NUMBER = String.raw`([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)`;
const PREFIX: Record<string, number> = { "": 1, p: 1e-12, n: 1e-9, u: 1e-6, µ: 1e-6, μ: 1e-6, m: 1e-3, k: 1e3 };
const AREA: Record<string, number> = { m2: 1, "m²": 1, cm2: 1e-4, "cm²": 1e-4, mm2: 1e-6, "mm²": 1e-6 };

/** Examples shown in messages, one per kind of unit. */
const EXAMPLES: Record<ParameterUnitKind, string> = {
  count: "2.05",
  percent: "75 %",
  current: "3.2 mA",
  "c-rate": "1C",
  "current density": "0.31 mA/cm2",
  "specific current": "100 mA/g",
  voltage: "10 mV",
  time: "20 min",
  capacity: "0.29 mAh",
  "specific capacity": "115.3 mAh/g",
  "areal capacity": "0.005 mAh/cm2",
  energy: "1 mWh",
  power: "1 mW",
  resistance: "2 ohm",
  temperature: "25 °C",
  frequency: "1 kHz",
  "scan rate": "0.1 mV/s",
  length: "1.35 mm",
  area: "1.767 cm2",
  mass: "2.5 mg",
  loading: "7.7 mg/cm2",
  conductivity: "3.37 mS/cm",
  "activation energy": "35 kJ/mol",
  "temperature difference": "157.7 K",
  "capacitance coefficient": "2 uF",
  "areal capacitance": "10 uF/cm2",
  inductance: "0.1 uH",
  "tafel slope": "200 mV/decade",
};

export function exampleValue(info: ParameterInfo): string {
  return EXAMPLES[info.unitKind];
}

/** A number as given in the cell's `model { }` block, which the checker already turned into SI. */
export function readSiNumber(value: number): ValueResult {
  return Number.isFinite(value) ? { ok: true, si: value } : { ok: false, problem: "number", message: "is not a finite number" };
}

/** A value from a parameter file or text: a bare number only for plain-number parameters. */
export function readParameterValue(info: ParameterInfo, raw: unknown): ValueResult {
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { ok: false, problem: "number", message: "is not a finite number" };
    if (info.unitKind === "count") return { ok: true, si: raw };
    return unitless(info);
  }
  if (typeof raw !== "string") return { ok: false, problem: "number", message: "must be a number or a quantity with its unit" };
  const text = raw.trim();
  switch (info.unitKind) {
    case "activation energy":
      return special(text, new RegExp(`^${NUMBER}\\s*(kJ|J|eV)(/mol)?$`, "u"), info, (v, m) =>
        m[2] === "eV" ? v * FARADAY : m[3] === undefined ? null : v * (m[2] === "kJ" ? 1000 : 1),
      );
    case "capacitance coefficient":
      return special(text, new RegExp(`^${NUMBER}\\s*([pnuµμm]?)F(?:[·*.]s.*)?$`, "u"), info, (v, m) => v * PREFIX[m[2]!]!);
    case "areal capacitance":
      return special(
        text,
        new RegExp(`^${NUMBER}\\s*([pnuµμm]?)F/(m2|m²|cm2|cm²|mm2|mm²)$`, "u"),
        info,
        (v, m) => (v * PREFIX[m[2]!]!) / AREA[m[3]!]!,
      );
    case "inductance":
      return special(text, new RegExp(`^${NUMBER}\\s*([pnuµμm]?)H$`, "u"), info, (v, m) => v * PREFIX[m[2]!]!);
    case "tafel slope":
      return special(text, new RegExp(`^${NUMBER}\\s*(m?)V/dec(?:ade)?$`, "u"), info, (v, m) => v * PREFIX[m[2]!]!);
    case "temperature difference":
      return special(text, new RegExp(`^${NUMBER}\\s*K$`, "u"), info, (v) => v);
    default:
      return quantity(text, info, info.unitKind);
  }
}

function quantity(text: string, info: ParameterInfo, kind: QuantityKind): ValueResult {
  const parsed = parseQuantity(text);
  if (!parsed.ok) return { ok: false, problem: "unit", message: `\`${text}\`: ${parsed.message}` };
  if (parsed.unit === null) return kind === "count" ? { ok: true, si: parsed.si } : unitless(info);
  if (kind === "count") {
    if (parsed.unit.isPercent) return { ok: true, si: parsed.si };
    return wrongUnit(text, info);
  }
  if (!unitFitsKind(parsed.unit, kind)) return wrongUnit(text, info);
  return { ok: true, si: parsed.si };
}

function special(
  text: string,
  pattern: RegExp,
  info: ParameterInfo,
  convert: (value: number, match: RegExpExecArray) => number | null,
): ValueResult {
  const match = pattern.exec(text);
  if (match) {
    const si = convert(Number(match[1]), match);
    if (si !== null && Number.isFinite(si)) return { ok: true, si };
  }
  if (new RegExp(`^${NUMBER}$`, "u").test(text)) return unitless(info);
  return wrongUnit(text, info);
}

function unitless(info: ParameterInfo): ValueResult {
  return { ok: false, problem: "unitless", message: `needs a unit (${info.unitKind}, for example \`${EXAMPLES[info.unitKind]}\`)` };
}

function wrongUnit(text: string, info: ParameterInfo): ValueResult {
  return {
    ok: false,
    problem: "unit",
    message: `\`${text}\` is not a ${info.unitKind} (for example \`${EXAMPLES[info.unitKind]}\`)`,
  };
}
