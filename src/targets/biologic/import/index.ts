// `btp import` for EC-Lab / BT-Lab settings: bytes → text (cp1252, either line end) → settings
// model → protocol IR. Never throws: an unexpected failure is a diagnostic like any other.

import path from "node:path";
import { fileSpan, hasErrors, type Diagnostic } from "../../../diagnostics/diagnostic.js";
import { decodeText } from "../../common/text.js";
import type { ImportResult } from "../../target.js";
import { CODES } from "../codes.js";
import { ENCODING } from "../conventions.js";
import { readSettings } from "../read/index.js";
import { settingsToIr } from "./to-ir.js";

/** The largest settings file read; real ones are tens of kilobytes. */
export const MAX_SETTINGS_BYTES = 32 * 1024 * 1024;

export function importSettings(content: Uint8Array, file: string): ImportResult {
  try {
    return importUnguarded(content, file);
  } catch (error) {
    return refuse(file, `the file could not be read: ${error instanceof Error ? error.message : String(error)}`, "this is a bug in btp; please report it with the file");
  }
}

function importUnguarded(content: Uint8Array, file: string): ImportResult {
  if (content.length > MAX_SETTINGS_BYTES) return refuse(file, `the file is ${content.length} bytes, more than any settings file (${MAX_SETTINGS_BYTES} bytes read at most)`, "check that this is an EC-Lab settings file");
  if (content.includes(0)) return refuse(file, "the file holds binary data (NUL bytes); EC-Lab settings are text", "an .mpr data file is not a settings file; import the .mps");
  const text = decodeText(content, ENCODING)!;
  const read = readSettings(text, file);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  if (!read.header || hasErrors(diagnostics)) return { ir: null, diagnostics };
  const whole = fileSpan(file);
  const capacityLine = read.header.capacityLine;
  const built = settingsToIr({
    file,
    title: path.basename(file).replace(/\.[^.]*$/, ""),
    techniques: read.techniques,
    safety: read.header.safety,
    batteryCapacity: read.header.batteryCapacity,
    capacitySpan: capacityLine
      ? { file, start: { offset: capacityLine.offset, line: capacityLine.line, column: 1 }, end: { offset: capacityLine.offset + capacityLine.text.length, line: capacityLine.line, column: capacityLine.text.length + 1 } }
      : null,
    fileSpan: whole,
  });
  diagnostics.push(...built.diagnostics);
  return { ir: hasErrors(diagnostics) ? null : built.ir, diagnostics };
}

function refuse(file: string, message: string, hint: string): ImportResult {
  return { ir: null, diagnostics: [{ code: CODES.notSettingsFile, severity: "error", message, span: fileSpan(file), hint, target: "biologic" }] };
}
