// Parse errors in plain words. Chevrotain's own messages list token sequences
// ("Expecting: one of these possible Token sequences…"); ours name the missing thing, say where,
// and give an example. parseErrors.ts adds the code, the span and a hint.

import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";

/** What each rule is, in words, for "expected … after …". */
const RULE_DESCRIPTIONS: Record<string, string> = {
  expression: "a value (a number with a unit such as `3.9 V`, a name, or `ocv`)",
  term: "a value (a number with a unit such as `3.9 V`, a name, or `ocv`)",
  unary: "a value (a number with a unit such as `3.9 V`, a name, or `ocv`)",
  primary: "a value (a number with a unit such as `3.9 V`, a name, or `ocv`)",
  stepEnd: "`for …` or `until …`",
  endCondition: "an end condition such as `3.9 V`, `> 4.2 V` or `C/20`",
  loopCondition: "a condition such as `discharge capacity < 80 % of cycle 1`",
  reference: "`nominal` or `cycle N`",
  settle: "`settle 2 h` or `settle until stable`",
  settleBody: "a duration such as `2 h`, or `until stable`",
  eisClause: "`amplitude …`, `at …` or `N points per decade`",
  cvClause: "`N cycles` or `start at …`",
  stepOptions: '`record every …`, `limits { … }` or `label "…"`',
  statement: "a statement",
  declaration: "a declaration",
  cellProperty: "a cell property such as `area 1.13 cm2`",
  cellDecl: 'a cell: `cell my_cell "title" { … }`',
  cycleAction: "`after cycle 10 { … }` or `every 100 cycles { … }`",
  chargeStep: "`charge` or `discharge`",
  typeName: "a type such as `current`, `c-rate` or `time`",
  useCell: "a cell name or a file in quotes",
  limitItem: "a limit such as `voltage 2.0 V .. 4.2 V`",
};

/** One example of each construct, used as the hint of its parse errors. */
export const RULE_EXAMPLES: Record<string, string> = {
  chargeStep: "a charge step reads `charge at 0.5C until 4.2 V` (or `discharge at 1 mA for 2 h`)",
  thenHold: "a CC-CV step reads `charge at 0.5C until 4.2 V then hold until C/20`",
  holdStep: "a hold reads `hold at 4.2 V until C/50` or `hold at ocv + 50 mV for 2 h`",
  restStep: "a rest reads `rest for 2 h`",
  ocvStep: "an open-circuit step reads `ocv for 10 min`",
  eisStep: "an EIS step reads `eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade`",
  eisClause: "an EIS step reads `eis from 1 MHz to 10 mHz, amplitude 5 mV, 10 points per decade`",
  sweepStep: "a linear sweep reads `sweep from ocv to 6.5 V at 0.1 mV/s`",
  cvStep: "a cyclic voltammetry step reads `cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles`",
  cvClause: "a cyclic voltammetry step reads `cv between 2.0 V and 4.0 V at 0.1 mV/s, 3 cycles`",
  temperatureStep: "a temperature step reads `temperature 60 °C, settle 2 h`",
  settle: "write `settle 2 h` or `settle until stable`",
  settleBody: "write `settle 2 h` or `settle until stable`",
  pauseStep: 'a pause reads `pause "Move the cell to the potentiostat"`',
  stepEnd: "a step ends with `for 2 h`, `until 3.9 V`, or both: `for 1 h or until 4.1 V`",
  endCondition: "an end condition reads `until 3.9 V`, `until > 4.2 V`, `until C/20` or `until 80 % of nominal`",
  stepOptions: 'step options read `, record every 1 s`, `, label "…"` or `, limits { voltage 2 V .. 4 V }`',
  periodOption: "PyBaMM's period reads `(1 minute period)`",
  recordRule: "a recording rule reads `record every 30 s or 5 mV`",
  limitsBlock: "limits read `limits { voltage 2.0 V .. 4.2 V, current 10 mA }`",
  limitItem: "limits read `limits { voltage 2.0 V .. 4.2 V, current 10 mA }`",
  repeatBlock: "a loop reads `repeat 10 { … }` or `repeat 1000 until discharge capacity < 80 % of cycle 1 { … }`",
  loopCondition: "a loop condition reads `discharge capacity < 80 % of cycle 1`",
  reference: "write `80 % of nominal` in a step, `80 % of cycle 1` in a loop condition",
  forSweep: "a sweep reads `for rate in [0.5C, 1C, 2C] { … }`",
  cycleAction: "write `after cycle 10, 60 { … }` or `every 100 cycles { … }` inside a repeat",
  atTemperature: "a temperature block reads `at -20 °C, settle 2 h { … }`",
  section: 'a section reads `section "formation" { … }`',
  stopIf: "a guard reads `stop if discharge capacity < 80 % of cycle 1`",
  sequenceCall: "a call reads `plate_strip(0.1 mA/cm2, 1 h)` or `plate_strip(j = 0.1 mA/cm2)`",
  callArgument: "a call reads `plate_strip(0.1 mA/cm2, 1 h)` or `plate_strip(j = 0.1 mA/cm2)`",
  protocolHeader: 'the title reads `protocol "Rate capability at 60 °C"`',
  metadata: 'metadata reads `cite "Shen et al. (2026)", figure "3e"`',
  metadataEntry: 'metadata reads `cite "Shen et al. (2026)", figure "3e"`',
  importDecl: 'an import reads `import "cells/na-cge-nvp.btp"`',
  useCell: 'write `use cell na_cge_nvp` or `use cell "cells/na-cge-nvp.btp"`',
  paramDecl: "a parameter reads `param cycles_per_rate = 5` or `param rate: c-rate = 1C`",
  typeName: "a type reads `current`, `c-rate`, `current density`, `time`, `voltage`, `count` …",
  sequenceDecl: "a sequence reads `sequence plate_strip(j: current density, t: time = 1 h) { … }`",
  sequenceParam: "a sequence reads `sequence plate_strip(j: current density, t: time = 1 h) { … }`",
  cellDecl: 'a cell reads `cell my_cell "title" { kind full, area 1.13 cm2 }`',
  cellBlock: "cell properties read `{ kind full, area 1.13 cm2, window 2.3 V .. 3.9 V }`",
  cellProperty: "cell properties read `{ kind full, area 1.13 cm2, window 2.3 V .. 3.9 V }`",
  list: "a list reads `[0.5C, 1C, 2C]`",
  block: "a block reads `{ charge at 1C until 4.2 V; discharge at 1C until 2.5 V }`",
  primary: "values have units: `3.9 V`, `0.5C`, `C/20`, `2 h`, `0.1 mA/cm2`; counts are bare numbers",
  expression: "values have units: `3.9 V`, `0.5C`, `C/20`, `2 h`, `0.1 mA/cm2`; counts are bare numbers",
};

