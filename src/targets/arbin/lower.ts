// IR → Arbin MITS 7 steps. The protocol tree is walked as a flat list (linearize). A loop at
// nesting level n (1–4) becomes:
//   Set Variable(s)  reset TC_Countern                        ("Loop start")
//   … the body …
//   [Set Variable(s) check: until-condition → the step after the loop]    (repeat … until)
//   Set Variable(s)  advance TC_Countern; TC_Countern < N → first body step; = N → Next Step
// The innermost loop's end step also resets the capacities and advances the cycle index, so
// the data counts one cycle per pass (what the real schedule's "Loop" step does). A `stop if` is
// a check step that goes to End Test. Steps carry their ends as limits, their record rule as
// logging limits, and limits tighter than the schedule's safety as limits that go to Unsafe.

import { fileSpan, type Diagnostic, type Span } from "../../diagnostics/diagnostic.js";
import type {
  ComparatorIR,
  EndConditionIR,
  LimitsIR,
  LoopConditionIR,
  LoopIR,
  ProtocolIR,
  Resolved,
  StepIR,
} from "../../ir/types.js";
import { walkNodes } from "../../ir/types.js";
import { stepsOf } from "../common/constructs.js";
import { linearize } from "../common/linearize.js";
import { withPlainSpellings, unencodableCharacters } from "../common/text.js";
import type { Emulation } from "../target.js";
import * as codes from "./codes.js";
import {
  ADVANCE_CYCLE,
  advanceCounterBit,
  COULOMBS_PER_AH,
  counterVariable,
  CTRL,
  currentRangeFor,
  END_TEST,
  ENCODING,
  formatValue,
  NEXT_STEP,
  RESERVED_GOTOS,
  RESET_CAPACITIES,
  resetCounterBit,
  signedCurrent,
  UNSAFE,
  VARIABLE,
  VOLTAGE_RANGE,
} from "./conventions.js";
import type { ArbinEquation, ArbinLimit, ArbinSafety, ArbinSchedule, ArbinStep } from "./model.js";
import { chamberAtStart } from "../common/chamber-at-start.js";
import { holdDirections, lowerCcCv } from "../common/cycler-steps.js";
import { sameLimits } from "../common/limits.js";

const TARGET = "arbin";
/** A MITS CCCV step: step time, capacity and voltage limits bound the whole step, and
 * PV_CHAN_CV_StageTime times the CV stage on its own. */
const ARBIN_CCCV = { guards: ["time", "capacity", "voltage"], cvTime: true } as const;
const ARBIN_CHAMBER = { schedule: "a MITS 7 schedule", notAtStart: codes.TEMPERATURE_NOT_AT_START, untimed: codes.TEMPERATURE_UNTIMED };
type Direction = "charge" | "discharge";

export interface LoweredSchedule {
  schedule: ArbinSchedule | null;
  diagnostics: Diagnostic[];
  emulations: Emulation[];
}

export function lowerToArbin(ir: ProtocolIR): LoweredSchedule {
  return new ArbinLowering(ir).run();
}

interface OpenLoop {
  loop: LoopIR;
  level: number;
  /** Index of the first row of a pass (the jump target), once known. */
  firstRow: number | null;
  skipped: boolean;
}

class ArbinLowering {
  private readonly rows: ArbinStep[] = [];
  private readonly labels = new Set<string>();
  private readonly diagnostics: Diagnostic[] = [];
  private readonly emulations: Emulation[] = [];
  private readonly holdDirection: Map<StepIR, Direction>;
  private readonly open: OpenLoop[] = [];
  /** Limits that jump to "the step after this loop", filled in when that step exists. */
  private exits: Array<{ limit: ArbinLimit; afterRow: number }> = [];
  private shortestLog = Infinity;

  constructor(private readonly ir: ProtocolIR) {
    this.holdDirection = holdDirections(ir.body);
  }

