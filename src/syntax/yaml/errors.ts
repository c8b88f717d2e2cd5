// Turns ajv's schema errors into btp diagnostics: placed on the YAML node they are about (the key
// for unknown or missing keys, the value for a wrong value) and worded for the person who wrote
// the file ("`repeat` needs a `count`", "unknown key `untill` — did you mean `until`?").

import { isMap, isPair, isScalar, isSeq } from "yaml";
import type { Document, Node, Pair } from "yaml";
import type { ErrorObject } from "ajv";
import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import { nearestKey } from "./suggest.js";
import type { YamlSource } from "./source.js";

/** Where an instance path leads in the YAML tree. */
interface Located {
  node: Node | null;
  /** The last `key: value` pair passed on the way (the key that owns the node). */
  pair: Pair | null;
  /** How to name the place in a message: "`repeat`", "item 2 of `until`", "the protocol". */
  owner: string;
}

export interface SchemaErrorContext {
  doc: Document.Parsed;
  source: YamlSource;
  /** The schema of a `steps` item: its errors are worded as being about steps. */
  statementSchema: object;
  /** Keys that belong inside a step's own mapping (`label`, `until`, …), for the one-key rule. */
  stepInnerKeys: ReadonlySet<string>;
}

export function schemaDiagnostics(errors: readonly ErrorObject[], context: SchemaErrorContext): Diagnostic[] {
  const crowded = new Set(
    errors.filter((e) => e.keyword === "maxProperties" && e.parentSchema === context.statementSchema).map((e) => e.instancePath),
  );
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    // `propertyNames` reports the name's own `pattern` failure as well; one message is enough.
    if (error.propertyName !== undefined) continue;
    // A step item with two keys is reported once, by the one-key rule, unless a key is unknown.
    if (error.keyword === "additionalProperties" && crowded.has(error.instancePath)) {
      if (context.stepInnerKeys.has(String(error.params.additionalProperty))) continue;
    }
    diagnostics.push(describe(error, context));
  }
  return diagnostics;
}

