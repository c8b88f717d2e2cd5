// The whole BattINFO test-protocol record, its keys in the order of BattINFO's samples:
// schema_version, test_spec, method, record, safety, conditions, facets, artifacts, provenance,
// contributor, notes.

import { methodsParagraph } from "../../ir/describe.js";
import type { GroupIR, NodeIR, ProtocolIR, StepIR } from "../../ir/types.js";
import { formatNumber } from "../../units/format.js";
import { emulationLines } from "../common/header.js";
import { stepsOf } from "../common/constructs.js";
import type { Emulation } from "../target.js";
import {
  celsius,
  num,
  RETRIEVED_AT,
  SCHEMA_VERSION,
  SOURCE_FORMAT,
  SOURCE_MEDIA_TYPE,
  SOURCE_TYPE,
  UNIT,
  type TestKind,
} from "./conventions.js";
import { facetsOf, type Facets } from "./facets.js";
import { identityOf } from "./identity.js";
import type { MethodStep, Quantity } from "./method.js";

export interface TestProtocolRecord {
  schema_version: string;
  test_spec: { id: string; short_id: string; identifier: string; name: string; kind: TestKind; description?: string };
  method: MethodStep[];
  record?: Record<string, number>;
  safety?: Record<string, number>;
  conditions?: Record<string, Quantity>;
  facets: Facets;
  artifacts: { role: string; format: string; locator: string; media_type: string }[];
  provenance: Record<string, string | number>;
  contributor?: { name: string }[];
  notes?: string[];
}

export interface RecordInput {
  ir: ProtocolIR;
  method: MethodStep[];
  conditions: Record<string, Quantity>;
  emulations: readonly Emulation[];
  btpVersion: string;
  baseName: string;
}

