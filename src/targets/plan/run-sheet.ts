// The run sheet: the plan in the operator's words, as Markdown and as HTML (the same entries,
// two renderings). Each numbered entry is one thing a person does: set the oven, connect or move
// the cell, load a file and start it, or go back and repeat a few entries.

import type { NodeIR, ProtocolIR } from "../../ir/types.js";
import { isStep } from "../../ir/types.js";
import { describeNode } from "../../ir/describe.js";
import { estimateProtocol } from "../../ir/estimate.js";
import { formatQuantity } from "../../units/display.js";
import { formatDuration } from "../../units/duration.js";
import { groupDigits } from "../../ir/describe/words.js";
import type { CompiledSegment, PlanOptions } from "./index.js";
import type { Role } from "./roles.js";
import type { PlanItem, PlanOperatorStep, PlanRepeat, PlanSegment } from "./types.js";

export interface RunSheetInput {
  ir: ProtocolIR;
  items: readonly PlanItem[];
  segments: readonly CompiledSegment[];
  options: Pick<PlanOptions, "cycler" | "potentiostat" | "btpVersion" | "profiles">;
}

/** One numbered entry: who does it, what to do, what it runs. */
interface Entry {
  who: string;
  action: string;
  /** The steps a segment runs, one line each, indented by depth. */
  outline: { depth: number; text: string }[];
  children: Entry[];
}

const MAX_OUTLINE_LINES = 14;

export function renderRunSheetMarkdown(input: RunSheetInput): string {
  const { entries, header } = build(input);
  const lines = [`# Run sheet: ${input.ir.title ?? input.ir.source}`, "", ...header.map((h) => `${h}  `), ""];
  lines.push("Work through the entries in order. Each file is loaded on the instrument named; the files' headers list how btp expressed the protocol there.", "");
  const emit = (list: Entry[], indent: string): void => {
    list.forEach((entry, i) => {
      lines.push(`${indent}${i + 1}. **${entry.who}:** ${entry.action}`);
      for (const line of entry.outline) lines.push(`${indent}   ${"  ".repeat(line.depth)}- ${line.text}`);
      if (entry.children.length > 0) emit(entry.children, `${indent}   `);
    });
  };
  emit(entries, "");
  return lines.join("\n") + "\n";
}

export function renderRunSheetHtml(input: RunSheetInput): string {
  const { entries, header } = build(input);
  const title = `Run sheet: ${input.ir.title ?? input.ir.source}`;
  const out: string[] = [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.45}li{margin:.4rem 0}code{background:#f3f3f3;padding:0 .2rem}ul.steps{color:#444;font-size:.92em}.who{font-weight:600}</style>",
    "</head>",
    "<body>",
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${header.map(escapeHtml).join("<br>\n")}</p>`,
    "<p>Work through the entries in order. Each file is loaded on the instrument named; the files' headers list how btp expressed the protocol there.</p>",
  ];
  const emit = (list: Entry[]): void => {
    out.push("<ol>");
    for (const entry of list) {
      out.push(`<li><span class="who">${escapeHtml(entry.who)}:</span> ${htmlInline(entry.action)}`);
      if (entry.outline.length > 0) out.push(outlineHtml(entry.outline));
      if (entry.children.length > 0) emit(entry.children);
      out.push("</li>");
    }
    out.push("</ol>");
  };
  emit(entries);
  out.push("</body>", "</html>");
  return out.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------

function build(input: RunSheetInput): { entries: Entry[]; header: string[] } {
  const bySegment = new Map<PlanSegment, CompiledSegment>(input.segments.map((s) => [s.segment, s]));
  const instrument = (role: Role): string => input.options.profiles?.[role]?.name ?? input.options[role].title;
  let location: Role | null = null;

  const segmentEntry = (segment: PlanSegment): Entry => {
    const compiled = bySegment.get(segment);
    const names = compiled ? compiled.files.map((f) => `\`${f.path}\``) : [];
    const files = names.length === 0 ? "(no file)" : names.length === 1 ? names[0]! : `${names[0]} (also written as ${names.slice(1).join(" and ")})`;
    const move =
      location === null
        ? `connect the cell to the ${segment.role}`
        : location === segment.role
          ? `keep the cell on the ${segment.role}`
          : `move the cell from the ${location} to the ${segment.role}`;
    location = segment.role;
    const duration = compiled ? estimateProtocol(compiled.ir).duration.expected : null;
    const parts = [`${capital(move)} and run the schedule in ${files}`];
    if (segment.notes.length > 0) parts.push(`(${unique(segment.notes).join("; ")})`);
    let action = parts.join(" ");
    if (duration !== null && Number.isFinite(duration) && duration > 0) action += `. Expected to take about ${formatDuration(duration)}.`;
    else action += ".";
    const emulated = compiled?.emulations.length ?? 0;
    if (emulated > 0) action += ` ${emulated} emulation${emulated === 1 ? "" : "s"}: see the file header.`;
    return { who: `${capital(segment.role)} (${instrument(segment.role)})`, action, outline: outline(segment.nodes, input.ir), children: [] };
  };

  const operatorEntry = (item: PlanOperatorStep): Entry => {
    const step = item.step;
    const target = formatQuantity(step.setpoint, "temperature");
    const wait =
      step.settle.kind === "time"
        ? ` and wait ${formatDuration(step.settle.seconds)} for the cell to reach it`
        : step.settle.kind === "stable"
          ? " and wait until the cell temperature is stable"
          : "";
    const where = location === null ? "Put the cell in the oven, set" : "Set";
    return { who: "Oven", action: `${where} the oven to ${target}${wait}${step.label ? ` (${step.label})` : ""}.`, outline: [], children: [] };
  };

  const repeatEntry = (item: PlanRepeat): Entry => {
    const children = walk(item.items);
    const first = firstRoleOf(item.items);
    const last = location;
    let action = `Run the ${children.length} entries below ${groupDigits(item.count)} times in a row`;
    if (item.note) action += ` (${item.note})`;
    action += ".";
    if (first && last && first !== last) action += ` Between passes, move the cell from the ${last} back to the ${first}.`;
    return { who: "Repeat", action, outline: [], children };
  };

  const walk = (items: readonly PlanItem[]): Entry[] =>
    items.map((item) => (item.kind === "segment" ? segmentEntry(item) : item.kind === "operator" ? operatorEntry(item) : repeatEntry(item)));

  const entries = walk(input.items);
  const total = expectedSeconds(input.items, bySegment);
  const header = [
    `Protocol: ${input.ir.source}`,
    `Generated by btp ${input.options.btpVersion}`,
    ...(input.ir.cell ? [`Cell: ${input.ir.cell.title ?? input.ir.cell.name}`] : []),
    `Cycler: ${instrument("cycler")} (files for ${input.options.cycler.name})`,
    `Potentiostat: ${instrument("potentiostat")} (files for ${input.options.potentiostat.name})`,
    "Oven: set by hand where the sheet says so",
    ...(total > 0 && Number.isFinite(total) ? [`Expected total: about ${formatDuration(total)} (estimate; moving the cell not included)`] : []),
  ];
  return { entries, header };
}

