// What an expression evaluates to while checking. Values keep the text the user wrote so that
// labels and derivations print back "0.5C" rather than a recomputed float.

import type { Span } from "../diagnostics/diagnostic.js";
import { KIND_DIMENSIONS, describeDimension, isDimensionless, kindOf } from "../units/index.js";
import type { Dimension, QuantityKind } from "../units/index.js";

/** A number with a dimension. `si` is null while a sequence body is checked on its own, before
 * any call gives its parameters values: dimensions are known then, numbers are not. */
export interface QuantityValue {
  kind: "quantity";
  si: number | null;
  dimension: Dimension;
  /** Written with `%`: dimensionless like a count, but a fraction (0.8 for 80 %). */
  isPercent: boolean;
  /** The source spelling, e.g. "0.5C", "C/20", "-20 °C". */
  text: string;
  /** Where the value is used: a name's own span when it came through a param or variable, so
   * that "`for` needs a time" points at the step, not at the declaration. */
  span: Span;
  /** Where the value was written (the literal or expression), for problems that belong to the
   * value itself, such as a C-rate that needs a cell: reported once, not at every use. */
  writtenAt: Span;
  /** The number and unit exactly as written when the value is a literal (possibly negated or
   * passed through names), for targets that want a relative set-point in its own unit. */
  asWritten: { number: number; unit: string } | null;
}

/** `ocv` or `ocv ± voltage`: a voltage relative to the open circuit just before the step. */
export interface OcvValue {
  kind: "ocv";
  /** V; null when unknown (see QuantityValue.si). */
  offset: number | null;
  text: string;
  span: Span;
}

export interface ListValue {
  kind: "list";
  items: Value[];
  text: string;
  span: Span;
}

/** Something already reported, or not knowable yet: every consumer stays silent about it so
 * that one mistake gives one message. */
export interface InvalidValue {
  kind: "invalid";
  span: Span;
}

export type Value = QuantityValue | OcvValue | ListValue | InvalidValue;

export const CURRENT_LIKE: readonly QuantityKind[] = ["current", "c-rate", "current density", "specific current"];
export const CHARGE_LIKE: readonly QuantityKind[] = ["capacity", "specific capacity", "areal capacity"];

/** The named kind of a quantity; percent and count share a dimension, the unit tells them apart. */
export function kindOfValue(value: QuantityValue): QuantityKind | null {
  if (isDimensionless(value.dimension)) return value.isPercent ? "percent" : "count";
  return kindOf(value.dimension);
}

/** "a voltage", "an areal capacity", "a quantity in A·V/s" — for messages. */
export function describeKindWithArticle(kind: QuantityKind | null, dimension?: Dimension): string {
  if (kind === "count") return "a plain number";
  if (kind === null) return `a quantity in ${dimension ? describeDimension(dimension) : "unknown units"}`;
  return `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`;
}

/** How a value reads in a message: "`4.2 V` is a voltage". */
export function describeValue(value: Value): string {
  switch (value.kind) {
    case "quantity":
      return describeKindWithArticle(kindOfValue(value), value.dimension);
    case "ocv":
      return "a voltage relative to open circuit";
    case "list":
      return "a list";
    case "invalid":
      return "an invalid value";
  }
}

/** "a voltage or a time" */
export function describeKinds(kinds: readonly QuantityKind[]): string {
  const words = kinds.map((kind) => describeKindWithArticle(kind));
  if (words.length <= 1) return words[0] ?? "a value";
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** A quantity of a known kind whose number is not known yet (a typed sequence parameter). */
export function unknownOfKind(kind: QuantityKind, text: string, span: Span): QuantityValue {
  return { kind: "quantity", si: null, dimension: KIND_DIMENSIONS[kind], isPercent: kind === "percent", text, span, writtenAt: span, asWritten: null };
}

export function invalid(span: Span): InvalidValue {
  return { kind: "invalid", span };
}
