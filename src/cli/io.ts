// Reading user files safely: size cap, binary refusal, and stdin. Every failure becomes a
// diagnostic (BTP0001 unreadable, BTP0002 too large, BTP0004 not text), never an exception.

import { readFileSync, statSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileSpan, type Diagnostic } from "../diagnostics/diagnostic.js";

/** Protocols are kilobytes; 16 MB leaves room for generated ones and keeps a wrong path
 * (a 2 GB data log) from exhausting memory. */
export const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeSource(bytes: Uint8Array, file: string): ReadResult {
  if (bytes.length > MAX_SOURCE_BYTES) return tooLarge(file, bytes.length);
  if (bytes.includes(0)) {
    return fail("BTP0004", `${file} is not a text file (it contains NUL bytes)`, file, "btp reads .btp and .yaml protocol text files");
  }
  try {
    let text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text };
  } catch {
    return fail("BTP0004", `${file} is not valid UTF-8 text`, file, "save the file as UTF-8");
  }
}

/** Reads `file`; messages name it as `name` (the path as the user wrote it). */
export function readSource(file: string, name = file): ReadResult {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return fail("BTP0001", `${name} is a directory, not a protocol file`, name);
    if (stat.size > MAX_SOURCE_BYTES) return tooLarge(name, stat.size);
    return decodeSource(readFileSync(file), name);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "does not exist" : code === "EACCES" ? "cannot be opened (permission denied)" : "cannot be read";
    return fail("BTP0001", `${name} ${reason}`, name, code === "ENOENT" ? "check the path" : undefined);
  }
}

function tooLarge(file: string, size: number): ReadResult {
  return fail(
    "BTP0002",
    `${file} is ${(size / 1048576).toFixed(1)} MB, above btp's limit of 16 MB for a protocol`,
    file,
    "check that this is the protocol you meant; protocol files are usually a few kilobytes",
  );
}

function fail(code: string, message: string, file: string, hint?: string): ReadResult {
  const diagnostic: Diagnostic = { code, severity: "error", message, span: fileSpan(file) };
  if (hint) diagnostic.hint = hint;
  return { ok: false, diagnostic };
}

export async function readStdin(stream: NodeJS.ReadableStream, name: string): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += buf.length;
    if (total > MAX_SOURCE_BYTES) return tooLarge(name, total);
    chunks.push(buf);
  }
  return decodeSource(Buffer.concat(chunks), name);
}

export function isProtocolPath(file: string): boolean {
  return /\.btp$/i.test(file) || /\.btp\.ya?ml$/i.test(file);
}

export function isYamlPath(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

/** Expands directories to the protocol files below them (sorted, so output is stable). Files
 * named explicitly are kept whatever their extension. */
export function expandInputs(inputs: string[], cwd: string): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(path.resolve(cwd, input));
    } catch {
      diagnostics.push({ code: "BTP0001", severity: "error", message: `${input} does not exist`, span: fileSpan(input), hint: "check the path" });
      continue;
    }
    if (stat.isDirectory()) {
      // Paths stay as the user wrote them (relative to their folder) for the messages.
      const found = walk(path.resolve(cwd, input))
        .filter(isProtocolPath)
        .map((full) => path.join(input, path.relative(path.resolve(cwd, input), full)))
        .sort();
      files.push(...found);
    } else {
      files.push(input);
    }
  }
  return { files, diagnostics };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}
