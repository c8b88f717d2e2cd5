// The JSON Schema (draft 2020-12) of the protocol IR in types.ts. Front ends are tested against
// it, and anything that reads an IR from disk (a saved compile, another tool's output) can check
// it before trusting it. validate.ts compiles it with ajv in strict mode.
//
// Every object is closed (`additionalProperties: false`) and every field is required unless the
// interface marks it optional (`?`), so a field added to types.ts without a matching schema
// change fails the key check at the bottom of this file at compile time.

import type {
  CcCvStepIR,
  CellElectrodeIR,
  CellIR,
  ConstantCurrentStepIR,
  ConstantPowerStepIR,
  ConstantVoltageStepIR,
  CycleActionIR,
  CyclicVoltammetryStepIR,
  EisStepIR,
  GroupIR,
  LimitsIR,
  LinearSweepStepIR,
  LoopConditionIR,
  LoopIR,
  OcvStepIR,
  ParamIR,
  PauseStepIR,
  ProtocolIR,
  RecordIR,
  Resolved,
  RestStepIR,
  StopIR,
  TemperatureStepIR,
} from "./types.js";
import { IR_VERSION } from "./types.js";

// ---------------------------------------------------------------------------------------------
// Small builders. They keep the literal property names in the result type so that the key check
// below can compare them with the TypeScript interfaces.

interface ClosedObject<P> {
  type: "object";
  additionalProperties: false;
  required: string[];
  properties: P;
}

/** A closed object whose properties are all required except the ones listed as optional. */
function object<P extends Record<string, object>>(properties: P, optional: readonly (keyof P)[] = []): ClosedObject<P> {
  return {
    type: "object",
    additionalProperties: false,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    properties,
  };
}

/** The same object, or null (for `X | null` fields). */
function orNull<P>(schema: ClosedObject<P>): Omit<ClosedObject<P>, "type"> & { type: ["object", "null"] } {
  return { ...schema, type: ["object", "null"] };
}

const ref = (name: string) => ({ $ref: `#/$defs/${name}` }) as const;
const refOrNull = (name: string) => ({ anyOf: [{ type: "null" }, ref(name)] }) as const;

// JSON numbers are finite by construction; ajv's strictNumbers (part of `strict`) also rejects
// NaN and Infinity when an in-memory IR is validated before serialisation.
const number = { type: "number" } as const;
const numberOrNull = { type: ["number", "null"] } as const;
const nonNegative = { type: "number", minimum: 0 } as const;
const count = { type: "integer", minimum: 0 } as const;
const text = { type: "string" } as const;
const textOrNull = { type: ["string", "null"] } as const;
const comparator = { enum: ["<", "<=", ">", ">="] } as const;
const direction = { enum: ["charge", "discharge"] } as const;
const kind = <K extends string>(name: K) => ({ const: name }) as const;
const span = ref("span");

/** A union of objects told apart by one property; ajv picks the branch from the tag, so an error
 * names the branch's own problem instead of listing every branch. */
const taggedUnion = (tag: string, branches: readonly object[]) =>
  ({ type: "object", discriminator: { propertyName: tag }, oneOf: branches }) as const;

// ---------------------------------------------------------------------------------------------
// Shared pieces

const position = object({
  offset: count,
  line: { type: "integer", minimum: 1 },
  column: { type: "integer", minimum: 1 },
});

const spanSchema = object({ file: text, start: ref("position"), end: ref("position") });

const resolved = object(
  {
    si: number,
    text,
    derivation: text,
    basis: { enum: ["c-rate", "current-density", "specific-current", "percent-of-nominal", "specific-capacity"] },
    relative: number,
  },
  ["derivation", "basis", "relative"],
);

const range = object({ min: numberOrNull, max: numberOrNull });
const maximum = object({ max: nonNegative });

const limits = object({ voltage: range, current: maximum, temperature: range, capacity: maximum, power: maximum }, [
  "voltage",
  "current",
  "temperature",
  "capacity",
  "power",
]);

const record = object({ time: nonNegative, voltage: nonNegative, current: nonNegative }, ["time", "voltage", "current"]);

// ---------------------------------------------------------------------------------------------
// End conditions and set-points

const timeEnd = object({ kind: kind("time"), seconds: nonNegative, span });
const voltageEnd = object({ kind: kind("voltage"), comparator, volts: number, span });
const currentEnd = object({ kind: kind("current"), comparator, amperes: nonNegative, resolved: ref("resolved"), span });
const capacityEnd = object({ kind: kind("capacity"), coulombs: nonNegative, resolved: ref("resolved"), span });
const temperatureEnd = object({ kind: kind("temperature"), comparator, kelvin: nonNegative, span });

