// Building a protocol IR from an instrument's own file. Shared by the Neware and Arbin importers
// (both read a numbered list of steps and rebuild loops from it); a candidate for
// src/targets/common/ once another importer needs it.
//
// Spans point into the vendor file, so a diagnostic or a rebuilt .btp can say which step of the
// schedule a node came from. Node ids are given once the tree is complete (numberNodes).

import type { Position, Span } from "../../../diagnostics/diagnostic.js";
import { IR_VERSION } from "../../../ir/types.js";
import type { LimitsIR, NodeIR, ProtocolIR, RecordIR } from "../../../ir/types.js";

/** Offsets → 1-based lines and columns for one file's text. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly file: string,
    text: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  position(offset: number): Position {
    const at = Math.max(0, offset);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { offset: at, line: low + 1, column: at - this.lineStarts[low]! + 1 };
  }

  span(start: number, end: number): Span {
    return { file: this.file, start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** The span of a whole line (1-based), without its line break. */
  lineSpan(line: number, lineText: string): Span {
    const start = this.lineStarts[Math.min(Math.max(line, 1), this.lineStarts.length) - 1] ?? 0;
    return this.span(start, start + lineText.replace(/\r$/, "").length);
  }
}

/** A protocol with nothing in it yet, for an importer to fill. */
export function emptyProtocol(file: string): ProtocolIR {
  return {
    irVersion: IR_VERSION,
    title: null,
    source: file,
    metadata: { citations: [], figures: [], notes: [], instruments: [], authors: [] },
    cell: null,
    params: [],
    limits: {},
    record: {},
    body: [],
  };
}

/** Gives every node its dotted id ("2.1") from its place in the tree. Importers cap nesting
 * depth before this runs, so the recursion is shallow. */
export function numberNodes(body: NodeIR[], prefix = ""): void {
  body.forEach((node, index) => {
    node.id = `${prefix}${index + 1}`;
    if (node.kind === "loop" || node.kind === "cycleAction" || node.kind === "group") numberNodes(node.body, `${node.id}.`);
  });
}

/** A value read from a file, rounded to 12 significant digits so that unit conversions
 * (0.1 mV → V, mA → A) leave no binary residue and read back the same after a round trip. */
export function cleanSi(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  return Number(x.toPrecision(12));
}

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
