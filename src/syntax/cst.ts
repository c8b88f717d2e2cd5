// Small helpers for reading chevrotain's concrete syntax tree. A CST node keeps its children in
// arrays keyed by rule or token name; after error recovery any of them may be missing, and
// tokens invented by recovery have no position. Everything here tolerates both.

import type { CstElement, CstNode, IToken } from "chevrotain";

export type { CstNode, IToken };

export function isToken(element: CstElement): element is IToken {
  return (element as IToken).tokenType !== undefined;
}

/** A token that exists in the text (not invented by recovery). */
export function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && token.isInsertedInRecovery !== true && Number.isFinite(token.startOffset);
}

export function childTokens(node: CstNode | undefined, key: string): IToken[] {
  const list = node?.children[key];
  return list ? (list.filter(isToken) as IToken[]) : [];
}

export function childToken(node: CstNode | undefined, key: string, index = 0): IToken | undefined {
  return childTokens(node, key)[index];
}

export function childNodes(node: CstNode | undefined, key: string): CstNode[] {
  const list = node?.children[key];
  return list ? (list.filter((e) => !isToken(e)) as CstNode[]) : [];
}

export function childNode(node: CstNode | undefined, key: string, index = 0): CstNode | undefined {
  return childNodes(node, key)[index];
}

/** Offset at which a CST element starts in the text, or NaN if it has no real token. */
export function startOffset(element: CstElement): number {
  if (isToken(element)) return isRealToken(element) ? element.startOffset : NaN;
  const located = locatedStart(element);
  if (!Number.isNaN(located)) return located;
  const first = firstToken(element);
  return first ? first.startOffset : NaN;
}

/** Start offset of a node from chevrotain's location tracking, when it has one. */
function locatedStart(node: CstNode): number {
  const offset = node.location?.startOffset;
  return offset !== undefined && Number.isFinite(offset) ? offset : NaN;
}

/** [start, end) of a node in text offsets: chevrotain's location when it has one (it ignores
 * tokens invented by recovery), else the first and last real tokens. Null for a node with no
 * real token at all. */
export function nodeRange(node: CstNode): { start: number; end: number } | null {
  const loc = node.location;
  if (
    loc &&
    Number.isFinite(loc.startOffset) &&
    Number.isFinite(loc.endOffset) &&
    (loc.endOffset as number) >= loc.startOffset
  ) {
    return { start: loc.startOffset, end: (loc.endOffset as number) + 1 };
  }
  const first = firstToken(node);
  const last = lastToken(node);
  if (!first || !last) return null;
  return { start: first.startOffset, end: last.startOffset + last.image.length };
}

/** The first real token under a node, in text order. Descends only into the earliest child,
 * found from locations, so it costs the depth of the tree, not its size. */
export function firstToken(node: CstNode): IToken | undefined {
  let best: CstElement | undefined;
  let bestOffset = Number.POSITIVE_INFINITY;
  for (const list of Object.values(node.children)) {
    // Children of one key are in text order: the first positioned one is the earliest of its key.
    for (const element of list) {
      const offset = startOffset(element);
      if (Number.isNaN(offset)) continue;
      if (offset < bestOffset) {
        best = element;
        bestOffset = offset;
      }
      break;
    }
  }
  if (best === undefined) return undefined;
  return isToken(best) ? best : firstToken(best);
}

/** Offset just past the end of a CST element, or NaN if it has no real token. */
function endOffset(element: CstElement): number {
  if (isToken(element)) return isRealToken(element) ? element.startOffset + element.image.length : NaN;
  const end = element.location?.endOffset;
  if (end !== undefined && Number.isFinite(end)) return end + 1;
  const last = lastToken(element);
  return last ? last.startOffset + last.image.length : NaN;
}

/** The last real token under a node, in text order. */
export function lastToken(node: CstNode): IToken | undefined {
  let best: CstElement | undefined;
  let bestEnd = Number.NEGATIVE_INFINITY;
  for (const list of Object.values(node.children)) {
    for (let i = list.length - 1; i >= 0; i--) {
      const element = list[i]!;
      const end = endOffset(element);
      if (Number.isNaN(end)) continue;
      if (end > bestEnd) {
        best = element;
        bestEnd = end;
      }
      break;
    }
  }
  if (best === undefined) return undefined;
  return isToken(best) ? best : lastToken(best);
}

/** All children of the given keys, in text order (elements without a position go last). */
export function childrenInOrder(node: CstNode | undefined, keys: readonly string[]): CstElement[] {
  if (!node) return [];
  const all: CstElement[] = [];
  for (const key of keys) all.push(...(node.children[key] ?? []));
  const withOffset = all.map((element) => ({ element, offset: startOffset(element) }));
  withOffset.sort((a, b) => (Number.isNaN(a.offset) ? 1 : Number.isNaN(b.offset) ? -1 : a.offset - b.offset));
  return withOffset.map((e) => e.element);
}

/** True if recovery invented or skipped anything directly in this node. */
export function isRecoveredNode(node: CstNode | undefined): boolean {
  if (!node) return true;
  if (node.recoveredNode === true) return true;
  for (const list of Object.values(node.children)) {
    for (const element of list) if (isToken(element) && !isRealToken(element)) return true;
  }
  return false;
}
