// Declarations: protocol header and metadata, imports, `use cell`, params, sequences, cells.

import type {
  CellDecl,
  CellProperty,
  CellValue,
  Declaration,
  ImportDecl,
  MetadataItem,
  ParamDecl,
  ProtocolHeader,
  SequenceDecl,
  SequenceParam,
  Statement,
  StringLiteral,
  TypeRef,
  UseCell,
} from "../ast.js";
import {
  childNode,
  childNodes,
  childToken,
  childTokens,
  childrenInOrder,
  firstChild,
  isRealToken,
  lastToken,
  type CstNode,
  type IToken,
} from "../cst.js";
import type { BuildContext } from "./context.js";
import type { DocComments } from "./docs.js";
import { buildExpression } from "./expressions.js";
import { checkItemSeparators } from "./steps.js";

export interface DeclarationHooks {
  docs: DocComments;
  /** Builds the body of a sequence (a block of statements). */
  block: (node: CstNode | undefined) => Statement[];
}

export function buildDeclaration(ctx: BuildContext, node: CstNode, hooks: DeclarationHooks): Declaration[] {
  const { name, elements } = firstChild(node) ?? { name: "", elements: [] };
  if (!name || elements.length === 0) return [];
  const inner = elements[0] as CstNode;
  if (!("children" in inner)) return [];
  switch (name) {
    case "protocolHeader":
      return orNothing(buildProtocolHeader(ctx, inner));
    case "metadata":
      return buildMetadata(ctx, inner);
    case "importDecl":
      return orNothing(buildImport(ctx, inner));
    case "useCell":
      return orNothing(buildUseCell(ctx, inner));
    case "paramDecl":
      return orNothing(buildParam(ctx, inner, hooks));
    case "sequenceDecl":
      return orNothing(buildSequence(ctx, inner, hooks));
    case "cellDecl":
      return orNothing(buildCell(ctx, inner));
    default:
      return [];
  }
}

function orNothing<T>(item: T | null): T[] {
  return item === null ? [] : [item];
}

function recoveredIf<T extends { kind: string; recovered?: boolean }>(
  ctx: BuildContext,
  node: CstNode,
  result: T,
  parts: ({ recovered?: boolean } | null)[] = [],
): T {
  if (ctx.isRecovered(node) || parts.some((p) => p?.recovered === true)) result.recovered = true;
  return result;
}

function stringAfter(ctx: BuildContext, node: CstNode, keyword: IToken | undefined): StringLiteral | null {
  const token = childToken(node, "StringLiteral");
  if (isRealToken(token)) return ctx.stringLiteral(token);
  if (!isRealToken(keyword)) return null;
  return { kind: "StringLiteral", value: "", span: ctx.spans.point(ctx.endOffsetOf(keyword)), recovered: true };
}

function buildProtocolHeader(ctx: BuildContext, node: CstNode): ProtocolHeader | null {
  const title = stringAfter(ctx, node, childToken(node, "Protocol"));
  if (!title) return null;
  return recoveredIf<ProtocolHeader>(ctx, node, { kind: "ProtocolHeader", title, span: ctx.nodeSpan(node) }, [title]);
}

function buildMetadata(ctx: BuildContext, node: CstNode): MetadataItem[] {
  const items: MetadataItem[] = [];
  for (const entry of childNodes(node, "metadataEntry")) {
    const keyToken = childToken(entry, "MetadataKey");
    if (!isRealToken(keyToken)) continue;
    const value = stringAfter(ctx, entry, keyToken);
    if (!value) continue;
    const key = keyToken.image.toLowerCase() as MetadataItem["key"];
    items.push(
      recoveredIf<MetadataItem>(ctx, entry, { kind: "MetadataItem", key, value, span: ctx.nodeSpan(entry) }, [value]),
    );
  }
  return items;
}

function buildImport(ctx: BuildContext, node: CstNode): ImportDecl | null {
  const path = stringAfter(ctx, node, childToken(node, "Import"));
  if (!path) return null;
  return recoveredIf<ImportDecl>(ctx, node, { kind: "ImportDecl", path, span: ctx.nodeSpan(node) }, [path]);
}

function buildUseCell(ctx: BuildContext, node: CstNode): UseCell | null {
  const name = childToken(node, "Identifier");
  const path = childToken(node, "StringLiteral");
  const target = isRealToken(name) ? ctx.identifier(name) : isRealToken(path) ? ctx.stringLiteral(path) : null;
  if (!target) return null;
  return recoveredIf<UseCell>(ctx, node, { kind: "UseCell", target, span: ctx.nodeSpan(node) });
}

/** `current density`, `c-rate`: the words as written, lower case, single-spaced. */
function buildTypeName(ctx: BuildContext, node: CstNode | undefined): TypeRef | null {
  if (!node) return null;
  let name = "";
  for (const element of childrenInOrder(node, ["Word", "Minus"])) {
    if (!("image" in element) || !isRealToken(element)) continue;
    if (element.tokenType.name === "Minus") name += "-";
    else name += (name === "" || name.endsWith("-") ? "" : " ") + element.image.toLowerCase();
  }
  if (name === "") return null;
  return recoveredIf<TypeRef>(ctx, node, { kind: "TypeRef", name, span: ctx.nodeSpan(node) });
}

