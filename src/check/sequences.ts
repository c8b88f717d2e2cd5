// Sequence parameters and arguments: a call binds its arguments (by position or by name, typed,
// with defaults) into a scope of its own — the body sees the params and its parameters, never
// the caller's sweep variables. A sequence nobody calls gets stand-in values of its types.

import type { Span } from "../diagnostics/diagnostic.js";
import type { SequenceCall, SequenceDecl, SequenceParam } from "../syntax/ast.js";
import type { CheckContext } from "./context.js";
import type { Declared } from "./declarations.js";
import { evaluate } from "./evaluate.js";
import type { Scope } from "./scope.js";
import { didYouMean } from "./suggest.js";
import { fitsType, resolveType } from "./types.js";
import { describeValue, invalid, unknownOfKind } from "./values.js";
import type { Value } from "./values.js";

/** Duplicate parameter names and unknown types; registers the parameters for the symbol index. */
export function checkParameterList(ctx: CheckContext, sequence: Declared<SequenceDecl>): void {
  const seen = new Map<string, Span>();
  for (const param of parameters(sequence.decl)) {
    const name = param.name.name;
    const first = seen.get(name);
    if (first) {
      ctx.error("BTP2002", `parameter \`${name}\` is declared twice`, param.name.span, {
        hint: "rename one of them",
        related: [{ message: "first declared here", span: first }],
      });
      continue;
    }
    seen.set(name, param.name.span);
    ctx.symbols.define(name, "sequenceParam", param.span, param.name.span);
    resolveType(ctx, param.type);
  }
}

/** Parameters bound to their defaults, or to values of their type whose numbers are unknown. */
export function standInFrame(ctx: CheckContext, globals: Scope, sequence: Declared<SequenceDecl>): Scope {
  const frame = globals.child();
  for (const param of parameters(sequence.decl)) {
    const type = resolveType(ctx, param.type);
    const value = param.default
      ? defaultValue(ctx, param, frame)
      : type
        ? unknownOfKind(type, param.name.name, param.name.span)
        : invalid(param.name.span);
    frame.define(param.name.name, { value, definition: definitionOf(ctx, param) });
  }
  return frame;
}

interface GivenArgument {
  value: Value;
  span: Span;
  /** As it appears in the group label: `0.1 mA/cm2` or `t = 30 min`. */
  label: string;
}

/** Arguments → a scope for the body, and the call's label parts in the order written. */
export function bindArguments(
  ctx: CheckContext,
  globals: Scope,
  call: SequenceCall,
  sequence: Declared<SequenceDecl>,
  callerScope: Scope,
): { scope: Scope; labels: string[] } {
  const decl = sequence.decl;
  const params = parameters(decl);
  const name = decl.name.name;
  const given = new Map<string, GivenArgument>();
  let position = 0;
  for (const arg of call.args ?? []) {
    if (!arg || arg.recovered || !arg.value) continue;
    const value = evaluate(ctx, arg.value, callerScope);
    const text = value.kind === "invalid" ? ctx.textOf(arg.value.span) : value.text;
    let param: SequenceParam | undefined;
    if (arg.name) {
      const argName = arg.name.name;
      param = params.find((candidate) => candidate.name.name === argName);
      if (!param) {
        ctx.error("BTP2012", `\`${name}\` has no parameter \`${argName}\``, arg.name.span, {
          hint: didYouMean(argName, params.map((p) => p.name.name)) ?? describeSignature(decl),
        });
        continue;
      }
      ctx.symbols.reference(argName, arg.name.span, definitionOf(ctx, param));
    } else {
      param = params[position++];
      if (!param) {
        ctx.error("BTP2011", `too many arguments: \`${name}\` takes ${params.length}`, arg.span, { hint: describeSignature(decl) });
        continue;
      }
    }
    const paramName = param.name.name;
    const earlier = given.get(paramName);
    if (earlier) {
      ctx.error("BTP2014", `\`${paramName}\` is given twice`, arg.span, {
        hint: "give each parameter once",
        related: [{ message: "first given here", span: earlier.span }],
      });
      continue;
    }
    const label = arg.name ? `${paramName} = ${text}` : text;
    const type = resolveType(ctx, param.type);
    if (type && fitsType(value, type) === false) {
      ctx.error("BTP3021", `\`${paramName}\` of \`${name}\` is ${withArticle(type)}, but \`${text}\` is ${describeValue(value)}`, arg.value.span, {
        hint: describeSignature(decl),
        related: [{ message: `\`${paramName}\` is declared here`, span: param.span }],
      });
      given.set(paramName, { value: invalid(arg.value.span), span: arg.span, label });
      continue;
    }
    given.set(paramName, { value, span: arg.span, label });
  }

  // Defaults are evaluated in the call's own scope, so they may use the parameters before them.
  const scope = globals.child();
  for (const param of params) {
    const argument = given.get(param.name.name);
    let value: Value;
    if (argument) {
      value = argument.value;
    } else if (param.default) {
      value = defaultValue(ctx, param, scope);
    } else {
      ctx.error("BTP2013", `\`${name}\` needs \`${param.name.name}\`, which has no default`, call.span, { hint: describeSignature(decl) });
      value = invalid(call.span);
    }
    scope.define(param.name.name, { value, definition: definitionOf(ctx, param) });
  }
  return { scope, labels: [...given.values()].map((argument) => argument.label) };
}

function parameters(decl: SequenceDecl): SequenceParam[] {
  return (decl.params ?? []).filter((param) => param && !param.recovered && param.name);
}

function definitionOf(ctx: CheckContext, param: SequenceParam): number {
  return ctx.symbols.define(param.name.name, "sequenceParam", param.span, param.name.span);
}

function defaultValue(ctx: CheckContext, param: SequenceParam, scope: Scope): Value {
  const value = evaluate(ctx, param.default!, scope);
  const type = resolveType(ctx, param.type);
  if (type && fitsType(value, type) === false) {
    const text = value.kind === "invalid" ? "" : value.text;
    ctx.error("BTP3020", `parameter \`${param.name.name}\` is declared as ${type}, but its default \`${text}\` is ${describeValue(value)}`, value.span, {
      hint: `give a default of type ${type}, or change the type`,
    });
    return invalid(value.span);
  }
  return value;
}

function withArticle(type: string): string {
  return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

/** "the sequence is `plate_strip(j: current density, t: time = …)`" */
function describeSignature(decl: SequenceDecl): string {
  const params = parameters(decl).map((param) => `${param.name.name}${param.type ? `: ${param.type.name}` : ""}${param.default ? " = …" : ""}`);
  return `the sequence is \`${decl.name.name}(${params.join(", ")})\``;
}
