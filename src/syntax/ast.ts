// The typed syntax tree of a btp file. Every node carries the span of the text it came from, so
// that every later phase can point at the exact place. The tree says what was written, not what
// it means: units are not yet resolved, names are not yet looked up (that is src/check).
//
// Two front ends produce this tree: the .btp parser (src/syntax/parser.ts + toAst.ts) and the
// YAML reader (src/syntax/yaml/). Nodes the parser had to invent during error recovery are
// flagged `recovered: true`; the checker skips them rather than report their consequences.

import type { Span } from "../diagnostics/diagnostic.js";

export interface NodeBase {
  span: Span;
  recovered?: boolean;
}

/** A name as written, with its own span (for go-to-definition and rename). */
export interface Identifier extends NodeBase {
  kind: "Identifier";
  name: string;
}

export interface StringLiteral extends NodeBase {
  kind: "StringLiteral";
  value: string;
}

// ---------------------------------------------------------------------------------------------
// Expressions

/** `3.9 V`, `0.5C`, `C/20`, `117.6 mAh/g`, `-20 °C`, `80 %`, `5` (a plain number is a count).
 * `text` is the number exactly as written (kept so that values print back without float noise);
 * `unit` is the unit exactly as written (null for a bare number). For `C/20`, text is "1/20"
 * style is captured by `cRateDivisor`. */
export interface QuantityLiteral extends NodeBase {
  kind: "QuantityLiteral";
  /** The numeric text as written, e.g. "0.5", "1e-3", "10_000". */
  text: string;
  value: number;
  /** The unit as written (`mA/cm2`, `°C`, `C`, `%`), or null for a bare number. */
  unit: string | null;
  unitSpan: Span | null;
  /** Set for the `C/20` spelling: the divisor (20). `value` is then 1/20 and unit "C". */
  cRateDivisor?: number;
}

/** A reference to a param, a sequence parameter or a sweep variable. */
export interface NameRef extends NodeBase {
  kind: "NameRef";
  name: Identifier;
}

/** `ocv` as a voltage: the open-circuit voltage measured just before the step. */
export interface OcvRef extends NodeBase {
  kind: "OcvRef";
}

export interface UnaryExpr extends NodeBase {
  kind: "UnaryExpr";
  operator: "-" | "+";
  operand: Expr;
}

export interface BinaryExpr extends NodeBase {
  kind: "BinaryExpr";
  operator: "+" | "-" | "*" | "/";
  left: Expr;
  right: Expr;
}

/** `[0.5C, 1C, 2C]` — only used as the list of a sweep, or as a param value. */
export interface ListExpr extends NodeBase {
  kind: "ListExpr";
  items: Expr[];
}

export type Expr = QuantityLiteral | NameRef | OcvRef | UnaryExpr | BinaryExpr | ListExpr;

// ---------------------------------------------------------------------------------------------
// End conditions of a step

export type Comparator = "<" | "<=" | ">" | ">=";

/** What an `until` condition watches. `auto` means: decided by the dimension of the value
 * (a voltage watches the voltage, a current or C-rate the current, a charge the step capacity,
 * a time the step time). Writing the name (`until voltage > 3.9 V`) is allowed and checked. */
export type ConditionSubject = "auto" | "voltage" | "current" | "capacity" | "time" | "temperature";

/** One end condition: `3.9 V`, `> 3.9 V`, `C/20`, `2 h`, `0.2 mAh`, `50 mAh/g`,
 * `80 % of nominal`, `voltage < 2.3 V`. */
export interface EndCondition extends NodeBase {
  kind: "EndCondition";
  subject: ConditionSubject;
  comparator: Comparator | null;
  value: Expr;
  /** `80 % of nominal`: the percent is of the cell's nominal capacity. */
  ofNominal?: boolean;
}

/** How a step ends: `for 2 h`, `until 3.9 V`, `for 1 h or until 4.1 V`, `until 3.9 V or 10 h`.
 * All conditions are alternatives: the first one reached ends the step. */
export interface StepEnd extends NodeBase {
  kind: "StepEnd";
  duration: Expr | null;
  conditions: EndCondition[];
}

