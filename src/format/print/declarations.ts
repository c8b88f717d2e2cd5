// Declarations: the title and metadata, imports, `use cell`, params, sequences and cells.

import { builders } from "prettier/doc";
import type { CellDecl, CellProperty, CellValue, Declaration, SequenceDecl, TopLevelItem } from "../../syntax/ast.js";
import { printBraceBlock, printBracketList, type Entry } from "./container.js";
import type { PrintContext } from "./context.js";
import { printExpr } from "./expressions.js";
import { printBody, printStatement } from "./statements.js";
import { printString } from "./steps.js";

type Doc = builders.Doc;

export function printTopLevelItem(ctx: PrintContext, item: TopLevelItem): Doc {
  switch (item.kind) {
    case "ProtocolHeader":
    case "MetadataItem":
    case "ImportDecl":
    case "UseCell":
    case "ParamDecl":
    case "SequenceDecl":
    case "CellDecl":
      return printDeclaration(ctx, item);
    default:
      return printStatement(ctx, item, 0);
  }
}

function printDeclaration(ctx: PrintContext, d: Declaration): Doc {
  switch (d.kind) {
    case "ProtocolHeader":
      return ["protocol ", printString(ctx, d.title.span)];
    case "MetadataItem":
      return [d.key, " ", printString(ctx, d.value.span)];
    case "ImportDecl":
      return ["import ", printString(ctx, d.path.span)];
    case "UseCell":
      return ["use cell ", d.target.kind === "Identifier" ? d.target.name : printString(ctx, d.target.span)];
    case "ParamDecl":
      return ["param ", d.name.name, d.type ? `: ${d.type.name}` : "", " = ", printExpr(ctx, d.value)];
    case "SequenceDecl":
      return printSequence(ctx, d);
    case "CellDecl":
      return printCell(ctx, d);
  }
}

/** `sequence plate_strip(j: current density, t: time = 1 h) { … }`. The header stays on one
 * line: a comment at its end documents the sequence. */
function printSequence(ctx: PrintContext, s: SequenceDecl): Doc {
  const { source } = ctx;
  const open = source.find("(", s.name.span.end.offset);
  const lastParam = s.params[s.params.length - 1];
  const close = source.find(")", lastParam ? lastParam.span.end.offset : open + 1);
  const entries: Entry[] = s.params.map((p) => ({
    start: p.span.start.offset,
    end: p.span.end.offset,
    print: () => [
      p.name.name,
      p.type ? `: ${p.type.name}` : "",
      p.default ? [" = ", printExpr(ctx, p.default)] : "",
    ],
  }));
  const params = printBracketList(ctx, {
    open: "(",
    close: ")",
    openOffset: open,
    closeOffset: close,
    entries,
    fillLines: false,
    keepOnOneLine: true,
  });
  return ["sequence ", s.name.name, params, " ", printBody(ctx, s, s.body, close + 1, 0)];
}

// ------------------------------------------------------------------------------ cells

function printCell(ctx: PrintContext, cell: CellDecl): Doc {
  const headerEnd = (cell.title ?? cell.name)?.span.end.offset ?? cell.span.start.offset + "cell".length;
  return [
    "cell",
    cell.name ? ` ${cell.name.name}` : "",
    cell.title ? ` ${printString(ctx, cell.title.span)}` : "",
    " ",
    printProperties(ctx, cell.properties, headerEnd, cell.span.end.offset - 1, 1),
  ];
}

function printProperties(ctx: PrintContext, properties: readonly CellProperty[], headerEnd: number, close: number, depth: number): Doc {
  return printBraceBlock(ctx, {
    kind: "properties",
    headerEnd,
    open: ctx.source.find("{", headerEnd),
    close,
    depth,
    entries: properties.map((p) => ({
      start: p.span.start.offset,
      end: p.span.end.offset,
      print: () => printProperty(ctx, p, depth),
    })),
  });
}

function printCellValue(ctx: PrintContext, value: CellValue): Doc {
  switch (value.kind) {
    case "expr":
      return printExpr(ctx, value.expr);
    case "range":
      return [printExpr(ctx, value.min), " .. ", printExpr(ctx, value.max)];
    case "word":
      return value.word;
    case "string":
      return printString(ctx, value.value.span);
  }
}

/** `area 1.13 cm2`, `window 2.3 V .. 3.9 V`, `kind full`, `cathode "NVP" { … }`. A label keeps
 * its spelling: quoted if it was quoted, bare words (`NVP-K0.05`) if not. */
function printProperty(ctx: PrintContext, p: CellProperty, depth: number): Doc {
  const parts: Doc[] = [p.key];
  if (p.label) parts.push(" ", printString(ctx, p.label.span));
  if (p.value) parts.push(" ", printCellValue(ctx, p.value));
  if (p.children) {
    const headerEnd = (p.label ?? { span: p.keySpan }).span.end.offset;
    parts.push(" ", printProperties(ctx, p.children, headerEnd, p.span.end.offset - 1, depth + 1));
  }
  return parts;
}