/** The expected duration of the whole plan: segments by their estimate, oven waits by their
 * settle time, repeats times their count. */
function expectedSeconds(items: readonly PlanItem[], bySegment: ReadonlyMap<PlanSegment, CompiledSegment>): number {
  let total = 0;
  for (const item of items) {
    if (item.kind === "segment") {
      const compiled = bySegment.get(item);
      if (compiled) total += estimateProtocol(compiled.ir).duration.expected;
    } else if (item.kind === "operator") {
      if (item.step.settle.kind === "time") total += item.step.settle.seconds;
    } else {
      total += item.count * expectedSeconds(item.items, bySegment);
    }
  }
  return total;
}

function firstRoleOf(items: readonly PlanItem[]): Role | null {
  for (const item of items) {
    if (item.kind === "segment") return item.role;
    if (item.kind === "repeat") {
      const inner = firstRoleOf(item.items);
      if (inner) return inner;
    }
  }
  return null;
}

/** The segment's steps, loops and sections as an indented list (at most MAX_OUTLINE_LINES). */
function outline(nodes: readonly NodeIR[], ir: ProtocolIR): { depth: number; text: string }[] {
  const lines: { depth: number; text: string }[] = [];
  let hidden = 0;
  const visit = (list: readonly NodeIR[], depth: number): void => {
    for (const node of list) {
      if (lines.length >= MAX_OUTLINE_LINES) {
        hidden++;
        continue;
      }
      const label = isStep(node) && node.label ? ` (${node.label})` : "";
      lines.push({ depth, text: describeNode(node, ir.cell) + label });
      if (!isStep(node) && node.kind !== "stop") visit(node.body, depth + 1);
    }
  };
  visit(nodes, 0);
  if (hidden > 0) lines.push({ depth: 0, text: `… and ${hidden} more (see the file)` });
  return lines;
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Backticked file names become <code>, the rest is escaped. */
function htmlInline(text: string): string {
  return text
    .split("`")
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join("");
}

function outlineHtml(lines: readonly { depth: number; text: string }[]): string {
  const out: string[] = ['<ul class="steps">'];
  let depth = 0;
  for (const line of lines) {
    while (depth < line.depth) {
      out.push("<ul>");
      depth++;
    }
    while (depth > line.depth) {
      out.push("</ul>");
      depth--;
    }
    out.push(`<li>${escapeHtml(line.text)}</li>`);
  }
  while (depth > 0) {
    out.push("</ul>");
    depth--;
  }
  out.push("</ul>");
  return out.join("");
}
