// An .mps file cut into its parts, with positions for diagnostics: the header lines, then one
// block per "Technique : n" with its name line and its parameter rows (row name in the first
// 20 characters, one 20-character cell per sequence). Nothing is interpreted here.

import type { Diagnostic, Span } from "../../../diagnostics/diagnostic.js";
import { ACCEPTED_FIRST_LINES, COLUMN_WIDTH } from "../conventions.js";
import { CODES } from "../codes.js";

/** Far more than any real schedule; a file beyond these is refused, not read into memory. */
export const MAX_TECHNIQUES = 1000;
export const MAX_COLUMNS = 10_000;
export const MAX_LINE_LENGTH = (MAX_COLUMNS + 2) * COLUMN_WIDTH;

export interface SourceLine {
  text: string;
  /** 1-based. */
  line: number;
  /** Offset of the line's first character in the decoded text. */
  offset: number;
}

export interface RawRow extends SourceLine {
  name: string;
  cells: string[];
}

export interface RawTechnique {
  /** The n of "Technique : n". */
  number: number;
  name: string;
  heading: SourceLine;
  /** The line naming the technique ("Modulo Bat"), null when the file ends after the heading. */
  nameLine: SourceLine | null;
  rows: RawRow[];
}

export interface RawSettings {
  firstLine: string;
  header: SourceLine[];
  techniques: RawTechnique[];
}

export class Locator {
  constructor(readonly file: string) {}

  span(line: SourceLine, from = 0, to = line.text.length): Span {
    const start = Math.min(from, line.text.length);
    const end = Math.max(start, Math.min(to, line.text.length));
    return {
      file: this.file,
      start: { offset: line.offset + start, line: line.line, column: start + 1 },
      end: { offset: line.offset + end, line: line.line, column: end + 1 },
    };
  }

  /** The cell of sequence `index` (0-based) in a row. */
  cell(row: RawRow, index: number): Span {
    const from = COLUMN_WIDTH * (index + 1);
    return this.span(row, from, from + COLUMN_WIDTH);
  }

  whole(line: SourceLine): Span {
    return this.span(line);
  }
}

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let offset = 0;
  let number = 1;
  while (offset <= text.length) {
    const newline = text.indexOf("\n", offset);
    const end = newline === -1 ? text.length : newline;
    const raw = text.slice(offset, end);
    lines.push({ text: raw.endsWith("\r") ? raw.slice(0, -1) : raw, line: number, offset });
    if (newline === -1) break;
    offset = newline + 1;
    number++;
  }
  if (lines.length > 0 && lines[lines.length - 1]!.text === "" && text.endsWith("\n")) lines.pop();
  return lines;
}

const TECHNIQUE_HEADING = /^Technique\s*:\s*(\d+)\s*$/;

export function readBlocks(text: string, locate: Locator): { settings: RawSettings | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const refuse = (message: string, span: Span, hint: string) => {
    diagnostics.push({ code: CODES.notSettingsFile, severity: "error", message, span, hint, target: "biologic" });
    return { settings: null, diagnostics };
  };
  const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const first = lines.find((l) => l.text.trim() !== "");
  if (!first || !ACCEPTED_FIRST_LINES.includes(first.text.trim())) {
    return refuse(
      first ? `this is not an EC-Lab settings file: it starts with "${first.text.trim().slice(0, 60)}"` : "the file is empty",
      first ? locate.whole(first) : { file: locate.file, start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
      "btp imports EC-Lab and BT-Lab settings files (.mps), which start with EC-LAB SETTING FILE or BT-LAB SETTING FILE",
    );
  }
  const long = lines.find((l) => l.text.length > MAX_LINE_LENGTH);
  if (long) return refuse(`line ${long.line} is ${long.text.length} characters long, more than any settings file holds`, locate.span(long, 0, 0), "check that this is an EC-Lab settings file");

  const header: SourceLine[] = [];
  const techniques: RawTechnique[] = [];
  let i = lines.indexOf(first) + 1;
  for (; i < lines.length && !TECHNIQUE_HEADING.test(lines[i]!.text.trim()); i++) header.push(lines[i]!);
  while (i < lines.length) {
    const heading = lines[i]!;
    const number = Number(TECHNIQUE_HEADING.exec(heading.text.trim())![1]);
    const nameLine = lines[i + 1];
    i += 2;
    const rows: RawRow[] = [];
    for (; i < lines.length && lines[i]!.text.trim() !== "" && !TECHNIQUE_HEADING.test(lines[i]!.text.trim()); i++) {
      rows.push(rowOf(lines[i]!));
    }
    techniques.push({ number, name: nameLine?.text.trim() ?? "", heading, nameLine: nameLine ?? null, rows });
    if (techniques.length > MAX_TECHNIQUES) return refuse(`the file links more than ${MAX_TECHNIQUES} techniques`, locate.whole(heading), "check that this is an EC-Lab settings file");
    while (i < lines.length && lines[i]!.text.trim() === "") i++;
    if (i < lines.length && !TECHNIQUE_HEADING.test(lines[i]!.text.trim())) {
      // Text after a technique that is not another technique: EC-Lab writes none.
      diagnostics.push({
        code: CODES.unknownRow,
        severity: "warning",
        message: `line ${lines[i]!.line} follows technique ${number} but is not part of it; it was not imported`,
        span: locate.whole(lines[i]!),
        target: "biologic",
      });
      for (; i < lines.length && !TECHNIQUE_HEADING.test(lines[i]!.text.trim()); i++);
    }
  }
  return { settings: { firstLine: first.text.trim(), header, techniques }, diagnostics };
}

function rowOf(line: SourceLine): RawRow {
  const cells: string[] = [];
  for (let from = COLUMN_WIDTH; from < line.text.length; from += COLUMN_WIDTH) cells.push(line.text.slice(from, from + COLUMN_WIDTH).trim());
  return { ...line, name: line.text.slice(0, COLUMN_WIDTH).trim(), cells };
}
