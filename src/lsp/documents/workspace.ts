// The open protocols and what happens when one changes:
//   1. the edit is recorded (to carry the last check's positions over it) and applied;
//   2. the text is parsed again, incrementally, and diagnostics are published at once:
//      syntax from this parse, the rest from the last check (see features/diagnostics.ts);
//   3. a full check of the new text is queued in the background; when it arrives, the exact
//      diagnostics are published and `$/btp/checked` says which version they belong to.
// A change to a file that other open protocols import queues checks of those too.

import type { Connection, Diagnostic as LspDiagnostic } from "vscode-languageserver/node";
import { TextDocuments } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { BackgroundChecker, type CheckerOptions } from "../analysis/checker.js";
import type { Analysis } from "../analysis/types.js";
import { pathOfUri, uriOfPath } from "../convert.js";
import { documentDiagnostics } from "../features/diagnostics.js";
import { CHECKED_NOTIFICATION, type CheckedParams } from "../protocol.js";
import { OpenDocument } from "./open-document.js";


export class Workspace {
  readonly textDocuments: TextDocuments<TextDocument>;
  private readonly byUri = new Map<string, OpenDocument>();
  private readonly byPath = new Map<string, OpenDocument>();
  private readonly checker: BackgroundChecker;
  /** The last diagnostics sent per document, to skip sending the same list twice. */
  private readonly lastPublished = new Map<string, string>();
  /** Requests waiting for the check of a version, by document. */
  private readonly waiters = new Map<string, { version: number; done: () => void }[]>();

  constructor(
    private readonly connection: Connection,
    checkerOptions: CheckerOptions = {},
  ) {
    this.checker = new BackgroundChecker(
      {
        analysis: (analysis) => this.acceptAnalysis(analysis),
        estimates: (report) => this.byPath.get(report.path)?.acceptEstimates(report),
      },
      checkerOptions,
    );
    this.textDocuments = new TextDocuments({
      create: (uri, languageId, version, content) => TextDocument.create(uri, languageId, version, content),
      update: (document, changes, version) => {
        const open = this.byUri.get(document.uri);
        // Apply the changes one by one: each range refers to the text left by the one before.
        for (const change of changes) {
          const length = document.getText().length;
          const start = "range" in change ? document.offsetAt(change.range.start) : 0;
          const oldEnd = "range" in change ? document.offsetAt(change.range.end) : length;
          TextDocument.update(document, [change], version);
          open?.edits.record({ version, start, oldEnd: Math.max(start, oldEnd), newLength: change.text.length });
        }
        return document;
      },
    });
    this.textDocuments.onDidOpen((event) => this.opened(event.document));
    this.textDocuments.onDidChangeContent((event) => this.changed(event.document));
    this.textDocuments.onDidClose((event) => this.closed(event.document));
  }

  listen(): void {
    this.textDocuments.listen(this.connection);
  }

  get(uri: string): OpenDocument | undefined {
    return this.byUri.get(uri);
  }

  /** The open document standing for this file, if any. */
  byFilePath(filePath: string): OpenDocument | undefined {
    return this.byPath.get(filePath);
  }

  all(): OpenDocument[] {
    return [...this.byUri.values()];
  }

  uriOf(filePath: string): string {
    return this.byPath.get(filePath)?.uri ?? uriOfPath(filePath);
  }

  /** Files on disk changed outside the editor: re-read them and check everything again. */
  filesChanged(): void {
    this.checker.forgetDisk();
    for (const doc of this.byUri.values()) this.requestCheck(doc);
  }

  /** Resolves once the document's last check is of its current text (or after `timeoutMs`). */
  whenChecked(uri: string, timeoutMs: number): Promise<void> {
    const doc = this.byUri.get(uri);
    if (!doc || (doc.analysis && doc.analysis.version >= doc.version)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      const list = this.waiters.get(uri) ?? [];
      list.push({ version: doc.version, done });
      this.waiters.set(uri, list);
    });
  }

  dispose(): void {
    this.checker.dispose();
    for (const uri of this.waiters.keys()) this.releaseWaiters(uri, Infinity);
  }

  private releaseWaiters(uri: string, checkedVersion: number): void {
    const list = this.waiters.get(uri);
    if (!list) return;
    const ready = list.filter((waiter) => waiter.version <= checkedVersion);
    const rest = list.filter((waiter) => waiter.version > checkedVersion);
    if (rest.length > 0) this.waiters.set(uri, rest);
    else this.waiters.delete(uri);
    for (const waiter of ready) waiter.done();
  }

  private opened(document: TextDocument): void {
    const filePath = pathOfUri(document.uri);
    const doc = new OpenDocument(document.uri, filePath, document);
    this.byUri.set(document.uri, doc);
    this.byPath.set(filePath, doc);
  }

  private changed(document: TextDocument): void {
    const doc = this.byUri.get(document.uri);
    if (!doc) return;
    doc.document = document;
    this.publish(doc, true);
    if (doc.tooLarge) return;
    this.requestCheck(doc);
    const dependents = [...this.byUri.values()].filter((other) => other !== doc && other.analysis?.imports.some((entry) => entry.path === doc.path));
    // A check request carries its document's text, and the checking thread reads imports of that
    // file from it; protocols importing this file may be checked first, so they get it now.
    if (dependents.length > 0) this.checker.setOpenText(doc.path, doc.text);
    for (const other of dependents) this.requestCheck(other);
  }

  private closed(document: TextDocument): void {
    const doc = this.byUri.get(document.uri);
    if (!doc) return;
    this.byUri.delete(document.uri);
    this.byPath.delete(doc.path);
    this.lastPublished.delete(document.uri);
    this.releaseWaiters(document.uri, Infinity);
    this.checker.setOpenText(doc.path, null);
    this.checker.forget(doc.path);
    void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    // Protocols importing it read it from disk again.
    for (const other of this.byUri.values()) {
      if (other.analysis?.imports.some((entry) => entry.path === doc.path)) this.requestCheck(other);
    }
  }

  private requestCheck(doc: OpenDocument): void {
    if (doc.tooLarge) return;
    this.checker.request({ path: doc.path, version: doc.version, text: doc.text });
  }

  private acceptAnalysis(analysis: Analysis): void {
    const doc = this.byPath.get(analysis.path);
    if (!doc || !doc.acceptAnalysis(analysis)) return;
    this.publish(doc, false);
    this.releaseWaiters(doc.uri, analysis.version);
    const params: CheckedParams = { uri: doc.uri, version: analysis.version, checkMs: Math.round(analysis.checkMs) };
    void this.connection.sendNotification(CHECKED_NOTIFICATION, params);
  }

  private publish(doc: OpenDocument, always: boolean): void {
    let diagnostics: LspDiagnostic[];
    try {
      diagnostics = documentDiagnostics(doc, (filePath) => this.uriOf(filePath));
    } catch (error) {
      this.connection.console.error(`btp: diagnostics failed: ${error instanceof Error ? error.stack : String(error)}`);
      return;
    }
    const key = `${doc.version}\u0000${JSON.stringify(diagnostics)}`;
    if (!always && this.lastPublished.get(doc.uri) === key) return;
    this.lastPublished.set(doc.uri, key);
    void this.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }
}
