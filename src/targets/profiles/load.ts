// `--profile <id|file.json>`: a built-in profile by id, or a lab's own channel as JSON. A JSON
// profile is validated (draft 2020-12 schema, then units and ranges) and every problem points at
// the line and column of the offending value, like a protocol diagnostic.
//
// Values are numbers in SI (V, A, Hz) or strings with a unit ("10 mA", "1 MHz"):
//   { "id": "our-land-1ma", "name": "LAND CT3002A 5 V / 1 mA", "target": "land",
//     "voltage": { "min": "0 V", "max": "5 V" }, "maxCurrent": "1 mA",
//     "source": "channel label, lab inventory 2026" }

import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { isMap, isNode, parseDocument, type Document } from "yaml";
import type { Diagnostic, Position, Span } from "../../diagnostics/diagnostic.js";
import { fileSpan } from "../../diagnostics/diagnostic.js";
import { parseQuantity, unitFitsKind, type QuantityKind } from "../../units/index.js";
import type { InstrumentProfile } from "../target.js";
import { BUILT_IN_PROFILES, findBuiltInProfile } from "./catalogue.js";

export const UNKNOWN_PROFILE = "BTP6015";
export const PROFILE_NOT_JSON = "BTP6016";
export const PROFILE_FIELD_INVALID = "BTP6017";

/** A profile file is a few hundred bytes; this keeps a wrong path from being read whole. */
const MAX_PROFILE_BYTES = 64 * 1024;

export interface ProfileLoad {
  profile: InstrumentProfile | null;
  diagnostics: Diagnostic[];
  /** The file text, for source frames in the diagnostics. */
  text?: string;
}

/** Whether `--profile` names a file rather than a built-in id. */
export function isProfileFile(spec: string): boolean {
  return /\.json$/i.test(spec) || spec.includes("/") || spec.includes("\\");
}

/** Reads a built-in id, or a JSON file through `readFile` (which returns null when unreadable). */
export function loadProfile(spec: string, readFile: (file: string) => string | null): ProfileLoad {
  if (!isProfileFile(spec)) {
    const found = findBuiltInProfile(spec);
    if (found) return { profile: found, diagnostics: [] };
    return {
      profile: null,
      diagnostics: [
        {
          code: UNKNOWN_PROFILE,
          severity: "error",
          message: `there is no built-in instrument profile "${spec}"`,
          span: fileSpan("<--profile>"),
          hint: `use one of ${BUILT_IN_PROFILES.map((p) => p.id).join(", ")}, or a JSON file (see docs/profiles.md)`,
        },
      ],
    };
  }
  const text = readFile(spec);
  if (text === null) {
    return {
      profile: null,
      diagnostics: [{ code: UNKNOWN_PROFILE, severity: "error", message: `the profile file ${spec} cannot be read`, span: fileSpan(spec), hint: "check the path" }],
    };
  }
  return { ...parseProfileJson(text, spec), text };
}

const quantity = { type: ["number", "string"] };
const range = {
  type: "object",
  required: ["min", "max"],
  additionalProperties: false,
  properties: { min: quantity, max: quantity },
};
const PROFILE_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  required: ["id", "name", "target", "voltage", "maxCurrent", "source"],
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    id: { type: "string", pattern: "^[a-z0-9][a-z0-9._-]*$" },
    name: { type: "string", minLength: 1 },
    target: { type: "string", minLength: 1 },
    voltage: range,
    maxCurrent: quantity,
    minCurrent: quantity,
    frequency: range,
    source: { type: "string", minLength: 1 },
    notes: { type: "string" },
  },
};

let compiled: ReturnType<Ajv2020["compile"]> | null = null;
function validator(): ReturnType<Ajv2020["compile"]> {
  compiled ??= new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(PROFILE_SCHEMA);
  return compiled;
}

