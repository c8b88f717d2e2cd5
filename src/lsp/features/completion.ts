// Completion: the keywords the grammar allows at the cursor, units that fit the place after a
// number (a current after `charge at 0.5`, a time after `for 2`), the params, sequences,
// cells and variables in scope, cell keys, limit subjects and import paths.

import { readdirSync } from "node:fs";
import path from "node:path";
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position, type Range } from "vscode-languageserver/node";
import type { DefinitionKind } from "../../check/index.js";
import { QUANTITY_KINDS, unitsForKind, type QuantityKind } from "../../units/index.js";
import type { OpenDocument } from "../documents/open-document.js";
import { keywordDoc, renderKeywordDoc } from "../keyword-docs.js";
import { situationAt, type Situation } from "./completion-context.js";
import { CELL_KEY_KINDS } from "./expected-units.js";
import type { FileText } from "./file-text.js";

/** Kinds offered after a number when the place does not say which. */
const COMMON_KINDS: QuantityKind[] = ["c-rate", "current", "voltage", "time", "capacity", "current density", "specific capacity", "temperature", "frequency", "scan rate", "power"];

const CELL_KEYS = ["kind", "format", "chemistry", "nominal capacity", "area", "window", "mass", "active mass", "specific capacity", "cathode", "anode", "electrode", "electrolyte", "separator", "model"];
const ELECTRODE_KEYS = ["active mass", "loading", "specific capacity", "fraction", "material", "area"];
const ELECTROLYTE_KEYS = ["thickness", "diameter", "area", "material"];
const CELL_KINDS = ["full", "half", "symmetric", "blocking", "lsv"];
const LIMIT_SUBJECTS = ["voltage", "current", "temperature", "capacity", "power"];
const CONDITION_SUBJECTS = ["voltage", "current", "capacity", "time"];
const LOOP_CONDITIONS = ["discharge capacity", "charge capacity", "coulombic efficiency", "end voltage"];

export function completion(doc: OpenDocument, position: Position, fileText: FileText): CompletionList {
  const offset = doc.document.offsetAt(position);
  const parsed = doc.parsed;
  const situation = situationAt(doc.text, offset, parsed.file, pieceStartBefore(parsed.pieceStarts, offset));
  const replace = (start: number): Range => doc.range(start, offset);
  return { isIncomplete: false, items: itemsFor(situation, doc, replace, fileText) };
}

function pieceStartBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (starts[mid]! <= offset) {
      found = starts[mid]!;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

function itemsFor(situation: Situation, doc: OpenDocument, replace: (start: number) => Range, fileText: FileText): CompletionItem[] {
  switch (situation.kind) {
    case "none":
      return [];
    case "path":
      return importPaths(doc.path, situation.typed, replace(situation.start));
    case "unit":
      return units(situation.kinds, situation.needsSpace, replace(situation.start));
    case "cellKey": {
      const keys = situation.inside === "cell" ? CELL_KEYS : situation.inside === "electrode" ? ELECTRODE_KEYS : situation.inside === "electrolyte" ? ELECTROLYTE_KEYS : [];
      return keys.map((key, i) => ({
        label: key,
        kind: CompletionItemKind.Property,
        detail: CELL_KEY_KINDS[key] ?? "cell property",
        sortText: order(i),
        textEdit: { range: replace(situation.start), newText: key },
      }));
    }
    case "cellWord":
      return CELL_KINDS.map((word, i) => ({ label: word, kind: CompletionItemKind.EnumMember, detail: "cell kind", sortText: order(i), textEdit: { range: replace(situation.start), newText: word } }));
    case "limitSubject":
      return LIMIT_SUBJECTS.map((word, i) => ({ label: word, kind: CompletionItemKind.Property, detail: "limit", sortText: order(i), textEdit: { range: replace(situation.start), newText: word } }));
    case "words":
      return words(situation, doc, replace(situation.start), fileText);
  }
}

function order(i: number): string {
  return String(i).padStart(4, "0");
}

function units(kinds: QuantityKind[] | null, needsSpace: boolean, range: Range): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const kind of kinds ?? COMMON_KINDS) {
    for (const unit of unitsForKind(kind)) {
      if (seen.has(unit)) continue;
      seen.add(unit);
      // A C-rate is written against its number (`0.5C`); other units after a space.
      const text = needsSpace && unit !== "C" ? ` ${unit}` : unit;
      items.push({ label: unit, kind: CompletionItemKind.Unit, detail: kind, sortText: order(items.length), filterText: unit, textEdit: { range, newText: text } });
    }
  }
  return items;
}

