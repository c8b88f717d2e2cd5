// The settings model → protocol IR. Modulo Bat sequences become steps, Loop sequences and Loop
// techniques become loops around what they jump back over (a jump into the middle of another
// loop is refused, never flattened). Limits that stop the run on a voltage or current become the
// step's safety limits, the header's safety limits the protocol's.

import type { Diagnostic, Span } from "../../../diagnostics/diagnostic.js";
import type { CellIR, EndConditionIR, LimitsIR, LoopIR, NodeIR, ProtocolIR, RecordIR, Resolved, StepIR, VoltageSetpointIR } from "../../../ir/types.js";
import { formatQuantity } from "../../../units/display.js";
import { CODES } from "../codes.js";
import { FIRST_SEQUENCE, FIRST_TECHNIQUE, passesForRepeats } from "../conventions.js";
import type { MbLimit, MbSequence, Potential, SafetyLimits, Technique } from "../model.js";
import { cleanSi, emptyProtocol, numberNodes } from "../../common/imported-ir.js";
import { loopDepth } from "../../common/linearize.js";
import { capacityText } from "../write/header.js";

/** Loops nested deeper than this are refused: no real schedule needs it, and it keeps every
 * later walk of the tree shallow. */
export const MAX_LOOP_DEPTH = 64;

export interface ImportInput {
  file: string;
  title: string;
  techniques: Technique[];
  safety: SafetyLimits;
  /** C */
  batteryCapacity: number | null;
  capacitySpan: Span | null;
  fileSpan: Span;
}

export function settingsToIr(input: ImportInput): { ir: ProtocolIR; diagnostics: Diagnostic[] } {
  const builder = new Builder(input);
  const body = builder.techniques();
  numberNodes(body);
  const ir: ProtocolIR = { ...emptyProtocol(input.file), title: input.title, cell: cellFor(input), limits: builder.headerLimits, body };
  return { ir, diagnostics: builder.diagnostics };
}

interface Placed {
  /** The sequence (or technique) number where this node starts. */
  at: number;
  nodes: NodeIR[];
  depth: number;
}

class Builder {
  readonly diagnostics: Diagnostic[] = [];
  readonly headerLimits: LimitsIR;
  private readonly lastTechnique: number;

  constructor(private readonly input: ImportInput) {
    this.headerLimits = limitsOf(input.safety);
    this.lastTechnique = input.techniques.length - 1;
  }

  techniques(): NodeIR[] {
    const placed: Placed[] = [];
    this.input.techniques.forEach((technique, index) => {
      const at = FIRST_TECHNIQUE + index;
      if (technique.kind === "loop") {
        const loop = this.wrap(placed, technique.toTechnique, at, technique.repeats, technique.span, "technique");
        if (loop) placed.push(loop);
        return;
      }
      const nodes = technique.kind === "moduloBat" ? this.moduloBat(technique.sequences, index === this.lastTechnique) : [this.techniqueStep(technique)];
      placed.push({ at, nodes, depth: depthOf(nodes) });
    });
    return placed.flatMap((p) => p.nodes);
  }

  private moduloBat(sequences: readonly MbSequence[], lastTechnique: boolean): NodeIR[] {
    const placed: Placed[] = [];
    sequences.forEach((sequence, i) => {
      const ns = FIRST_SEQUENCE + i;
      const control = sequence.control;
      if (control.type === "Loop") {
        const loop = this.wrap(placed, control.toSequence, ns, control.repeats, sequence.span, "sequence");
        if (loop) placed.push(loop);
        return;
      }
      const isLast = lastTechnique && i === sequences.length - 1;
      placed.push({ at: ns, nodes: [this.sequenceStep(sequence, isLast)], depth: 0 });
    });
    return placed.flatMap((p) => p.nodes);
  }

  /** Wraps the placed nodes from `target` onwards into a loop, or reports why it cannot. */
  private wrap(placed: Placed[], target: number, at: number, repeats: number, span: Span | null, what: "sequence" | "technique"): Placed | null {
    const where = span ?? this.input.fileSpan;
    const index = placed.findIndex((p) => p.at === target);
    if (target >= at || index === -1) {
      const reason =
        target >= at
          ? `goes forward to ${what} ${target}`
          : `goes back to ${what} ${target}, which is inside another loop or was not imported`;
      this.diagnostics.push({
        code: CODES.jump,
        severity: "error",
        message: `the loop at ${what} ${at} ${reason}; btp imports loops that repeat whole ${what}s before them`,
        span: where,
        hint: "loops may nest but not overlap; rewrite the schedule in EC-Lab or write this part by hand",
        target: "biologic",
      });
      return null;
    }
    const inner = placed.splice(index);
    const depth = 1 + Math.max(0, ...inner.map((p) => p.depth));
    if (depth > MAX_LOOP_DEPTH) {
      this.diagnostics.push({ code: CODES.jump, severity: "error", message: `loops are nested more than ${MAX_LOOP_DEPTH} deep`, span: where, target: "biologic" });
      return null;
    }
    const loop: LoopIR = { kind: "loop", id: "", span: where, count: passesForRepeats(repeats), until: null, body: inner.flatMap((p) => p.nodes) };
    return { at: target, nodes: [loop], depth };
  }

