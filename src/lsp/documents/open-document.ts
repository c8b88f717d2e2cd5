// One protocol open in the editor: its text, a parse of exactly that text (incremental, fast
// enough for every keystroke), the last full check (possibly of an older version) and the
// edits made since that check, to carry the check's positions over to the text of today.

import type { Range } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { MAX_SOURCE_BYTES } from "../../check/files.js";
import { fileSpan, type Span } from "../../diagnostics/diagnostic.js";
import type { Analysis, EstimateReport } from "../analysis/types.js";
import { IncrementalParser, type ParsedDocument } from "../incremental/parser.js";
import { EditLog } from "./edit-log.js";

export class OpenDocument {
  readonly edits = new EditLog();
  analysis: Analysis | null = null;
  private readonly parser: IncrementalParser;
  private parsedVersion = -1;
  private parsedCache: ParsedDocument | null = null;

  constructor(
    readonly uri: string,
    readonly path: string,
    public document: TextDocument,
  ) {
    this.parser = new IncrementalParser(path);
  }

  get text(): string {
    return this.document.getText();
  }

  get version(): number {
    return this.document.version;
  }

  /** Larger than any protocol can be (the limit of `btp check`): not parsed or checked. */
  get tooLarge(): boolean {
    return this.text.length > MAX_SOURCE_BYTES;
  }

  /** The parse of the current text (computed once per version). */
  get parsed(): ParsedDocument {
    if (!this.parsedCache || this.parsedVersion !== this.version) {
      this.parsedCache = this.tooLarge ? tooLargeToParse(this.path, this.text) : this.parser.parse(this.text);
      this.parsedVersion = this.version;
    }
    return this.parsedCache;
  }

  /** LSP range of offsets in the current text. */
  range(start: number, end: number): Range {
    return { start: this.document.positionAt(start), end: this.document.positionAt(end) };
  }

  /** LSP range of a span of this document made from the current text (the fast parse). */
  rangeOfCurrent(span: Span): Range {
    return this.range(span.start.offset, span.end.offset);
  }

  /** Today's range of a span of this document taken from the last check, or null when that
   * text has been edited since. */
  rangeFromAnalysis(span: Span): Range | null {
    const moved = this.offsetsFromAnalysis(span);
    return moved ? this.range(moved.start, moved.end) : null;
  }

  offsetsFromAnalysis(span: Span): { start: number; end: number } | null {
    if (!this.analysis) return null;
    return this.edits.rangeToCurrent(span.start.offset, span.end.offset, this.analysis.version);
  }

  /** Today's range of offsets taken from the last check, or null when edited since. */
  rangeFromAnalysisOffsets(start: number, end: number): Range | null {
    if (!this.analysis) return null;
    const moved = this.edits.rangeToCurrent(start, end, this.analysis.version);
    return moved ? this.range(moved.start, moved.end) : null;
  }

  /** Where today's offset was in the text of the last check (null: typed since). */
  offsetInAnalysis(offset: number): number | null {
    if (!this.analysis) return null;
    return this.edits.offsetAtVersion(offset, this.analysis.version);
  }

  acceptEstimates(report: EstimateReport): void {
    if (this.analysis?.version === report.version) this.analysis.nodes = report.nodes;
  }

  acceptAnalysis(analysis: Analysis): boolean {
    if (this.analysis && analysis.version < this.analysis.version) return false;
    this.analysis = analysis;
    this.edits.forgetThrough(analysis.version);
    return true;
  }
}

/** An empty parse that says why the text was not parsed (BTP0002, as `btp check` says it). */
function tooLargeToParse(filePath: string, text: string): ParsedDocument {
  const span = fileSpan(filePath);
  return {
    file: { kind: "SourceFile", path: filePath, text, items: [], comments: [], span },
    diagnostics: [
      {
        code: "BTP0002",
        severity: "error",
        message: "this file is larger than 16 MB; it cannot be a protocol",
        span,
        hint: "protocols are kilobytes; check that this is the file you meant to open",
      },
    ],
    pieceStarts: [0],
    parsedPieces: 0,
  };
}
