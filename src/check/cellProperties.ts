// Reading cell properties: keys checked against the known ones (with "did you mean"), each value
// read in the shape its key needs — a quantity of one kind, a voltage range, a word, a share,
// a nested block, or the free-form `model { … }` block for the simulator.

import type { CellProperty, Expr } from "../syntax/ast.js";
import type { QuantityKind } from "../units/index.js";
import type { CheckContext } from "./context.js";
import { evaluate } from "./evaluate.js";
import { expectQuantity } from "./expect.js";
import type { Scope } from "./scope.js";
import { didYouMean } from "./suggest.js";
import type { QuantityValue } from "./values.js";

const CELL_KINDS = ["full", "half", "symmetric", "blocking", "lsv"] as const;
export type CellKind = (typeof CELL_KINDS)[number];

/** Electrodes may be listed several times (two anodes of a symmetric cell); others once. */
const REPEATABLE_KEYS = new Set(["cathode", "anode", "electrode"]);

/** Properties by key; unknown and duplicate keys are reported. Keys compare in lower case with
 * single spaces, so `Active  Mass` is `active mass`. */
export function collectProperties(ctx: CheckContext, properties: readonly CellProperty[], allowed: readonly string[], where: string): Map<string, CellProperty[]> {
  const byKey = new Map<string, CellProperty[]>();
  for (const property of properties) {
    if (!property || property.recovered) continue;
    const key = normalizeKey(property.key);
    if (!allowed.includes(key)) {
      // `actve mass 2 mg` reads as the key `actve` with the words `mass 2 mg`: try the two words too.
      const firstWord = property.value?.kind === "word" ? property.value.word.split(/\s+/)[0] : undefined;
      const suggestion = (firstWord ? didYouMean(`${key} ${firstWord.toLowerCase()}`, allowed) : undefined) ?? didYouMean(key, allowed);
      ctx.error("BTP2018", `unknown property \`${property.key}\` in ${where}`, property.keySpan, {
        hint: suggestion ?? `the properties of ${where} are: ${allowed.join(", ")}`,
      });
      continue;
    }
    const earlier = byKey.get(key);
    if (earlier && !REPEATABLE_KEYS.has(key)) {
      ctx.error("BTP2019", `\`${key}\` is given twice in ${where}`, property.keySpan, {
        hint: "keep one of them",
        related: [{ message: "first given here", span: earlier[0]!.keySpan }],
      });
      continue;
    }
    byKey.set(key, [...(earlier ?? []), property]);
  }
  return byKey;
}

export function normalizeKey(key: string): string {
  return key.trim().toLowerCase().replace(/\s+/g, " ");
}

/** Reads property values of the expected shape, reporting the wrong ones. */
export class PropertyReader {
  constructor(
    private readonly ctx: CheckContext,
    private readonly scope: Scope,
  ) {}

  private shapeError(property: CellProperty, expected: string, example: string): void {
    this.ctx.error("BTP2021", `\`${property.key}\` needs ${expected}`, property.span, { hint: `for example \`${example}\`` });
  }

  quantity(property: CellProperty | undefined, kind: QuantityKind, what: string): QuantityValue | null {
    if (!property) return null;
    const expr = this.expr(property);
    if (!expr) {
      this.shapeError(property, `a single ${kind}`, `${property.key} ${EXAMPLES[kind] ?? "…"}`);
      return null;
    }
    return expectQuantity(this.ctx, evaluate(this.ctx, expr, this.scope), [kind], { what, code: "BTP3024" });
  }

  kind(property: CellProperty | undefined): CellKind | null {
    if (!property) return null;
    const word = this.text(property);
    if (word === null) return null;
    const normalized = word.toLowerCase();
    const known = CELL_KINDS.find((kind) => kind === normalized);
    if (known) return known;
    this.ctx.error("BTP2022", `unknown cell kind \`${word}\``, property.value?.kind === "word" ? property.value.span : property.span, {
      hint: didYouMean(normalized, CELL_KINDS) ?? `the kinds are: ${CELL_KINDS.join(", ")}`,
    });
    return null;
  }