  run(): LoweredSchedule {
    for (const instruction of linearize(this.ir)) {
      switch (instruction.op) {
        case "loopBegin":
          this.beginLoop(instruction.loop);
          break;
        case "loopEnd":
          this.endLoop();
          break;
        case "step":
          this.lowerStep(instruction.step, instruction.depth);
          break;
        case "stop": {
          const equation = this.condition(instruction.stop.condition);
          if (equation) this.checkRow(`Stop check`, instruction.stop.span, { equation, goto: END_TEST });
          break;
        }
        default:
          // Groups carry no meaning; cycle actions are refused by the capability table.
          break;
      }
    }
    for (const exit of this.exits) exit.limit.goto = END_TEST; // loops that end the schedule
    const failed = this.diagnostics.some((d) => d.severity === "error");
    const schedule: ArbinSchedule = {
      comments: "",
      creator: this.text(this.ir.metadata.authors.join("; "), fileSpan(this.ir.source), "the authors"),
      safety: this.safety(this.ir.limits),
      steps: this.rows,
      ...(Number.isFinite(this.shortestLog) ? { minDtSeconds: Math.min(5, this.shortestLog) } : {}),
    };
    return { schedule: failed ? null : schedule, diagnostics: this.diagnostics, emulations: this.emulations };
  }

  // -------------------------------------------------------------------------------------------
  // Loops, checks and stops

  private beginLoop(loop: LoopIR): void {
    const level = this.open.length + 1;
    const skipped = stepsOf(loop.body).length === 0 || this.open.some((o) => o.skipped);
    // The start row runs once per entry into the loop, so it is pushed before the loop opens
    // (it is not the first row of a pass; a nested loop's start row is, for the outer loop).
    if (!skipped) {
      this.pushRow(`Loop ${level} start`, loop.span, {
        ctrlType: CTRL.setVariables,
        ctrlValue: String(resetCounterBit(level)),
        extCtrlValue1: "0",
        extCtrlValue2: "0",
        limits: [this.passOn(loop.span)],
      });
    }
    this.open.push({ loop, level, firstRow: null, skipped });
  }

  private endLoop(): void {
    const open = this.open.pop();
    if (!open || open.skipped || open.firstRow === null) return;
    const { loop, level } = open;
    if (loop.until) {
      const equation = this.condition(loop.until);
      if (equation) {
        const limit = this.checkRow("Until check", loop.until.span, { equation, goto: NEXT_STEP });
        this.exits.push({ limit, afterRow: -1 });
      }
    }
    const innermost = ![...walkNodes(loop.body)].some((node) => node.kind === "loop");
    const counter = counterVariable(level);
    const end = this.pushRow(`Loop ${level} end`, loop.span, {
      ctrlType: CTRL.setVariables,
      ctrlValue: String(innermost ? RESET_CAPACITIES : 0),
      extCtrlValue1: String((innermost ? ADVANCE_CYCLE : 0) + advanceCounterBit(level)),
      extCtrlValue2: "0",
      limits: [
        limit(loop.span, { left: counter, compare: "<", right: String(loop.count) }, this.rows[open.firstRow]!.label, true),
        limit(loop.span, { left: counter, compare: "=", right: String(loop.count) }, NEXT_STEP, true),
      ],
    });
    // The until check of this loop leaves to the step after the end step.
    for (const exit of this.exits) if (exit.afterRow === -1) exit.afterRow = end;
  }

  /** A Set Variable(s) step that changes nothing and only checks `check`: its first limit
   * fires at once when the condition holds, the second moves on after the instant. */
  private checkRow(word: string, span: Span, check: { equation: ArbinEquation; goto: string }): ArbinLimit {
    const first = limit(span, check.equation, check.goto, true);
    this.pushRow(word, span, {
      ctrlType: CTRL.setVariables,
      ctrlValue: "0",
      extCtrlValue1: "0",
      extCtrlValue2: "0",
      limits: [first, this.passOn(span)],
    });
    return first;
  }