export function parseProfileJson(text: string, file: string): { profile: InstrumentProfile | null; diagnostics: Diagnostic[] } {
  if (text.length > MAX_PROFILE_BYTES) {
    return fail(PROFILE_NOT_JSON, `${file} is too large for an instrument profile`, fileSpan(file), "a profile is a small JSON object; check the path");
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    return fail(PROFILE_NOT_JSON, `${file} is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, "")}`, pointSpan(text, file, offset, offset + 1), "profiles are JSON objects; see docs/profiles.md for an example");
  }
  const doc = parseDocument(text, { keepSourceTokens: false });
  const locate = (path: readonly (string | number)[]): Span => spanOfPath(doc, text, file, path);

  const validate = validator();
  if (!validate(data)) {
    const diagnostics = (validate.errors ?? []).slice(0, 20).map((e) => schemaDiagnostic(e, locate));
    return { profile: null, diagnostics };
  }
  const raw = data as Record<string, unknown>;
  const diagnostics: Diagnostic[] = [];
  const read = (path: (string | number)[], kind: QuantityKind, what: string): number => {
    let value: unknown = raw;
    for (const key of path) value = (value as Record<string | number, unknown>)[key];
    const si = toSi(value as number | string, kind);
    if (si === null) {
      diagnostics.push({
        code: PROFILE_FIELD_INVALID,
        severity: "error",
        message: `${path.join(".")} must be a ${what} (a number in ${siUnit(kind)} or text such as "${example(kind)}"), got ${JSON.stringify(value)}`,
        span: locate(path),
      });
      return NaN;
    }
    return si;
  };
  const profile: InstrumentProfile = {
    id: raw.id as string,
    name: raw.name as string,
    target: raw.target as string,
    voltage: { min: read(["voltage", "min"], "voltage", "voltage"), max: read(["voltage", "max"], "voltage", "voltage") },
    maxCurrent: read(["maxCurrent"], "current", "current"),
    source: raw.source as string,
  };
  if (raw.minCurrent !== undefined) profile.minCurrent = read(["minCurrent"], "current", "current");
  if (raw.frequency !== undefined) {
    profile.frequency = { min: read(["frequency", "min"], "frequency", "frequency"), max: read(["frequency", "max"], "frequency", "frequency") };
  }
  if (diagnostics.length > 0) return { profile: null, diagnostics };

  const problem = (path: (string | number)[], message: string): void => {
    diagnostics.push({ code: PROFILE_FIELD_INVALID, severity: "error", message, span: locate(path) });
  };
  if (!(profile.voltage.min < profile.voltage.max)) problem(["voltage"], "voltage.min must be below voltage.max");
  if (!(profile.maxCurrent > 0)) problem(["maxCurrent"], "maxCurrent must be above zero");
  if (profile.minCurrent !== undefined && !(profile.minCurrent >= 0 && profile.minCurrent < profile.maxCurrent)) {
    problem(["minCurrent"], "minCurrent must be at least zero and below maxCurrent");
  }
  if (profile.frequency && !(profile.frequency.min > 0 && profile.frequency.min < profile.frequency.max)) {
    problem(["frequency"], "frequency.min must be above zero and below frequency.max");
  }
  return diagnostics.length > 0 ? { profile: null, diagnostics } : { profile, diagnostics: [] };
}

function toSi(value: number | string, kind: QuantityKind): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const parsed = parseQuantity(value);
  if (!parsed.ok || !parsed.unit || !unitFitsKind(parsed.unit, kind) || !Number.isFinite(parsed.si)) return null;
  return parsed.si;
}

function siUnit(kind: QuantityKind): string {
  return kind === "voltage" ? "V" : kind === "current" ? "A" : "Hz";
}

function example(kind: QuantityKind): string {
  return kind === "voltage" ? "4.2 V" : kind === "current" ? "10 mA" : "1 MHz";
}

function schemaDiagnostic(error: ErrorObject, locate: (path: (string | number)[]) => Span): Diagnostic {
  const path = error.instancePath
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  const at = path.length ? path.join(".") : "the profile";
  let message: string;
  switch (error.keyword) {
    case "required":
      message = `${at} is missing "${(error.params as { missingProperty: string }).missingProperty}"`;
      break;
    case "additionalProperties": {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      message = `${at} has an unknown field "${extra}"`;
      path.push(extra);
      break;
    }
    case "type":
      message = `${at} must be ${describeType((error.params as { type: string | string[] }).type)}`;
      break;
    case "pattern":
      message = `${at} must be lower-case letters, digits, ".", "_" or "-" (it is the name used with --profile)`;
      break;
    default:
      message = `${at} ${error.message ?? "is not valid"}`;
  }
  return {
    code: PROFILE_FIELD_INVALID,
    severity: "error",
    message,
    span: locate(path),
    hint: "the fields are id, name, target, voltage {min, max}, maxCurrent, minCurrent, frequency {min, max}, source (see docs/profiles.md)",
  };
}

function describeType(type: string | string[]): string {
  const list = Array.isArray(type) ? type : [type];
  return list.map((t) => (t === "object" ? "an object" : t === "number" ? "a number" : t === "string" ? "a string" : t)).join(" or ");
}

/** The span of the value at `path`, or of the nearest enclosing value that exists. */
function spanOfPath(doc: Document, text: string, file: string, path: readonly (string | number)[]): Span {
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    if (prefix.length === 0) {
      const range = doc.contents && isNode(doc.contents) ? doc.contents.range : null;
      return range ? pointSpan(text, file, range[0], range[1]) : fileSpan(file);
    }
    const parent = prefix.length > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
    const key = prefix[prefix.length - 1]!;
    if (isMap(parent)) {
      // The value when the whole path exists; otherwise the key of the deepest field found.
      const pair = parent.items.find((item) => isNode(item.key) && (item.key as { value?: unknown }).value === key);
      if (pair) {
        const node = depth === path.length && isNode(pair.value) ? pair.value : isNode(pair.key) ? pair.key : null;
        if (node?.range) return pointSpan(text, file, node.range[0], node.range[1]);
      }
    }
  }
  return fileSpan(file);
}

function pointSpan(text: string, file: string, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { file, start: position(text, s), end: position(text, e) };
}

function position(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

function fail(code: string, message: string, span: Span, hint: string): { profile: null; diagnostics: Diagnostic[] } {
  return { profile: null, diagnostics: [{ code, severity: "error", message, span, hint }] };
}