const endCondition = taggedUnion("kind", [timeEnd, voltageEnd, currentEnd, capacityEnd, temperatureEnd]);
const ends = { type: "array", items: ref("endCondition") } as const;

const absoluteVoltage = object({ reference: kind("absolute"), volts: number, text });
const ocvRelativeVoltage = object({ reference: kind("ocv"), offsetVolts: number, text });
const voltageSetpoint = taggedUnion("reference", [absoluteVoltage, ocvRelativeVoltage]);

// ---------------------------------------------------------------------------------------------
// Steps

const stepBase = {
  id: { type: "string", pattern: "^[1-9][0-9]*(\\.[1-9][0-9]*)*$" },
  span,
  label: textOrNull,
  limits: ref("limits"),
  record: ref("record"),
  ambient: { type: ["number", "null"], minimum: 0 },
} as const;

const restStep = object({ kind: kind("rest"), ...stepBase, ends });
const ocvStep = object({ kind: kind("ocv"), ...stepBase, ends });
const constantCurrentStep = object({
  kind: kind("constantCurrent"),
  ...stepBase,
  direction,
  current: ref("resolved"),
  ends,
});
const constantPowerStep = object({ kind: kind("constantPower"), ...stepBase, direction, power: ref("resolved"), ends });
const constantVoltageStep = object({ kind: kind("constantVoltage"), ...stepBase, voltage: ref("voltageSetpoint"), ends });
const ccCvStep = object({
  kind: kind("ccCv"),
  ...stepBase,
  direction,
  current: ref("resolved"),
  voltage: number,
  ccEnds: ends,
  cvEnds: ends,
});
const eisStep = object({
  kind: kind("eis"),
  ...stepBase,
  mode: { enum: ["potentiostatic", "galvanostatic"] },
  startFrequency: { type: "number", exclusiveMinimum: 0 },
  endFrequency: { type: "number", exclusiveMinimum: 0 },
  amplitude: nonNegative,
  pointsPerDecade: { type: "number", exclusiveMinimum: 0 },
  bias: taggedUnion("reference", [object({ reference: kind("ocv") }), object({ reference: kind("absolute"), value: number })]),
});
const linearSweepStep = object({
  kind: kind("linearSweep"),
  ...stepBase,
  from: ref("voltageSetpoint"),
  to: ref("voltageSetpoint"),
  scanRate: nonNegative,
});
const cyclicVoltammetryStep = object({
  kind: kind("cyclicVoltammetry"),
  ...stepBase,
  lower: number,
  upper: number,
  scanRate: nonNegative,
  cycles: count,
  start: ref("voltageSetpoint"),
});
const temperatureStep = object({
  kind: kind("temperature"),
  ...stepBase,
  setpoint: nonNegative,
  settle: taggedUnion("kind", [
    object({ kind: kind("none") }),
    object({ kind: kind("time"), seconds: nonNegative }),
    object({ kind: kind("stable") }),
  ]),
});
const pauseStep = object({ kind: kind("pause"), ...stepBase, message: text });

// ---------------------------------------------------------------------------------------------
// Structure

const loopCondition = object({
  subject: { enum: ["chargeCapacity", "dischargeCapacity", "coulombicEfficiency", "endVoltage"] },
  comparator,
  value: numberOrNull,
  fractionOfCycle: orNull(object({ fraction: number, cycle: { type: "integer", minimum: 1 } })),
  text,
  span,
});

const body = { type: "array", items: ref("node") } as const;

const loop = object({ kind: kind("loop"), id: stepBase.id, span, count, until: refOrNull("loopCondition"), body });
const cycleAction = object({
  kind: kind("cycleAction"),
  id: stepBase.id,
  span,
  cycles: { type: ["array", "null"], items: { type: "integer", minimum: 1 } },
  every: { type: ["integer", "null"], minimum: 1 },
  body,
});
const group = object({
  kind: kind("group"),
  id: stepBase.id,
  span,
  origin: { enum: ["section", "sweep", "sequence", "temperature"] },
  label: text,
  body,
});
const stop = object({ kind: kind("stop"), id: stepBase.id, span, condition: ref("loopCondition") });

const nodeBranches = {
  restStep,
  ocvStep,
  constantCurrentStep,
  constantPowerStep,
  constantVoltageStep,
  ccCvStep,
  eisStep,
  linearSweepStep,
  cyclicVoltammetryStep,
  temperatureStep,
  pauseStep,
  loop,
  cycleAction,
  group,
  stop,
};

// ---------------------------------------------------------------------------------------------
// The cell and the protocol