  private base(span: Span | null): { id: string; span: Span; label: null; limits: LimitsIR; record: RecordIR; ambient: null } {
    return { id: "", span: span ?? this.input.fileSpan, label: null, limits: this.headerLimits, record: {}, ambient: null };
  }

  private sequenceStep(sequence: MbSequence, isLast: boolean): StepIR {
    const span = sequence.span ?? this.input.fileSpan;
    const { ends, safety } = this.limits(sequence.limits, span, isLast);
    const record: RecordIR = {};
    for (const r of sequence.records) {
      if (r.type === "Time") record.time = cleanSi(r.seconds);
      else if (r.type === "Ewe") record.voltage = cleanSi(r.volts);
      else record.current = cleanSi(r.amperes);
    }
    const base = { ...this.base(span), limits: tightest(this.headerLimits, safety), record };
    const control = sequence.control;
    switch (control.type) {
      case "Rest":
        return { ...base, kind: "rest", ends };
      case "CC":
        return { ...base, kind: "constantCurrent", direction: control.direction, current: this.current(control), ends };
      case "CV":
        return { ...base, kind: "constantVoltage", voltage: setpoint(control.potential), ends };
      case "Loop":
        // Loops are placed by `moduloBat`; a lone one here would be a bug.
        return { ...base, kind: "rest", ends };
    }
  }

  private current(control: Extract<MbSequence["control"], { type: "CC" }>): Resolved {
    const si = cleanSi(control.amperes);
    if (!control.cRate) return { si, text: formatQuantity(si, "current") };
    const { mode, n } = control.cRate;
    // C / N and C x N with the same rate are the same current; the IR keeps the rate only.
    const relative = mode === "C / N" ? 1 / n : n;
    const text = formatQuantity(relative, "c-rate");
    return {
      si,
      text,
      derivation: `${text} of the battery capacity ${capacityText(this.input.batteryCapacity)} = ${formatQuantity(si, "current")}`,
      basis: "c-rate",
      relative,
    };
  }

  private limits(limits: readonly MbLimit[], span: Span, isLast: boolean): { ends: EndConditionIR[]; safety: LimitsIR } {
    const ends: EndConditionIR[] = [];
    const safety: LimitsIR = {};
    for (const limit of limits) {
      if (limit.action === "stop" && limit.type === "Ewe") {
        const voltage = safety.voltage ?? { min: null, max: null };
        if (limit.comparison === ">") voltage.max = cleanSi(limit.volts);
        else voltage.min = cleanSi(limit.volts);
        safety.voltage = voltage;
        continue;
      }
      if (limit.action === "stop" && limit.type === "|I|" && limit.comparison === ">") {
        safety.current = { max: cleanSi(limit.amperes) };
        continue;
      }
      if (limit.action === "stop" && !isLast) {
        this.diagnostics.push({
          code: CODES.stopBeforeEnd,
          severity: "error",
          message: "this sequence stops the whole run when its limit is reached, before the end of the schedule",
          span,
          hint: "btp steps end and the schedule goes on; end the run with a stop guard in the .btp file, or change the action to Next sequence in EC-Lab",
          target: "biologic",
        });
        continue;
      }
      ends.push(endOf(limit, span));
    }
    return { ends, safety };
  }

