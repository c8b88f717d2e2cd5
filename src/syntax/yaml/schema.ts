// The JSON Schema (draft 2020-12) of the btp YAML format, described for people in docs/yaml.md.
// It checks the shape of the document (which keys, lists or mappings, text or values); what the
// values mean (units, names, phrases) is checked later, by the btp expression parser and the
// checker, exactly as for a .btp file.
//
// Every schema that a value is checked against has a `title` saying in plain words what is
// expected there: errors.ts quotes it ("`at` should be a quantity such as \"3.9 V\" …").

/** A btp name: a param, cell, sequence, sequence parameter or sweep variable. */
export const NAME_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*$";
/** A cell property key: one or more words (`kind`, `active mass`, `specific capacity`). */
const CELL_KEY_PATTERN = "^[A-Za-z_][A-Za-z0-9_]*( +[A-Za-z_][A-Za-z0-9_]*)*$";

const ref = (name: string) => ({ $ref: `#/$defs/${name}` }) as const;

const text = { title: "text", type: "string" } as const;
const textOrList = { title: "text or a list of texts", type: ["string", "array"], items: text } as const;
const name = { title: "a name (letters, digits and `_`)", type: "string", pattern: NAME_PATTERN } as const;
const quantity = ref("quantity");
const quantityOrList = ref("quantityOrList");
const steps = ref("steps");

/** A closed mapping: only the listed keys, some of them required. */
function mapping<P extends Record<string, object>>(title: string, properties: P, required: (keyof P & string)[] = []) {
  return { title, type: "object", properties, required, additionalProperties: false } as const;
}

/** How a step ends: `for` a duration and/or `until` conditions (the first one reached wins). */
const stepEnd = { for: quantity, until: quantityOrList } as const;
/** The options any step may carry. */
const stepOptions = { record: ref("record"), limits: ref("limits"), label: text } as const;

const currentStep = mapping(
  'a mapping such as { at: "0.5C", until: "3.9 V" }',
  {
    at: quantity,
    ...stepEnd,
    "then hold": {
      title: 'a mapping such as { until: "C/20" } (or empty: hold where the current part ended)',
      type: ["object", "null"],
      properties: { at: quantity, ...stepEnd },
      additionalProperties: false,
    },
    ...stepOptions,
  },
  ["at"],
);

const openCircuitStep = {
  title: 'a mapping such as { for: "2 h" } (or empty)',
  type: ["object", "null"],
  properties: { ...stepEnd, ...stepOptions },
  additionalProperties: false,
} as const;

const statementKinds = {
  charge: ref("currentStep"),
  discharge: ref("currentStep"),
  hold: mapping('a mapping such as { at: "4.2 V", until: "C/50" }', { at: quantity, ...stepEnd, ...stepOptions }, ["at"]),
  rest: openCircuitStep,
  ocv: openCircuitStep,
  eis: mapping(
    'a mapping such as { from: "1 MHz", to: "10 mHz", amplitude: "5 mV" }',
    { from: quantity, to: quantity, amplitude: quantity, "points per decade": quantity, at: quantity, bias: quantity, ...stepOptions },
    ["from", "to"],
  ),
  sweep: mapping(
    'a mapping such as { from: ocv, to: "6.5 V", at: "0.1 mV/s" }',
    { from: quantity, to: quantity, at: quantity, ...stepOptions },
    ["from", "to", "at"],
  ),
  cv: mapping(
    'a mapping such as { between: ["2.0 V", "4.0 V"], at: "0.1 mV/s", cycles: 3 }',
    {
      between: {
        title: 'a list of two voltages, lower first, such as ["2.0 V", "4.0 V"]',
        type: "array",
        items: quantity,
        minItems: 2,
        maxItems: 2,
      },
      at: quantity,
      cycles: quantity,
      "start at": quantity,
      ...stepOptions,
    },
    ["between", "at"],
  ),
  temperature: mapping(
    'a mapping such as { setpoint: "60 °C", settle: "2 h" }',
    { setpoint: quantity, settle: ref("settle"), ...stepOptions },
    ["setpoint"],
  ),
  pause: {
    title: 'a message in quotes, or a mapping such as { message: "Move the cell", label: "move" }',
    type: ["string", "object"],
    properties: { message: text, ...stepOptions },
    required: ["message"],
    additionalProperties: false,
  },
  repeat: mapping("a mapping such as { count: 10, steps: [ … ] }", { count: quantity, until: ref("loopCondition"), steps }, [
    "count",
    "steps",
  ]),
  for: mapping(
    'a mapping such as { variable: rate, in: ["0.5C", "1C"], steps: [ … ] }',
    {
      variable: name,
      in: { title: 'a list of values such as ["0.5C", "1C"], or the name of a list param', type: ["string", "array"], items: quantity },
      steps,
    },
    ["variable", "in", "steps"],
  ),
  after: mapping("a mapping such as { cycles: [10, 60], steps: [ … ] }", { cycles: quantityOrList, steps }, ["cycles", "steps"]),
  every: mapping("a mapping such as { cycles: 100, steps: [ … ] }", { cycles: quantity, steps }, ["cycles", "steps"]),
  at: mapping(
    'a mapping such as { temperature: "-20 °C", settle: "2 h", steps: [ … ] }',
    { temperature: quantity, settle: ref("settle"), steps },
    ["temperature", "steps"],
  ),
  section: mapping('a mapping such as { title: "activation", steps: [ … ] }', { title: text, steps }, ["title", "steps"]),
  "stop if": ref("loopCondition"),
  call: mapping(
    'a mapping such as { sequence: plate_strip, args: ["0.1 mA/cm2", "1 h"] }',
    {
      sequence: name,
      args: {
        title: "a list of values, or a mapping of parameter names to values",
        type: ["array", "object"],
        items: {
          title: 'a value, or a one-key mapping such as { t: "1 h" } for a named argument',
          type: ["string", "number", "object"],
          minProperties: 1,
          maxProperties: 1,
          propertyNames: { pattern: NAME_PATTERN },
          additionalProperties: quantity,
        },
        propertyNames: { pattern: NAME_PATTERN },
        additionalProperties: quantity,
      },
    },
    ["sequence"],
  ),
  limits: ref("limits"),
  record: ref("record"),
} as const;

