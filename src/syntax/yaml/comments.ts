// Doc comments of params and sequences, found by the same rule as in a .btp file: the comment at
// the end of the entry's line wins; otherwise the run of comment-only lines directly above it
// (no blank line in between). Read from the text, because the YAML library files comments under
// whichever node is nearest, which is not always the entry the comment describes.

import type { Node, Pair, Scalar } from "yaml";

/** The doc of `key: value` written in `text`, or null. */
export function docComment(text: string, pair: Pair<Scalar, Node | null>): string | null {
  return trailingComment(text, pair) ?? commentAbove(text, pair.key.range?.[0] ?? 0);
}

function lineEndAfter(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return end === -1 ? text.length : end;
}

/** `cycles_per_rate: 5   # not stated`, or `plate_strip:   # one cycle` before a nested block. */
function trailingComment(text: string, pair: Pair<Scalar, Node | null>): string | null {
  const keyEnd = pair.key.range?.[1] ?? 0;
  const lineEnd = lineEndAfter(text, keyEnd);
  const valueRange = pair.value?.range;
  let from = keyEnd;
  if (valueRange && valueRange[0] < lineEnd) {
    // A value that starts on the key's line and runs onto later lines has no comment on this one.
    if (valueRange[1] > lineEnd) return null;
    from = Math.max(keyEnd, valueRange[1]);
  }
  const rest = text.slice(from, lineEnd).replace(/\r$/, "");
  const match = /^[ \t]*:?[ \t]*#(.*)$/.exec(rest);
  return match ? words(match[1]!) : null;
}

/** The comment-only lines directly above the line that holds `offset`. */
function commentAbove(text: string, offset: number): string | null {
  const lines: string[] = [];
  let lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  while (lineStart > 0) {
    const previousStart = text.lastIndexOf("\n", lineStart - 2) + 1;
    const line = text.slice(previousStart, lineStart - 1).trim();
    if (!line.startsWith("#")) break;
    lines.unshift(words(line.replace(/^#/, "")) ?? "");
    lineStart = previousStart;
  }
  const joined = lines.filter((line) => line !== "").join(" ");
  return joined === "" ? null : joined;
}

/** The words of a comment: extra `#` marks and surrounding spaces removed. */
function words(comment: string): string | null {
  const text = comment.replace(/^#+/, "").trim();
  return text === "" ? null : text;
}
