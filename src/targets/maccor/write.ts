// A procedure → the exact text of a .000 file: the layout of the public TRI and BattGenie files,
// element by element (2-space indent, fixed-width fields, self-closing empty containers).
// The writer is tested by rewriting real samples byte for byte (test/targets/maccor/bytes.test.ts).

import {
  BT_VERSION,
  BUILD_TEST_VERSION,
  INDENT,
  LINE_ENDING,
  PROCESSING_INSTRUCTION,
  SPECIAL_TYPE,
  XML_DECLARATION,
  operField,
  padField,
  stepNumberField,
} from "./conventions.js";
import type { MaccorEnd, MaccorProcedure, MaccorReport, MaccorStep } from "./model.js";

export interface WriteOptions {
  /** Real files use CRLF or LF; btp writes CRLF. */
  lineEnding?: "\r\n" | "\n";
}

export function writeMaccorProcedure(procedure: MaccorProcedure, options: WriteOptions = {}): string {
  const eol = options.lineEnding ?? LINE_ENDING;
  const lines: string[] = [XML_DECLARATION, PROCESSING_INSTRUCTION, "<MaccorTestProcedure>"];
  const at = (depth: number, text: string): void => {
    lines.push(INDENT.repeat(depth) + text);
  };
  const leaf = (depth: number, name: string, value: string): void => at(depth, `<${name}>${xmlText(value, eol)}</${name}>`);

  if (procedure.hasHeader) {
    at(1, "<header>");
    at(2, "<BuildTestVersion>");
    leaf(3, "major", BUILD_TEST_VERSION.major);
    leaf(3, "minor", BUILD_TEST_VERSION.minor);
    leaf(3, "release", BUILD_TEST_VERSION.release);
    leaf(3, "build", BUILD_TEST_VERSION.build);
    at(2, "</BuildTestVersion>");
    at(2, "<FileFormatVersion>");
    leaf(3, "BTVersion", BT_VERSION);
    at(2, "</FileFormatVersion>");
    at(2, "<ProcDesc>");
    leaf(3, "desc", procedure.description);
    at(2, "</ProcDesc>");
    at(1, "</header>");
  }
  if (procedure.hasSteps) {
    at(1, "<ProcSteps>");
    for (const step of procedure.steps) writeStep(step, 2, at, leaf);
    at(1, "</ProcSteps>");
  }
  lines.push("</MaccorTestProcedure>");
  return lines.join(eol) + eol;
}

type At = (depth: number, text: string) => void;
type Leaf = (depth: number, name: string, value: string) => void;

function writeStep(step: MaccorStep, depth: number, at: At, leaf: Leaf): void {
  at(depth, "<TestStep>");
  const inner = depth + 1;
  leaf(inner, "StepType", padField(step.type));
  leaf(inner, "StepMode", padField(step.mode));
  leaf(inner, "StepValue", step.value);
  if (step.limits.length === 0) {
    at(inner, "<Limits/>");
  } else {
    at(inner, "<Limits>");
    for (const limit of step.limits) leaf(inner + 1, limit.name, limit.value);
    at(inner, "</Limits>");
  }
  if (step.ends.length === 0) {
    at(inner, "<Ends/>");
  } else {
    at(inner, "<Ends>");
    for (const end of step.ends) writeEnd(end, inner + 1, at, leaf);
    at(inner, "</Ends>");
  }
  if (step.reports.length === 0) {
    at(inner, "<Reports/>");
  } else {
    at(inner, "<Reports>");
    for (const report of step.reports) writeReport(report, inner + 1, at, leaf);
    at(inner, "</Reports>");
  }
  leaf(inner, "Range", step.range);
  leaf(inner, "Option1", step.options[0]);
  leaf(inner, "Option2", step.options[1]);
  leaf(inner, "Option3", step.options[2]);
  leaf(inner, "StepNote", step.note);
  at(depth, "</TestStep>");
}

function writeEnd(end: MaccorEnd, depth: number, at: At, leaf: Leaf): void {
  at(depth, "<EndEntry>");
  leaf(depth + 1, "EndType", padField(end.type));
  leaf(depth + 1, "SpecialType", SPECIAL_TYPE);
  leaf(depth + 1, "Oper", operField(end.oper));
  leaf(depth + 1, "Step", stepNumberField(end.goto));
  leaf(depth + 1, "Value", end.value);
  if (end.channelSafety) leaf(depth + 1, "ChanSafetyEnd", "True");
  at(depth, "</EndEntry>");
}

function writeReport(report: MaccorReport, depth: number, at: At, leaf: Leaf): void {
  at(depth, "<ReportEntry>");
  leaf(depth + 1, "ReportType", padField(report.type));
  leaf(depth + 1, "Value", report.value);
  at(depth, "</ReportEntry>");
}

/** XML text content, ASCII only: markup characters escaped (> too, as the public files do in
 * <Oper>), other characters as numeric references, line breaks in the file's line ending, and
 * the control characters XML 1.0 cannot hold at all as spaces. */
export function xmlText(text: string, eol: string = LINE_ENDING): string {
  let out = "";
  const normalized = text.replace(/\r\n?/g, "\n");
  for (const char of normalized) {
    const code = char.codePointAt(0)!;
    if (char === "&") out += "&amp;";
    else if (char === "<") out += "&lt;";
    else if (char === ">") out += "&gt;";
    else if (char === "\n") out += eol;
    else if (char === "\t") out += char;
    else if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) out += " ";
    else if (code < 0x80) out += char;
    else out += `&#x${code.toString(16).toUpperCase()};`;
  }
  return out;
}