// ---------------------------------------------------------------------------------------------
// Step options that can follow a step (`, record every 1 s`, `, limits { … }`)

export interface RecordRule extends NodeBase {
  kind: "RecordRule";
  /** `record every 30 s or 5 mV or 0.1 mA`: each item is a time, voltage or current delta. */
  every: Expr[];
}

export type LimitSubject = "voltage" | "current" | "temperature" | "capacity" | "power";

/** `voltage 2.0 V .. 4.2 V`, `current 10 mA` (a magnitude), `temperature -30 °C .. 80 °C`. */
export interface LimitItem extends NodeBase {
  kind: "LimitItem";
  subject: LimitSubject;
  /** Lower bound, absent when only a maximum is given. */
  min: Expr | null;
  max: Expr;
}

export interface LimitsBlock extends NodeBase {
  kind: "LimitsBlock";
  items: LimitItem[];
}

// ---------------------------------------------------------------------------------------------
// Steps

/** A current set-point with its direction word. Power (`at 10 mW`) is also carried here: the
 * checker tells a current from a power by the dimension. */
export interface ChargeStep extends NodeBase {
  kind: "ChargeStep";
  direction: "charge" | "discharge";
  /** The set-point: current, C-rate, current density, specific current or power. */
  setpoint: Expr;
  end: StepEnd | null;
  /** `then hold [at V] until …`: a CC-CV written as one step. */
  thenHold: ThenHold | null;
  options: StepOptions;
}

export interface ThenHold extends NodeBase {
  kind: "ThenHold";
  /** Null: hold at the voltage the constant-current part ended at. */
  voltage: Expr | null;
  end: StepEnd | null;
}

/** `hold at 4.2 V until C/50`, `hold at ocv + 50 mV for 2 h` (constant voltage). */
export interface HoldStep extends NodeBase {
  kind: "HoldStep";
  voltage: Expr;
  end: StepEnd | null;
  options: StepOptions;
}

/** `rest for 2 h` (cell disconnected, voltage logged). */
export interface RestStep extends NodeBase {
  kind: "RestStep";
  end: StepEnd | null;
  options: StepOptions;
}

/** `ocv for 10 min` (open-circuit potential measured as a technique, e.g. on a potentiostat). */
export interface OcvStep extends NodeBase {
  kind: "OcvStep";
  end: StepEnd | null;
  options: StepOptions;
}

/** `eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade, at ocv`.
 * A voltage amplitude means potentiostatic EIS, a current amplitude galvanostatic EIS. */
export interface EisStep extends NodeBase {
  kind: "EisStep";
  from: Expr;
  to: Expr;
  amplitude: Expr | null;
  pointsPerDecade: Expr | null;
  /** `at ocv` / `at 3.7 V` / `at 0 mA` (bias). Null means at open circuit. */
  bias: Expr | null;
  /** `repeat 3` inside the options: spectra averaged per frequency (drift check). */
  options: StepOptions;
}

/** `sweep from ocv to 6.5 V at 0.1 mV/s` (linear sweep voltammetry). */
export interface SweepStep extends NodeBase {
  kind: "SweepStep";
  from: Expr;
  to: Expr;
  scanRate: Expr;
  options: StepOptions;
}

/** `cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles [, start at ocv]` (cyclic voltammetry). */
export interface CyclicVoltammetryStep extends NodeBase {
  kind: "CyclicVoltammetryStep";
  lower: Expr;
  upper: Expr;
  scanRate: Expr;
  cycles: Expr | null;
  start: Expr | null;
  options: StepOptions;
}

/** `temperature 60 °C, settle 2 h` / `temperature 25 °C, settle until stable`. Sets the chamber
 * for the rest of the enclosing block. */
export interface TemperatureStep extends NodeBase {
  kind: "TemperatureStep";
  setpoint: Expr;
  settle: Settle | null;
  options: StepOptions;
}

/** `settle 2 h` (wait this long) or `settle until stable` (wait until the chamber reports it). */
export interface Settle extends NodeBase {
  kind: "Settle";
  duration: Expr | null;
  untilStable: boolean;
}

