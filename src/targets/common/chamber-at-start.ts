// What a cycler cannot do by itself but an operator can: set the temperature chamber. Neither
// the Neware nor the Arbin MITS 7 schedule controls a chamber, so a set-point at the very start
// of a protocol (before any current flows) becomes an instruction in the file header, and its
// settle time a rest step. A set-point later in the protocol would need someone to change the
// chamber mid-test at the right moment; that is what `btp compile --plan` is for, so the
// targets refuse it. Used by the Neware and Arbin targets.
//
// (EC-Lab and CHI do the same for the leading set-points of a whole body, with their own
// wording in the file header: counted-loops/setpoints.ts.)

import type { TemperatureStepIR } from "../../ir/types.js";
import { formatQuantity } from "../../units/display.js";
import { formatDuration } from "../../units/duration.js";

/** How a target names its schedule in a refusal, and its codes for the two refusals. */
export interface ChamberRefusals {
  /** "a Neware schedule" */
  schedule: string;
  notAtStart: string;
  untimed: string;
}

export type ChamberAtStart =
  | { kind: "refused"; code: string; message: string; hint: string }
  /** `emulation`: what the file header says; `settleSeconds`: the rest to write, if any. */
  | { kind: "instruction"; emulation: string; settleSeconds: number | null };

/** A temperature step on a cycler without chamber control. `atStart`: nothing has been written
 * yet and the step is outside any loop. */
export function chamberAtStart(step: TemperatureStepIR, atStart: boolean, refusals: ChamberRefusals): ChamberAtStart {
  if (!atStart) {
    return {
      kind: "refused",
      code: refusals.notAtStart,
      message: `${refusals.schedule} cannot change the chamber temperature during the test`,
      hint: "compile with --plan to turn the set-point into an operator instruction at the right moment, or move it to the start",
    };
  }
  const setpoint = formatQuantity(step.setpoint, "temperature");
  switch (step.settle.kind) {
    case "stable":
      // The instrument cannot tell when the chamber is stable.
      return {
        kind: "refused",
        code: refusals.untimed,
        message: `${refusals.schedule} cannot wait until the chamber is stable`,
        hint: "give the settle time (`temperature 25 °C, settle 2 h`)",
      };
    case "none":
      return { kind: "instruction", emulation: operatorInstruction(`set the chamber to ${setpoint} before starting`), settleSeconds: null };
    case "time":
      return {
        kind: "instruction",
        emulation: operatorInstruction(
          `set the chamber to ${setpoint} before starting; the schedule begins with a ${formatDuration(step.settle.seconds)} rest while it settles`,
        ),
        settleSeconds: step.settle.seconds,
      };
  }
}

function operatorInstruction(instruction: string): string {
  return `operator instruction: ${instruction}`;
}
