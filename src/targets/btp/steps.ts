// One IR step as one line of btp source, in the words a methods section would use:
// `charge at 0.5C until 3.9 V then hold until C/20`, `eis from 1 MHz to 10 mHz, amplitude 5 mV`.
// End comparators are written only where they differ from what the checker infers (a charge
// ends above its cut-off, a discharge below, a taper below its current).

import type { CellIR, ComparatorIR, EndConditionIR, LimitsIR, RecordIR, StepIR } from "../../ir/types.js";
import { formatQuantity } from "../../units/display.js";
import { capacity, current, literal, NO_NAMES, number, quote, setpoint, type NamesInScope } from "./values.js";

/** The step kinds whose voltage ends default to "above" or "below". */
type EndingStep = "charge" | "discharge" | "hold" | "rest" | "ocv";

/** Context a step is printed in: limits and record already in force around it. */
export interface StepContext {
  cell: CellIR | null;
  limits: LimitsIR;
  record: RecordIR;
  /** Names defined where the step is printed (params, enclosing sweep variables). */
  known?: NamesInScope;
}

export function printStep(step: StepIR, context: StepContext): string {
  const values: Values = { cell: context.cell, known: context.known ?? NO_NAMES };
  return printStepCore(step, values) + stepOptions(step, context);
}

/** What printing a value needs: the cell (for relative currents) and the names in scope. */
interface Values {
  cell: CellIR | null;
  known: NamesInScope;
}

function printStepCore(step: StepIR, v: Values): string {
  switch (step.kind) {
    case "rest":
      return `rest${ends(step.ends, "rest", v)}`;
    case "ocv":
      return `ocv${ends(step.ends, "ocv", v)}`;
    case "constantCurrent":
      return `${step.direction} at ${current(step.current, v.cell, v.known)}${ends(step.ends, step.direction, v)}`;
    case "constantPower":
      return `${step.direction} at ${literal(step.power.si, "power", step.power.text, v.known)}${ends(step.ends, step.direction, v)}`;
    case "constantVoltage":
      return `hold at ${setpoint(step.voltage, v.known)}${ends(step.ends, "hold", v)}`;
    case "ccCv": {
      // The cut-off comes first among the conditions so that the CC ends keep their order.
      const [first, ...others] = step.ccEnds;
      const lead = first?.kind === "time" ? ` for ${formatQuantity(first.seconds, "time")}` : "";
      const rest = first?.kind === "time" ? others : step.ccEnds;
      const conditions = [formatQuantity(step.voltage, "voltage"), ...rest.map((e) => condition(e, step.direction, v))];
      const hold = step.cvEnds.length > 0 ? ` then hold${ends(step.cvEnds, "hold", v)}` : " then hold";
      return `${step.direction} at ${current(step.current, v.cell, v.known)}${lead} until ${conditions.join(" or ")}${hold}`;
    }
    case "eis": {
      const kind = step.mode === "galvanostatic" ? "current" : "voltage";
      const parts = [
        `eis from ${formatQuantity(step.startFrequency, "frequency")} to ${formatQuantity(step.endFrequency, "frequency")}`,
        `amplitude ${formatQuantity(step.amplitude, kind)}`,
        `${number(step.pointsPerDecade)} points per decade`,
      ];
      if (step.bias.reference === "absolute") parts.push(`bias ${formatQuantity(step.bias.value, kind)}`);
      return parts.join(", ");
    }
    case "linearSweep":
      return `sweep from ${setpoint(step.from, v.known)} to ${setpoint(step.to, v.known)} at ${formatQuantity(step.scanRate, "scan rate")}`;
    case "cyclicVoltammetry": {
      const parts = [
        `cv between ${formatQuantity(step.lower, "voltage")} and ${formatQuantity(step.upper, "voltage")}`,
        `at ${formatQuantity(step.scanRate, "scan rate")}`,
        `${number(step.cycles)} ${step.cycles === 1 ? "cycle" : "cycles"}`,
      ];
      const atOcv = step.start.reference === "ocv" && step.start.offsetVolts === 0;
      if (!atOcv || step.start.text.trim().toLowerCase() !== "ocv") parts.push(`start at ${setpoint(step.start, v.known)}`);
      return parts.join(", ");
    }
    case "temperature": {
      const settle =
        step.settle.kind === "time" ? `, settle ${formatQuantity(step.settle.seconds, "time")}` : step.settle.kind === "stable" ? ", settle until stable" : "";
      return `temperature ${formatQuantity(step.setpoint, "temperature")}${settle}`;
    }
    case "pause":
      return `pause ${quote(step.message)}`;
  }
}

