// The top level of a YAML protocol → AST items, in the order the keys are written (so that a
// `limits` or `record` written before `steps` applies to them, as in a .btp file).

import { isMap, isScalar, isSeq } from "yaml";
import type { Node, Pair, Scalar } from "yaml";
import type { CellDecl, CellProperty, CellValue, MetadataItem, ParamDecl, SequenceDecl, SequenceParam, TopLevelItem } from "../ast.js";
import { entry, items, keyOf, pairs, valueOf, type YamlBuildContext } from "./context.js";
import { NAME_PATTERN } from "./schema.js";
import { isRangeText, readRange } from "./phrases.js";
import { readLimits, readRecord, readStatements } from "./statements.js";
import { docComment } from "./comments.js";

const METADATA_KEYS = new Set<string>(["cite", "figure", "note", "instrument", "author"]);
const NAME = new RegExp(NAME_PATTERN);

export function readTopLevel(context: YamlBuildContext, root: Node | null): TopLevelItem[] {
  const out: TopLevelItem[] = [];
  for (const pair of pairs(root)) {
    const key = keyOf(pair);
    const value = pair.value;
    const span = context.source.pairSpan(pair);
    if (METADATA_KEYS.has(key)) {
      for (const item of items(value)) {
        const metadata: MetadataItem = {
          kind: "MetadataItem",
          key: key as MetadataItem["key"],
          value: context.string(item),
          span: context.span(item),
        };
        out.push(metadata);
      }
      continue;
    }
    switch (key) {
      case "protocol":
        out.push({ kind: "ProtocolHeader", title: context.string(value), span });
        break;
      case "import":
        for (const item of items(value)) out.push({ kind: "ImportDecl", path: context.string(item), span: context.span(item) });
        break;
      case "use cell": {
        // A name refers to a cell in scope; anything else (it has a `/` or a `.`) is a file.
        const written = isScalar(value) ? String(value.value) : "";
        out.push({ kind: "UseCell", target: NAME.test(written) ? context.identifier(value) : context.string(value), span });
        break;
      }
      case "params":
        out.push(...pairs(value).map((p) => readParam(context, p)));
        break;
      case "cells":
        out.push(...pairs(value).map((p) => readCell(context, p)));
        break;
      case "sequences":
        out.push(...pairs(value).map((p) => readSequence(context, p)));
        break;
      case "limits":
        out.push({ kind: "LimitsStatement", limits: readLimits(context, pair), span });
        break;
      case "record":
        out.push({ kind: "RecordStatement", rule: readRecord(context, pair), span });
        break;
      case "steps":
        out.push(...readStatements(context, value));
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Params

/** `cycles_per_rate: 5   # not stated in the paper`, or `{ value, type, doc }`. */
function readParam(context: YamlBuildContext, pair: Pair<Scalar, Node | null>): ParamDecl {
  const value = pair.value;
  const full = isMap(value);
  const written = full ? valueOf(value, "value") : value;
  const type = full ? valueOf(value, "type") : null;
  const doc = full ? valueOf(value, "doc") : null;
  return {
    kind: "ParamDecl",
    name: context.identifier(pair.key),
    type: type ? context.typeRef(type) : null,
    value: context.expr(written),
    doc: isScalar(doc) && doc.value !== null ? String(doc.value) : docComment(context.source.text, pair),
    span: context.source.pairSpan(pair),
  };
}

// ---------------------------------------------------------------------------------------------
// Sequences

function readSequence(context: YamlBuildContext, pair: Pair<Scalar, Node | null>): SequenceDecl {
  const body = pair.value;
  const doc = valueOf(body, "doc");
  const params = pairs(valueOf(body, "params")).map((p): SequenceParam => {
    const type = valueOf(p.value, "type");
    const fallback = entry(p.value, "default");
    return {
      kind: "SequenceParam",
      name: context.identifier(p.key),
      type: type ? context.typeRef(type) : null,
      default: fallback ? context.expr(fallback.value) : null,
      span: context.source.pairSpan(p),
    };
  });
  return {
    kind: "SequenceDecl",
    name: context.identifier(pair.key),
    params,
    body: readStatements(context, valueOf(body, "steps")),
    doc: isScalar(doc) && doc.value !== null ? String(doc.value) : docComment(context.source.text, pair),
    span: context.source.pairSpan(pair),
  };
}

// ---------------------------------------------------------------------------------------------
// Cells

function readCell(context: YamlBuildContext, pair: Pair<Scalar, Node | null>): CellDecl {
  const title = entry(pair.value, "title");
  return {
    kind: "CellDecl",
    name: context.identifier(pair.key),
    title: title ? context.string(title.value) : null,
    properties: readCellProperties(context, pair.value, "title"),
    span: context.source.pairSpan(pair),
  };
}

/** The properties of a cell or of one of its parts; `reserved` is the key that is not a
 * property here (`title` of a cell, `label` of a part). */
function readCellProperties(context: YamlBuildContext, map: Node | null, reserved: string): CellProperty[] {
  return pairs(map)
    .filter((p) => keyOf(p) !== reserved)
    .map((p): CellProperty => {
      const value = p.value;
      const nested = isMap(value);
      const label = nested ? entry(value, "label") : undefined;
      return {
        kind: "CellProperty",
        key: keyOf(p).trim().replace(/\s+/g, " ").toLowerCase(),
        keySpan: context.span(p.key),
        value: nested ? null : readCellValue(context, value),
        label: label ? context.string(label.value) : null,
        children: nested ? readCellProperties(context, value, "label") : null,
        span: context.source.pairSpan(p),
      };
    });
}

/** A cell value is read the way the .btp parser reads it: a range (`2.3 V .. 3.9 V`), a value
 * (`2.5 mg`, anything starting with a digit, sign or bracket), a word (`full`, `NVP-K0.05`:
 * anything starting with a letter), or else text. */
function readCellValue(context: YamlBuildContext, node: Node | null): CellValue | null {
  const span = context.span(node);
  if (isSeq(node) || isRangeText(node)) {
    const { min, max } = readRange(context, node);
    return min ? { kind: "range", min, max, span } : { kind: "expr", expr: max };
  }
  if (!isScalar(node) || node.value === null) return null;
  if (typeof node.value !== "string") return { kind: "expr", expr: context.expr(node) };
  const text = node.value.trim();
  if (/^[-+.(\d]/.test(text)) return { kind: "expr", expr: context.expr(node) };
  if (/^[A-Za-z_]/.test(text)) return { kind: "word", word: text, span };
  return { kind: "string", value: context.string(node) };
}