export function buildRecord(input: RecordInput): TestProtocolRecord {
  const { ir } = input;
  const identity = identityOf(ir);
  const description = methodsParagraph(ir);
  const recording = recordOf(ir);
  const safety = safetyOf(ir);
  const notes = notesOf(ir, input.emulations);
  return {
    schema_version: SCHEMA_VERSION,
    test_spec: {
      id: identity.id,
      short_id: identity.shortId,
      identifier: identity.identifier,
      name: ir.title ?? input.baseName,
      kind: kindOf(ir),
      ...(description.trim() !== "" ? { description } : {}),
    },
    method: input.method,
    ...(recording ? { record: recording } : {}),
    ...(safety ? { safety } : {}),
    ...(Object.keys(input.conditions).length > 0 ? { conditions: input.conditions } : {}),
    facets: facetsOf(input.method, input.conditions),
    artifacts: [{ role: "source_protocol", format: SOURCE_FORMAT, locator: ir.source, media_type: SOURCE_MEDIA_TYPE }],
    provenance: provenanceOf(ir, input.btpVersion),
    ...(ir.metadata.authors.length > 0 ? { contributor: ir.metadata.authors.map((name) => ({ name })) } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}

/** The protocol-level conditions: the ambient temperature when one holds throughout, the cell's
 * voltage window and the nominal capacity that defines 1C. */
export function conditionsOf(ir: ProtocolIR, sharedAmbient: number | null): Record<string, Quantity> {
  const conditions: Record<string, Quantity> = {};
  if (sharedAmbient !== null) conditions.ambient_temperature = { value: celsius(sharedAmbient), unit: UNIT.celsius };
  const window = ir.cell?.window;
  if (window) {
    conditions.upper_voltage_limit = { value: num(window.max), unit: UNIT.voltage };
    conditions.lower_voltage_limit = { value: num(window.min), unit: UNIT.voltage };
  }
  if (ir.cell?.nominalCapacity) conditions.nominal_capacity = { value: num(ir.cell.nominalCapacity / 3.6), unit: UNIT.capacity };
  return conditions;
}

/** K: the one ambient temperature every step runs at, or null (none set, or several). */
export function sharedAmbientOf(ir: ProtocolIR): number | null {
  const ambients = new Set(stepsOf(ir.body).map((s) => s.ambient));
  if (ambients.size !== 1) return null;
  return [...ambients][0] ?? null;
}

/** What kind of test this is, in BattINFO's words, from what the steps do. */
export function kindOf(ir: ProtocolIR): TestKind {
  const steps = stepsOf(ir.body);
  const has = (kind: StepIR["kind"]): boolean => steps.some((s) => s.kind === kind);
  const cycling = has("constantCurrent") || has("ccCv") || has("constantPower");
  if (!cycling) {
    if (has("eis") && !has("linearSweep") && !has("cyclicVoltammetry")) return "eis";
    if (has("cyclicVoltammetry") && !has("eis") && !has("linearSweep")) return "cyclic_voltammetry";
    if (has("eis") || has("linearSweep") || has("cyclicVoltammetry")) return "characterization";
    return "other";
  }
  // A sweep over set-points whose values change the current is a rate test.
  return sweepsCurrents(ir.body) ? "rate_capability" : "cycling";
}

function sweepsCurrents(body: readonly NodeIR[]): boolean {
  const sweeps: GroupIR[] = [];
  const visit = (nodes: readonly NodeIR[]): void => {
    for (const node of nodes) {
      if (node.kind === "group" && node.origin === "sweep") sweeps.push(node);
      if (node.kind === "group" || node.kind === "loop" || node.kind === "cycleAction") visit(node.body);
    }
  };
  visit(body);
  const currents = new Set<string>();
  for (const sweep of sweeps) {
    for (const step of stepsOf(sweep.body)) {
      if (step.kind === "constantCurrent" || step.kind === "ccCv") currents.add(formatNumber(step.current.si));
    }
  }
  return currents.size > 1;
}

function recordOf(ir: ProtocolIR): Record<string, number> | null {
  const out: Record<string, number> = {};
  if (ir.record.time !== undefined && ir.record.time > 0) out.time_s = num(ir.record.time);
  if (ir.record.voltage !== undefined && ir.record.voltage > 0) out.voltage_V = num(ir.record.voltage);
  if (ir.record.current !== undefined && ir.record.current > 0) out.current_mA = num(ir.record.current * 1000);
  return Object.keys(out).length > 0 ? out : null;
}

function safetyOf(ir: ProtocolIR): Record<string, number> | null {
  const limits = ir.limits;
  const out: Record<string, number> = {};
  if (limits.voltage?.max !== null && limits.voltage?.max !== undefined) out.max_voltage_V = num(limits.voltage.max);
  if (limits.voltage?.min !== null && limits.voltage?.min !== undefined) out.min_voltage_V = num(limits.voltage.min);
  if (limits.current) out.max_current_mA = num(limits.current.max * 1000);
  if (limits.capacity) out.max_capacity_mAh = num(limits.capacity.max / 3.6);
  if (limits.temperature?.max !== null && limits.temperature?.max !== undefined) out.max_temperature_degC = celsius(limits.temperature.max);
  if (limits.temperature?.min !== null && limits.temperature?.min !== undefined) out.min_temperature_degC = celsius(limits.temperature.min);
  return Object.keys(out).length > 0 ? out : null;
}

function provenanceOf(ir: ProtocolIR, btpVersion: string): Record<string, string | number> {
  const provenance: Record<string, string | number> = { source_type: SOURCE_TYPE, source_file: ir.source };
  const doi = ir.metadata.citations
    .map((c) => /\b(10\.\d{4,9}\/[-._;()/:A-Za-z0-9]+[A-Za-z0-9])/.exec(c)?.[1])
    .find((d) => d !== undefined);
  if (doi) {
    provenance.citation = `https://doi.org/${doi}`;
    provenance.citation_doi = doi;
  }
  provenance.retrieved_at = RETRIEVED_AT;
  provenance.workflow_version = `btp ${btpVersion}`;
  provenance.comment =
    "Written by btp from the protocol file; retrieved_at is 0 because btp records no clock time (the same protocol always gives the same record).";
  return provenance;
}

/** The paper, figure and notes of the protocol, then what the record states differently. */
function notesOf(ir: ProtocolIR, emulations: readonly Emulation[]): string[] {
  const notes: string[] = [];
  for (const citation of ir.metadata.citations) notes.push(`Cite: ${citation}`);
  for (const figure of ir.metadata.figures) notes.push(`Figure: ${figure}`);
  for (const instrument of ir.metadata.instruments) notes.push(`Instrument: ${instrument}`);
  notes.push(...ir.metadata.notes);
  if (ir.limits.power) notes.push(`Safety: power limited to ${formatNumber(ir.limits.power.max * 1000)} mW.`);
  for (const line of stepLimitNotes(ir)) notes.push(line);
  for (const line of emulationLines(emulations, ir.source)) notes.push(`Emulation, ${line}`);
  return notes;
}

/** What `safety` cannot hold: a power limit, and limits of single steps. */
export function limitEmulations(ir: ProtocolIR): Emulation[] {
  const steps = stepsOf(ir.body);
  const emulations: Emulation[] = [];
  const powered = steps.find((s) => s.limits.power);
  if (powered) {
    emulations.push({
      span: powered.span,
      construct: "safetyLimits",
      message: "the power limit has no field in BattINFO's safety and is stated in the notes",
    });
  }
  const protocol = JSON.stringify(ir.limits);
  const own = steps.find((s) => JSON.stringify(s.limits) !== protocol);
  if (own) {
    emulations.push({
      span: own.span,
      construct: "safetyLimits",
      message: "limits of single steps have no field in BattINFO's safety and are stated in the notes",
    });
  }
  return emulations;
}

/** Steps whose own limits differ from the protocol's (BattINFO's safety is protocol-wide). */
function stepLimitNotes(ir: ProtocolIR): string[] {
  const protocol = JSON.stringify(ir.limits);
  const notes: string[] = [];
  for (const step of stepsOf(ir.body)) {
    if (JSON.stringify(step.limits) === protocol) continue;
    const parts: string[] = [];
    const l = step.limits;
    if (l.voltage)
      parts.push(
        `voltage ${l.voltage.min === null ? "" : `${formatNumber(l.voltage.min)} V`}..${l.voltage.max === null ? "" : `${formatNumber(l.voltage.max)} V`}`,
      );
    if (l.current) parts.push(`current ${formatNumber(l.current.max * 1000)} mA`);
    if (l.capacity) parts.push(`capacity ${formatNumber(l.capacity.max / 3.6)} mAh`);
    if (l.power) parts.push(`power ${formatNumber(l.power.max * 1000)} mW`);
    if (l.temperature)
      parts.push(
        `temperature ${l.temperature.min === null ? "" : `${celsius(l.temperature.min)} °C`}..${l.temperature.max === null ? "" : `${celsius(l.temperature.max)} °C`}`,
      );
    notes.push(`Safety of step ${step.id} (line ${step.span.start.line}): ${parts.join(", ")}.`);
  }
  return notes;
}
