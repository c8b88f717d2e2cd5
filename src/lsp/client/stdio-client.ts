// A small client for `btp lsp --stdio`, as an editor would drive it: it starts the server as a
// child process and speaks JSON-RPC over its stdin and stdout. The tests (test/lsp/) and the
// latency bench (bench/lsp.ts) use it.

import { spawn, type ChildProcess } from "node:child_process";
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from "vscode-languageserver-protocol/node";
import { CHECKED_NOTIFICATION, type CheckedParams } from "../protocol.js";

export interface Published {
  version: number | undefined;
  diagnostics: Diagnostic[];
  /** performance.now() when it arrived. */
  at: number;
}

type Listener<T> = (value: T) => boolean;

export class StdioLanguageClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  private readonly published = new Map<string, Published[]>();
  private readonly checked = new Map<string, CheckedParams[]>();
  private readonly publishListeners = new Set<Listener<{ uri: string; published: Published }>>();
  private readonly checkedListeners = new Set<Listener<CheckedParams>>();
  private readonly versions = new Map<string, number>();
  /** What the server wrote to stderr (for failure messages). */
  stderr = "";
  /** Messages the server logged through the protocol (`window/logMessage`). */
  readonly logs: { type: number; message: string }[] = [];
  exited: Promise<number | null>;

  /** Starts `node <args>`: `[bin/btp.js, "lsp", "--stdio"]` or `[dist/src/lsp/main.js, "--stdio"]`,
   * optionally after node's own flags (`--cpu-prof` to profile the server). */
  constructor(args: string[], cwd: string) {
    this.child = spawn(process.execPath, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr!.on("data", (chunk) => (this.stderr += String(chunk)));
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
      const entry: Published = { version: params.version, diagnostics: params.diagnostics, at: performance.now() };
      const list = this.published.get(params.uri) ?? [];
      list.push(entry);
      this.published.set(params.uri, list);
      for (const listener of [...this.publishListeners]) if (listener({ uri: params.uri, published: entry })) this.publishListeners.delete(listener);
    });
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push({ type: params.type, message: params.message });
    });
    this.connection.onNotification(CHECKED_NOTIFICATION, (params: CheckedParams) => {
      const list = this.checked.get(params.uri) ?? [];
      list.push(params);
      this.checked.set(params.uri, list);
      for (const listener of [...this.checkedListeners]) if (listener(params)) this.checkedListeners.delete(listener);
    });
    this.connection.listen();
  }

  async initialize(rootUri: string | null = null): Promise<unknown> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "btp", version, text } });
  }

  /** Sends edits as one didChange; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Every diagnostics list published for the document so far. */
  publishedFor(uri: string): Published[] {
    return this.published.get(uri) ?? [];
  }

  /** The next publication for `uri` (at or after `version`, when given). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 20_000): Promise<Published> {
    return this.waitFor(this.publishListeners, (event) => event.uri === uri && (version === undefined || (event.published.version ?? 0) >= version), timeoutMs, `diagnostics for ${uri}`).then(
      (event) => event.published,
    );
  }

  /** Resolves when the full check of `version` (or a later one) has been published. */
  async checkedVersion(uri: string, version: number, timeoutMs = 30_000): Promise<CheckedParams> {
    const done = (this.checked.get(uri) ?? []).find((entry) => entry.version >= version);
    if (done) return done;
    return this.waitFor(this.checkedListeners, (entry) => entry.uri === uri && entry.version >= version, timeoutMs, `the check of ${uri} v${version}`);
  }

  /** The diagnostics of the last publication once `version` is fully checked. */
  async diagnosticsAfterCheck(uri: string, version: number): Promise<Diagnostic[]> {
    await this.checkedVersion(uri, version);
    const list = this.publishedFor(uri);
    return list[list.length - 1]?.diagnostics ?? [];
  }

  async shutdown(): Promise<number | null> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server is gone already
    }
    const code = await Promise.race([this.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000))]);
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
    return code;
  }

  private waitFor<T>(listeners: Set<Listener<T>>, test: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const listener: Listener<T> = (value) => {
        if (!test(value)) return false;
        clearTimeout(timer);
        resolve(value);
        return true;
      };
      listeners.add(listener);
    });
  }
}
