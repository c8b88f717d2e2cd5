import type { DiagnosticCodeInfo } from "./types.js";

// BTP2xxx: names, imports, declarations, and where statements may stand (src/check).
export const namesCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP2001",
    severity: "error",
    title: "Unknown name",
    explanation:
      "A name is used that no param, sequence parameter or sweep variable declares. btp suggests the nearest declared name " +
      "when the difference looks like a typo.",
    bad: "param passes = 5\nrepeat pases { charge at 1 mA for 1 h }",
    fix: "param passes = 5\nrepeat passes { charge at 1 mA for 1 h }",
  },
  {
    code: "BTP2002",
    severity: "error",
    title: "Declared twice",
    explanation:
      "Two params, sequences, cells or sequence parameters share a name (also across imported files), or the protocol title is " +
      "given twice. The message points at the second one and links to the first.",
    bad: "param rate = 0.5C\nparam rate = 1C",
    fix: "param charge_rate = 0.5C\nparam discharge_rate = 1C",
  },
  {
    code: "BTP2003",
    severity: "error",
    title: "Unknown sequence",
    explanation: "A statement calls a sequence that is not declared in this file or the files it imports.",
    bad: "sequence cycle_once() { charge at 1 mA for 1 h }\ncycle_onse()",
    fix: "sequence cycle_once() { charge at 1 mA for 1 h }\ncycle_once()",
  },
  {
    code: "BTP2004",
    severity: "error",
    title: "Unknown cell",
    explanation: "`use cell NAME` names a cell that is not declared here or in an imported file.",
    bad: 'cell coin { nominal capacity 0.3 mAh }\nuse cell coin_cell\ncharge at 1C for 1 h',
    fix: 'cell coin { nominal capacity 0.3 mAh }\nuse cell coin\ncharge at 1C for 1 h',
  },
  {
    code: "BTP2005",
    severity: "error",
    title: "Imported file cannot be read",
    explanation:
      "An `import` or `use cell \"…\"` names a file that does not exist or cannot be read. Paths are relative to the file " +
      "that contains the import.",
    bad: 'import "cells/na-cge-nvp.btp"   # no such file next to this protocol',
    fix: 'import "../cells/na-cge-nvp.btp"',
  },
  {
    code: "BTP2006",
    severity: "error",
    title: "File imports itself",
    explanation: "A file imports itself. That adds nothing and would loop forever, so it is refused.",
    bad: '# in protocols/a3.btp\nimport "a3.btp"',
    fix: "# in protocols/a3.btp\n# (no import of itself)",
  },
  {
    code: "BTP2007",
    severity: "error",
    title: "Import cycle",
    explanation:
      "Files import each other in a circle (a.btp imports b.btp, which imports a.btp). The message lists the chain and links " +
      "to each import in it. Move what both need into a third file that both import.",
    bad: '# a.btp\nimport "b.btp"\n# b.btp\nimport "a.btp"',
    fix: '# a.btp\nimport "shared.btp"\n# b.btp\nimport "shared.btp"',
  },
  {
    code: "BTP2008",
    severity: "warning",
    title: "Ignored in an imported file",
    explanation:
      "An imported file contributes its cells, sequences and params only. Steps, metadata and `use cell` in it are ignored, " +
      "so that importing a cell file never adds steps to a protocol. Wrap reusable steps in a `sequence`.",
    bad: '# cells/coin.btp, imported by a protocol\ncell coin { nominal capacity 0.3 mAh }\nrest for 1 h',
    fix: '# cells/coin.btp, imported by a protocol\ncell coin { nominal capacity 0.3 mAh }\nsequence settle() { rest for 1 h }',
  },
  {
    code: "BTP2009",
    severity: "error",
    title: "`use cell \"file\"` needs exactly one cell",
    explanation:
      "`use cell \"file.btp\"` uses the only cell declared in that file. When the file declares no cell or several, btp cannot " +
      "tell which is meant: import the file and choose the cell by name.",
    bad: 'use cell "cells/all-coin-cells.btp"   # declares nvp and pba',
    fix: 'import "cells/all-coin-cells.btp"\nuse cell nvp',
  },
  {
    code: "BTP2010",
    severity: "error",
    title: "Cell chosen twice",
    explanation: "A protocol runs on one cell, so only one `use cell` line is allowed.",
    bad: "cell a { nominal capacity 1 mAh }\ncell b { nominal capacity 2 mAh }\nuse cell a\nuse cell b",
    fix: "cell a { nominal capacity 1 mAh }\ncell b { nominal capacity 2 mAh }\nuse cell a",
  },
  {
    code: "BTP2011",
    severity: "error",
    title: "Too many arguments",
    explanation: "A sequence call passes more values than the sequence has parameters.",
    bad: "sequence hold_for(t: time) { rest for t }\nhold_for(1 h, 2 h)",
    fix: "sequence hold_for(t: time) { rest for t }\nhold_for(1 h)",
  },
  {
    code: "BTP2012",
    severity: "error",
    title: "Unknown named argument",
    explanation: "A call names a parameter (`name = value`) that the sequence does not have.",
    bad: "sequence hold_for(t: time) { rest for t }\nhold_for(time = 1 h)",
    fix: "sequence hold_for(t: time) { rest for t }\nhold_for(t = 1 h)",
  },
  {
    code: "BTP2013",
    severity: "error",
    title: "Missing argument",
    explanation: "A call leaves out a parameter that has no default value.",
    bad: "sequence plate_strip(j: current, t: time) { charge at j for t; discharge at j for t }\nplate_strip(0.1 mA)",
    fix: "sequence plate_strip(j: current, t: time) { charge at j for t; discharge at j for t }\nplate_strip(0.1 mA, 1 h)",
  },
  {
    code: "BTP2014",
    severity: "error",
    title: "Argument given twice",
    explanation: "A call gives the same parameter twice, by position and by name, or twice by name.",
    bad: "sequence hold_for(t: time) { rest for t }\nhold_for(1 h, t = 2 h)",
    fix: "sequence hold_for(t: time) { rest for t }\nhold_for(t = 2 h)",
  },
  {
    code: "BTP2015",
    severity: "error",
    title: "Recursive sequence",
    explanation:
      "A sequence calls itself, directly or through other sequences. It would never end, so it is refused; use `repeat` to " +
      "run steps again.",
    bad: "sequence one_cycle() { charge at 1 mA for 1 h; one_cycle() }\none_cycle()",
    fix: "sequence one_cycle() { charge at 1 mA for 1 h }\nrepeat 10 { one_cycle() }",
  },
  {
    code: "BTP2016",
    severity: "error",
    title: "Unknown param in --set",
    explanation:
      "`--set name=value` names a param the protocol does not declare (or the value cannot be read). The message lists the " +
      "params that can be set.",
    bad: "btp check a3.btp --set cycles=3",
    fix: "btp check a3.btp --set cycles_per_rate=3",
    exampleLanguage: "shell",
  },
  {
    code: "BTP2017",
    severity: "error",
    title: "Used before it is declared",
    explanation: "A param's value uses a param declared further down. Params are read top to bottom; move the other one up.",
    bad: "param total = per_rate * 8\nparam per_rate = 5",
    fix: "param per_rate = 5\nparam total = per_rate * 8",
  },
  {
    code: "BTP2018",
    severity: "error",
    title: "Unknown cell property",
    explanation:
      "A cell (or one of its electrodes or its electrolyte) has a property btp does not know. The message suggests the nearest " +
      "known one and lists them all.",
    bad: "cell coin { nominal capacty 0.3 mAh }",
    fix: "cell coin { nominal capacity 0.3 mAh }",
  },
  {
    code: "BTP2019",
    severity: "error",
    title: "Cell property given twice",
    explanation:
      "The same property appears twice in one cell, electrode or electrolyte, so it is unclear which applies. (As a warning: " +
      "both `electrolyte` and `separator` are given; only `electrolyte` is used.)",
    bad: "cell coin { area 1.13 cm2, area 2 cm2 }",
    fix: "cell coin { area 1.13 cm2 }",
  },
  {
    code: "BTP2020",
    severity: "error",
    title: "Unknown type",
    explanation:
      "A param or sequence parameter is declared with a type btp does not know. Types are the names of quantities: current, " +
      "c-rate, current density, specific current, voltage, time, capacity, specific capacity, temperature, frequency, " +
      "scan rate, power, resistance, energy, percent, count, length, area, mass, …",
    bad: "sequence hold_for(t: duration) { rest for t }",
    fix: "sequence hold_for(t: time) { rest for t }",
  },
  {
    code: "BTP2021",
    severity: "error",
    title: "Cell property has the wrong shape",
    explanation:
      "A cell property needs a single value, a range, a word or a block of its own properties, and got something else: for " +
      "example `window` needs a range `2.3 V .. 3.9 V`, and `cathode` needs a block `{ … }`.",
    bad: "cell coin { window 3.9 V }",
    fix: "cell coin { window 2.3 V .. 3.9 V }",
  },
  {
    code: "BTP2022",
    severity: "error",
    title: "Unknown cell kind",
    explanation: "`kind` is one of full, half, symmetric, blocking or lsv.",
    bad: "cell na_na { kind symetric }",
    fix: "cell na_na { kind symmetric }",
  },
  {
    code: "BTP2023",
    severity: "error",
    title: "Cycle action outside a repeat",
    explanation:
      "`after cycle …` and `every … cycles` count the passes of the enclosing `repeat`; outside a repeat there are no cycles " +
      "to count.",
    bad: "after cycle 10 { rest for 1 h }",
    fix: "repeat 60 {\n  charge at 1 mA for 1 h\n  after cycle 10 { rest for 1 h }\n}",
  },
  {
    code: "BTP2024",
    severity: "error",
    title: "`stop if` outside a repeat",
    explanation: "`stop if` is checked at the end of each pass of the enclosing `repeat`; outside a repeat it is never checked.",
    bad: "charge at 1 mA for 1 h\nstop if end voltage < 2 V",
    fix: "repeat 100 {\n  charge at 1 mA for 1 h\n  discharge at 1 mA for 1 h\n  stop if end voltage < 2 V\n}",
  },
  {
    code: "BTP2025",
    severity: "error",
    title: "Empty block",
    explanation:
      "A loop, sweep, section, temperature block, cycle action or sequence has no steps, or a sweep has an empty list. It " +
      "would do nothing, which is almost always a mistake.",
    bad: "repeat 10 { }",
    fix: "repeat 10 { charge at 1 mA for 1 h }",
  },
  {
    code: "BTP2026",
    severity: "error",
    title: "Protocol too large after expansion",
    explanation:
      "Sweeps and sequence calls are written out in full in the normalized protocol (loops are not). When nesting them would " +
      "produce more than the node limit (100,000 by default), btp stops instead of exhausting memory.",
    bad: "sequence s() { for a in [1 mA, 2 mA, 3 mA] { for b in [1 h, 2 h] { charge at a for b } } }\nfor i in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] { s() }   # with a node limit of 50",
    fix: "sequence s(a: current) { charge at a for 1 h }\nrepeat 10 { s(1 mA) }",
  },
  {
    code: "BTP2027",
    severity: "error",
    title: "Nested too deeply",
    explanation:
      "Blocks are nested more than 100 deep, an expression more than 1,000 deep, or imports more than 64 files deep. No real " +
      "protocol needs that; btp refuses rather than risk running out of stack.",
    bad: "param x = 1 V + 1 V + 1 V + …   # a sum of more than 1,000 terms",
    fix: "param x = 1000 * 1 V",
    exampleLanguage: "text",
  },
  {
    code: "BTP2099",
    severity: "error",
    title: "Internal checker error",
    explanation:
      "The checker failed on this input. This is a bug in btp, not a problem with the protocol; please report it with the " +
      "file that caused it.",
    bad: "(any input that triggers a bug)",
    fix: "(none needed: report the bug)",
    exampleLanguage: "text",
  },
];