  /** `repeat … until` and `stop if` conditions as an equation on the cycle's totals, which the
   * loop end step resets each pass. */
  private condition(condition: LoopConditionIR): ArbinEquation | null {
    const refuse = (why: string): null => {
      this.error(codes.CONDITION_NOT_EXPRESSIBLE, `Arbin cannot check "${condition.text}": ${why}`, condition.span, {
        hint: "compare with a fixed value (`discharge capacity < 0.2 mAh`), or choose another target",
      });
      return null;
    };
    if (condition.value === null) return refuse("a fraction of an earlier cycle would need MITS formulas, which are not verified");
    switch (condition.subject) {
      case "chargeCapacity":
        return { left: VARIABLE.chargeCapacity, compare: condition.comparator, right: formatValue(condition.value / COULOMBS_PER_AH) };
      case "dischargeCapacity":
        return { left: VARIABLE.dischargeCapacity, compare: condition.comparator, right: formatValue(condition.value / COULOMBS_PER_AH) };
      case "endVoltage":
        return { left: VARIABLE.voltage, compare: condition.comparator, right: formatValue(condition.value) };
      case "coulombicEfficiency":
        return refuse("coulombic efficiency would need MITS formulas, which are not verified");
    }
  }

  // -------------------------------------------------------------------------------------------
  // Steps

  private lowerStep(step: StepIR, depth: number): void {
    switch (step.kind) {
      case "rest":
      case "ocv":
        this.stepRow(step, { ctrlType: CTRL.rest, ctrlValue: "", extCtrlValue1: "", extCtrlValue2: "" }, null, step.ends, null);
        return;
      case "constantCurrent": {
        const control = this.currentControl(step.current, step.direction, step.span);
        if (control) this.stepRow(step, control, step.direction, step.ends, step.current.si);
        return;
      }
      case "ccCv":
        this.ccCv(step);
        return;
      case "constantVoltage":
        if (step.voltage.reference !== "absolute") return; // refused by the table
        this.stepRow(
          step,
          { ctrlType: CTRL.voltage, ctrlValue: formatValue(step.voltage.volts), extCtrlValue1: "", extCtrlValue2: "" },
          this.holdDirection.get(step) ?? "charge",
          step.ends,
          step.limits.current?.max ?? null,
        );
        return;
      case "temperature":
        this.temperature(step, depth);
        return;
      default:
        // eis, sweeps, voltammetry, power, pause: refused by the capability table.
        return;
    }
  }

  private ccCv(step: Extract<StepIR, { kind: "ccCv" }>): void {
    const lowered = lowerCcCv(step, ARBIN_CCCV);
    if (lowered.kind === "split") {
      this.emulate(step.span, "ccCv", lowered.note);
      const control = this.currentControl(lowered.cc.current, step.direction, step.span);
      if (!control) return;
      this.stepRow(lowered.cc, control, step.direction, lowered.cc.ends, step.current.si);
      this.stepRow(
        lowered.cv,
        { ctrlType: CTRL.voltage, ctrlValue: formatValue(step.voltage), extCtrlValue1: "", extCtrlValue2: "" },
        step.direction,
        lowered.cv.ends,
        step.current.si,
      );
      return;
    }
    if (lowered.note) this.emulate(step.span, "ccCv", lowered.note);
    if (!this.known(step.current, step.span)) return;
    const ends: EndConditionIR[] = [];
    if (lowered.taper) ends.push(lowered.taper);
    ends.push(...lowered.guards);
    const cvTime: ArbinLimit[] =
      lowered.cvTime === null ? [] : [limit(step.span, { left: VARIABLE.cvStageTime, compare: ">=", right: formatValue(lowered.cvTime) }, NEXT_STEP, true)];
    this.stepRow(
      step,
      {
        ctrlType: CTRL.ccCv,
        ctrlValue: formatValue(signedCurrent(step.current.si, step.direction)),
        extCtrlValue1: formatValue(step.voltage),
        extCtrlValue2: "0",
      },
      step.direction,
      ends,
      step.current.si,
      VARIABLE.cvStageCurrent,
      cvTime,
    );
  }

