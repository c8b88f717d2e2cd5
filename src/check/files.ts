// Reading the main file and everything it imports. Imports resolve relative to the importing
// file; each file is read once (two files may import the same cell file); a missing file, a
// file importing itself and import cycles are reported with the chain of imports.

import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Span } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../syntax/ast.js";
import { parseSource } from "../syntax/index.js";
import type { CheckContext } from "./context.js";

/** Protocols are kilobytes; this keeps a wrong path (a data log) from exhausting memory. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;
/** Deeper import chains than this are refused (they are cycles in all but name). */
const MAX_IMPORT_DEPTH = 64;

export interface LoadedFile {
  absolutePath: string;
  file: SourceFile;
  isMain: boolean;
}

export interface Program {
  main: LoadedFile;
  /** Every file, each import before the file that imports it; the main file last. */
  files: LoadedFile[];
  byAbsolutePath: Map<string, LoadedFile>;
  /** The file named by `use cell "…"` in the main file, when it could be read. */
  useCellFile: { target: Span; file: LoadedFile } | null;
}

export type ReadResult = { ok: true; text: string } | { ok: false; code: "BTP0001" | "BTP0002" | "BTP0004"; message: string };

/** Reads a protocol from disk without throwing. */
export function readSourceFile(absolutePath: string): ReadResult {
  try {
    const stats = statSync(absolutePath);
    if (!stats.isFile()) return { ok: false, code: "BTP0001", message: `\`${absolutePath}\` is not a file` };
    if (stats.size > MAX_SOURCE_BYTES) {
      return { ok: false, code: "BTP0002", message: `\`${absolutePath}\` is larger than 16 MB; it cannot be a protocol` };
    }
    const bytes = readFileSync(absolutePath);
    if (bytes.includes(0)) return { ok: false, code: "BTP0004", message: `\`${absolutePath}\` is not a text file` };
    return { ok: true, text: bytes.toString("utf8") };
  } catch (error) {
    const reason = error instanceof Error && "code" in error && error.code === "ENOENT" ? "does not exist" : "cannot be read";
    return { ok: false, code: "BTP0001", message: `\`${absolutePath}\` ${reason}` };
  }
}

export function readFromDisk(absolutePath: string): string | undefined {
  const read = readSourceFile(absolutePath);
  return read.ok ? read.text : undefined;
}

interface ImportEdge {
  from: LoadedFile;
  span: Span;
}

export function loadProgram(
  ctx: CheckContext,
  main: SourceFile,
  mainAbsolutePath: string,
  readFile: (absolutePath: string) => string | undefined,
): Program {
  const mainFile: LoadedFile = { absolutePath: mainAbsolutePath, file: main, isMain: true };
  const byPath = new Map<string, LoadedFile>([[mainAbsolutePath, mainFile]]);
  const ordered: LoadedFile[] = [];
  /** The files being visited, outermost first, with the import that led into each. */
  const visiting: { file: LoadedFile; via: ImportEdge | null }[] = [];
  let useCellFile: Program["useCellFile"] = null;

  const follow = (from: LoadedFile, relative: string, span: Span): LoadedFile | null => {
    if (relative.trim() === "") {
      ctx.error("BTP2005", "the import path is empty", span, { hint: 'write the file to import, e.g. `import "cells/na-cge-nvp.btp"`' });
      return null;
    }
    const target = path.resolve(path.dirname(from.absolutePath), relative);
    if (target === from.absolutePath) {
      ctx.error("BTP2006", `\`${relative}\` is this file itself`, span, { hint: "delete this import" });
      return null;
    }
    const open = visiting.findIndex((entry) => entry.file.absolutePath === target);
    if (open !== -1) {
      const chain = visiting.slice(open);
      const names = [...chain.map((entry) => entry.file.file.path), chain[0]!.file.file.path].map((name) => path.basename(name));
      ctx.error("BTP2007", `import cycle: ${names.join(" → ")}`, span, {
        hint: "files may not import each other in a circle; move the shared declarations into a file that both import",
        related: chain.slice(1).flatMap((entry) =>
          entry.via ? [{ message: `${path.basename(entry.via.from.file.path)} imports ${path.basename(entry.file.file.path)} here`, span: entry.via.span }] : [],
        ),
      });
      return null;
    }
    const known = byPath.get(target);
    if (known) return known;
    if (visiting.length >= MAX_IMPORT_DEPTH) {
      ctx.error("BTP2027", `imports are nested more than ${MAX_IMPORT_DEPTH} files deep`, span, { hint: "import the files from one place" });
      return null;
    }
    const text = safeRead(readFile, target);
    if (text === undefined) {
      ctx.error("BTP2005", `cannot read \`${relative}\``, span, { hint: `looked for ${target}; check the path (it is relative to this file)` });
      return null;
    }
    const displayPath = path.join(path.dirname(from.file.path), relative);
    const parsed = safeParse(text, displayPath);
    ctx.texts.set(displayPath, text);
    for (const diagnostic of parsed.diagnostics) ctx.report(diagnostic);
    const loaded: LoadedFile = { absolutePath: target, file: parsed.file, isMain: false };
    byPath.set(target, loaded);
    visit(loaded, { from, span });
    return loaded;
  };

  const visit = (loaded: LoadedFile, via: ImportEdge | null): void => {
    visiting.push({ file: loaded, via });
    for (const item of loaded.file.items ?? []) {
      if (!item || item.recovered) continue;
      if (item.kind === "ImportDecl" && item.path && !item.path.recovered) {
        follow(loaded, item.path.value, item.path.span);
      } else if (item.kind === "UseCell" && loaded.isMain && item.target?.kind === "StringLiteral" && !item.target.recovered) {
        const file = follow(loaded, item.target.value, item.target.span);
        if (file && !useCellFile) useCellFile = { target: item.target.span, file };
      }
    }
    visiting.pop();
    ordered.push(loaded);
  };

  visit(mainFile, null);
  return { main: mainFile, files: ordered, byAbsolutePath: byPath, useCellFile };
}

function safeRead(readFile: (absolutePath: string) => string | undefined, target: string): string | undefined {
  try {
    const text = readFile(target);
    return typeof text === "string" ? text : undefined;
  } catch {
    return undefined;
  }
}

/** A parser bug must not take the checker down with it: an unparsable import is an empty file
 * plus a diagnostic. */
function safeParse(text: string, displayPath: string): ReturnType<typeof parseSource> {
  try {
    return parseSource(text, displayPath);
  } catch (error) {
    const start = { offset: 0, line: 1, column: 1 };
    return {
      file: { kind: "SourceFile", path: displayPath, text, items: [], comments: [], span: { file: displayPath, start, end: start } },
      diagnostics: [
        {
          code: "BTP2099",
          severity: "error",
          message: `internal error while reading this file: ${error instanceof Error ? error.message : String(error)}`,
          span: { file: displayPath, start, end: start },
          hint: "this is a bug in btp; please report it with the file",
        },
      ],
    };
  }
}
