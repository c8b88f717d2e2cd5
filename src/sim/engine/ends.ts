// Turning a step's end conditions and safety limits into what the two kinds of phase need: a
// horizon (the earliest exact end: time, capacity, temperature, the duration bound), voltage
// events to locate, and current events.

import type { EndConditionIR, LimitsIR } from "../../ir/types.js";
import { formatDuration } from "../../units/duration.js";
import type { EndReason } from "../types.js";
import type { CurrentEvent } from "./controlled.js";
import { describeEnd, volts } from "./describe.js";
import type { VoltageEvent } from "./march.js";
import type { Run } from "./run.js";

export interface Horizon {
  seconds: number;
  reason: EndReason;
  text: string;
}

export interface StepEnds {
  horizon: Horizon;
  voltageEvents: VoltageEvent[];
  currentEvents: CurrentEvent[];
  /** Capacity end for voltage-controlled phases (C passed in the step). */
  capacity: { coulombs: number; reason: EndReason; text: string } | null;
}

/** The end text of the duration bound (the step table shows it; `finish` recognises it). */
export const DURATION_GUARD = "no end within";

/** The duration bound: a step that has not ended by then is stopped with a warning. */
export function durationGuard(run: Run): Horizon {
  const left = run.settings.maxStepDuration - run.stepElapsed();
  return { seconds: Math.max(0, left), reason: "guard", text: `${DURATION_GUARD} ${formatDuration(run.settings.maxStepDuration)}` };
}

function earlier(a: Horizon, b: Horizon): Horizon {
  return b.seconds < a.seconds ? b : a;
}

/**
 * `current`: the constant current of a CC-type phase (A, signed), or null for a voltage-controlled
 * phase (capacity and current ends are then checked per sub-step). Time ends count from `since`
 * (the step's start, or the start of the CV part of a CC-CV step).
 */
export function collectEnds(
  run: Run,
  ends: readonly EndConditionIR[],
  limits: LimitsIR,
  current: number | null,
  since: number = run.time - run.stepElapsed(),
): StepEnds {
  let horizon = durationGuard(run);
  const voltageEvents: VoltageEvent[] = [];
  const currentEvents: CurrentEvent[] = [];
  let capacity: StepEnds["capacity"] = null;
  const passed = run.stepCharge();

  const addCapacity = (coulombs: number, reason: EndReason, text: string): void => {
    if (current === null) {
      if (capacity === null || coulombs < capacity.coulombs) capacity = { coulombs, reason, text };
    } else if (current !== 0) {
      horizon = earlier(horizon, { seconds: Math.max(0, (coulombs - passed) / Math.abs(current)), reason, text });
    }
  };

  for (const end of ends) {
    const text = describeEnd(end);
    switch (end.kind) {
      case "time":
        horizon = earlier(horizon, { seconds: Math.max(0, end.seconds - (run.time - since)), reason: "time", text });
        break;
      case "voltage":
        voltageEvents.push({ sign: end.comparator === ">" || end.comparator === ">=" ? 1 : -1, volts: end.volts, reason: "voltage", text });
        break;
      case "current": {
        const below = end.comparator === "<" || end.comparator === "<=";
        if (current === null) currentEvents.push({ below, amps: end.amperes, text });
        else if (below ? Math.abs(current) <= end.amperes : Math.abs(current) >= end.amperes) {
          horizon = { seconds: 0, reason: "current", text };
        }
        break;
      }
      case "capacity":
        addCapacity(end.coulombs, "capacity", text);
        break;
      case "temperature":
        horizon = earlier(horizon, { seconds: run.chamber.timeUntil(end.comparator, end.kelvin, run.time), reason: "temperature", text });
        break;
    }
  }
  // Safety limits come after the step's own ends, so that an end at the same voltage wins.
  const v = limits.voltage;
  if (v?.max != null) voltageEvents.push({ sign: 1, volts: v.max, reason: "limit", text: `safety limit ${volts(v.max)}` });
  if (v?.min != null) voltageEvents.push({ sign: -1, volts: v.min, reason: "limit", text: `safety limit ${volts(v.min)}` });
  if (limits.capacity) addCapacity(limits.capacity.max, "limit", "safety limit on the charge of one step");
  return { horizon, voltageEvents, currentEvents, capacity };
}