  private temperature(step: Extract<StepIR, { kind: "temperature" }>, depth: number): void {
    const chamber = chamberAtStart(step, depth === 0 && this.rows.length === 0, ARBIN_CHAMBER);
    if (chamber.kind === "refused") {
      this.error(chamber.code, chamber.message, step.span, { hint: chamber.hint });
      return;
    }
    this.emulate(step.span, "temperature", chamber.emulation);
    if (chamber.settleSeconds !== null && chamber.settleSeconds > 0) {
      const ends: EndConditionIR[] = [{ kind: "time", seconds: chamber.settleSeconds, span: step.span }];
      this.stepRow(step, { ctrlType: CTRL.rest, ctrlValue: "", extCtrlValue1: "", extCtrlValue2: "" }, null, ends, null);
    }
  }

  /** Current(A) with the signed current; a C-rate whose current is not known (a schedule read
   * from a MITS C-Rate step, which takes the capacity from the test setup) stays a C-Rate step. */
  private currentControl(current: Resolved, direction: Direction, span: Span): Pick<ArbinStep, "ctrlType" | "ctrlValue" | "extCtrlValue1" | "extCtrlValue2"> | null {
    if (current.si > 0 || current.basis !== "c-rate" || current.relative === undefined) {
      return { ctrlType: CTRL.current, ctrlValue: formatValue(signedCurrent(current.si, direction)), extCtrlValue1: "", extCtrlValue2: "" };
    }
    this.emulate(span, "cRate", `${current.text} written as a MITS C-Rate step: set the cell's nominal capacity in the MITS test setup`);
    return { ctrlType: CTRL.cRate, ctrlValue: formatValue(signedCurrent(current.relative, direction)), extCtrlValue1: "", extCtrlValue2: "0" };
  }

  private known(current: Resolved, span: Span): boolean {
    if (current.si > 0 || current.basis !== "c-rate") return true;
    this.error(codes.CURRENT_UNKNOWN, `${current.text} has no known current in amperes here: the cell's capacity is not known`, span, {
      hint: "give the protocol a cell with its capacity (`use cell …`), or write the current in A or mA",
    });
    return false;
  }

  /** Adds the row of an instrument step: its ends, per-step safety and logging as limits, and
   * a capacity reset before it when it ends on capacity. */
  private stepRow(
    step: StepIR,
    control: Pick<ArbinStep, "ctrlType" | "ctrlValue" | "extCtrlValue1" | "extCtrlValue2">,
    direction: Direction | null,
    ends: readonly EndConditionIR[],
    amperes: number | null,
    taperVariable: string = VARIABLE.current,
    extraEnds: readonly ArbinLimit[] = [],
  ): void {
    const limits: ArbinLimit[] = [];
    let resetBefore: Span | null = null;
    for (const end of ends) {
      const equation = this.endEquation(step, end, direction, taperVariable);
      if (!equation) continue;
      if (end.kind === "capacity") resetBefore = end.span;
      limits.push(limit(end.span, equation, NEXT_STEP, true));
    }
    limits.push(...extraEnds);
    limits.push(...this.stepSafety(step));
    limits.push(...this.logging(step));
    if (resetBefore) {
      this.emulate(resetBefore, "capacityEnd", "the capacities are reset (Set Variable(s) 15) just before this step, because MITS counts capacity per cycle, not per step");
      this.pushRow("Capacity reset", step.span, {
        ctrlType: CTRL.setVariables,
        ctrlValue: String(RESET_CAPACITIES),
        extCtrlValue1: "0",
        extCtrlValue2: "0",
        limits: [this.passOn(step.span)],
      });
    }
    this.pushRow(step.label, step.span, { ...control, currentRange: currentRangeFor(amperes), limits });
  }

