// Neware steps → protocol IR. Cycle steps become loops again: a Cycle step at position c with
// Start_Step s repeats the steps s … c−1, so its body is whatever was built since step s. Loops
// that cross each other, point forward or at themselves, or start inside another loop are not
// structured and are refused with a diagnostic (nothing is guessed).

import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import type {
  CcCvStepIR,
  ConstantCurrentStepIR,
  ConstantVoltageStepIR,
  EndConditionIR,
  LimitsIR,
  LoopIR,
  NodeIR,
  ProtocolIR,
  RecordIR,
  Resolved,
  RestStepIR,
} from "../../ir/types.js";
import { formatNumber } from "../../units/format.js";
import { formatQuantity } from "../../units/display.js";
import { formatDuration } from "../../units/duration.js";
import * as codes from "./codes.js";
import { passesForCycleCount, STEP_TYPE, UNSUPPORTED_STEP_TYPES } from "./conventions.js";
import type { NewareMain, NewareProtection, NewareRecord, NewareSchedule, NewareStep } from "./model.js";
import { amperes, cRate } from "../common/imported-currents.js";
import { cleanSi, emptyProtocol, numberNodes } from "../common/imported-ir.js";
import { tightestLimits } from "../common/limits.js";

const TARGET = "neware";
/** Loops nested deeper than this are not a real schedule; refusing keeps the tree shallow. */
export const MAX_LOOP_NESTING = 64;

export interface NewareImport {
  ir: ProtocolIR | null;
  diagnostics: Diagnostic[];
}

export function newareScheduleToIr(schedule: NewareSchedule, file: string): NewareImport {
  const diagnostics: Diagnostic[] = [];
  const error = (code: string, message: string, span: Span, hint: string) =>
    diagnostics.push({ code, severity: "error", message, span, hint, target: TARGET });
  const warn = (code: string, message: string, span: Span) => diagnostics.push({ code, severity: "warning", message, span, target: TARGET });

  const ir = emptyProtocol(file);
  ir.title = schedule.remark.trim() === "" ? null : schedule.remark;
  if (schedule.creator.trim() !== "") ir.metadata.authors = schedule.creator.split("; ").filter((a) => a.trim() !== "");
  ir.limits = limitsOf(schedule.protect, diagnostics, schedule.steps[0]?.span);
  ir.record = recordOf(schedule.record);

  // Nodes built so far at the current level, each with the Step_ID it starts at.
  let built: Array<{ firstStep: number; node: NodeIR; depth: number }> = [];
  let ended = false;
  for (const step of schedule.steps) {
    if (ended) {
      warn(codes.APPROXIMATED, `step ${step.id} comes after the End step and never runs; it is not imported`, step.span);
      continue;
    }
    if (step.type === STEP_TYPE.end) {
      ended = true;
      continue;
    }
    if (step.type === STEP_TYPE.cycle) {
      const loop = cycleToLoop(step, built, error);
      if (loop) built = loop;
      continue;
    }
    const node = stepToNode(step, ir, error, warn);
    if (node) built.push({ firstStep: step.id, node, depth: 0 });
  }
  if (!ended && schedule.steps.length > 0) {
    warn(codes.APPROXIMATED, "the schedule has no End step (BTS always writes one); the file may be truncated", schedule.steps.at(-1)!.span);
  }
  if (diagnostics.some((d) => d.severity === "error")) return { ir: null, diagnostics };
  ir.body = built.map((b) => b.node);
  numberNodes(ir.body);
  return { ir, diagnostics };
}

type ErrorSink = (code: string, message: string, span: Span, hint: string) => void;
type WarnSink = (code: string, message: string, span: Span) => void;

