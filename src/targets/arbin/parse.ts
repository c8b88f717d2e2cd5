// Bytes of a (possibly hostile) MITS Pro schedule → Arbin steps (model.ts), or diagnostics.
// MITS writes Latin-1; a file that is valid UTF-8 with non-ASCII text, or UTF-16 with a byte
// order mark, was re-saved by another editor and is read as such (with a warning). The size and
// the step count are capped before anything is built; counts the file declares (m_uStepNum,
// m_uLimitNum) must match the sections present, which is how a truncated file shows.

import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import { fileSpan } from "../../diagnostics/diagnostic.js";
import { decodeText } from "../common/text.js";
import * as codes from "./codes.js";
import { AUX_TEMPERATURE_INDEX, LIMIT_KEYS, SCHEDULE_KEYS, STEP_KEYS, USER_SAFETY_KEYS } from "./conventions.js";
import { readIni, type IniSection, type IniText } from "./ini.js";
import type { ArbinEquation, ArbinLimit, ArbinSafety, ArbinSchedule, ArbinStep } from "./model.js";
import { ImportReport } from "../common/import-report.js";
import { LineIndex } from "../common/line-index.js";

const TARGET = "arbin";
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** Far more than any real schedule (the Iris one has 96); keeps hostile files cheap. */
export const MAX_STEPS = 10_000;
export const MAX_LIMITS_PER_STEP = 64;

export interface ParsedSchedule {
  schedule: ArbinSchedule | null;
  /** The schedule version line ("Schedule Version 7.00.13"). */
  version: string;
  diagnostics: Diagnostic[];
}

export function parseArbinSchedule(content: Uint8Array, file: string): ParsedSchedule {
  return new ScheduleReader(file).read(content);
}

class ScheduleReader {
  private readonly report = new ImportReport(TARGET);
  private lines!: LineIndex;
  private ini!: IniText;

  constructor(private readonly file: string) {}

  read(content: Uint8Array): ParsedSchedule {
    const failed = (): ParsedSchedule => ({ schedule: null, version: "", diagnostics: this.report.all() });
    if (content.length === 0) {
      this.report.error(codes.NOT_A_SCHEDULE, "the file is empty", fileSpan(this.file), "choose an Arbin MITS Pro schedule (.sdu)");
      return failed();
    }
    if (content.length > MAX_FILE_BYTES) {
      this.report.error(codes.FILE_TOO_LARGE, `the file is ${Math.round(content.length / 1024)} KB; a MITS schedule is at most a few MB`, fileSpan(this.file), "check that this is a schedule, not a data file");
      return failed();
    }
    const text = this.decode(content);
    if (text === null) return failed();
    this.lines = new LineIndex(this.file, text);
    this.ini = readIni(text);

    const version = this.section("Version Section")?.values.get("Current_Version") ?? "";
    const schedule = this.section("Schedule");
    if (!/^Schedule Version \d/.test(version) || !schedule) {
      this.report.error(codes.NOT_A_SCHEDULE, "this is not an Arbin MITS Pro schedule (no [Version Section] with a schedule version, or no [Schedule])", fileSpan(this.file), "choose a .sdu file saved by MITS Pro");
      return failed();
    }
    if (!version.startsWith("Schedule Version 7")) {
      this.report.warn(codes.KEY_IGNORED, `${version}: btp reads MITS Pro 7 schedules; keys of other versions may be reported as unknown`, this.sectionSpan(this.section("Version Section")!));
    }
    if (this.ini.strayLines.length > 0) {
      const line = this.ini.strayLines[0]!;
      this.report.warn(codes.KEY_IGNORED, `${this.ini.strayLines.length} line(s) are neither [Section] nor key=value; they are not read`, this.lines.lineSpan(line, this.ini.lines[line - 1] ?? ""));
    }
    this.unknownKeys(schedule, SCHEDULE_KEYS.map(([key]) => key));

    const steps = this.steps(schedule);
    this.otherSections();
    if (steps === null || this.report.failed) return { schedule: null, version, diagnostics: this.report.all() };
    return {
      schedule: {
        comments: schedule.values.get("m_szComments") ?? "",
        creator: schedule.values.get("m_szCreator") ?? "",
        safety: this.safety(schedule),
        steps,
      },
      version,
      diagnostics: this.report.all(),
    };
  }

