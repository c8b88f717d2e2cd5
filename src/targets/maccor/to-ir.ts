// A Maccor procedure (read.ts) → the protocol IR.
//
// - Do n … Loop n pairs become loops; "Loop Cnt = N" is N passes (conventions.ts). A Do step's
//   note becomes a section around its loop.
// - Safety ends (the ends marked <ChanSafetyEnd>True</ChanSafetyEnd> in the first step, repeated
//   in every step with the same type, operator and value) are folded back into limits, wherever
//   they jump.
// - A current step whose voltage end leads into a voltage hold at that voltage (and whose other
//   ends skip the hold) is one CC-CV step, which is how btp writes CC-CV steps it cannot put in
//   one Maccor step; a current step with a <Voltage> clamp is Maccor's own CC-CV.
// - Any other jump (out of a loop, over a step, to the End step) has no structured equivalent:
//   it is reported and imported as an ordinary end that goes on to the next step.
// - Steps btp cannot express (FastWave drive cycles, FRA impedance whose settings live in a side
//   file, function-controlled currents, unknown types) become operator pauses that say so, with
//   a warning naming the step, so that nothing disappears silently.

import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import { fileSpan } from "../../diagnostics/diagnostic.js";
import type { EndConditionIR, LimitsIR, NodeIR, PauseStepIR, ProtocolIR, RecordIR, Resolved, StepIR } from "../../ir/types.js";
import { formatQuantity } from "../../units/display.js";
import { formatNumber } from "../../units/format.js";
import { cleanSi, emptyProtocol, numberNodes } from "../common/imported-ir.js";
import * as codes from "./codes.js";
import { END, MODE, REPORT, STEP, parseTime, parseValue, passesOf } from "./conventions.js";
import { readHeaderDescription } from "./header.js";
import type { MaccorEnd, MaccorProcedure, MaccorStep } from "./model.js";

const TARGET = "maccor";
/** Maccor levels are single digits in practice; a deeper file is refused, not recursed into. */
const MAX_NESTING = 16;

export interface ToIrResult {
  ir: ProtocolIR | null;
  diagnostics: Diagnostic[];
}

export function maccorProcedureToIr(procedure: MaccorProcedure, file: string): ToIrResult {
  return new Importer(procedure, file).run();
}

interface Frame {
  level: number | null;
  /** Index of the Do step. */
  start: number;
  note: string;
  body: NodeIR[];
}

interface ConvertedEnds {
  ends: EndConditionIR[];
  limits: LimitsIR;
}

class Importer {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly steps: MaccorStep[];
  private readonly safety = new Set<string>();
  /** For each step number, the indexes of the steps whose ends (other than safety ends) jump to it. */
  private readonly jumpedToFrom = new Map<number, Set<number>>();
  private readonly warnedCapacity = new Set<string>();
  private readonly droppedNotes: number[] = [];
  private advanceCycles = 0;
  private failed = false;

  constructor(
    private readonly procedure: MaccorProcedure,
    private readonly file: string,
  ) {
    this.steps = procedure.steps;
  }

  run(): ToIrResult {
    const ir = emptyProtocol(this.file);
    const header = readHeaderDescription(this.procedure.description);
    ir.title = header.title;
    ir.metadata.notes = header.notes;
    if (this.steps.length === 0 || (this.steps.length === 1 && this.steps[0]!.type === STEP.end)) {
      this.diagnostics.push({
        code: codes.EMPTY_PROCEDURE,
        severity: "warning",
        message: "the procedure has no steps; it is imported as an empty protocol",
        span: this.steps[0]?.span ?? fileSpan(this.file),
        hint: "add steps to the protocol, or check that this is the procedure you meant",
        target: TARGET,
      });
      return { ir, diagnostics: this.diagnostics };
    }

    for (const step of this.steps) for (const end of step.ends) if (end.channelSafety) this.safety.add(signature(end));
    this.indexJumps();
    const endIndex = this.endIndex();
    ir.limits = this.protocolLimits();
    ir.body = this.structure(endIndex);
    if (this.failed) return { ir: null, diagnostics: this.diagnostics };

    this.afterwards(endIndex);
    ir.record = mostCommonRecord(ir.body);
    numberNodes(ir.body);
    return { ir, diagnostics: this.diagnostics };
  }

