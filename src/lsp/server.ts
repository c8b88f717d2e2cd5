// The btp language server: wiring only. Each request goes to a function in features/ that
// answers from the document's current parse and its last full check (documents/workspace.ts
// keeps both up to date). A failing feature is logged and answers nothing; it never takes the
// server down.
//
// Where things live:
//   incremental/   parsing on every keystroke: top-level pieces, reparsed only when edited
//   analysis/      full checks in a worker thread, newest text first, imports cached
//   documents/     open documents, their edits since the last check, publishing diagnostics
//   features/      one file per request: hover, completion, navigation, outline, code actions…
//   client/        a small stdio client for the tests and bench/lsp.ts
//   main.ts, stdio.ts   entry points (`btp lsp --stdio` is src/cli/commands/lsp.ts)

import { readFileSync } from "node:fs";
import {
  CodeActionKind,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node";
import { BTP_VERSION } from "../cli/version.js";
import { MAX_SOURCE_BYTES } from "../check/files.js";
import type { CheckerOptions } from "./analysis/checker.js";
import type { OpenDocument } from "./documents/open-document.js";
import { Workspace } from "./documents/workspace.js";
import { codeActions } from "./features/code-actions.js";
import { completion } from "./features/completion.js";
import { formatDocument, formatRange } from "./features/formatting.js";
import type { FileText } from "./features/file-text.js";
import { hover } from "./features/hover.js";
import { definition, nameAtPosition, references, rename, type NavigationContext } from "./features/navigation.js";
import { documentSymbols, foldingRanges } from "./features/outline.js";

export interface ServerOptions {
  checker?: CheckerOptions;
  /** How long rename and find-references wait for the check of the text being edited. */
  navigationWaitMs?: number;
}

export function startServer(connection: Connection, options: ServerOptions = {}): Workspace {
  const workspace = new Workspace(connection, options.checker);
  const waitMs = options.navigationWaitMs ?? 5000;

  const fileText: FileText = (filePath) => {
    const open = workspace.byFilePath(filePath);
    if (open) return open.text;
    try {
      const bytes = readFileSync(filePath);
      return bytes.length > MAX_SOURCE_BYTES ? undefined : bytes.toString("utf8");
    } catch {
      return undefined;
    }
  };
  const navigation = (): NavigationContext => ({ documents: workspace.all(), uriOf: (filePath) => workspace.uriOf(filePath) });

  /** Runs a feature on an open document; an internal failure is logged and answers `fallback`. */
  const guarded = <T>(name: string, uri: string, fallback: T, run: (doc: OpenDocument) => T): T => {
    const doc = workspace.get(uri);
    if (!doc) return fallback;
    try {
      return run(doc);
    } catch (error) {
      connection.console.error(`btp: ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
      return fallback;
    }
  };
  /** Navigation answers from the check of the text being edited, so it waits for it. */
  const checked = async (uri: string, token: CancellationToken): Promise<void> => {
    await workspace.whenChecked(uri, waitMs);
    if (token.isCancellationRequested) throw new ResponseError(-32800, "cancelled");
  };

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', "/"] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.Source] },
      },
      serverInfo: { name: "btp", version: BTP_VERSION },
    }),
  );

  connection.onHover((params) => guarded("hover", params.textDocument.uri, null, (doc) => hover(doc, params.position, fileText)));
  connection.onCompletion((params) => guarded("completion", params.textDocument.uri, null, (doc) => completion(doc, params.position, fileText)));
  connection.onDocumentSymbol((params) => guarded("outline", params.textDocument.uri, [], (doc) => documentSymbols(doc)));
  connection.onFoldingRanges((params) => guarded("folding", params.textDocument.uri, [], (doc) => foldingRanges(doc)));
  connection.onCodeAction((params) => guarded("code actions", params.textDocument.uri, [], (doc) => codeActions(doc, params)));

  connection.onDefinition(async (params, token) => {
    await checked(params.textDocument.uri, token);
    return guarded("definition", params.textDocument.uri, null, (doc) => definition(doc, params.position, navigation()));
  });
  connection.onReferences(async (params, token) => {
    await checked(params.textDocument.uri, token);
    return guarded("references", params.textDocument.uri, [], (doc) => references(doc, params.position, params.context.includeDeclaration, navigation()));
  });
  connection.onPrepareRename(async (params, token) => {
    await checked(params.textDocument.uri, token);
    return guarded("rename", params.textDocument.uri, null, (doc) => {
      const found = nameAtPosition(doc, params.position);
      return found ? { range: found.range, placeholder: found.definition.name } : null;
    });
  });
  connection.onRenameRequest(async (params, token) => {
    await checked(params.textDocument.uri, token);
    const result = guarded("rename", params.textDocument.uri, null, (doc) => rename(doc, params.position, params.newName, navigation()));
    if (!result) return null;
    if (!result.ok) throw new ResponseError(-32602, result.message);
    return result.edit;
  });

  connection.onDocumentFormatting(async (params) => {
    const doc = workspace.get(params.textDocument.uri);
    if (!doc) return [];
    const result = await formatDocument(doc, params.options);
    if (!result.ok) connection.console.info(`btp: not formatted: ${result.reason}`);
    return result.ok ? result.edits : [];
  });
  connection.onDocumentRangeFormatting(async (params) => {
    const doc = workspace.get(params.textDocument.uri);
    if (!doc) return [];
    const result = await formatRange(doc, params.range, params.options);
    if (!result.ok) connection.console.info(`btp: not formatted: ${result.reason}`);
    return result.ok ? result.edits : [];
  });

  connection.onDidChangeWatchedFiles(() => workspace.filesChanged());
  connection.onShutdown(() => workspace.dispose());

  workspace.listen();
  return workspace;
}