  private decode(content: Uint8Array): string | null {
    const span = fileSpan(this.file);
    if (content[0] === 0xff && content[1] === 0xfe && content[3] === 0x00) {
      this.report.warn(codes.ENCODING_GUESSED, "the file is UTF-16 (MITS writes Latin-1); it was read as UTF-16", span);
      return new TextDecoder("utf-16le").decode(content.subarray(2));
    }
    const utf8 = decodeText(content, "utf-8");
    let text: string;
    if (utf8 !== null && /[^\x00-\x7f]/.test(utf8)) {
      this.report.warn(codes.ENCODING_GUESSED, "the file is UTF-8 (MITS writes Latin-1), so it was re-saved by another program; it was read as UTF-8", span);
      text = utf8;
    } else {
      text = decodeText(content, "latin1") ?? "";
    }
    if (text.includes("\u0000")) {
      this.report.error(codes.NOT_A_SCHEDULE, "the file holds binary data, not schedule text", span, "choose the .sdu schedule, not a result file (.res)");
      return null;
    }
    return text;
  }

  private steps(schedule: IniSection): ArbinStep[] | null {
    const stepSections = new Map<number, IniSection>();
    const limitSections = new Map<number, Map<number, IniSection>>();
    for (const section of this.ini.sections) {
      const step = /^Schedule_Step(\d+)$/.exec(section.name);
      const limit = /^Schedule_Step(\d+)_Limit(\d+)$/.exec(section.name);
      if (step) stepSections.set(Number(step[1]), section);
      else if (limit) {
        const owner = Number(limit[1]);
        if (!limitSections.has(owner)) limitSections.set(owner, new Map());
        limitSections.get(owner)!.set(Number(limit[2]), section);
      }
      if (stepSections.size > MAX_STEPS) {
        this.report.error(codes.FILE_TOO_LARGE, `the schedule has more than ${MAX_STEPS} steps`, this.sectionSpan(section), "check that this is a real schedule");
        return null;
      }
    }
    const declared = Number(schedule.values.get("m_uStepNum"));
    if (!Number.isInteger(declared) || declared !== stepSections.size) {
      this.report.error(
        codes.NOT_A_SCHEDULE,
        `[Schedule] declares ${schedule.values.get("m_uStepNum") ?? "no"} steps (m_uStepNum) but the file holds ${stepSections.size}: it is truncated or damaged`,
        this.keySpan(schedule, "m_uStepNum"),
        "save the schedule again from MITS Pro",
      );
      return null;
    }
    const steps: ArbinStep[] = [];
    for (let index = 0; index < declared; index++) {
      const section = stepSections.get(index);
      if (!section) {
        this.report.error(codes.NOT_A_SCHEDULE, `[Schedule_Step${index}] is missing: steps must be numbered from 0 without gaps`, this.keySpan(schedule, "m_uStepNum"), "save the schedule again from MITS Pro");
        return null;
      }
      const step = this.step(section, index, limitSections.get(index) ?? new Map());
      if (step) steps.push(step);
    }
    for (const owner of limitSections.keys()) {
      if (!stepSections.has(owner)) {
        const orphan = [...limitSections.get(owner)!.values()][0]!;
        this.report.warn(codes.KEY_IGNORED, `limits of a step that does not exist ([${orphan.name}]) are not read`, this.sectionSpan(orphan));
      }
    }
    return steps;
  }

  private step(section: IniSection, index: number, limitSections: Map<number, IniSection>): ArbinStep | null {
    const span = this.sectionSpan(section);
    this.unknownKeys(section, STEP_KEYS);
    const value = (key: string) => section.values.get(key) ?? "";
    for (const key of ["m_szExtDef", "m_szAddIn", "m_szExtDef1", "m_szUnitType", "m_szExUnitType1"]) {
      if (value(key).trim() !== "") this.report.warn(codes.KEY_IGNORED, `${key}=${value(key)} is not imported (btp does not model it)`, this.keySpan(section, key));
    }
    const declared = Number(value("m_uLimitNum"));
    if (!Number.isInteger(declared) || declared < 0 || declared > MAX_LIMITS_PER_STEP || declared !== limitSections.size) {
      this.report.error(
        codes.NOT_A_SCHEDULE,
        `[Schedule_Step${index}] declares ${value("m_uLimitNum") || "no"} limits (m_uLimitNum) but the file holds ${limitSections.size}: it is truncated or damaged`,
        this.keySpan(section, "m_uLimitNum"),
        "save the schedule again from MITS Pro",
      );
      return null;
    }
    const limits: ArbinLimit[] = [];
    for (let i = 0; i < declared; i++) {
      const limitSection = limitSections.get(i);
      if (!limitSection) {
        this.report.error(codes.NOT_A_SCHEDULE, `[Schedule_Step${index}_Limit${i}] is missing`, span, "save the schedule again from MITS Pro");
        return null;
      }
      limits.push(this.limit(limitSection));
    }
    if (value("m_szStepCtrlType").trim() === "") {
      this.report.error(codes.NOT_A_SCHEDULE, `[Schedule_Step${index}] has no control type (m_szStepCtrlType)`, span, "save the schedule again from MITS Pro");
      return null;
    }
    return {
      label: value("m_szLabel"),
      ctrlType: value("m_szStepCtrlType").trim(),
      currentRange: value("m_szCurrentRange"),
      voltageRange: value("m_szVoltageRange"),
      ctrlValue: value("m_szCtrlValue").trim(),
      extCtrlValue1: value("m_szExtCtrlValue1").trim(),
      extCtrlValue2: value("m_szExtCtrlValue2").trim(),
      limits,
      span,
    };
  }

