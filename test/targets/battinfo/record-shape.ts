// The shape of a BattINFO test-protocol record (schema 0.2.0), written for these tests from
// BattINFO's field list and checked against BattINFO's own sample records
// (/work/shared/vendor-samples/battinfo/test-protocol-*.json): what btp writes must have the
// same shape as what BattINFO writes.

const quantity = {
  type: "object",
  additionalProperties: false,
  required: ["value", "unit"],
  properties: { value: { type: "number" }, unit: { type: "string", minLength: 1 } },
};

const step = {
  type: "object",
  additionalProperties: false,
  required: ["mode"],
  properties: {
    mode: { enum: ["cc", "cv", "cccv", "cp", "cr", "rest", "eis", "scan", "group"] },
    direction: { enum: ["charge", "discharge", "hold", "rest", "none"] },
    count: { type: "integer", minimum: 1 },
    setpoints: { type: "object", additionalProperties: quantity },
    termination: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["quantity", "value", "unit"],
        properties: {
          quantity: { enum: ["voltage", "current", "c_rate", "capacity", "soc", "duration"] },
          value: { type: "number" },
          unit: { type: "string", minLength: 1 },
          direction: { enum: ["below", "above", "elapsed"] },
        },
      },
    },
    duration: quantity,
    temperature: quantity,
    period: { type: "object" },
    tags: { type: "array", items: { type: "string" } },
    description: { type: "string" },
    steps: { type: "array", items: { $ref: "#/$defs/step" } },
  },
  // A group has its steps and a count; other steps have neither.
  if: { properties: { mode: { const: "group" } } },
  then: { required: ["count", "steps"] },
  else: { not: { required: ["count"] } },
};

const optionalNumber = { type: ["number", "null"] };

export const recordShape = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  additionalProperties: false,
  required: ["schema_version", "test_spec", "provenance"],
  $defs: { step },
  properties: {
    schema_version: { type: "string", pattern: "^\\d+\\.\\d+\\.\\d+$" },
    test_spec: {
      type: "object",
      additionalProperties: false,
      required: ["id", "name", "kind"],
      properties: {
        id: { type: "string", pattern: "^https://w3id\\.org/battinfo/spec/[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}$" },
        short_id: { type: "string", pattern: "^[0-9a-hjkmnp-tv-z]{6,16}$" },
        identifier: { type: "string", minLength: 1 },
        name: { type: "string", minLength: 1 },
        kind: {
          enum: [
            "cycling",
            "capacity_check",
            "rate_capability",
            "hppc",
            "ici",
            "gitt",
            "pitt",
            "dcir",
            "eis",
            "impedance",
            "calendar_ageing",
            "formation",
            "rpt",
            "quasi_ocv",
            "cyclic_voltammetry",
            "field",
            "duty_cycle",
            "wltp",
            "nedc",
            "sem",
            "characterization",
            "other",
          ],
        },
        description: { type: "string" },
        version: { type: "string" },
        protocol_url: { type: "string" },
      },
    },
    method: { type: "array", items: { $ref: "#/$defs/step" } },
    record: {
      type: "object",
      additionalProperties: false,
      properties: {
        time_s: { type: "number", exclusiveMinimum: 0 },
        voltage_V: { type: "number", exclusiveMinimum: 0 },
        current_mA: { type: "number", exclusiveMinimum: 0 },
      },
    },
    safety: {
      type: "object",
      additionalProperties: false,
      properties: {
        max_voltage_V: optionalNumber,
        min_voltage_V: optionalNumber,
        max_current_mA: optionalNumber,
        min_current_mA: optionalNumber,
        max_capacity_mAh: optionalNumber,
        max_temperature_degC: optionalNumber,
        min_temperature_degC: optionalNumber,
        delay_s: optionalNumber,
      },
    },
    conditions: { type: "object", additionalProperties: quantity },
    facets: {
      type: "object",
      required: ["modes", "directions", "control_modes", "has_cv_hold", "has_rest", "has_eis"],
      properties: {
        modes: { type: "array", items: { type: "string" } },
        directions: { type: "array", items: { enum: ["charge", "discharge"] } },
        control_modes: { type: "array", items: { type: "string" } },
        has_cv_hold: { type: "boolean" },
        has_rest: { type: "boolean" },
        has_eis: { type: "boolean" },
        c_rates: { type: "array", items: { type: "number" } },
        voltage_window_V: { type: "array", items: { type: "number" }, minItems: 2, maxItems: 2 },
        temperatures: { type: "array", items: { type: "number" } },
      },
    },
    artifacts: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["role", "format", "locator"],
        properties: {
          role: { enum: ["source_protocol", "executed_protocol", "vendor_export", "simulation_input", "other"] },
          format: { type: "string", minLength: 1 },
          locator: { type: "string", minLength: 1 },
          media_type: { type: "string" },
          sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
        },
      },
    },
    provenance: {
      type: "object",
      additionalProperties: false,
      required: ["source_type", "retrieved_at"],
      properties: {
        source_type: { enum: ["manual", "lab", "simulation", "import", "other"] },
        source_file: { type: "string" },
        source_url: { type: ["string", "null"] },
        citation: { type: "string" },
        citation_doi: { type: "string", pattern: "^10\\.\\d{4,9}/[-._;()/:A-Za-z0-9]+$" },
        retrieved_at: { type: "integer", minimum: 0 },
        workflow_version: { type: "string" },
        comment: { type: "string" },
      },
    },
    notes: { type: "array", items: { type: "string" } },
    contributor: {
      type: "array",
      minItems: 1,
      items: { type: "object", required: ["name"], properties: { name: { type: "string", minLength: 1 } } },
    },
  },
};