/** ` for 2 h`, ` until 3.9 V or 10 h`, ` for 2 h or until 4.2 V`; "" without ends. */
function ends(list: readonly EndConditionIR[], step: EndingStep, v: Values): string {
  if (list.length === 0) return "";
  const [first, ...others] = list;
  if (first!.kind === "time") {
    const lead = ` for ${formatQuantity(first!.seconds, "time")}`;
    return others.length === 0 ? lead : `${lead} or until ${others.map((e) => condition(e, step, v)).join(" or ")}`;
  }
  return ` until ${list.map((e) => condition(e, step, v)).join(" or ")}`;
}

function condition(end: EndConditionIR, step: EndingStep, v: Values): string {
  switch (end.kind) {
    case "time":
      return formatQuantity(end.seconds, "time");
    case "voltage": {
      const natural: ComparatorIR = step === "discharge" ? "<=" : ">=";
      const value = formatQuantity(end.volts, "voltage");
      return end.comparator === natural ? value : `voltage ${end.comparator} ${value}`;
    }
    case "current": {
      const value = current(end.resolved, v.cell, v.known);
      return end.comparator === "<" ? value : `current ${end.comparator} ${value}`;
    }
    case "capacity":
      return capacity(end.resolved, v.cell, v.known);
    case "temperature": {
      const value = formatQuantity(end.kelvin, "temperature");
      return end.comparator === ">=" ? `temperature ${value}` : `temperature ${end.comparator} ${value}`;
    }
  }
}

/** `, label "…"`, `, record every …`, `, limits { … }` where the step differs from around it. */
function stepOptions(step: StepIR, context: StepContext): string {
  let out = "";
  if (!sameRecord(step.record, context.record) && Object.keys(step.record).length > 0) out += `, ${recordRule(step.record)}`;
  if (!sameLimits(step.limits, context.limits) && Object.keys(step.limits).length > 0) out += `, ${limitsBlock(step.limits)}`;
  if (step.label !== null) out += `, label ${quote(step.label)}`;
  return out;
}

export function recordRule(record: RecordIR): string {
  const parts: string[] = [];
  if (record.time !== undefined) parts.push(formatQuantity(record.time, "time"));
  if (record.voltage !== undefined) parts.push(formatQuantity(record.voltage, "voltage"));
  if (record.current !== undefined) parts.push(formatQuantity(record.current, "current"));
  return `record every ${parts.join(" or ")}`;
}

/** `limits { voltage 2 V .. 4.2 V, current 10 mA }`; null when a limit cannot be written (a
 * lower voltage bound without an upper one). */
export function limitsBlock(limits: LimitsIR): string {
  const items: string[] = [];
  const range = (name: string, r: { min: number | null; max: number | null } | undefined, kind: "voltage" | "temperature"): void => {
    if (!r || r.max === null) return;
    items.push(r.min === null ? `${name} ${formatQuantity(r.max, kind)}` : `${name} ${formatQuantity(r.min, kind)} .. ${formatQuantity(r.max, kind)}`);
  };
  range("voltage", limits.voltage, "voltage");
  if (limits.current) items.push(`current ${formatQuantity(limits.current.max, "current")}`);
  range("temperature", limits.temperature, "temperature");
  if (limits.capacity) items.push(`capacity ${formatQuantity(limits.capacity.max, "capacity")}`);
  if (limits.power) items.push(`power ${formatQuantity(limits.power.max, "power")}`);
  return `limits { ${items.join(", ")} }`;
}

/** Whether a limit has only a lower bound, which btp source cannot state alone. */
export function hasUnwritableLimit(limits: LimitsIR): boolean {
  return (limits.voltage !== undefined && limits.voltage.max === null) || (limits.temperature !== undefined && limits.temperature.max === null);
}

export function sameRecord(a: RecordIR, b: RecordIR): boolean {
  return a.time === b.time && a.voltage === b.voltage && a.current === b.current;
}

export function sameLimits(a: LimitsIR, b: LimitsIR): boolean {
  return JSON.stringify(normalizedLimits(a)) === JSON.stringify(normalizedLimits(b));
}

function normalizedLimits(l: LimitsIR): unknown[] {
  return [l.voltage?.min ?? null, l.voltage?.max ?? null, l.current?.max ?? null, l.temperature?.min ?? null, l.temperature?.max ?? null, l.capacity?.max ?? null, l.power?.max ?? null];
}
