// M4 down-sampling (Jugel et al., PVLDB 7(10), 2014): for each pixel column keep the first, last,
// smallest and largest point. A line drawn through them is indistinguishable from one drawn
// through every point at that width, so a 10,000-cycle trace plots from a few thousand points.
// The x range is not known while the simulation streams, so the columns start narrow and are
// merged pairwise (doubling their width) whenever the data outgrow them: memory stays fixed.

export class M4 {
  private readonly first: Float64Array;
  private readonly last: Float64Array;
  private readonly firstX: Float64Array;
  private readonly lastX: Float64Array;
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  private readonly minX: Float64Array;
  private readonly maxX: Float64Array;
  private readonly used: Uint8Array;
  private origin = NaN;
  private width: number;

  /** `columns`: how many buckets (twice the pixel width is plenty); `width`: x span of one, at first. */
  constructor(
    private readonly columns: number,
    initialWidth: number,
  ) {
    this.width = initialWidth;
    this.first = new Float64Array(columns);
    this.last = new Float64Array(columns);
    this.firstX = new Float64Array(columns);
    this.lastX = new Float64Array(columns);
    this.min = new Float64Array(columns);
    this.max = new Float64Array(columns);
    this.minX = new Float64Array(columns);
    this.maxX = new Float64Array(columns);
    this.used = new Uint8Array(columns);
  }

  add(x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (Number.isNaN(this.origin)) this.origin = x;
    let i = Math.floor((x - this.origin) / this.width);
    if (i < 0) i = 0;
    while (i >= this.columns) {
      this.halve();
      i = Math.floor((x - this.origin) / this.width);
    }
    if (!this.used[i]) {
      this.used[i] = 1;
      this.first[i] = this.last[i] = this.min[i] = this.max[i] = y;
      this.firstX[i] = this.lastX[i] = this.minX[i] = this.maxX[i] = x;
      return;
    }
    this.last[i] = y;
    this.lastX[i] = x;
    if (y < this.min[i]!) {
      this.min[i] = y;
      this.minX[i] = x;
    }
    if (y > this.max[i]!) {
      this.max[i] = y;
      this.maxX[i] = x;
    }
  }

  /** Merges bucket pairs: twice the width, half the buckets in use. */
  private halve(): void {
    for (let j = 0; j < this.columns / 2; j++) {
      const a = 2 * j;
      const b = 2 * j + 1;
      const ua = this.used[a]!;
      const ub = b < this.columns ? this.used[b]! : 0;
      if (!ua && !ub) {
        this.used[j] = 0;
        continue;
      }
      const from = ua ? a : b;
      const to = ub ? b : a;
      this.first[j] = this.first[from]!;
      this.firstX[j] = this.firstX[from]!;
      this.last[j] = this.last[to]!;
      this.lastX[j] = this.lastX[to]!;
      let min = this.min[from]!;
      let minX = this.minX[from]!;
      let max = this.max[from]!;
      let maxX = this.maxX[from]!;
      if (ua && ub) {
        if (this.min[b]! < min) {
          min = this.min[b]!;
          minX = this.minX[b]!;
        }
        if (this.max[b]! > max) {
          max = this.max[b]!;
          maxX = this.maxX[b]!;
        }
      }
      this.min[j] = min;
      this.minX[j] = minX;
      this.max[j] = max;
      this.maxX[j] = maxX;
      this.used[j] = 1;
    }
    for (let j = Math.ceil(this.columns / 2); j < this.columns; j++) this.used[j] = 0;
    this.width *= 2;
  }

  /** The kept points in x order. */
  points(): { x: number[]; y: number[] } {
    const x: number[] = [];
    const y: number[] = [];
    for (let i = 0; i < this.columns; i++) {
      if (!this.used[i]) continue;
      const four: [number, number][] = [
        [this.firstX[i]!, this.first[i]!],
        [this.minX[i]!, this.min[i]!],
        [this.maxX[i]!, this.max[i]!],
        [this.lastX[i]!, this.last[i]!],
      ];
      four.sort((p, q) => p[0] - q[0]);
      let previous: [number, number] | null = null;
      for (const p of four) {
        if (previous && previous[0] === p[0] && previous[1] === p[1]) continue;
        x.push(p[0]);
        y.push(p[1]);
        previous = p;
      }
    }
    return { x, y };
  }
}
