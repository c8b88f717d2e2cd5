// Checks a value against the IR schema. Used by tests (every front end must produce a valid IR)
// and by anything that loads an IR it did not build itself.

import { Ajv2020 } from "ajv/dist/2020.js";
import type { ErrorObject, ValidateFunction } from "ajv";
import { irSchema } from "./schema.js";

export interface IrValidation {
  ok: boolean;
  /** One line per problem: where (`body[2].ends[0].seconds`) and what, in plain words. */
  errors: string[];
}

let compiled: ValidateFunction | null = null;

/** Compiled on first use: ajv code generation takes a few milliseconds that most runs never need. */
function irValidator(): ValidateFunction {
  if (compiled === null) {
    const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, discriminator: true });
    compiled = ajv.compile(irSchema);
  }
  return compiled;
}

export function validateIr(ir: unknown): IrValidation {
  const validate = irValidator();
  if (validate(ir)) return { ok: true, errors: [] };
  const errors = (validate.errors ?? []).filter((error) => !isNoise(error)).map(describeIrError);
  return { ok: false, errors: [...new Set(errors)] };
}

/** `anyOf [null, X]` reports both "must be null" and X's own problem; only the latter helps. */
function isNoise(error: ErrorObject): boolean {
  if (error.keyword === "anyOf") return true;
  return error.keyword === "type" && error.params.type === "null";
}

/** `/body/2/ends/0` → `body[2].ends[0]`; the root is called `(protocol)`. */
export function irPath(instancePath: string): string {
  if (instancePath === "") return "(protocol)";
  let out = "";
  for (const raw of instancePath.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    out += /^\d+$/.test(segment) ? `[${segment}]` : out === "" ? segment : `.${segment}`;
  }
  return out;
}

function describeIrError(error: ErrorObject): string {
  const where = irPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `${where}: missing property \`${String(params.missingProperty)}\``;
    case "additionalProperties":
      return `${where}: unexpected property \`${String(params.additionalProperty)}\``;
    case "discriminator":
      return params.error === "mapping"
        ? `${where}: unknown ${String(params.tag)} ${JSON.stringify(params.tagValue)}`
        : `${where}: \`${String(params.tag)}\` must be a string`;
    case "type":
      return `${where}: must be ${String(params.type).replace(",", " or ")}`;
    case "const":
      return `${where}: must be ${JSON.stringify(params.allowedValue)}`;
    case "enum":
      return `${where}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return `${where}: ${error.message ?? "is not valid"}`;
  }
}
