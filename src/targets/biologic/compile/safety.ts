// Safety limits. EC-Lab's header holds one voltage window and one absolute current limit for
// the whole file; a step whose own limits are tighter gets limits that stop the run in its Modulo
// Bat sequence. Temperature, capacity and power safety limits have no place in the file.

import type { LimitsIR, StepIR } from "../../../ir/types.js";
import { formatQuantity } from "../../../units/display.js";
import { CODES } from "../codes.js";
import type { MbLimit, SafetyLimits } from "../model.js";
import type { CompileContext } from "./context.js";

export function headerSafety(limits: LimitsIR): SafetyLimits {
  return {
    voltageMin: limits.voltage?.min ?? null,
    voltageMax: limits.voltage?.max ?? null,
    currentMax: limits.current?.max ?? null,
  };
}

/** Limits that stop the run where the step is stricter than the header. */
export function stepSafety(step: StepIR, ctx: CompileContext): MbLimit[] {
  unsupported(step, ctx);
  const out: MbLimit[] = [];
  const { voltageMin, voltageMax, currentMax } = headerSafety(step.limits);
  if (voltageMax !== null && voltageMax !== ctx.safety.voltageMax) out.push({ type: "Ewe", comparison: ">", volts: voltageMax, action: "stop" });
  if (voltageMin !== null && voltageMin !== ctx.safety.voltageMin) out.push({ type: "Ewe", comparison: "<", volts: voltageMin, action: "stop" });
  if (currentMax !== null && currentMax !== ctx.safety.currentMax) out.push({ type: "|I|", comparison: ">", amperes: currentMax, action: "stop" });
  for (const limit of out) if (limit.type === "Ewe") ctx.voltage(limit.volts);
  return out;
}

/** Techniques other than Modulo Bat have no limits of their own: only the header's apply. */
export function techniqueSafety(step: StepIR, ctx: CompileContext): void {
  unsupported(step, ctx);
  const own = headerSafety(step.limits);
  if (own.voltageMin !== ctx.safety.voltageMin || own.voltageMax !== ctx.safety.voltageMax || own.currentMax !== ctx.safety.currentMax) {
    ctx.error(
      CODES.safetyLimit,
      "this step has safety limits of its own; EC-Lab applies only the file's safety limits to this technique",
      step.span,
      "move the limits to the protocol's limits block, or remove them from the step",
    );
  }
}

function unsupported(step: StepIR, ctx: CompileContext): void {
  const { temperature, capacity, power } = step.limits;
  const say = (what: string, value: string): void => {
    if (!ctx.first(`safety ${what}`)) return;
    ctx.error(CODES.safetyLimit, `EC-Lab settings cannot hold a ${what} safety limit (${value})`, step.span, `remove the ${what} limit, or watch it with the instrument's own alarms`);
  };
  if (temperature) say("temperature", [temperature.min, temperature.max].filter((t) => t !== null).map((t) => formatQuantity(t!, "temperature")).join(" .. "));
  if (capacity) say("capacity", formatQuantity(capacity.max, "capacity"));
  if (power) say("power", formatQuantity(power.max, "power"));
}
