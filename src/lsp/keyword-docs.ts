// What each keyword means, for hovers and completion. One line of meaning and one example in
// the lab's terms; docs/language.md is the full reference.

export interface KeywordDoc {
  summary: string;
  example: string;
}

export const KEYWORD_DOCS: Readonly<Record<string, KeywordDoc>> = {
  protocol: { summary: "The title of the protocol, shown in reports and instrument files.", example: 'protocol "Rate capability at 60 °C"' },
  cite: { summary: "The publication the protocol comes from.", example: 'cite "Shen et al., Nano-Micro Lett. 18:195 (2026)"' },
  figure: { summary: "The figure of the publication the protocol reproduces.", example: 'figure "3e, S8"' },
  note: { summary: "A remark kept with the protocol (shown by `btp explain`).", example: 'note "1C = 117.6 mAh/g × active mass"' },
  instrument: { summary: "The instrument the protocol was written for.", example: 'instrument "LAND CT3002AU"' },
  author: { summary: "Who wrote the protocol.", example: 'author "A. Researcher"' },
  import: { summary: "Brings the cells, sequences and params of another file. The path is relative to this file.", example: 'import "lib/paper-a.btp"' },
  use: { summary: "Chooses the cell the protocol runs on: by name, or the one cell of a file.", example: 'use cell "cells/na-cge-nvp.btp"' },
  cell: {
    summary: "Declares a cell: its kind, electrodes, area and voltage window. C-rates, mA/cm² and mA/g are resolved through it.",
    example: "cell coin { kind full, nominal capacity 0.294 mAh, window 2.3 V .. 3.9 V }",
  },
  param: { summary: "A named value, optionally typed. A comment on its line documents the assumption; `--set` overrides it.", example: "param cycles_per_rate = 5   # not stated in the paper" },
  sequence: { summary: "A named group of steps with parameters, run by calling it like `name(…)`.", example: "sequence plate_strip(j: current density, t: time = 1 h) { … }" },
  repeat: { summary: "Runs its block a number of times; with `until`, at most that many times.", example: "repeat 10000 until discharge capacity < 80 % of cycle 1 { … }" },
  times: { summary: "Optional word after a repeat count.", example: "repeat 3 times { rest for 1 h }" },
  until: { summary: "An end condition: a voltage cut-off, a taper current, a capacity, a time or a temperature. The first condition reached ends the step.", example: "charge at 0.5C until 3.9 V" },
  for: {
    summary: "After a step: how long it lasts. At the start of a statement: a sweep, running the block once per value of a list.",
    example: "rest for 2 h\nfor rate in [0.5C, 1C, 2C] { … }",
  },
  in: { summary: "Names the list a sweep runs over.", example: "for rate in [0.5C, 1C] { … }" },
  after: { summary: "Inside a repeat: runs the block only in the listed passes (1-based).", example: "after cycle 10, 60 { eis from 1 MHz to 10 mHz, amplitude 5 mV }" },
  every: { summary: "Inside a repeat: runs the block every N passes. After `record`: how often a point is logged.", example: "every 100 cycles { rest for 2 h }" },
  cycle: { summary: "Refers to a pass of the enclosing repeat (1-based).", example: "stop if discharge capacity < 80 % of cycle 1" },
  cycles: { summary: "Counts passes or voltammetry cycles.", example: "cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles" },
  at: {
    summary: "The set-point of a step (a current, C-rate, power or voltage), the scan rate of a sweep, or, starting a block, the temperature the block runs at.",
    example: "charge at 0.5C until 3.9 V\nat -20 °C, settle 2 h { … }",
  },
  settle: { summary: "After a temperature change: wait a fixed time, or until the chamber reports a stable temperature.", example: "temperature 60 °C, settle 2 h" },
  stable: { summary: "Wait until the chamber reports that the temperature is stable.", example: "temperature 25 °C, settle until stable" },
  section: { summary: "A named group of statements, shown in tables and in the run sheet.", example: 'section "activation" { … }' },
  stop: { summary: "Inside a repeat: ends the whole test when the condition holds at the end of a pass.", example: "stop if discharge capacity < 80 % of cycle 1" },
  if: { summary: "The condition of a `stop`.", example: "stop if coulombic efficiency < 95 %" },
  charge: { summary: "Constant-current (or constant-power) charge. The set-point is a C-rate, a current, a current density, a specific current or a power.", example: "charge at 0.5C until 3.9 V then hold until C/20" },
  discharge: { summary: "Constant-current (or constant-power) discharge.", example: "discharge at 1C until 2.3 V" },
  then: { summary: "After a constant-current charge: hold the voltage (CC-CV in one step).", example: "charge at 0.5C until 3.9 V then hold until C/20" },
  hold: { summary: "Constant voltage, absolute or relative to the open-circuit voltage before the step. Needs a taper current or a time to end on.", example: "hold at 4.2 V until C/50" },
  rest: { summary: "Disconnects the cell (no current); the voltage is logged.", example: "rest for 2 h" },
  ocv: {
    summary: "As a step: measures the open-circuit potential (a potentiostat technique). As a value: the open-circuit voltage measured just before the step.",
    example: "ocv for 10 min\nhold at ocv + 50 mV for 2 h",
  },
  eis: { summary: "Electrochemical impedance spectroscopy: a voltage amplitude makes it potentiostatic, a current amplitude galvanostatic.", example: "eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade" },
  from: { summary: "Where a frequency or voltage sweep starts.", example: "sweep from ocv to 6.5 V at 0.1 mV/s" },
  to: { summary: "Where a frequency or voltage sweep ends.", example: "eis from 1 MHz to 10 mHz, amplitude 5 mV" },
  amplitude: { summary: "The excitation of an impedance measurement (not peak-to-peak).", example: "eis from 1 MHz to 10 mHz, amplitude 5 mV" },
  points: { summary: "Frequencies measured per decade of an impedance sweep.", example: "eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade" },
  per: { summary: "Part of `points per decade`.", example: "eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade" },
  decade: { summary: "Part of `points per decade`.", example: "eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade" },
  bias: { summary: "The DC level an impedance measurement sits on (open circuit when absent).", example: "eis from 100 kHz to 10 mHz amplitude 5 mV bias ocv + 100 mV" },
  sweep: { summary: "Linear sweep voltammetry.", example: "sweep from ocv to 6.5 V at 0.1 mV/s" },
  cv: { summary: "Cyclic voltammetry between two vertices.", example: "cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles" },
  between: { summary: "The two vertices of cyclic voltammetry.", example: "cv between 2.0 V and 4.0 V at 0.1 mV/s" },
  and: { summary: "Joins the two vertices of cyclic voltammetry.", example: "cv between 2.0 V and 4.0 V at 0.1 mV/s" },
  start: { summary: "Where cyclic voltammetry starts (open circuit by default).", example: "cv between 2.0 V and 4.0 V at 0.5 mV/s, 5 cycles, start at ocv" },
  temperature: { summary: "Sets the chamber for the rest of the enclosing block; in an `until` or `limits`, the temperature watched.", example: "temperature 60 °C, settle 2 h" },
  pause: { summary: "An operator action; the test waits until someone continues it.", example: 'pause "Move the cell to the potentiostat"' },
  record: { summary: "Logs a point each time the time, voltage or current has changed by this much.", example: "record every 30 s or 5 mV" },
  limits: { summary: "Safety limits: for the rest of the block, or for one step. The tightest limit wins.", example: "limits { voltage 2.0 V .. 4.2 V, current 10 mA }" },
  label: { summary: "A name for a step, shown in tables and instrument step comments.", example: 'discharge at 1C until 2.3 V, label "rate test"' },
  of: { summary: "What a percentage refers to: the nominal capacity, or a pass of the loop.", example: "discharge at 1C until 80 % of nominal" },
  nominal: { summary: "The cell's nominal capacity, as the basis of a percentage.", example: "discharge at 1C until 80 % of nominal" },
  or: { summary: "Joins alternatives: the first end condition reached ends the step; record triggers.", example: "charge at 1 A for 1 h or until 4.1 V" },
};