  private techniqueStep(technique: Exclude<Technique, { kind: "moduloBat" | "loop" }>): StepIR {
    const base = this.base(technique.span);
    switch (technique.kind) {
      case "ocv": {
        const record: RecordIR = {};
        if (technique.recordSeconds !== null) record.time = cleanSi(technique.recordSeconds);
        if (technique.recordVolts !== null) record.voltage = cleanSi(technique.recordVolts);
        return { ...base, record, kind: "ocv", ends: [{ kind: "time", seconds: cleanSi(technique.seconds), span: base.span }] };
      }
      case "peis":
        return {
          ...base,
          kind: "eis",
          mode: "potentiostatic",
          startFrequency: cleanSi(technique.startHz),
          endFrequency: cleanSi(technique.endHz),
          amplitude: cleanSi(technique.amplitude),
          pointsPerDecade: technique.pointsPerDecade,
          bias: technique.bias.vs === "Eoc" ? { reference: "ocv" } : { reference: "absolute", value: cleanSi(technique.bias.volts) },
        };
      case "geis":
        return {
          ...base,
          kind: "eis",
          mode: "galvanostatic",
          startFrequency: cleanSi(technique.startHz),
          endFrequency: cleanSi(technique.endHz),
          amplitude: cleanSi(technique.amplitude),
          pointsPerDecade: technique.pointsPerDecade,
          bias: technique.biasAmperes === 0 ? { reference: "ocv" } : { reference: "absolute", value: cleanSi(technique.biasAmperes) },
        };
      case "lsv": {
        const record: RecordIR = {};
        if (technique.recordSeconds !== null) record.time = cleanSi(technique.recordSeconds);
        if (technique.recordAmperes !== null) record.current = cleanSi(technique.recordAmperes);
        return { ...base, record, kind: "linearSweep", from: setpoint(technique.from), to: setpoint(technique.to), scanRate: cleanSi(technique.scanRate) };
      }
      case "cv":
        return {
          ...base,
          kind: "cyclicVoltammetry",
          lower: cleanSi(technique.lower),
          upper: cleanSi(technique.upper),
          scanRate: cleanSi(technique.scanRate),
          cycles: technique.cycles,
          start: setpoint(technique.start),
        };
    }
  }
}

function endOf(limit: MbLimit, span: Span): EndConditionIR {
  switch (limit.type) {
    case "Time":
      return { kind: "time", seconds: cleanSi(limit.seconds), span };
    case "Ewe":
      return { kind: "voltage", comparator: limit.comparison, volts: cleanSi(limit.volts), span };
    case "|I|": {
      const amperes = cleanSi(limit.amperes);
      return { kind: "current", comparator: limit.comparison, amperes, resolved: { si: amperes, text: formatQuantity(amperes, "current") }, span };
    }
    case "|Q|": {
      const coulombs = cleanSi(limit.coulombs);
      return { kind: "capacity", coulombs, resolved: { si: coulombs, text: formatQuantity(coulombs, "capacity") }, span };
    }
  }
}

function setpoint(potential: Potential): VoltageSetpointIR {
  const volts = cleanSi(potential.volts);
  if (potential.vs === "Ref") return { reference: "absolute", volts, text: formatQuantity(volts, "voltage") };
  const text = volts === 0 ? "ocv" : `ocv ${volts > 0 ? "+" : "-"} ${formatQuantity(Math.abs(volts), "voltage")}`;
  return { reference: "ocv", offsetVolts: volts, text };
}

function limitsOf(safety: SafetyLimits): LimitsIR {
  const limits: LimitsIR = {};
  if (safety.voltageMin !== null || safety.voltageMax !== null) limits.voltage = { min: cleanOrNull(safety.voltageMin), max: cleanOrNull(safety.voltageMax) };
  if (safety.currentMax !== null) limits.current = { max: cleanSi(safety.currentMax) };
  return limits;
}

/** The header's limits with a step's own stop limits: the tightest of each. */
function tightest(header: LimitsIR, step: LimitsIR): LimitsIR {
  if (!step.voltage && !step.current) return header;
  const out: LimitsIR = { ...header };
  if (step.voltage) {
    const min = [header.voltage?.min, step.voltage.min].filter((v): v is number => v !== null && v !== undefined);
    const max = [header.voltage?.max, step.voltage.max].filter((v): v is number => v !== null && v !== undefined);
    out.voltage = { min: min.length ? Math.max(...min) : null, max: max.length ? Math.min(...max) : null };
  }
  if (step.current) out.current = { max: Math.min(step.current.max, header.current?.max ?? Infinity) };
  return out;
}

function cellFor(input: ImportInput): CellIR | null {
  if (input.batteryCapacity === null) return null;
  return {
    name: "cell",
    title: null,
    kind: "full",
    format: null,
    chemistry: null,
    nominalCapacity: cleanSi(input.batteryCapacity),
    nominalCapacityDerivation: `Battery capacity : ${capacityText(input.batteryCapacity)} in the EC-Lab settings`,
    area: null,
    activeMass: null,
    window: null,
    electrodes: [],
    electrolyte: null,
    model: {},
    span: input.capacitySpan ?? input.fileSpan,
  };
}

function depthOf(nodes: readonly NodeIR[]): number {
  return loopDepth(nodes);
}

function cleanOrNull(x: number | null): number | null {
  return x === null ? null : cleanSi(x);
}
