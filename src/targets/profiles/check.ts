// A protocol against the channel it will run on: a resolved current above what the channel can
// drive, a set-point or cut-off outside its voltage range, or an impedance frequency it cannot
// reach is an error at the step, naming the profile and its limit. Safety limits are not checked:
// a limit wider than the channel is harmless, the channel's own range stops first.

import type { Diagnostic, Span } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR, Resolved, StepIR, VoltageSetpointIR } from "../../ir/types.js";
import { stepEnds } from "../../ir/types.js";
import { formatQuantity } from "../../units/display.js";
import { stepsOf } from "../common/constructs.js";
import type { InstrumentProfile } from "../target.js";

export const CURRENT_ABOVE_RANGE = "BTP6010";
export const CURRENT_BELOW_RESOLUTION = "BTP6011";
export const VOLTAGE_OUTSIDE_RANGE = "BTP6012";
export const FREQUENCY_OUTSIDE_RANGE = "BTP6013";
export const NO_IMPEDANCE_ON_PROFILE = "BTP6014";

/** One diagnostic per distinct problem; a 60-step protocol at one wrong current says it once
 * per step, which is what the user must edit. */
export function checkProfile(ir: Pick<ProtocolIR, "body">, profile: InstrumentProfile): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const step of stepsOf(ir.body)) checkStep(step, profile, out);
  return out;
}

function checkStep(step: StepIR, profile: InstrumentProfile, out: Diagnostic[]): void {
  const current = (resolved: Resolved, span: Span, what: string): void => {
    if (resolved.si > profile.maxCurrent) {
      out.push({
        code: CURRENT_ABOVE_RANGE,
        severity: "error",
        message: `${what} ${describe(resolved)} is above the ${formatQuantity(profile.maxCurrent, "current")} the ${profile.name} can drive`,
        span,
        hint: "lower the current, or compile for a channel with a larger range (--profile; see docs/profiles.md)",
      });
    } else if (profile.minCurrent !== undefined && resolved.si > 0 && resolved.si < profile.minCurrent) {
      out.push({
        code: CURRENT_BELOW_RESOLUTION,
        severity: "warning",
        message: `${what} ${describe(resolved)} is below the ${formatQuantity(profile.minCurrent, "current")} the ${profile.name} can control meaningfully`,
        span,
        hint: "use a channel with a lower current range, or check the cell's nominal capacity and area",
      });
    }
  };
  const volts = (value: number, span: Span, what: string): void => {
    if (value < profile.voltage.min || value > profile.voltage.max) {
      out.push({
        code: VOLTAGE_OUTSIDE_RANGE,
        severity: "error",
        message: `${what} ${formatQuantity(value, "voltage")} is outside the ${formatQuantity(profile.voltage.min, "voltage")} to ${formatQuantity(profile.voltage.max, "voltage")} range of the ${profile.name}`,
        span,
        hint: "check the value, or compile for an instrument with a wider voltage range (--profile)",
      });
    }
  };
  const setpoint = (voltage: VoltageSetpointIR, what: string): void => {
    if (voltage.reference === "absolute") volts(voltage.volts, step.span, what);
  };
  switch (step.kind) {
    case "constantCurrent":
      current(step.current, step.span, "the current");
      break;
    case "ccCv":
      current(step.current, step.span, "the current");
      volts(step.voltage, step.span, "the hold voltage");
      break;
    case "constantVoltage":
      setpoint(step.voltage, "the hold voltage");
      break;
    case "linearSweep":
      setpoint(step.from, "the sweep start");
      setpoint(step.to, "the sweep end");
      break;
    case "cyclicVoltammetry":
      volts(step.lower, step.span, "the lower vertex");
      volts(step.upper, step.span, "the upper vertex");
      setpoint(step.start, "the start voltage");
      break;
    case "eis":
      checkImpedance(step, profile, out);
      if (step.mode === "galvanostatic") {
        const peak = step.amplitude + (step.bias.reference === "absolute" ? Math.abs(step.bias.value) : 0);
        current({ si: peak, text: formatQuantity(peak, "current") }, step.span, "the peak EIS current");
      } else if (step.bias.reference === "absolute") {
        volts(step.bias.value, step.span, "the EIS bias");
      }
      break;
    case "temperature":
    case "pause":
      break;
  }
  for (const end of stepEnds(step)) {
    if (end.kind === "voltage") volts(end.volts, end.span, "the cut-off");
    // A taper end below the channel's resolution may never be seen: warn, as for a set current.
    if (end.kind === "current" && profile.minCurrent !== undefined && end.amperes > 0 && end.amperes < profile.minCurrent) {
      current(end.resolved, end.span, "the end current");
    }
  }
}

function checkImpedance(step: Extract<StepIR, { kind: "eis" }>, profile: InstrumentProfile, out: Diagnostic[]): void {
  if (!profile.frequency) {
    out.push({
      code: NO_IMPEDANCE_ON_PROFILE,
      severity: "error",
      message: `the ${profile.name} has no impedance range, so it cannot run this EIS step`,
      span: step.span,
      hint: "run the EIS on a potentiostat (btp compile --plan), or choose a profile with a frequency range",
    });
    return;
  }
  const { min, max } = profile.frequency;
  for (const f of [step.startFrequency, step.endFrequency]) {
    if (f < min || f > max) {
      out.push({
        code: FREQUENCY_OUTSIDE_RANGE,
        severity: "error",
        message: `${formatQuantity(f, "frequency")} is outside the ${formatQuantity(min, "frequency")} to ${formatQuantity(max, "frequency")} impedance range of the ${profile.name}`,
        span: step.span,
        hint: "narrow the frequency range of the spectrum, or use a potentiostat that reaches it",
      });
    }
  }
}

/** "0.5C (0.147 mA)" for relative currents, "5 mA" for plain ones. */
function describe(resolved: Resolved): string {
  const amps = formatQuantity(resolved.si, "current");
  return resolved.basis && resolved.text !== amps ? `${resolved.text} (${amps})` : amps;
}
