// The formatter's promise, checked on every run: the formatted text parses to the same syntax
// tree as the original (positions aside) and keeps every comment, in order. If it ever does
// not, the file is left alone and the user is told, rather than handed a protocol that means
// something else.

import type { SourceFile } from "../syntax/ast.js";

/** Keys that only say where something was written. */
const POSITION_KEYS: ReadonlySet<string> = new Set(["span", "unitSpan", "keySpan"]);

/** Where two syntax trees first differ (`items[3].end.conditions[0].value.unit`), or null if
 * they are the same apart from positions. */
export function firstTreeDifference(a: unknown, b: unknown, path = "items"): string | null {
  if (a === b) return null;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length`;
    for (let i = 0; i < a.length; i++) {
      const difference = firstTreeDifference(a[i], b[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return null;
  }
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(recordA), ...Object.keys(recordB)]);
  for (const key of keys) {
    if (POSITION_KEYS.has(key)) continue;
    // An absent key and an undefined one say the same.
    if (recordA[key] === undefined && recordB[key] === undefined) continue;
    const difference = firstTreeDifference(recordA[key], recordB[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return null;
}

/** What the formatting changed that it must not have, in words, or null if nothing. */
export function meaningChange(before: SourceFile, after: SourceFile): string | null {
  const difference = firstTreeDifference(before.items, after.items);
  if (difference) return `the protocol would read differently (at ${difference})`;
  const commentsBefore = before.comments.map((c) => c.text.trimEnd());
  const commentsAfter = after.comments.map((c) => c.text.trimEnd());
  for (let i = 0; i < Math.max(commentsBefore.length, commentsAfter.length); i++) {
    if (commentsBefore[i] !== commentsAfter[i]) {
      return commentsBefore[i] === undefined
        ? `a comment would appear: \`${commentsAfter[i]}\``
        : `the comment \`${commentsBefore[i]}\` would be lost or moved out of order`;
    }
  }
  return null;
}
