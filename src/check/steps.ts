// One source step → IR steps. Set-points are checked by dimension (a voltage after `charge at`
// is the classic slip, and the hint says what to write instead) and resolved through the cell.

import type { Span } from "../diagnostics/diagnostic.js";
import type { LimitsIR, RecordIR, StepIR, TemperatureStepIR, VoltageSetpointIR } from "../ir/types.js";
import type {
  ChargeStep,
  CyclicVoltammetryStep,
  EisStep,
  Settle,
  Step,
  StepOptions,
  SweepStep,
  TemperatureStep,
} from "../syntax/ast.js";
import { formatQuantity } from "../units/index.js";
import type { QuantityKind } from "../units/index.js";
import type { CheckContext } from "./context.js";
import { readEnds, voltageEnd } from "./ends.js";
import { evaluate } from "./evaluate.js";
import {
  expectAboveAbsoluteZero,
  expectPositive,
  expectQuantity,
  expectVoltageSetpoint,
  expectWholeNumber,
} from "./expect.js";
import { mergeLimits, readLimits, readRecord } from "./limits.js";
import { resolveCurrent } from "./relative.js";
import type { Scope } from "./scope.js";
import { CURRENT_LIKE, kindOfValue } from "./values.js";
import type { QuantityValue } from "./values.js";

/** What the enclosing blocks give every step. */
export interface StepEnvironment {
  scope: Scope;
  limits: LimitsIR;
  record: RecordIR;
  /** The chamber set-point in effect (K) and how it was waited for. */
  ambient: { kelvin: number; settle: TemperatureStepIR["settle"] } | null;
}

/** Hands out the next sibling id ("3.2", "3.3", …). */
export type IdAllocator = () => string;

const DEFAULT_POINTS_PER_DECADE = 10;

export function buildStep(ctx: CheckContext, step: Step, env: StepEnvironment, nextId: IdAllocator): StepIR[] {
  const base = (span: Span = step.span) => stepBase(ctx, step.options, env, nextId, span);
  switch (step.kind) {
    case "ChargeStep":
      return chargeStep(ctx, step, env, base);
    case "HoldStep": {
      const voltage = expectVoltageSetpoint(ctx, evaluate(ctx, step.voltage, env.scope), "`hold at`", true);
      const ends = readEnds(ctx, step.end, env.scope, "hold");
      return voltage ? [{ ...base(), kind: "constantVoltage", voltage, ends }] : [];
    }
    case "RestStep":
      return [{ ...base(), kind: "rest", ends: readEnds(ctx, step.end, env.scope, "rest") }];
    case "OcvStep":
      return [{ ...base(), kind: "ocv", ends: readEnds(ctx, step.end, env.scope, "ocv") }];
    case "EisStep":
      return eisStep(ctx, step, env, base);
    case "SweepStep":
      return sweepStep(ctx, step, env, base);
    case "CyclicVoltammetryStep":
      return cvStep(ctx, step, env, base);
    case "TemperatureStep": {
      const setpoint = readTemperature(ctx, step.setpoint, env.scope);
      const settle = readSettle(ctx, step.settle, env.scope);
      if (setpoint === null || settle === null) return [];
      return [{ ...base(), kind: "temperature", setpoint: setpoint.kelvin, settle, ambient: setpoint.kelvin }];
    }
    case "PauseStep":
      return [{ ...base(), kind: "pause", message: step.message?.value ?? "" }];
  }
  return [];
}

type BaseFields = Pick<StepIR, "id" | "span" | "label" | "limits" | "record" | "ambient">;
type BaseMaker = (span?: Span) => BaseFields;

