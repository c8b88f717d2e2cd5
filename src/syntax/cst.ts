// Small helpers for reading chevrotain's concrete syntax tree. A CST node keeps its children in
// arrays keyed by rule or token name; after error recovery any of them may be missing, and
// tokens invented by recovery have no position. Everything here tolerates both.
//
// The AST builder calls these helpers several times on every node of a file of thousands of
// lines, inside the language server's keystroke budget: they loop instead of allocating
// (no Object.values, filter or spread) and sort only when children are out of text order.

import type { CstElement, CstNode, IToken } from "chevrotain";

export type { CstNode, IToken };

const NO_ELEMENTS: readonly CstElement[] = [];

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

/** The index-th token under a key (what `childTokens(node, key)[index]` gives, without the copy). */
export function childToken(node: CstNode | undefined, key: string, index = 0): IToken | undefined {
  const list = node?.children[key];
  if (!list) return undefined;
  let seen = 0;
  for (const element of list) {
    if (!isToken(element)) continue;
    if (seen === index) return element;
    seen++;
  }
  return undefined;
}

export function childNodes(node: CstNode | undefined, key: string): CstNode[] {
  const list = node?.children[key];
  return list ? (list.filter((e) => !isToken(e)) as CstNode[]) : [];
}

/** The index-th node under a key (what `childNodes(node, key)[index]` gives, without the copy). */
export function childNode(node: CstNode | undefined, key: string, index = 0): CstNode | undefined {
  const list = node?.children[key];
  if (!list) return undefined;
  let seen = 0;
  for (const element of list) {
    if (isToken(element)) continue;
    if (seen === index) return element;
    seen++;
  }
  return undefined;
}

/** The first key of a node's children and its elements: the alternative an `OR`-only rule
 * (statement, step, declaration) took. */
export function firstChild(node: CstNode): { name: string; elements: CstElement[] } | undefined {
  for (const name in node.children) return { name, elements: node.children[name]! };
  return undefined;
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

/** True when chevrotain tracked where the node starts and ends. */
function hasUsableLocation(node: CstNode): boolean {
  const loc = node.location;
  return (
    loc !== undefined &&
    Number.isFinite(loc.startOffset) &&
    Number.isFinite(loc.endOffset) &&
    (loc.endOffset as number) >= loc.startOffset
  );
}

/** [start, end) of a node in text offsets: chevrotain's location when it has one (it ignores
 * tokens invented by recovery), else the first and last real tokens. Null for a node with no
 * real token at all. */
export function nodeRange(node: CstNode): { start: number; end: number } | null {
  if (hasUsableLocation(node)) {
    const loc = node.location!;
    return { start: loc.startOffset, end: (loc.endOffset as number) + 1 };
  }
  const first = firstToken(node);
  const last = lastToken(node);
  if (!first || !last) return null;
  return { start: first.startOffset, end: last.startOffset + last.image.length };
}

/** Start offset of nodeRange(node), or NaN when it is null — without building the range. */
export function nodeStart(node: CstNode): number {
  if (hasUsableLocation(node)) return node.location!.startOffset;
  const range = nodeRange(node);
  return range ? range.start : NaN;
}

/** End offset of nodeRange(node), or NaN when it is null — without building the range. */
export function nodeEnd(node: CstNode): number {
  if (hasUsableLocation(node)) return (node.location!.endOffset as number) + 1;
  const range = nodeRange(node);
  return range ? range.end : NaN;
}

/** The first real token under a node, in text order. Descends only into the earliest child,
 * found from locations, so it costs the depth of the tree, not its size. */
export function firstToken(node: CstNode): IToken | undefined {
  let best: CstElement | undefined;
  let bestOffset = Number.POSITIVE_INFINITY;
  const children = node.children;
  for (const key in children) {
    // Children of one key are in text order: the first positioned one is the earliest of its key.
    for (const element of children[key]!) {
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
  const children = node.children;
  for (const key in children) {
    const list = children[key]!;
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

/** All children of the given keys, in text order (elements without a position go last, in the
 * order of `keys`). The result may be the node's own array: read it, never change it. */
export function childrenInOrder(node: CstNode | undefined, keys: readonly string[]): readonly CstElement[] {
  if (!node) return NO_ELEMENTS;
  // Chevrotain appends the children of each key in reading order, which is text order unless
  // recovery invented some. Most nodes have children under one of the keys only (an expression
  // without operators, a step without options): that list is the answer.
  let only: CstElement[] | undefined;
  let nonEmpty = 0;
  for (const key of keys) {
    const list = node.children[key];
    if (list === undefined || list.length === 0) continue;
    only = list;
    nonEmpty++;
  }
  if (only === undefined) return NO_ELEMENTS;
  if (nonEmpty === 1) return only.length === 1 || inTextOrder(only) ? only : sortedByStart(only);
  const lists: CstElement[][] = [];
  for (const key of keys) {
    const list = node.children[key];
    if (list !== undefined && list.length > 0) lists.push(list);
  }
  return lists.every(inTextOrder) ? merged(lists) : sortedByStart(lists.flat());
}

/** True if every element has a position and none starts before the one ahead of it. */
function inTextOrder(elements: readonly CstElement[]): boolean {
  let previous = Number.NEGATIVE_INFINITY;
  for (const element of elements) {
    const offset = startOffset(element);
    if (!(offset >= previous)) return false; // also false for NaN
    previous = offset;
  }
  return true;
}

/** Lists each in text order, merged into one (on equal offsets, the earlier list first). */
function merged(lists: readonly CstElement[][]): CstElement[] {
  const result: CstElement[] = [];
  const next = lists.map(() => 0);
  for (;;) {
    let best = -1;
    let bestOffset = Number.POSITIVE_INFINITY;
    for (let i = 0; i < lists.length; i++) {
      const element = lists[i]![next[i]!];
      if (element === undefined) continue;
      const offset = startOffset(element);
      if (best === -1 || offset < bestOffset) {
        best = i;
        bestOffset = offset;
      }
    }
    if (best === -1) return result;
    result.push(lists[best]![next[best]!]!);
    next[best]!++;
  }
}

/** A stable sort by start offset, elements without a position last. */
function sortedByStart(elements: readonly CstElement[]): CstElement[] {
  const offsets = elements.map(startOffset);
  const order = elements.map((_, i) => i);
  order.sort((a, b) => {
    const aMissing = Number.isNaN(offsets[a]!);
    const bMissing = Number.isNaN(offsets[b]!);
    if (aMissing || bMissing) return aMissing === bMissing ? a - b : aMissing ? 1 : -1;
    return offsets[a]! - offsets[b]! || a - b;
  });
  return order.map((i) => elements[i]!);
}

/** True if recovery invented or skipped anything directly in this node. */
export function isRecoveredNode(node: CstNode | undefined): boolean {
  if (!node) return true;
  if (node.recoveredNode === true) return true;
  const children = node.children;
  for (const key in children) {
    for (const element of children[key]!) if (isToken(element) && !isRealToken(element)) return true;
  }
  return false;
}
