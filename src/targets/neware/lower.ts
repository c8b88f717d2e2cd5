// IR → Neware steps. The protocol tree is walked as a flat list (linearize): each step becomes
// one or two BTS steps, each loop a Cycle step after its body that points back at the body's
// first step, and the list ends with the End step BTS requires. Constructs the capability table
// refuses never get here (compile checks the table first); what remains that BTS still cannot
// say (a rest ending on voltage, a limit on temperature) is a diagnostic, never dropped.

import { fileSpan, type Diagnostic, type Span } from "../../diagnostics/diagnostic.js";
import type {
  ConstantCurrentStepIR,
  ConstantVoltageStepIR,
  EndConditionIR,
  LimitsIR,
  ProtocolIR,
  RecordIR,
  Resolved,
  StepIR,
} from "../../ir/types.js";
import { formatQuantity } from "../../units/display.js";
import { linearize } from "../common/linearize.js";
import type { Emulation } from "../target.js";
import * as codes from "./codes.js";
import { ccCvStepType, ccStepType, cvStepType, cycleCountForPasses, MAX_EDITABLE_STEPS, STEP_TYPE, WRITE_SCALE } from "./conventions.js";
import type { NewareMain, NewareProtection, NewareRecord, NewareSchedule, NewareStep } from "./model.js";
import { chamberAtStart } from "../common/chamber-at-start.js";
import { holdDirections, lowerCcCv, precedingCurrents } from "../common/cycler-steps.js";
import { capacityFromCRate } from "../common/imported-currents.js";
import { sameLimits, sameRecord } from "../common/limits.js";

const TARGET = "neware";
/** A BTS CC-CV step has one Time and one Cap, which bound the whole step. */
const NEWARE_CCCV = { guards: ["time", "capacity"], cvTime: false } as const;
const NEWARE_CHAMBER = { schedule: "a Neware schedule", notAtStart: codes.TEMPERATURE_NOT_AT_START, untimed: codes.TEMPERATURE_UNTIMED };

export interface LoweredSchedule {
  schedule: NewareSchedule | null;
  diagnostics: Diagnostic[];
  emulations: Emulation[];
}

export function lowerToNeware(ir: ProtocolIR): LoweredSchedule {
  return new NewareLowering(ir).run();
}