  /** A word or string value (`format CR2032`, `chemistry "Na-ion"`). */
  text(property: CellProperty | undefined): string | null {
    if (!property) return null;
    const value = property.value;
    if (value?.kind === "word") return value.word;
    if (value?.kind === "string") return value.value.value;
    if (value?.kind === "expr" && value.expr.kind === "NameRef") return value.expr.name.name;
    if (!value && property.label && !property.children) return property.label.value;
    this.shapeError(property, "a word or a quoted text", `${property.key} "…"`);
    return null;
  }

  voltageWindow(property: CellProperty | undefined): { min: number; max: number } | null {
    if (!property) return null;
    const value = property.value;
    if (value?.kind !== "range") {
      this.shapeError(property, "a voltage range", "window 2.3 V .. 3.9 V");
      return null;
    }
    const min = expectQuantity(this.ctx, evaluate(this.ctx, value.min, this.scope), ["voltage"], { what: "the window", code: "BTP3024" });
    const max = expectQuantity(this.ctx, evaluate(this.ctx, value.max, this.scope), ["voltage"], { what: "the window", code: "BTP3024" });
    if (!min || !max || min.si === null || max.si === null) return null;
    if (min.si >= max.si) {
      this.ctx.error("BTP3040", `the window \`${min.text} .. ${max.text}\` is empty: its lower end must be below its upper end`, value.span, {
        hint: `write \`window ${max.text} .. ${min.text}\``,
      });
      return null;
    }
    return { min: min.si, max: max.si };
  }

  /** A share of the coating: `75 %` or `0.75`, between 0 and 1. */
  fraction(property: CellProperty | undefined): number | null {
    if (!property) return null;
    const expr = this.expr(property);
    if (!expr) {
      this.shapeError(property, "a percent", "fraction 75 %");
      return null;
    }
    const value = expectQuantity(this.ctx, evaluate(this.ctx, expr, this.scope), ["percent", "count"], { what: "the fraction", code: "BTP3024" });
    if (!value || value.si === null) return null;
    if (value.si <= 0 || value.si > 1) {
      this.ctx.error("BTP3041", `the fraction \`${value.text}\` must be above 0 and at most 100 %`, value.span, {
        hint: "write the share of active material in the coating, e.g. `fraction 75 %`",
      });
      return null;
    }
    return value.si;
  }

  block(property: CellProperty): CellProperty[] | null {
    if (property.children) return property.children;
    this.shapeError(property, "a block of properties", `${property.key} "material" { active mass 2.5 mg, specific capacity 117.6 mAh/g }`);
    return null;
  }

  /** `model { name value, … }`: numbers in SI, words and strings as text, for the simulator. */
  model(property: CellProperty | undefined): Record<string, number | string> {
    const model: Record<string, number | string> = {};
    if (!property) return model;
    for (const child of this.block(property) ?? []) {
      if (!child || child.recovered) continue;
      const value = child.value;
      if (value?.kind === "expr" && value.expr.kind !== "NameRef") {
        const evaluated = evaluate(this.ctx, value.expr, this.scope);
        if (evaluated.kind === "quantity" && evaluated.si !== null) model[child.key] = evaluated.si;
        else if (evaluated.kind !== "invalid") this.shapeError(child, "a number with its unit, a word or a quoted text", `${child.key} 1.2 mΩ`);
      } else {
        const text = this.text(child);
        if (text !== null) model[child.key] = text;
      }
    }
    return model;
  }

  private expr(property: CellProperty): Expr | null {
    return property.value?.kind === "expr" ? property.value.expr : null;
  }
}

const EXAMPLES: Partial<Record<QuantityKind, string>> = {
  mass: "2.5 mg",
  area: "1.13 cm2",
  capacity: "0.3 mAh",
  "specific capacity": "117.6 mAh/g",
  loading: "7.7 mg/cm2",
  length: "15 mm",
};
