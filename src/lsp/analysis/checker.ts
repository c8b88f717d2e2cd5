// Runs full checks in the background, one at a time, always on the newest text of each
// document. While a check runs, further edits of the same document only replace its queued
// request (a burst of typing costs one check, not one per keystroke), and the server keeps
// answering from its own fast parse and the last finished check.
//
// Checks run in a worker thread (worker.ts). A check that runs longer than `timeoutMs` or
// exhausts the worker's memory ends the worker; the document gets a BTP8051 diagnostic and the
// next check starts in a fresh worker. When no worker can be started (the server runs from
// TypeScript sources, as in unit tests), checks run in the server's thread instead.

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { Analyzer, failedAnalysis } from "./analyze.js";
import type { FromChecker, ToChecker } from "./messages.js";
import { SourceReader } from "./source-reader.js";
import type { Analysis, AnalysisRequest, EstimateReport } from "./types.js";

/** Where results go: diagnostics and symbols first, the duration estimates after them. */
export interface CheckListener {
  analysis(analysis: Analysis): void;
  estimates(report: EstimateReport): void;
}

export interface CheckerOptions {
  /** A check taking longer than this is stopped (default 20 s). */
  timeoutMs?: number;
  /** Memory the checking thread may use (default 2 GB). */
  maxMemoryMb?: number;
  /** Run checks in the server's thread even when a worker could be started. */
  inProcess?: boolean;
}

interface InFlight {
  id: number;
  request: AnalysisRequest;
  timer: NodeJS.Timeout | null;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_MEMORY_MB = 2048;

export class BackgroundChecker {
  /** Requests waiting, by document path, oldest first. */
  private readonly queue = new Map<string, AnalysisRequest>();
  private readonly openTexts = new Map<string, string>();
  private inFlight: InFlight | null = null;
  private nextId = 1;
  private worker: Worker | null = null;
  private readonly workerUrl: URL | null;
  /** Used when there is no worker. */
  private local: { reader: SourceReader; analyzer: Analyzer } | null = null;
  private disposed = false;

  constructor(
    private readonly listener: CheckListener,
    private readonly options: CheckerOptions = {},
  ) {
    const url = new URL("./worker.js", import.meta.url);
    this.workerUrl = !options.inProcess && url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : null;
  }

  /** True when checks run in a separate thread. */
  get usesWorker(): boolean {
    return this.workerUrl !== null;
  }

  setOpenText(path: string, text: string | null): void {
    if (text === null) this.openTexts.delete(path);
    else this.openTexts.set(path, text);
    this.send({ kind: "open-text", path, text });
  }

  forgetDisk(): void {
    this.send({ kind: "forget-disk" });
  }

  forget(path: string): void {
    this.queue.delete(path);
    this.send({ kind: "forget", path });
  }

  /** Asks for a check of this text; replaces any request of the same document still waiting. */
  request(request: AnalysisRequest): void {
    if (this.disposed) return;
    // The checking thread takes the document's text from the request; kept here too, so that a
    // fresh worker (after a runaway check) starts with every open text.
    this.openTexts.set(request.path, request.text);
    this.queue.set(request.path, request);
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    this.queue.clear();
    if (this.inFlight?.timer) clearTimeout(this.inFlight.timer);
    this.inFlight = null;
    void this.worker?.terminate();
    this.worker = null;
  }

  private pump(): void {
    if (this.inFlight || this.disposed) return;
    const next = this.queue.entries().next();
    if (next.done) return;
    const [path, request] = next.value;
    this.queue.delete(path);
    const id = this.nextId++;
    if (this.workerUrl) {
      const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const timer = setTimeout(() => this.stopRunaway(id), timeoutMs);
      this.inFlight = { id, request, timer };
      this.ensureWorker().postMessage({ kind: "check", id, request } satisfies ToChecker);
    } else {
      this.inFlight = { id, request, timer: null };
      // Let the server answer what is already queued before the thread is taken.
      setImmediate(() => {
        const analyzer = this.localChecker().analyzer;
        this.finish(id, analyzer.analyze(request));
        // The next check (if any) waits for the next turn, so these are still this version's.
        const report = analyzer.estimates();
        if (report && !this.disposed) this.listener.estimates(report);
      });
    }
  }

  private finish(id: number, analysis: Analysis): void {
    if (!this.inFlight || this.inFlight.id !== id) return;
    if (this.inFlight.timer) clearTimeout(this.inFlight.timer);
    this.inFlight = null;
    if (!this.disposed) this.listener.analysis(analysis);
    this.pump();
  }

  private stopRunaway(id: number): void {
    const running = this.inFlight;
    if (!running || running.id !== id) return;
    this.restartWorker();
    const seconds = (this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000;
    this.finish(id, failedAnalysis(running.request, `checking this file took longer than ${seconds} s and was stopped`, seconds * 1000, "BTP8051"));
  }

  private workerFailed(error: unknown): void {
    const running = this.inFlight;
    this.restartWorker();
    if (!running) return;
    const reason = error instanceof Error ? error.message : String(error);
    const outOfMemory = /memory/i.test(reason);
    const analysis = outOfMemory
      ? failedAnalysis(running.request, "checking this file needed more memory than the editor allows and was stopped", 0, "BTP8051")
      : failedAnalysis(running.request, `internal error while checking: ${reason}`, 0);
    this.finish(running.id, analysis);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl!, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB },
    });
    worker.on("message", (message: FromChecker) => {
      if (worker !== this.worker) return;
      if (message.kind === "analysis") this.finish(message.id, message.analysis);
      else if (!this.disposed) this.listener.estimates(message.report);
    });
    worker.on("error", (error) => {
      if (worker === this.worker) this.workerFailed(error);
    });
    worker.on("exit", (code) => {
      if (worker === this.worker && !this.disposed) this.workerFailed(new Error(`the checking thread stopped (exit code ${code})`));
    });
    // The server must be able to exit while the worker idles.
    worker.unref();
    for (const [path, text] of this.openTexts) worker.postMessage({ kind: "open-text", path, text } satisfies ToChecker);
    this.worker = worker;
    return worker;
  }

  private restartWorker(): void {
    const old = this.worker;
    this.worker = null;
    void old?.terminate();
  }

  private localChecker(): { reader: SourceReader; analyzer: Analyzer } {
    if (!this.local) {
      const reader = new SourceReader();
      for (const [path, text] of this.openTexts) reader.setOpenText(path, text);
      this.local = { reader, analyzer: new Analyzer(reader) };
    }
    return this.local;
  }

  private send(message: ToChecker): void {
    if (this.workerUrl) {
      this.worker?.postMessage(message);
      return;
    }
    const local = this.localChecker();
    if (message.kind === "open-text") local.reader.setOpenText(message.path, message.text);
    else if (message.kind === "forget-disk") local.reader.forgetDisk();
    else if (message.kind === "forget") local.analyzer.forget(message.path);
  }
}
