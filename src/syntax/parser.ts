// The btp grammar as a chevrotain CstParser. grammar/btp.ebnf is the readable reference; every
// rule here has a rule of the same name there (test/syntax/grammar-sync.test.ts keeps them in
// step). The parser only builds a concrete syntax tree; toAst.ts turns it into the typed AST and
// makes the checks that are easier on whole nodes (separators between statements, known
// subjects after `until`, clauses given twice).
//
// Conventions:
// - A statement ends at a Separator (newline or `;`). Statements and their separators are read
//   by one loop; toAst.ts reports two statements on one line without a `;` between them.
// - Lists of cell properties and limits accept `,`, `;` or newlines between items.
// - Every text that is not a statement is swallowed by `unknownStatement` up to the end of its
//   line, so one typo gives one diagnostic and parsing carries on at the next line.

import { CstParser, tokenMatcher, type IOrAlt, type IToken, type OrMethodOpts, type TokenType } from "chevrotain";
import * as t from "./tokens.js";
import { btpErrorMessages } from "./errorMessages.js";
import { tuneRecovery } from "./recoveryTuning.js";
import { compactCstNodes } from "./compactCst.js";

const K = t.keywordTokens;

/** First words of cell property keys that always take a second word (`nominal capacity`). */
const TWO_WORD_KEY_PREFIXES: ReadonlySet<string> = new Set(["nominal", "active", "specific"]);

function validateGrammar(): boolean {
  return process.env["VITEST"] !== undefined || process.env["BTP_VALIDATE_GRAMMAR"] === "1";
}

export class BtpParser extends CstParser {
  constructor() {
    super(t.allTokens, {
      recoveryEnabled: true,
      nodeLocationTracking: "full",
      maxLookahead: 3,
      skipValidations: !validateGrammar(),
      errorMessageProvider: btpErrorMessages,
    });
    this.performSelfAnalysis();
    tuneRecovery(this);
    compactCstNodes(this);
  }

  /** Recovery never invents an opening bracket: `repeat 3` without its `{` would otherwise
   * open a block that only the end of the file closes, and a file of such lines would nest
   * without bound (the bracket pre-scan only sees real brackets). */
  override canTokenTypeBeInsertedInRecovery(tokType: TokenType): boolean {
    return tokType !== t.LCurly && tokType !== t.LParen && tokType !== t.LBracket;
  }

  /** Stop reading once this many errors are found: nobody reads more, and on garbage input the
   * recovery work per error adds up. */
  static readonly MAX_ERRORS = 1000;

  private belowErrorLimit(): boolean {
    return this.errors.length < BtpParser.MAX_ERRORS;
  }