function buildParam(ctx: BuildContext, node: CstNode, hooks: DeclarationHooks): ParamDecl | null {
  const nameToken = childToken(node, "Identifier");
  if (!isRealToken(nameToken)) return null;
  const type = buildTypeName(ctx, childNode(node, "typeName"));
  const equals = childToken(node, "Equals");
  const value = buildExpression(
    ctx,
    childNode(node, "expression"),
    ctx.endOffsetOf(equals, ctx.endOffsetOf(nameToken)),
  );
  const last = lastToken(node) ?? nameToken;
  const doc = hooks.docs.docFor(nameToken.startLine ?? 0, last.endLine ?? last.startLine ?? 0);
  return recoveredIf<ParamDecl>(
    ctx,
    node,
    { kind: "ParamDecl", name: ctx.identifier(nameToken), type, value, doc, span: ctx.nodeSpan(node) },
    [value],
  );
}

function buildSequence(ctx: BuildContext, node: CstNode, hooks: DeclarationHooks): SequenceDecl | null {
  const nameToken = childToken(node, "Identifier");
  if (!isRealToken(nameToken)) return null;
  const params: SequenceParam[] = [];
  for (const paramNode of childNodes(node, "sequenceParam")) {
    const paramName = childToken(paramNode, "Identifier");
    if (!isRealToken(paramName)) continue;
    const type = buildTypeName(ctx, childNode(paramNode, "typeName"));
    const defaultNode = childNode(paramNode, "expression");
    const defaultValue = defaultNode
      ? buildExpression(ctx, defaultNode, ctx.endOffsetOf(childToken(paramNode, "Equals")))
      : null;
    params.push(
      recoveredIf<SequenceParam>(
        ctx,
        paramNode,
        {
          kind: "SequenceParam",
          name: ctx.identifier(paramName),
          type,
          default: defaultValue,
          span: ctx.nodeSpan(paramNode),
        },
        [defaultValue],
      ),
    );
  }
  const blockNode = childNode(node, "block");
  const body = hooks.block(blockNode);
  // The header line is where a trailing comment describes the sequence.
  const headerLine = nameToken.startLine ?? 0;
  const doc = hooks.docs.docFor(headerLine, headerLine);
  const result: SequenceDecl = {
    kind: "SequenceDecl",
    name: ctx.identifier(nameToken),
    params,
    body,
    doc,
    span: ctx.nodeSpan(node),
  };
  return recoveredIf(ctx, node, result);
}

// ------------------------------------------------------------------------------ cells

function buildCell(ctx: BuildContext, node: CstNode): CellDecl {
  const nameToken = childToken(node, "Identifier");
  const titleToken = childToken(node, "StringLiteral");
  const properties = buildCellProperties(ctx, childNode(node, "cellBlock"));
  return recoveredIf(ctx, node, {
    kind: "CellDecl",
    name: isRealToken(nameToken) ? ctx.identifier(nameToken) : null,
    title: isRealToken(titleToken) ? ctx.stringLiteral(titleToken) : null,
    properties,
    span: ctx.nodeSpan(node),
  });
}

function buildCellProperties(ctx: BuildContext, block: CstNode | undefined): CellProperty[] {
  if (!block) return [];
  checkItemSeparators(ctx, block, "cellProperty", "cell property");
  const properties: CellProperty[] = [];
  for (const propertyNode of childNodes(block, "cellProperty")) {
    const property = buildCellProperty(ctx, propertyNode);
    if (property) properties.push(property);
  }
  return properties;
}

function buildCellProperty(ctx: BuildContext, node: CstNode): CellProperty | null {
  const keyTokens = childTokens(node, "Word").filter(isRealToken);
  if (keyTokens.length === 0) return null;
  const key = keyTokens.map((k) => k.image.toLowerCase()).join(" ");
  const keySpan = ctx.coverSpans(keyTokens.map((k) => ctx.tokenSpan(k)))!;
  const block = childNode(node, "cellBlock");
  const children = block ? buildCellProperties(ctx, block) : null;
  const stringToken = childToken(node, "StringLiteral");
  const words = childNode(node, "cellWords");
  const expressions = childNodes(node, "expression");

  let label: StringLiteral | null = null;
  let value: CellValue | null = null;
  if (isRealToken(stringToken)) {
    const literal = ctx.stringLiteral(stringToken);
    if (block) label = literal;
    else value = { kind: "string", value: literal };
  } else if (words) {
    const span = ctx.nodeSpan(words);
    const text = ctx.sourceText.slice(
      span.start.offset - ctx.spans.origin.offset,
      span.end.offset - ctx.spans.origin.offset,
    );
    if (block) label = { kind: "StringLiteral", value: text, span };
    else value = { kind: "word", word: text, span };
  } else if (expressions.length > 0) {
    const first = buildExpression(ctx, expressions[0], keySpan.end.offset - ctx.spans.origin.offset);
    if (childToken(node, "Range")) {
      const max = buildExpression(ctx, expressions[1], ctx.endOffsetOf(childToken(node, "Range")));
      value = { kind: "range", min: first, max, span: ctx.coverSpans([first.span, max.span])! };
    } else {
      value = { kind: "expr", expr: first };
    }
  }
  return recoveredIf<CellProperty>(ctx, node, {
    kind: "CellProperty",
    key,
    keySpan,
    value,
    label,
    children,
    span: ctx.nodeSpan(node),
  });
}
