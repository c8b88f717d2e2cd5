// A whole file: its top-level items one per line, comments and blank lines kept.

import type { builders } from "prettier/doc";
import type { SourceFile } from "../../syntax/ast.js";
import { CommentQueue } from "../comments.js";
import { SourceText } from "../source.js";
import { printFileBody } from "./container.js";
import type { PageLayout, PrintContext } from "./context.js";
import { printTopLevelItem } from "./declarations.js";

type Doc = builders.Doc;

export function printSourceFile(file: SourceFile, text: string, layout: PageLayout): Doc {
  const source = new SourceText(text);
  const ctx: PrintContext = { source, comments: new CommentQueue(file.comments, source), layout };
  const doc = printFileBody(
    ctx,
    file.items.map((item) => ({
      start: item.span.start.offset,
      end: item.span.end.offset,
      print: () => printTopLevelItem(ctx, item),
    })),
    text.length,
  );
  const lost = ctx.comments.untaken();
  if (lost.length > 0) {
    // Cannot happen while every comment lies in the file's range; refuse rather than drop one.
    throw new Error(`the formatter could not place the comment \`${lost[0]!.text}\``);
  }
  return doc;
}
