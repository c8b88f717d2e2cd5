// The climate chamber and the cell's lag behind it. A set-point change is instant for the chamber
// air; the coin cell in its holder follows as T(t) = T_set + (T_0 − T_set)·e^(−t/τ). While the
// cell is still moving, the model's temperature is refreshed every τ/10 (a zero-order hold), and
// once it is within SETTLED of the set-point the cell is taken to be there.

import type { ComparatorIR } from "../../ir/types.js";

const SETTLED = 0.01; // K

export class Chamber {
  setpoint: number;
  private from: number;
  private since = 0;
  private settled = true;

  constructor(
    kelvin: number,
    private readonly timeConstant: number,
  ) {
    this.setpoint = kelvin;
    this.from = kelvin;
  }

  /** Changes the set-point at time `now` (s). */
  set(kelvin: number, now: number): void {
    if (kelvin === this.setpoint) return;
    this.from = this.cellAt(now);
    this.since = now;
    this.setpoint = kelvin;
    this.settled = Math.abs(this.from - kelvin) < SETTLED;
  }

  /** K: the cell temperature at time `now`. */
  cellAt(now: number): number {
    if (this.settled) return this.setpoint;
    const t = this.cellExact(now);
    if (Math.abs(t - this.setpoint) < SETTLED) {
      this.settled = true;
      return this.setpoint;
    }
    return t;
  }

  private cellExact(now: number): number {
    return this.setpoint + (this.from - this.setpoint) * Math.exp(-(now - this.since) / this.timeConstant);
  }

  /** s after `now` at which the model temperature should next be refreshed. */
  refreshAfter(now: number): number {
    this.cellAt(now);
    return this.settled ? Infinity : this.timeConstant / 10;
  }

  /** s after `now` until the cell temperature satisfies `T comparator kelvin`; 0 if it already
   * does, Infinity if it never will. */
  timeUntil(comparator: ComparatorIR, kelvin: number, now: number): number {
    const satisfied = (t: number): boolean =>
      comparator === "<" ? t < kelvin : comparator === "<=" ? t <= kelvin : comparator === ">" ? t > kelvin : t >= kelvin;
    const current = this.cellAt(now);
    if (satisfied(current)) return 0;
    if (this.settled) return Infinity;
    // The cell moves monotonically towards the set-point without passing it.
    if ((current - kelvin) * (this.setpoint - kelvin) < 0) {
      const fraction = (kelvin - this.setpoint) / (this.from - this.setpoint);
      return Math.max(0, -this.timeConstant * Math.log(fraction) - (now - this.since));
    }
    // The threshold is the set-point itself (or just short of it): met when the cell settles.
    return satisfied(this.setpoint) ? this.timeToSettle(now, SETTLED) : Infinity;
  }

  /** s from `now` until the cell is within `band` K of the set-point (settle "until stable"). */
  timeToSettle(now: number, band: number): number {
    const gap = Math.abs(this.cellAt(now) - this.setpoint);
    return gap <= band ? 0 : this.timeConstant * Math.log(gap / band);
  }
}
