// How a step ends: `for 2 h`, `until 3.9 V`, `until C/20`, `until 0.2 mAh or 10 h`,
// `until 80 % of nominal`, `until voltage < 2.3 V`. When the subject is not written, the
// dimension of the value decides what is watched.

import type { ComparatorIR, EndConditionIR } from "../ir/types.js";
import type { ConditionSubject, EndCondition, StepEnd } from "../syntax/ast.js";
import type { QuantityKind } from "../units/index.js";
import type { CheckContext } from "./context.js";
import { evaluate } from "./evaluate.js";
import { OCV_PLACES, expectAboveAbsoluteZero, expectPositive, expectQuantity } from "./expect.js";
import { resolveCharge, resolveCurrent } from "./relative.js";
import type { Scope } from "./scope.js";
import { CHARGE_LIKE, CURRENT_LIKE, describeValue, kindOfValue } from "./values.js";

/** The kind of step the ends belong to: it sets the default voltage direction and forbids
 * current ends where no current flows. */
export type EndingStep = "charge" | "discharge" | "hold" | "rest" | "ocv";

type Subject = Exclude<ConditionSubject, "auto">;

const SUBJECT_KINDS: Record<Subject, readonly QuantityKind[]> = {
  voltage: ["voltage"],
  current: CURRENT_LIKE,
  capacity: [...CHARGE_LIKE, "percent"],
  time: ["time"],
  temperature: ["temperature"],
};

export function readEnds(ctx: CheckContext, end: StepEnd | null, scope: Scope, step: EndingStep): EndConditionIR[] {
  const ends: EndConditionIR[] = [];
  if (!end || end.recovered) return ends;
  if (end.duration && !end.duration.recovered) {
    const value = expectQuantity(ctx, evaluate(ctx, end.duration, scope), ["time"], {
      what: "`for`",
      code: "BTP3012",
      hint: (written, kind) =>
        kind !== null && subjectOf(kind) !== null && kind !== "time"
          ? `\`for\` takes a duration; to stop at a value write \`until ${written.text}\``
          : undefined,
    });
    if (value && expectPositive(ctx, value, "the duration")) {
      ends.push({ kind: "time", seconds: value.si ?? 0, span: end.duration.span });
    }
  }
  for (const condition of end.conditions ?? []) {
    if (!condition || condition.recovered) continue;
    const read = readCondition(ctx, condition, scope, step);
    if (read) ends.push(read);
  }
  return ends;
}

function subjectOf(kind: QuantityKind | null): Subject | null {
  for (const subject of Object.keys(SUBJECT_KINDS) as Subject[]) {
    if (kind !== null && SUBJECT_KINDS[subject].includes(kind)) return subject;
  }
  return null;
}

function readCondition(ctx: CheckContext, condition: EndCondition, scope: Scope, step: EndingStep): EndConditionIR | null {
  const value = evaluate(ctx, condition.value, scope);
  const span = condition.span;
  if (value.kind === "invalid") return null;
  if (value.kind !== "quantity") {
    ctx.error(value.kind === "ocv" ? "BTP3019" : "BTP3025", `\`until\` cannot end on ${describeValue(value)}`, value.span, {
      hint: value.kind === "ocv" ? `\`ocv\` is allowed only in ${OCV_PLACES}` : "give one value; write `or` between alternatives",
    });
    return null;
  }
  const kind = kindOfValue(value);

  if (condition.ofNominal) {
    if (kind !== "percent") {
      ctx.error("BTP3028", `\`of nominal\` needs a percent, but \`${value.text}\` is ${describeValue(value)}`, value.span, {
        hint: "write the share of the nominal capacity, e.g. `until 80 % of nominal`",
      });
      return null;
    }
    if (condition.subject !== "auto" && condition.subject !== "capacity") {
      ctx.error("BTP3013", `\`until ${condition.subject}\` cannot be a percent of nominal`, span, {
        hint: "a percent of nominal is a capacity: `until capacity 80 % of nominal`",
      });
      return null;
    }
    if (!expectPositive(ctx, value, "the capacity")) return null;
    const resolved = resolveCharge(ctx, value, true);
    return resolved ? { kind: "capacity", coulombs: resolved.si, resolved, span } : null;
  }
  if (kind === "percent") {
    ctx.error("BTP3028", `\`${value.text}\` of what?`, value.span, {
      hint: `write \`${value.text} of nominal\` for a share of the cell's nominal capacity`,
    });
    return null;
  }

  const natural = subjectOf(kind);
  const subject: Subject | null = condition.subject === "auto" ? natural : condition.subject;
  if (subject === null || natural !== subject) {
    const written = condition.subject === "auto" ? "`until`" : `\`until ${condition.subject}\``;
    const accepted = condition.subject === "auto" ? "a voltage, a current, a capacity, a time or a temperature" : describeSubject(condition.subject);
    ctx.error("BTP3013", `${written} needs ${accepted}, but \`${value.text}\` is ${describeValue(value)}`, value.span, {
      hint: natural ? `\`${value.text}\` can end a step as \`until ${natural} ${value.text}\`` : "check the unit",
    });
    return null;
  }
  const comparator = condition.comparator as ComparatorIR | null;
  switch (subject) {
    case "voltage":
      return { kind: "voltage", comparator: comparator ?? (step === "discharge" ? "<=" : ">="), volts: value.si ?? 0, span };
    case "current": {
      if (step === "rest" || step === "ocv") {
        ctx.error("BTP3018", `a ${step === "rest" ? "rest" : "ocv step"} cannot end on a current: no current flows`, value.span, {
          hint: `end it on a time (\`for 1 h\`) or a voltage (\`until 3.0 V\`)`,
        });
        return null;
      }
      if (!expectPositive(ctx, value, "the end current")) return null;
      const resolved = resolveCurrent(ctx, value);
      return resolved ? { kind: "current", comparator: comparator ?? "<", amperes: resolved.si, resolved, span } : null;
    }
    case "capacity": {
      if (!expectPositive(ctx, value, "the capacity")) return null;
      const resolved = resolveCharge(ctx, value, false);
      return resolved ? { kind: "capacity", coulombs: resolved.si, resolved, span } : null;
    }
    case "time":
      return expectPositive(ctx, value, "the duration") ? { kind: "time", seconds: value.si ?? 0, span } : null;
    case "temperature":
      return expectAboveAbsoluteZero(ctx, value) ? { kind: "temperature", comparator: comparator ?? ">=", kelvin: value.si ?? 0, span } : null;
  }
}

function describeSubject(subject: Subject): string {
  switch (subject) {
    case "voltage":
      return "a voltage";
    case "current":
      return "a current (A, C-rate, mA/cm2 or mA/g)";
    case "capacity":
      return "a capacity (mAh, mAh/g or % of nominal)";
    case "time":
      return "a time";
    case "temperature":
      return "a temperature";
  }
}

/** The first voltage end, which a `then hold` turns into the CV voltage. */
export function voltageEnd(ends: readonly EndConditionIR[]): Extract<EndConditionIR, { kind: "voltage" }> | undefined {
  return ends.find((end): end is Extract<EndConditionIR, { kind: "voltage" }> => end.kind === "voltage");
}
