// A cell declaration → CellIR, plus the facts that give relative quantities their meaning:
// what 1C is (nominal capacity), the electrode area (for mA/cm²) and the active mass (for mA/g).

import type { CellElectrodeIR, CellIR } from "../ir/types.js";
import type { CellDecl, CellProperty } from "../syntax/ast.js";
import { formatQuantity } from "../units/index.js";
import { PropertyReader, collectProperties, normalizeKey } from "./cellProperties.js";
import type { CheckContext } from "./context.js";
import { expectPositive } from "./expect.js";
import type { Scope } from "./scope.js";
import type { QuantityValue } from "./values.js";

/** A cell quantity with the text to print in derivations ("2.5 mg", or a computed "8.701 mg")
 * and, when computed, how ("7.7 mg/cm2 × 1.13 cm2"). */
export interface CellFact {
  si: number;
  display: string;
  from: string | null;
}

export interface CellFacts {
  name: string;
  nominalCapacity: CellFact | null;
  area: CellFact | null;
  activeMass: CellFact | null;
  /** Written but wrong (already reported): relative quantities must not report it missing too. */
  broken: { nominalCapacity: boolean; area: boolean; activeMass: boolean };
}

const CELL_KEYS = [
  "kind", "format", "chemistry", "nominal capacity", "area", "window", "mass", "active mass", "specific capacity",
  "cathode", "anode", "electrode", "electrolyte", "separator", "model",
];
const ELECTRODE_KEYS = ["active mass", "loading", "specific capacity", "fraction", "material", "area"];
const ELECTROLYTE_KEYS = ["thickness", "diameter", "area", "material"];

/** Reads one cell: never throws, reports every problem at its property. */
export function elaborateCell(ctx: CheckContext, decl: CellDecl, name: string, scope: Scope): { ir: CellIR; facts: CellFacts } {
  const where = decl.name ? `cell \`${name}\`` : `cell "${name}"`;
  const props = collectProperties(ctx, decl.properties ?? [], CELL_KEYS, where);
  const reader = new PropertyReader(ctx, scope);
  const first = (key: string): CellProperty | undefined => props.get(key)?.[0];

  const kind = reader.kind(first("kind")) ?? "full";
  const facts: CellFacts = {
    name,
    nominalCapacity: null,
    area: null,
    activeMass: null,
    broken: { nominalCapacity: false, area: false, activeMass: false },
  };

  const area = reader.quantity(first("area"), "area", "the cell area");
  if (area) facts.area = { si: area.si ?? 0, display: area.text, from: null };
  else if (first("area")) facts.broken.area = true;

  const electrodes: CellElectrodeIR[] = [];
  const electrodeProps: { role: CellElectrodeIR["role"]; property: CellProperty }[] = [];
  for (const role of ["cathode", "anode", "electrode"] as const) {
    for (const property of props.get(role) ?? []) electrodeProps.push({ role, property });
  }
  // An electrode area stands in for a missing cell area (coin cells often give only the disc).
  const electrodeReads = electrodeProps.map(({ role, property }) => readElectrode(ctx, reader, role, property));
  if (!facts.area && !facts.broken.area) {
    const withArea = electrodeReads.find((read) => read.area !== null);
    if (withArea?.area) facts.area = withArea.area;
  }
  for (const read of electrodeReads) {
    const electrode = finishElectrode(read, facts.area);
    electrodes.push(electrode.ir);
    read.computedMass = electrode.mass;
  }

  // Active mass: the cell's own `active mass`/`mass`, else the cathode's, else the only electrode's.
  const primaryIndex = primaryElectrodeIndex(electrodes);
  const primary = primaryIndex === null ? null : electrodeReads[primaryIndex]!;
  const cellMassProperty = first("active mass") ?? first("mass");
  const cellMass = reader.quantity(cellMassProperty, "mass", "the active mass");
  if (cellMass) {
    expectPositive(ctx, cellMass, "the active mass");
    facts.activeMass = { si: cellMass.si ?? 0, display: cellMass.text, from: null };
  } else if (cellMassProperty) {
    facts.broken.activeMass = true;
  } else if (primary) {
    facts.activeMass = primary.computedMass;
    facts.broken.activeMass = primary.massBroken;
  }

  // Nominal capacity: given, else active mass × specific capacity.
  const nominalProperty = first("nominal capacity");
  const nominal = reader.quantity(nominalProperty, "capacity", "the nominal capacity");
  const cellSpecific = reader.quantity(first("specific capacity"), "specific capacity", "the specific capacity");
  if (nominal) {
    expectPositive(ctx, nominal, "the nominal capacity");
    facts.nominalCapacity = { si: nominal.si ?? 0, display: nominal.text, from: null };
  } else if (nominalProperty) {
    facts.broken.nominalCapacity = true;
  } else {
    const specific = cellSpecific ?? primary?.specificCapacity ?? null;
    if (specific && facts.activeMass) {
      const si = (specific.si ?? 0) * facts.activeMass.si;
      facts.nominalCapacity = { si, display: formatQuantity(si, "capacity"), from: `${facts.activeMass.display} × ${specific.text}` };
    }
    facts.broken.nominalCapacity = (first("specific capacity") !== undefined && !cellSpecific) || (primary?.specificBroken ?? false) || facts.broken.activeMass;
  }

  const ir: CellIR = {
    name,
    title: decl.title?.value ?? null,
    kind,
    format: reader.text(first("format")),
    chemistry: reader.text(first("chemistry")),
    nominalCapacity: facts.nominalCapacity?.si ?? null,
    nominalCapacityDerivation: facts.nominalCapacity?.from ? `${facts.nominalCapacity.from} = ${facts.nominalCapacity.display}` : null,
    area: facts.area?.si ?? null,
    activeMass: facts.activeMass?.si ?? null,
    window: reader.voltageWindow(first("window")),
    electrodes,
    electrolyte: readElectrolyte(ctx, reader, first("electrolyte") ?? first("separator"), props),
    model: reader.model(first("model")),
    span: decl.span,
  };
  return { ir, facts };
}

