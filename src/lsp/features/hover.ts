// Hover: what the thing under the cursor means.
// - A quantity: its value as the checker resolved it, and how ("0.147 mA = 0.5C × 0.294 mAh / 1 h").
// - A name: what it is and where it is declared (the declaration's line, with its comment).
// - A keyword: what it does; on the keyword that starts a step or a block, also how long the
//   step or block is expected to take (from the static estimate of the whole protocol).

import { MarkupKind, type Hover, type Position } from "vscode-languageserver/node";
import type { SymbolDefinition } from "../../check/index.js";
import { formatDuration, formatNumber } from "../../units/index.js";
import type { NodeFacts, QuantityFacts } from "../analysis/types.js";
import type { OpenDocument } from "../documents/open-document.js";
import { keywordDoc, renderKeywordDoc } from "../keyword-docs.js";
import { isThisDocument } from "./diagnostics.js";
import type { FileText } from "./file-text.js";
import { definitionAt } from "./symbols-at.js";
import { tokenAt } from "./tokens.js";

export function hover(doc: OpenDocument, position: Position, fileText: FileText): Hover | null {
  const offset = doc.document.offsetAt(position);
  const token = tokenAt(doc.text, offset);
  if (!token || token.type === "Comment") return null;
  const analysisOffset = doc.offsetInAnalysis(offset);

  if (analysisOffset !== null && doc.analysis) {
    const quantity = quantityAt(doc.analysis.quantities, analysisOffset);
    if (quantity) {
      const range = doc.rangeFromAnalysisOffsets(quantity.start, quantity.end);
      return { contents: { kind: MarkupKind.Markdown, value: describeQuantity(quantity) }, ...(range ? { range } : {}) };
    }
    const found = definitionAt(doc, analysisOffset);
    if (found) {
      const range = doc.rangeFromAnalysis(found.span);
      return { contents: { kind: MarkupKind.Markdown, value: describeDefinition(found.definition, doc, fileText) }, ...(range ? { range } : {}) };
    }
  }

  const meaning = keywordDoc(token.image);
  if (!meaning || token.type === "StringLiteral" || token.type === "Quantity") return null;
  const parts = [renderKeywordDoc(token.image, meaning)];
  if (analysisOffset !== null && doc.analysis) {
    const node = nodeStartingAt(doc.analysis.nodes, doc.offsetInAnalysis(token.start));
    if (node) parts.push(describeEstimate(node));
    else if (doc.analysis.nodes.length === 0 && startsStatement(doc, token.start) && hasErrors(doc)) {
      parts.push("_No duration estimate while the protocol has errors._");
    }
  }
  return { contents: { kind: MarkupKind.Markdown, value: parts.join("\n\n---\n\n") }, range: doc.range(token.start, token.end) };
}

/** The quantity written where `offset` is (quantities are sorted by start and never overlap). */
export function quantityAt(quantities: readonly QuantityFacts[], offset: number): QuantityFacts | null {
  let low = 0;
  let high = quantities.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (quantities[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  const quantity = found === -1 ? null : quantities[found]!;
  return quantity && offset < quantity.end ? quantity : null;
}

function describeQuantity(quantity: QuantityFacts): string {
  const lines = [`**${escapeMarkdown(quantity.display)}**`];
  if (quantity.kind) lines.push(`_${quantity.kind}_`);
  if (quantity.derivation && !quantity.display.includes(quantity.derivation)) lines.push(`\`${quantity.derivation}\``);
  if (quantity.si === null) lines.push("_not worked out: the value depends on where the sequence is called_");
  return lines.join("\n\n");
}

const KIND_WORDS: Record<SymbolDefinition["kind"], string> = {
  param: "param",
  sequence: "sequence",
  cell: "cell",
  sequenceParam: "sequence parameter",
  sweepVariable: "sweep variable",
};

function describeDefinition(definition: SymbolDefinition, doc: OpenDocument, fileText: FileText): string {
  const line = declarationLine(definition, doc, fileText);
  const where = isThisDocument(doc, definition.file) ? "" : `\n\n_declared in ${definition.file}_`;
  const code = line ? `\n\n\`\`\`btp\n${line}\n\`\`\`` : "";
  return `**${KIND_WORDS[definition.kind]}** \`${definition.name}\`${code}${where}`;
}

/** The first line of a declaration (a param's line holds its documenting comment). */
function declarationLine(definition: SymbolDefinition, doc: OpenDocument, fileText: FileText): string | null {
  let text: string | undefined;
  let start: number;
  if (isThisDocument(doc, definition.file)) {
    const moved = doc.offsetsFromAnalysis(definition.span);
    if (!moved) return null;
    text = doc.text;
    start = moved.start;
  } else {
    text = fileText(definition.file);
    start = definition.span.start.offset;
  }
  if (text === undefined) return null;
  let end = start;
  while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
  const line = text.slice(start, end).trimEnd();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

function nodeStartingAt(nodes: readonly NodeFacts[], offset: number | null): NodeFacts | null {
  if (offset === null) return null;
  return nodes.find((node) => node.span.start.offset === offset) ?? null;
}

function describeEstimate(node: NodeFacts): string {
  const { low, high } = node.expectedPerRun;
  const perRun = low === high ? formatDuration(low) : `${formatDuration(low)} to ${formatDuration(high)}`;
  const what = node.kind === "loop" ? "the whole loop" : node.kind === "group" || node.kind === "cycleAction" ? "the block" : "one run";
  const lines = [`**Estimated duration:** ${perRun} for ${what} (expected)`];
  if (node.runs !== 1) lines.push(`Runs ${formatNumber(node.runs)} times in the test: ${formatDuration(node.total.expected)} in total (expected).`);
  const max = node.total.max === null ? "no upper bound (it ends on a condition only)" : formatDuration(node.total.max);
  lines.push(`Shortest ${formatDuration(node.total.min)}, longest ${max}.`);
  if (node.instances > 1) lines.push(`_Summed over ${node.instances} expansions (sweep values or sequence calls)._`);
  return lines.join("\n\n");
}

function startsStatement(doc: OpenDocument, offset: number): boolean {
  let i = offset - 1;
  const text = doc.text;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  return i < 0 || text[i] === "\n" || text[i] === "\r" || text[i] === "{" || text[i] === ";";
}

function hasErrors(doc: OpenDocument): boolean {
  return doc.parsed.diagnostics.some((d) => d.severity === "error") || (doc.analysis?.checkDiagnostics ?? []).some((d) => d.severity === "error");
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]])/g, "\\$1");
}
