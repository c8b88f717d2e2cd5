// "Did you mean …?" for names: the closest known name by edit distance (a swap of two neighbouring
// letters counts as one edit, as in `cylces`), if it is close enough to be a plausible typo.

/** Names longer than this are not compared: the cost is quadratic and no real name is that long. */
const MAX_COMPARED_LENGTH = 64;

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  // Three rolling rows are enough for the transposition rule.
  let twoBack = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    for (let j = 1; j < cols; j++) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, twoBack[j - 2]! + 1);
      current[j] = best;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[cols - 1]!;
}

/** The nearest candidate, or undefined when none is within about a third of the name's length. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length > MAX_COMPARED_LENGTH) return undefined;
  const allowed = Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of new Set(candidates)) {
    if (candidate === name || candidate.length > MAX_COMPARED_LENGTH) continue;
    // Differences of case alone are the likeliest slip of all.
    const distance = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

/** " (did you mean `x`?)" style hint text, or undefined. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const closest = closestName(name, candidates);
  return closest === undefined ? undefined : `did you mean \`${closest}\`?`;
}
