// "Did you mean …?" for misspelt keywords: the nearest candidate by edit distance, counting a
// swap of two neighbouring letters as one edit (`chrage` → `charge`).

/** Optimal-string-alignment distance between two short words. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The candidate closest to `word`, if it is close enough to be a plausible typo: at most one
 * edit for short words, two for words of six letters or more. */
export function nearestWord(word: string, candidates: readonly string[]): string | null {
  const lower = word.toLowerCase();
  // Long garbage words are never typos of a keyword; skip the quadratic work.
  if (lower.length > 40) return null;
  const allowed = lower.length >= 6 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowed && bestDistance > 0 ? best : null;
}
