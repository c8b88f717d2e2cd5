// Duration bounds and the arithmetic on them. `max: null` means "no upper bound": a step that
// ends only on a voltage may never end if the cell misbehaves, and we say so instead of guessing.

/** Seconds. `min` and `max` are hard bounds given the end conditions; `expected` follows the
 * models documented in step-models.ts. */
export interface DurationBounds {
  min: number;
  expected: number;
  max: number | null;
}

export const ZERO_DURATION: DurationBounds = Object.freeze({ min: 0, expected: 0, max: 0 });

export function addDurations(a: DurationBounds, b: DurationBounds): DurationBounds {
  return {
    min: a.min + b.min,
    expected: a.expected + b.expected,
    max: a.max === null || b.max === null ? null : a.max + b.max,
  };
}

/** `d` repeated: `expectedTimes` runs for the expected and the longest case, `minTimes` for the
 * shortest. Zero runs of an unbounded step cost nothing, so 0 × null is 0. */
export function scaleDuration(d: DurationBounds, minTimes: number, expectedTimes: number): DurationBounds {
  return {
    min: minTimes * d.min,
    expected: expectedTimes * d.expected,
    max: expectedTimes === 0 ? 0 : d.max === null ? null : expectedTimes * d.max,
  };
}

/** `d` divided by its runs: the average run (0 runs → all zero). */
export function perRun(d: DurationBounds, minRuns: number, expectedRuns: number): DurationBounds {
  return {
    min: minRuns > 0 ? d.min / minRuns : 0,
    expected: expectedRuns > 0 ? d.expected / expectedRuns : 0,
    max: expectedRuns > 0 ? (d.max === null ? null : d.max / expectedRuns) : 0,
  };
}

/** The smaller of two upper bounds, where null is infinity. */
export function minBound(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

export function clamp(x: number, min: number, max: number | null): number {
  const upper = max === null ? x : Math.min(x, max);
  return Math.max(min, upper);
}