  // -------------------------------------------------------------------------------------------
  // Structure: Do/Loop → loops

  private structure(endIndex: number): NodeIR[] {
    const stack: Frame[] = [{ level: null, start: -1, note: "", body: [] }];
    for (let i = 0; i < endIndex && !this.failed; i++) {
      const step = this.steps[i]!;
      const frame = stack[stack.length - 1]!;
      const doLevel = /^Do\s*(\d+)$/i.exec(step.type);
      const loopLevel = /^Loop\s*(\d+)$/i.exec(step.type);
      if (doLevel) {
        if (stack.length > MAX_NESTING) {
          this.error(codes.LOOP_NOT_STRUCTURED, `loops are nested more than ${MAX_NESTING} deep`, step, "check that the file is a real procedure");
          break;
        }
        stack.push({ level: Number(doLevel[1]), start: i, note: step.note.trim(), body: [] });
      } else if (loopLevel) {
        const level = Number(loopLevel[1]);
        if (frame.level !== level) {
          const open = frame.level === null ? "no Do step is open" : `the open loop is Do ${frame.level} (step ${frame.start + 1})`;
          this.error(codes.LOOP_NOT_STRUCTURED, `step ${i + 1} (Loop ${level}) does not close a Do ${level}: ${open}`, step, "the Do/Loop pairs must nest; fix the procedure in the Maccor editor");
          break;
        }
        stack.pop();
        const loop = this.loop(step, i, frame);
        if (loop) stack[stack.length - 1]!.body.push(loop);
      } else if (step.type === STEP.advanceCycle) {
        this.advanceCycles++;
        if (step.note.trim() !== "") this.droppedNotes.push(i + 1);
      } else {
        const made = this.node(i, endIndex);
        frame.body.push(...made.nodes);
        i += made.consumed - 1;
      }
    }
    if (!this.failed && stack.length > 1) {
      const open = stack[stack.length - 1]!;
      this.error(codes.LOOP_NOT_STRUCTURED, `step ${open.start + 1} (Do ${open.level}) has no Loop ${open.level}`, this.steps[open.start]!, "add the Loop step in the Maccor editor");
    }
    return stack[0]!.body;
  }

  private loop(step: MaccorStep, index: number, frame: Frame): NodeIR | null {
    const counts = step.ends.filter((end) => end.type === END.loopCount);
    const count = counts.length === 1 ? parseValue(counts[0]!.value) : null;
    if (!count || count.perC || !Number.isInteger(count.value) || count.value < 1) {
      this.error(codes.BAD_VALUE, `step ${index + 1} (${step.type}) needs one "Loop Cnt" end with a whole number of passes`, step, "set the loop count in the Maccor editor");
      return null;
    }
    const countEnd = counts[0]!;
    if (countEnd.goto !== index + 2) this.jumpWarning(index, countEnd, index + 2);
    for (const end of step.ends) if (end !== countEnd) this.ignoredEnd(end, index);
    if (step.note.trim() !== "") this.droppedNotes.push(index + 1);
    const span = this.steps[frame.start]!.span ?? fileSpan(this.file);
    const loop: NodeIR = { kind: "loop", id: "", span: joinSpans(span, step.span), count: passesOf(count.value), until: null, body: frame.body };
    if (frame.note === "") return loop;
    return { kind: "group", id: "", span: loop.span, origin: "section", label: frame.note, body: [loop] };
  }

  // -------------------------------------------------------------------------------------------
  // Steps

  private node(i: number, endIndex: number): { nodes: NodeIR[]; consumed: number } {
    const step = this.steps[i]!;
    const one = (node: StepIR | null) => ({ nodes: node ? [node] : [], consumed: 1 });
    const charging = step.type === STEP.charge || step.type === STEP.discharge;
    if (step.type === STEP.rest) return one(this.rest(step, i));
    if (step.type === STEP.pause) return one(this.pause(step, step.note.trim() !== "" ? normalizeNote(step.note) : "Pause (from the Maccor procedure)"));
    if (charging && step.mode === MODE.current) {
      const merged = this.mergedCcCv(i, endIndex);
      if (merged) return { nodes: [merged], consumed: 2 };
      return one(this.currentStep(step, i));
    }
    if (charging && step.mode === MODE.voltage) return one(this.voltageStep(step, i));
    if (charging && step.mode === MODE.power) return one(this.powerStep(step, i));
    return one(this.unsupported(step, i));
  }

