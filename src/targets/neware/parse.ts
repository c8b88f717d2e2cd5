// The XML tree of a Neware step file → Neware steps in SI units (model.ts), reading the file's
// Scale. Every element btp does not understand is reported (a warning naming it), never guessed;
// values that are not numbers are errors.

import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import { fileSpan } from "../../diagnostics/diagnostic.js";
import * as codes from "./codes.js";
import { fileToAmps, fileToCoulombs, fileToSeconds, fileToVolts } from "./conventions.js";
import type { NewareMain, NewareProtection, NewareRecord, NewareSchedule, NewareStep } from "./model.js";
import type { XmlTree } from "./read.js";
import { ImportReport } from "../common/import-report.js";
import { cleanSi } from "../common/imported-ir.js";
import type { LineIndex } from "../common/line-index.js";

const TARGET = "neware";
/** More steps than this is not a BTS file (BTS allows 255). Keeps hostile files cheap. */
export const MAX_STEPS = 10_000;

type Node = Record<string, unknown>;

export interface ParsedSchedule {
  schedule: NewareSchedule | null;
  diagnostics: Diagnostic[];
}

export function parseNewareTree(tree: XmlTree, text: string, lines: LineIndex): ParsedSchedule {
  return new TreeReader(text, lines).read(tree);
}

class TreeReader {
  private readonly report = new ImportReport(TARGET);
  private readonly stepOffsets = new Map<number, number>();
  private scale = 1;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {
    for (const match of text.matchAll(/<Step(\d+)[\s/>]/g)) {
      const id = Number(match[1]);
      if (!this.stepOffsets.has(id)) this.stepOffsets.set(id, match.index);
    }
  }

  read(tree: XmlTree): ParsedSchedule {
    const config = asNode(asNode(tree.root)?.config);
    if (!config || config.type !== "Step File") {
      this.report.error(codes.NOT_A_STEP_FILE, "this is not a Neware step file (no <root><config type=\"Step File\">)", this.spanOf("<root"), "choose a file saved by BTS as a step file (.xml)");
      return { schedule: null, diagnostics: this.report.errors };
    }
    this.unknownChildren(config, ["Head_Info", "Whole_Prt", "Step_Info", "SMBUS", "type", "version", "client_version", "date", "Guid"], "config");

    const head = asNode(config.Head_Info) ?? {};
    this.unknownChildren(head, ["Operate", "Scale", "Start_Step", "Creator", "PN", "Remark", "RateType", "MultCap"], "Head_Info");
    const scale = this.number(head, "Scale", "<Scale");
    if (scale !== undefined && !(scale > 0)) {
      this.report.error(codes.BAD_VALUE, `Scale must be a positive number, not ${scale}`, this.spanOf("<Scale"), "save the step file again from BTS");
    } else if (scale !== undefined) {
      this.scale = scale;
      if (scale !== 1) {
        this.report.warn(
          codes.SCALE_NOT_ONE,
          `Scale is ${scale}: currents are read as mA × ${scale} and capacities as mA·s × ${scale}, as in BTS files; some generators (bmgen) write mA whatever the Scale, so check the imported currents`,
          this.spanOf("<Scale"),
        );
      }
    }
    const start = this.number(head, "Start_Step", "<Start_Step");
    if (start !== undefined && start !== 1) {
      this.report.warn(codes.FIELD_IGNORED, `the test is set to start at step ${start}; btp imports the whole schedule from step 1`, this.spanOf("<Start_Step"));
    }
    const multCap = this.number(head, "MultCap", "<MultCap");

    const whole = asNode(config.Whole_Prt) ?? {};
    this.unknownChildren(whole, ["Protect", "Record"], "Whole_Prt");
    const protect = this.protection(asNode(whole.Protect), "Whole_Prt/Protect", this.spanOf("<Whole_Prt"));
    const record = this.recording(asNode(whole.Record), "Whole_Prt/Record");

    const stepInfo = asNode(config.Step_Info);
    if (!stepInfo) {
      this.report.error(codes.NOT_A_STEP_FILE, "the step file has no Step_Info (no steps)", this.spanOf("<config"), "the file may be truncated; save it again from BTS");
      return { schedule: null, diagnostics: this.report.errors };
    }
    const stepKeys = Object.keys(stepInfo).filter((key) => /^Step\d+$/.test(key));
    if (stepKeys.length > MAX_STEPS) {
      this.report.error(codes.FILE_TOO_LARGE, `the file has ${stepKeys.length} steps; BTS allows 255`, this.spanOf("<Step_Info"), "check that this is a BTS step file");
      return { schedule: null, diagnostics: this.report.errors };
    }
    this.unknownChildren(stepInfo, ["Num", ...stepKeys], "Step_Info");
    const declared = Number(stepInfo.Num);
    if (stepInfo.Num !== undefined && declared !== stepKeys.length) {
      this.report.warn(codes.APPROXIMATED, `Step_Info says ${String(stepInfo.Num)} steps but the file holds ${stepKeys.length}; the steps present are imported`, this.spanOf("<Step_Info"));
    }
    const steps: NewareStep[] = [];
    for (const key of stepKeys) {
      const step = this.step(key, stepInfo[key]);
      if (step) steps.push(step);
    }
    steps.sort((a, b) => a.id - b.id);

    const text = (node: unknown): string => {
      const value = asNode(node)?.Value;
      return typeof value === "string" ? decodeReferences(value) : "";
    };
    const schedule: NewareSchedule = {
      remark: text(head.Remark),
      creator: text(head.Creator),
      pn: text(head.PN),
      scale: this.scale,
      protect,
      record,
      steps,
      ...(multCap !== undefined && multCap > 0 ? { multCap: cleanSi(fileToCoulombs(multCap, this.scale)) } : {}),
    };
    return { schedule: this.report.failed ? null : schedule, diagnostics: this.report.all() };
  }

