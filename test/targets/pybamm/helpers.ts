// Test helpers shared by the PyBaMM, BattINFO and methods target tests: protocols built with the
// real checker, goldens, and IR comparison that ignores what a round trip through PyBaMM cannot
// keep by design (spans, ids, groups, how a value was spelled).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { checkFile, checkText } from "../../../src/check/index.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import type { NodeIR, ProtocolIR } from "../../../src/ir/types.js";
import type { CompileResult } from "../../../src/targets/target.js";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const OPTIONS = { baseName: "test", btpVersion: "0.0.0-test" };
/** The protocols every target has reviewed goldens for. */
export const GOLDEN_PROTOCOLS = ["a03-rate-capability-60c", "a08-cycling-5c-10000-cycles", "b05-cycling-25degc", "b06-rate-capability"];

/** A coin cell of 0.294 mAh (2.5 mg × 117.6 mAh/g): 1C = 0.294 mA. */
export const CELL = `cell coin {
  kind full
  cathode NVP { active mass 2.5 mg, specific capacity 117.6 mAh/g }
  area 1.131 cm2
  window 2.3 V .. 3.9 V
}
use cell coin
`;

/** Checks a protocol body (with the coin cell) and returns its IR; fails the test on errors. */
export function protocolIr(body: string, title = "test protocol"): ProtocolIR {
  const source = `protocol "${title}"\n${CELL}${body}\n`;
  const result = checkText(source, "test.btp", { readFile: () => undefined });
  expect(errorsOf(result.diagnostics).map((d) => `${d.code} ${d.message}`)).toEqual([]);
  return result.ir!;
}

/** A bundled protocol, checked from disk with a path relative to the repository (so that file
 * headers do not name this machine). */
export function bundledIr(name: string): ProtocolIR {
  const result = checkFile(path.relative(process.cwd(), path.join(ROOT, "protocols", `${name}.btp`)));
  expect(errorsOf(result.diagnostics)).toEqual([]);
  return result.ir!;
}

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "error");
}

export function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

export function text(content: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: true }).decode(content);
}

/** The one file of a successful compile, as text. */
export function onlyText(result: CompileResult): string {
  expect(errorsOf(result.diagnostics).map((d) => `${d.code} ${d.message}`)).toEqual([]);
  expect(result.files).toHaveLength(1);
  return text(result.files[0]!.content);
}

/** Compares with the reviewed golden file beside the test; BTP_UPDATE_GOLDEN=1 rewrites it. */
export function expectGolden(dir: string, name: string, actual: string): void {
  const file = path.join(dir, "golden", name);
  if (process.env.BTP_UPDATE_GOLDEN === "1" || !existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    if (process.env.BTP_UPDATE_GOLDEN !== "1") throw new Error(`wrote the missing golden ${file}; review it and run again`);
  }
  expect(actual).toBe(readFileSync(file, "utf8"));
}

// ---------------------------------------------------------------------------------------------
// What a round trip through PyBaMM keeps

export interface MeaningOptions {
  /** Drop voltage and current record triggers (PyBaMM has a time period only). */
  timeRecordOnly?: boolean;
}

/** The IR as PyBaMM can carry it: groups dissolved (they become comments), no spans or ids,
 * currents by value and basis (not spelling), the cell by its 1C, numbers to 12 digits. */
export function pybammMeaning(ir: ProtocolIR | null, options: MeaningOptions = {}): unknown {
  expect(ir).not.toBeNull();
  const body = dissolveGroups(ir!.body);
  const kept = {
    nominalCapacity: ir!.cell?.nominalCapacity ?? null,
    limits: ir!.limits,
    record: record(ir!.record, options),
    body,
  };
  return JSON.parse(
    JSON.stringify(kept, (key, value: unknown) => {
      if (key === "span" || key === "id" || key === "text" || key === "derivation") return undefined;
      if (key === "record" && value && typeof value === "object") return record(value as ProtocolIR["record"], options);
      if (typeof value === "number") return Number(value.toPrecision(12));
      return value;
    }),
  );
}

function record(value: ProtocolIR["record"], options: MeaningOptions): ProtocolIR["record"] {
  if (!options.timeRecordOnly) return value;
  return value.time === undefined ? {} : { time: value.time };
}

function dissolveGroups(nodes: readonly NodeIR[]): NodeIR[] {
  return nodes.flatMap((node) => {
    if (node.kind === "group") return dissolveGroups(node.body);
    if (node.kind === "loop" || node.kind === "cycleAction") return [{ ...node, body: dissolveGroups(node.body) }];
    return [node];
  });
}