  private rest(step: MaccorStep, i: number): StepIR | null {
    const { ends, limits } = this.ends(step, i);
    return { ...this.base(step, limits), kind: "rest", ends };
  }

  private currentStep(step: MaccorStep, i: number): StepIR | null {
    const direction = step.type === STEP.charge ? "charge" : "discharge";
    const current = this.current(step.value, step, i);
    if (!current) return null;
    const clamp = this.clamp(step, i, "Voltage");
    const { ends, limits } = this.ends(step, i);
    if (clamp === null) return { ...this.base(step, limits), kind: "constantCurrent", direction, current, ends };
    this.wholeStepEnds(ends, step, i);
    return { ...this.base(step, limits), kind: "ccCv", direction, current, voltage: clamp, ccEnds: [], cvEnds: ends };
  }

  private voltageStep(step: MaccorStep, i: number): StepIR | null {
    const volts = this.number(step.value, step, i, "the hold voltage");
    if (volts === null) return null;
    const { ends, limits } = this.ends(step, i);
    const clamp = step.limits.find((limit) => limit.name === "Current");
    this.ignoreLimits(step, i, ["Current"]);
    if (!clamp) {
      return { ...this.base(step, limits), kind: "constantVoltage", voltage: { reference: "absolute", volts, text: `${formatNumber(volts)} V` }, ends };
    }
    // A voltage step with a current clamp runs at the clamp current until it reaches the voltage:
    // a CC-CV step.
    const current = this.current(clamp.value, step, i);
    if (!current) return null;
    this.wholeStepEnds(ends, step, i);
    const direction = step.type === STEP.charge ? "charge" : "discharge";
    return { ...this.base(step, limits), kind: "ccCv", direction, current, voltage: volts, ccEnds: [], cvEnds: ends };
  }

  private powerStep(step: MaccorStep, i: number): StepIR | null {
    const watts = this.number(step.value, step, i, "the power");
    if (watts === null) return null;
    this.ignoreLimits(step, i, []);
    const { ends, limits } = this.ends(step, i);
    const direction = step.type === STEP.charge ? "charge" : "discharge";
    return { ...this.base(step, limits), kind: "constantPower", direction, power: { si: Math.abs(watts), text: formatQuantity(Math.abs(watts), "power") }, ends };
  }

  /** A current step at I until V, whose other ends skip the next step, followed by a hold at V:
   * one CC-CV step (see the file comment). Null when the pattern does not hold exactly. */
  private mergedCcCv(i: number, endIndex: number): StepIR | null {
    const cc = this.steps[i]!;
    const hold = this.steps[i + 1];
    if (!hold || i + 1 >= endIndex || hold.type !== cc.type || hold.mode !== MODE.voltage) return null;
    if (cc.limits.length > 0 || hold.limits.length > 0 || hold.note.trim() !== "") return null;
    const volts = parseValue(hold.value);
    if (!volts || volts.perC) return null;
    const charge = cc.type === STEP.charge;
    const own = cc.ends.filter((end) => !this.isSafety(end));
    const reach = own.filter((end) => end.type === END.voltage && end.goto === i + 2 && end.oper === (charge ? ">=" : "<=") && parseValue(end.value)?.value === volts.value);
    if (reach.length !== 1) return null;
    if (!own.every((end) => end === reach[0] || end.goto === i + 3)) return null;
    const others = [...(this.jumpedToFrom.get(i + 2) ?? [])].filter((from) => from !== i);
    if (others.length > 0) return null;
    if (safetyKey(cc, this.safety) !== safetyKey(hold, this.safety) || recordKey(cc) !== recordKey(hold)) return null;

    const current = this.current(cc.value, cc, i);
    if (!current) return null;
    const ccPart = this.ends({ ...cc, ends: cc.ends.filter((end) => end !== reach[0]) }, i, i + 3);
    const cvPart = this.ends(hold, i + 1);
    return {
      ...this.base(cc, ccPart.limits),
      span: joinSpans(cc.span ?? fileSpan(this.file), hold.span),
      kind: "ccCv",
      direction: charge ? "charge" : "discharge",
      current,
      voltage: volts.value,
      ccEnds: ccPart.ends,
      cvEnds: cvPart.ends,
    };
  }