/** `pause "Move the cell to the potentiostat"`: an operator action; the test waits. */
export interface PauseStep extends NodeBase {
  kind: "PauseStep";
  message: StringLiteral;
  options: StepOptions;
}

export interface StepOptions {
  record: RecordRule | null;
  limits: LimitsBlock | null;
  /** `label "formation charge"`: a name shown in tables and instrument step comments. */
  label: StringLiteral | null;
}

export type Step =
  | ChargeStep
  | HoldStep
  | RestStep
  | OcvStep
  | EisStep
  | SweepStep
  | CyclicVoltammetryStep
  | TemperatureStep
  | PauseStep;

// ---------------------------------------------------------------------------------------------
// Structure

/** `repeat 10 { … }`, `repeat 10000 until discharge capacity < 80 % of cycle 1 { … }`. */
export interface RepeatBlock extends NodeBase {
  kind: "RepeatBlock";
  count: Expr;
  until: LoopCondition | null;
  body: Statement[];
}

/** A condition checked at the end of each pass of a loop. */
export interface LoopCondition extends NodeBase {
  kind: "LoopCondition";
  /** `discharge capacity`, `charge capacity`, `coulombic efficiency`, `end voltage`. */
  subject: "charge capacity" | "discharge capacity" | "coulombic efficiency" | "end voltage";
  comparator: Comparator;
  value: Expr;
  /** `80 % of cycle 1`: the percent is of the value measured in that pass of the loop. */
  ofCycle: Expr | null;
}

/** `for rate in [0.5C, 1C, 2C] { … }` — runs the body once per value, in order. */
export interface SweepBlock extends NodeBase {
  kind: "SweepBlock";
  variable: Identifier;
  values: Expr;
  body: Statement[];
}

/** `after cycle 10, 60 { … }` or `every 100 cycles { … }` inside a repeat: the body runs in the
 * listed passes (1-based) of the innermost enclosing repeat, at its place in the loop body. */
export interface CycleAction extends NodeBase {
  kind: "CycleAction";
  mode: "after" | "every";
  /** For `after`: the pass numbers; for `every`: one item, the period. */
  cycles: Expr[];
  body: Statement[];
}

/** `at -20 °C, settle 2 h { … }`: the block runs at that temperature; afterwards the chamber goes
 * back to the temperature of the enclosing block (if one was set). */
export interface TemperatureBlock extends NodeBase {
  kind: "TemperatureBlock";
  setpoint: Expr;
  settle: Settle | null;
  body: Statement[];
}

/** `section "activation" { … }`: a named group, shown in tables and the run sheet. */
export interface SectionBlock extends NodeBase {
  kind: "SectionBlock";
  title: StringLiteral;
  body: Statement[];
}

/** `stop if discharge capacity < 80 % of cycle 1` inside a repeat: ends the whole test. */
export interface StopIf extends NodeBase {
  kind: "StopIf";
  condition: LoopCondition;
}

/** `plate_strip(0.1 mA/cm2, 1 h)` or `plate_strip(j = 0.1 mA/cm2)`. */
export interface SequenceCall extends NodeBase {
  kind: "SequenceCall";
  callee: Identifier;
  args: CallArgument[];
}

export interface CallArgument extends NodeBase {
  kind: "CallArgument";
  name: Identifier | null;
  value: Expr;
}

/** `limits { … }` as a statement: applies to the rest of the enclosing block. */
export interface LimitsStatement extends NodeBase {
  kind: "LimitsStatement";
  limits: LimitsBlock;
}

/** `record every 30 s or 5 mV` as a statement: applies to the rest of the enclosing block. */
export interface RecordStatement extends NodeBase {
  kind: "RecordStatement";
  rule: RecordRule;
}

export type Statement =
  | Step
  | RepeatBlock
  | SweepBlock
  | CycleAction
  | TemperatureBlock
  | SectionBlock
  | StopIf
  | SequenceCall
  | LimitsStatement
  | RecordStatement;

// ---------------------------------------------------------------------------------------------
// Declarations (top level only)

/** `protocol "CGE full cell: rate capability at 60 °C"` */
export interface ProtocolHeader extends NodeBase {
  kind: "ProtocolHeader";
  title: StringLiteral;
}

