// A text file written in large chunks as the simulation runs, so that a million-row trace never
// sits in memory. Writes are synchronous: the simulator itself is synchronous, and the buffer keeps
// the number of system calls small.

import { closeSync, openSync, writeSync } from "node:fs";

const FLUSH_AT = 1 << 20; // characters

export class TextFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  private closed = false;

  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    writeSync(this.fd, this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }
}
