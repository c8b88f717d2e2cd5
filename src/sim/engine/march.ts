// Constant current (and rest, I = 0): the voltage is an explicit function of time, so the step is
// marched forward in chords. Each proposed interval [t, t+h] is accepted when the straight line
// between its ends misses the true curve at the midpoint by no more than the chord tolerance; the
// accepted ends are the trace samples, so sampling and event location share their evaluations.
// A cut-off that falls inside an accepted interval is located by Illinois false position.
// Exact ends (time, capacity, temperature) arrive as the horizon.

import type { EndReason } from "../types.js";
import { ModelFailure, type Run } from "./run.js";

/** A voltage end condition or safety limit: fires when sign·(V − volts) ≥ 0. */
export interface VoltageEvent {
  sign: 1 | -1;
  volts: number;
  reason: EndReason;
  text: string;
}

export type Fired = VoltageEvent | "guard";

export interface MarchResult {
  /** s spent in this call */
  elapsed: number;
  /** What ended the march before the horizon, or null when the horizon was reached. */
  fired: Fired | null;
  /** V and A at the end. */
  voltage: number;
}

const FIRST_STEP = 1; // s
const SHORTEST_STEP = 1e-6; // s
const MAX_GROWTH = 4;
/** Event times are located to this (s), or until the voltage is within EVENT_VOLTS of the cut-off. */
const EVENT_TIME = 1e-6;
const EVENT_VOLTS = 1e-9;
/** A step that needs more chords than this is broken (it cannot happen with finite inputs). */
const MAX_CHORDS = 5_000_000;

/**
 * Runs `current` (A, positive on charge) for at most `horizon` seconds, or until an event fires.
 * `guard`: also stop when the model state leaves what the cell can hold. The cell temperature is
 * refreshed from the chamber in pieces while it is still moving.
 */
export function marchConstantCurrent(
  run: Run,
  current: number,
  horizon: number,
  events: readonly VoltageEvent[],
  guard: boolean,
): MarchResult {
  let elapsed = 0;
  for (;;) {
    const model = run.model;
    model.setTemperature(run.chamber.cellAt(run.time));
    model.beginSegment(current);
    const piece = Math.min(horizon - elapsed, run.chamber.refreshAfter(run.time));
    const result = marchPiece(run, current, piece, events, guard);
    elapsed += result.elapsed;
    if (result.fired !== null || elapsed >= horizon) return { elapsed, fired: result.fired, voltage: result.voltage };
    run.sample(run.time, result.voltage, current);
  }
}

function finite(v: number): number {
  if (!Number.isFinite(v)) throw new ModelFailure("non-finite voltage");
  return v;
}

function marchPiece(run: Run, current: number, length: number, events: readonly VoltageEvent[], guard: boolean): MarchResult {
  const model = run.model;
  const start = run.time;
  const eps = run.settings.chordTolerance;
  const emit = run.settings.emitRows;

  let t = 0;
  let va = finite(model.voltageAt(0));
  for (const e of events) {
    if (e.sign * (va - e.volts) >= 0) return { elapsed: 0, fired: e, voltage: va };
  }
  if (guard && model.lastRangeExcess() > 0) return { elapsed: 0, fired: "guard", voltage: va };

  let h = Math.min(FIRST_STEP, length);
  let energy = 0;
  let chords = 0;
  const chord = run.chordValues;
  model.beginChords();
  while (t < length) {
    if (++chords > MAX_CHORDS) throw new ModelFailure("the step needed too many samples");
    if (h > length - t) h = length - t;
    model.chord(h, chord);
    const vm = finite(chord.mid);
    const xm = chord.midExcess;
    const vb = finite(chord.end);
    const xb = chord.endExcess;
    const err = Math.abs(vm - 0.5 * (va + vb));
    if (err > eps && h > SHORTEST_STEP) {
      h *= Math.max(0.1, 0.9 * Math.sqrt(eps / err));
      continue;
    }

    // Did an end condition or the guard fire inside [t, t + h]?
    let firstTime = Infinity;
    let first: Fired | null = null;
    for (const e of events) {
      const gm = e.sign * (vm - e.volts);
      const gb = e.sign * (vb - e.volts);
      if (gm < 0 && gb < 0) continue;
      const ga = e.sign * (va - e.volts);
      const when =
        gm >= 0
          ? locate((s) => e.sign * (model.voltageAt(s) - e.volts), t, ga, t + 0.5 * h, gm)
          : locate((s) => e.sign * (model.voltageAt(s) - e.volts), t + 0.5 * h, gm, t + h, gb);
      if (when < firstTime) {
        firstTime = when;
        first = e;
      }
    }
    if (guard && (xm > 0 || xb > 0)) {
      const excess = (s: number): number => {
        model.voltageAt(s);
        return model.lastRangeExcess();
      };
      const when = xm > 0 ? locate(excess, t, excess(t), t + 0.5 * h, xm) : locate(excess, t + 0.5 * h, xm, t + h, xb);
      if (when < firstTime) {
        firstTime = when;
        first = "guard";
      }
    }
    if (first !== null) {
      const end = firstTime;
      const vMid = finite(model.voltageAt(0.5 * (t + end)));
      const vEnd = finite(model.voltageAt(end));
      energy += ((current * (end - t)) / 6) * (va + 4 * vMid + vEnd);
      model.commitSegment(end);
      run.advance(end, current, energy);
      return { elapsed: end, fired: first, voltage: vEnd };
    }

    energy += ((current * h) / 6) * (va + 4 * vm + vb);
    model.acceptChord();
    t += h;
    va = vb;
    if (emit && t < length) run.sample(start + t, vb, current, t);
    h *= Math.min(MAX_GROWTH, 0.9 * Math.sqrt(eps / Math.max(err, 1e-6 * eps)));
  }
  model.commitSegment(length);
  run.advance(length, current, energy);
  return { elapsed: length, fired: null, voltage: va };
}

/**
 * Illinois false position for the first time in [a, b] where g ≥ 0, given g(a) < 0 ≤ g(b).
 * Returns a time at which g ≥ 0 (the event has fired), within EVENT_TIME of the crossing.
 */
function locate(g: (t: number) => number, a: number, ga: number, b: number, gb: number): number {
  if (ga >= 0) return a;
  let side = 0;
  let atB = gb; // g(b) itself: gb may be halved by the Illinois rule
  for (let i = 0; i < 200; i++) {
    if (b - a <= EVENT_TIME || atB <= EVENT_VOLTS) break;
    let c = b - (gb * (b - a)) / (gb - ga);
    if (!(c > a && c < b)) c = 0.5 * (a + b);
    const gc = g(c);
    if (!Number.isFinite(gc)) throw new ModelFailure("non-finite voltage");
    if (gc >= 0) {
      b = c;
      gb = gc;
      atB = gc;
      if (side === 1) ga *= 0.5;
      side = 1;
    } else {
      a = c;
      ga = gc;
      if (side === -1) gb *= 0.5;
      side = -1;
    }
  }
  return b;
}
