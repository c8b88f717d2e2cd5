// One way to compile a protocol for a target, used by `btp compile`, `--target all` and plans:
// the capability table is read first (a refused construct stops before the target runs), then
// the channel profile, then the target itself. A target that throws is reported, never a crash;
// any error means no files ("faithful or refused"). Targets may call checkCapabilities
// themselves too (for their own tests); the same diagnostic or emulation is kept once.

import { fileSpan, hasErrors, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { ProtocolIR } from "../../ir/types.js";
import { checkProfile } from "../profiles/check.js";
import type { CompileOptions, CompileResult, Emulation, OutputFile, Target } from "../target.js";
import { checkCapabilities } from "./capabilities.js";
import { mergeEmulations } from "./emulations.js";

export const TARGET_FAILED = "BTP6004";
export const PROFILE_FOR_OTHER_TARGET = "BTP6018";

export function compileForTarget(target: Target, ir: ProtocolIR, options: CompileOptions): CompileResult {
  const capabilities = checkCapabilities(ir, target);
  const diagnostics: Diagnostic[] = [...capabilities.diagnostics];
  if (options.profile) {
    if (options.profile.target !== target.name) {
      diagnostics.push({
        code: PROFILE_FOR_OTHER_TARGET,
        severity: "error",
        message: `the profile ${options.profile.id} (${options.profile.name}) is for the ${options.profile.target} target, not ${target.name}`,
        span: fileSpan("<--profile>"),
        hint: `compile with --target ${options.profile.target}, or choose a ${target.name} profile`,
      });
    } else {
      diagnostics.push(...checkProfile(ir, options.profile));
    }
  }
  if (hasErrors(diagnostics)) {
    return { files: [], diagnostics: tagged(diagnostics, target.name), emulations: capabilities.emulations };
  }

  let result: CompileResult;
  try {
    result = target.compile(ir, options);
  } catch (err) {
    diagnostics.push({
      code: TARGET_FAILED,
      severity: "error",
      message: `the ${target.name} target failed on this protocol: ${err instanceof Error ? err.message : String(err)}`,
      span: fileSpan(ir.source),
      hint: "this is a bug in btp; please report it with the protocol file",
    });
    return { files: [], diagnostics: tagged(diagnostics, target.name), emulations: capabilities.emulations };
  }

  const merged = mergeDiagnostics(result.diagnostics, diagnostics);
  for (const file of result.files) {
    const problem = badOutputFile(file);
    if (problem) {
      merged.push({
        code: TARGET_FAILED,
        severity: "error",
        message: `the ${target.name} target produced an unusable output file: ${problem}`,
        span: fileSpan(ir.source),
        hint: "this is a bug in btp; please report it with the protocol file",
      });
    }
  }
  const emulations = withTableEmulations(result.emulations, capabilities.emulations);
  const failed = hasErrors(merged);
  return { files: failed ? [] : result.files, diagnostics: tagged(merged, target.name), emulations };
}

function tagged(diagnostics: Diagnostic[], target: string): Diagnostic[] {
  return diagnostics.map((d) => (d.target ? d : { ...d, target }));
}

function diagnosticKey(d: Diagnostic): string {
  return [d.code, d.span.file, d.span.start.offset, d.span.end.offset, d.message].join("\u0000");
}

function mergeDiagnostics(first: readonly Diagnostic[], second: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of [...first, ...second]) {
    const key = diagnosticKey(d);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

/** The target's own emulations win: they know the specifics ("split into CC and CV steps 4-5").
 * A table emulation is dropped where the target said something about that construct at that
 * place (mergeEmulations), or said the very same words about it anywhere. */
function withTableEmulations(fromTarget: readonly Emulation[], fromTable: readonly Emulation[]): Emulation[] {
  const said = new Set(fromTarget.map((e) => `${e.construct}\u0000${e.message}`));
  return mergeEmulations(fromTarget, fromTable.filter((e) => !said.has(`${e.construct}\u0000${e.message}`)));
}

/** Output paths stay inside the output folder: relative, no "..", no empty names. */
function badOutputFile(file: OutputFile): string | null {
  if (!(file.content instanceof Uint8Array)) return `${file.path} has no bytes`;
  if (file.path.trim() === "") return "an empty file name";
  if (/^([a-zA-Z]:)?[\\/]/.test(file.path)) return `${file.path} is an absolute path`;
  if (file.path.split(/[\\/]/).some((part) => part === ".." || part === "")) return `${file.path} leaves the output folder`;
  return null;
}
