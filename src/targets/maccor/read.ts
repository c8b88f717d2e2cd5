// Bytes of a (possibly hostile) .000 file → a MaccorProcedure with spans, or diagnostics.
// Budgets are checked before any work that grows with them: the byte size before decoding, the
// element count and depth while parsing (xml.ts), the step count before building anything.
// Fields btp does not know are reported once per name, never guessed at.

import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import { fileSpan } from "../../diagnostics/diagnostic.js";
import * as codes from "./codes.js";
import { MAX_STEPS, type MaccorOper } from "./conventions.js";
import type { MaccorEnd, MaccorLimit, MaccorProcedure, MaccorReport, MaccorStep } from "./model.js";
import { LineIndex } from "../common/line-index.js";
import { child, childrenNamed, parseXml, type XmlElement } from "./xml.js";

/** A 999-step procedure is about 1 MB; anything far larger is not a procedure. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
export const MAX_ELEMENTS = 200_000;
export const MAX_DEPTH = 32;

const TARGET = "maccor";

export type ReadResult =
  | { ok: true; procedure: MaccorProcedure; lines: LineIndex; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

export function readMaccorProcedure(content: Uint8Array, file: string): ReadResult {
  const fail = (code: string, message: string, hint: string, span: Span = fileSpan(file)): ReadResult => ({
    ok: false,
    diagnostics: [{ code, severity: "error", message, span, hint, target: TARGET }],
  });
  if (content.length === 0) return fail(codes.NOT_A_PROCEDURE, "the file is empty", "choose a Maccor procedure (.000)");
  if (content.length > MAX_FILE_BYTES) {
    return fail(
      codes.FILE_TOO_LARGE,
      `the file is ${Math.round(content.length / 1024)} KB; a Maccor procedure of 999 steps is about 1 MB`,
      "check that this is a procedure (.000), not a Maccor data file (.001, .041…)",
    );
  }
  const text = decodeUtf8(content);
  if (text === null) {
    return fail(
      codes.UNREADABLE_TEXT,
      "the file is not UTF-8 text",
      "Maccor data files share the numeric extensions of procedures but are binary; choose the procedure (.000)",
    );
  }
  const lines = new LineIndex(file, text);
  const parsed = parseXml(text, { maxElements: MAX_ELEMENTS, maxDepth: MAX_DEPTH });
  if (!parsed.ok) {
    const span = lines.span(parsed.offset, parsed.offset + 1);
    if (parsed.problem === "hostile") return fail(codes.HOSTILE_XML, `${parsed.message}; it is not read`, "remove the DOCTYPE if another tool added it", span);
    if (parsed.problem === "too-large") return fail(codes.FILE_TOO_LARGE, `the file has ${parsed.message}; a Maccor procedure is far smaller`, "check that this is a Maccor procedure", span);
    return fail(codes.NOT_A_PROCEDURE, `the file is not well-formed XML: ${parsed.message}`, "the file may be truncated or damaged; save it again from the Maccor procedure editor", span);
  }
  const root = parsed.root;
  if (root.name !== "MaccorTestProcedure") {
    return fail(codes.NOT_A_PROCEDURE, `the root element is <${root.name}>, not <MaccorTestProcedure>`, "choose a Maccor procedure (.000)", lines.span(root.start, root.start + root.name.length + 1));
  }
  const reader = new ProcedureReader(lines);
  const procedure = reader.read(root);
  if (!procedure) return { ok: false, diagnostics: reader.diagnostics };
  return { ok: true, procedure, lines, diagnostics: reader.diagnostics };
}

function decodeUtf8(content: Uint8Array): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(content);
    if (text.includes("\u0000")) return null;
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return null;
  }
}

const STEP_FIELDS = new Set(["StepType", "StepMode", "StepValue", "Limits", "Ends", "Reports", "Range", "Option1", "Option2", "Option3", "StepNote"]);
const END_FIELDS = new Set(["EndType", "SpecialType", "Oper", "Step", "Value", "ChanSafetyEnd"]);
const REPORT_FIELDS = new Set(["ReportType", "Value"]);
const OPERS: readonly MaccorOper[] = ["=", ">=", "<=", ">", "<"];

class ProcedureReader {
  readonly diagnostics: Diagnostic[] = [];
  private readonly ignored = new Set<string>();

  constructor(private readonly lines: LineIndex) {}

  read(root: XmlElement): MaccorProcedure | null {
    const header = child(root, "header");
    const description = header ? textOf(child(child(header, "ProcDesc") ?? header, "desc")) : "";
    const procSteps = child(root, "ProcSteps");
    const stepElements = procSteps ? childrenNamed(procSteps, "TestStep") : [];
    if (stepElements.length > MAX_STEPS) {
      this.error(codes.FILE_TOO_LARGE, `the procedure has ${stepElements.length} steps; Maccor numbers steps with 3 digits, so at most ${MAX_STEPS}`, "check that the file is a real procedure", this.spanOf(stepElements[MAX_STEPS]!));
      return null;
    }
    for (const element of root.children) if (element.name !== "header" && element.name !== "ProcSteps") this.ignore(`<${element.name}>`, element);
    const steps: MaccorStep[] = [];
    for (const element of stepElements) {
      const step = this.step(element);
      if (!step) return null;
      steps.push(step);
    }
    return { hasHeader: header !== undefined, description, hasSteps: procSteps !== undefined, steps };
  }

  private step(element: XmlElement): MaccorStep | null {
    for (const field of element.children) if (!STEP_FIELDS.has(field.name)) this.ignore(`<${field.name}> in a step`, field);
    const ends: MaccorEnd[] = [];
    for (const entry of childrenNamed(child(element, "Ends") ?? element, "EndEntry")) {
      const end = this.end(entry);
      if (!end) return null;
      ends.push(end);
    }
    const reports: MaccorReport[] = [];
    for (const entry of childrenNamed(child(element, "Reports") ?? element, "ReportEntry")) {
      for (const field of entry.children) if (!REPORT_FIELDS.has(field.name)) this.ignore(`<${field.name}> in a report`, field);
      reports.push({ type: textOf(child(entry, "ReportType")).trim(), value: textOf(child(entry, "Value")).trim(), span: this.spanOf(entry) });
    }
    const limits: MaccorLimit[] = (child(element, "Limits")?.children ?? []).map((limit) => ({ name: limit.name, value: textOf(limit).trim() }));
    return {
      type: textOf(child(element, "StepType")).trim(),
      mode: textOf(child(element, "StepMode")).trim(),
      value: textOf(child(element, "StepValue")).trim(),
      limits,
      ends,
      reports,
      range: textOf(child(element, "Range")).trim(),
      options: [textOf(child(element, "Option1")).trim(), textOf(child(element, "Option2")).trim(), textOf(child(element, "Option3")).trim()],
      note: textOf(child(element, "StepNote")),
      span: this.spanOf(element),
    };
  }

  private end(entry: XmlElement): MaccorEnd | null {
    for (const field of entry.children) if (!END_FIELDS.has(field.name)) this.ignore(`<${field.name}> in an end`, field);
    const span = this.spanOf(entry);
    const operText = textOf(child(entry, "Oper")).trim();
    const oper = OPERS.find((o) => o === operText);
    const stepText = textOf(child(entry, "Step")).trim();
    if (!oper) {
      this.error(codes.BAD_VALUE, `the end's operator "${operText}" is not one of =, >=, <=`, "save the procedure again from the Maccor editor", span);
      return null;
    }
    if (!/^\d{1,4}$/.test(stepText) || Number(stepText) < 1) {
      this.error(codes.BAD_VALUE, `the end's goto step "${stepText}" is not a step number`, "save the procedure again from the Maccor editor", span);
      return null;
    }
    return {
      type: textOf(child(entry, "EndType")).trim(),
      oper,
      goto: Number(stepText),
      value: textOf(child(entry, "Value")).trim(),
      channelSafety: /^true$/i.test(textOf(child(entry, "ChanSafetyEnd")).trim()),
      span,
    };
  }

  private ignore(what: string, element: XmlElement): void {
    if (this.ignored.has(what)) return;
    this.ignored.add(what);
    this.diagnostics.push({
      code: codes.FIELD_IGNORED,
      severity: "warning",
      message: `${what} is not a field btp knows; it is not imported`,
      span: this.spanOf(element),
      hint: "check on the Maccor what this field does and add it to the protocol by hand if it matters",
      target: TARGET,
    });
  }

  private error(code: string, message: string, hint: string, span: Span): void {
    this.diagnostics.push({ code, severity: "error", message, span, hint, target: TARGET });
  }

  private spanOf(element: XmlElement): Span {
    return this.lines.span(element.start, element.end);
  }
}

function textOf(element: XmlElement | undefined): string {
  return element?.text ?? "";
}