  private pause(step: MaccorStep, message: string): PauseStepIR {
    // A pause measures nothing: the step's reports and safety ends stay with the Maccor step.
    return { ...this.base(step, {}), label: null, record: {}, kind: "pause", message };
  }

  private unsupported(step: MaccorStep, i: number): StepIR {
    const reasons: Record<string, string> = {
      FastWave: "a FastWave drive cycle, whose waveform is in a .MWF file btp does not import",
      FRA: "an impedance measurement whose settings are in a .FRA file btp does not read",
      "Chg Func": "a charge whose current is a function of time, which btp cannot express",
      "Dis Func": "a discharge whose current is a function of time, which btp cannot express",
    };
    const what = step.type === "" ? "a step with no type" : `${step.type}${step.value ? ` "${step.value}"` : ""}`;
    const reason = reasons[step.type] ?? (step.mode && !Object.values(MODE).includes(step.mode as never) ? `a ${step.mode} mode step, which btp does not import` : "a step type btp does not know");
    const note = step.note.trim() !== "" ? ` (note: ${normalizeNote(step.note)})` : "";
    this.diagnostics.push({
      code: codes.UNSUPPORTED_STEP,
      severity: "warning",
      message: `step ${i + 1} (${what}) is ${reason}; it is imported as an operator pause that says so`,
      span: step.span ?? fileSpan(this.file),
      hint: "run that part by hand, or replace the pause with btp steps",
      target: TARGET,
    });
    return this.pause(step, `Maccor step ${i + 1} (${what}) was not imported: ${reason}; run it by hand${note}`);
  }

  private base(step: MaccorStep, limits: LimitsIR): { id: string; span: Span; label: string | null; limits: LimitsIR; record: RecordIR; ambient: null } {
    const label = normalizeNote(step.note);
    return { id: "", span: step.span ?? fileSpan(this.file), label: label === "" ? null : label, limits, record: this.record(step), ambient: null };
  }

  // -------------------------------------------------------------------------------------------
  // Ends, limits and reports

  /** The step's own ends (each should go to the next step, or to `expected`) and the safety ends
   * folded into limits. */
  private ends(step: MaccorStep, i: number, expected = i + 2): ConvertedEnds {
    const ends: EndConditionIR[] = [];
    const limits: LimitsIR = {};
    for (const end of step.ends) {
      if (this.isSafety(end)) {
        this.foldLimit(end, limits, step, i);
        continue;
      }
      const span = end.span ?? step.span ?? fileSpan(this.file);
      const converted = this.end(end, span, step, i);
      if (!converted) continue;
      if (end.goto !== expected) this.jumpWarning(i, end, expected);
      ends.push(converted);
    }
    return { ends, limits };
  }

  private end(end: MaccorEnd, span: Span, step: MaccorStep, i: number): EndConditionIR | null {
    const upward = end.oper === ">=" || end.oper === ">";
    const downward = end.oper === "<=" || end.oper === "<";
    switch (end.type) {
      case END.time: {
        const seconds = parseTime(end.value);
        if (seconds === null) {
          this.error(codes.BAD_VALUE, `step ${i + 1}: the end time "${end.value}" is not hh:mm:ss`, step, "save the procedure again from the Maccor editor", span);
          return null;
        }
        return { kind: "time", seconds, span };
      }
      case END.voltage: {
        const volts = upward || downward ? this.number(end.value, step, i, "the end voltage", span) : null;
        if (volts === null) return upward || downward ? null : this.ignoredEnd(end, i);
        return { kind: "voltage", comparator: end.oper === "=" ? ">=" : (end.oper as "<" | "<=" | ">" | ">="), volts, span };
      }
      case END.current: {
        if (!upward && !downward) return this.ignoredEnd(end, i);
        const resolved = this.current(end.value, step, i, span);
        if (!resolved) return null;
        return { kind: "current", comparator: end.oper as "<" | "<=" | ">" | ">=", amperes: resolved.si, resolved, span };
      }
      case END.capacity: {
        if (!upward) return this.ignoredEnd(end, i);
        const resolved = this.capacity(end.value, step, i, span);
        return resolved ? { kind: "capacity", coulombs: resolved.si, resolved, span } : null;
      }
      default:
        return this.ignoredEnd(end, i);
    }
  }

