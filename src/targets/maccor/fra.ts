// The .FRA side file of an impedance step: an INI file the FRA step names in its StepValue.
// Its layout is BattGenie's BG_EIS_5mV_BaselineCycle.FRA (the only public example); btp fills the
// sweep from the protocol and keeps that file's set-up, which the docs list as what to verify.

import type { EisStepIR } from "../../ir/types.js";
import { formatNumber } from "../../units/format.js";
import { FRA_SETUP, LINE_ENDING, MAX_SIDE_FILE_NAME } from "./conventions.js";

/** "<base>_EIS<k>", at most 24 characters, letters, digits, "_" and "-" only. */
export function fraName(baseName: string, index: number): string {
  const suffix = `_EIS${index}`;
  const stem = baseName.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, Math.max(1, MAX_SIDE_FILE_NAME - suffix.length));
  return `${stem}${suffix}`;
}

export function fraFile(step: EisStepIR): string {
  const sweep = `EIS ${formatNumber(step.startFrequency)} Hz to ${formatNumber(step.endFrequency)} Hz, ${formatNumber(step.amplitude * 1000)} mV, ${formatNumber(step.pointsPerDecade)} points per decade, at open circuit (btp)`;
  const lines = [
    "[General]",
    `Comment=${sweep}`,
    `FRAType=${FRA_SETUP.FRAType}`,
    "[Setup]",
    `Mode=${FRA_SETUP.Mode}`,
    `DataQuality=${FRA_SETUP.DataQuality}`,
    `MeasDelay=${FRA_SETUP.MeasDelay}`,
    `Range=${FRA_SETUP.Range}`,
    `BandWidth=${FRA_SETUP.BandWidth}`,
    `Potential=${FRA_SETUP.Potential}`,
    `PotentialVs=${FRA_SETUP.PotentialVs}`,
    "[Limits]",
    `Current=${FRA_SETUP.LimitCurrent}`,
    "[Sweep]",
    `Amplitude=${formatNumber(step.amplitude * 1000)}`,
    `InitFreq=${formatNumber(step.startFrequency)}`,
    `EndFreq=${formatNumber(step.endFrequency)}`,
    `StepPerDec=${formatNumber(step.pointsPerDecade)}`,
  ];
  return lines.join(LINE_ENDING) + LINE_ENDING;
}
