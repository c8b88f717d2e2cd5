// Checking that a value fits the place it is used in: "`for` needs a time", "a repeat count is a
// positive whole number", "`ocv` only where a voltage set-point is allowed".

import type { VoltageSetpointIR } from "../ir/types.js";
import { confusionHint, formatNumber } from "../units/index.js";
import type { QuantityKind } from "../units/index.js";
import type { CheckContext } from "./context.js";
import { describeKinds, describeValue, kindOfValue } from "./values.js";
import type { QuantityValue, Value } from "./values.js";

export interface Slot {
  /** The place in words, e.g. "`for`", "the scan rate", "`hold at`". */
  what: string;
  /** Diagnostic code for a value of the wrong kind (default BTP3023). */
  code?: string;
  /** A hint for a wrong kind, computed from the value (e.g. "to hold a voltage write …"). */
  hint?: (value: QuantityValue, kind: QuantityKind | null) => string | undefined;
}

export const OCV_PLACES = "a hold, a sweep's `from`/`to`, a cv `start` or an eis bias";

/** The value if it is a single quantity of one of the accepted kinds, else null (reported). */
export function expectQuantity(ctx: CheckContext, value: Value, accepted: readonly QuantityKind[], slot: Slot): QuantityValue | null {
  switch (value.kind) {
    case "invalid":
      return null;
    case "ocv":
      ctx.error("BTP3019", `\`ocv\` cannot be used in ${slot.what}`, value.span, {
        hint: `\`ocv\` is a voltage set-point; it is allowed in ${OCV_PLACES}`,
      });
      return null;
    case "list":
      ctx.error("BTP3025", `${slot.what} needs a single value, not a list`, value.span, {
        hint: "to run once per value, use a sweep: `for x in [ … ] { … }`",
      });
      return null;
    case "quantity": {
      const kind = kindOfValue(value);
      if (kind !== null && accepted.includes(kind)) return value;
      // Percent and count are kept apart, so that a bare `80` is never read as 80 %.
      const hint =
        slot.hint?.(value, kind) ??
        (value.asWritten && accepted.length > 0 ? confusionHint(value.asWritten.unit, accepted[0]!) : undefined) ??
        (kind === "count" && value.asWritten?.unit === "" ? "every number needs a unit (except counts)" : undefined);
      ctx.error(slot.code ?? "BTP3023", `${slot.what} needs ${describeKinds(accepted)}, but \`${value.text}\` is ${describeValue(value)}`, value.span, { hint });
      return null;
    }
  }
}

/** A whole number of at least `min` (counts: repeat, cycles, points per decade). Returns the
 * number, null when reported, or undefined when it is not known yet (inside an uncalled sequence). */
export function expectWholeNumber(ctx: CheckContext, value: Value, slot: Slot & { min: number }): number | null | undefined {
  const quantity = expectQuantity(ctx, value, ["count"], slot);
  if (quantity === null) return null;
  if (quantity.si === null) return undefined;
  if (!Number.isInteger(quantity.si) || quantity.si < slot.min) {
    ctx.error("BTP3031", `${slot.what} must be a whole number of at least ${slot.min}, but it is ${formatNumber(quantity.si)}`, quantity.span, {
      hint: Number.isInteger(quantity.si) ? `write ${slot.min} or more` : `round it: ${formatNumber(Math.max(slot.min, Math.round(quantity.si)))}`,
    });
    return null;
  }
  return quantity.si;
}

/** Reports a value that must be above zero (durations, scan rates, frequencies, amplitudes). */
export function expectPositive(ctx: CheckContext, value: QuantityValue, what: string): boolean {
  if (value.si === null || value.si > 0) return true;
  ctx.error("BTP3033", `${what} must be greater than zero, but it is \`${value.text}\``, value.span, {
    hint: value.si < 0 ? "write the magnitude; directions are words (`charge`, `discharge`), never signs" : "give a value above zero",
  });
  return false;
}

/** A voltage set-point: absolute (`4.2 V`) or relative to open circuit (`ocv`, `ocv + 50 mV`). */
export function expectVoltageSetpoint(ctx: CheckContext, value: Value, what: string, allowOcv: boolean): VoltageSetpointIR | null {
  if (value.kind === "ocv") {
    if (!allowOcv) {
      ctx.error("BTP3019", `\`ocv\` cannot be used in ${what}`, value.span, {
        hint: `write an absolute voltage such as \`3.7 V\`; \`ocv\` is allowed in ${OCV_PLACES}`,
      });
      return null;
    }
    return { reference: "ocv", offsetVolts: value.offset ?? 0, text: value.text };
  }
  const quantity = expectQuantity(ctx, value, ["voltage"], { what });
  if (quantity === null) return null;
  return { reference: "absolute", volts: quantity.si ?? 0, text: quantity.text };
}

/** Temperatures are absolute: below 0 K is a typo (a missing `°C`, or `-` in the wrong place). */
export function expectAboveAbsoluteZero(ctx: CheckContext, value: QuantityValue): boolean {
  if (value.si === null || value.si >= 0) return true;
  ctx.error("BTP3035", `\`${value.text}\` is below absolute zero`, value.span, {
    hint: "temperatures in °C need the unit: `-20 °C` (or `degC`)",
  });
  return false;
}