  private endEquation(step: StepIR, end: EndConditionIR, direction: Direction | null, taperVariable: string): ArbinEquation | null {
    switch (end.kind) {
      case "time":
        return { left: VARIABLE.stepTime, compare: ">=", right: formatValue(end.seconds) };
      case "voltage":
        return { left: VARIABLE.voltage, compare: end.comparator, right: formatValue(end.volts) };
      case "current": {
        if (!direction) return this.refuseEnd(step, end, "a rest has no current to compare");
        if (!this.known(end.resolved, end.span)) return null;
        const charge = direction === "charge";
        return {
          left: taperVariable,
          compare: charge ? end.comparator : flip(end.comparator),
          right: formatValue(signedCurrent(end.amperes, direction)),
        };
      }
      case "capacity":
        if (!direction) return this.refuseEnd(step, end, "a rest passes no charge");
        return {
          left: direction === "charge" ? VARIABLE.chargeCapacity : VARIABLE.dischargeCapacity,
          compare: ">=",
          right: formatValue(end.coulombs / COULOMBS_PER_AH),
        };
      case "temperature":
        return this.refuseEnd(step, end, "temperature ends are not supported"); // refused by the table
    }
  }

  private refuseEnd(step: StepIR, end: EndConditionIR, why: string): null {
    this.error(codes.END_NOT_EXPRESSIBLE, `Arbin cannot end this step on ${end.kind}: ${why}`, end.span ?? step.span, {
      hint: "end the step on time or voltage",
    });
    return null;
  }

  /** Limits tighter than the schedule's safety scopes, as limits that go to Unsafe. */
  private stepSafety(step: StepIR): ArbinLimit[] {
    if (sameLimits(step.limits, this.ir.limits)) return [];
    const out: ArbinLimit[] = [];
    const voltage = step.limits.voltage;
    if (voltage?.max != null) out.push(limit(step.span, { left: VARIABLE.voltage, compare: ">", right: formatValue(voltage.max) }, UNSAFE, true));
    if (voltage?.min != null) out.push(limit(step.span, { left: VARIABLE.voltage, compare: "<", right: formatValue(voltage.min) }, UNSAFE, true));
    const current = step.limits.current;
    if (current) {
      out.push(limit(step.span, { left: VARIABLE.current, compare: ">", right: formatValue(current.max) }, UNSAFE, true));
      out.push(limit(step.span, { left: VARIABLE.current, compare: "<", right: formatValue(-current.max) }, UNSAFE, true));
    }
    for (const kind of ["temperature", "power", "capacity"] as const) {
      if (step.limits[kind] && JSON.stringify(step.limits[kind]) !== JSON.stringify(this.ir.limits[kind])) {
        this.limitRefused(`a ${kind} limit on one step`, step.span);
      }
    }
    return out;
  }

  private logging(step: StepIR): ArbinLimit[] {
    const out: ArbinLimit[] = [];
    const log = (left: string, value: number | undefined): void => {
      if (value === undefined || value <= 0) return;
      out.push({ stepLimit: false, logLimit: true, goto: NEXT_STEP, equations: [{ left, compare: ">", right: formatValue(value) }], span: step.span });
    };
    log(VARIABLE.logTime, step.record.time);
    log(VARIABLE.logVoltage, step.record.voltage);
    log(VARIABLE.logCurrent, step.record.current);
    if (step.record.time !== undefined && step.record.time > 0) this.shortestLog = Math.min(this.shortestLog, step.record.time);
    return out;
  }

  private safety(limits: LimitsIR): ArbinSafety {
    const out: ArbinSafety = {};
    if (limits.voltage) out.voltage = [limits.voltage.min ?? -100, limits.voltage.max ?? 100];
    if (limits.current) out.current = [-limits.current.max, limits.current.max];
    if (limits.power) out.power = [-limits.power.max, limits.power.max];
    if (limits.temperature) {
      out.temperature = [limits.temperature.min === null ? -100 : limits.temperature.min - 273.15, limits.temperature.max === null ? 100 : limits.temperature.max - 273.15];
    }
    if (limits.capacity) this.limitRefused("a capacity limit", this.ir.body[0]?.span ?? fileSpan(this.ir.source));
    return out;
  }

