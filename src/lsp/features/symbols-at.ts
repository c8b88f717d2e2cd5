// Which declared name sits at a place: a use of a param, sequence, cell, sequence parameter or
// sweep variable, or its declaration. Offsets are in the text of the document's last check.

import type { SymbolDefinition } from "../../check/index.js";
import type { Span } from "../../diagnostics/diagnostic.js";
import type { OpenDocument } from "../documents/open-document.js";
import { isThisDocument } from "./diagnostics.js";

export interface NameAt {
  definition: SymbolDefinition;
  /** The span of the name under the cursor (a use or the declaration's name). */
  span: Span;
}

export function definitionAt(doc: OpenDocument, offset: number): NameAt | null {
  const symbols = doc.analysis?.symbols;
  if (!symbols) return null;
  const holds = (span: Span) => span.start.offset <= offset && offset <= span.end.offset && isThisDocument(doc, span.file);
  for (const reference of symbols.references) {
    const definition = symbols.definitions[reference.definition];
    if (definition && holds(reference.span)) return { definition, span: reference.span };
  }
  for (const definition of symbols.definitions) {
    if (holds(definition.nameSpan)) return { definition, span: definition.nameSpan };
  }
  return null;
}

/** Two definitions from different checks are the same declaration when they name the same place. */
export function sameDeclaration(a: SymbolDefinition, b: SymbolDefinition): boolean {
  return a.name === b.name && a.nameSpan.start.offset === b.nameSpan.start.offset && a.file === b.file;
}
