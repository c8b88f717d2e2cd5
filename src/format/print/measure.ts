// How wide a printed line is, for lining up trailing comments. A line is measured by printing
// its doc on its own, with the room it has at its indentation.

import { printer, type builders } from "prettier/doc";
import type { PageLayout } from "./context.js";

type Doc = builders.Doc;

/** East Asian wide and full-width characters take two columns in an editor. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u;
const COMBINING = /\p{Mn}|\p{Me}/u;

/** Columns a string takes in an editor: one per character, two for wide ones, none for
 * combining marks. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (COMBINING.test(ch)) continue;
    width += WIDE.test(ch) ? 2 : 1;
  }
  return width;
}

/** The width of a doc printed at `depth` levels of indentation, or null if it takes more than
 * one line. */
export function singleLineWidth(doc: Doc, layout: PageLayout, depth: number): number | null {
  const room = Math.max(1, layout.printWidth - depth * layout.tabWidth);
  const { formatted } = printer.printDocToString(doc, {
    printWidth: room,
    tabWidth: layout.tabWidth,
    useTabs: layout.useTabs,
  });
  if (formatted.includes("\n")) return null;
  return displayWidth(formatted);
}
