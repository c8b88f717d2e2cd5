// The cell written back as a `cell` declaration. The IR keeps what the cell means (nominal
// capacity, area, active mass) and some of how it was given; the declaration is written so that
// the checker derives the same meaning again: an electrode's mass and specific capacity when the
// nominal capacity came from them, the nominal capacity itself only when it was given directly.

import type { CellElectrodeIR, CellIR, ProtocolIR } from "../../ir/types.js";
import { formatQuantity } from "../../units/display.js";
import { parseQuantity, type QuantityKind } from "../../units/index.js";
import { stepsOf } from "../common/constructs.js";
import { identifier, number, quote, sameValue } from "./values.js";

/** How the cell's numbers were written, recovered from the derivations the checker recorded
 * ("2.0 mg × 171 mAh/g = 0.342 mAh", "0.2 mA/cm2 × 1.131 cm2 = 0.2262 mA"), so that the
 * declaration is written as the user wrote it. Only spellings that still give the same value. */
export interface CellSpellings {
  activeMass?: string;
  specificCapacity?: string;
  area?: string;
}

export function cellSpellings(ir: Pick<ProtocolIR, "cell" | "body">): CellSpellings {
  const cell = ir.cell;
  const out: CellSpellings = {};
  if (!cell) return out;
  const same = (text: string | undefined, kind: QuantityKind, si: number | null): boolean => {
    if (text === undefined || si === null) return false;
    const parsed = parseQuantity(text);
    return parsed.ok && parsed.kind === kind && sameValue(parsed.si, si);
  };
  const product = /^(.+?) × (.+?) = /.exec(cell.nominalCapacityDerivation ?? "");
  const primary = primaryElectrode(cell.electrodes);
  if (product) {
    if (same(product[1], "mass", primary?.activeMass ?? cell.activeMass)) out.activeMass = product[1]!.trim();
    const specific = primary?.specificCapacity ?? (cell.nominalCapacity !== null && cell.activeMass ? cell.nominalCapacity / cell.activeMass : null);
    if (same(product[2], "specific capacity", specific)) out.specificCapacity = product[2]!.trim();
  }
  for (const step of stepsOf(ir.body)) {
    if (out.area) break;
    const resolved = step.kind === "constantCurrent" || step.kind === "ccCv" ? step.current : null;
    const area = resolved?.basis === "current-density" ? /^.+? × (.+?) = /.exec(resolved.derivation ?? "")?.[1] : undefined;
    if (same(area, "area", cell.area)) out.area = area!.trim();
  }
  return out;
}

export function printCell(cell: CellIR, spellings: CellSpellings = {}): string[] {
  const props: string[] = [`kind ${cell.kind}`];
  if (cell.format !== null) props.push(`format ${quote(cell.format)}`);
  if (cell.chemistry !== null) props.push(`chemistry ${quote(cell.chemistry)}`);

  const primary = primaryElectrode(cell.electrodes);
  for (const electrode of cell.electrodes) props.push(electrodeLine(electrode, cell, electrode === primary ? spellings : {}));

  // The cell's own mass and specific capacity, when no electrode carries them.
  const electrodeMass = primary ? massOf(primary, cell) : null;
  const derived = cell.nominalCapacityDerivation !== null;
  if (cell.activeMass !== null && !(electrodeMass !== null && sameValue(electrodeMass, cell.activeMass))) {
    props.push(`active mass ${spellings.activeMass ?? formatQuantity(cell.activeMass, "mass")}`);
  }
  if (cell.nominalCapacity !== null && derived && !(primary && primary.specificCapacity !== null) && cell.activeMass) {
    props.push(`specific capacity ${spellings.specificCapacity ?? formatQuantity(cell.nominalCapacity / cell.activeMass, "specific capacity")}`);
  }
  if (cell.nominalCapacity !== null && !derived) props.push(`nominal capacity ${formatQuantity(cell.nominalCapacity, "capacity")}`);

  if (cell.electrolyte) props.push(electrolyteLine(cell.electrolyte));
  if (cell.area !== null) props.push(`area ${spellings.area ?? formatQuantity(cell.area, "area")}`);
  if (cell.window) props.push(`window ${formatQuantity(cell.window.min, "voltage")} .. ${formatQuantity(cell.window.max, "voltage")}`);
  const model = Object.entries(cell.model);
  if (model.length > 0) {
    const items = model.map(([key, value]) => `${identifier(key, "parameter")} ${typeof value === "number" ? number(value) : quote(value)}`);
    props.push(`model { ${items.join(", ")} }`);
  }
  const title = cell.title !== null ? ` ${quote(cell.title)}` : "";
  return [`cell ${identifier(cell.name, "cell")}${title} {`, ...props.map((p) => `  ${p}`), "}"];
}

/** The electrode that gives the cell its mass: the only cathode, else the only electrode. */
function primaryElectrode(electrodes: readonly CellElectrodeIR[]): CellElectrodeIR | null {
  const cathodes = electrodes.filter((e) => e.role === "cathode");
  if (cathodes.length === 1) return cathodes[0]!;
  return electrodes.length === 1 ? electrodes[0]! : null;
}

/** The electrode's active mass as the checker will compute it from what is printed. */
function massOf(electrode: CellElectrodeIR, cell: CellIR): number | null {
  if (fromLoading(electrode, cell)) return electrode.loading! * cell.area!;
  return electrode.activeMass;
}

/** Whether the mass is loading × area (then only the loading is written). */
function fromLoading(electrode: CellElectrodeIR, cell: CellIR): boolean {
  return electrode.loading !== null && cell.area !== null && (electrode.activeMass === null || sameValue(electrode.loading * cell.area, electrode.activeMass));
}

function electrodeLine(electrode: CellElectrodeIR, cell: CellIR, spellings: CellSpellings): string {
  const items: string[] = [];
  if (electrode.activeMass !== null && !fromLoading(electrode, cell)) items.push(`active mass ${spellings.activeMass ?? formatQuantity(electrode.activeMass, "mass")}`);
  if (electrode.loading !== null) items.push(`loading ${formatQuantity(electrode.loading, "loading")}`);
  if (electrode.specificCapacity !== null) items.push(`specific capacity ${spellings.specificCapacity ?? formatQuantity(electrode.specificCapacity, "specific capacity")}`);
  if (electrode.activeFraction !== null) items.push(`fraction ${number(electrode.activeFraction * 100)} %`);
  const label = electrode.material !== null ? ` ${quote(electrode.material)}` : "";
  return `${electrode.role}${label} { ${items.join(", ")} }`.replace("{  }", "{ }");
}

function electrolyteLine(electrolyte: NonNullable<CellIR["electrolyte"]>): string {
  const items: string[] = [];
  if (electrolyte.thickness !== null) items.push(`thickness ${formatQuantity(electrolyte.thickness, "length")}`);
  if (electrolyte.diameter !== null) items.push(`diameter ${formatQuantity(electrolyte.diameter, "length")}`);
  const fromDiameter = electrolyte.diameter !== null ? (Math.PI * electrolyte.diameter * electrolyte.diameter) / 4 : null;
  if (electrolyte.area !== null && !(fromDiameter !== null && sameValue(fromDiameter, electrolyte.area))) {
    items.push(`area ${formatQuantity(electrolyte.area, "area")}`);
  }
  const label = electrolyte.material !== null ? ` ${quote(electrolyte.material)}` : "";
  return `electrolyte${label} { ${items.join(", ")} }`.replace("{  }", "{ }");
}
