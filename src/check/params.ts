// Params: named values a lab changes in one place (`param cycles_per_rate = 5  # not stated`).
// A param may use the params above it; a typed param checks its value; `--set name=value`
// replaces a value from the command line, keeping its dimension.

import type { Span } from "../diagnostics/diagnostic.js";
import type { ParamIR } from "../ir/types.js";
import { parseExpressionText } from "../syntax/index.js";
import { originOfFile } from "../syntax/spans.js";
import { sameDimension } from "../units/index.js";
import type { CheckContext } from "./context.js";
import type { Declarations, Declared } from "./declarations.js";
import type { ParamDecl } from "../syntax/ast.js";
import { evaluate } from "./evaluate.js";
import { Scope } from "./scope.js";
import { didYouMean } from "./suggest.js";
import { fitsType, resolveType } from "./types.js";
import { describeValue, invalid, kindOfValue } from "./values.js";
import type { Value } from "./values.js";

export const OVERRIDE_FILE = "<--set>";

export interface Override {
  name: string;
  value: string;
}

/** Evaluates every param in order and applies the overrides; returns the global scope. */
export function evaluateParams(ctx: CheckContext, declarations: Declarations, overrides: readonly Override[]): { scope: Scope; params: ParamIR[] } {
  const scope = new Scope();
  const pending = new Set(declarations.params.map((param) => param.decl.name.name));
  scope.declaredLater = (name) => pending.has(name);
  const overrideByName = collectOverrides(ctx, declarations, overrides);
  const params: ParamIR[] = [];

  for (const declared of declarations.params) {
    const decl = declared.decl;
    const name = decl.name.name;
    pending.delete(name);
    let value = decl.value && !decl.recovered ? evaluate(ctx, decl.value, scope) : invalid(decl.span);
    const type = resolveType(ctx, decl.type);
    if (type && fitsType(value, type) === false) {
      ctx.error("BTP3020", `param \`${name}\` is declared as ${type}, but \`${textOf(value)}\` is ${describeValue(value)}`, value.span, {
        hint: `give a ${type}, or change the type`,
      });
      value = invalid(value.span);
    }
    let text = decl.value ? ctx.textOf(decl.value.span) : "";
    const override = overrideByName.get(name);
    if (override !== undefined) {
      const replaced = applyOverride(ctx, declared, value, type, override, scope);
      if (replaced) {
        value = replaced;
        text = override.value.trim();
      }
    }
    scope.define(name, { value, definition: declared.definition });
    params.push({
      name,
      text,
      si: value.kind === "quantity" ? value.si : null,
      doc: decl.doc ?? null,
      overridden: override !== undefined,
      span: decl.span,
    });
  }
  scope.declaredLater = null;
  return { scope, params };
}

function collectOverrides(ctx: CheckContext, declarations: Declarations, overrides: readonly Override[]): Map<string, Override> {
  const names = declarations.params.map((param) => param.decl.name.name);
  const known = new Set(names);
  const byName = new Map<string, Override>();
  for (const override of overrides ?? []) {
    if (!override || typeof override.name !== "string") continue;
    const name = override.name.trim();
    if (known.has(name)) {
      byName.set(name, { name, value: String(override.value ?? "") });
      continue;
    }
    const listed = names.length > 0 ? `the params are: ${names.join(", ")}` : "this protocol declares no params";
    const suggestion = didYouMean(name, names);
    ctx.error("BTP2016", `\`--set ${name}=…\`: there is no param \`${name}\``, overrideSpan(name.length), {
      hint: suggestion ? `${suggestion} (${listed})` : listed,
    });
  }
  return byName;
}

/** The override's value when it parses and fits; null (reported) otherwise. */
function applyOverride(
  ctx: CheckContext,
  declared: Declared<ParamDecl>,
  original: Value,
  type: ReturnType<typeof resolveType>,
  override: Override,
  scope: Scope,
): Value | null {
  const name = declared.decl.name.name;
  let parsed: ReturnType<typeof parseExpressionText>;
  try {
    parsed = parseExpressionText(override.value, originOfFile(OVERRIDE_FILE));
  } catch {
    ctx.error("BTP2016", `\`--set ${name}=${override.value}\`: the value cannot be read`, overrideSpan(override.value.length), {
      hint: "write a value with its unit, e.g. `--set cut_off=4.1V`",
    });
    return null;
  }
  for (const diagnostic of parsed.diagnostics) ctx.report(diagnostic);
  if (!parsed.expr || parsed.diagnostics.some((d) => d.severity === "error")) return null;
  // Spans of the value point into the override text; make it available for printing back.
  ctx.texts.set(OVERRIDE_FILE, override.value);
  const value = evaluate(ctx, parsed.expr, scope);
  if (value.kind === "invalid") return null;
  const fits = type ? fitsType(value, type) : sameShape(original, value);
  if (fits === false) {
    const expected = type ?? describeValue(original).replace(/^an? /, "");
    ctx.error("BTP3022", `\`--set ${name}=${override.value}\`: \`${name}\` is ${type ? `a ${type}` : describeValue(original)}, but \`${textOf(value)}\` is ${describeValue(value)}`, value.span, {
      hint: `give a ${expected}, as in the protocol: \`${ctx.textOf(declared.decl.value.span) || name}\``,
      related: [{ message: `\`${name}\` is declared here`, span: declared.decl.name.span }],
    });
    return null;
  }
  return value;
}

/** Same kind of quantity (percent and count are different kinds here, so `80 %` is never
 * replaced by `0.8` by accident); lists must hold the same kind as the original's first item. */
function sameShape(original: Value, replacement: Value): boolean | null {
  if (original.kind === "invalid" || replacement.kind === "invalid") return null;
  if (original.kind === "list") {
    if (replacement.kind !== "list") return false;
    const first = original.items[0];
    if (!first) return true;
    return replacement.items.every((item) => sameShape(first, item) !== false);
  }
  if (original.kind === "ocv") return replacement.kind === "ocv" || (replacement.kind === "quantity" && kindOfValue(replacement) === "voltage");
  if (replacement.kind !== "quantity") return original.kind === "quantity" && kindOfValue(original) === "voltage" && replacement.kind === "ocv";
  if (original.kind !== "quantity") return false;
  const kind = kindOfValue(original);
  return kind === kindOfValue(replacement) && (kind !== null || sameDimension(original.dimension, replacement.dimension));
}

function textOf(value: Value): string {
  return value.kind === "invalid" ? "" : value.text;
}

/** Command-line values have no file; their spans live in the synthetic file `<--set>`. */
function overrideSpan(length: number): Span {
  return { file: OVERRIDE_FILE, start: { offset: 0, line: 1, column: 1 }, end: { offset: length, line: 1, column: 1 + length } };
}