function words(situation: Extract<Situation, { kind: "words" }>, doc: OpenDocument, range: Range, fileText: FileText): CompletionItem[] {
  const { expectation, scope } = situation;
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (item: Omit<CompletionItem, "textEdit"> & { insert?: string; snippet?: boolean }) => {
    if (seen.has(item.label)) return;
    seen.add(item.label);
    const { insert, snippet, ...rest } = item;
    items.push({ ...rest, textEdit: { range, newText: insert ?? item.label }, ...(snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}) });
  };
  const declared = (kind: DefinitionKind) => (doc.analysis?.symbols.definitions ?? []).filter((d) => d.kind === kind);

  if (expectation.value) {
    for (const local of scope.locals) add({ label: local.name, kind: CompletionItemKind.Variable, detail: local.detail, sortText: `0${local.name}` });
    for (const name of [...scope.params, ...declared("param").map((d) => d.name)]) add({ label: name, kind: CompletionItemKind.Constant, detail: "param", sortText: `1${name}` });
  }
  if (expectation.sequence) {
    const sequences = new Map<string, string[] | null>();
    for (const decl of scope.sequences) sequences.set(decl.name.name, (decl.params ?? []).map((p) => p.name.name));
    for (const definition of declared("sequence")) {
      if (!sequences.has(definition.name)) sequences.set(definition.name, parametersFromHeader(fileText(definition.file), definition.span.start.offset));
    }
    for (const [name, params] of sequences) {
      const body = params === null ? "$1" : params.map((p, i) => `\${${i + 1}:${p}}`).join(", ");
      add({ label: name, kind: CompletionItemKind.Function, detail: params ? `sequence (${params.join(", ")})` : "sequence", sortText: `2${name}`, insert: `${name}(${body})`, snippet: true });
    }
  }
  if (expectation.argumentOf) {
    const decl = scope.sequences.find((s) => s.name.name === expectation.argumentOf);
    const params = decl
      ? (decl.params ?? []).map((p) => p.name.name)
      : parametersFromHeader(...headerOf(declared("sequence").find((d) => d.name === expectation.argumentOf), fileText));
    for (const param of params ?? []) add({ label: `${param} =`, kind: CompletionItemKind.Field, detail: "named argument", sortText: `0${param}`, insert: `${param} = ` });
  }
  if (expectation.cellName) {
    for (const name of [...scope.cells, ...declared("cell").map((d) => d.name)]) add({ label: name, kind: CompletionItemKind.Class, detail: "cell", sortText: `0${name}` });
  }
  if (expectation.conditionSubject) {
    for (const subject of CONDITION_SUBJECTS) add({ label: subject, kind: CompletionItemKind.Property, detail: "what the end condition watches", sortText: `3${subject}` });
  }
  if (expectation.loopCondition) {
    for (const condition of LOOP_CONDITIONS) add({ label: condition, kind: CompletionItemKind.Property, detail: "loop condition", sortText: `0${condition}` });
  }
  if (expectation.typeName) {
    for (const kind of QUANTITY_KINDS) add({ label: kind, kind: CompletionItemKind.TypeParameter, detail: "type", sortText: `0${kind}` });
  }
  for (const keyword of expectation.keywords) {
    const meaning = keywordDoc(keyword);
    add({
      label: keyword,
      kind: CompletionItemKind.Keyword,
      sortText: `5${keyword}`,
      ...(meaning ? { documentation: { kind: MarkupKind.Markdown, value: renderKeywordDoc(keyword, meaning) } } : {}),
    });
  }
  return items;
}

function headerOf(definition: { file: string; span: { start: { offset: number } } } | undefined, fileText: FileText): [string | undefined, number] {
  return definition ? [fileText(definition.file), definition.span.start.offset] : [undefined, 0];
}

/** The parameter names of `sequence name(a: time, b = 1 h) {` starting at `offset`. */
export function parametersFromHeader(text: string | undefined, offset: number): string[] | null {
  if (text === undefined) return null;
  const open = text.indexOf("(", offset);
  const close = open === -1 ? -1 : text.indexOf(")", open);
  if (open === -1 || close === -1 || close - offset > 2000) return null;
  const inside = text.slice(open + 1, close).trim();
  if (inside === "") return [];
  return inside
    .split(",")
    .map((part) => /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(part)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** `.btp` files and folders next to the typed part of an import path. */
function importPaths(documentPath: string, typed: string, range: Range): CompletionItem[] {
  const slash = typed.lastIndexOf("/");
  const folderPart = slash === -1 ? "" : typed.slice(0, slash + 1);
  const folder = path.resolve(path.dirname(documentPath), folderPart || ".");
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const items: CompletionItem[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    if (entry.isDirectory()) {
      items.push({
        label: `${entry.name}/`,
        kind: CompletionItemKind.Folder,
        sortText: `1${entry.name}`,
        textEdit: { range, newText: `${folderPart}${entry.name}/` },
        command: { title: "Suggest", command: "editor.action.triggerSuggest" },
      });
    } else if (entry.name.endsWith(".btp") && path.join(folder, entry.name) !== documentPath) {
      items.push({ label: entry.name, kind: CompletionItemKind.File, sortText: `0${entry.name}`, textEdit: { range, newText: `${folderPart}${entry.name}` } });
    }
  }
  return items.slice(0, 500);
}
