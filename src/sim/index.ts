// The simulator: runs a checked protocol on a model of its cell and streams the trace, the step
// table, the per-cycle summary, impedance spectra and voltammograms to a sink.
//
//   const result = simulate(ir, { tolerance: 0.002 }, sink);
//
// Model and numerics: docs/simulator.md. Parameters and their derivations: docs/cell-parameters.md.

import { fileSpan, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { CellIR, NodeIR, ProtocolIR } from "../ir/types.js";
import { isStep, walkNodes } from "../ir/types.js";
import { formatNumber } from "../units/format.js";
import { Chamber } from "./engine/chamber.js";
import { Run } from "./engine/run.js";
import { Walker } from "./engine/walker.js";
import { createCellModel } from "./model/create.js";
import { ROOM_TEMPERATURE } from "./model/constants.js";
import type { CellParameters } from "./parameters/catalogue.js";
import { defaultParametersFor as resolveDefaults, withOverrides } from "./parameters/resolve.js";
import type { SimulationOptions, SimulationResult, TraceSink } from "./types.js";

export type * from "./types.js";
export type { CellParameters, ModelKind, NumericParameters, ParameterInfo } from "./parameters/catalogue.js";
export { PARAMETER_CATALOGUE, parametersOf } from "./parameters/catalogue.js";
export { PRESETS, findPreset, presetParameters } from "./parameters/presets.js";

export const DEFAULT_TOLERANCE = 0.002;
const DEFAULT_MAX_STEPS = 5_000_000;
const DEFAULT_MAX_STEP_DURATION = 1000 * 3600;
/** The chord tolerance inside steps is tighter than the user's, because the midpoint test can
 * underestimate the largest deviation of a chord by up to about a third. */
const CHORD_SHARE = 0.7;

/** The default parameters for a declared cell, with diagnostics for anything missing or wrong. */
export function defaultParametersFor(cell: CellIR): { parameters: CellParameters; diagnostics: Diagnostic[] } {
  return resolveDefaults(cell);
}

/** Runs the protocol. Never throws on bad input: problems come back as diagnostics. */
export function simulate(ir: ProtocolIR, options: SimulationOptions, sink: TraceSink): SimulationResult {
  const diagnostics: Diagnostic[] = [];
  const result = (parameters: CellParameters | null): SimulationResult => ({
    diagnostics,
    parameters,
    stepsRun: 0,
    cycles: 0,
    duration: 0,
    rowsWritten: 0,
    stoppedEarly: null,
  });
  const cell = ir.cell;
  if (!cell) {
    diagnostics.push({
      code: "BTP7001",
      severity: "error",
      message: "the protocol declares no cell, so there is nothing to simulate",
      span: fileSpan(ir.source),
      hint: 'add `use cell "cells/…"` or a `cell { … }` block',
    });
    return result(null);
  }
  const defaults = resolveDefaults(cell);
  diagnostics.push(...defaults.diagnostics);
  if (hasErrors(defaults.diagnostics)) return result(null);
  const resolved = withOverrides(defaults.parameters, options.cellParameters, cell.span);
  diagnostics.push(...resolved.diagnostics);
  const parameters = resolved.parameters;
  if (hasErrors(resolved.diagnostics)) return result(null);

  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance > 0) || !Number.isFinite(tolerance) || tolerance > 1) {
    diagnostics.push({
      code: "BTP7016",
      severity: "error",
      message: `the trace tolerance must be between 0 and 1 V, not ${formatNumber(tolerance, 6)} V`,
      span: fileSpan(ir.source),
      hint: "the default, 2 mV, keeps plots exact at any screen size",
    });
    return result(parameters);
  }
  const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
  const planned = plannedSteps(ir.body, 1);
  if (planned > maxSteps) {
    diagnostics.push({
      code: "BTP7007",
      severity: "error",
      message: `the protocol runs about ${formatNumber(planned, 3)} steps, more than the simulator's limit of ${formatNumber(maxSteps)}`,
      span: fileSpan(ir.source),
      hint: "lower the loop counts (e.g. with --set) to simulate a part of the test",
    });
    return result(parameters);
  }

  const initial = options.initialTemperature ?? initialTemperatureOf(ir.body);
  const model = createCellModel(parameters, initial);
  const chamber = new Chamber(initial, parameters.thermalTimeConstant);
  const run = new Run(
    model,
    chamber,
    sink,
    {
      chordTolerance: CHORD_SHARE * tolerance,
      emitRows: !options.summaryOnly,
      maxStepDuration: options.maxStepDuration ?? DEFAULT_MAX_STEP_DURATION,
    },
    options.retentionReferenceCycle ?? null,
    parameters.complianceCurrent,
  );

  let reported = -1;
  const report = (fraction: number): void => {
    const bucket = Math.floor(fraction * 200);
    if (bucket > reported) {
      reported = bucket;
      options.onProgress?.(Math.min(1, fraction));
    }
  };
  const walker = new Walker(run, { stepDone: () => report(planned > 0 ? run.stepCount / planned : 1) });
  walker.walk(ir.body);
  if (run.stepCount > 0) run.cycles.close(run);
  report(1);

  diagnostics.push(...run.diagnostics);
  return {
    diagnostics,
    parameters,
    stepsRun: run.stepCount,
    cycles: run.stepCount > 0 ? run.cycles.cycle : 0,
    duration: run.time,
    rowsWritten: run.rowsWritten,
    stoppedEarly: run.stoppedEarly,
  };
}

/** Steps the protocol runs if every loop runs to its count (cycle actions pro rata). */
function plannedSteps(body: readonly NodeIR[], loopCount: number): number {
  let total = 0;
  for (const node of body) {
    if (isStep(node)) total += 1;
    else if (node.kind === "loop") total += Math.max(0, node.count) * plannedSteps(node.body, node.count);
    else if (node.kind === "group") total += plannedSteps(node.body, loopCount);
    else if (node.kind === "cycleAction") {
      const share = node.cycles ? Math.min(1, node.cycles.length / Math.max(1, loopCount)) : node.every ? 1 / node.every : 0;
      total += share * plannedSteps(node.body, loopCount);
    }
  }
  return total;
}

/** The cell starts at the first step's ambient when that step is not itself a temperature step
 * (the protocol never asked the chamber to change), otherwise at room temperature. */
function initialTemperatureOf(body: readonly NodeIR[]): number {
  for (const node of walkNodes(body)) {
    if (!isStep(node)) continue;
    if (node.kind !== "temperature" && node.ambient !== null) return node.ambient;
    return ROOM_TEMPERATURE;
  }
  return ROOM_TEMPERATURE;
}
