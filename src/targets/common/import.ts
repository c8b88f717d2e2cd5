// Choosing the importer for a vendor file: by --from, else by extension (several targets may
// read .xml or .json, so each candidate is tried and the first that reads the file cleanly
// wins), else every importer in turn. Importers never throw by contract; one that does anyway
// is reported, never a crash.

import { fileSpan, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../ir/types.js";
import type { Target } from "../target.js";

export const UNKNOWN_IMPORT_FORMAT = "BTP6040";
export const NO_IMPORTER = "BTP6041";

export interface ImportChoice {
  /** The target whose importer read the file, or null when none could. */
  target: Target | null;
  ir: ProtocolIR | null;
  diagnostics: Diagnostic[];
}

export function extensionOf(file: string): string {
  const base = file.toLowerCase().split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot) : "";
}

export function importWith(content: Uint8Array, file: string, available: readonly Target[], from?: Target): ImportChoice {
  if (from) {
    if (!from.import) {
      return {
        target: null,
        ir: null,
        diagnostics: [
          {
            code: NO_IMPORTER,
            severity: "error",
            message: `the ${from.name} target cannot read files back`,
            span: fileSpan(file),
            hint: `importers: ${importers(available).map((t) => t.name).join(", ") || "(none registered)"}`,
          },
        ],
      };
    }
    return run(from, content, file);
  }
  const extension = extensionOf(file);
  const byExtension = importers(available).filter((t) => (t.importExtensions ?? []).includes(extension));
  const candidates = byExtension.length > 0 ? byExtension : importers(available);
  const attempts: ImportChoice[] = [];
  for (const target of candidates) {
    const attempt = run(target, content, file);
    if (attempt.ir && !hasErrors(attempt.diagnostics)) return attempt;
    attempts.push(attempt);
  }
  // Only one importer claims this extension: its own reasons are the useful ones.
  if (byExtension.length === 1) return attempts[0]!;
  const known = [...new Set(importers(available).flatMap((t) => t.importExtensions ?? []))].join(", ");
  return {
    target: null,
    ir: null,
    diagnostics: [
      {
        code: UNKNOWN_IMPORT_FORMAT,
        severity: "error",
        message:
          byExtension.length > 1
            ? `none of the importers for ${extension} files (${byExtension.map((t) => t.name).join(", ")}) could read ${file}`
            : `no importer recognises ${file}`,
        span: fileSpan(file),
        hint: `btp imports ${known || "(no importers registered)"}; choose one with --from <target>`,
      },
    ],
  };
}

function importers(available: readonly Target[]): Target[] {
  return available.filter((t) => typeof t.import === "function");
}

function run(target: Target, content: Uint8Array, file: string): ImportChoice {
  try {
    const result = target.import!(content, file);
    return { target, ir: result.ir, diagnostics: result.diagnostics.map((d) => (d.target ? d : { ...d, target: target.name })) };
  } catch (err) {
    return {
      target,
      ir: null,
      diagnostics: [
        {
          code: "BTP6004",
          severity: "error",
          message: `the ${target.name} importer failed on ${file}: ${err instanceof Error ? err.message : String(err)}`,
          span: fileSpan(file),
          hint: "this is a bug in btp; please report it with the file",
          target: target.name,
        },
      ],
    };
  }
}
