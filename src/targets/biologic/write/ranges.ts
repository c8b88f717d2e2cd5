// Which current range a galvanostatic impedance needs: the signal swings by the amplitude around
// the DC bias, and EC-Lab wants the range at least twice the amplitude.

import { LARGEST_CURRENT, currentRangeFor } from "../conventions.js";
import type { GalvanoImpedance } from "../model.js";

export function impedancePeakCurrent(t: Pick<GalvanoImpedance, "biasAmperes" | "amplitude">): number {
  return Math.max(2 * t.amplitude, Math.abs(t.biasAmperes) + t.amplitude);
}

export function currentRangeForImpedance(t: Pick<GalvanoImpedance, "biasAmperes" | "amplitude">): string {
  // The compiler refuses peaks above the largest range; the largest is the safe fallback.
  return currentRangeFor(impedancePeakCurrent(t)) ?? currentRangeFor(LARGEST_CURRENT)!;
}
