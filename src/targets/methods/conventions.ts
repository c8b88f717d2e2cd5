// The conventions of the methods-section document: Markdown (CommonMark with pipe tables, as
// GitHub, pandoc and most editors read it), UTF-8, LF line ends. See docs/targets/methods.md.

export const FILE_SUFFIX = ".methods.md";
export const LINE_ENDING = "\n";
/** Indentation of nested rows in the step table: no-break spaces survive Markdown rendering. */
export const ROW_INDENT = "\u00a0\u00a0";

/** Text inside a table cell: a `|` would end the cell, a line break the row. */
export function tableCell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\r?\n|\r/g, " ");
}

/** Text inside an HTML comment (the file header): `--` may not appear there. */
export function commentText(text: string): string {
  return text.replace(/--/g, "- -");
}
