// Values written back as btp source. A value keeps the spelling the user (or the importer) gave
// it when that spelling still means the same thing (`0.5C`, `0.2 mA/cm2`, `ocv + 50 mV`);
// otherwise it is written in readable units from its SI value, relative to the cell where it was
// relative (a C-rate stays a C-rate, a current density a current density).

import type { CellIR, Resolved, VoltageSetpointIR } from "../../ir/types.js";
import { formatQuantity } from "../../units/display.js";
import { formatNumber } from "../../units/format.js";
import { parseQuantity, type QuantityKind } from "../../units/index.js";

/** Same value within 1e-9, relative: what the text parses to against what the IR holds. */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300);
}

/** A string literal: backslashes and quotes escaped, line breaks turned into spaces. */
export function quote(text: string): string {
  return `"${text.replace(/[\r\n]+/g, " ").replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

const KEYWORDS = new Set(
  `protocol cite figure note instrument author import use cell param sequence repeat times until for in after every cycle cycles at settle stable section stop if charge discharge then hold rest ocv eis from to amplitude points per decade bias sweep cv between and start temperature pause record limits label voltage current capacity time of nominal coulombic efficiency end or density specific scan rate power resistance energy percent count length area mass`.split(
    " ",
  ),
);

/** A name usable as an identifier: letters, digits and underscores, not a keyword. */
export function identifier(name: string, fallback: string): string {
  let id = name.trim().replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (id === "" || /^[0-9]/.test(id)) id = `${fallback}${id ? `_${id}` : ""}`;
  return KEYWORDS.has(id.toLowerCase()) ? `${id}_` : id;
}

/** The names defined where a value is printed (printed params, variables of enclosing `for`
 * blocks). `known` says whether a written expression (`multiple * thin_cell_1c`, `oven`) can be
 * printed as it is: every name in it is in scope, so the checker evaluates it to the same value
 * again. `alias` gives the sweep variable whose value was written this way (`0.5C` → `rate`),
 * which lets a sweep's bodies read the same and be written back as one `for`. */
export interface NamesInScope {
  known(text: string): boolean;
  alias(text: string): string | undefined;
}

export const NO_NAMES: NamesInScope = { known: () => false, alias: () => undefined };

const EXPRESSION = /^[A-Za-z0-9_ .+\-*/()%°µμΩ²³]+$/;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/g;

/** Names in scope over a set of names and sweep values. Unit words (`mA`, `h`) are not names:
 * an identifier counts only when it is in `names` or follows a number (`5 mA`, `0.5C`). */
export function namesIn(names: ReadonlySet<string>, sweepValues: ReadonlyMap<string, string> = new Map()): NamesInScope {
  return { known: expressionOver(names), alias: (text) => sweepValues.get(text.trim()) };
}

function expressionOver(names: ReadonlySet<string>): (text: string) => boolean {
  return (text) => {
    const trimmed = text.trim();
    if (!EXPRESSION.test(trimmed) || parseQuantity(trimmed).ok) return false;
    let sawName = false;
    for (const match of trimmed.matchAll(NAME)) {
      const before = trimmed.slice(0, match.index).trimEnd();
      const isUnit = /[0-9.]$/.test(before);
      if (names.has(match[0])) sawName = true;
      else if (!isUnit) return false;
    }
    return sawName;
  };
}

/** The text as written when it parses to `si` in `kind` (or is an expression over names in
 * scope), else the SI value in readable units. */
export function literal(si: number, kind: QuantityKind, text?: string | null, known: NamesInScope = NO_NAMES): string {
  if (text) {
    const parsed = parseQuantity(text);
    if (parsed.ok && parsed.kind === kind && sameValue(parsed.si, si)) return text.trim();
    if (known.known(text)) return text.trim();
  }
  return formatQuantity(si, kind);
}

/** What 1 of the relative unit is in amperes, for the cell: 1C, 1 A/m², 1 A/kg. */
function relativeScale(kind: QuantityKind, cell: CellIR | null): number | null {
  if (!cell) return null;
  if (kind === "c-rate") return cell.nominalCapacity !== null ? cell.nominalCapacity / 3600 : null;
  if (kind === "current density") return cell.area;
  if (kind === "specific current") return cell.activeMass;
  return null;
}

const CURRENT_KINDS: readonly QuantityKind[] = ["current", "c-rate", "current density", "specific current"];

/** A current: its own spelling if it still resolves to the same amperes through this cell; else
 * relative to the cell in the way the source was (C-rate, mA/cm², mA/g); else in amperes. */
export function current(resolved: Resolved, cell: CellIR | null, known: NamesInScope = NO_NAMES): string {
  const parsed = resolved.text ? parseQuantity(resolved.text) : null;
  if (parsed?.ok && parsed.kind && CURRENT_KINDS.includes(parsed.kind)) {
    const scale = parsed.kind === "current" ? 1 : relativeScale(parsed.kind, cell);
    if (scale !== null && sameValue(parsed.si * scale, resolved.si)) return known.alias(resolved.text) ?? resolved.text.trim();
  }
  if (resolved.text && known.known(resolved.text)) return resolved.text.trim();
  const basisKind: QuantityKind | null =
    resolved.basis === "c-rate" ? "c-rate" : resolved.basis === "current-density" ? "current density" : resolved.basis === "specific-current" ? "specific current" : null;
  const scale = basisKind ? relativeScale(basisKind, cell) : null;
  if (basisKind && scale) return formatQuantity(resolved.si / scale, basisKind);
  // A vendor file can keep a current relative to a capacity it does not store (Maccor and Arbin
  // C-rates, imported with si = 0): with no amperes to print, keep the relative spelling; the
  // checker then asks for the cell instead of the protocol silently passing 0 A.
  if (basisKind && !scale && !(resolved.si > 0)) {
    if (parsed?.ok && parsed.kind === basisKind) return resolved.text.trim();
    if (resolved.relative !== undefined) return formatQuantity(resolved.relative, basisKind);
  }
  return formatQuantity(resolved.si, "current");
}

/** A capacity end: as written, as a share of nominal, per gram, or in mAh. */
export function capacity(resolved: Resolved, cell: CellIR | null, known: NamesInScope = NO_NAMES): string {
  if (resolved.text && known.known(resolved.text)) return resolved.basis === "percent-of-nominal" ? `${resolved.text.trim()} of nominal` : resolved.text.trim();
  const parsed = resolved.text ? parseQuantity(resolved.text) : null;
  if (parsed?.ok) {
    if (parsed.kind === "capacity" && sameValue(parsed.si, resolved.si)) return resolved.text.trim();
    if (parsed.kind === "percent" && cell?.nominalCapacity && sameValue(parsed.si * cell.nominalCapacity, resolved.si)) return `${resolved.text.trim()} of nominal`;
    if (parsed.kind === "specific capacity" && cell?.activeMass && sameValue(parsed.si * cell.activeMass, resolved.si)) return resolved.text.trim();
  }
  if (resolved.basis === "percent-of-nominal" && cell?.nominalCapacity) return `${formatNumber((resolved.si / cell.nominalCapacity) * 100)} % of nominal`;
  if (resolved.basis === "specific-capacity" && cell?.activeMass) return formatQuantity(resolved.si / cell.activeMass, "specific capacity");
  return formatQuantity(resolved.si, "capacity");
}

/** A voltage set-point: absolute (`3.9 V`) or relative to open circuit (`ocv + 50 mV`, `ocv`). */
export function setpoint(voltage: VoltageSetpointIR, known: NamesInScope = NO_NAMES): string {
  if (voltage.reference === "absolute") return literal(voltage.volts, "voltage", voltage.text, known);
  if (known.known(voltage.text)) return voltage.text.trim();
  const written = /^ocv\s*([+\-−])\s*(.+)$/i.exec(voltage.text.trim());
  if (written) {
    const offset = parseQuantity(written[2]!);
    const sign = written[1] === "+" ? 1 : -1;
    if (offset.ok && offset.kind === "voltage" && sameValue(sign * offset.si, voltage.offsetVolts)) return voltage.text.trim();
  }
  if (voltage.offsetVolts === 0) return "ocv";
  const magnitude = formatQuantity(Math.abs(voltage.offsetVolts), "voltage");
  return `ocv ${voltage.offsetVolts > 0 ? "+" : "-"} ${magnitude}`;
}

/** A number as printed: 12 significant digits, no float noise. */
export function number(x: number): string {
  return formatNumber(x);
}