  private foldLimit(end: MaccorEnd, limits: LimitsIR, step: MaccorStep | null, i: number): void {
    const value = parseValue(end.value);
    const upward = end.oper === ">=" || end.oper === ">";
    if (!value) {
      if (step) this.error(codes.BAD_VALUE, `step ${i + 1}: the safety value "${end.value}" is not a number`, step, "save the procedure again from the Maccor editor", end.span);
      return;
    }
    if (value.perC) {
      this.relativeWarning(`${end.type} ${end.oper} ${end.value}`, end.span ?? fileSpan(this.file), "a safety limit relative to the capacity cannot be kept without a cell: it is not imported");
      return;
    }
    if (end.type === END.voltage) {
      limits.voltage = { min: limits.voltage?.min ?? null, max: limits.voltage?.max ?? null };
      if (upward) limits.voltage.max = value.value;
      else limits.voltage.min = value.value;
    } else if (end.type === END.current && upward) {
      limits.current = { max: Math.abs(value.value) };
    } else if (end.type === END.capacity && upward) {
      limits.capacity = { max: cleanSi(Math.abs(value.value) * 3600) };
    } else if (step) {
      this.ignoredEnd(end, i);
    }
  }

  private protocolLimits(): LimitsIR {
    const limits: LimitsIR = {};
    const seen = new Set<string>();
    for (const step of this.steps) {
      for (const end of step.ends) {
        if (!end.channelSafety || seen.has(signature(end))) continue;
        seen.add(signature(end));
        this.foldLimit(end, limits, null, -1);
      }
    }
    return limits;
  }

  private record(step: MaccorStep): RecordIR {
    const record: RecordIR = {};
    for (const report of step.reports) {
      const span = report.span ?? step.span ?? fileSpan(this.file);
      if (report.type === REPORT.time) {
        const seconds = parseTime(report.value);
        if (seconds !== null) record.time = seconds;
        else this.badReport(report.value, span);
      } else if (report.type === REPORT.voltage || report.type === REPORT.current) {
        const value = parseValue(report.value);
        if (!value) this.badReport(report.value, span);
        else if (value.perC) this.relativeWarning(`${report.type} report ${report.value}`, span, "a recording interval relative to the capacity cannot be kept without a cell: it is not imported");
        else if (report.type === REPORT.voltage) record.voltage = Math.abs(value.value);
        else record.current = Math.abs(value.value);
      } else {
        this.ignoredField(`the report type "${report.type}"`, span);
      }
    }
    // One key order whatever the order of the reports, so that records compare equal.
    const ordered: RecordIR = {};
    if (record.time !== undefined) ordered.time = record.time;
    if (record.voltage !== undefined) ordered.voltage = record.voltage;
    if (record.current !== undefined) ordered.current = record.current;
    return ordered;
  }

  // -------------------------------------------------------------------------------------------
  // Values

  private current(text: string, step: MaccorStep, i: number, span?: Span): Resolved | null {
    const value = parseValue(text);
    if (!value) {
      this.error(codes.BAD_VALUE, `step ${i + 1}: the current "${text}" is not a number`, step, "save the procedure again from the Maccor editor", span);
      return null;
    }
    const magnitude = Math.abs(value.value);
    if (value.perC) {
      this.relativeWarning("C-rates", span ?? step.span ?? fileSpan(this.file), "the currents given as C-rates are kept as C-rates (with 0 A until the protocol has a cell): add `use cell …` before compiling for another target");
      return {
        si: 0,
        text: `${formatNumber(magnitude)}C`,
        derivation: "a multiple of the cell capacity, which the Maccor procedure does not hold (it is entered when the test starts)",
        basis: "c-rate",
        relative: magnitude,
      };
    }
    return { si: cleanSi(magnitude), text: formatQuantity(cleanSi(magnitude), "current") };
  }