/** Wraps the nodes from Start_Step on into a loop; null when the Cycle step is not structured. */
function cycleToLoop(
  step: NewareStep,
  built: Array<{ firstStep: number; node: NodeIR; depth: number }>,
  error: ErrorSink,
): Array<{ firstStep: number; node: NodeIR; depth: number }> | null {
  if (!step.cycle) {
    error(codes.LOOP_NOT_STRUCTURED, `Cycle step ${step.id} has no Start_Step and Cycle_Count`, step.span, "set both in BTS and save the file again");
    return null;
  }
  const { startStep, count } = step.cycle;
  if (!Number.isInteger(count) || count < 1) {
    error(codes.BAD_VALUE, `Cycle step ${step.id} repeats ${count} times; it must be a whole number of at least 1`, step.span, "set Cycle_Count in BTS");
    return null;
  }
  if (!Number.isInteger(startStep) || startStep >= step.id || startStep < 1) {
    error(
      codes.LOOP_NOT_STRUCTURED,
      `Cycle step ${step.id} jumps to step ${startStep}, which is not before it; btp rebuilds only loops that go back`,
      step.span,
      "a loop must go back to an earlier step; fix Start_Step in BTS",
    );
    return null;
  }
  const from = built.findIndex((b) => b.firstStep === startStep);
  if (from === -1) {
    error(
      codes.LOOP_NOT_STRUCTURED,
      `Cycle step ${step.id} goes back to step ${startStep}, which is inside another loop or is not a step that runs: the loops cross`,
      step.span,
      "loops may nest but not cross; restructure the schedule in BTS",
    );
    return null;
  }
  const body = built.slice(from);
  const depth = 1 + Math.max(0, ...body.map((b) => b.depth));
  if (depth > MAX_LOOP_NESTING) {
    error(codes.LOOP_NOT_STRUCTURED, `loops are nested ${depth} deep; btp imports at most ${MAX_LOOP_NESTING}`, step.span, "this is not a schedule BTS writes");
    return null;
  }
  const loop: LoopIR = {
    kind: "loop",
    id: "",
    span: step.span,
    count: passesForCycleCount(count),
    until: null,
    body: body.map((b) => b.node),
  };
  return [...built.slice(0, from), { firstStep: startStep, node: loop, depth }];
}

function stepToNode(step: NewareStep, ir: ProtocolIR, error: ErrorSink, warn: WarnSink): NodeIR | null {
  const { main } = step;
  const base = {
    id: "",
    span: step.span,
    label: null,
    limits: step.protect ? limitsOf(step.protect, [], step.span) : ir.limits,
    record: step.record ? recordOf(step.record) : ir.record,
    ambient: null,
  };
  const time = (): EndConditionIR[] => (main.time !== undefined ? [{ kind: "time", seconds: main.time, span: step.span }] : []);
  const capacity = (): EndConditionIR[] =>
    main.capacity !== undefined
      ? [{ kind: "capacity", coulombs: main.capacity, resolved: { si: main.capacity, text: formatQuantity(main.capacity, "capacity") }, span: step.span }]
      : [];
  const ignored = (fields: Array<keyof NewareMain>, kind: string): void => {
    const present = fields.filter((f) => main[f] !== undefined);
    if (present.length > 0) warn(codes.FIELD_IGNORED, `a ${kind} step does not use ${present.map(fieldName).join(", ")}; not imported`, step.span);
  };
  const requireCurrent = (kind: string): Resolved | null => {
    if (main.current === undefined || main.current <= 0) {
      error(codes.BAD_VALUE, `${kind} step ${step.id} has no current (Curr)`, step.span, "set the current in BTS and save the file again");
      return null;
    }
    return setpoint(main.current, main.rate);
  };

  switch (step.type) {
    case STEP_TYPE.rest: {
      ignored(["current", "rate", "voltage", "stopVoltage", "stopCurrent", "stopRate", "capacity"], "rest");
      const rest: RestStepIR = { ...base, kind: "rest", ends: time() };
      return rest;
    }
    case STEP_TYPE.ccCharge:
    case STEP_TYPE.ccDischarge: {
      const direction = step.type === STEP_TYPE.ccCharge ? "charge" : "discharge";
      ignored(["voltage", "stopCurrent", "stopRate"], "constant-current");
      const current = requireCurrent("constant-current");
      if (!current) return null;
      const ends: EndConditionIR[] = [];
      if (main.stopVoltage !== undefined) {
        ends.push({ kind: "voltage", comparator: direction === "charge" ? ">=" : "<=", volts: main.stopVoltage, span: step.span });
      }
      ends.push(...time(), ...capacity());
      const node: ConstantCurrentStepIR = { ...base, kind: "constantCurrent", direction, current, ends };
      return node;
    }
    case STEP_TYPE.cvCharge:
    case STEP_TYPE.cvDischarge: {
      ignored(["stopVoltage", "rate"], "constant-voltage");
      if (main.voltage === undefined) {
        error(codes.BAD_VALUE, `CV step ${step.id} has no voltage (Volt)`, step.span, "set the voltage in BTS and save the file again");
        return null;
      }
      // The current a CV step may draw is a limit on that step.
      const limits: LimitsIR = main.current !== undefined ? tightestLimits(base.limits, { current: { max: main.current } }) : base.limits;
      const node: ConstantVoltageStepIR = {
        ...base,
        limits,
        kind: "constantVoltage",
        voltage: { reference: "absolute", volts: main.voltage, text: formatQuantity(main.voltage, "voltage") },
        ends: [...taper(main, step.span), ...time(), ...capacity()],
      };
      return node;
    }
    case STEP_TYPE.ccCvCharge:
    case STEP_TYPE.ccCvDischarge: {
      const direction = step.type === STEP_TYPE.ccCvCharge ? "charge" : "discharge";
      ignored(["stopVoltage"], "CC-CV");
      const current = requireCurrent("CC-CV");
      if (!current) return null;
      if (main.voltage === undefined) {
        error(codes.BAD_VALUE, `CC-CV step ${step.id} has no voltage (Volt)`, step.span, "set the voltage in BTS and save the file again");
        return null;
      }
      // BTS has one clock per step: its time and capacity limits bound the whole CC-CV step,
      // which the IR writes as guards of the CC part (a guard ends the whole step).
      const node: CcCvStepIR = {
        ...base,
        kind: "ccCv",
        direction,
        current,
        voltage: main.voltage,
        ccEnds: [...time(), ...capacity()],
        cvEnds: taper(main, step.span),
      };
      return node;
    }
    default: {
      const name = UNSUPPORTED_STEP_TYPES[step.type];
      error(
        codes.UNSUPPORTED_STEP,
        `step ${step.id} is of type ${step.type}${name ? ` (${name})` : ""}, which btp cannot import`,
        step.span,
        "btp imports rest, CC, CV and CC-CV charge/discharge, Cycle and End steps; remove or replace this step in BTS",
      );
      return null;
    }
  }
}

