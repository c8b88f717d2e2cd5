// Where the checker reads imported files from while the user edits: the editor's unsaved text
// when the file is open, otherwise the disk. Disk reads are cached and re-read only when the
// file's size or modification time changes, so a protocol that imports a cell and a library
// costs two `stat` calls per check, not two reads.

import { statSync } from "node:fs";
import { readSourceFile } from "../../check/files.js";

interface CachedFile {
  mtimeMs: number;
  size: number;
  text: string | undefined;
}

export class SourceReader {
  private readonly openTexts = new Map<string, string>();
  private readonly disk = new Map<string, CachedFile>();

  /** The editor holds this file: read its text, not the disk (null: closed again). */
  setOpenText(absolutePath: string, text: string | null): void {
    if (text === null) this.openTexts.delete(absolutePath);
    else this.openTexts.set(absolutePath, text);
  }

  read(absolutePath: string): string | undefined {
    const open = this.openTexts.get(absolutePath);
    if (open !== undefined) return open;
    let stats: { mtimeMs: number; size: number; isFile(): boolean };
    try {
      stats = statSync(absolutePath);
    } catch {
      this.disk.delete(absolutePath);
      return undefined;
    }
    if (!stats.isFile()) return undefined;
    const cached = this.disk.get(absolutePath);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.text;
    const read = readSourceFile(absolutePath);
    const text = read.ok ? read.text : undefined;
    this.disk.set(absolutePath, { mtimeMs: stats.mtimeMs, size: stats.size, text });
    return text;
  }

  /** Forget cached disk contents (the client said files changed). */
  forgetDisk(): void {
    this.disk.clear();
  }
}
