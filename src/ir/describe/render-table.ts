// The step table as aligned plain text. Derivations of currents are long ("0.5C × 0.294 mAh
// (2.5 mg × 117.6 mAh/g) = 0.147 mA"), so they go beneath the table as numbered notes and the
// rows only carry "[1]". Widths are measured in terminal columns (µ, →, ° are one column; CJK two;
// colour codes none), and step lines wrap inside their column when a width is given.

import { formatQuantity } from "../../units/display.js";
import type { DurationBounds } from "../estimate/bounds.js";
import type { StepTableRow } from "./table.js";
import { compactDuration, groupDigits } from "./words.js";

export interface RenderTableOptions {
  color: boolean;
  /** Terminal columns to fit into; step lines wrap to fit. Default: no limit. */
  width?: number;
}

const INDENT = "  ";
const GAP = "  ";
/** The step column never gets narrower than this, however small the terminal. */
const MIN_STEP_WIDTH = 24;

interface Cells {
  id: string;
  step: string;
  label: string;
  current: string;
  passes: string;
  each: string;
  total: string;
  structural: boolean;
}

export function renderStepTable(rows: readonly StepTableRow[], options: RenderTableOptions): string {
  const paint = painter(options.color);
  const notes: string[] = [];
  const cells = rows.map((row) => cellsOf(row, notes));
  const header: Cells = {
    id: "#",
    step: "Step",
    label: "",
    current: "Current",
    passes: "Passes",
    each: "Each",
    total: "Total",
    structural: false,
  };
  const all = [header, ...cells];
  const widthOf = (pick: (c: Cells) => string) => Math.max(...all.map((c) => displayWidth(pick(c))));
  const widths = {
    id: widthOf((c) => c.id),
    current: widthOf((c) => c.current),
    passes: widthOf((c) => c.passes),
    each: widthOf((c) => c.each),
    total: widthOf((c) => c.total),
  };
  const fixed = widths.id + widths.current + widths.passes + widths.each + widths.total + 5 * GAP.length;
  const naturalStep = widthOf((c) => stepText(c));
  const stepWidth =
    options.width === undefined ? naturalStep : Math.max(MIN_STEP_WIDTH, Math.min(naturalStep, options.width - fixed));

  const lines: string[] = [];
  const renderRow = (c: Cells, style: (s: string) => string) => {
    const stepLines = wrap(stepText(c), stepWidth, leadingSpaces(c.step));
    stepLines.forEach((stepLine, i) => {
      const first = i === 0;
      const columns = [
        paint.dim(padEnd(first ? c.id : "", widths.id)),
        style(padEnd(stepLine, stepWidth)),
        padStart(first ? c.current : "", widths.current),
        padStart(first ? c.passes : "", widths.passes),
        padStart(first ? c.each : "", widths.each),
        padStart(first ? c.total : "", widths.total),
      ];
      lines.push(columns.join(GAP).trimEnd());
    });
  };
  renderRow(header, paint.bold);
  for (const c of cells) renderRow(c, c.structural ? paint.cyan : (s) => s);

  if (notes.length > 0) {
    lines.push("");
    notes.forEach((note, i) => lines.push(paint.dim(`[${i + 1}] ${note}`)));
  }
  lines.push(paint.dim("~ estimate   ? unknown   passes a–b: may end early"));
  return lines.join("\n");
}

function cellsOf(row: StepTableRow, notes: string[]): Cells {
  return {
    id: row.id,
    step: INDENT.repeat(row.depth) + row.description,
    label: row.label ? ` "${row.label}"` : "",
    current: row.current ? currentCell(row.current, notes) : "",
    passes: passesCell(row.passes),
    each: durationCell(row.perPass, row.basis),
    total: durationCell(row.total, row.basis),
    structural: row.kind === "loop" || row.kind === "group" || row.kind === "cycleAction" || row.kind === "stop",
  };
}

function stepText(c: Cells): string {
  return c.step + c.label;
}

function currentCell(current: NonNullable<StepTableRow["current"]>, notes: string[]): string {
  const shown = formatQuantity(current.milliamps / 1000, "current");
  if (!current.derivation) return shown;
  let index = notes.indexOf(current.derivation);
  if (index === -1) index = notes.push(current.derivation) - 1;
  return `${shown} [${index + 1}]`;
}

function passesCell(passes: StepTableRow["passes"]): string {
  if (passes.min === passes.expected) return groupDigits(passes.expected);
  return `${groupDigits(passes.min)}–${groupDigits(passes.expected)}`;
}

/** "2 h" when the ends fix it, "~2 h" when estimated, "?" when there is nothing to go on. */
function durationCell(d: DurationBounds, basis: readonly string[]): string {
  if (basis.includes("unknown") || basis.includes("operator"))
    return d.expected > 0 ? `~${compactDuration(d.expected)}?` : "?";
  const exact = d.max !== null && d.min === d.max;
  return `${exact ? "" : "~"}${compactDuration(d.expected)}`;
}

/** Wraps at spaces; continuation lines keep the row's indentation plus two spaces. */
function wrap(text: string, width: number, indent: string): string[] {
  if (displayWidth(text) <= width) return [text];
  const continuation = indent + INDENT;
  const words = text.slice(indent.length).split(" ");
  const lines: string[] = [];
  let line = indent;
  for (const word of words) {
    const candidate = line.trim() === "" ? line + word : `${line} ${word}`;
    if (displayWidth(candidate) <= width || line.trim() === "") {
      line = candidate;
    } else {
      lines.push(line);
      line = continuation + word;
    }
  }
  lines.push(line);
  return lines;
}

function leadingSpaces(text: string): string {
  return text.slice(0, text.length - text.trimStart().length);
}

function padEnd(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Terminal columns: combining marks and zero-width characters take none, East Asian wide
 * characters and emoji take two, everything else one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, "")) {
    const code = ch.codePointAt(0)!;
    if (isZeroWidth(code)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

function isZeroWidth(code: number): boolean {
  return (
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0x2060
  );
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function painter(color: boolean) {
  const wrapWith = (open: string, close: string) => (s: string) =>
    color && s !== "" ? `\x1b[${open}m${s}\x1b[${close}m` : s;
  return { bold: wrapWith("1", "22"), dim: wrapWith("2", "22"), cyan: wrapWith("36", "39") };
}