  private capacity(text: string, step: MaccorStep, i: number, span: Span): Resolved | null {
    const value = parseValue(text);
    if (!value) {
      this.error(codes.BAD_VALUE, `step ${i + 1}: the capacity "${text}" is not a number`, step, "save the procedure again from the Maccor editor", span);
      return null;
    }
    const magnitude = Math.abs(value.value);
    if (value.perC) {
      this.relativeWarning("capacities in C", span, "capacity ends given as multiples of C are kept as a share of the nominal capacity (0 Ah until the protocol has a cell)");
      const percent = cleanSi(magnitude * 100);
      return { si: 0, text: `${formatNumber(percent)} %`, derivation: "a share of the cell capacity, which the Maccor procedure does not hold", basis: "percent-of-nominal", relative: percent };
    }
    const coulombs = cleanSi(magnitude * 3600);
    return { si: coulombs, text: formatQuantity(coulombs, "capacity") };
  }

  private number(text: string, step: MaccorStep, i: number, what: string, span?: Span): number | null {
    const value = parseValue(text);
    if (!value || value.perC) {
      this.error(codes.BAD_VALUE, `step ${i + 1}: ${what} "${text}" is not a number`, step, "save the procedure again from the Maccor editor", span);
      return null;
    }
    return value.value;
  }

  /** The CV clamp of a current step (<Limits><Voltage>), or null. Other limits are reported. */
  private clamp(step: MaccorStep, i: number, name: string): number | null {
    this.ignoreLimits(step, i, [name]);
    const limit = step.limits.find((l) => l.name === name);
    if (!limit) return null;
    return this.number(limit.value, step, i, `the ${name.toLowerCase()} limit`);
  }