/** Words that are not reserved but mean something where they stand. */
export const CONTEXT_WORD_DOCS: Readonly<Record<string, KeywordDoc>> = {
  voltage: { summary: "Watches the cell voltage (in `until`), or limits it (in `limits`).", example: "until voltage >= 4.2 V" },
  current: { summary: "Watches the current magnitude (in `until`), or limits it (in `limits`).", example: "hold at 4.2 V until current < 50 uA" },
  capacity: { summary: "The charge passed in the step (in `until`), or its limit (in `limits`).", example: "charge at 1C until capacity 0.2 mAh" },
  time: { summary: "The step time (in `until`).", example: "until time 2 h" },
  power: { summary: "Limits the power magnitude.", example: "limits { power 50 mW }" },
  efficiency: { summary: "Coulombic efficiency of a pass: discharge capacity over charge capacity.", example: "repeat 500 until coulombic efficiency < 95 % { … }" },
  period: { summary: "PyBaMM's logging period: the same as `record every`.", example: "Discharge at C/20 for 1 h (2 minute period)" },
};

export function keywordDoc(word: string): KeywordDoc | undefined {
  const lower = word.toLowerCase();
  return KEYWORD_DOCS[lower] ?? CONTEXT_WORD_DOCS[lower];
}

export function renderKeywordDoc(word: string, doc: KeywordDoc): string {
  return `**${word.toLowerCase()}** — ${doc.summary}\n\n\`\`\`btp\n${doc.example}\n\`\`\``;
}
