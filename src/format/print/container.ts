// Lists of things with comments between them: the file itself, the statements of a block, the
// properties of a cell, the items of `limits { … }`, and the items of `[ … ]` and `( … )`.
//
// Layout rules (the same everywhere):
// - a comment after code on a line stays after that code ("trailing"); a comment alone on its
//   line stays alone on its line, above what followed it;
// - one blank line between two things survives (several become one); none at a block's start;
// - a `{ … }` block written on one line stays on one line if it fits and holds no comment;
//   one written over several lines stays that way (statements one per line);
// - trailing comments of consecutive lines line up, unless a line is too long to join in; where
//   the author already lined them up at one column (and it still fits), that column is kept.

import { builders } from "prettier/doc";
import type { SourceComment } from "../comments.js";
import type { PrintContext } from "./context.js";
import { displayWidth, singleLineWidth } from "./measure.js";

type Doc = builders.Doc;
const { breakParent, fill, group, hardline, ifBreak, indent, join, line, lineSuffix, softline } = builders;

/** A thing to print, with the source range it came from. `print` is called once, in order, so
 * that the comments inside the thing go to its own inner lists first. */
export interface Entry {
  start: number;
  end: number;
  print: () => Doc;
}

/** Lines whose code is wider than this keep their trailing comment two spaces after the code
 * instead of pushing every comment of their group far to the right. */
export const ALIGN_MAX_CODE_WIDTH = 40;
const COMMENT_GAP = 2;

interface CommentLine {
  kind: "comment";
  comment: SourceComment;
  blankBefore: boolean;
}

interface EntryLine {
  kind: "entry";
  doc: Doc;
  trailing: SourceComment | null;
  /** Where the trailing comment started in the original, counted from the code's start. */
  writtenColumn: number;
  /** Spaces between the code and its trailing comment. */
  pad: number;
  blankBefore: boolean;
}

type Line = CommentLine | EntryLine;

interface Gathered {
  /** A comment on the opening line of a block, after its `{`. */
  afterOpen: SourceComment | null;
  lines: Line[];
}

/** Walks the entries and the gaps between them, placing every comment of [from, to). */
function gather(ctx: PrintContext, entries: readonly Entry[], from: number, to: number, allowAfterOpen: boolean): Gathered {
  const { source, comments } = ctx;
  const lines: Line[] = [];
  let afterOpen: SourceComment | null = null;
  let previousEnd = from;
  let lastEntry: { line: EntryLine; end: number } | null = null;

  const place = (comment: SourceComment): void => {
    if (lastEntry && !lastEntry.line.trailing && !comment.ownLine && source.sameLine(lastEntry.end, comment.start)) {
      lastEntry.line.trailing = comment;
      lastEntry.line.writtenColumn = displayWidth(source.codeBefore(comment.start));
    } else if (allowAfterOpen && !afterOpen && lines.length === 0 && !comment.ownLine) {
      afterOpen = comment;
    } else {
      lines.push({
        kind: "comment",
        comment,
        blankBefore: lines.length > 0 && source.blankLineBetween(previousEnd, comment.start),
      });
    }
    previousEnd = comment.end;
  };

  let gapStart = from;
  for (const entry of entries) {
    for (const comment of comments.take(gapStart, entry.start)) place(comment);
    let blankBefore = lines.length > 0 && source.blankLineBetween(previousEnd, entry.start);
    const doc = entry.print();
    // Comments inside the entry that no inner list claimed (rare: between a block's header and
    // its `{`, say) go on their own lines just above it, which keeps them in order.
    for (const comment of comments.take(entry.start, entry.end)) {
      lines.push({ kind: "comment", comment, blankBefore });
      blankBefore = false;
    }
    const entryLine: EntryLine = { kind: "entry", doc, trailing: null, writtenColumn: 0, pad: COMMENT_GAP, blankBefore };
    lines.push(entryLine);
    lastEntry = { line: entryLine, end: entry.end };
    previousEnd = entry.end;
    gapStart = entry.end;
  }
  for (const comment of comments.take(gapStart, to)) place(comment);
  return { afterOpen, lines };
}

/** The column the comments of a run line up at (counted from the start of the code): the
 * author's, if they already lined up two or more of them there with room to spare; otherwise
 * two spaces after the widest line that joins in. */
function alignmentColumn(joining: readonly { line: EntryLine; width: number }[]): number {
  const needed = Math.max(0, ...joining.map((j) => j.width)) + COMMENT_GAP;
  const written = joining[0]?.line.writtenColumn ?? 0;
  const authorAligned = joining.length >= 2 && joining.every((j) => j.line.writtenColumn === written);
  return authorAligned && written >= needed ? written : needed;
}

/** Lines up the trailing comments of each run of consecutive commented lines. */
function alignTrailingComments(ctx: PrintContext, lines: Line[], depth: number): void {
  let run: EntryLine[] = [];
  const flush = (): void => {
    const joining: { line: EntryLine; width: number }[] = [];
    for (const line of run) {
      const width = singleLineWidth(line.doc, ctx.layout, depth);
      if (width !== null && width <= ALIGN_MAX_CODE_WIDTH) joining.push({ line, width });
    }
    const column = alignmentColumn(joining);
    for (const { line, width } of joining) line.pad = column - width;
    run = [];
  };
  for (const l of lines) {
    const continues = l.kind === "entry" && l.trailing !== null && !l.blankBefore;
    if (!continues) flush();
    if (l.kind === "entry" && l.trailing !== null) run.push(l);
  }
  flush();
}

