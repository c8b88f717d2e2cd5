// What a round trip through PyBaMM keeps: IR comparison that ignores what PyBaMM cannot carry by
// design (spans, ids, groups, how a value was spelled). The protocols and goldens come from
// ../common/helpers.ts.

import { expect } from "vitest";
import type { NodeIR, ProtocolIR } from "../../../src/ir/types.js";

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