const cellElectrode = object({
  role: { enum: ["cathode", "anode", "electrode"] },
  material: textOrNull,
  activeMass: { type: ["number", "null"], minimum: 0 },
  loading: { type: ["number", "null"], minimum: 0 },
  specificCapacity: { type: ["number", "null"], minimum: 0 },
  activeFraction: { type: ["number", "null"], minimum: 0, maximum: 1 },
});

const cell = object({
  name: text,
  title: textOrNull,
  kind: { enum: ["full", "half", "symmetric", "blocking", "lsv"] },
  format: textOrNull,
  chemistry: textOrNull,
  nominalCapacity: { type: ["number", "null"], minimum: 0 },
  nominalCapacityDerivation: textOrNull,
  area: { type: ["number", "null"], minimum: 0 },
  activeMass: { type: ["number", "null"], minimum: 0 },
  window: orNull(object({ min: number, max: number })),
  electrodes: { type: "array", items: ref("cellElectrode") },
  electrolyte: orNull(
    object({
      material: textOrNull,
      thickness: { type: ["number", "null"], minimum: 0 },
      diameter: { type: ["number", "null"], minimum: 0 },
      area: { type: ["number", "null"], minimum: 0 },
    }),
  ),
  model: { type: "object", additionalProperties: { type: ["number", "string"] } },
  span,
});

const param = object({ name: text, text, si: numberOrNull, doc: textOrNull, overridden: { type: "boolean" }, span });

const metadata = object({
  citations: { type: "array", items: text },
  figures: { type: "array", items: text },
  notes: { type: "array", items: text },
  instruments: { type: "array", items: text },
  authors: { type: "array", items: text },
});

const protocol = object({
  irVersion: { const: IR_VERSION },
  title: textOrNull,
  source: text,
  metadata,
  cell: refOrNull("cell"),
  params: { type: "array", items: ref("param") },
  limits: ref("limits"),
  record: ref("record"),
  body,
});

/** The schema of `ProtocolIR`, draft 2020-12. */
export const irSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "urn:btp:schema:protocol-ir",
  title: "btp protocol IR",
  description: "The normalized battery test protocol produced by btp front ends (SI units, loops kept as loops).",
  ...protocol,
  $defs: {
    position,
    span: spanSchema,
    resolved,
    limits,
    record,
    endCondition,
    voltageSetpoint,
    loopCondition,
    node: taggedUnion("kind", Object.values(nodeBranches)),
    cellElectrode,
    cell,
    param,
  },
} as const;

// ---------------------------------------------------------------------------------------------
// Compile-time key check: each schema object lists exactly the keys of its interface. A mismatch
// makes the matching `Assert` below fail to type-check, at the pair that drifted apart.

type SchemaKeys<S> = S extends { properties: infer P } ? keyof P : never;
type SameKeys<S, T> = [SchemaKeys<S>] extends [keyof T] ? ([keyof T] extends [SchemaKeys<S>] ? true : false) : false;
type Assert<Check extends true> = Check;

export type IrSchemaKeyCheck = [
  Assert<SameKeys<typeof resolved, Resolved>>,
  Assert<SameKeys<typeof limits, LimitsIR>>,
  Assert<SameKeys<typeof record, RecordIR>>,
  Assert<SameKeys<typeof restStep, RestStepIR>>,
  Assert<SameKeys<typeof ocvStep, OcvStepIR>>,
  Assert<SameKeys<typeof constantCurrentStep, ConstantCurrentStepIR>>,
  Assert<SameKeys<typeof constantPowerStep, ConstantPowerStepIR>>,
  Assert<SameKeys<typeof constantVoltageStep, ConstantVoltageStepIR>>,
  Assert<SameKeys<typeof ccCvStep, CcCvStepIR>>,
  Assert<SameKeys<typeof eisStep, EisStepIR>>,
  Assert<SameKeys<typeof linearSweepStep, LinearSweepStepIR>>,
  Assert<SameKeys<typeof cyclicVoltammetryStep, CyclicVoltammetryStepIR>>,
  Assert<SameKeys<typeof temperatureStep, TemperatureStepIR>>,
  Assert<SameKeys<typeof pauseStep, PauseStepIR>>,
  Assert<SameKeys<typeof loopCondition, LoopConditionIR>>,
  Assert<SameKeys<typeof loop, LoopIR>>,
  Assert<SameKeys<typeof cycleAction, CycleActionIR>>,
  Assert<SameKeys<typeof group, GroupIR>>,
  Assert<SameKeys<typeof stop, StopIR>>,
  Assert<SameKeys<typeof cellElectrode, CellElectrodeIR>>,
  Assert<SameKeys<typeof cell, CellIR>>,
  Assert<SameKeys<typeof param, ParamIR>>,
  Assert<SameKeys<typeof protocol, ProtocolIR>>,
];
