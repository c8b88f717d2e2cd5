// IR → the rows of a LAND keying sheet, one row per step of the LANDt step editor, plus
// unnumbered rows for what the operator does by hand (set the oven, pause the channel) and for
// section titles. Loops stay loops: the body's rows, then a 循环 (cycle) row "go to step N, M times".

import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import type { CcCvStepIR, EndConditionIR, LimitsIR, ProtocolIR, RecordIR, Resolved, StepIR } from "../../ir/types.js";
import { REFUSED_CONSTRUCT } from "../common/capabilities.js";
import { linearize, numberRows, type Instruction } from "../common/linearize.js";
import type { Construct, Emulation } from "../target.js";
import * as codes from "./codes.js";
import { MODE, OPERATOR, capacityText, currentText, cycleWords, temperatureText, timeText, voltageText, type LandMode } from "./conventions.js";

const TARGET = "land";

export interface LandRow {
  kind: "step" | "operator" | "section";
  /** The LAND step number (1-based), or null for operator and section rows. */
  number: number | null;
  mode: LandMode | null;
  setpoint: string;
  cutoffs: string[];
  record: string;
  protection: string;
  notes: string[];
}

export interface LandSheet {
  rows: LandRow[];
  diagnostics: Diagnostic[];
  emulations: Emulation[];
}

export function buildLandSheet(ir: ProtocolIR): LandSheet {
  return new SheetBuilder(ir).run();
}