  private step(key: string, raw: unknown): NewareStep | null {
    const number = Number(key.slice(4));
    const span = this.stepSpan(number);
    const node = asNode(raw);
    if (!node) {
      this.report.error(codes.NOT_A_STEP_FILE, `${key} is not a step element`, span, "save the step file again from BTS");
      return null;
    }
    const id = node.Step_ID === undefined ? number : Number(node.Step_ID);
    const type = Number(node.Step_Type);
    if (!Number.isInteger(id) || id < 1 || !Number.isInteger(type)) {
      this.report.error(codes.BAD_VALUE, `${key} has no valid Step_ID and Step_Type`, span, "save the step file again from BTS");
      return null;
    }
    this.unknownChildren(node, ["Step_ID", "Step_Type", "Limit", "Record", "Protect", "AdvancedPrt"], `step ${id}`, span);
    if (node.AdvancedPrt !== undefined && !isDefaultAdvancedProtection(node.AdvancedPrt)) {
      this.report.warn(codes.FIELD_IGNORED, "advanced protection (AdvancedPrt) settings are not imported", span);
    }
    const limit = asNode(node.Limit) ?? {};
    this.unknownChildren(limit, ["Main", "Other"], `step ${id} Limit`, span);
    const main = this.main(asNode(limit.Main) ?? {}, id, span);
    const step: NewareStep = { id, type, main, span };
    const other = asNode(limit.Other);
    if (other) {
      const conditions = Object.keys(other).filter((k) => /^Cnd\d+$/.test(k));
      if (conditions.length > 0) {
        this.report.warn(
          codes.FIELD_IGNORED,
          "advanced conditions (Limit/Other/Cnd: expressions, variables, jumps) are not imported; the step keeps its other ends",
          span,
        );
      }
      this.unknownChildren(other, ["Start_Step", "Cycle_Count", "CndCount", ...conditions], `step ${id} Limit/Other`, span);
      const startStep = this.number(other, "Start_Step", span);
      const count = this.number(other, "Cycle_Count", span);
      if (startStep !== undefined && count !== undefined) step.cycle = { startStep, count };
    }
    if (node.Record !== undefined) step.record = this.recording(asNode(node.Record), `step ${id} Record`);
    if (node.Protect !== undefined) step.protect = this.protection(asNode(node.Protect), `step ${id} Protect`, span);
    return step;
  }

  private main(node: Node, id: number, span: Span): NewareMain {
    this.unknownChildren(node, ["Rate", "Curr", "Volt", "Stop_Volt", "Stop_Rate", "Stop_Curr", "Time", "Cap"], `step ${id} Limit/Main`, span);
    const main: NewareMain = {};
    const read = (name: string, convert: (x: number) => number): number | undefined => {
      const value = this.number(node, name, span);
      return value === undefined ? undefined : cleanSi(convert(value));
    };
    const assign = <K extends keyof NewareMain>(field: K, value: number | undefined): void => {
      if (value !== undefined) main[field] = value;
    };
    assign("rate", read("Rate", (x) => x));
    assign("current", read("Curr", (x) => fileToAmps(x, this.scale)));
    assign("voltage", read("Volt", fileToVolts));
    assign("stopVoltage", read("Stop_Volt", fileToVolts));
    assign("stopRate", read("Stop_Rate", (x) => x));
    assign("stopCurrent", read("Stop_Curr", (x) => fileToAmps(x, this.scale)));
    assign("time", read("Time", fileToSeconds));
    assign("capacity", read("Cap", (x) => fileToCoulombs(x, this.scale)));
    return main;
  }

