// Writing outputs so that nothing is ever half-written: every file goes to a temporary name in
// its destination folder first, and only when all of them are complete are they renamed into
// place. If anything fails, the temporaries are removed and no output file is touched.

import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

export interface FileToWrite {
  path: string;
  content: Uint8Array | string;
}

export function writeFilesAtomically(outputDir: string, files: FileToWrite[]): void {
  const staged: { temp: string; final: string }[] = [];
  const tag = randomBytes(4).toString("hex");
  try {
    for (const file of files) {
      const final = path.resolve(outputDir, file.path);
      if (!final.startsWith(path.resolve(outputDir) + path.sep)) {
        throw new Error(`refusing to write outside the output folder: ${file.path}`);
      }
      mkdirSync(path.dirname(final), { recursive: true });
      const temp = path.join(path.dirname(final), `.${path.basename(final)}.${tag}.tmp`);
      writeFileSync(temp, file.content);
      staged.push({ temp, final });
    }
    for (const { temp, final } of staged) renameSync(temp, final);
  } catch (err) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw err;
  }
}
