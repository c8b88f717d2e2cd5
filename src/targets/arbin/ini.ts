// The INI-like text of .sdu files: `[Section]` headers and `key=value` lines. Reading keeps
// every section and key in file order with its line number (for spans); writing joins sections
// with CRLF and no blank lines, as MITS 7 does. Reading is one pass over the lines; nothing is
// recursive or quadratic, whatever the input.

import { LINE_ENDING } from "./conventions.js";

export interface IniEntry {
  key: string;
  value: string;
  /** 1-based line number. */
  line: number;
}

export interface IniSection {
  name: string;
  line: number;
  entries: IniEntry[];
  /** Keys to values (the first one wins when a key repeats). */
  values: Map<string, string>;
}

export interface IniText {
  sections: IniSection[];
  /** Lines that are neither a section header nor `key=value` (1-based), for a warning. */
  strayLines: number[];
  /** The text of each line, for spans. */
  lines: string[];
}

export function readIni(text: string): IniText {
  const lines = text.split(/\r\n|\n|\r/);
  const sections: IniSection[] = [];
  const strayLines: number[] = [];
  let current: IniSection | null = null;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith(";")) return;
    const header = /^\[(.+)\]$/.exec(trimmed);
    if (header) {
      current = { name: header[1]!.trim(), line, entries: [], values: new Map() };
      sections.push(current);
      return;
    }
    const equals = raw.indexOf("=");
    if (equals <= 0 || current === null) {
      strayLines.push(line);
      return;
    }
    const key = raw.slice(0, equals).trim();
    const value = raw.slice(equals + 1);
    const section: IniSection = current;
    section.entries.push({ key, value, line });
    if (!section.values.has(key)) section.values.set(key, value);
  });
  return { sections, strayLines, lines };
}

export interface IniOut {
  name: string;
  entries: ReadonlyArray<readonly [string, string]>;
}

export function writeIni(sections: readonly IniOut[]): string {
  const lines: string[] = [];
  for (const section of sections) {
    lines.push(`[${section.name}]`);
    for (const [key, value] of section.entries) lines.push(`${key}=${value}`);
  }
  return lines.join(LINE_ENDING) + LINE_ENDING;
}
