// Safety limits and recording rules as plain data: compared (does a step run under the whole
// schedule's limits, or its own?) and combined (an imported step under the schedule's safety
// and its own). Used by the Neware and Arbin targets.
//
// src/check/limits.ts has mergeLimits, which combines limits the same way while checking a
// protocol, but hands back the very objects it was given where only one side sets a limit;
// tightestLimits copies them, so that no two imported nodes share a limits object.

import type { LimitsIR, RecordIR } from "../../ir/types.js";

/** Limits are compared and copied as plain data; key order does not matter. */
export function sameLimits(a: LimitsIR, b: LimitsIR): boolean {
  return canonical(a) === canonical(b);
}

export function sameRecord(a: RecordIR, b: RecordIR): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

/** The tightest combination of two sets of limits (what a step runs under when the whole
 * schedule and the step both set one). */
export function tightestLimits(a: LimitsIR, b: LimitsIR): LimitsIR {
  const out: LimitsIR = {};
  const range = (x?: { min: number | null; max: number | null }, y?: { min: number | null; max: number | null }) => {
    if (!x) return y ? { ...y } : undefined;
    if (!y) return { ...x };
    return { min: maxOf(x.min, y.min), max: minOf(x.max, y.max) };
  };
  const ceiling = (x?: { max: number }, y?: { max: number }) => {
    if (!x) return y ? { ...y } : undefined;
    if (!y) return { ...x };
    return { max: Math.min(x.max, y.max) };
  };
  const voltage = range(a.voltage, b.voltage);
  if (voltage) out.voltage = voltage;
  const current = ceiling(a.current, b.current);
  if (current) out.current = current;
  const temperature = range(a.temperature, b.temperature);
  if (temperature) out.temperature = temperature;
  const capacity = ceiling(a.capacity, b.capacity);
  if (capacity) out.capacity = capacity;
  const power = ceiling(a.power, b.power);
  if (power) out.power = power;
  return out;
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function minOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}