export function describeToken(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF) return "the end of the text";
  if (token.tokenType.name === "Newline") return "the end of the line";
  const oneLine = token.image.replace(/\s+/g, " ");
  return `\`${oneLine.length > 30 ? `${oneLine.slice(0, 29)}…` : oneLine}\``;
}

function describeType(type: TokenType): string {
  if (type.name === "Separator") return "a new line or `;`";
  if (type.name === "Word") return "a word";
  if (type.name === "Comparator") return "a comparison (`<`, `<=`, `>`, `>=`)";
  return type.LABEL ?? type.name;
}

function afterPrevious(previous: IToken | undefined): string {
  if (!previous || previous.tokenType === EOF || !previous.image) return "";
  return ` after ${describeToken(previous)}`;
}

export const btpErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    if (expected.name === "RCurly") return `expected \`}\` to close the block, found ${describeToken(actual)}`;
    if (expected.name === "At" && ruleName === "chargeStep") {
      return `expected \`at\` after ${describeToken(previous)} (for example \`${previous.image.toLowerCase()} at 0.5C until 3.9 V\`), found ${describeToken(actual)}`;
    }
    if (expected.name === "Identifier" && actual.tokenType.CATEGORIES?.some((c) => c.name === "Keyword")) {
      return `expected a name${afterPrevious(previous)}, found \`${actual.image}\`, which is a reserved word`;
    }
    return `expected ${describeType(expected)}${afterPrevious(previous)}, found ${describeToken(actual)}`;
  },

  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}`;
  },

  buildNoViableAltMessage({ actual, previous, customUserDescription, ruleName }) {
    // `primary` names itself "a value" in the grammar; say what a value looks like.
    const wanted =
      customUserDescription === "a value"
        ? RULE_DESCRIPTIONS["primary"]!
        : (customUserDescription ?? RULE_DESCRIPTIONS[ruleName] ?? "something else");
    return `expected ${wanted}${afterPrevious(previous)}, found ${describeToken(actual[0])}`;
  },

  buildEarlyExitMessage({ actual, previous, customUserDescription, ruleName }) {
    const wanted = customUserDescription ?? RULE_DESCRIPTIONS[ruleName] ?? "something else";
    return `expected ${wanted}${afterPrevious(previous)}, found ${describeToken(actual[0])}`;
  },
};