  private is(k: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(k), type);
  }

  /** An identifier starts a statement only as a sequence call, `name(`; otherwise it is an
   * unknown statement (a typo such as `chrage at 1C`), reported with a suggestion. */
  private startsStatement(): boolean {
    return !this.is(1, t.Identifier) || this.is(2, t.LParen);
  }

  // ---------------------------------------------------------------------------- file & blocks

  public file = this.RULE("file", () => {
    this.MANY({
      GATE: () => this.belowErrorLimit(),
      DEF: () => this.OR(this.fileItem),
    });
  });

  // Alternatives of the `OR`s met on every line (or every value) are built once: chevrotain
  // reads them afresh at each call, and a new array of closures per call is garbage that slows a
  // large file down (chevrotain's performance guide recommends this for four or more).

  private readonly fileItem: OrMethodOpts<unknown> = {
    // One token decides (gates settle identifiers); deeper lookahead over the catch-all
    // unknownStatement alternative would explode at grammar analysis.
    MAX_LOOKAHEAD: 1,
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: () => this.CONSUME(t.Separator) },
      { ALT: () => this.SUBRULE(this.declaration) },
      {
        GATE: () => this.startsStatement(),
        ALT: () => this.SUBRULE(this.statement),
      },
      // A `}` with no block open: the bracket pre-scan reports it.
      { ALT: () => this.CONSUME(t.RCurly) },
      { ALT: () => this.SUBRULE(this.unknownStatement) },
    ],
  };

  public block = this.RULE("block", () => {
    this.CONSUME(t.LCurly);
    this.MANY({
      GATE: () => this.belowErrorLimit(),
      DEF: () => this.OR(this.blockItem),
    });
    this.CONSUME(t.RCurly);
  });

  private readonly blockItem: OrMethodOpts<unknown> = {
    MAX_LOOKAHEAD: 1,
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { ALT: () => this.CONSUME(t.Separator) },
      {
        GATE: () => this.startsStatement(),
        ALT: () => this.SUBRULE(this.statement),
      },
      // Declarations belong at the top level; toAst.ts says so.
      { ALT: () => this.SUBRULE(this.declaration) },
      { ALT: () => this.SUBRULE(this.unknownStatement) },
    ],
  };

  /** Anything that does not start a statement, up to the end of the line (and a block that
   * follows, so that its `}` does not close the enclosing block). */
  public unknownStatement = this.RULE("unknownStatement", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(t.Identifier) }, { ALT: () => this.CONSUME(t.NonStarter) }]);
          this.MANY(() => {
            this.OR3([{ ALT: () => this.CONSUME(t.InlineToken) }, { ALT: () => this.CONSUME(t.Comma) }]);
          });
          this.OPTION(() => this.SUBRULE(this.block));
        },
      },
      { ALT: () => this.SUBRULE2(this.block) },
    ]);
  });

  // ---------------------------------------------------------------------------- declarations

  public declaration = this.RULE("declaration", () => {
    this.OR(this.declarationKinds);
  });

  private readonly declarationKinds: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.protocolHeader) },
    { ALT: () => this.SUBRULE(this.metadata) },
    { ALT: () => this.SUBRULE(this.importDecl) },
    { ALT: () => this.SUBRULE(this.useCell) },
    { ALT: () => this.SUBRULE(this.paramDecl) },
    { ALT: () => this.SUBRULE(this.sequenceDecl) },
    { ALT: () => this.SUBRULE(this.cellDecl) },
  ];

  public protocolHeader = this.RULE("protocolHeader", () => {
    this.CONSUME(K.protocol);
    this.CONSUME(t.StringLiteral);
  });

  /** `cite "…", figure "3e"`: several key–string pairs on one line. */
  public metadata = this.RULE("metadata", () => {
    this.SUBRULE(this.metadataEntry);
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(t.Comma));
      this.SUBRULE2(this.metadataEntry);
    });
  });

  public metadataEntry = this.RULE("metadataEntry", () => {
    this.CONSUME(t.MetadataKey);
    this.CONSUME(t.StringLiteral);
  });

  public importDecl = this.RULE("importDecl", () => {
    this.CONSUME(K.import);
    this.CONSUME(t.StringLiteral);
  });

  public useCell = this.RULE("useCell", () => {
    this.CONSUME(K.use);
    this.CONSUME(K.cell);
    this.OR([{ ALT: () => this.CONSUME(t.Identifier) }, { ALT: () => this.CONSUME(t.StringLiteral) }]);
  });

  public paramDecl = this.RULE("paramDecl", () => {
    this.CONSUME(K.param);
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.Colon);
      this.SUBRULE(this.typeName);
    });
    this.CONSUME(t.Equals);
    this.SUBRULE(this.expression);
  });

  /** `current density`, `c-rate`, `time`: words, optionally joined by `-`. */
  public typeName = this.RULE("typeName", () => {
    this.CONSUME(t.Word);
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(t.Minus));
      this.CONSUME2(t.Word);
    });
  });

  public sequenceDecl = this.RULE("sequenceDecl", () => {
    this.CONSUME(K.sequence);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.sequenceParam);
      this.MANY({
        GATE: () => !this.is(2, t.RParen),
        DEF: () => {
          this.CONSUME(t.Comma);
          this.SUBRULE2(this.sequenceParam);
        },
      });
      this.OPTION2(() => this.CONSUME2(t.Comma));
    });
    this.CONSUME(t.RParen);
    this.SUBRULE(this.block);
  });

  public sequenceParam = this.RULE("sequenceParam", () => {
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.Colon);
      this.SUBRULE(this.typeName);
    });
    this.OPTION2(() => {
      this.CONSUME(t.Equals);
      this.SUBRULE(this.expression);
    });
  });

  public cellDecl = this.RULE("cellDecl", () => {
    this.CONSUME(K.cell);
    this.OPTION(() => this.CONSUME(t.Identifier));
    this.OPTION2(() => this.CONSUME(t.StringLiteral));
    this.SUBRULE(this.cellBlock);
  });

  public cellBlock = this.RULE("cellBlock", () => {
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Separator) },
        { ALT: () => this.CONSUME(t.Comma) },
        { ALT: () => this.SUBRULE(this.cellProperty) },
      ]);
    });
    this.CONSUME(t.RCurly);
  });

  /** `kind full`, `area 1.13 cm2`, `window 2.3 V .. 3.9 V`, `format "CR2032"`,
   * `cathode NVP-K0.05 { active mass 2.5 mg, specific capacity 117.6 mAh/g }`. */
  public cellProperty = this.RULE("cellProperty", () => {
    const first = this.CONSUME(t.Word);
    this.OPTION({
      GATE: () => TWO_WORD_KEY_PREFIXES.has(first.image.toLowerCase()) && this.is(1, t.Word),
      DEF: () => this.CONSUME2(t.Word),
    });
    this.OPTION2(() => {
      this.OR({
        MAX_LOOKAHEAD: 1,
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            ALT: () => {
              this.CONSUME(t.StringLiteral);
              this.OPTION3(() => this.SUBRULE(this.cellBlock));
            },
          },
          { ALT: () => this.SUBRULE2(this.cellBlock) },
          {
            GATE: () => this.is(1, t.Word),
            ALT: () => {
              this.SUBRULE(this.cellWords);
              this.OPTION4(() => this.SUBRULE3(this.cellBlock));
            },
          },
          {
            GATE: () => !this.is(1, t.Word),
            ALT: () => {
              this.SUBRULE(this.expression);
              this.OPTION5(() => {
                this.CONSUME(t.Range);
                this.SUBRULE2(this.expression);
              });
            },
          },
        ],
      });
    });
  });

  /** Free text such as `full` or `NVP-K0.05`: a word, then anything up to the end of the item. */
  public cellWords = this.RULE("cellWords", () => {
    this.CONSUME(t.Word);
    this.MANY(() => this.CONSUME(t.InlineToken));
  });

  // ---------------------------------------------------------------------------- statements

  public statement = this.RULE("statement", () => {
    this.OR(this.statementKinds);
  });

  private readonly statementKinds: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.chargeStep) },
    { ALT: () => this.SUBRULE(this.holdStep) },
    { ALT: () => this.SUBRULE(this.restStep) },
    { ALT: () => this.SUBRULE(this.ocvStep) },
    { ALT: () => this.SUBRULE(this.eisStep) },
    { ALT: () => this.SUBRULE(this.sweepStep) },
    { ALT: () => this.SUBRULE(this.cvStep) },
    { ALT: () => this.SUBRULE(this.temperatureStep) },
    { ALT: () => this.SUBRULE(this.pauseStep) },
    { ALT: () => this.SUBRULE(this.repeatBlock) },
    { ALT: () => this.SUBRULE(this.forSweep) },
    { ALT: () => this.SUBRULE(this.cycleAction) },
    { ALT: () => this.SUBRULE(this.atTemperature) },
    { ALT: () => this.SUBRULE(this.section) },
    { ALT: () => this.SUBRULE(this.stopIf) },
    { ALT: () => this.SUBRULE(this.sequenceCall) },
    { ALT: () => this.SUBRULE(this.limitsBlock) },
    { ALT: () => this.SUBRULE(this.recordRule) },
  ];

  public repeatBlock = this.RULE("repeatBlock", () => {
    this.CONSUME(K.repeat);
    // The count is required; toAst.ts explains a missing one better than a parse error would.
    this.OPTION(() => this.SUBRULE(this.expression));
    this.OPTION2(() => this.CONSUME(K.times));
    this.OPTION3(() => {
      this.CONSUME(K.until);
      this.SUBRULE(this.loopCondition);
    });
    this.SUBRULE(this.block);
  });

  /** `discharge capacity < 80 % of cycle 1`, `end voltage < 3 V`, `coulombic efficiency < 99 %`. */
  public loopCondition = this.RULE("loopCondition", () => {
    this.OR([
      { ALT: () => this.CONSUME(K.charge) },
      { ALT: () => this.CONSUME(K.discharge) },
      { ALT: () => this.CONSUME(t.Identifier) },
    ]);
    // Required, but toAst.ts names a one-word subject (`capacity < …`) better than a parse error.
    this.OPTION2(() => this.CONSUME(t.Word));
    this.CONSUME(t.Comparator);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.SUBRULE(this.reference));
  });

  /** `of nominal` or `of cycle 1`: what a percentage is a percentage of. */
  public reference = this.RULE("reference", () => {
    this.CONSUME(K.of);
    this.OR([
      { ALT: () => this.CONSUME(K.nominal) },
      {
        ALT: () => {
          this.CONSUME(K.cycle);
          this.SUBRULE(this.expression);
        },
      },
    ]);
  });

  public forSweep = this.RULE("forSweep", () => {
    this.CONSUME(K.for);
    this.CONSUME(t.Identifier);
    this.CONSUME(K.in);
    this.SUBRULE(this.expression);
    this.SUBRULE(this.block);
  });

  public cycleAction = this.RULE("cycleAction", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.after);
          this.CONSUME(t.CycleWord);
          this.SUBRULE(this.expression);
          this.MANY(() => {
            this.CONSUME(t.Comma);
            this.SUBRULE2(this.expression);
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.every);
          this.SUBRULE3(this.expression);
          this.CONSUME2(t.CycleWord);
        },
      },
    ]);
    this.SUBRULE(this.block);
  });

  public atTemperature = this.RULE("atTemperature", () => {
    this.CONSUME(K.at);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.CONSUME(t.Comma));
    this.OPTION2(() => this.SUBRULE(this.settle));
    this.SUBRULE(this.block);
  });

  /** `settle 2 h`, `settle until stable`, or either in parentheses. */
  public settle = this.RULE("settle", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.LParen);
          this.SUBRULE(this.settleBody);
          this.CONSUME(t.RParen);
        },
      },
      { ALT: () => this.SUBRULE2(this.settleBody) },
    ]);
  });

  public settleBody = this.RULE("settleBody", () => {
    this.CONSUME(K.settle);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.until);
          this.CONSUME(K.stable);
        },
      },
      { ALT: () => this.SUBRULE(this.expression) },
    ]);
  });

  public section = this.RULE("section", () => {
    this.CONSUME(K.section);
    this.CONSUME(t.StringLiteral);
    this.SUBRULE(this.block);
  });

  public stopIf = this.RULE("stopIf", () => {
    this.CONSUME(K.stop);
    this.CONSUME(K.if);
    this.SUBRULE(this.loopCondition);
  });

  public sequenceCall = this.RULE("sequenceCall", () => {
    this.CONSUME(t.Identifier);
    this.CONSUME(t.LParen);
    this.OPTION(() => {
      this.SUBRULE(this.callArgument);
      this.MANY({
        GATE: () => !this.is(2, t.RParen),
        DEF: () => {
          this.CONSUME(t.Comma);
          this.SUBRULE2(this.callArgument);
        },
      });
      this.OPTION2(() => this.CONSUME2(t.Comma));
    });
    this.CONSUME(t.RParen);
  });

  public callArgument = this.RULE("callArgument", () => {
    this.OPTION(() => {
      this.CONSUME(t.Identifier);
      this.CONSUME(t.Equals);
    });
    this.SUBRULE(this.expression);
  });

  // ---------------------------------------------------------------------------- steps

  public chargeStep = this.RULE("chargeStep", () => {
    this.OR([{ ALT: () => this.CONSUME(K.charge) }, { ALT: () => this.CONSUME(K.discharge) }]);
    this.CONSUME(K.at);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.SUBRULE(this.stepEnd));
    this.OPTION2(() => this.SUBRULE(this.thenHold));
    this.SUBRULE(this.stepOptions);
  });

  /** `then hold [at 4.2 V] until C/20`: the CV part of a CC-CV step. */
  public thenHold = this.RULE("thenHold", () => {
    this.CONSUME(K.then);
    this.CONSUME(K.hold);
    this.OPTION(() => {
      this.CONSUME(K.at);
      this.SUBRULE(this.expression);
    });
    this.OPTION2(() => this.SUBRULE(this.stepEnd));
  });

  public holdStep = this.RULE("holdStep", () => {
    this.CONSUME(K.hold);
    this.CONSUME(K.at);
    this.SUBRULE(this.expression);
    this.OPTION(() => this.SUBRULE(this.stepEnd));
    this.SUBRULE(this.stepOptions);
  });

  public restStep = this.RULE("restStep", () => {
    this.CONSUME(K.rest);
    this.OPTION(() => this.SUBRULE(this.stepEnd));
    this.SUBRULE(this.stepOptions);
  });

  public ocvStep = this.RULE("ocvStep", () => {
    this.CONSUME(K.ocv);
    this.OPTION(() => this.SUBRULE(this.stepEnd));
    this.SUBRULE(this.stepOptions);
  });

  public eisStep = this.RULE("eisStep", () => {
    this.CONSUME(K.eis);
    this.CONSUME(K.from);
    this.SUBRULE(this.expression);
    this.CONSUME(K.to);
    this.SUBRULE2(this.expression);
    // Two tokens tell a clause (`, amplitude`) from a step option (`, record`); deeper
    // lookahead through expressions only slows grammar analysis down.
    this.MANY({
      MAX_LOOKAHEAD: 2,
      DEF: () => {
        this.OPTION(() => this.CONSUME(t.Comma));
        this.SUBRULE(this.eisClause);
      },
    });
    this.SUBRULE(this.stepOptions);
  });

  public eisClause = this.RULE("eisClause", () => {
    this.OR(this.eisClauseKinds);
  });

  private readonly eisClauseKinds: IOrAlt<unknown>[] = [
    {
      ALT: () => {
        this.CONSUME(K.amplitude);
        this.SUBRULE(this.expression);
      },
    },
    {
      ALT: () => {
        this.CONSUME(K.at);
        this.SUBRULE2(this.expression);
      },
    },
    {
      ALT: () => {
        this.CONSUME(K.bias);
        this.SUBRULE3(this.expression);
      },
    },
    {
      ALT: () => {
        this.SUBRULE4(this.expression);
        this.CONSUME(K.points);
        this.CONSUME(K.per);
        this.CONSUME(K.decade);
      },
    },
  ];

  public sweepStep = this.RULE("sweepStep", () => {
    this.CONSUME(K.sweep);
    this.CONSUME(K.from);
    this.SUBRULE(this.expression);
    this.CONSUME(K.to);
    this.SUBRULE2(this.expression);
    this.OPTION(() => this.CONSUME(t.Comma));
    this.CONSUME(K.at);
    this.SUBRULE3(this.expression);
    this.SUBRULE(this.stepOptions);
  });

  public cvStep = this.RULE("cvStep", () => {
    this.CONSUME(K.cv);
    this.CONSUME(K.between);
    this.SUBRULE(this.expression);
    this.CONSUME(K.and);
    this.SUBRULE2(this.expression);
    this.OPTION(() => this.CONSUME(t.Comma));
    this.CONSUME(K.at);
    this.SUBRULE3(this.expression);
    this.MANY({
      MAX_LOOKAHEAD: 2,
      DEF: () => {
        this.OPTION2(() => this.CONSUME2(t.Comma));
        this.SUBRULE(this.cvClause);
      },
    });
    this.SUBRULE(this.stepOptions);
  });

  /** `3 cycles` or `start at ocv`. */
  public cvClause = this.RULE("cvClause", () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.expression);
          this.CONSUME(t.CycleWord);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.start);
          this.CONSUME(K.at);
          this.SUBRULE2(this.expression);
        },
      },
    ]);
  });

  public temperatureStep = this.RULE("temperatureStep", () => {
    this.CONSUME(K.temperature);
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.OPTION2(() => this.CONSUME(t.Comma));
      this.SUBRULE(this.settle);
    });
    this.SUBRULE(this.stepOptions);
  });

  public pauseStep = this.RULE("pauseStep", () => {
    this.CONSUME(K.pause);
    this.CONSUME(t.StringLiteral);
    this.SUBRULE(this.stepOptions);
  });

  // ---------------------------------------------------------------------------- step ends

  /** `for 2 h`, `until 3.9 V`, `for 1 h or until 4.1 V`, `until 4.2 V or 3 h`,
   * `for 1h until > 5A`. */
  public stepEnd = this.RULE("stepEnd", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(K.for);
          this.SUBRULE(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(K.until);
          this.SUBRULE(this.endCondition);
        },
      },
    ]);
    this.MANY(() => {
      this.OR2([
        {
          ALT: () => {
            this.OPTION(() => this.CONSUME(K.or));
            this.OR3([
              {
                ALT: () => {
                  this.CONSUME2(K.for);
                  this.SUBRULE2(this.expression);
                },
              },
              {
                ALT: () => {
                  this.CONSUME2(K.until);
                  this.SUBRULE2(this.endCondition);
                },
              },
            ]);
          },
        },
        {
          ALT: () => {
            this.CONSUME2(K.or);
            this.SUBRULE3(this.endCondition);
          },
        },
      ]);
    });
  });

  /** `[voltage] [>] 3.9 V [of nominal]`. The subject word is matched by text so that `voltage`
   * stays usable as a name elsewhere. */
  public endCondition = this.RULE("endCondition", () => {
    this.OPTION({
      GATE: () => this.startsConditionSubject(),
      DEF: () => {
        this.OR([{ ALT: () => this.CONSUME(t.Identifier) }, { ALT: () => this.CONSUME(K.temperature) }]);
      },
    });
    this.OPTION2(() => this.CONSUME(t.Comparator));
    this.SUBRULE(this.expression);
    this.OPTION3(() => this.SUBRULE(this.reference));
  });

  private startsConditionSubject(): boolean {
    const word = this.LA(1);
    const isSubject =
      tokenMatcher(word, K.temperature) ||
      (tokenMatcher(word, t.Identifier) && CONDITION_SUBJECT_WORDS.has(word.image.toLowerCase()));
    if (!isSubject) return false;
    const next = this.LA(2);
    // `until voltage > 3 V` names the subject; `until voltage` alone refers to a parameter.
    return (
      tokenMatcher(next, t.Comparator) ||
      tokenMatcher(next, t.Quantity) ||
      tokenMatcher(next, t.NumberLiteral) ||
      tokenMatcher(next, t.CRate) ||
      tokenMatcher(next, t.Minus) ||
      tokenMatcher(next, t.LParen) ||
      tokenMatcher(next, t.Identifier) ||
      tokenMatcher(next, K.ocv)
    );
  }

  /** Options after a step: `, record every 1 s`, `, limits { … }`, `, label "…"`, and PyBaMM's
   * `(1 minute period)`. */
  public stepOptions = this.RULE("stepOptions", () => {
    this.MANY(() => {
      this.OPTION(() => this.CONSUME(t.Comma));
      this.OR(this.stepOptionKinds);
    });
  });

  private readonly stepOptionKinds: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.recordRule) },
    { ALT: () => this.SUBRULE(this.limitsBlock) },
    {
      ALT: () => {
        this.CONSUME(K.label);
        this.CONSUME(t.StringLiteral);
      },
    },
    { ALT: () => this.SUBRULE(this.periodOption) },
  ];

  /** PyBaMM's `(2 minute period)`: the same as `record every 2 minute`. */
  public periodOption = this.RULE("periodOption", () => {
    this.CONSUME(t.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.RParen);
  });

  public recordRule = this.RULE("recordRule", () => {
    this.CONSUME(K.record);
    this.CONSUME(K.every);
    this.SUBRULE(this.expression);
    this.MANY(() => {
      this.CONSUME(K.or);
      this.SUBRULE2(this.expression);
    });
  });

  public limitsBlock = this.RULE("limitsBlock", () => {
    this.CONSUME(K.limits);
    this.CONSUME(t.LCurly);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Separator) },
        { ALT: () => this.CONSUME(t.Comma) },
        { ALT: () => this.SUBRULE(this.limitItem) },
      ]);
    });
    this.CONSUME(t.RCurly);
  });

  /** `voltage 2.0 V .. 4.2 V`, `current 10 mA`. */
  public limitItem = this.RULE("limitItem", () => {
    this.CONSUME(t.Word);
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.CONSUME(t.Range);
      this.SUBRULE2(this.expression);
    });
  });

  // ---------------------------------------------------------------------------- expressions

  public expression = this.RULE("expression", () => {
    this.SUBRULE(this.term);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(t.Plus) }, { ALT: () => this.CONSUME(t.Minus) }]);
      this.SUBRULE2(this.term);
    });
  });

  public term = this.RULE("term", () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(t.Star) }, { ALT: () => this.CONSUME(t.Slash) }]);
      this.SUBRULE2(this.unary);
    });
  });

  /** Signs are a loop, not a recursion, so `- - - - 1` cannot exhaust the stack. */
  public unary = this.RULE("unary", () => {
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(t.Plus) }, { ALT: () => this.CONSUME(t.Minus) }]);
    });
    this.SUBRULE(this.primary);
  });

  public primary = this.RULE("primary", () => {
    this.OR(this.primaryKinds);
  });

  private readonly primaryKinds: OrMethodOpts<unknown> = {
    DEF: [
      { ALT: () => this.CONSUME(t.Quantity) },
      { ALT: () => this.CONSUME(t.NumberLiteral) },
      { ALT: () => this.CONSUME(t.CRate) },
      { ALT: () => this.CONSUME(t.Identifier) },
      { ALT: () => this.CONSUME(K.ocv) },
      {
        ALT: () => {
          this.CONSUME(t.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(t.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.list) },
    ],
    ERR_MSG: "a value",
  };

  public list = this.RULE("list", () => {
    this.CONSUME(t.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY({
        GATE: () => !this.is(2, t.RBracket),
        DEF: () => {
          this.CONSUME(t.Comma);
          this.SUBRULE2(this.expression);
        },
      });
      this.OPTION2(() => this.CONSUME2(t.Comma));
    });
    this.CONSUME(t.RBracket);
  });

  // ---------------------------------------------------------------------------- entry points

  /** One expression alone (`--set rate=0.5C`, a YAML value). */
  public expressionText = this.RULE("expressionText", () => {
    this.SUBRULE(this.expression);
  });

  /** One statement alone (a PyBaMM-like YAML step). Extra statements are reported by toAst. */
  public statementText = this.RULE("statementText", () => {
    this.MANY({
      GATE: () => this.belowErrorLimit(),
      DEF: () => {
        this.OR({
          MAX_LOOKAHEAD: 1,
          IGNORE_AMBIGUITIES: true,
          DEF: [
            { ALT: () => this.CONSUME(t.Separator) },
            {
              GATE: () => this.startsStatement(),
              ALT: () => this.SUBRULE(this.statement),
            },
            // Parsed only to say that a declaration is not a step.
            { ALT: () => this.SUBRULE(this.declaration) },
            { ALT: () => this.SUBRULE(this.unknownStatement) },
          ],
        });
      },
    });
  });
}

/** Words that may name what an `until` condition watches. */
export const CONDITION_SUBJECT_WORDS: ReadonlySet<string> = new Set([
  "voltage",
  "current",
  "capacity",
  "time",
  "temperature",
]);

let parserInstance: BtpParser | null = null;

/** The one parser of the process (building it analyses the grammar; reuse is much faster). */
export function btpParser(): BtpParser {
  parserInstance ??= new BtpParser();
  return parserInstance;
}

export type { IToken };
