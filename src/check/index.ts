// The checker: a parsed protocol (and everything it imports) → diagnostics, the normalized IR,
// a symbol index and hover annotations, in one walk with an environment. Where things live:
//   files.ts        reading imports            declarations.ts   symbol tables, duplicates
//   params.ts       params and --set           useCell.ts        which cell; cell.ts → CellIR
//   evaluate.ts     expressions, dimensions    relative.ts       C-rate, mA/cm², mA/g → A
//   structure.ts    blocks, loops, sweeps      sequences.ts      calls and their arguments
//   steps.ts        steps → IR steps           ends.ts, limits.ts, loops.ts: their clauses
//   annotations.ts  hover texts                expect.ts, values.ts, types.ts: shared checks
// Nothing here throws on any input: an internal failure becomes a BTP2099 diagnostic.

import path from "node:path";
import { fileSpan, sortDiagnostics } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { IR_VERSION } from "../ir/types.js";
import type { ProtocolIR } from "../ir/types.js";
import type { SourceFile } from "../syntax/ast.js";
import { parseSource } from "../syntax/index.js";
import { buildAnnotations } from "./annotations.js";
import { CheckContext, DEFAULT_MAX_NODES } from "./context.js";
import { collectDeclarations } from "./declarations.js";
import { loadProgram, readFromDisk, readSourceFile } from "./files.js";
import type { Program } from "./files.js";
import { evaluateParams } from "./params.js";
import type { CheckOptions, CheckResult } from "./result.js";
import { runProtocolRules } from "./rules/index.js";
import { Elaborator } from "./structure.js";
import { chooseCell } from "./useCell.js";

export type {
  CheckOptions,
  CheckResult,
  DefinitionKind,
  QuantityAnnotation,
  SymbolDefinition,
  SymbolIndex,
  SymbolReference,
} from "./result.js";

/** Checks protocol text; `path` names the file in diagnostics and anchors relative imports. */
export function checkText(text: string, path: string, options: CheckOptions = {}): CheckResult {
  let parsed: ReturnType<typeof parseSource>;
  try {
    parsed = parseSource(text, path);
  } catch (error) {
    return failed(internalError(error, fileSpan(path)));
  }
  return checkSourceFile(parsed.file, parsed.diagnostics, options);
}

/** Reads and checks a file from disk (IO problems become diagnostics). */
export function checkFile(filePath: string, options: CheckOptions = {}): CheckResult {
  const read = readSourceFile(path.resolve(filePath));
  if (!read.ok) {
    return failed({ code: read.code, severity: "error", message: read.message, span: fileSpan(filePath), hint: "check the path" });
  }
  return checkText(read.text, filePath, options);
}

/** Checks a tree that another front end (the YAML reader) has already built. */
export function checkSourceFile(file: SourceFile, parseDiagnostics: Diagnostic[], options: CheckOptions = {}): CheckResult {
  const maxNodes = typeof options.maxNodes === "number" && options.maxNodes > 0 ? options.maxNodes : DEFAULT_MAX_NODES;
  const ctx = new CheckContext(maxNodes);
  const files = new Map<string, SourceFile>();
  let ir: ProtocolIR | null = null;
  try {
    for (const diagnostic of parseDiagnostics ?? []) ctx.report(diagnostic);
    const mainPath = path.resolve(options.baseDir ?? process.cwd(), file.path);
    ctx.texts.set(file.path, file.text ?? "");
    const program = loadProgram(ctx, file, mainPath, options.readFile ?? readFromDisk);
    for (const loaded of program.files) files.set(loaded.absolutePath, loaded.file);
    ir = elaborate(ctx, program, options);
  } catch (error) {
    ctx.report(internalError(error, fileSpan(file?.path ?? "<unknown>")));
    ir = null;
  }
  let annotations: CheckResult["annotations"] = [];
  try {
    annotations = buildAnnotations(ctx);
  } catch (error) {
    ctx.report(internalError(error, fileSpan(file?.path ?? "<unknown>")));
  }
  if (ir !== null && !ctx.hasErrors) {
    try {
      for (const diagnostic of runProtocolRules(ir)) ctx.report(diagnostic);
    } catch (error) {
      ctx.report(internalError(error, fileSpan(file.path)));
    }
  }
  return {
    ir: ctx.hasErrors ? null : ir,
    diagnostics: sortDiagnostics([...ctx.diagnostics]),
    files,
    symbols: ctx.symbols.index,
    annotations,
  };
}

function elaborate(ctx: CheckContext, program: Program, options: CheckOptions): ProtocolIR {
  const declarations = collectDeclarations(ctx, program);
  const { scope, params } = evaluateParams(ctx, declarations, options.overrides ?? []);
  const { choice, cell } = chooseCell(ctx, program, declarations, scope);
  ctx.cell = choice;

  const elaborator = new Elaborator(ctx, declarations, scope);
  for (const sequence of declarations.sequences.values()) elaborator.checkSequenceDeclaration(sequence);
  const main = program.main.file;
  const statements = (main.items ?? []).filter((item) => item && !DECLARATION_KINDS.has(item.kind));
  const body = elaborator.topLevel(statements as Parameters<Elaborator["topLevel"]>[0]);
  for (const [name, sequence] of declarations.sequences) {
    if (!elaborator.called.has(name)) elaborator.checkUncalledSequence(sequence);
  }

  const metadata: ProtocolIR["metadata"] = { citations: [], figures: [], notes: [], instruments: [], authors: [] };
  let title: string | null = null;
  let titleSpan: Diagnostic["span"] | null = null;
  for (const item of main.items ?? []) {
    if (!item || item.recovered) continue;
    if (item.kind === "ProtocolHeader" && item.title) {
      if (titleSpan) {
        ctx.error("BTP2002", "the protocol title is given twice", item.span, {
          hint: "keep one `protocol \"…\"` line",
          related: [{ message: "first given here", span: titleSpan }],
        });
        continue;
      }
      title = item.title.value;
      titleSpan = item.span;
    } else if (item.kind === "MetadataItem" && item.value) {
      const list = { cite: metadata.citations, figure: metadata.figures, note: metadata.notes, instrument: metadata.instruments, author: metadata.authors }[item.key];
      list?.push(item.value.value);
    }
  }

  return {
    irVersion: IR_VERSION,
    title,
    source: main.path,
    metadata,
    cell,
    params,
    limits: elaborator.protocolLimits,
    record: elaborator.protocolRecord,
    body,
  };
}

const DECLARATION_KINDS = new Set(["ProtocolHeader", "MetadataItem", "ImportDecl", "UseCell", "ParamDecl", "SequenceDecl", "CellDecl"]);

function internalError(error: unknown, span: Diagnostic["span"]): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: "BTP2099",
    severity: "error",
    message: `internal error in the checker: ${message}`,
    span,
    hint: "this is a bug in btp, not in the protocol; please report it with the file",
  };
}

function failed(diagnostic: Diagnostic): CheckResult {
  return { ir: null, diagnostics: [diagnostic], files: new Map(), symbols: { definitions: [], references: [] }, annotations: [] };
}
