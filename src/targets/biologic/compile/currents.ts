// Currents in a Modulo Bat sequence. A current the protocol gave as a C-rate is written the way
// EC-Lab expresses it natively, C / N or C x N with the battery capacity in the header, when
// that gives exactly the same current: N has two decimals in the file (C/3 would be 3.00, but
// 0.3C is C / 3.33, which is not 0.3C). Otherwise it is written in amperes, and that is listed.

import type { Resolved, StepIR } from "../../../ir/types.js";
import { formatQuantity } from "../../../units/display.js";
import { exactAt, N_DECIMALS } from "../conventions.js";
import type { CRateSetting } from "../model.js";
import { capacityText } from "../write/header.js";
import type { CompileContext } from "./context.js";

/** How EC-Lab can state `resolved`, or null when it must be given in amperes. */
export function cRateSetting(resolved: Resolved, capacity: number | null): CRateSetting | null {
  if (resolved.basis !== "c-rate" || resolved.relative === undefined || resolved.relative <= 0) return null;
  if (capacity === null || capacity <= 0) return null;
  // The capacity must read back from the header exactly, and mean the same 1C as the protocol.
  if (!sameNumber(parseCapacity(capacityText(capacity)), capacity)) return null;
  if (!sameNumber((resolved.relative * capacity) / 3600, resolved.si)) return null;
  const rate = resolved.relative;
  if (rate >= 1 && exactAt(rate, N_DECIMALS)) return { mode: "C x N", n: Number(rate.toFixed(N_DECIMALS)) };
  const divisor = 1 / rate;
  if (rate < 1 && exactAt(divisor, N_DECIMALS) && sameNumber(1 / Number(divisor.toFixed(N_DECIMALS)), rate)) {
    return { mode: "C / N", n: Number(divisor.toFixed(N_DECIMALS)) };
  }
  if (exactAt(rate, N_DECIMALS)) return { mode: "C x N", n: Number(rate.toFixed(N_DECIMALS)) };
  return null;
}

/** The current of a sequence, noting when a C-rate had to be written in amperes. */
export function sequenceCurrent(resolved: Resolved, step: StepIR, ctx: CompileContext): CRateSetting | null {
  const setting = cRateSetting(resolved, ctx.capacity);
  if (setting === null && resolved.basis === "c-rate") {
    const how = resolved.derivation ? ` (${resolved.derivation})` : "";
    ctx.emulate(step.span, "cRate", `${resolved.text} written as ${formatQuantity(resolved.si, "current")}${how}: EC-Lab's C / N and C x N cannot state it exactly`);
  }
  return setting;
}

/** An end current given as a C-rate is compared in amperes (limits have no C-rate form). */
export function endCurrentNote(resolved: Resolved, step: StepIR, ctx: CompileContext): void {
  if (resolved.basis !== "c-rate") return;
  const how = resolved.derivation ? ` (${resolved.derivation})` : "";
  ctx.emulate(step.span, "cRate", `end current ${resolved.text} written as ${formatQuantity(resolved.si, "current")}${how}`);
}

function parseCapacity(text: string): number {
  const [value, unit] = text.split(" ");
  return Number(value) * (unit === "A.h" ? 3600 : 3.6);
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-30);
}
