// The parameter-row layout of a technique block: the row name left-justified in 20 characters,
// then one 20-character cell per sequence, trailing spaces kept (EC-Lab reads by position).

import { COLUMN_WIDTH } from "../conventions.js";

export type Row = readonly [name: string, cells: readonly string[]];

export function layoutRow(name: string, cells: readonly string[]): string {
  for (const text of [name, ...cells]) {
    // A cell that fills its column would run into the next one. btp never writes such values;
    // reaching this is a bug, reported by the compile wrapper (BTP6004).
    if (text.length >= COLUMN_WIDTH) throw new Error(`"${text}" does not fit a ${COLUMN_WIDTH}-character column`);
  }
  return name.padEnd(COLUMN_WIDTH) + cells.map((cell) => cell.padEnd(COLUMN_WIDTH)).join("");
}

export function layoutRows(rows: readonly Row[]): string[] {
  return rows.map(([name, cells]) => layoutRow(name, cells));
}
