// The comments of a file, handed out to the printer by position. A comment in btp runs to the
// end of its line, so each one either sits alone on its line ("own line") or follows code
// ("trailing"). The printer asks for the comments of each gap between two things it prints;
// every comment is handed out exactly once, which is how none gets lost or printed twice.

import type { Comment } from "../syntax/ast.js";
import type { SourceText } from "./source.js";

export interface SourceComment {
  /** The comment as written, `#` included, trailing blanks removed. */
  text: string;
  start: number;
  end: number;
  /** Nothing but blanks before it on its line. */
  ownLine: boolean;
}

export class CommentQueue {
  private readonly comments: SourceComment[];
  private readonly taken: boolean[];

  constructor(comments: readonly Comment[], source: SourceText) {
    this.comments = comments
      .map((c) => ({
        text: c.text.trimEnd(),
        start: c.span.start.offset,
        end: c.span.end.offset,
        ownLine: source.startsLine(c.span.start.offset),
      }))
      .sort((a, b) => a.start - b.start);
    this.taken = this.comments.map(() => false);
  }

  /** Takes every comment not yet taken that starts in [from, to), in order. */
  take(from: number, to: number): SourceComment[] {
    const result: SourceComment[] = [];
    for (let i = this.firstAtOrAfter(from); i < this.comments.length; i++) {
      const comment = this.comments[i]!;
      if (comment.start >= to) break;
      if (this.taken[i]) continue;
      this.taken[i] = true;
      result.push(comment);
    }
    return result;
  }

  /** Comments nobody took (none, when the printer is right). */
  untaken(): SourceComment[] {
    return this.comments.filter((_, i) => !this.taken[i]);
  }

  private firstAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.comments.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.comments[mid]!.start < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
