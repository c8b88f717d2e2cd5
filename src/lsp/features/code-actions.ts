// Quick fixes for the common diagnostics, and two refactorings:
// - "did you mean": a misspelt keyword, unit, name or cell key is replaced by the suggestion;
// - a number without its unit (BTP1016) gets the unit the place asks for;
// - a step without an end (BTP4001) gets one: a cut-off at the edge of the cell's voltage
//   window, a taper current, or a duration; a hold without a time or current end (BTP4002)
//   gets a taper current or a time as an alternative end;
// - "add voltage limits from the cell window": `limits { voltage MIN .. MAX }` after the
//   declarations, when the protocol sets no voltage limits of its own;
// - "convert to …": a quantity written in one unit, rewritten in another of the same kind.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit } from "vscode-languageserver/node";
import type { SourceFile, Statement, TopLevelItem } from "../../syntax/ast.js";
import { formatQuantity, unitsForKind, type QuantityKind } from "../../units/index.js";
import type { CellFacts } from "../analysis/types.js";
import type { OpenDocument } from "../documents/open-document.js";
import { quantityAt } from "./hover.js";

export function codeActions(doc: OpenDocument, params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== "btp") continue;
    actions.push(...fixesFor(doc, diagnostic));
  }
  const limits = voltageLimitsFromWindow(doc);
  if (limits) actions.push(limits);
  actions.push(...unitConversions(doc, doc.document.offsetAt(params.range.start)));
  const only = params.context.only;
  return only ? actions.filter((action) => only.some((kind) => action.kind === kind || action.kind?.startsWith(`${kind}.`))) : actions;
}

function fixesFor(doc: OpenDocument, diagnostic: LspDiagnostic): CodeAction[] {
  const hint = typeof diagnostic.data === "object" && diagnostic.data !== null && "hint" in diagnostic.data ? String((diagnostic.data as { hint: unknown }).hint ?? "") : "";
  const fixes: CodeAction[] = [];
  const message = typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
  const suggestion = /did you mean `([^`]+)`/.exec(`${message}\n${hint}`)?.[1];
  if (suggestion) {
    const fix = replaceWithSuggestion(doc, diagnostic, suggestion);
    if (fix) fixes.push(fix);
  }
  switch (diagnostic.code) {
    case "BTP1016": {
      const example = /for example `([^`]+)`/.exec(message)?.[1];
      if (example) fixes.push(quickFix(`Write \`${example}\``, doc, [{ range: diagnostic.range, newText: example }], diagnostic, true));
      break;
    }
    case "BTP4001":
      fixes.push(...addEnd(doc, diagnostic));
      break;
    case "BTP4002":
      fixes.push(...addHoldEnd(doc, diagnostic));
      break;
  }
  return fixes;
}

function quickFix(title: string, doc: OpenDocument, edits: TextEdit[], diagnostic: LspDiagnostic, preferred = false): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [doc.uri]: edits } },
    ...(preferred ? { isPreferred: true } : {}),
  };
}

/** Replaces the misspelt word the diagnostic points at. A suggestion of two words
 * (`nominal capacity` for `nominl`) also takes over the second word when it follows. */