/** `cite "Shen et al., Nano-Micro Lett. 18:195 (2026)", figure "3e, S8"`,
 * `note "…"`, `instrument "LAND CT3002AU"`, `author "…"`. */
export interface MetadataItem extends NodeBase {
  kind: "MetadataItem";
  key: "cite" | "figure" | "note" | "instrument" | "author";
  value: StringLiteral;
}

/** `import "cells/na-cge-nvp.btp"`: brings the cells, sequences and params of another file. */
export interface ImportDecl extends NodeBase {
  kind: "ImportDecl";
  path: StringLiteral;
}

/** `use cell na_cge_nvp` or `use cell "cells/na-cge-nvp.btp"` (a file with exactly one cell). */
export interface UseCell extends NodeBase {
  kind: "UseCell";
  target: Identifier | StringLiteral;
}

/** `param cycles_per_rate = 5` / `param rate: c-rate = 1C`. */
export interface ParamDecl extends NodeBase {
  kind: "ParamDecl";
  name: Identifier;
  type: TypeRef | null;
  value: Expr;
  /** The comment on the same line, if any: shown by explain as the assumption's reason. */
  doc: string | null;
}

/** A dimension name used as a type: `current`, `c-rate`, `current density`, `voltage`, `time`,
 * `count`, … (the checker knows the list). */
export interface TypeRef extends NodeBase {
  kind: "TypeRef";
  name: string;
}

export interface SequenceParam extends NodeBase {
  kind: "SequenceParam";
  name: Identifier;
  type: TypeRef | null;
  default: Expr | null;
}

/** `sequence plate_strip(j: current density, t: time = 1 h) { … }` */
export interface SequenceDecl extends NodeBase {
  kind: "SequenceDecl";
  name: Identifier;
  params: SequenceParam[];
  body: Statement[];
  doc: string | null;
}

/** `cell na_cge_nvp "Na | CGE | NVP-K0.05 coin cell" { … }`, or `cell "…" { … }` without a name
 * in a file that holds just that cell (used as `use cell "cells/that-file.btp"`). */
export interface CellDecl extends NodeBase {
  kind: "CellDecl";
  /** Null when the cell has no name (allowed; `use cell NAME` cannot refer to it then). */
  name: Identifier | null;
  title: StringLiteral | null;
  properties: CellProperty[];
}

/** A cell property. Simple ones carry a value; electrode and electrolyte ones carry nested
 * properties (`cathode "NVP-K0.05" { active mass 2.5 mg, specific capacity 117.6 mAh/g }`).
 *
 * Known keys (the checker validates them): kind, format, chemistry, nominal capacity,
 * area, window, mass, cathode, anode, electrode, electrolyte, separator, model; inside an
 * electrode: active mass, loading, specific capacity, fraction, material; inside an electrolyte
 * or separator: thickness, diameter, area, material. `model { name value, … }` holds simulator
 * parameters. */
export interface CellProperty extends NodeBase {
  kind: "CellProperty";
  key: string;
  keySpan: Span;
  /** `kind full` → NameRef-like word kept as a string; `window 2.3 V .. 3.9 V` → range. */
  value: CellValue | null;
  /** A name or label after the key: `cathode "NVP-K0.05" { … }`. */
  label: StringLiteral | null;
  children: CellProperty[] | null;
}

export type CellValue =
  | { kind: "expr"; expr: Expr }
  | { kind: "range"; min: Expr; max: Expr; span: Span }
  | { kind: "word"; word: string; span: Span }
  | { kind: "string"; value: StringLiteral };

export type Declaration =
  | ProtocolHeader
  | MetadataItem
  | ImportDecl
  | UseCell
  | ParamDecl
  | SequenceDecl
  | CellDecl;

export type TopLevelItem = Declaration | Statement;

export interface Comment {
  text: string;
  span: Span;
}

/** A whole file. `items` keeps source order (declarations and statements may interleave;
 * the checker only requires declarations before their use where that matters). */
export interface SourceFile extends NodeBase {
  kind: "SourceFile";
  path: string;
  text: string;
  items: TopLevelItem[];
  /** Every comment, in order, for the formatter and for param docs. */
  comments: Comment[];
}
