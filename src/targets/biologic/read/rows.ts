// Reading the parameter rows of one technique block by name, with the position of every cell
// for diagnostics. Rows may repeat a name ("vs." follows each potential), so a row is asked for
// by name and occurrence. Values are parsed with the conventions (comma or point, EC-Lab units),
// and a value that does not parse is a diagnostic, never a default.

import type { Diagnostic, Span } from "../../../diagnostics/diagnostic.js";
import { CODES } from "../codes.js";
import { parseDecimal, parseHms, unitFactor, type UnitFamily } from "../conventions.js";
import type { Locator, RawRow, RawTechnique } from "./blocks.js";

export class RowTable {
  private readonly byName = new Map<string, RawRow[]>();
  private readonly used = new Set<RawRow>();

  constructor(
    readonly technique: RawTechnique,
    readonly locate: Locator,
    readonly diagnostics: Diagnostic[],
  ) {
    for (const row of technique.rows) {
      const list = this.byName.get(row.name) ?? [];
      list.push(row);
      this.byName.set(row.name, list);
    }
  }

  row(name: string, occurrence = 0): RawRow | undefined {
    const row = this.byName.get(name)?.[occurrence];
    if (row) this.used.add(row);
    return row;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The text of a cell, "" when the row or the cell is missing. */
  text(name: string, column = 0, occurrence = 0): string {
    return this.row(name, occurrence)?.cells[column] ?? "";
  }

  /** Where a cell is, or the technique heading when the row is missing. */
  where(name: string, column = 0, occurrence = 0): Span {
    const row = this.row(name, occurrence);
    return row ? this.locate.cell(row, column) : this.locate.whole(this.technique.heading);
  }

  error(code: string, message: string, span: Span, hint?: string): void {
    this.diagnostics.push({ code, severity: "error", message, span, ...(hint ? { hint } : {}), target: "biologic" });
  }

  warning(code: string, message: string, span: Span, hint?: string): void {
    this.diagnostics.push({ code, severity: "warning", message, span, ...(hint ? { hint } : {}), target: "biologic" });
  }

  /** A required row; its absence is reported once. */
  require(name: string): boolean {
    if (this.has(name)) return true;
    this.error(CODES.truncated, `technique ${this.technique.number} (${this.technique.name}) has no "${name}" row`, this.locate.whole(this.technique.heading), "the file may be truncated; save it again from EC-Lab");
    return false;
  }

  number(name: string, column = 0, occurrence = 0): number | null {
    const text = this.text(name, column, occurrence);
    const value = parseDecimal(text);
    if (value === null) this.unreadable(name, column, occurrence, `"${text}" in row "${name}" is not a number`);
    return value;
  }

  integer(name: string, column = 0, occurrence = 0): number | null {
    const value = this.number(name, column, occurrence);
    if (value !== null && !Number.isInteger(value)) {
      this.unreadable(name, column, occurrence, `"${this.text(name, column, occurrence)}" in row "${name}" is not a whole number`);
      return null;
    }
    return value;
  }

  duration(name: string, column = 0): number | null {
    const text = this.text(name, column);
    const value = parseHms(text);
    if (value === null) this.unreadable(name, column, 0, `"${text}" in row "${name}" is not a duration (h:m:s)`);
    return value;
  }

  /** A value and its unit from two rows ("ctrl1_val" and "ctrl1_val_unit"), in SI. */
  withUnit(valueRow: string, unitRow: string, family: UnitFamily, column = 0): number | null {
    const value = this.number(valueRow, column);
    const unit = this.text(unitRow, column);
    const factor = unitFactor(unit, family);
    if (factor === null) {
      this.unreadable(unitRow, column, 0, `"${unit}" in row "${unitRow}" is not a ${family} unit EC-Lab writes`);
      return null;
    }
    return value === null ? null : value * factor;
  }

  unreadable(name: string, column: number, occurrence: number, message: string): void {
    this.error(CODES.unreadableValue, message, this.where(name, column, occurrence));
  }

  /** Rows of the block that no reader asked for and that are not in `known`. */
  reportUnknown(known: ReadonlySet<string>): void {
    for (const row of this.technique.rows) {
      if (this.used.has(row) || known.has(row.name)) continue;
      this.warning(
        CODES.unknownRow,
        `row "${row.name}" of technique ${this.technique.number} (${this.technique.name}) is not known to btp; its setting was not imported`,
        this.locate.span(row, 0, row.name.length),
        "check in EC-Lab what it does; if it changes the test, write that step by hand",
      );
    }
  }
}
