// Repeat counts and the conditions checked at the end of each pass of a loop
// (`until discharge capacity < 80 % of cycle 1`, `stop if end voltage < 2.0 V`).
// Loops are never unrolled, so a count of 10^12 costs nothing to check.

import type { Span } from "../diagnostics/diagnostic.js";
import type { LoopConditionIR } from "../ir/types.js";
import type { Expr, LoopCondition } from "../syntax/ast.js";
import { formatNumber } from "../units/index.js";
import type { CheckContext } from "./context.js";
import { evaluate } from "./evaluate.js";
import { expectQuantity, expectWholeNumber } from "./expect.js";
import { resolveCharge } from "./relative.js";
import type { Scope } from "./scope.js";
import { CHARGE_LIKE, describeValue, kindOfValue } from "./values.js";

/** More passes than this is a typo (10 million 1-second cycles is four months). */
export const MAX_LOOP_COUNT = 10_000_000;

/** The number of passes, null when reported, undefined when not known yet (uncalled sequence). */
export function readRepeatCount(ctx: CheckContext, count: Expr | null | undefined, scope: Scope, repeatSpan: Span): number | null | undefined {
  if (!count) {
    ctx.error("BTP3044", "a `repeat until …` needs a bound: the most passes it may run", repeatSpan, {
      hint: "write the bound before `until`: `repeat 1000 until discharge capacity < 80 % of cycle 1 { … }`",
    });
    return null;
  }
  if (count.recovered) return null;
  const value = expectQuantity(ctx, evaluate(ctx, count, scope), ["count"], {
    what: "a repeat count",
    hint: () => "a repeat count is a plain number of passes, e.g. `repeat 100 { … }`",
  });
  if (!value) return null;
  if (value.si === null) return undefined;
  const n = value.si;
  if (n === 0) {
    ctx.error("BTP3030", "empty loop: `repeat 0` never runs its body", value.span, { hint: "repeat at least once, or delete the loop" });
    return null;
  }
  if (!Number.isInteger(n) || n < 0) {
    ctx.error("BTP3031", `a repeat count must be a whole number of at least 1, but it is ${formatNumber(n)}`, value.span, {
      hint: n < 0 ? "a count of passes cannot be negative" : `round it: \`repeat ${formatNumber(Math.max(1, Math.round(n)))}\``,
    });
    return null;
  }
  if (n > MAX_LOOP_COUNT) {
    ctx.error("BTP3032", `absurd loop count: ${formatNumber(n)} passes`, value.span, {
      hint: `btp refuses more than ${formatNumber(MAX_LOOP_COUNT)} passes; check for extra zeros, or end the test with \`until …\``,
    });
    return null;
  }
  return n;
}

const SUBJECTS: Record<LoopCondition["subject"], LoopConditionIR["subject"]> = {
  "charge capacity": "chargeCapacity",
  "discharge capacity": "dischargeCapacity",
  "coulombic efficiency": "coulombicEfficiency",
  "end voltage": "endVoltage",
};

/** `passes` is the bound of the loop the condition belongs to (for `of cycle K`), when known. */
export function readLoopCondition(ctx: CheckContext, condition: LoopCondition, scope: Scope, passes: number | null | undefined): LoopConditionIR | null {
  if (!condition || condition.recovered) return null;
  const subject = SUBJECTS[condition.subject];
  if (!subject) return null;
  const base = { subject, comparator: condition.comparator, text: ctx.textOf(condition.span), span: condition.span };
  const value = evaluate(ctx, condition.value, scope);

  if (condition.ofCycle) {
    const percent = expectQuantity(ctx, value, ["percent"], {
      what: "`of cycle`",
      code: "BTP3028",
      hint: () => "compare with a share of that cycle's value: `< 80 % of cycle 1`",
    });
    const cycle = expectWholeNumber(ctx, evaluate(ctx, condition.ofCycle, scope), { what: "the reference cycle", min: 1 });
    if (!percent || cycle === null) return null;
    if (cycle !== undefined && typeof passes === "number" && cycle > passes) {
      ctx.error("BTP3037", `cycle ${cycle} is never reached: the loop runs at most ${passes} passes`, condition.ofCycle.span, {
        hint: `refer to a cycle from 1 to ${passes}`,
      });
      return null;
    }
    return { ...base, value: null, fractionOfCycle: { fraction: percent.si ?? 0, cycle: cycle ?? 1 } };
  }

  switch (subject) {
    case "chargeCapacity":
    case "dischargeCapacity": {
      if (value.kind === "quantity" && kindOfValue(value) === "percent") {
        ctx.error("BTP3028", `\`${value.text}\` of what?`, value.span, { hint: `compare with a cycle: \`${value.text} of cycle 1\`` });
        return null;
      }
      const capacity = expectQuantity(ctx, value, CHARGE_LIKE, { what: `\`${condition.subject}\`` });
      if (!capacity) return null;
      const resolved = resolveCharge(ctx, capacity, false);
      return resolved ? { ...base, value: resolved.si, fractionOfCycle: null } : null;
    }
    case "coulombicEfficiency": {
      const efficiency = expectQuantity(ctx, value, ["percent", "count"], { what: "`coulombic efficiency`" });
      if (!efficiency) return null;
      if (efficiency.si !== null && (efficiency.si <= 0 || (!efficiency.isPercent && efficiency.si > 1.5))) {
        ctx.error("BTP3041", `a coulombic efficiency of ${efficiency.text} is out of range`, efficiency.span, {
          hint: "write it as a percent, e.g. `coulombic efficiency < 99 %`",
        });
        return null;
      }
      return { ...base, value: efficiency.si ?? 0, fractionOfCycle: null };
    }
    case "endVoltage": {
      const voltage = expectQuantity(ctx, value, ["voltage"], { what: "`end voltage`" });
      return voltage ? { ...base, value: voltage.si ?? 0, fractionOfCycle: null } : null;
    }
  }
  ctx.error("BTP3023", `\`${condition.subject}\` cannot be compared with ${describeValue(value)}`, condition.span);
  return null;
}