class NewareLowering {
  private readonly steps: NewareStep[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly emulations: Emulation[] = [];
  private readonly holdDirection: Map<StepIR, "charge" | "discharge">;
  private readonly holdCurrent: Map<StepIR, { amperes: number; from: StepIR }>;
  private readonly refusedLimits = new Set<string>();
  private readonly protect: NewareProtection;
  private readonly record: NewareRecord;
  private multCap: number | undefined;

  constructor(private readonly ir: ProtocolIR) {
    this.holdDirection = holdDirections(ir.body);
    this.holdCurrent = precedingCurrents(ir.body);
    this.protect = this.protection(ir.limits, ir.body[0]?.span ?? null);
    this.record = recordOf(ir.record);
    this.multCap = ir.cell?.nominalCapacity ?? undefined;
  }

  run(): LoweredSchedule {
    // Open loops waiting for their first step (the Cycle step's Start_Step).
    const open: Array<{ firstStep: number | null }> = [];
    for (const instruction of linearize(this.ir)) {
      switch (instruction.op) {
        case "loopBegin":
          open.push({ firstStep: null });
          break;
        case "loopEnd": {
          const loop = open.pop();
          // A loop with no steps in it runs nothing; BTS has nothing to repeat.
          if (loop?.firstStep == null) break;
          this.push({
            type: STEP_TYPE.cycle,
            main: {},
            cycle: { startStep: loop.firstStep, count: cycleCountForPasses(instruction.loop.count) },
            span: instruction.loop.span,
          });
          break;
        }
        case "step": {
          const before = this.steps.length;
          this.lowerStep(instruction.step, instruction.depth);
          const first = before + 1;
          if (this.steps.length > before) for (const loop of open) if (loop.firstStep === null) loop.firstStep = first;
          break;
        }
        default:
          // Groups carry no meaning; cycle actions and stops are refused by the capability table.
          break;
      }
    }
    this.push({ type: STEP_TYPE.end, main: {}, span: this.ir.body.at(-1)?.span ?? fileSpan(this.ir.source) });

    const editable = this.steps.length - 1;
    if (editable > MAX_EDITABLE_STEPS) {
      this.error(
        codes.TOO_MANY_STEPS,
        `this protocol needs ${editable} Neware steps; BTS allows ${MAX_EDITABLE_STEPS} plus the End step`,
        this.steps[MAX_EDITABLE_STEPS]!.span,
        "use loops (repeat) instead of writing the steps out, or split the protocol into two files",
      );
    }
    const failed = this.diagnostics.some((d) => d.severity === "error");
    const schedule: NewareSchedule = {
      remark: this.ir.title ?? "",
      creator: this.ir.metadata.authors.join("; "),
      pn: this.ir.cell?.name ?? "",
      scale: WRITE_SCALE,
      protect: this.protect,
      record: this.record,
      steps: this.steps,
      ...(this.multCap !== undefined ? { multCap: this.multCap } : {}),
    };
    return { schedule: failed ? null : schedule, diagnostics: this.diagnostics, emulations: this.emulations };
  }

  private lowerStep(step: StepIR, depth: number): void {
    switch (step.kind) {
      case "rest":
      case "ocv":
        this.rest(step, step.ends);
        return;
      case "constantCurrent":
        this.constantCurrent(step);
        return;
      case "ccCv": {
        const lowered = lowerCcCv(step, NEWARE_CCCV);
        if (lowered.kind === "split") {
          this.emulate(step.span, "ccCv", lowered.note);
          this.constantCurrent(lowered.cc);
          this.constantVoltage(lowered.cv, step.direction, step.current.si);
          return;
        }
        if (lowered.note) this.emulate(step.span, "ccCv", lowered.note);
        const main: NewareMain = { ...this.currentSetpoint(step.current, step.span), voltage: step.voltage };
        if (lowered.taper) Object.assign(main, this.taper(lowered.taper.resolved, lowered.taper.span));
        for (const guard of lowered.guards) {
          if (guard.kind === "time") main.time = guard.seconds;
          if (guard.kind === "capacity") main.capacity = guard.coulombs;
        }
        this.pushStep(step, ccCvStepType(step.direction), main);
        return;
      }
      case "constantVoltage":
        this.constantVoltage(step, this.holdDirection.get(step) ?? "charge");
        return;
      case "temperature":
        this.temperature(step, depth);
        return;
      default:
        // eis, sweeps, voltammetry, power, pause: refused by the capability table.
        return;
    }
  }

  private rest(step: StepIR, ends: readonly EndConditionIR[]): void {
    const main: NewareMain = {};
    for (const end of ends) {
      if (end.kind === "time") main.time = Math.min(main.time ?? Infinity, end.seconds);
      else this.endRefused(step, end, "a Neware rest step ends on time only");
    }
    this.pushStep(step, STEP_TYPE.rest, main);
  }

  private constantCurrent(step: ConstantCurrentStepIR): void {
    const main: NewareMain = this.currentSetpoint(step.current, step.span);
    const charge = step.direction === "charge";
    for (const end of step.ends) {
      if (end.kind === "time") main.time = Math.min(main.time ?? Infinity, end.seconds);
      else if (end.kind === "capacity") main.capacity = Math.min(main.capacity ?? Infinity, end.coulombs);
      else if (end.kind === "voltage" && main.stopVoltage === undefined && isRising(end.comparator) === charge) main.stopVoltage = end.volts;
      else if (end.kind === "voltage" && main.stopVoltage === undefined) {
        this.endRefused(step, end, `a Neware ${step.direction} stops when the voltage ${charge ? "rises to" : "falls to"} its cut-off`);
      } else this.endRefused(step, end, "a Neware constant-current step ends on one voltage cut-off, time or capacity");
    }
    this.pushStep(step, ccStepType(step.direction), main);
  }

  /** `splitFrom`: the CC current of the CC-CV this hold was split from, which it may draw. */
  private constantVoltage(step: ConstantVoltageStepIR, direction: "charge" | "discharge", splitFrom?: number): void {
    if (step.voltage.reference !== "absolute") return; // refused by the table (ocvRelativeVoltage)
    const main: NewareMain = { voltage: step.voltage.volts };
    const limit = step.limits.current?.max;
    const before = this.holdCurrent.get(step);
    if (limit !== undefined) main.current = limit;
    else if (splitFrom !== undefined) main.current = splitFrom;
    else if (before) {
      main.current = before.amperes;
      this.emulate(step.span, "constantVoltage", `the hold may draw up to ${formatQuantity(before.amperes, "current")}, the current of the step before it (BTS needs a current for CV steps)`);
    } else {
      this.error(codes.HOLD_WITHOUT_CURRENT, "a Neware CV step needs the most current it may draw, and this hold has none", step.span, {
        hint: "give the protocol or the hold a current limit (`limits { current 1 mA }`), or put a constant-current step before it",
      });
    }
    for (const end of step.ends) {
      if (end.kind === "time") main.time = Math.min(main.time ?? Infinity, end.seconds);
      else if (end.kind === "capacity") main.capacity = Math.min(main.capacity ?? Infinity, end.coulombs);
      else if (end.kind === "current" && !isRising(end.comparator) && main.stopCurrent === undefined) Object.assign(main, this.taper(end.resolved, end.span));
      else this.endRefused(step, end, "a Neware CV step ends on one taper current, time or capacity");
    }
    this.pushStep(step, cvStepType(direction), main, limit !== undefined);
  }

  private temperature(step: Extract<StepIR, { kind: "temperature" }>, depth: number): void {
    const chamber = chamberAtStart(step, depth === 0 && this.steps.length === 0, NEWARE_CHAMBER);
    if (chamber.kind === "refused") {
      this.error(chamber.code, chamber.message, step.span, { hint: chamber.hint });
      return;
    }
    this.emulate(step.span, "temperature", chamber.emulation);
    if (chamber.settleSeconds !== null && chamber.settleSeconds > 0) {
      this.pushStep(step, STEP_TYPE.rest, { time: chamber.settleSeconds });
    }
  }

  /** `Curr` and, for C-rates, `Rate` (with the capacity it implies kept for MultCap). */
  private currentSetpoint(current: Resolved, span: Span): NewareMain {
    this.requireKnown(current, span);
    const main: NewareMain = { current: current.si };
    if (current.basis === "c-rate" && current.relative !== undefined) {
      main.rate = current.relative;
      this.multCap ??= capacityFromCRate(current) ?? undefined;
    }
    return main;
  }

  private taper(resolved: Resolved, span: Span): NewareMain {
    this.requireKnown(resolved, span);
    const main: NewareMain = { stopCurrent: resolved.si };
    if (resolved.basis === "c-rate" && resolved.relative !== undefined) {
      main.stopRate = resolved.relative;
      this.multCap ??= capacityFromCRate(resolved) ?? undefined;
    }
    return main;
  }

  /** A C-rate read from a schedule that keeps the capacity outside the file (an Arbin C-Rate
   * step) has no current in amperes; BTS needs one. */
  private requireKnown(current: Resolved, span: Span): void {
    if (current.si > 0 || current.basis !== "c-rate") return;
    this.error(codes.CURRENT_UNKNOWN, `${current.text} has no known current in amperes: the cell's capacity is not known`, span, {
      hint: "give the protocol a cell with its capacity (`use cell …`), or write the current in mA",
    });
  }

  /** Adds a step for `source`, with its own record and protection where they differ from the
   * whole file's. A CV step's current limit is its `Curr`, so it is not repeated as protection. */
  private pushStep(source: StepIR, type: number, main: NewareMain, currentIsSetpoint = false): void {
    const step: Omit<NewareStep, "id"> = { type, main, span: source.span };
    if (!sameRecord(source.record, this.ir.record)) step.record = recordOf(source.record);
    const limits: LimitsIR = { ...source.limits };
    const whole: LimitsIR = { ...this.ir.limits };
    if (currentIsSetpoint) {
      delete limits.current;
      delete whole.current;
    }
    if (!sameLimits(limits, whole)) step.protect = this.protection(source.limits, source.span);
    this.push(step);
  }

  private push(step: Omit<NewareStep, "id">): void {
    this.steps.push({ id: this.steps.length + 1, ...step });
  }

  private protection(limits: LimitsIR, span: Span | null): NewareProtection {
    const out: NewareProtection = {};
    if (limits.voltage?.max != null) out.voltageUpper = limits.voltage.max;
    if (limits.voltage?.min != null) out.voltageLower = limits.voltage.min;
    if (limits.current) {
      out.currentUpper = limits.current.max;
      out.currentLower = -limits.current.max;
    }
    if (limits.capacity) out.capacityUpper = limits.capacity.max;
    const where = span ?? fileSpan(this.ir.source);
    if (limits.temperature) this.limitRefused("temperature", where);
    if (limits.power) this.limitRefused("power", where);
    return out;
  }

  private limitRefused(kind: string, span: Span): void {
    if (this.refusedLimits.has(kind)) return;
    this.refusedLimits.add(kind);
    this.error(codes.LIMIT_NOT_EXPRESSIBLE, `a Neware step file has no verified field for a ${kind} limit`, span, {
      hint: `remove the ${kind} limit and set it in the BTS channel settings, or choose another target`,
    });
  }

  private endRefused(step: StepIR, end: EndConditionIR, why: string): void {
    this.error(codes.END_NOT_EXPRESSIBLE, `Neware cannot end this step on ${describeEnd(end)}: ${why}`, end.span ?? step.span, {
      hint: "end the step on what the instrument can check, or choose another target",
    });
  }

  private emulate(span: Span, construct: Emulation["construct"], message: string): void {
    this.emulations.push({ span, construct, message });
  }

  private error(code: string, message: string, span: Span, extra: Partial<Diagnostic> | string = {}): void {
    const more = typeof extra === "string" ? { hint: extra } : extra;
    this.diagnostics.push({ code, severity: "error", message, span, target: TARGET, ...more });
  }
}

function recordOf(record: RecordIR): NewareRecord {
  const out: NewareRecord = {};
  if (record.time !== undefined) out.time = record.time;
  if (record.voltage !== undefined) out.voltage = record.voltage;
  if (record.current !== undefined) out.current = record.current;
  return out;
}

function isRising(comparator: string): boolean {
  return comparator === ">" || comparator === ">=";
}

function describeEnd(end: EndConditionIR): string {
  switch (end.kind) {
    case "time":
      return "time";
    case "voltage":
      return `voltage ${end.comparator} ${formatQuantity(end.volts, "voltage")}`;
    case "current":
      return `current ${end.comparator} ${end.resolved.text}`;
    case "capacity":
      return `capacity ${end.resolved.text}`;
    case "temperature":
      return "temperature";
  }
}
