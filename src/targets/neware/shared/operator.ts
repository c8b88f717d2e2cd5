// What a cycler cannot do by itself but an operator can: set the temperature chamber. Neither
// the Neware nor the Arbin MITS 7 schedule controls a chamber, so a set-point at the very start
// of a protocol (before any current flows) becomes an instruction in the file header, and its
// settle time a rest step. A set-point later in the protocol would need someone to change the
// chamber mid-test at the right moment; that is what `btp compile --plan` is for, so the
// targets refuse it. Shared by the Neware and Arbin targets.

import type { TemperatureStepIR } from "../../../ir/types.js";
import { formatQuantity } from "../../../units/display.js";
import { formatDuration } from "../../../units/duration.js";

export type StartTemperature =
  | { kind: "instruction"; instruction: string; settleSeconds: number | null }
  /** `settle until stable`: the instrument cannot tell when the chamber is stable. */
  | { kind: "untimed" };

export function startTemperature(step: TemperatureStepIR): StartTemperature {
  const setpoint = formatQuantity(step.setpoint, "temperature");
  switch (step.settle.kind) {
    case "stable":
      return { kind: "untimed" };
    case "none":
      return { kind: "instruction", instruction: `set the chamber to ${setpoint} before starting`, settleSeconds: null };
    case "time":
      return {
        kind: "instruction",
        instruction: `set the chamber to ${setpoint} before starting; the schedule begins with a ${formatDuration(step.settle.seconds)} rest while it settles`,
        settleSeconds: step.settle.seconds,
      };
  }
}
