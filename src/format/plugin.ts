// btp as a Prettier 3 plugin:
//
//   prettier --plugin ./dist/src/format/plugin.js --write "protocols/**/*.btp"
//
// The parser is btp's own (src/syntax); a file with a syntax error is refused with the btp
// diagnostic, never half-formatted. The printer builds one document for the whole file from the
// syntax tree and places the comments itself (see print/container.ts), so the tree handed to
// Prettier carries no `comments` array for Prettier's generic attachment to work on.

import type { Parser, ParserOptions, Plugin, Printer, SupportLanguage } from "prettier";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../syntax/ast.js";
import { parseSource } from "../syntax/index.js";
import { printSourceFile } from "./print/file.js";

/** The root Prettier sees: the parsed file and the text it came from. */
export interface BtpRoot {
  kind: "BtpRoot";
  file: SourceFile;
  text: string;
}

/** A file that does not parse. `loc` lets Prettier show where; `diagnostics` has them all. */
export class BtpSyntaxError extends SyntaxError {
  readonly loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  constructor(readonly diagnostics: Diagnostic[]) {
    const first = diagnostics[0]!;
    super(`${first.code}: ${first.message}${first.hint ? ` (${first.hint})` : ""}`);
    this.name = "BtpSyntaxError";
    this.loc = {
      start: { line: first.span.start.line, column: first.span.start.column },
      end: { line: first.span.end.line, column: first.span.end.column },
    };
  }
}

export const PARSER_NAME = "btp";
const AST_FORMAT = "btp-ast";

/** The width protocol lines are laid out to. Steps never break (a step's clauses share its
 * line), so lab protocols run a little wider than Prettier's 80. */
export const DEFAULT_PRINT_WIDTH = 100;

export const languages: SupportLanguage[] = [
  {
    name: "btp",
    parsers: [PARSER_NAME],
    extensions: [".btp"],
    vscodeLanguageIds: ["btp"],
  },
];

function syntaxErrors(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "error");
}

const btpParser: Parser<BtpRoot> = {
  astFormat: AST_FORMAT,
  parse(text: string, options: ParserOptions<BtpRoot>): BtpRoot {
    const { file, diagnostics } = parseSource(text, options.filepath ?? "<input>");
    const errors = syntaxErrors(diagnostics);
    if (errors.length > 0) throw new BtpSyntaxError(errors);
    return { kind: "BtpRoot", file, text };
  },
  locStart: () => 0,
  locEnd: (root) => root.text.length,
};

const btpPrinter: Printer<BtpRoot> = {
  print(path, options) {
    const root = path.node;
    return printSourceFile(root.file, root.text, {
      printWidth: options.printWidth,
      tabWidth: options.tabWidth,
      useTabs: options.useTabs ?? false,
    });
  },
};

export const parsers: Record<string, Parser<BtpRoot>> = { [PARSER_NAME]: btpParser };
export const printers: Record<string, Printer<BtpRoot>> = { [AST_FORMAT]: btpPrinter };
export const defaultOptions = { printWidth: DEFAULT_PRINT_WIDTH, tabWidth: 2 };

const plugin: Plugin<BtpRoot> = { languages, parsers, printers, defaultOptions };
export default plugin;
