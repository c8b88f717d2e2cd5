// The decaying exponentials of one constant-current segment: gap_i·e^(−t/τ_i), each adding either
// to the surface state of charge (diffusion modes) or directly to the voltage (hysteresis, RC
// branches, nucleation). Exponentials are most of the cost of a voltage evaluation, so:
// - a term is dropped once it has decayed below NEGLIGIBLE (it has settled);
// - marching evaluates chords [s, s+h] at s + h/2 and s + h from factors cached at s:
//   e^(−(s+h/2)/τ) = e^(−s/τ)·q and e^(−(s+h)/τ) = e^(−s/τ)·q², with q = e^(−h/(2τ)),
//   which halves the exponentials per chord and keeps the midpoint test exact.

/** Smaller than this (state of charge or volts), a decaying term is dropped. */
const NEGLIGIBLE = 1e-13;
/** e^(−40) ≈ 4e-18: beyond this, no term of any size matters. */
const LONGEST = 40;

export class DecayingTerms {
  private readonly gap: Float64Array;
  private readonly rate: Float64Array;
  private readonly settled: Float64Array;
  private readonly decay: Float64Array;
  private readonly full: Float64Array;
  private count = 0;
  /** Terms [0, socTerms) add to the state of charge; the others to the voltage. */
  private socTerms = 0;
  /** s into the segment where the next chord starts. */
  chordStart = 0;
  private chordLength = 0;

  /** Sums at the time given to `at`. */
  soc = 0;
  volts = 0;
  /** Sums at the middle and the end of the last chord. */
  socMid = 0;
  voltsMid = 0;
  socEnd = 0;
  voltsEnd = 0;

  constructor(capacity: number) {
    this.gap = new Float64Array(capacity);
    this.rate = new Float64Array(capacity);
    this.settled = new Float64Array(capacity);
    this.decay = new Float64Array(capacity);
    this.full = new Float64Array(capacity);
  }

  /** Empties the set. Add the state-of-charge terms first, then call `voltageTermsFollow`. */
  clear(): void {
    this.count = 0;
    this.socTerms = 0;
    this.chordStart = 0;
  }

  /** Adds gap·e^(−t/τ). A term without a gap costs nothing. */
  add(gap: number, tau: number): void {
    const i = this.count++;
    const size = Math.abs(gap);
    this.gap[i] = gap;
    this.rate[i] = 1 / tau;
    this.settled[i] = size > NEGLIGIBLE && tau > 0 ? tau * Math.min(LONGEST, Math.log(size / NEGLIGIBLE)) : 0;
  }

  /** The terms added from now on add to the voltage. */
  voltageTermsFollow(): void {
    this.socTerms = this.count;
  }

  /** Evaluates both sums at `t` into `soc` and `volts`. */
  at(t: number): void {
    let soc = 0;
    let volts = 0;
    const socTerms = this.socTerms;
    for (let i = 0; i < this.count; i++) {
      if (t >= this.settled[i]!) continue;
      const term = this.gap[i]! * Math.exp(-this.rate[i]! * t);
      if (i < socTerms) soc += term;
      else volts += term;
    }
    this.soc = soc;
    this.volts = volts;
  }

  /** Starts chords at t = 0. */
  beginChords(): void {
    this.chordStart = 0;
    this.decay.fill(1, 0, this.count);
  }

  /** Evaluates the sums at chordStart + h/2 and chordStart + h. */
  chord(h: number): void {
    this.chordLength = h;
    const start = this.chordStart;
    let socMid = 0;
    let voltsMid = 0;
    let socEnd = 0;
    let voltsEnd = 0;
    const socTerms = this.socTerms;
    for (let i = 0; i < this.count; i++) {
      if (start >= this.settled[i]!) continue;
      const q = Math.exp(-0.5 * h * this.rate[i]!);
      const mid = this.decay[i]! * q;
      const end = mid * q;
      this.full[i] = end;
      const g = this.gap[i]!;
      if (i < socTerms) {
        socMid += g * mid;
        socEnd += g * end;
      } else {
        voltsMid += g * mid;
        voltsEnd += g * end;
      }
    }
    this.socMid = socMid;
    this.voltsMid = voltsMid;
    this.socEnd = socEnd;
    this.voltsEnd = voltsEnd;
  }

  /** The last chord was accepted: the next one starts at its end. */
  acceptChord(): void {
    const start = this.chordStart;
    for (let i = 0; i < this.count; i++) {
      if (start < this.settled[i]!) this.decay[i] = this.full[i]!;
    }
    this.chordStart = start + this.chordLength;
  }
}