class SheetBuilder {
  private readonly rows: LandRow[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly emulations = new Map<string, Emulation>();
  private lastDirection: "charge" | "discharge" | null = null;
  private readonly program: Instruction[];
  private readonly numbering;

  constructor(private readonly ir: ProtocolIR) {
    this.program = linearize(ir);
    this.numbering = numberRows(this.program, (instruction) => rowsOf(instruction));
  }

  run(): LandSheet {
    this.program.forEach((instruction) => this.instruction(instruction));
    this.rows.push(stepRow(this.numbering.end, MODE.end, "", [], "", "", []));
    return { rows: this.rows, diagnostics: this.diagnostics, emulations: [...this.emulations.values()] };
  }

  private instruction(instruction: Instruction): void {
    const first = this.numbering.rowOf(instruction.index);
    switch (instruction.op) {
      case "groupBegin":
        if (instruction.group.origin !== "temperature") this.rows.push(sectionRow(instruction.group.label));
        return;
      case "loopBegin":
        if (instruction.loop.count < 1) this.error(REFUSED_CONSTRUCT, "land cannot express a loop of no passes (its body would run once)", instruction.loop.span, "remove the loop");
        return;
      case "loopEnd": {
        const words = cycleWords(this.numbering.rowOf(instruction.beginIndex), first - 1, instruction.loop.count);
        this.rows.push(stepRow(first, MODE.cycle, words.setpoint, [words.cutoff], "", "", [words.note]));
        return;
      }
      case "step":
        this.step(instruction.step, first);
        return;
      case "actionBegin":
      case "stop": {
        const span = instruction.op === "actionBegin" ? instruction.action.span : instruction.stop.span;
        this.error(REFUSED_CONSTRUCT, "land cannot express steps at given cycles or a stop guard", span, "restructure the protocol without them");
        return;
      }
      default:
        return;
    }
  }

  private step(step: StepIR, number: number): void {
    const record = recordText(step.record);
    const protection = this.protectionText(step.limits, step.span);
    const notes = step.label ? [step.label] : [];
    switch (step.kind) {
      case "rest":
      case "ocv":
        if (step.kind === "ocv") this.emulate(step.span, "ocv", "open-circuit step written as a 静置 (rest) row");
        this.rows.push(stepRow(number, MODE.rest, "", this.cutoffs(step.ends), record, protection, notes));
        return;
      case "constantCurrent":
        this.lastDirection = step.direction;
        this.rows.push(
          stepRow(number, step.direction === "charge" ? MODE.ccCharge : MODE.ccDischarge, currentSetpoint(step.current), this.cutoffs(step.ends), record, protection, notes),
        );
        return;
      case "constantVoltage": {
        if (step.voltage.reference !== "absolute") {
          this.error(REFUSED_CONSTRUCT, "land cannot hold a voltage relative to open circuit", step.span, "give an absolute voltage");
          return;
        }
        const direction = this.holdDirection(step.voltage.volts, step.span);
        this.rows.push(stepRow(number, direction === "charge" ? MODE.cvCharge : MODE.cvDischarge, voltageText(step.voltage.volts), this.cutoffs(step.ends), record, protection, notes));
        return;
      }
      case "ccCv":
        this.lastDirection = step.direction;
        this.ccCv(step, number, record, protection, notes);
        return;
      case "temperature": {
        const where = number === 1 ? "before starting the test" : `when the test reaches step ${number} (pause the channel, set the oven, resume)`;
        const stable = step.settle.kind === "stable" ? "; wait until the cell is at that temperature" : "";
        this.rows.push(operatorRow(`设定温箱 Set the oven to ${temperatureText(step.setpoint)} ${where}${stable}`));
        if (step.settle.kind === "time") {
          this.rows.push(stepRow(number, MODE.rest, "", [`时间 Time ${timeText(step.settle.seconds)}`], record, protection, ["oven settle / 温箱稳定"]));
        }
        this.emulate(step.span, "temperature", `temperature ${temperatureText(step.setpoint)}: an operator row${step.settle.kind === "time" ? " and a 静置 (rest) row for the settle time" : ""}`);
        return;
      }
      case "pause":
        this.rows.push(operatorRow(`暂停 Pause the channel before step ${number}: ${step.message}`));
        this.emulate(step.span, "pause", "operator pause written as an operator row (the step editor has no pause step)");
        return;
      case "constantPower":
      case "eis":
      case "linearSweep":
      case "cyclicVoltammetry":
        // Refused by the capability table before the sheet is built; kept so that a direct call
        // still answers with a diagnostic, not a wrong sheet.
        this.error(REFUSED_CONSTRUCT, `land cannot run a ${step.kind} step`, step.span, "compile with --plan --cycler land --potentiostat chi");
        return;
    }
  }

  private ccCv(step: CcCvStepIR, number: number, record: string, protection: string, notes: string[]): void {
    if (step.ccEnds.length > 0) {
      this.error(
        codes.CC_GUARD_IN_CCCV,
        "this CC-CV step has a guard on its constant-current part; on a LAND sheet the CC row's cut-offs all lead to the CV row, so the guard could not skip the hold",
        step.ccEnds[0]!.span,
        "drop the guard, or write the CC and CV parts as two steps (the guard then ends only the CC step)",
      );
      return;
    }
    const charge = step.direction === "charge";
    const reach = `电压 Voltage ${charge ? "≥" : "≤"} ${voltageText(step.voltage)}`;
    this.rows.push(stepRow(number, charge ? MODE.ccCharge : MODE.ccDischarge, currentSetpoint(step.current), [reach], record, protection, notes));
    this.rows.push(stepRow(number + 1, charge ? MODE.cvCharge : MODE.cvDischarge, voltageText(step.voltage), this.cutoffs(step.cvEnds), record, protection, ["CV part of the CC-CV step above"]));
    this.emulate(step.span, "ccCv", `CC-CV written as two rows: ${charge ? "恒流充电" : "恒流放电"} to ${voltageText(step.voltage)}, then ${charge ? "恒压充电" : "恒压放电"}`);
  }

  private cutoffs(ends: readonly EndConditionIR[]): string[] {
    const out: string[] = [];
    for (const end of ends) {
      switch (end.kind) {
        case "time":
          out.push(`时间 Time ${timeText(end.seconds)}`);
          break;
        case "voltage":
          out.push(`电压 Voltage ${symbol(end.comparator)} ${voltageText(end.volts)}`);
          break;
        case "current":
          out.push(`电流 Current ${symbol(end.comparator)} ${currentText(end.amperes)}${relativeNote(end.resolved)}`);
          break;
        case "capacity":
          out.push(`容量 Capacity ≥ ${capacityText(end.coulombs)}${relativeNote(end.resolved)}`);
          break;
        case "temperature":
          this.error(REFUSED_CONSTRUCT, "land cannot end a step on the oven temperature", end.span, "end the step on time, voltage or current instead");
          break;
      }
    }
    return out;
  }

  private protectionText(limits: LimitsIR, span: Span): string {
    const parts: string[] = [];
    if (limits.voltage) {
      const { min, max } = limits.voltage;
      if (min !== null && max !== null) parts.push(`${voltageText(min)} ≤ U ≤ ${voltageText(max)}`);
      else if (min !== null) parts.push(`U ≥ ${voltageText(min)}`);
      else if (max !== null) parts.push(`U ≤ ${voltageText(max)}`);
    }
    if (limits.current) parts.push(`|I| ≤ ${currentText(limits.current.max)}`);
    if (limits.capacity) parts.push(`Q ≤ ${capacityText(limits.capacity.max)}`);
    if (limits.temperature || limits.power) {
      this.error(
        codes.LIMIT_NOT_EXPRESSIBLE,
        `a LAND sheet cannot guard a step by ${limits.temperature ? "temperature" : "power"}: LAND protection covers voltage, current and capacity`,
        span,
        "remove the limit and set the oven's own over-temperature protection by hand",
      );
    }
    return parts.join("; ");
  }

  private holdDirection(volts: number, span: Span): "charge" | "discharge" {
    const window = this.ir.cell?.window;
    const direction = this.lastDirection ?? (window && volts < (window.min + window.max) / 2 ? "discharge" : "charge");
    this.emulate(span, "constantVoltage", `voltage holds are written as ${direction === "charge" ? "恒压充电 (CV charge)" : "恒压放电 (CV discharge)"} rows, the direction of the current step before them`, `hold-${direction}`);
    return direction;
  }

  private emulate(span: Span, construct: Construct, message: string, key = message): void {
    if (!this.emulations.has(key)) this.emulations.set(key, { span, construct, message });
  }

  private error(code: string, message: string, span: Span, hint: string): void {
    const key = `${code}\u0000${message}`;
    if (this.diagnostics.some((d) => `${d.code}\u0000${d.message}` === key)) return;
    this.diagnostics.push({ code, severity: "error", message, span, hint, target: TARGET });
  }
}

/** How many numbered LAND rows an instruction takes. */
function rowsOf(instruction: Instruction): number {
  if (instruction.op === "loopEnd") return 1;
  if (instruction.op !== "step") return 0;
  const step = instruction.step;
  if (step.kind === "ccCv") return 2;
  if (step.kind === "pause") return 0;
  if (step.kind === "temperature") return step.settle.kind === "time" ? 1 : 0;
  return 1;
}

function stepRow(number: number, mode: LandMode, setpoint: string, cutoffs: string[], record: string, protection: string, notes: string[]): LandRow {
  return { kind: "step", number, mode, setpoint, cutoffs, record, protection, notes };
}

function operatorRow(text: string): LandRow {
  return { kind: "operator", number: null, mode: OPERATOR, setpoint: "", cutoffs: [], record: "", protection: "", notes: [text] };
}

function sectionRow(label: string): LandRow {
  return { kind: "section", number: null, mode: null, setpoint: "", cutoffs: [], record: "", protection: "", notes: [label] };
}

/** "147 µA (0.5C)": the value to key, and what it came from when it was relative. */
function currentSetpoint(current: Resolved): string {
  return `${currentText(current.si)}${relativeNote(current)}`;
}

function relativeNote(resolved: Resolved): string {
  return resolved.basis ? ` (${resolved.text.trim()})` : "";
}

function recordText(record: RecordIR): string {
  const parts: string[] = [];
  if (record.time !== undefined) parts.push(`Δt ${timeText(record.time)}`);
  if (record.voltage !== undefined) parts.push(`ΔV ${formatMillivolts(record.voltage)}`);
  if (record.current !== undefined) parts.push(`ΔI ${currentText(record.current)}`);
  return parts.join("; ");
}

function formatMillivolts(volts: number): string {
  return `${voltageText(volts * 1000).replace(/ V$/, "")} mV`;
}

function symbol(comparator: string): string {
  return comparator === ">" || comparator === ">=" ? "≥" : "≤";
}
