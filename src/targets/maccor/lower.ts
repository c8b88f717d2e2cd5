// IR → Maccor steps. The protocol is linearized once (loops stay loops: a Do step, the body, a
// Loop step), each instruction becomes zero or more Maccor steps whose jumps are symbolic ("the
// next step", "skip one", "the End step"), and the jumps become 3-digit step numbers once the
// layout is known. Safety limits become ends in every step that jump to the End step, as in the
// public procedures.

import { fileSpan, type Diagnostic, type Span } from "../../diagnostics/diagnostic.js";
import type {
  CcCvStepIR,
  EisStepIR,
  EndConditionIR,
  LimitsIR,
  LoopIR,
  ProtocolIR,
  RecordIR,
  Resolved,
  StepIR,
  TemperatureStepIR,
} from "../../ir/types.js";
import { formatQuantity } from "../../units/display.js";
import { formatDuration } from "../../units/duration.js";
import { formatNumber } from "../../units/format.js";
import { REFUSED_CONSTRUCT } from "../common/capabilities.js";
import { linearize, loopDepth, type Instruction } from "../common/linearize.js";
import type { Construct, Emulation } from "../target.js";
import * as codes from "./codes.js";
import {
  ADVANCE_CYCLE_IN_INNERMOST_LOOPS,
  END,
  MAX_STEPS,
  MEASURING_OPTION,
  MEASURING_RANGE,
  MODE,
  REPORT,
  STEP,
  doStep,
  formatCMultiple,
  formatTime,
  formatValue,
  loopCountField,
  loopStep,
  type MaccorOper,
} from "./conventions.js";
import { fraFile, fraName } from "./fra.js";
import type { MaccorEnd, MaccorLimit, MaccorProcedure, MaccorReport, MaccorSideFile, MaccorStep } from "./model.js";

const TARGET = "maccor";

/** Where an end jumps before step numbers exist. */
type Goto = "next" | "end" | { skip: number };

interface DraftEnd extends Omit<MaccorEnd, "goto"> {
  target: Goto;
  /** For safety ends: which protocol limit it stands for ("voltage.max"…), to mark the channel
   * safety ends of the first step. */
  limit?: string;
}

interface DraftStep extends Omit<MaccorStep, "ends"> {
  ends: DraftEnd[];
}

export interface LowerResult {
  procedure: MaccorProcedure | null;
  sideFiles: MaccorSideFile[];
  diagnostics: Diagnostic[];
  emulations: Emulation[];
}

export function lowerToMaccor(ir: ProtocolIR, baseName: string): LowerResult {
  return new Lowering(ir, baseName).run();
}