  private limit(section: IniSection): ArbinLimit {
    this.unknownKeys(section, LIMIT_KEYS);
    const value = (key: string) => (section.values.get(key) ?? "").trim();
    const equations: ArbinEquation[] = [];
    for (let i = 0; i < 3; i++) {
      const left = value(`Equation${i}_szLeft`);
      if (left === "") continue;
      equations.push({ left, compare: value(`Equation${i}_szCompareSign`), right: value(`Equation${i}_szRight`) });
    }
    return {
      stepLimit: value("m_bStepLimit") === "1",
      logLimit: value("m_bLogDataLimit") === "1",
      goto: value("m_szGotoStep") || "Next Step",
      equations,
      span: this.sectionSpan(section),
    };
  }

  private safety(schedule: IniSection): ArbinSafety {
    const out: ArbinSafety = {};
    const scope = (key: string): [number, number] | undefined => {
      const raw = schedule.values.get(key);
      const parts = raw?.split("^").map((p) => Number(p.trim()));
      if (!parts || parts.length !== 2 || !parts.every(Number.isFinite)) {
        this.report.error(codes.BAD_VALUE, `${key} should be min^max, not "${raw ?? ""}"`, this.keySpan(schedule, key), "save the schedule again from MITS Pro");
        return undefined;
      }
      return [parts[0]!, parts[1]!];
    };
    const on = (key: string) => schedule.values.get(key)?.trim() === "1";
    if (on("m_bCheckCurrentSafety")) out.current = scope("m_CurrentSafetyScope");
    if (on("m_bCheckVoltageSafety")) out.voltage = scope("m_VoltageSafetyScope");
    if (on("m_bCheckPowerSafety")) out.power = scope("m_PowerSafetyScope");
    const aux = schedule.values.get("m_AuxSafetyEnabled") ?? "";
    if (new RegExp(`(^|;)\\s*${AUX_TEMPERATURE_INDEX}\\^1\\s*(;|$)`).test(aux)) out.temperature = scope("m_AuxTempSafetyScope");
    for (const key of Object.keys(out) as Array<keyof ArbinSafety>) if (out[key] === undefined) delete out[key];
    return out;
  }

  /** Sections other than the steps: user-defined safeties (imported only when empty),
   * formulas and add-ins (reported). */
  private otherSections(): void {
    for (const section of this.ini.sections) {
      if (["Version Section", "Signature Section", "Schedule"].includes(section.name)) continue;
      if (/^Schedule_Step\d+(_Limit\d+)?$/.test(section.name)) continue;
      if (/^Schedule_UserDefineSafety\d+$/.test(section.name)) {
        this.unknownKeys(section, USER_SAFETY_KEYS.map(([key]) => key));
        const type = section.values.get("m_szSafetyType")?.trim() ?? "";
        if (type !== "") this.report.warn(codes.KEY_IGNORED, `the user-defined safety "${type}" is not imported`, this.sectionSpan(section));
        continue;
      }
      this.report.warn(codes.KEY_IGNORED, `[${section.name.replace(/\d+$/, "N")}] sections (formulas, add-ins, test settings) are not imported`, this.sectionSpan(section));
    }
  }

  private unknownKeys(section: IniSection, known: readonly string[]): void {
    for (const entry of section.entries) {
      if (!known.includes(entry.key)) {
        this.report.warn(codes.KEY_IGNORED, `the key ${entry.key} is not one btp knows in [${section.name.replace(/\d+/g, "N")}]; it is not imported`, this.lines.lineSpan(entry.line, this.ini.lines[entry.line - 1] ?? ""));
      }
    }
  }

  private section(name: string): IniSection | undefined {
    return this.ini.sections.find((s) => s.name === name);
  }

  private sectionSpan(section: IniSection): Span {
    return this.lines.lineSpan(section.line, this.ini.lines[section.line - 1] ?? "");
  }

  private keySpan(section: IniSection, key: string): Span {
    const entry = section.entries.find((e) => e.key === key);
    return entry ? this.lines.lineSpan(entry.line, this.ini.lines[entry.line - 1] ?? "") : this.sectionSpan(section);
  }
}