function stepBase(ctx: CheckContext, options: StepOptions | undefined, env: StepEnvironment, nextId: IdAllocator, span: Span): BaseFields {
  const ownLimits = options?.limits ? readLimits(ctx, options.limits, env.scope) : {};
  return {
    id: nextId(),
    span,
    label: options?.label?.value ?? null,
    limits: mergeLimits(env.limits, ownLimits),
    record: options?.record ? readRecord(ctx, options.record, env.scope) : env.record,
    ambient: env.ambient?.kelvin ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// charge / discharge

function chargeStep(ctx: CheckContext, step: ChargeStep, env: StepEnvironment, base: BaseMaker): StepIR[] {
  const setpoint = expectQuantity(ctx, evaluate(ctx, step.setpoint, env.scope), [...CURRENT_LIKE, "power"], {
    what: `\`${step.direction} at\``,
    code: "BTP3011",
    hint: (value, kind) => setpointHint(step.direction, value, kind),
  });
  const ends = readEnds(ctx, step.end, env.scope, step.direction);
  if (!setpoint || !setpointSign(ctx, step.direction, setpoint)) return [];

  if (kindOfValue(setpoint) === "power") {
    if (step.thenHold) {
      ctx.error("BTP3043", "`then hold` follows a constant current, not a constant power", step.thenHold.span, {
        hint: "write the hold as its own step: `hold at 4.2 V until C/20`",
      });
      return [];
    }
    return [{ ...base(), kind: "constantPower", direction: step.direction, power: { si: setpoint.si ?? 0, text: setpoint.text }, ends }];
  }
  const current = resolveCurrent(ctx, setpoint);
  if (!current) return [];
  if (!step.thenHold) return [{ ...base(), kind: "constantCurrent", direction: step.direction, current, ends }];

  // CC-CV written as one step: the CC part must stop at a voltage, which the CV part holds.
  const hold = step.thenHold;
  const cutoff = voltageEnd(ends);
  if (!cutoff) {
    if (!step.end?.recovered) {
      ctx.error("BTP3039", "`then hold` needs the constant-current part to end at a voltage", hold.span, {
        hint: `write the cut-off before \`then\`: \`${step.direction} at ${setpoint.text} until 4.2 V then hold until C/20\``,
      });
    }
    return [];
  }
  const cvEnds = readEnds(ctx, hold.end, env.scope, "hold");
  const ccEnds = ends.filter((end) => end !== cutoff);
  if (hold.voltage) {
    const written = expectVoltageSetpoint(ctx, evaluate(ctx, hold.voltage, env.scope), "`then hold at`", false);
    if (!written || written.reference !== "absolute") return [];
    if (!ctx.abstract && !sameVoltage(written.volts, cutoff.volts)) {
      ctx.warning("BTP3038", `the hold voltage \`${written.text}\` differs from the cut-off \`${formatQuantity(cutoff.volts, "voltage")}\` it follows`, hold.voltage.span, {
        hint: "a CV hold usually holds the voltage the constant current stopped at (a classic typing mistake); drop `at …` to hold at the cut-off",
        related: [{ message: "the constant-current part ends here", span: cutoff.span }],
      });
      // Kept as written: a constant current to the cut-off, then a hold at the other voltage.
      return [
        { ...base(), kind: "constantCurrent", direction: step.direction, current, ends },
        { ...base(hold.span), kind: "constantVoltage", voltage: written, ends: cvEnds },
      ];
    }
  }
  return [{ ...base(), kind: "ccCv", direction: step.direction, current, voltage: cutoff.volts, ccEnds, cvEnds }];
}

function sameVoltage(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function setpointHint(direction: string, value: QuantityValue, kind: QuantityKind | null): string {
  switch (kind) {
    case "voltage":
      return `to hold a voltage write \`hold at ${value.text} until …\`; to ${direction} up to it write \`${direction} at 0.5C until ${value.text}\``;
    case "capacity":
    case "specific capacity":
    case "areal capacity":
      return `a capacity says when to stop: \`${direction} at 0.5C until ${value.text}\``;
    case "time":
      return `a duration says how long: \`${direction} at 0.5C for ${value.text}\``;
    case "count":
      return `give the number a unit, e.g. \`${value.text}C\` for a C-rate or \`${value.text} mA\``;
    default:
      return "write a current (`1 mA`), a C-rate (`0.5C`), a current density (`0.2 mA/cm2`), a specific current (`100 mA/g`) or a power (`10 mW`)";
  }
}

/** Direction is a word, never a sign: a negative set-point is refused, a zero one is a rest. */
function setpointSign(ctx: CheckContext, direction: "charge" | "discharge", value: QuantityValue): boolean {
  if (value.si === null || value.si > 0) return true;
  if (value.si < 0) {
    const other = direction === "charge" ? "discharge" : "charge";
    ctx.error("BTP3029", `\`${direction} at ${value.text}\`: the direction is a word, never a sign`, value.span, {
      hint: `write \`${other} at ${value.text.replace(/^\s*-\s*/, "")}\``,
    });
  } else {
    ctx.error("BTP3033", `\`${direction} at ${value.text}\` passes no current`, value.span, { hint: "to let the cell sit, write `rest for …`" });
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// potentiostat techniques

function eisStep(ctx: CheckContext, step: EisStep, env: StepEnvironment, base: BaseMaker): StepIR[] {
  const frequency = (expr: EisStep["from"], what: string): number | null => {
    const value = expectQuantity(ctx, evaluate(ctx, expr, env.scope), ["frequency"], { what });
    return value && expectPositive(ctx, value, what) ? (value.si ?? 0) : null;
  };
  const startFrequency = frequency(step.from, "the start frequency");
  const endFrequency = frequency(step.to, "the end frequency");

  let mode: "potentiostatic" | "galvanostatic" | null = null;
  let amplitude: number | null = null;
  if (!step.amplitude) {
    ctx.error("BTP3034", "an impedance measurement needs an amplitude", step.span, {
      hint: "add `amplitude 5 mV` (potentiostatic) or `amplitude 10 µA` (galvanostatic)",
    });
  } else {
    const value = expectQuantity(ctx, evaluate(ctx, step.amplitude, env.scope), ["voltage", ...CURRENT_LIKE], {
      what: "the amplitude",
      hint: () => "a voltage amplitude (`5 mV`) makes a potentiostatic EIS, a current amplitude (`10 µA`) a galvanostatic one",
    });
    if (value && expectPositive(ctx, value, "the amplitude")) {
      if (kindOfValue(value) === "voltage") {
        mode = "potentiostatic";
        amplitude = value.si ?? 0;
      } else {
        mode = "galvanostatic";
        amplitude = resolveCurrent(ctx, value)?.si ?? null;
      }
    }
  }

  const points = step.pointsPerDecade
    ? expectWholeNumber(ctx, evaluate(ctx, step.pointsPerDecade, env.scope), { what: "points per decade", min: 1 })
    : DEFAULT_POINTS_PER_DECADE;

  const bias = eisBias(ctx, step, env, mode);
  if (startFrequency === null || endFrequency === null || mode === null || amplitude === null || points === null || bias === null) return [];
  return [{ ...base(), kind: "eis", mode, startFrequency, endFrequency, amplitude, pointsPerDecade: points ?? DEFAULT_POINTS_PER_DECADE, bias }];
}

function eisBias(
  ctx: CheckContext,
  step: EisStep,
  env: StepEnvironment,
  mode: "potentiostatic" | "galvanostatic" | null,
): { reference: "ocv" } | { reference: "absolute"; value: number } | null {
  if (!step.bias) return { reference: "ocv" };
  const value = evaluate(ctx, step.bias, env.scope);
  if (value.kind === "ocv") {
    if (value.offset === null || value.offset === 0) return { reference: "ocv" };
    ctx.error("BTP3019", `an impedance bias relative to open circuit (\`${value.text}\`) is not supported`, value.span, {
      hint: "measure at `ocv`, or give an absolute bias such as `at 3.7 V`",
    });
    return null;
  }
  if (mode === null) return value.kind === "invalid" ? null : { reference: "ocv" };
  const accepted = mode === "potentiostatic" ? ["voltage" as const] : CURRENT_LIKE;
  const bias = expectQuantity(ctx, value, accepted, {
    what: `the bias of a ${mode} EIS`,
    hint: () => (mode === "potentiostatic" ? "a potentiostatic EIS is biased at a voltage (`at 3.7 V`) or at `ocv`" : "a galvanostatic EIS is biased at a current (`at 0 mA`)"),
  });
  if (!bias) return null;
  if (mode === "potentiostatic") return { reference: "absolute", value: bias.si ?? 0 };
  const resolved = resolveCurrent(ctx, bias);
  return resolved ? { reference: "absolute", value: resolved.si } : null;
}

function scanRate(ctx: CheckContext, expr: SweepStep["scanRate"], env: StepEnvironment): number | null {
  const value = expectQuantity(ctx, evaluate(ctx, expr, env.scope), ["scan rate"], {
    what: "the scan rate",
    hint: () => "a scan rate is a voltage per time, e.g. `0.1 mV/s`",
  });
  return value && expectPositive(ctx, value, "the scan rate") ? (value.si ?? 0) : null;
}

function sweepStep(ctx: CheckContext, step: SweepStep, env: StepEnvironment, base: BaseMaker): StepIR[] {
  const from = expectVoltageSetpoint(ctx, evaluate(ctx, step.from, env.scope), "the sweep start", true);
  const to = expectVoltageSetpoint(ctx, evaluate(ctx, step.to, env.scope), "the sweep end", true);
  const rate = scanRate(ctx, step.scanRate, env);
  if (!from || !to || rate === null) return [];
  return [{ ...base(), kind: "linearSweep", from, to, scanRate: rate }];
}

function cvStep(ctx: CheckContext, step: CyclicVoltammetryStep, env: StepEnvironment, base: BaseMaker): StepIR[] {
  const lower = expectVoltageSetpoint(ctx, evaluate(ctx, step.lower, env.scope), "a cv vertex", false);
  const upper = expectVoltageSetpoint(ctx, evaluate(ctx, step.upper, env.scope), "a cv vertex", false);
  const rate = scanRate(ctx, step.scanRate, env);
  const cycles = step.cycles ? expectWholeNumber(ctx, evaluate(ctx, step.cycles, env.scope), { what: "the number of cv cycles", min: 1 }) : 1;
  let start: VoltageSetpointIR | null = { reference: "ocv", offsetVolts: 0, text: "ocv" };
  if (step.start) start = expectVoltageSetpoint(ctx, evaluate(ctx, step.start, env.scope), "the cv start", true);
  if (!lower || !upper || lower.reference !== "absolute" || upper.reference !== "absolute") return [];
  if (!ctx.abstract && lower.volts >= upper.volts) {
    ctx.error("BTP3040", `\`cv between ${lower.text} and ${upper.text}\`: the lower vertex must come first and be below the upper one`, coverOf(step.lower.span, step.upper.span), {
      hint: `write \`cv between ${upper.text} and ${lower.text}\``,
    });
    return [];
  }
  if (rate === null || cycles === null || start === null) return [];
  return [{ ...base(), kind: "cyclicVoltammetry", lower: lower.volts, upper: upper.volts, scanRate: rate, cycles: cycles ?? 1, start }];
}

function coverOf(first: Span, last: Span): Span {
  return { file: first.file, start: first.start, end: last.end };
}

// ---------------------------------------------------------------------------------------------
// temperature

/** A chamber set-point in K with its text as written (a param's value, not its name), or null
 * (reported). */
export function readTemperature(ctx: CheckContext, expr: TemperatureStep["setpoint"], scope: Scope): { kelvin: number; text: string } | null {
  const value = expectQuantity(ctx, evaluate(ctx, expr, scope), ["temperature"], {
    what: "a temperature set-point",
    hint: (written, kind) => (kind === "count" ? `give the unit: \`${written.text} °C\`` : undefined),
  });
  if (!value || !expectAboveAbsoluteZero(ctx, value)) return null;
  // Unknown only inside a sequence checked on its own, whose IR is dropped.
  return { kelvin: value.si ?? 0, text: value.text };
}

/** `settle 2 h` / `settle until stable` / nothing. */
export function readSettle(ctx: CheckContext, settle: Settle | null, scope: Scope): TemperatureStepIR["settle"] | null {
  if (!settle || settle.recovered) return { kind: "none" };
  if (settle.untilStable) return { kind: "stable" };
  if (!settle.duration) return { kind: "none" };
  const value = expectQuantity(ctx, evaluate(ctx, settle.duration, scope), ["time"], { what: "`settle`", code: "BTP3012" });
  if (!value || !expectPositive(ctx, value, "the settle time")) return null;
  return { kind: "time", seconds: value.si ?? 0 };
}