function describe(error: ErrorObject, context: SchemaErrorContext): Diagnostic {
  const { source } = context;
  const at = locate(context.doc, error.instancePath);
  const params = error.params as Record<string, unknown>;
  const title = typeof error.parentSchema?.title === "string" ? error.parentSchema.title : undefined;
  const valueSpan = source.nodeSpan(at.node);
  const keySpan = at.pair ? source.nodeSpan(at.pair.key as Node) : valueSpan;
  const isStep = error.parentSchema === context.statementSchema;

  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      return {
        code: "BTP5011",
        severity: "error",
        message: `${at.owner} needs ${article(missing)}\`${missing}\``,
        span: keySpan,
        ...(title ? { hint: `write ${at.owner} as ${title}` } : {}),
      };
    }
    case "additionalProperties": {
      const unknown = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const guess = nearestKey(unknown, allowed);
      const what = isStep ? "step" : "key";
      const where = isStep || at.owner === "the protocol" ? "" : ` in ${at.owner}`;
      return {
        code: "BTP5010",
        severity: "error",
        message: `unknown ${what} \`${unknown}\`${where}${guess ? ` — did you mean \`${guess}\`?` : ""}`,
        span: source.nodeSpan(findKey(at.node, unknown) ?? at.node),
        ...(guess ? {} : { hint: `${isStep ? "a step starts with one of" : "the keys here are"}: ${allowed.join(", ")}` }),
      };
    }
    case "maxProperties":
    case "minProperties": {
      if (isStep) {
        const keys = isMap(at.node) ? at.node.items.filter(isPair).map((p) => p.key as Node) : [];
        const names = keys.map((k) => (isScalar(k) ? `\`${String(k.value)}\`` : "a key"));
        return {
          code: "BTP5013",
          severity: "error",
          message:
            keys.length === 0
              ? "this step is empty: write a step kind such as `charge`, `rest` or `repeat`"
              : `one step per list item, but this item has ${names.join(" and ")}`,
          span: keys.length > 1 ? source.nodeSpan(keys[1]) : valueSpan,
          hint: "options such as `label` or `until` go inside the step's own mapping; a new step starts with `-`",
        };
      }
      return shapeError(`${at.owner} should be ${title ?? "a mapping with one key"}`, valueSpan);
    }
    case "type":
      return {
        code: "BTP5012",
        severity: "error",
        message: `${at.owner} should be ${title ?? String(params.type)}, not ${describeValue(at.node)}`,
        span: valueSpan,
        ...(isScalar(at.node) && typeof at.node.value !== "string" ? { hint: 'put quantities and text in quotes, such as "3.9 V"' } : {}),
      };
    case "propertyNames": {
      const name = String(params.propertyName);
      const cellKey = String((error.schema as { pattern?: string }).pattern ?? "").includes("( ");
      return {
        code: "BTP5014",
        severity: "error",
        message: `\`${name}\` is not a valid ${cellKey ? "cell property key" : "name"}`,
        span: source.nodeSpan(findKey(at.node, name) ?? at.node),
        hint: cellKey
          ? "cell property keys are words of letters, digits and `_`, separated by spaces, such as `active mass`"
          : "names use letters, digits and `_`, and start with a letter or `_`, such as `cycles_per_rate`",
      };
    }
    case "pattern":
      return {
        code: "BTP5014",
        severity: "error",
        message: `${at.owner} should be ${title ?? "a name"}, not \`${isScalar(at.node) ? String(at.node.value) : "this"}\``,
        span: valueSpan,
      };
    case "minItems":
    case "maxItems": {
      const count = isSeq(at.node) ? at.node.items.length : 0;
      return shapeError(
        `${at.owner} should be ${title ?? "a shorter or longer list"} (it has ${count} item${count === 1 ? "" : "s"})`,
        valueSpan,
      );
    }
    default:
      return shapeError(`${at.owner} is not valid here: ${error.message ?? error.keyword}`, valueSpan);
  }
}

function shapeError(message: string, span: Span): Diagnostic {
  return { code: "BTP5015", severity: "error", message, span };
}

/** Follows a JSON pointer (`/steps/3/repeat`) through the YAML tree. */
function locate(doc: Document.Parsed, instancePath: string): Located {
  const segments =
    instancePath === ""
      ? []
      : instancePath
          .slice(1)
          .split("/")
          .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node = doc.contents as Node | null;
  let pair: Pair | null = null;
  let owner = "the protocol";
  let previousKey = "";
  for (const segment of segments) {
    if (isMap(node)) {
      pair = node.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && String(p.key.value) === segment) ?? null;
      node = (pair?.value as Node | null) ?? null;
      owner = `\`${segment}\``;
      previousKey = segment;
    } else if (isSeq(node)) {
      const index = Number(segment);
      node = (node.items[index] as Node | undefined) ?? null;
      owner = previousKey === "steps" ? "this step" : `item ${index + 1} of \`${previousKey}\``;
    } else {
      break;
    }
  }
  return { node, pair, owner };
}

function findKey(node: Node | null, name: string): Node | null {
  if (!isMap(node)) return null;
  const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === name);
  return (pair?.key as Node | undefined) ?? null;
}

function describeValue(node: Node | null): string {
  if (isSeq(node)) return "a list";
  if (isMap(node)) return "a mapping";
  if (!isScalar(node) || node.value === null) return "empty";
  if (typeof node.value === "boolean") return `\`${String(node.value)}\``;
  if (typeof node.value === "number") return `the number ${String(node.value)}`;
  return "text";
}

/** "needs a `count`", but "needs `steps`" and "needs `at`": no article before plurals and
 * prepositions. */
function article(key: string): string {
  return /s$/.test(key) || ["at", "from", "to", "between", "in", "until", "for", "every"].includes(key) ? "" : "a ";
}