class Lowering {
  private readonly drafts: DraftStep[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly emulations = new Map<string, Emulation>();
  private readonly sideFiles = new Map<string, MaccorSideFile>();
  private lastDirection: "charge" | "discharge" | null = null;
  /** A section label waiting for the Do step of the loop it holds. */
  private pendingLoopNote: string | null = null;
  private readonly capacityKnown: boolean;

  constructor(
    private readonly ir: ProtocolIR,
    private readonly baseName: string,
  ) {
    this.capacityKnown = (ir.cell?.nominalCapacity ?? null) !== null;
  }

  run(): LowerResult {
    for (const instruction of linearize(this.ir)) this.instruction(instruction);
    const endNumber = this.drafts.length + 1;
    if (endNumber > MAX_STEPS) {
      this.error(
        codes.TOO_MANY_STEPS,
        `the procedure needs ${endNumber} Maccor steps; jump targets have 3 digits, so a procedure holds at most ${MAX_STEPS}`,
        this.ir.body[0]?.span ?? fileSpan(this.ir.source),
        "write repeated blocks as loops (repeat N) or split the protocol into two procedures",
      );
    }
    this.markChannelSafety();
    const steps = this.drafts.map((draft, index) => resolve(draft, index + 1, endNumber));
    steps.push(resolve(controlStep(STEP.end), endNumber, endNumber));
    const failed = this.diagnostics.some((d) => d.severity === "error");
    return {
      procedure: failed ? null : { hasHeader: true, description: "", hasSteps: true, steps },
      sideFiles: [...this.sideFiles.values()],
      diagnostics: this.diagnostics,
      emulations: [...this.emulations.values()],
    };
  }

  private instruction(instruction: Instruction): void {
    switch (instruction.op) {
      case "loopBegin": {
        // A Loop step checks its count after a pass, so a loop of no passes would still run once.
        if (instruction.loop.count < 1) this.error(REFUSED_CONSTRUCT, "maccor cannot express a loop of no passes (its body would run once)", instruction.loop.span, "remove the loop");
        const step = controlStep(doStep(instruction.depth));
        step.note = this.pendingLoopNote ?? "";
        this.pendingLoopNote = null;
        this.drafts.push(step);
        return;
      }
      case "loopEnd":
        this.loopEnd(instruction.loop, instruction.depth);
        return;
      case "groupBegin": {
        // A section around exactly one loop: its title is the Do step's note (and comes back as
        // a section when the file is imported).
        const group = instruction.group;
        const only = group.body.length === 1 ? group.body[0] : undefined;
        this.pendingLoopNote = group.origin === "section" && only?.kind === "loop" ? group.label : null;
        return;
      }
      case "groupEnd":
        return;
      case "step":
        this.pendingLoopNote = null;
        this.step(instruction.step);
        return;
      case "actionBegin":
      case "actionEnd":
      case "stop": {
        const span = instruction.op === "actionBegin" || instruction.op === "actionEnd" ? instruction.action.span : instruction.stop.span;
        this.error(REFUSED_CONSTRUCT, "maccor cannot express steps at given cycles or a stop guard", span, "restructure the protocol without them");
        return;
      }
    }
  }

  private loopEnd(loop: LoopIR, level: number): void {
    if (ADVANCE_CYCLE_IN_INNERMOST_LOOPS && loopDepth(loop.body) === 0) this.drafts.push(controlStep(STEP.advanceCycle));
    const step = controlStep(loopStep(level));
    step.ends = [{ type: END.loopCount, oper: "=", target: "next", value: loopCountField(loop.count), channelSafety: false }];
    this.drafts.push(step);
  }

  // -------------------------------------------------------------------------------------------
  // Steps

  private step(step: StepIR): void {
    switch (step.kind) {
      case "rest":
      case "ocv":
        if (step.kind === "ocv") this.emulate(step.span, "ocv", "open-circuit step written as a Rest step (the Maccor logs the cell voltage while resting)");
        this.measuring(step, STEP.rest, "", "", [], step.ends);
        return;
      case "constantCurrent":
        this.lastDirection = step.direction;
        this.measuring(step, directionStep(step.direction), MODE.current, this.current(step.current, step.span), [], step.ends);
        return;
      case "constantPower":
        this.lastDirection = step.direction;
        this.measuring(step, directionStep(step.direction), MODE.power, formatValue(step.power.si), [], step.ends);
        return;
      case "constantVoltage": {
        if (step.voltage.reference !== "absolute") {
          this.error(REFUSED_CONSTRUCT, "maccor cannot hold a voltage relative to open circuit", step.span, "give an absolute voltage");
          return;
        }
        const direction = this.holdDirection(step.voltage.volts, step.span);
        this.measuring(step, directionStep(direction), MODE.voltage, formatValue(step.voltage.volts), [], step.ends);
        return;
      }
      case "ccCv":
        this.lastDirection = step.direction;
        this.ccCv(step);
        return;
      case "eis":
        this.eis(step);
        return;
      case "temperature":
        this.temperature(step);
        return;
      case "pause": {
        const pause = controlStep(STEP.pause);
        pause.note = step.label ? `${step.label}: ${step.message}` : step.message;
        this.drafts.push(pause);
        return;
      }
      case "linearSweep":
      case "cyclicVoltammetry":
        this.error(REFUSED_CONSTRUCT, `maccor cannot run ${step.kind === "linearSweep" ? "a linear sweep" : "cyclic voltammetry"}`, step.span, "compile with --plan --cycler maccor --potentiostat <name>");
        return;
    }
  }

  /** A charge, discharge or rest step with its own ends (to the next step), the safety ends, and
   * the reports of its record rule. */
  private measuring(step: StepIR, type: string, mode: string, value: string, limits: MaccorLimit[], ends: readonly EndConditionIR[], endTarget: Goto = "next"): DraftStep {
    const draft: DraftStep = {
      type,
      mode,
      value,
      limits,
      ends: [...this.ends(ends, endTarget, step.span), ...this.safetyEnds(step)],
      reports: this.reports(step.record, step.span),
      range: MEASURING_RANGE,
      options: [MEASURING_OPTION, MEASURING_OPTION, MEASURING_OPTION],
      note: step.label ?? "",
    };
    this.drafts.push(draft);
    return draft;
  }

  private ccCv(step: CcCvStepIR): void {
    const type = directionStep(step.direction);
    const current = this.current(step.current, step.span);
    const voltage = formatValue(step.voltage);
    if (step.ccEnds.length === 0 && step.cvEnds.every((end) => end.kind === "current")) {
      // Maccor's own CCCV: a current step with a voltage clamp, ending on the taper current.
      this.measuring(step, type, MODE.current, current, [{ name: "Voltage", value: voltage }], step.cvEnds);
      return;
    }
    // A hold time counts from the start of the hold, and a CC guard skips the hold: neither fits
    // one Maccor step (its StepTime counts from the step's start), so the step is written as two.
    const cc = this.measuring(step, type, MODE.current, current, [], step.ccEnds, { skip: 1 });
    const reach: DraftEnd = { type: END.voltage, oper: step.direction === "charge" ? ">=" : "<=", target: "next", value: voltage, channelSafety: false };
    cc.ends.unshift(reach);
    const hold = this.measuring(step, type, MODE.voltage, voltage, [], step.cvEnds);
    hold.note = "";
    this.emulate(step.span, "ccCv", `CC-CV written as two Maccor steps: constant current to ${formatQuantity(step.voltage, "voltage")}, then a voltage hold (a Maccor step time counts from the start of the step)`);
  }

  private eis(step: EisStepIR): void {
    if (step.mode !== "potentiostatic") {
      this.error(REFUSED_CONSTRUCT, "maccor's FRA set-up for galvanostatic impedance is not verified", step.span, "use potentiostatic EIS, or run it on a potentiostat with --plan");
      return;
    }
    if (step.bias.reference !== "ocv") {
      this.error(
        codes.EIS_BIAS_NOT_SUPPORTED,
        "an impedance step at a set DC bias cannot be written: how the .FRA file states a bias (Potential, PotentialVs) is not verified",
        step.span,
        "measure at open circuit (leave out the bias), or run the impedance on a potentiostat with --plan",
      );
      return;
    }
    const name = fraName(this.baseName, this.sideFiles.size + 1);
    const file = fraFile(step);
    const same = [...this.sideFiles.values()].find((f) => f.text === file);
    const used = same ?? { name, extension: "FRA" as const, text: file };
    if (!same) this.sideFiles.set(used.name, used);
    const fra = controlStep(STEP.fra);
    fra.value = used.name;
    fra.note = step.label ?? "";
    this.drafts.push(fra);
    this.emulate(step.span, "eis", `impedance written as an FRA step with its settings in ${used.name}.FRA (potentiostatic at open circuit)`);
  }

  private temperature(step: TemperatureStepIR): void {
    const setpoint = formatQuantity(step.setpoint, "temperature");
    const pause = controlStep(STEP.pause);
    pause.note =
      step.settle.kind === "time"
        ? `Set the chamber to ${setpoint}, then resume: the next step rests ${formatDuration(step.settle.seconds)} while the cell settles`
        : step.settle.kind === "stable"
          ? `Set the chamber to ${setpoint} and resume when the cell is at that temperature`
          : `Set the chamber to ${setpoint}, then resume`;
    this.drafts.push(pause);
    if (step.settle.kind === "time") {
      const rest = this.measuring(step, STEP.rest, "", "", [], [{ kind: "time", seconds: step.settle.seconds, span: step.span }]);
      rest.note = "";
    }
    this.emulate(
      step.span,
      "temperature",
      `temperature ${setpoint}: the procedure pauses for the operator to set the chamber${step.settle.kind === "time" ? `, then rests ${formatDuration(step.settle.seconds)}` : ""} (Maccor chamber control is not verified)`,
    );
  }

  /** Maccor voltage steps are Charge or Dischrge steps: the hold follows the last current step's
   * direction, or, before any, the side of the cell's window the voltage lies on. */
  private holdDirection(volts: number, span: Span): "charge" | "discharge" {
    const window = this.ir.cell?.window;
    const direction = this.lastDirection ?? (window && volts < (window.min + window.max) / 2 ? "discharge" : "charge");
    this.emulate(
      span,
      "constantVoltage",
      `voltage holds are written as ${directionStep(direction) === STEP.charge ? "Charge" : "Dischrge"} steps in voltage mode (a Maccor voltage step carries a direction: the one of the current step before it)`,
      `hold-${direction}`,
    );
    return direction;
  }

  // -------------------------------------------------------------------------------------------
  // Values, ends, reports and safety

  private current(resolved: Resolved, span: Span): string {
    return this.relativeOr(resolved, resolved.si, span);
  }

  /** The value in Maccor's C form when it must stay relative (said once per step), else `plain`
   * (amperes or ampere-hours). */
  private relativeOr(resolved: Resolved, plain: number, span: Span): string {
    const multiple = this.cMultiple(resolved);
    if (multiple === null) return formatValue(plain);
    this.emulate(span, "cRate", `values relative to the cell capacity are kept in Maccor's C form (${resolved.text} -> ${formatCMultiple(multiple)}): the protocol has no cell capacity, so enter it on the Maccor when the test starts`, `c-form-${span.file}-${span.start.offset}`);
    return formatCMultiple(multiple);
  }

  /** A relative value the IR could not resolve (an imported procedure without a cell) stays a
   * multiple of C; everything else is written in amperes or ampere-hours. */
  private cMultiple(resolved: Resolved): number | null {
    if (this.capacityKnown || resolved.relative === undefined) return null;
    if (resolved.basis === "c-rate") return resolved.relative;
    if (resolved.basis === "percent-of-nominal") return resolved.relative / 100;
    return null;
  }

  private ends(ends: readonly EndConditionIR[], target: Goto, stepSpan: Span): DraftEnd[] {
    const out: DraftEnd[] = [];
    for (const end of ends) {
      const drafted = this.end(end, target, stepSpan);
      if (drafted) out.push(drafted);
    }
    return out;
  }

  private end(end: EndConditionIR, target: Goto, stepSpan: Span): DraftEnd | null {
    const make = (type: string, oper: MaccorOper, value: string): DraftEnd => ({ type, oper, target, value, channelSafety: false });
    switch (end.kind) {
      case "time": {
        const time = this.time(end.seconds, end.span, "an end time");
        return time === null ? null : make(END.time, "=", time);
      }
      case "voltage":
        return make(END.voltage, upward(end.comparator) ? ">=" : "<=", formatValue(end.volts));
      case "current":
        return make(END.current, upward(end.comparator) ? ">=" : "<=", this.relativeOr(end.resolved, end.amperes, stepSpan));
      case "capacity":
        return make(END.capacity, ">=", this.relativeOr(end.resolved, end.coulombs / 3600, stepSpan));
      case "temperature":
        this.error(REFUSED_CONSTRUCT, "maccor cannot end a step on the chamber temperature (thermocouple ends are not verified)", end.span, "end the step on time, voltage or current instead");
        return null;
    }
  }

  private time(seconds: number, span: Span, what: string): string | null {
    const text = formatTime(seconds);
    if (text === null) {
      this.error(
        codes.TIME_NOT_REPRESENTABLE,
        `${what} of ${formatNumber(seconds)} s is not a whole number of Maccor's 10 ms time steps`,
        span,
        "round the time to 10 ms",
      );
    }
    return text;
  }

  private reports(record: RecordIR, span: Span): MaccorReport[] {
    const reports: MaccorReport[] = [];
    if (record.time !== undefined) {
      const time = this.time(record.time, span, "the recording interval");
      if (time !== null) reports.push({ type: REPORT.time, value: time });
    }
    if (record.voltage !== undefined) reports.push({ type: REPORT.voltage, value: formatValue(record.voltage) });
    if (record.current !== undefined) reports.push({ type: REPORT.current, value: formatValue(record.current) });
    return reports;
  }

  private safetyEnds(step: StepIR): DraftEnd[] {
    const limits: LimitsIR = step.limits;
    const out: DraftEnd[] = [];
    const safety = (type: string, oper: MaccorOper, value: number, limit: string): void => {
      out.push({ type, oper, target: "end", value: formatValue(value), channelSafety: false, limit: `${limit}=${value}` });
    };
    if (limits.voltage?.max !== undefined && limits.voltage.max !== null) safety(END.voltage, ">=", limits.voltage.max, "voltage.max");
    if (limits.voltage?.min !== undefined && limits.voltage.min !== null) safety(END.voltage, "<=", limits.voltage.min, "voltage.min");
    if (limits.current) safety(END.current, ">=", limits.current.max, "current.max");
    if (limits.capacity) safety(END.capacity, ">=", limits.capacity.max / 3600, "capacity.max");
    if (limits.temperature || limits.power) {
      this.error(
        codes.LIMIT_NOT_EXPRESSIBLE,
        `maccor cannot guard a step by ${limits.temperature ? "temperature" : "power"}: only voltage, current and capacity safety ends are verified`,
        step.span,
        "remove the limit and set the chamber's or channel's own protection by hand",
      );
    }
    return out;
  }

  /** The first step with safety ends marks the protocol's own limits as channel safety ends
   * (<ChanSafetyEnd>True</ChanSafetyEnd>), as every public procedure does in its first step. */
  private markChannelSafety(): void {
    const limits = this.ir.limits;
    const keys = new Set<string>();
    if (limits.voltage?.max !== undefined && limits.voltage.max !== null) keys.add(`voltage.max=${limits.voltage.max}`);
    if (limits.voltage?.min !== undefined && limits.voltage.min !== null) keys.add(`voltage.min=${limits.voltage.min}`);
    if (limits.current) keys.add(`current.max=${limits.current.max}`);
    if (limits.capacity) keys.add(`capacity.max=${limits.capacity.max / 3600}`);
    const first = this.drafts.find((draft) => draft.ends.some((end) => end.limit !== undefined));
    for (const end of first?.ends ?? []) if (end.limit !== undefined && keys.has(end.limit)) end.channelSafety = true;
  }

  private emulate(span: Span | null, construct: Construct, message: string, key = message): void {
    if (this.emulations.has(key) || span === null) return;
    this.emulations.set(key, { span, construct, message });
  }

  private error(code: string, message: string, span: Span, hint: string): void {
    this.diagnostics.push({ code, severity: "error", message, span, hint, target: TARGET });
  }
}

function directionStep(direction: "charge" | "discharge"): string {
  return direction === "charge" ? STEP.charge : STEP.discharge;
}

function upward(comparator: string): boolean {
  return comparator === ">" || comparator === ">=";
}

/** A step that measures nothing (Do, Loop, End, Pause, FRA, AdvCycle): empty range and options. */
function controlStep(type: string): DraftStep {
  return { type, mode: "", value: "", limits: [], ends: [], reports: [], range: "", options: ["", "", ""], note: "" };
}

function resolve(draft: DraftStep, number: number, endNumber: number): MaccorStep {
  const ends: MaccorEnd[] = draft.ends.map(({ target, limit: _limit, ...end }) => ({
    ...end,
    goto: target === "next" ? number + 1 : target === "end" ? endNumber : number + 1 + target.skip,
  }));
  return { ...draft, ends };
}
