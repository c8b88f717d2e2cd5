// Open circuit, impedance, linear sweep and cyclic voltammetry steps as EC-Lab techniques of
// their own. Values that EC-Lab's fields would round (a potential written with 3 decimals) are
// reported, never rounded silently.

import type { CyclicVoltammetryStepIR, EisStepIR, LinearSweepStepIR, OcvStepIR, StepIR, VoltageSetpointIR } from "../../../ir/types.js";
import { formatQuantity } from "../../../units/display.js";
import { formatNumber } from "../../../units/format.js";
import { LARGEST_CURRENT, exactAt } from "../conventions.js";
import { CODES } from "../codes.js";
import type { Potential, Technique } from "../model.js";
import { impedancePeakCurrent } from "../write/ranges.js";
import type { CompileContext } from "./context.js";
import { techniqueSafety } from "./safety.js";

export type TechniqueStep = OcvStepIR | EisStepIR | LinearSweepStepIR | CyclicVoltammetryStepIR;

export function isTechniqueStep(step: StepIR): step is TechniqueStep {
  return step.kind === "ocv" || step.kind === "eis" || step.kind === "linearSweep" || step.kind === "cyclicVoltammetry";
}

export function techniqueFor(step: TechniqueStep, ctx: CompileContext): Technique {
  techniqueSafety(step, ctx);
  switch (step.kind) {
    case "ocv":
      return openCircuit(step, ctx);
    case "eis":
      return impedance(step, ctx);
    case "linearSweep":
      checkRate(step, step.scanRate, ctx);
      return {
        kind: "lsv",
        from: potential(step.from, step, ctx),
        to: potential(step.to, step, ctx),
        scanRate: step.scanRate,
        recordSeconds: step.record.time ?? null,
        recordAmperes: step.record.current ?? null,
        span: step.span,
      };
    case "cyclicVoltammetry":
      checkRate(step, step.scanRate, ctx);
      for (const vertex of [step.upper, step.lower]) volts(vertex, step, ctx);
      if (!Number.isInteger(step.cycles) || step.cycles < 1) {
        ctx.error(CODES.outOfRange, `EC-Lab runs a whole number of cycles, not ${formatNumber(step.cycles)}`, step.span, "give a whole number of cycles");
      }
      return { kind: "cv", start: potential(step.start, step, ctx), upper: step.upper, lower: step.lower, scanRate: step.scanRate, cycles: step.cycles, span: step.span };
  }
}

function openCircuit(step: OcvStepIR, ctx: CompileContext): Technique {
  const time = step.ends.find((e) => e.kind === "time");
  const others = step.ends.filter((e) => e.kind !== "time");
  if (!time || others.length > 0) {
    ctx.error(
      CODES.openCircuitEnd,
      "EC-Lab's Open Circuit Voltage technique ends on time only",
      (others[0] ?? step).span,
      "give the open-circuit step a duration (ocv for 1 h), or write `rest … until …`, which EC-Lab runs as a Modulo Bat rest with limits",
    );
  }
  const seconds = time?.kind === "time" ? time.seconds : 0;
  if (!exactAt(seconds, 4)) {
    ctx.warning(CODES.rounded, `the duration ${formatNumber(seconds)} s is written to 0.1 ms`, step.span);
  }
  return { kind: "ocv", seconds, recordSeconds: step.record.time ?? null, recordVolts: step.record.voltage ?? null, span: step.span };
}

function impedance(step: EisStepIR, ctx: CompileContext): Technique {
  if (!Number.isInteger(step.pointsPerDecade) || step.pointsPerDecade < 1) {
    ctx.error(CODES.outOfRange, `EC-Lab takes a whole number of points per decade, not ${formatNumber(step.pointsPerDecade)}`, step.span, "give a whole number of points per decade");
  }
  const common = { startHz: step.startFrequency, endHz: step.endFrequency, pointsPerDecade: step.pointsPerDecade, span: step.span };
  if (step.mode === "potentiostatic") {
    const bias: Potential = step.bias.reference === "ocv" ? { volts: 0, vs: "Eoc" } : { volts: step.bias.value, vs: "Ref" };
    if (bias.vs === "Ref") volts(bias.volts, step, ctx, 4);
    return { kind: "peis", bias, amplitude: step.amplitude, ...common };
  }
  const biasAmperes = step.bias.reference === "ocv" ? 0 : step.bias.value;
  const peak = impedancePeakCurrent({ biasAmperes, amplitude: step.amplitude });
  if (peak > LARGEST_CURRENT) {
    ctx.error(CODES.outOfRange, `this impedance swings to ${formatQuantity(peak, "current")}, above EC-Lab's largest current range (${LARGEST_CURRENT} A)`, step.span, "use a smaller amplitude or bias");
  }
  return { kind: "geis", biasAmperes, amplitude: step.amplitude, ...common };
}

function potential(setpoint: VoltageSetpointIR, step: StepIR, ctx: CompileContext): Potential {
  if (setpoint.reference === "absolute") {
    volts(setpoint.volts, step, ctx);
    return { volts: setpoint.volts, vs: "Ref" };
  }
  volts(setpoint.offsetVolts, step, ctx, 3, false);
  return { volts: setpoint.offsetVolts, vs: "Eoc" };
}

/** Potentials in technique rows have a fixed number of decimals (3, or 4 for PEIS). */
function volts(value: number, step: StepIR, ctx: CompileContext, decimals = 3, absolute = true): void {
  if (absolute) ctx.voltage(value);
  if (!exactAt(value, decimals)) {
    ctx.warning(CODES.rounded, `${formatNumber(value)} V is written as ${value.toFixed(decimals)} V (EC-Lab's field has ${decimals} decimals)`, step.span);
  }
}

function checkRate(step: StepIR, scanRate: number, ctx: CompileContext): void {
  const mvPerSecond = scanRate * 1000;
  if (!exactAt(mvPerSecond, 3)) {
    ctx.warning(CODES.rounded, `the scan rate ${formatNumber(mvPerSecond)} mV/s is written as ${mvPerSecond.toFixed(3)} mV/s`, step.span);
  }
}