interface ElectrodeRead {
  role: CellElectrodeIR["role"];
  material: string | null;
  activeMass: QuantityValue | null;
  loading: QuantityValue | null;
  specificCapacity: QuantityValue | null;
  fraction: number | null;
  area: CellFact | null;
  massBroken: boolean;
  specificBroken: boolean;
  computedMass: CellFact | null;
}

function readElectrode(ctx: CheckContext, reader: PropertyReader, role: CellElectrodeIR["role"], property: CellProperty): ElectrodeRead {
  const children = reader.block(property);
  const where = `the ${role}`;
  const props = collectProperties(ctx, children ?? [], ELECTRODE_KEYS, where);
  const first = (key: string): CellProperty | undefined => props.get(key)?.[0];
  const activeMass = reader.quantity(first("active mass"), "mass", "the active mass");
  if (activeMass) expectPositive(ctx, activeMass, "the active mass");
  const loading = reader.quantity(first("loading"), "loading", "the loading");
  const specificCapacity = reader.quantity(first("specific capacity"), "specific capacity", "the specific capacity");
  if (specificCapacity) expectPositive(ctx, specificCapacity, "the specific capacity");
  const area = reader.quantity(first("area"), "area", "the electrode area");
  return {
    role,
    material: reader.text(first("material")) ?? property.label?.value ?? null,
    activeMass,
    loading,
    specificCapacity,
    fraction: reader.fraction(first("fraction")),
    area: area ? { si: area.si ?? 0, display: area.text, from: null } : null,
    massBroken: (first("active mass") !== undefined && !activeMass) || (first("loading") !== undefined && !loading),
    specificBroken: first("specific capacity") !== undefined && !specificCapacity,
    computedMass: null,
  };
}

/** The electrode's IR and its active mass (given, or loading × area). */
function finishElectrode(read: ElectrodeRead, cellArea: CellFact | null): { ir: CellElectrodeIR; mass: CellFact | null } {
  let mass: CellFact | null = read.activeMass ? { si: read.activeMass.si ?? 0, display: read.activeMass.text, from: null } : null;
  const area = read.area ?? cellArea;
  if (!mass && read.loading && area) {
    const si = (read.loading.si ?? 0) * area.si;
    mass = { si, display: formatQuantity(si, "mass"), from: `${read.loading.text} × ${area.display}` };
  }
  return {
    ir: {
      role: read.role,
      material: read.material,
      activeMass: mass?.si ?? null,
      loading: read.loading?.si ?? null,
      specificCapacity: read.specificCapacity?.si ?? null,
      activeFraction: read.fraction,
    },
    mass,
  };
}

/** The cathode if there is exactly one, else the electrode if there is only one. */
function primaryElectrodeIndex(electrodes: readonly CellElectrodeIR[]): number | null {
  const cathodes = electrodes.flatMap((electrode, index) => (electrode.role === "cathode" ? [index] : []));
  if (cathodes.length === 1) return cathodes[0]!;
  return electrodes.length === 1 ? 0 : null;
}

function readElectrolyte(ctx: CheckContext, reader: PropertyReader, property: CellProperty | undefined, cellProps: Map<string, CellProperty[]>): CellIR["electrolyte"] {
  if (!property) return null;
  const other = normalizeKey(property.key) === "electrolyte" ? cellProps.get("separator")?.[0] : undefined;
  if (other) {
    ctx.warning("BTP2019", "both `electrolyte` and `separator` are given; only `electrolyte` is used", other.keySpan, {
      hint: "describe the electrolyte (or separator) once",
      related: [{ message: "electrolyte given here", span: property.keySpan }],
    });
  }
  const props = collectProperties(ctx, reader.block(property) ?? [], ELECTROLYTE_KEYS, `the ${normalizeKey(property.key)}`);
  const first = (key: string): CellProperty | undefined => props.get(key)?.[0];
  const thickness = reader.quantity(first("thickness"), "length", "the thickness");
  if (thickness) expectPositive(ctx, thickness, "the thickness");
  const diameter = reader.quantity(first("diameter"), "length", "the diameter");
  if (diameter) expectPositive(ctx, diameter, "the diameter");
  const area = reader.quantity(first("area"), "area", "the area");
  const fromDiameter = diameter?.si != null ? (Math.PI * diameter.si * diameter.si) / 4 : null;
  return {
    material: reader.text(first("material")) ?? property.label?.value ?? null,
    thickness: thickness?.si ?? null,
    diameter: diameter?.si ?? null,
    area: area?.si ?? fromDiameter,
  };
}