  private protection(node: Node | null, where: string, span: Span): NewareProtection {
    const out: NewareProtection = {};
    if (!node) return out;
    this.unknownChildren(node, ["Main"], where, span);
    const main = asNode(node.Main);
    if (!main) return out;
    this.unknownChildren(main, ["Volt", "Curr", "Cap", "Delay_Time"], `${where}/Main`, span);
    const bounds = (name: string): Node => {
      const element = asNode(main[name]) ?? {};
      this.unknownChildren(element, ["Upper", "Lower"], `${where}/Main/${name}`, span);
      return element;
    };
    const volt = bounds("Volt");
    const curr = bounds("Curr");
    const cap = bounds("Cap");
    const set = <K extends keyof NewareProtection>(field: K, value: number | undefined): void => {
      if (value !== undefined) out[field] = cleanSi(value);
    };
    set("voltageUpper", this.mapped(volt, "Upper", span, fileToVolts));
    set("voltageLower", this.mapped(volt, "Lower", span, fileToVolts));
    set("currentUpper", this.mapped(curr, "Upper", span, (x) => fileToAmps(x, this.scale)));
    set("currentLower", this.mapped(curr, "Lower", span, (x) => fileToAmps(x, this.scale)));
    set("capacityUpper", this.mapped(cap, "Upper", span, (x) => fileToCoulombs(x, this.scale)));
    set("delay", this.mapped(main, "Delay_Time", span, fileToSeconds));
    return out;
  }

  private recording(node: Node | null, where: string): NewareRecord {
    const out: NewareRecord = {};
    if (!node) return out;
    const span = this.spanOf("<Record");
    this.unknownChildren(node, ["Main"], where, span);
    const main = asNode(node.Main);
    if (!main) return out;
    this.unknownChildren(main, ["Time", "Volt", "Curr"], `${where}/Main`, span);
    const time = this.mapped(main, "Time", span, fileToSeconds);
    const voltage = this.mapped(main, "Volt", span, fileToVolts);
    const current = this.mapped(main, "Curr", span, (x) => fileToAmps(x, this.scale));
    if (time !== undefined && time > 0) out.time = cleanSi(time);
    if (voltage !== undefined && voltage > 0) out.voltage = cleanSi(voltage);
    if (current !== undefined && current > 0) out.current = cleanSi(current);
    return out;
  }

  private mapped(node: Node, name: string, span: Span, convert: (x: number) => number): number | undefined {
    const value = this.number(node, name, span);
    return value === undefined ? undefined : convert(value);
  }

  /** The number in `<name Value="…"/>`, or undefined when absent or not selected
   * (Is_Select="0", as BTS 7 files write unused fields). */
  private number(node: Node, name: string, where: Span | string): number | undefined {
    const element = asNode(node[name]);
    if (!element) return undefined;
    if (element.Is_Select === "0") return undefined;
    const raw = element.Value;
    if (raw === undefined) return undefined;
    const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw.trim()) : NaN;
    if (!Number.isFinite(value)) {
      const span = typeof where === "string" ? this.spanOf(where) : where;
      this.report.error(codes.BAD_VALUE, `${name} has the value "${String(raw).slice(0, 40)}", which is not a number`, span, "correct the value in BTS and save the file again");
      return undefined;
    }
    return value;
  }

  private unknownChildren(node: Node, known: readonly string[], where: string, span?: Span): void {
    for (const key of Object.keys(node)) {
      if (known.includes(key) || key === "#text") continue;
      // BTS 7 writes every field, marking unused ones Is_Select="0": they say nothing.
      if (asNode(node[key])?.Is_Select === "0") continue;
      const duplicate = Array.isArray(node[key]);
      this.report.warn(
        codes.FIELD_IGNORED,
        duplicate ? `${where} has several <${key}> elements; only the first is read` : `<${key}> in ${where} is not a field btp knows; it is not imported`,
        span ?? this.spanOf(`<${key}`),
      );
    }
  }

  private stepSpan(id: number): Span {
    const offset = this.stepOffsets.get(id);
    if (offset === undefined) return fileSpan(this.lines.file);
    return this.lines.span(offset, offset + `<Step${id}`.length);
  }

  private spanOf(marker: string): Span {
    const offset = this.text.indexOf(marker);
    return offset === -1 ? fileSpan(this.lines.file) : this.lines.span(offset, offset + marker.length);
  }
}

/** The parser runs with entity processing off (nothing can expand); the five XML entities and
 * character references in text fields are decoded here, one pass, nothing recursive. */
export function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, name: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (named[name]) return named[name]!;
    const code = name.startsWith("#x") ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** An element as an object: `<a/>` parses as "", repeated elements as arrays (first wins). */
function asNode(value: unknown): Node | null {
  if (Array.isArray(value)) return asNode(value[0]);
  if (value === "") return {};
  return value !== null && typeof value === "object" ? (value as Node) : null;
}

/** bmgen writes this block, with nothing set, into every step. */
function isDefaultAdvancedProtection(value: unknown): boolean {
  const node = asNode(value);
  if (!node) return false;
  const keys = Object.keys(node);
  if (keys.some((k) => k !== "CV_Chg" && k !== "Safe")) return false;
  const rise = asNode(asNode(node.CV_Chg)?.CurrRise);
  const safe = asNode(node.Safe);
  const cvOk = node.CV_Chg === undefined || (rise !== null && rise.Count === "0" && Object.keys(asNode(node.CV_Chg)!).length === 1);
  const safeOk = node.Safe === undefined || (safe !== null && safe.N2GroupCount === "0" && Object.keys(safe).length === 1);
  return cvOk && safeOk;
}
