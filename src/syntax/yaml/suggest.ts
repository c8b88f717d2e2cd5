// "Did you mean …?" for YAML keys. Keys are few (a dozen per place), so a plain edit distance
// over all candidates is instant.

/** The closest candidate to a mistyped key, or undefined when none is plausibly meant. Case,
 * `_` and `-` are ignored, so `Points_per_decade` finds `points per decade`. */
export function nearestKey(typed: string, candidates: readonly string[]): string | undefined {
  const normalized = normalize(typed);
  if (normalized.length > 40) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(normalized, normalize(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.max(1, Math.floor(normalized.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

function normalize(key: string): string {
  return key.toLowerCase().replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
}

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`: `chrage` is one
 * swap away from `charge`. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
