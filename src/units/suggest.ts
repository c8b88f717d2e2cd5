// "Did you mean …?" for unit spellings. Runs only when parsing failed, and the parser caches
// results, so a linear scan over a few hundred candidates is plenty fast.

import { BASE_UNITS, MISSPELLINGS, PREFIXES, UNIT_BY_SPELLING, prefixApplies } from "./catalogue.js";

/** Prefixes worth suggesting; `p` and `G` and the Greek mu are accepted but would mostly produce
 * odd guesses (`pA`, `GHz`), so they only appear when typed. */
const SUGGESTED_PREFIXES = new Set(["n", "u", "µ", "m", "c", "k", "M"]);

let candidateCache: string[] | null = null;

/** Every spelling worth proposing: the base spellings first (they win ties), then prefixed ones. */
function candidates(): string[] {
  if (candidateCache) return candidateCache;
  const list: string[] = BASE_UNITS.flatMap((base) => [...base.spellings]);
  for (const base of BASE_UNITS) {
    for (const spelling of base.spellings) {
      for (const prefix of PREFIXES) {
        if (SUGGESTED_PREFIXES.has(prefix.spelling) && prefixApplies(prefix, base, spelling))
          list.push(prefix.spelling + spelling);
      }
    }
  }
  candidateCache = list;
  return list;
}

/** The nearest accepted spelling to a single unknown symbol (no separators, no exponent), or
 * undefined when nothing is close enough to be a plausible typo. */
export function suggestSymbol(symbol: string): string | undefined {
  const known = MISSPELLINGS.get(symbol.toLowerCase().replace(/\s+/g, " ").trim());
  if (known !== undefined) return known;
  if (symbol.length > 24) return undefined;

  let best: string | undefined;
  let bestCost = Infinity;
  const allowed = allowedCost(symbol);
  const length = [...symbol].length;
  for (const candidate of candidates()) {
    // Each inserted or deleted character costs 1, so a length gap beyond the allowance rules a
    // candidate out without filling a table.
    if (Math.abs([...candidate].length - length) > allowed) continue;
    const cost = typoCost(symbol, candidate);
    if (cost < bestCost) {
      best = candidate;
      bestCost = cost;
    }
  }
  const near = best !== undefined && bestCost <= allowed ? best : undefined;
  if (near !== undefined && bestCost < 1) return near; // only letter case was wrong: `KHz`, `mAH`
  // `mAhg` is `mAh·g` with the separator forgotten, even though it is one letter from `mAh`;
  // but a trailing `s` is more often a plural (`Ohms`) than seconds.
  const split = splitIntoTwoUnits(symbol);
  if (split !== undefined && (near === undefined || !split.endsWith("·s"))) return split;
  return near;
}

/** Short symbols allow only a case slip (`v` → `V`); longer ones allow a real typo or two. */
function allowedCost(symbol: string): number {
  const length = [...symbol].length;
  if (length <= 2) return 0.5;
  if (length <= 5) return 1;
  return 2;
}

/** `mAcm` is `mA·cm` with the separator forgotten. */
function splitIntoTwoUnits(symbol: string): string | undefined {
  for (let i = 1; i < symbol.length; i++) {
    const left = symbol.slice(0, i);
    const right = symbol.slice(i);
    if (isKnownSymbol(left) && isKnownSymbol(right)) return `${left}·${right}`;
  }
  return undefined;
}

function isKnownSymbol(symbol: string): boolean {
  if (UNIT_BY_SPELLING.has(symbol)) return true;
  return PREFIXES.some((prefix) => {
    if (!symbol.startsWith(prefix.spelling)) return false;
    const rest = symbol.slice(prefix.spelling.length);
    const base = UNIT_BY_SPELLING.get(rest);
    return base !== undefined && prefixApplies(prefix, base, rest);
  });
}

/**
 * Damerau–Levenshtein distance (optimal string alignment) where a substitution that only changes
 * letter case costs 0.5: `mAH` is nearer `mAh` than `MAh`, and `MHZ` nearer `MHz` than `mHz`.
 */
export function typoCost(typed: string, known: string): number {
  const a = [...typed];
  const b = [...known];
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const x = a[i - 1]!;
      const y = b[j - 1]!;
      const substitution = x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? 0.5 : 1;
      let cost = Math.min(table[i - 1]![j]! + 1, table[i]![j - 1]! + 1, table[i - 1]![j - 1]! + substitution);
      if (i > 1 && j > 1 && x === b[j - 2] && a[i - 2] === y) cost = Math.min(cost, table[i - 2]![j - 2]! + 1);
      table[i]![j] = cost;
    }
  }
  return table[a.length]![b.length]!;
}