function trailingDoc(comment: SourceComment | null, pad: number): Doc {
  if (!comment) return "";
  return [lineSuffix([" ".repeat(pad), comment.text]), breakParent];
}

/** The docs of the lines, with `separator` after every entry but the last. */
function lineDocs(lines: readonly Line[], separator: Doc): Doc[] {
  const lastEntry = lines.map((l) => l.kind).lastIndexOf("entry");
  return lines.map((l, i) => {
    if (l.kind === "comment") return [l.comment.text, breakParent];
    return [l.doc, i === lastEntry ? "" : separator, trailingDoc(l.trailing, l.pad)];
  });
}

function joinLines(lines: readonly Line[], docs: readonly Doc[], between: Doc): Doc[] {
  const parts: Doc[] = [];
  docs.forEach((doc, i) => {
    if (i > 0) parts.push(lines[i]!.blankBefore ? [hardline, hardline] : between);
    parts.push(doc);
  });
  return parts;
}

/** The top level of a file: one thing per line, blank lines kept. */
export function printFileBody(ctx: PrintContext, entries: readonly Entry[], textLength: number): Doc {
  const { lines } = gather(ctx, entries, 0, textLength + 1, false);
  if (lines.length === 0) return "";
  alignTrailingComments(ctx, lines, 0);
  return [joinLines(lines, lineDocs(lines, ""), hardline), hardline];
}

export interface BraceBlock {
  kind: "statements" | "properties";
  /** Where the header ends: comments from here to the `{` belong to the block. */
  headerEnd: number;
  /** Offset of the `{`. */
  open: number;
  /** Offset of the `}`. */
  close: number;
  entries: readonly Entry[];
  /** Indentation depth of the entries. */
  depth: number;
}

/** `{ … }`: statements (`;` between them on one line) or properties (`,`). */
export function printBraceBlock(ctx: PrintContext, block: BraceBlock): Doc {
  const { afterOpen, lines } = gather(ctx, block.entries, block.headerEnd, block.close, true);
  if (lines.length === 0) return afterOpen ? ["{", trailingDoc(afterOpen, COMMENT_GAP), hardline, "}"] : "{}";
  alignTrailingComments(ctx, lines, block.depth);
  const firstStart = block.entries[0]?.start ?? block.close;
  const writtenOnOneLine = block.open >= 0 && ctx.source.sameLine(block.open, firstStart);
  const separator = ifBreak("", block.kind === "statements" ? ";" : ",");
  const docs = lineDocs(lines, separator);
  return group(
    [
      "{",
      afterOpen ? trailingDoc(afterOpen, COMMENT_GAP) : "",
      indent([line, ...joinLines(lines, docs, line)]),
      line,
      "}",
    ],
    { shouldBreak: !writtenOnOneLine },
  );
}

export interface BracketList {
  open: "[" | "(";
  close: "]" | ")";
  /** Offset of the opening bracket. */
  openOffset: number;
  /** Offset of the closing bracket. */
  closeOffset: number;
  entries: readonly Entry[];
  /** Fill lines with as many items as fit (lists of values) rather than one per line. */
  fillLines: boolean;
  /** Never break the list unless a comment forces it (a sequence header must stay on the line
   * its documentation comment is on). */
  keepOnOneLine?: boolean;
}

/** `[a, b, c]` and `(a, b)`: on one line if it fits, else broken after the bracket. */
export function printBracketList(ctx: PrintContext, list: BracketList): Doc {
  const { afterOpen, lines } = gather(ctx, list.entries, list.openOffset + 1, list.closeOffset, true);
  if (lines.length === 0) {
    return afterOpen ? [list.open, trailingDoc(afterOpen, COMMENT_GAP), hardline, list.close] : [list.open, list.close];
  }
  const hasComments = afterOpen !== null || lines.some((l) => l.kind === "comment" || l.trailing !== null);
  if (list.keepOnOneLine) {
    const docs = lineDocs(lines, ",");
    if (!hasComments) return [list.open, join(" ", docs), list.close];
    // Comments force the list over several lines; what began on the opening line stays there.
    const first = lines[0];
    const firstStaysUp =
      !afterOpen && first?.kind === "entry" && ctx.source.sameLine(list.openOffset, list.entries[0]!.start);
    const body = joinLines(lines, docs, hardline);
    return [
      list.open,
      afterOpen ? trailingDoc(afterOpen, COMMENT_GAP) : "",
      firstStaysUp ? [body[0]!, indent(body.slice(1))] : indent([hardline, ...body]),
      hardline,
      list.close,
    ];
  }
  if (list.fillLines && !hasComments) {
    const docs = lineDocs(lines, ",");
    const parts: Doc[] = [];
    docs.forEach((doc, i) => {
      if (i > 0) parts.push(line);
      parts.push(doc);
    });
    return group([list.open, indent([softline, fill(parts)]), softline, list.close]);
  }
  const docs = lineDocs(lines, ",");
  return group([
    list.open,
    afterOpen ? trailingDoc(afterOpen, COMMENT_GAP) : "",
    indent([softline, ...joinLines(lines, docs, line)]),
    softline,
    list.close,
  ]);
}
