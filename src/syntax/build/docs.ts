// Documentation comments for params and sequences. The comment on the same line wins
// (`param cycles_per_rate = 5   # not stated in the paper`); otherwise the run of comment-only
// lines directly above the declaration (no blank line in between). `btp explain` shows them as
// the reason behind each assumption.

import type { IToken } from "../cst.js";

export class DocComments {
  private readonly commentByLine = new Map<number, IToken>();

  /**
   * @param comments every comment token of the file
   * @param codeLines the lines that hold at least one token that is not a comment
   */
  constructor(
    comments: readonly IToken[],
    private readonly codeLines: ReadonlySet<number>,
  ) {
    for (const comment of comments) {
      if (comment.startLine !== undefined) this.commentByLine.set(comment.startLine, comment);
    }
  }

  /** The doc of a declaration spanning lines [firstLine, lastLine] (1-based, in the parsed text). */
  docFor(firstLine: number, lastLine: number): string | null {
    const trailing = this.commentByLine.get(lastLine);
    if (trailing) return commentText(trailing);
    const above: string[] = [];
    for (let line = firstLine - 1; line >= 1; line--) {
      const comment = this.commentByLine.get(line);
      if (!comment || this.codeLines.has(line)) break;
      above.unshift(commentText(comment));
    }
    const text = above.filter((t) => t.length > 0).join(" ");
    return text.length > 0 ? text : null;
  }
}

/** The words of a comment: `#` marks and surrounding spaces removed. */
export function commentText(comment: IToken): string {
  return comment.image.replace(/^#+/, "").trim();
}
