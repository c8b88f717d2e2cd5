// Safety limits (`limits { voltage 2.0 V .. 4.2 V, current 10 mA }`) and recording rules
// (`record every 30 s or 5 mV`). Limits accumulate from the protocol down to the step and the
// tightest bound wins; a recording rule replaces the one outside it.

import type { LimitsIR, RecordIR } from "../ir/types.js";
import type { LimitItem, LimitsBlock, RecordRule } from "../syntax/ast.js";
import type { QuantityKind } from "../units/index.js";
import type { CheckContext } from "./context.js";
import { evaluate } from "./evaluate.js";
import { expectAboveAbsoluteZero, expectPositive, expectQuantity } from "./expect.js";
import { resolveCharge, resolveCurrent } from "./relative.js";
import type { Scope } from "./scope.js";
import { CHARGE_LIKE, CURRENT_LIKE, kindOfValue } from "./values.js";
import type { QuantityValue } from "./values.js";

export function readLimits(ctx: CheckContext, block: LimitsBlock, scope: Scope): LimitsIR {
  let limits: LimitsIR = {};
  if (!block || block.recovered) return limits;
  for (const item of block.items ?? []) {
    if (!item || item.recovered) continue;
    limits = mergeLimits(limits, readItem(ctx, item, scope));
  }
  return limits;
}

function readItem(ctx: CheckContext, item: LimitItem, scope: Scope): LimitsIR {
  const what = `the ${item.subject} limit`;
  const value = (expr: LimitItem["max"], kinds: readonly QuantityKind[]): QuantityValue | null =>
    expectQuantity(ctx, evaluate(ctx, expr, scope), kinds, { what });
  switch (item.subject) {
    case "voltage":
    case "temperature": {
      const kind = item.subject;
      const max = value(item.max, [kind]);
      const min = item.min ? value(item.min, [kind]) : null;
      if (!max || (item.min && !min)) return {};
      if (min && min.si !== null && max.si !== null && min.si >= max.si) {
        ctx.error("BTP3040", `the ${kind} limit \`${min.text} .. ${max.text}\` is empty: its lower end must be below its upper end`, item.span, {
          hint: `write \`${kind} ${max.text} .. ${min.text}\``,
        });
        return {};
      }
      if (kind === "temperature" && (!expectAboveAbsoluteZero(ctx, max) || (min && !expectAboveAbsoluteZero(ctx, min)))) return {};
      const range = { min: min?.si ?? null, max: max.si ?? 0 };
      return kind === "voltage" ? { voltage: range } : { temperature: range };
    }
    case "current":
    case "capacity":
    case "power": {
      if (item.min) {
        ctx.error("BTP3042", `the ${item.subject} limit is a magnitude: give one maximum, not a range`, item.span, {
          hint: `write \`${item.subject} ${ctx.textOf(item.max.span) || "…"}\`; it applies to charge and discharge alike`,
        });
        return {};
      }
      if (item.subject === "power") {
        const max = value(item.max, ["power"]);
        if (!max || !expectPositive(ctx, max, what)) return {};
        return { power: { max: max.si ?? 0 } };
      }
      const accepted = item.subject === "current" ? CURRENT_LIKE : [...CHARGE_LIKE, "percent" as const];
      const max = value(item.max, accepted);
      if (!max || !expectPositive(ctx, max, what)) return {};
      const resolved = item.subject === "current" ? resolveCurrent(ctx, max) : resolveCharge(ctx, max, kindOfValue(max) === "percent");
      if (!resolved) return {};
      return item.subject === "current" ? { current: { max: resolved.si } } : { capacity: { max: resolved.si } };
    }
  }
  return {};
}

/** Both sets of limits at once: the higher minimum and the lower maximum of each. */
export function mergeLimits(outer: LimitsIR, inner: LimitsIR): LimitsIR {
  const result: LimitsIR = {};
  const range = (a?: { min: number | null; max: number | null }, b?: { min: number | null; max: number | null }) => {
    if (!a) return b;
    if (!b) return a;
    return { min: pick(a.min, b.min, Math.max), max: pick(a.max, b.max, Math.min) };
  };
  const magnitude = (a?: { max: number }, b?: { max: number }) => (!a ? b : !b ? a : { max: Math.min(a.max, b.max) });
  const voltage = range(outer.voltage, inner.voltage);
  if (voltage) result.voltage = voltage;
  const current = magnitude(outer.current, inner.current);
  if (current) result.current = current;
  const temperature = range(outer.temperature, inner.temperature);
  if (temperature) result.temperature = temperature;
  const capacity = magnitude(outer.capacity, inner.capacity);
  if (capacity) result.capacity = capacity;
  const power = magnitude(outer.power, inner.power);
  if (power) result.power = power;
  return result;
}

function pick(a: number | null, b: number | null, choose: (x: number, y: number) => number): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return choose(a, b);
}

/** `record every 30 s or 5 mV or 0.1 mA`: one interval per kind (the finest if repeated). */
export function readRecord(ctx: CheckContext, rule: RecordRule, scope: Scope): RecordIR {
  const record: RecordIR = {};
  if (!rule || rule.recovered) return record;
  for (const expr of rule.every ?? []) {
    const value = expectQuantity(ctx, evaluate(ctx, expr, scope), ["time", "voltage", ...CURRENT_LIKE], {
      what: "`record every`",
      hint: () => "record every time step (`30 s`), voltage change (`5 mV`) or current change (`0.1 mA`)",
    });
    if (!value || !expectPositive(ctx, value, "a recording interval")) continue;
    const kind = kindOfValue(value);
    if (kind === "time") record.time = Math.min(record.time ?? Infinity, value.si ?? 0);
    else if (kind === "voltage") record.voltage = Math.min(record.voltage ?? Infinity, value.si ?? 0);
    else {
      const resolved = resolveCurrent(ctx, value);
      if (resolved) record.current = Math.min(record.current ?? Infinity, resolved.si);
    }
  }
  return record;
}
