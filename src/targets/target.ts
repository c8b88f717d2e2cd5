// What an instrument back end is. Each target lives in src/targets/<name>/ and owns, in one
// place (its conventions.ts), everything that differs per instrument: current sign, loop-count
// convention, units and scaling, number format, encoding, line endings, step numbering.
//
// A target never drops meaning: a construct it cannot express is a diagnostic (severity error,
// with the source span, the target name and what to do), and anything it expresses differently
// from the source (a C-rate resolved to amperes, a CC-CV split into two steps, a temperature
// set-point turned into an operator instruction) is an Emulation, listed in the output's header
// and by `btp compile --explain`.

import type { Diagnostic, Span } from "../diagnostics/diagnostic.js";
import type { NodeIR, ProtocolIR } from "../ir/types.js";

/** The construct names a capability table speaks of: every IR node kind, plus finer features. */
export type Construct =
  | NodeIR["kind"]
  | "loopUntil"
  | "nestedLoop"
  | "currentDensity"
  | "specificCurrent"
  | "cRate"
  | "ocvRelativeVoltage"
  | "capacityEnd"
  | "temperatureEnd"
  | "recordRule"
  | "safetyLimits"
  | "galvanostaticEis";

/** native: expressed as the instrument's own construct; emulated: expressed another way (listed);
 * refused: cannot be expressed — compiling a protocol that uses it fails with a diagnostic. */
export type Support = "native" | "emulated" | "refused";

export interface CapabilityTable {
  /** Constructs not listed are refused. */
  constructs: Partial<Record<Construct, Support>>;
  /** Deepest loop nesting the instrument can run (Arbin: 4), or null for no limit. */
  maxLoopDepth: number | null;
  /** Why each emulated or refused construct is so, for docs/targets/<name>.md and --explain. */
  notes: Partial<Record<Construct, string>>;
}

/** A file a target writes. `content` is the exact bytes: the target owns its encoding. */
export interface OutputFile {
  /** Relative path inside the output folder, e.g. "a03-rate.mps". */
  path: string;
  content: Uint8Array;
  /** What it is, for the summary: "EC-Lab settings (.mps, cp1252, CRLF)". */
  description: string;
}

export interface Emulation {
  span: Span;
  construct: Construct;
  /** Plain words: "0.5C resolved to 0.147 mA with the cell's nominal capacity (0.294 mAh)". */
  message: string;
}

export interface CompileResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
  emulations: Emulation[];
}

/** An instrument channel's ranges, to refuse protocols the hardware cannot run. */
export interface InstrumentProfile {
  id: string;
  name: string;
  /** Which target writes its files. */
  target: string;
  /** V */
  voltage: { min: number; max: number };
  /** A, magnitude */
  maxCurrent: number;
  /** A, the smallest current it can control meaningfully (resolution of the lowest range). */
  minCurrent?: number;
  /** Hz, for potentiostats with impedance. */
  frequency?: { min: number; max: number };
  /** Where the numbers come from (datasheet, manual page). */
  source: string;
}

export interface CompileOptions {
  /** Base name for output files, from the protocol file name: "a03-rate-capability-60c". */
  baseName: string;
  /** The instrument channel to check ranges against, if chosen. */
  profile?: InstrumentProfile;
  /** btp version, written in file headers. */
  btpVersion: string;
}

export interface ImportResult {
  ir: ProtocolIR | null;
  diagnostics: Diagnostic[];
}

export interface Target {
  /** CLI name: "biologic", "neware", "arbin", "maccor", "chi", "land", "pybamm", "battinfo", "methods". */
  name: string;
  /** "BioLogic EC-Lab / BT-Lab settings (.mps)". */
  title: string;
  kind: "cycler" | "potentiostat" | "simulator" | "document";
  capabilities: CapabilityTable;
  compile(ir: ProtocolIR, options: CompileOptions): CompileResult;
  /** Reads the instrument's own file back into the IR (for `btp import` and round-trip tests).
   * `file` names the input in diagnostics. Must never throw, hang or expand hostile input. */
  import?(content: Uint8Array, file: string): ImportResult;
  /** File extensions `btp import` recognises for this target, lower case with the dot. */
  importExtensions?: string[];
}