/** Keys that belong inside a step's own mapping (`label`, `until`, `steps`, …): written beside
 * the step instead, they are a misplaced option rather than an unknown step. */
export const STEP_INNER_KEYS: ReadonlySet<string> = new Set(
  [currentStep, ...Object.values(statementKinds)].flatMap((schema) => ("properties" in schema ? Object.keys(schema.properties) : [])),
);

const range = {
  title: 'a limit such as "4.2 V", a range such as "2.0 V .. 4.2 V", or a list of two values',
  type: ["string", "number", "array"],
  items: quantity,
  minItems: 2,
  maxItems: 2,
} as const;

const cellValue = {
  title: 'a value such as "2.5 mg", a range such as "2.3 V .. 3.9 V", a word, text, or a mapping of properties',
  type: ["string", "number", "array", "object"],
  items: quantity,
  minItems: 2,
  maxItems: 2,
  properties: { label: text },
  propertyNames: { pattern: CELL_KEY_PATTERN },
  additionalProperties: ref("cellValue"),
} as const;

const param = {
  title: 'a value such as 5 or "0.5C", a list of values, or a mapping such as { value: 5, doc: "why" }',
  type: ["string", "number", "array", "object"],
  items: quantity,
  properties: {
    value: { title: "a value or a list of values", type: ["string", "number", "array"], items: quantity },
    type: text,
    doc: text,
  },
  required: ["value"],
  additionalProperties: false,
} as const;

const sequence = mapping(
  "a mapping such as { params: { j: { type: current density } }, steps: [ … ] }",
  {
    params: {
      title: "a mapping of parameter names to { type, default } (or empty)",
      type: "object",
      propertyNames: { pattern: NAME_PATTERN },
      additionalProperties: {
        title: 'a mapping such as { type: time, default: "1 h" } (or empty)',
        type: ["object", "null"],
        properties: { type: text, default: quantity },
        additionalProperties: false,
      },
    },
    doc: text,
    steps,
  },
  ["steps"],
);

/** The schema of a btp YAML protocol document. */
export const yamlProtocolSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "urn:btp:schema:protocol-yaml",
  ...mapping("a mapping of protocol keys such as `protocol`, `params` and `steps`", {
    protocol: text,
    cite: textOrList,
    figure: textOrList,
    note: textOrList,
    instrument: textOrList,
    author: textOrList,
    import: textOrList,
    "use cell": text,
    params: {
      title: "a mapping of param names to values",
      type: "object",
      propertyNames: { pattern: NAME_PATTERN },
      additionalProperties: ref("param"),
    },
    cells: {
      title: "a mapping of cell names to their properties",
      type: "object",
      propertyNames: { pattern: NAME_PATTERN },
      additionalProperties: {
        title: 'a mapping of cell properties such as { kind: full, area: "1.13 cm2" }',
        type: "object",
        properties: { title: text },
        propertyNames: { pattern: CELL_KEY_PATTERN },
        additionalProperties: ref("cellValue"),
      },
    },
    sequences: {
      title: "a mapping of sequence names to sequences",
      type: "object",
      propertyNames: { pattern: NAME_PATTERN },
      additionalProperties: sequence,
    },
    limits: ref("limits"),
    record: ref("record"),
    steps,
  }),
  $defs: {
    quantity: { title: 'a quantity such as "3.9 V" or "0.5C", or a param name', type: ["string", "number"] },
    quantityOrList: { title: 'a quantity such as "3.9 V", or a list of them', type: ["string", "number", "array"], items: quantity },
    loopCondition: { title: 'a condition such as "discharge capacity < 80 % of cycle 1"', type: "string" },
    settle: { title: 'a duration such as "2 h", or "until stable"', type: ["string", "number"] },
    record: mapping('a mapping such as { every: ["30 s", "5 mV"] }', { every: quantityOrList }, ["every"]),
    limits: mapping('a mapping such as { voltage: "2.0 V .. 4.2 V", current: "10 mA" }', {
      voltage: range,
      current: range,
      temperature: range,
      capacity: range,
      power: range,
    }),
    currentStep,
    statement: {
      title: 'a step: text such as "rest for 1 h", or a mapping with one key such as `charge` or `repeat`',
      type: ["string", "object"],
      minProperties: 1,
      maxProperties: 1,
      properties: statementKinds,
      additionalProperties: false,
    },
    steps: { title: "a list of steps", type: "array", items: ref("statement") },
    param,
    cellValue,
  },
} as const;
