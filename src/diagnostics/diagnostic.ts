// The one diagnostic type of btp. The CLI, the language server, the compiler targets, the
// simulator and the tests all speak it, so that a message reads the same everywhere.

/** A position in a source file. `line` and `column` are 1-based (as humans count); `offset` is
 * the 0-based UTF-16 index into the text (as JavaScript strings and LSP count). */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/** A half-open range [start, end) in one file. `file` is the path as the user gave it, or
 * `<stdin>`, or a synthetic name such as `<--set>` for command-line overrides. */
export interface Span {
  file: string;
  start: Position;
  end: Position;
}

export type Severity = "error" | "warning" | "info";

export interface RelatedInformation {
  message: string;
  span: Span;
}

export interface Diagnostic {
  /** Stable code such as `BTP2001`; documented in docs/diagnostics.md. */
  code: string;
  severity: Severity;
  /** One sentence in plain words, no trailing period needed. */
  message: string;
  span: Span;
  /** What to do about it, when there is something useful to say. */
  hint?: string;
  related?: RelatedInformation[];
  /** For compiler diagnostics: the target that refused or emulated. */
  target?: string;
}

/** A synthetic span for problems that belong to a file as a whole (IO errors, empty files). */
export function fileSpan(file: string): Span {
  const start = { offset: 0, line: 1, column: 1 };
  return { file, start, end: start };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Sort by file, then position, then code: the order a reader walks a file in. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) =>
      a.span.file.localeCompare(b.span.file) ||
      a.span.start.offset - b.span.start.offset ||
      a.code.localeCompare(b.code),
  );
}

/** A collector that phases append to. It caps the count so that a 50 MB file of garbage
 * cannot produce millions of messages (the cap itself is reported once). */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];
  private capped = false;
  constructor(private readonly limit = 1000) {}

  add(d: Diagnostic): void {
    if (this.items.length < this.limit) {
      this.items.push(d);
    } else if (!this.capped) {
      this.capped = true;
      this.items.push({
        code: "BTP0003",
        severity: "error",
        message: `too many problems; only the first ${this.limit} are shown`,
        span: d.span,
        hint: "fix the first problems and check again",
      });
    }
  }

  error(code: string, message: string, span: Span, extra: Partial<Diagnostic> = {}): void {
    this.add({ code, severity: "error", message, span, ...extra });
  }

  warning(code: string, message: string, span: Span, extra: Partial<Diagnostic> = {}): void {
    this.add({ code, severity: "warning", message, span, ...extra });
  }

  info(code: string, message: string, span: Span, extra: Partial<Diagnostic> = {}): void {
    this.add({ code, severity: "info", message, span, ...extra });
  }

  get hasErrors(): boolean {
    return hasErrors(this.items);
  }
}
