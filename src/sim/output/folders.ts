// Output folders are created when the first file is opened, as `btp compile -o` and `btp explain
// -o` create theirs; a run that writes nothing after all takes the folders it created away again,
// so a refused protocol leaves no trace on disk.

import { mkdirSync, rmdirSync, statSync } from "node:fs";
import path from "node:path";

export interface CreatedFolders {
  /** Removes the folders this call created, deepest first, as long as they are empty. */
  removeIfEmpty(): void;
}

/** Creates every missing folder on the way to each of `folders`. Throws as mkdir does (a path
 * component that is a file, no permission). */
export function createFolders(folders: readonly string[]): CreatedFolders {
  const created: string[] = [];
  for (const folder of new Set(folders.map((f) => path.resolve(f)))) {
    const first = mkdirSync(folder, { recursive: true });
    if (first === undefined) continue;
    // mkdir names the outermost folder it made; every folder from there down to `folder` is new.
    for (let dir = folder; ; dir = path.dirname(dir)) {
      created.push(dir);
      if (dir === first || dir === path.dirname(dir)) break;
    }
  }
  return {
    removeIfEmpty() {
      for (const dir of [...created].sort((a, b) => b.length - a.length)) {
        try {
          rmdirSync(dir);
        } catch {
          // Not empty (something else was written there meanwhile) or already gone: leave it.
        }
      }
    },
  };
}

/** The file that stands where a folder on the way to `folder` should be, or null when the
 * nearest existing path on the way is a folder (so `folder` exists or can be created). */
export function fileInTheWay(folder: string): string | null {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(dir).isDirectory();
    } catch {
      if (dir === path.dirname(dir)) return null;
      continue;
    }
    return isDirectory ? null : dir;
  }
}