  private ignoreLimits(step: MaccorStep, i: number, known: string[]): void {
    for (const limit of step.limits) {
      if (!known.includes(limit.name)) this.ignoredField(`the <${limit.name}> limit of step ${i + 1}`, step.span ?? fileSpan(this.file));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reporting

  private wholeStepEnds(ends: readonly EndConditionIR[], step: MaccorStep, i: number): void {
    const other = ends.find((end) => end.kind !== "current");
    if (!other) return;
    this.diagnostics.push({
      code: codes.APPROXIMATED,
      severity: "warning",
      message: `step ${i + 1} is a CC-CV step with a ${other.kind} end, which the Maccor checks from the start of the step; btp checks the ends of the hold from the start of the hold`,
      span: step.span ?? fileSpan(this.file),
      hint: "check the imported step: move the end before `then hold` if it must guard the whole step",
      target: TARGET,
    });
  }

  private jumpWarning(i: number, end: MaccorEnd, expected: number): void {
    const where = end.goto > this.steps.length ? "past the last step" : `to step ${end.goto} (${this.steps[end.goto - 1]!.type || "no type"})`;
    this.diagnostics.push({
      code: codes.GOTO_NOT_STRUCTURED,
      severity: "warning",
      message: `step ${i + 1}: the end "${end.type} ${end.oper} ${end.value}" jumps ${where} instead of going on to step ${expected}; btp has no jumps, so it is imported as an ordinary end of the step`,
      span: end.span ?? this.steps[i]!.span ?? fileSpan(this.file),
      hint: "check the imported protocol: a jump out of a loop or over steps must be rewritten as structure (a loop count, a separate block)",
      target: TARGET,
    });
  }

  private ignoredEnd(end: MaccorEnd, i: number): null {
    this.ignoredField(`step ${i + 1}'s end "${end.type} ${end.oper} ${end.value}"`, end.span ?? this.steps[i]?.span ?? fileSpan(this.file));
    return null;
  }

  private ignoredField(what: string, span: Span): void {
    this.diagnostics.push({
      code: codes.FIELD_IGNORED,
      severity: "warning",
      message: `${what}: not imported (btp has no field for it)`,
      span,
      hint: "check on the Maccor what it does and add it to the protocol by hand if it matters",
      target: TARGET,
    });
  }

  private badReport(value: string, span: Span): void {
    this.diagnostics.push({
      code: codes.BAD_VALUE,
      severity: "error",
      message: `the report value "${value}" is not a number or a time`,
      span,
      hint: "save the procedure again from the Maccor editor",
      target: TARGET,
    });
    this.failed = true;
  }

  private relativeWarning(key: string, span: Span, message: string): void {
    if (this.warnedCapacity.has(key)) return;
    this.warnedCapacity.add(key);
    this.diagnostics.push({ code: codes.RELATIVE_TO_UNKNOWN_CAPACITY, severity: "warning", message, span, hint: "the Maccor takes the capacity behind C when the test starts; give the protocol a cell with that capacity", target: TARGET });
  }

  private afterwards(endIndex: number): void {
    if (endIndex < this.steps.length - 1) {
      this.diagnostics.push({
        code: codes.STEPS_AFTER_END,
        severity: "warning",
        message: `${this.steps.length - 1 - endIndex} step(s) after the End step (step ${endIndex + 1}) can only be reached by jumps; they are not imported`,
        span: this.steps[endIndex + 1]!.span ?? fileSpan(this.file),
        hint: "move them before the End step if they should run",
        target: TARGET,
      });
    }
    if (this.advanceCycles > 0) {
      this.diagnostics.push({
        code: codes.CYCLE_COUNTER_DROPPED,
        severity: "info",
        message: `${this.advanceCycles} AdvCycle step(s) advance the Maccor's cycle counter; btp counts cycles by loop passes, so they are not imported`,
        span: fileSpan(this.file),
        target: TARGET,
      });
    }
    if (this.droppedNotes.length > 0) {
      this.ignoredField(`the notes of control steps ${this.droppedNotes.join(", ")} (Loop, AdvCycle)`, this.steps[this.droppedNotes[0]! - 1]!.span ?? fileSpan(this.file));
    }
  }

  private indexJumps(): void {
    this.steps.forEach((step, index) => {
      for (const end of step.ends) {
        if (this.isSafety(end) || end.type === END.loopCount) continue;
        const from = this.jumpedToFrom.get(end.goto) ?? new Set<number>();
        from.add(index);
        this.jumpedToFrom.set(end.goto, from);
      }
    });
  }

  /** The first End step; without one, the procedure ends after its last step. */
  private endIndex(): number {
    const index = this.steps.findIndex((step) => step.type === STEP.end);
    return index === -1 ? this.steps.length : index;
  }

  private isSafety(end: MaccorEnd): boolean {
    return this.safety.has(signature(end));
  }

  private error(code: string, message: string, step: MaccorStep, hint: string, span?: Span): void {
    this.diagnostics.push({ code, severity: "error", message, span: span ?? step.span ?? fileSpan(this.file), hint, target: TARGET });
    this.failed = true;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** What makes two ends the same safety end: type, operator and value (not where they jump:
 * public files point them at the End step, a Pause step, or stale step numbers). */
function signature(end: MaccorEnd): string {
  const value = parseValue(end.value);
  return `${end.type}|${end.oper}|${value ? `${value.value}${value.perC ? "C" : ""}` : end.value}`;
}

function safetyKey(step: MaccorStep, safety: ReadonlySet<string>): string {
  return step.ends.map(signature).filter((s) => safety.has(s)).sort().join(";");
}

function recordKey(step: MaccorStep): string {
  return step.reports.map((r) => `${r.type}=${r.value}`).sort().join(";");
}

/** Notes become labels and pause messages on one line. */
function normalizeNote(note: string): string {
  return note.replace(/\s*\n\s*/g, " / ").trim();
}

function joinSpans(first: Span, last: Span | undefined): Span {
  return last ? { file: first.file, start: first.start, end: last.end } : first;
}

/** The recording rule most steps use becomes the protocol's (ties: the first seen). */
function mostCommonRecord(body: readonly NodeIR[]): RecordIR {
  const counts = new Map<string, { record: RecordIR; count: number }>();
  const visit = (nodes: readonly NodeIR[]): void => {
    for (const node of nodes) {
      if (node.kind === "loop" || node.kind === "group" || node.kind === "cycleAction") visit(node.body);
      else if (node.kind !== "stop" && node.kind !== "pause" && Object.keys(node.record).length > 0) {
        const key = JSON.stringify(node.record, Object.keys(node.record).sort());
        const seen = counts.get(key);
        if (seen) seen.count++;
        else counts.set(key, { record: { ...node.record }, count: 1 });
      }
    }
  };
  visit(body);
  let best: { record: RecordIR; count: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best ? best.record : {};
}