function setpoint(current: number, rate: number | undefined): Resolved {
  if (rate === undefined || rate <= 0) return amperes(current);
  return cRate(rate, current, `Rate ${formatNumber(rate)}C in the file; BTS runs Curr ${formatQuantity(current, "current")}`);
}

function taper(main: NewareMain, span: Span): EndConditionIR[] {
  if (main.stopCurrent === undefined) return [];
  return [{ kind: "current", comparator: "<", amperes: main.stopCurrent, resolved: setpoint(main.stopCurrent, main.stopRate), span }];
}

function limitsOf(protect: NewareProtection, diagnostics: Diagnostic[], span: Span | undefined): LimitsIR {
  const limits: LimitsIR = {};
  if (protect.voltageLower !== undefined || protect.voltageUpper !== undefined) {
    limits.voltage = { min: protect.voltageLower ?? null, max: protect.voltageUpper ?? null };
  }
  const upper = protect.currentUpper !== undefined ? Math.abs(protect.currentUpper) : undefined;
  const lower = protect.currentLower !== undefined ? Math.abs(protect.currentLower) : undefined;
  if (upper !== undefined || lower !== undefined) {
    const max = Math.max(upper ?? 0, lower ?? 0);
    limits.current = { max: cleanSi(max) };
    if (span && upper !== undefined && lower !== undefined && upper !== lower) {
      diagnostics.push({
        code: codes.APPROXIMATED,
        severity: "warning",
        message: `the current protection is ${formatQuantity(-lower, "current")} to ${formatQuantity(upper, "current")}; btp limits the magnitude, so it is imported as ${formatQuantity(max, "current")} both ways`,
        span,
        target: TARGET,
      });
    }
  }
  if (protect.capacityUpper !== undefined) limits.capacity = { max: protect.capacityUpper };
  if (span && protect.delay !== undefined) {
    diagnostics.push({
      code: codes.APPROXIMATED,
      severity: "warning",
      message: `the protection delay (${formatDuration(protect.delay)}) is not kept: btp limits act at once`,
      span,
      target: TARGET,
    });
  }
  return limits;
}

function recordOf(record: NewareRecord): RecordIR {
  const out: RecordIR = {};
  if (record.time !== undefined) out.time = record.time;
  if (record.voltage !== undefined) out.voltage = record.voltage;
  if (record.current !== undefined) out.current = record.current;
  return out;
}

function fieldName(field: keyof NewareMain): string {
  const names: Record<keyof NewareMain, string> = {
    current: "Curr",
    rate: "Rate",
    voltage: "Volt",
    stopVoltage: "Stop_Volt",
    stopCurrent: "Stop_Curr",
    stopRate: "Stop_Rate",
    time: "Time",
    capacity: "Cap",
  };
  return names[field];
}
