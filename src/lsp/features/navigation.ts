// Go to definition, find references and rename, for params, sequences, cells, sequence
// parameters and sweep variables, across imports. The checker records every declaration and
// every use it resolved; a declaration in an imported file is found through every open
// protocol that imports it (a library's sequence is renamed in the library and in the open
// protocols that call it).

import path from "node:path";
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver/node";
import type { SymbolDefinition } from "../../check/index.js";
import type { Span } from "../../diagnostics/diagnostic.js";
import { isKeyword } from "../../syntax/index.js";
import { rangeOfSpan } from "../convert.js";
import type { OpenDocument } from "../documents/open-document.js";
import { isThisDocument } from "./diagnostics.js";
import { definitionAt, sameDeclaration, type NameAt } from "./symbols-at.js";

export interface NavigationContext {
  /** Every open document (their checks hold the uses of shared declarations). */
  documents: readonly OpenDocument[];
  uriOf(filePath: string): string;
}

/** The declared name under the cursor, with its range in today's text. */
export function nameAtPosition(doc: OpenDocument, position: Position): (NameAt & { range: Range }) | null {
  const offset = doc.offsetInAnalysis(doc.document.offsetAt(position));
  if (offset === null) return null;
  const found = definitionAt(doc, offset);
  if (!found) return null;
  const range = doc.rangeFromAnalysis(found.span);
  return range ? { ...found, range } : null;
}

export function definition(doc: OpenDocument, position: Position, context: NavigationContext): Location | null {
  const found = nameAtPosition(doc, position);
  if (!found) return null;
  return locationOf(doc, found.definition.nameSpan, context);
}

export function references(doc: OpenDocument, position: Position, includeDeclaration: boolean, context: NavigationContext): Location[] {
  const found = nameAtPosition(doc, position);
  if (!found) return [];
  return occurrences(found.definition, context, includeDeclaration).map((o) => o.location);
}

export type RenameResult = { ok: true; edit: WorkspaceEdit } | { ok: false; message: string };

/** BTP8052: the new name cannot be a name. */
export function rename(doc: OpenDocument, position: Position, newName: string, context: NavigationContext): RenameResult {
  const found = nameAtPosition(doc, position);
  if (!found) return { ok: false, message: "BTP8052: there is no param, sequence, cell or variable here to rename" };
  const problem = invalidName(newName);
  if (problem) return { ok: false, message: `BTP8052: ${problem}` };
  const changes: Record<string, TextEdit[]> = {};
  for (const { location } of occurrences(found.definition, context, true)) {
    (changes[location.uri] ??= []).push({ range: location.range, newText: newName });
  }
  return { ok: true, edit: { changes } };
}

/** Why `name` cannot name a param, sequence or cell, or null when it can. */
export function invalidName(name: string): string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `\`${name}\` is not a name: use letters, digits and \`_\`, starting with a letter or \`_\``;
  if (isKeyword(name)) return `\`${name}\` is a reserved word`;
  return null;
}

interface Occurrence {
  location: Location;
  key: string;
}

/** The declaration and every use of it known to any open document's check. */
function occurrences(target: SymbolDefinition, context: NavigationContext, includeDeclaration: boolean): Occurrence[] {
  const seen = new Map<string, Occurrence>();
  const add = (owner: OpenDocument, span: Span) => {
    const location = locationOf(owner, span, context);
    if (!location) return;
    const key = `${location.uri}#${location.range.start.line}:${location.range.start.character}`;
    if (!seen.has(key)) seen.set(key, { location, key });
  };
  for (const doc of context.documents) {
    const symbols = doc.analysis?.symbols;
    if (!symbols) continue;
    const index = symbols.definitions.findIndex((candidate) => sameDeclaration(candidate, target));
    if (index === -1) continue;
    if (includeDeclaration) add(doc, symbols.definitions[index]!.nameSpan);
    for (const reference of symbols.references) if (reference.definition === index) add(doc, reference.span);
  }
  return [...seen.values()];
}

/** Where a span from `owner`'s check is today: moved over the edits when it is in `owner`;
 * in another file, where that file's text (as the check read it) had it. */
function locationOf(owner: OpenDocument, span: Span, context: NavigationContext): Location | null {
  if (isThisDocument(owner, span.file)) {
    const range = owner.rangeFromAnalysis(span);
    return range ? { uri: owner.uri, range } : null;
  }
  return { uri: context.uriOf(path.resolve(span.file)), range: rangeOfSpan(span) };
}
