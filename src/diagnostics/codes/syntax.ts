import type { DiagnosticCodeInfo } from "./types.js";

// BTP1xxx: lexing and parsing (src/syntax/). 10xx characters and brackets, 101x statements,
// 102x clauses and values, 1099 the parser's own failure.
export const syntaxCodes: DiagnosticCodeInfo[] = [
  {
    code: "BTP1001",
    severity: "error",
    title: "Unexpected character",
    explanation:
      "The text contains a character that is not part of btp outside strings and comments, such as a curly quote pasted from a word processor or a stray symbol.",
    bad: "protocol “Rate test”",
    fix: 'protocol "Rate test"',
  },
  {
    code: "BTP1002",
    severity: "error",
    title: "Unterminated string",
    explanation: 'A string opened with `"` has no closing `"` on the same line. Strings cannot span lines.',
    bad: 'pause "Move the cell to the potentiostat',
    fix: 'pause "Move the cell to the potentiostat"',
  },
  {
    code: "BTP1003",
    severity: "error",
    title: "Nesting too deep",
    explanation:
      "Blocks and brackets are nested more than 64 levels deep. btp refuses such text before parsing it, so that a malformed or machine-made file cannot exhaust the stack. Real protocols nest a few levels.",
    bad: "repeat 2 { repeat 2 { repeat 2 { … 65 levels … } } }",
    fix: "sequence inner() { … }\nrepeat 2 { inner() }",
  },
  {
    code: "BTP1004",
    severity: "error",
    title: "Unclosed block or bracket",
    explanation:
      "A `{`, `(` or `[` is never closed. The message names the statement whose block is open and where it started.",
    bad: "repeat 3 {\n  charge at 1C until 4.2 V\n",
    fix: "repeat 3 {\n  charge at 1C until 4.2 V\n}",
  },
  {
    code: "BTP1005",
    severity: "error",
    title: "Unmatched closing bracket",
    explanation: "A `}`, `)` or `]` closes nothing: there is no matching opening bracket before it.",
    bad: "charge at 1C until 4.2 V }",
    fix: "charge at 1C until 4.2 V",
  },
  {
    code: "BTP1010",
    severity: "error",
    title: "Unknown statement",
    explanation:
      "A line does not start with a step (`charge`, `discharge`, `rest`, `hold`, `ocv`, `eis`, `sweep`, `cv`, `temperature`, `pause`), a block (`repeat`, `for`, `after`, `every`, `at`, `section`), a declaration, or a sequence call `name(…)`. Misspelt keywords get a suggestion.",
    bad: "chrage at 1C until 4.2 V",
    fix: "charge at 1C until 4.2 V",
  },
  {
    code: "BTP1011",
    severity: "error",
    title: "Step without an action",
    explanation:
      "A step must say what the cycler does: `charge at …`, `discharge at …`, `hold at …`, `rest`. A value or an end condition alone is not a step, and a step's clauses (`until`, `or`, `then`) cannot continue on the next line.",
    bad: "at 1C until 3.3 V",
    fix: "discharge at 1C until 3.3 V",
  },
  {
    code: "BTP1012",
    severity: "error",
    title: "Missing separator",
    explanation:
      "Two statements on one line need a `;` between them; two items of a `{ … }` list (cell properties, limits) need a `,`, a `;` or a new line.",
    bad: "repeat 3 { charge at 1C until 4.2 V discharge at 1C until 2.5 V }",
    fix: "repeat 3 { charge at 1C until 4.2 V; discharge at 1C until 2.5 V }",
  },
  {
    code: "BTP1013",
    severity: "error",
    title: "Declaration inside a block",
    explanation:
      "`param`, `sequence`, `cell`, `import`, `use cell`, `protocol` and metadata belong at the top level of a file, not inside `repeat`, `for` or other blocks.",
    bad: "repeat 3 {\n  param n = 5\n  charge at 1C until 4.2 V\n}",
    fix: "param n = 5\nrepeat 3 {\n  charge at 1C until 4.2 V\n}",
  },
  {
    code: "BTP1014",
    severity: "error",
    title: "Syntax error",
    explanation:
      "The parser expected a particular word or symbol and found something else. The message says what was expected and the hint shows the construct with an example.",
    bad: "charge 1C until 4.2 V",
    fix: "charge at 1C until 4.2 V",
  },
  {
    code: "BTP1015",
    severity: "error",
    title: "Missing value",
    explanation:
      "A value was expected: a number with a unit (`3.9 V`, `0.5C`, `C/20`, `2 h`), a parameter name, or `ocv`.",
    bad: "hold at until C/50",
    fix: "hold at 4.2 V until C/50",
  },
  {
    code: "BTP1016",
    severity: "error",
    title: "Missing unit",
    explanation:
      "Every number in btp carries its unit, except counts (cycles, passes, points per decade). Where the place already tells what kind of value is needed, a bare number is reported with the usual unit for that place.",
    bad: "discharge at 0.5C until 2.5",
    fix: "discharge at 0.5C until 2.5 V",
  },
  {
    code: "BTP1017",
    severity: "error",
    title: "Unknown loop condition",
    explanation:
      "A `repeat … until` or `stop if` condition watches one of: `discharge capacity`, `charge capacity`, `coulombic efficiency`, `end voltage`.",
    bad: "repeat 1000 until capacity < 80 % of cycle 1 { charge at 1C until 4.2 V; discharge at 1C until 2.5 V }",
    fix: "repeat 1000 until discharge capacity < 80 % of cycle 1 { charge at 1C until 4.2 V; discharge at 1C until 2.5 V }",
  },
  {
    code: "BTP1018",
    severity: "error",
    title: "Unknown limit",
    explanation: "`limits { … }` can bound voltage, current, temperature, capacity and power.",
    bad: "limits { volts 2.0 V .. 4.2 V }",
    fix: "limits { voltage 2.0 V .. 4.2 V }",
  },
  {
    code: "BTP1019",
    severity: "error",
    title: "Repeat without a count",
    explanation:
      "Every loop states how many passes it makes; a `repeat … until` loop states the most passes it may make, so that no test can run forever.",
    bad: "repeat until discharge capacity < 80 % of cycle 1 { discharge at 1C until 2.5 V }",
    fix: "repeat 1000 until discharge capacity < 80 % of cycle 1 { discharge at 1C until 2.5 V }",
  },
  {
    code: "BTP1020",
    severity: "error",
    title: "Clause given twice",
    explanation:
      "A step has at most one `for` duration, one amplitude, one label, one recording rule and one limits block; a limits block names each quantity once.",
    bad: "eis from 1 MHz to 10 mHz, amplitude 5 mV, amplitude 10 mV",
    fix: "eis from 1 MHz to 10 mHz, amplitude 5 mV",
  },
  {
    code: "BTP1021",
    severity: "error",
    title: "Not a single step",
    explanation:
      'Where one step is expected on its own (a YAML step written as text, such as "Charge at 1C until 4.2 V"), the text must hold exactly one step.',
    bad: 'steps:\n  - "Charge at 1C until 4.2 V; Rest for 1 hour"',
    fix: 'steps:\n  - "Charge at 1C until 4.2 V"\n  - "Rest for 1 hour"',
    exampleLanguage: "yaml",
  },
  {
    code: "BTP1022",
    severity: "error",
    title: "Unexpected text after a statement",
    explanation: "A statement is complete, but the line goes on with text that is not part of it.",
    bad: "rest for 2 h 30 min",
    fix: "rest for 2.5 h",
  },
  {
    code: "BTP1023",
    severity: "error",
    title: "Wrong reference for a percentage",
    explanation:
      "In a step's end, a percentage is of the cell's nominal capacity (`80 % of nominal`); in a loop condition it is of a cycle of that loop (`80 % of cycle 1`).",
    bad: "discharge at 1C until 80 % of cycle 1",
    fix: "discharge at 1C until 80 % of nominal",
  },
  {
    code: "BTP1024",
    severity: "error",
    title: "Number too large",
    explanation: "A number is beyond what a double-precision value can hold (about 1.8e308).",
    bad: "rest for 1e400 h",
    fix: "rest for 10 h",
  },
  {
    code: "BTP1025",
    severity: "error",
    title: "Invalid C-rate divisor",
    explanation: "`C/n` means one n-th of 1C, so n must be a positive number.",
    bad: "charge at C/0 until 4.2 V",
    fix: "charge at C/20 until 4.2 V",
  },
  {
    code: "BTP1026",
    severity: "error",
    title: "Expression too deeply nested",
    explanation:
      "An expression chains more than 100 operators or signs. btp refuses it so that no later phase can run out of stack on it; a protocol value never needs more than a few.",
    bad: "param t = 1 h + 1 h + 1 h + … (200 times)",
    fix: "param t = 200 h",
  },
  {
    code: "BTP1099",
    severity: "error",
    title: "Internal parser error",
    explanation:
      "The parser itself failed on this text. This is a bug in btp, never a problem with the protocol; the rest of the file is not checked.",
    bad: "(any text that triggers the bug)",
    fix: "(report the file to the btp maintainers)",
    exampleLanguage: "text",
  },
];