  private readonly refusedLimits = new Set<string>();

  private limitRefused(what: string, span: Span): void {
    if (this.refusedLimits.has(what)) return;
    this.refusedLimits.add(what);
    this.error(codes.LIMIT_NOT_EXPRESSIBLE, `a MITS 7 schedule cannot hold ${what}`, span, {
      hint: "set it as a safety limit for the whole protocol where MITS has one (voltage, current, power, temperature), or remove it",
    });
  }

  // -------------------------------------------------------------------------------------------
  // Rows and labels

  /** A limit that moves on to the next step at once (for control steps). */
  private passOn(span: Span): ArbinLimit {
    return { stepLimit: true, logLimit: false, goto: NEXT_STEP, equations: [{ left: VARIABLE.stepTime, compare: ">", right: "0" }], span };
  }

  /** Adds a row with a unique label; returns its index. */
  private pushRow(
    wanted: string | null,
    span: Span,
    fields: Pick<ArbinStep, "ctrlType" | "ctrlValue" | "extCtrlValue1" | "extCtrlValue2" | "limits"> & Partial<Pick<ArbinStep, "currentRange">>,
  ): number {
    const index = this.rows.length;
    const label = this.uniqueLabel(wanted === null ? `Step ${index + 1}` : this.text(wanted, span, "the step label"), index);
    this.rows.push({ label, currentRange: fields.currentRange ?? "Range1", voltageRange: VOLTAGE_RANGE, span, ...fields });
    // Jumps that leave a loop land here, on the first row after the loop's end step.
    const landing = this.exits.filter((exit) => exit.afterRow === index - 1);
    for (const exit of landing) exit.limit.goto = label;
    this.exits = this.exits.filter((exit) => !landing.includes(exit));
    // The first row after a loop opens is where each of its passes begins.
    for (const open of this.open) if (open.firstRow === null && !open.skipped) open.firstRow = index;
    return index;
  }

  private uniqueLabel(wanted: string, index: number): string {
    let label = wanted.trim() === "" ? `Step ${index + 1}` : wanted;
    if (RESERVED_GOTOS.includes(label) || this.labels.has(label)) label = `${wanted} (${index + 1})`;
    for (let n = 2; this.labels.has(label); n++) label = `${wanted} (${index + 1}.${n})`;
    this.labels.add(label);
    return label;
  }

  /** Text for the Latin-1 file: plain spellings for symbols it lacks (µ → u), and a diagnostic
   * for anything else it cannot hold. */
  private text(value: string, span: Span, what: string): string {
    const plain = withPlainSpellings(value, ENCODING);
    const refused = unencodableCharacters(plain, ENCODING);
    if (refused.length > 0) {
      this.error("BTP6003", `${what} contains ${refused.map((c) => `"${c}"`).join(", ")}, which Latin-1 (the encoding of .sdu files) cannot hold`, span, {
        hint: "write it with Latin letters",
      });
    }
    return plain;
  }

  private emulate(span: Span, construct: Emulation["construct"], message: string): void {
    this.emulations.push({ span, construct, message });
  }

  private error(code: string, message: string, span: Span, extra: Partial<Diagnostic> = {}): void {
    this.diagnostics.push({ code, severity: "error", message, span, target: TARGET, ...extra });
  }
}

function limit(span: Span, equation: ArbinEquation, goto: string, log: boolean): ArbinLimit {
  return { stepLimit: true, logLimit: log, goto, equations: [equation], span };
}

/** The comparison on the signed current that means `comparator` on its magnitude, for a
 * discharge (negative current): |I| < 0.02 A is I > −0.02 A. */
function flip(comparator: ComparatorIR): ComparatorIR {
  return ({ "<": ">", "<=": ">=", ">": "<", ">=": "<=" } as const)[comparator];
}

