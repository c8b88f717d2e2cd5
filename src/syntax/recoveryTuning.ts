// Two adjustments to chevrotain's error recovery, so that text full of errors (random bytes, a
// binary file, a half-pasted document) parses in linear time. Both replace internal methods of
// chevrotain 11.2 (the version is pinned in package.json); test/syntax/robustness.test.ts
// measures the effect.
//
// 1. "Repetition re-sync" is switched off. At every `MANY` that stops on an unexpected token it
//    scans ahead for a token to re-synchronise on — when none is near, to the end of the input —
//    which is quadratic overall. The grammar's own `unknownStatement` rule and chevrotain's
//    rule-level re-sync (to the next newline) recover well without it.
// 2. The follow sets used for single-token insertion and deletion are memoised. Chevrotain walks
//    the grammar afresh for every error (milliseconds each); the answer depends only on where in
//    the grammar the error happened.

import type { TokenType } from "chevrotain";

interface GrammarPath {
  ruleStack: string[];
  occurrenceStack: number[];
}

interface RecoveryInternals {
  attemptInRepetitionRecovery: (...args: unknown[]) => void;
  getFollowsForInRuleRecovery: (tokType: TokenType, tokIdxInRule: number) => TokenType[];
  getCurrentGrammarPath: (tokType: TokenType, tokIdxInRule: number) => GrammarPath;
  getNextPossibleTokenTypes: (path: GrammarPath) => TokenType[];
}

/** Bound on remembered follow sets (distinct error places); adversarial input cannot grow it
 * without limit. */
const MAX_CACHED_PATHS = 5000;

export function tuneRecovery(parser: object): void {
  const internals = parser as RecoveryInternals;
  if (
    typeof internals.getCurrentGrammarPath !== "function" ||
    typeof internals.getNextPossibleTokenTypes !== "function"
  ) {
    // A different chevrotain: keep its own behaviour rather than guess.
    return;
  }
  internals.attemptInRepetitionRecovery = () => {};

  const followsByPath = new Map<string, TokenType[]>();
  internals.getFollowsForInRuleRecovery = (tokType, tokIdxInRule) => {
    const path = internals.getCurrentGrammarPath(tokType, tokIdxInRule);
    const key = `${path.ruleStack.join(">")}|${path.occurrenceStack.join(",")}|${tokType.name}|${tokIdxInRule}`;
    let follows = followsByPath.get(key);
    if (follows === undefined) {
      follows = internals.getNextPossibleTokenTypes(path);
      if (followsByPath.size >= MAX_CACHED_PATHS) followsByPath.clear();
      followsByPath.set(key, follows);
    }
    return follows;
  };
}
