// What every printing function shares: the original text (for layout decisions), the comments
// still to be placed, and the page geometry.

import type { CommentQueue } from "../comments.js";
import type { SourceText } from "../source.js";

export interface PageLayout {
  printWidth: number;
  tabWidth: number;
  useTabs: boolean;
}

export interface PrintContext {
  source: SourceText;
  comments: CommentQueue;
  layout: PageLayout;
}
