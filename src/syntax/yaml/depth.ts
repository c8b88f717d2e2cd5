// A cheap estimate of how deeply a YAML text nests, taken before the YAML library sees it.
//
// The library composes nodes recursively; thousands of levels exhaust the stack and, for large
// inputs, have crashed the process outright. Protocols nest a handful of levels, so anything
// deeper than the limit is refused here, in one linear pass over the text. The estimate counts
// block indentation levels, `- ` item markers and open flow brackets. It may err on the low side
// for exotic layouts (multi-line quoted strings); the exact depth is checked again on the
// composed document, which is safe once the text is known to be shallow.

export const MAX_YAML_DEPTH = 64;

export interface DepthExcess {
  /** Offset of the first character found beyond the limit. */
  offset: number;
}

const BLOCK_SCALAR_HEADER = /(?:^|[\s:-])[|>][0-9+-]{0,2}[ \t]*(?:#.*)?$/;

/** Returns where the text first nests deeper than `limit`, or null when it never does. */
export function findExcessiveNesting(text: string, limit = MAX_YAML_DEPTH): DepthExcess | null {
  const indents: number[] = [];
  let flowDepth = 0;
  let quote: '"' | "'" | null = null;
  /** Indentation of the line that opened a block scalar (`key: |`); deeper lines are its text. */
  let blockScalarIndent: number | null = null;

  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const start = lineStart;
    const line = text.slice(start, text[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd);
    lineStart = lineEnd + 1;

    let indent = 0;
    while (indent < line.length && line[indent] === " ") indent++;
    const isBlank = line.trim() === "";

    if (blockScalarIndent !== null) {
      if (isBlank || indent > blockScalarIndent) continue;
      blockScalarIndent = null;
    }
    if (isBlank) continue;

    let column = indent;
    if (quote === null && flowDepth === 0) {
      if (line[indent] === "#") continue;
      while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
      indents.push(indent);
      // `- - x` and `? key` open one level per marker on the same line.
      while ((line[column] === "-" || line[column] === "?") && (line[column + 1] === " " || column + 1 === line.length)) {
        column += 2;
        while (line[column] === " ") column++;
        indents.push(column);
      }
      // A line that starts with `[` or `{` opens its level as a flow collection, counted below.
      if (line[column] === "[" || line[column] === "{") indents.pop();
      if (indents.length > limit) return { offset: start + indent };
    }

    for (let i = column; i < line.length; i++) {
      const char = line[i]!;
      if (quote !== null) {
        if (char === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = null;
        } else if (char === "\\" && quote === '"') i++;
        continue;
      }
      const previous = i === 0 ? " " : line[i - 1]!;
      if (char === "#" && (previous === " " || previous === "\t")) break;
      if ((char === '"' || char === "'") && /[\s[{,:]/.test(previous)) quote = char;
      else if (char === "[" || char === "{") {
        flowDepth++;
        if (indents.length + flowDepth > limit) return { offset: start + i };
      } else if ((char === "]" || char === "}") && flowDepth > 0) flowDepth--;
    }

    if (quote === null && flowDepth === 0 && BLOCK_SCALAR_HEADER.test(line)) blockScalarIndent = indent;
  }
  return null;
}