function replaceWithSuggestion(doc: OpenDocument, diagnostic: LspDiagnostic, suggestion: string): CodeAction | null {
  const start = doc.document.offsetAt(diagnostic.range.start);
  let end = doc.document.offsetAt(diagnostic.range.end);
  const written = doc.text.slice(start, end);
  if (written.length === 0 || written.includes("\n")) return null;
  const rest = suggestion.split(/\s+/).slice(1);
  if (rest.length > 0) {
    const following = new RegExp(`^\\s+${rest.map(escapeRegExp).join("\\s+")}\\b`).exec(doc.text.slice(end, end + 200));
    if (following) end += following[0].length;
  }
  return quickFix(`Change \`${written}\` to \`${suggestion}\``, doc, [{ range: doc.range(start, end), newText: suggestion }], diagnostic, true);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ------------------------------------------------------------------------------ step ends

/** The step that starts where the diagnostic starts, in the current parse. */
function stepAt(file: SourceFile, offset: number): Statement | null {
  const search = (nodes: readonly (TopLevelItem | Statement)[]): Statement | null => {
    for (const node of nodes) {
      if (!node || node.span.end.offset < offset || node.span.start.offset > offset) continue;
      if (node.span.start.offset === offset && !("body" in node)) return node as Statement;
      if ("body" in node && Array.isArray(node.body)) {
        const inner = search(node.body);
        if (inner) return inner;
      }
    }
    return null;
  };
  return search(file.items ?? []);
}

function addEnd(doc: OpenDocument, diagnostic: LspDiagnostic): CodeAction[] {
  const step = stepAt(doc.parsed.file, doc.document.offsetAt(diagnostic.range.start));
  if (!step) return [];
  const cell = doc.analysis?.cell ?? null;
  const at = (offset: number, text: string, title: string, preferred = false) => quickFix(title, doc, [{ range: doc.range(offset, offset), newText: text }], diagnostic, preferred);
  switch (step.kind) {
    case "RestStep":
    case "OcvStep": {
      const afterKeyword = step.span.start.offset + (step.kind === "RestStep" ? "rest" : "ocv").length;
      return [at(afterKeyword, " for 1 h", "Add a duration: `for 1 h`", true)];
    }
    case "ChargeStep": {
      if (step.thenHold) return [];
      const afterSetpoint = step.setpoint.span.end.offset;
      const fixes: CodeAction[] = [];
      const cutoff = cell?.window ? (step.direction === "charge" ? cell.window.max : cell.window.min) : null;
      if (cutoff !== null) {
        const volts = formatQuantity(cutoff, "voltage");
        fixes.push(at(afterSetpoint, ` until ${volts}`, `Add a cut-off at the edge of the cell window: \`until ${volts}\``, true));
      }
      fixes.push(at(afterSetpoint, " for 1 h", "Add a duration: `for 1 h`"));
      return fixes;
    }
    case "HoldStep": {
      const afterVoltage = step.voltage.span.end.offset;
      return [...taper(cell).map((t) => at(afterVoltage, ` until ${t}`, `Add a taper current: \`until ${t}\``, true)), at(afterVoltage, " for 1 h", "Add a duration: `for 1 h`")];
    }
    default:
      return [];
  }
}

function addHoldEnd(doc: OpenDocument, diagnostic: LspDiagnostic): CodeAction[] {
  const step = stepAt(doc.parsed.file, doc.document.offsetAt(diagnostic.range.start));
  if (!step) return [];
  const end = step.kind === "HoldStep" ? step.end : step.kind === "ChargeStep" ? step.thenHold?.end ?? null : null;
  const holdWithoutEnd = step.kind === "ChargeStep" && step.thenHold && !step.thenHold.end ? step.thenHold : null;
  const cell = doc.analysis?.cell ?? null;
  if (holdWithoutEnd) {
    const offset = holdWithoutEnd.span.end.offset;
    return [
      ...taper(cell).map((t) => quickFix(`End the hold on a taper current: \`until ${t}\``, doc, [{ range: doc.range(offset, offset), newText: ` until ${t}` }], diagnostic, true)),
      quickFix("End the hold after `2 h`", doc, [{ range: doc.range(offset, offset), newText: " for 2 h" }], diagnostic),
    ];
  }
  if (!end) return [];
  const offset = end.span.end.offset;
  return [
    ...taper(cell).map((t) => quickFix(`Also end on a taper current: \`or until ${t}\``, doc, [{ range: doc.range(offset, offset), newText: ` or until ${t}` }], diagnostic, true)),
    quickFix("Also end after `2 h`: `or for 2 h`", doc, [{ range: doc.range(offset, offset), newText: " or for 2 h" }], diagnostic),
  ];
}

/** A taper current in C-rate, when the cell says what 1C is. */
function taper(cell: CellFacts | null): string[] {
  return cell?.knowsOneC ? ["C/20"] : [];
}

// ------------------------------------------------------------------------------ limits

function voltageLimitsFromWindow(doc: OpenDocument): CodeAction | null {
  const window = doc.analysis?.cell?.window;
  if (!window) return null;
  const items = doc.parsed.file.items ?? [];
  const hasVoltageLimit = items.some((item) => item?.kind === "LimitsStatement" && (item.limits?.items ?? []).some((limit) => limit.subject === "voltage"));
  if (hasVoltageLimit) return null;
  // After the last declaration that comes before the first statement.
  let insertAt = 0;
  for (const item of items) {
    if (!item) continue;
    if (!DECLARATIONS.has(item.kind)) break;
    insertAt = item.span.end.offset;
  }
  const lineEnd = insertAt === 0 ? 0 : endOfLine(doc.text, insertAt);
  const min = formatQuantity(window.min, "voltage");
  const max = formatQuantity(window.max, "voltage");
  const text = `limits { voltage ${min} .. ${max} }`;
  const newText = lineEnd === 0 ? `${text}\n` : `\n${text}`;
  return {
    title: `Add voltage limits from the cell window: \`${text}\``,
    kind: `${CodeActionKind.Source}.addVoltageLimits`,
    edit: { changes: { [doc.uri]: [{ range: doc.range(lineEnd, lineEnd), newText }] } },
  };
}

const DECLARATIONS = new Set(["ProtocolHeader", "MetadataItem", "ImportDecl", "UseCell", "ParamDecl", "SequenceDecl", "CellDecl"]);

function endOfLine(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  return i;
}

// ------------------------------------------------------------------------------ units

/** Kinds whose quantities convert between units without the cell. */
const CONVERTIBLE = new Set<QuantityKind>(["current", "voltage", "time", "capacity", "power", "energy", "resistance", "frequency", "scan rate", "length", "area", "mass", "temperature", "specific capacity", "current density", "specific current", "areal capacity", "loading", "conductivity"]);

function unitConversions(doc: OpenDocument, offset: number): CodeAction[] {
  const analysisOffset = doc.offsetInAnalysis(offset);
  if (analysisOffset === null || !doc.analysis) return [];
  const quantity = quantityAt(doc.analysis.quantities, analysisOffset);
  if (!quantity || quantity.si === null || quantity.kind === null || quantity.derivation || !CONVERTIBLE.has(quantity.kind)) return [];
  const moved = doc.edits.rangeToCurrent(quantity.start, quantity.end, doc.analysis.version);
  if (!moved) return [];
  const written = doc.text.slice(moved.start, moved.end);
  const actions: CodeAction[] = [];
  for (const unit of unitsForKind(quantity.kind)) {
    const converted = formatQuantity(quantity.si, quantity.kind, { unit });
    if (!converted.endsWith(` ${unit}`) || converted === written.replace(/\s+/g, " ")) continue;
    actions.push({
      title: `Convert to ${unit}: \`${converted}\``,
      kind: `${CodeActionKind.RefactorRewrite}.convertUnit`,
      edit: { changes: { [doc.uri]: [{ range: doc.range(moved.start, moved.end), newText: converted }] } },
    });
  }
  return actions;
}
