// Every Arbin MITS Pro 7 convention btp relies on, in one place. Evidence (see
// /work/shared/research/cycler-formats.md §3 and docs/targets/arbin.md): one real MITS Pro 7
// schedule (Stanford/TRI, Apache-2.0), BEEP's MITS 7 reader/writer and its Maccor→Arbin
// converter (whose Iris output is the second sample), and MITS 8 files for the key names.

import { formatNumber } from "../../units/format.js";

// ---------------------------------------------------------------------------------------------
// The file: INI-like, Latin-1, CRLF, `key=value` with nothing quoted and empty values as `key=`

export const ENCODING = "latin1" as const;
export const LINE_ENDING = "\r\n";
export const SCHEDULE_VERSION = "Schedule Version 7.00.13";

/** Limit targets that are not step labels. */
export const NEXT_STEP = "Next Step";
export const END_TEST = "End Test";
export const UNSAFE = "Unsafe";
export const RESERVED_GOTOS: readonly string[] = [NEXT_STEP, END_TEST, UNSAFE];

/** The [Schedule] keys in the order MITS 7 writes them, with the values of the real schedule
 * (the ones btp sets are replaced in write.ts). */
export const SCHEDULE_KEYS: ReadonlyArray<readonly [string, string]> = [
  ["m_uMUID", "0"],
  ["m_szCreator", ""],
  ["m_szComments", ""],
  ["m_uMaxTimesOfUnsafe", "3"],
  ["m_fMinDtSeconds", "5"],
  ["m_bLogChanNormalData", "1"],
  ["m_bLogChanStatData", "1"],
  ["m_bLogChanAuxData", "1"],
  ["m_bLogSBData", "0"],
  ["m_bLogCANBMSData", "0"],
  ["m_bCheckCurrentSafety", "0"],
  ["m_bDefaultCurrentSafetyMode", "0"],
  ["m_uDefaultCurrentSafetyScopePercent", "105"],
  ["m_CurrentSafetyScope", "0.000000^0.000000"],
  ["m_bCheckVoltageSafety", "0"],
  ["m_bDefaultVoltageSafetyMode", "0"],
  ["m_uDefaultVoltageSafetyScopePercent", "105"],
  ["m_VoltageSafetyScope", "0.000000^0.000000"],
  ["m_bCheckPowerSafety", "0"],
  ["m_PowerSafetyScope", "0.000000^0.000000"],
  ["m_AuxSafetyEnabled", "0^0 ; 1^0 ; 2^0 ; 3^0 ; 4^0 ; 5^0 ; 6^0 ; 7^0 ; 8^0 ; 9^0 ; 10^0 ; 11^0"],
  ["m_AuxVoltSafetyScope", "0.000000^0.000000"],
  ["m_AuxTempSafetyScope", "-100.000000^100.000000"],
  ["m_AuxPresSafetyScope", "0.000000^0.000000"],
  ["m_AuxPHSafetyScope", "0.000000^0.000000"],
  ["m_AuxFlowrateSafetyScope", "0.000000^0.000000"],
  ["m_AuxDensitySafetyScope", "0.000000^0.000000"],
  ["m_uStepNum", "0"],
  ["m_uFormulaNum", "0"],
  ["m_uPulseNum", "0"],
  ["m_uCVNum", "0"],
  ["m_uAddInNum", "0"],
  ["m_iAppCategory", "0"],
  ["m_szOriginalInfo", ""],
  ["m_fSdlFactor_I", "0.1"],
  ["m_fSdlFactor_V", "0.1"],
  ["m_fSdlFactor_Capacity", "1"],
  ["m_fSdlFactor_Energy", "1"],
  ["m_fSdlFactor_Time", "60"],
  ["m_fMinDtCurrent", "1"],
  ["m_fMinDtVoltage", "1"],
  ["m_fSdlFactor_AuxV", "0.001"],
  ["m_fSdlFactor_AuxT", "1"],
  ["m_fSdlFactor_AuxP", "0"],
  ["m_fSdlFactor_AuxPhValue", "0"],
  ["m_fSdlFactor_AuxFlowRate", "0"],
  ["m_fSdlFactor_AuxConcentration", "0"],
  ["m_bCtrlValueNeedCheck", "0"],
  ["m_CtrlValueGoto", "0"],
  ["m_bUnreasonableNeedCheck", "0"],
  ["m_UnreasonableGoto", "0"],
  ["m_bImpedanceNeedCheck", "0"],
  ["m_ImpedanceGoto", "0"],
  ["m_bSimuExtraLogEnabled", "0"],
  ["m_bParallelCurrentAbnormalStop", "0"],
  ["m_bParallelVoltageAbnormalStop", "0"],
  ["m_fParallelCurrentAbnormalStressHold", "0.5"],
  ["m_fParallelVoltageAbnormalStressHold", "0.5"],
  ["m_fParallelCurrentAbnormalCheckInterval", "1"],
  ["m_fParallelVoltageAbnormalCheckInterval", "5"],
  ["m_fIrMax", "10"],
  ["m_AuxExternalChargeSafetyScope", "0.000000^0.000000"],
  ["m_fSdlFactor_AuxExternalCharge", "0.001"],
  ["m_bLogChanAuxDxdt", "0"],
  ["m_AuxSafetyChanSafetyEnabled", "0^0 ; 1^0 ; 2^0"],
  ["m_AuxSafetyVoltSafetyScope", "0.000000^0.000000"],
  ["m_AuxSafetyCurrSafetyScope", "0.000000^0.000000"],
  ["m_AuxSafetyTempSafetyScope", "0.000000^0.000000"],
  ["m_AuxHumiditySafetyScope", "0.000000^0.000000"],
  ["m_fSdlFactor_AuxHumidity", "10"],
  ["m_bNewCreate", "0"],
  ["m_nBurstModeDelayTime", "1"],
  ["m_nBurstModePointNumber", "1000"],
  ["m_nBurstModeSampleSpeed", "1"],
];

/** The keys of every [Schedule_StepN] section, in MITS 7 order. */
export const STEP_KEYS: readonly string[] = [
  "m_uLimitNum",
  "m_szLabel",
  "m_szStepCtrlType",
  "m_szCurrentRange",
  "m_szVoltageRange",
  "m_szCtrlValue",
  "m_szExtCtrlValue1",
  "m_szExtCtrlValue2",
  "m_szExtDef",
  "m_uStepCtrlTypeExtFlag",
  "m_szAddIn",
  "m_bSampleClockStretch",
  "m_szUnitType",
  "m_szExUnitType1",
  "m_bSynchronizedStart",
  "m_bAutoPidTips",
  "m_nExtra1",
  "m_szExtDef1",
  "m_bBurstModeEnable",
];

/** The keys of every [Schedule_StepN_LimitM] section, in MITS 7 order (three equations). */
export const LIMIT_KEYS: readonly string[] = [
  "m_bStepLimit",
  "m_bLogDataLimit",
  "m_szGotoStep",
  ...[0, 1, 2].flatMap((i) => [`Equation${i}_szLeft`, `Equation${i}_szCompareSign`, `Equation${i}_szRight`]),
];

/** MITS 7 writes 16 user-defined safety sections after the steps, all empty unless set. */
export const USER_SAFETY_SECTIONS = 16;
export const USER_SAFETY_KEYS: ReadonlyArray<readonly [string, string]> = [
  ["m_szSafetyType", ""],
  ["m_fMinValue", "0"],
  ["m_fMaxValue", "0"],
];

/** m_AuxSafetyEnabled index of the temperature channel (BEEP turns on `1^1` with a
 * temperature range; the Iris schedule has 0–55 °C that way). */
export const AUX_TEMPERATURE_INDEX = 1;

// ---------------------------------------------------------------------------------------------
// Steps

export const CTRL = {
  rest: "Rest",
  current: "Current(A)",
  cRate: "C-Rate",
  voltage: "Voltage(V)",
  ccCv: "CCCV",
  setVariables: "Set Variable(s)",
  internalResistance: "Internal Resistance",
} as const;

/** Current sign: positive charges the cell, negative discharges it (the real schedule writes
 * -1.1 for its CCCV discharge and -0.022 as the discharge taper). */
export function signedCurrent(amperes: number, direction: "charge" | "discharge"): number {
  return direction === "charge" ? Math.abs(amperes) : -Math.abs(amperes);
}

/** Current ranges of the MITS 7 unit the real schedule ran on (BEEP: Range1 30 A, Range2 5 A,
 * Range3 500 mA, Range4 20 mA). Ranges differ between Arbin models: the docs say to check them. */
export const CURRENT_RANGES: ReadonlyArray<{ name: string; maxAmperes: number }> = [
  { name: "Range4", maxAmperes: 0.02 },
  { name: "Range3", maxAmperes: 0.5 },
  { name: "Range2", maxAmperes: 5 },
  { name: "Range1", maxAmperes: 30 },
];

/** The smallest range that holds the current (best resolution); Range1 for steps without one. */
export function currentRangeFor(amperes: number | null): string {
  if (amperes === null) return "Range1";
  return CURRENT_RANGES.find((r) => Math.abs(amperes) <= r.maxAmperes)?.name ?? "Range1";
}

export const VOLTAGE_RANGE = "High";

// ---------------------------------------------------------------------------------------------
// Variables in limit equations

export const VARIABLE = {
  stepTime: "PV_CHAN_Step_Time",
  voltage: "PV_CHAN_Voltage",
  current: "PV_CHAN_Current",
  cvStageCurrent: "PV_CHAN_CV_Stage_Current",
  /** Time since the CV stage of a CCCV step began (the real schedule checks its taper only
   * once this passes 1 s). */
  cvStageTime: "PV_CHAN_CV_StageTime",
  chargeCapacity: "PV_CHAN_Charge_Capacity",
  dischargeCapacity: "PV_CHAN_Discharge_Capacity",
  cycleIndex: "PV_CHAN_Cycle_Index",
  logTime: "DV_Time",
  logVoltage: "DV_Voltage",
  logCurrent: "DV_Current",
} as const;

export function counterVariable(level: number): string {
  return `TC_Counter${level}`;
}

/** Capacities in limits are in Ah; the IR counts coulombs. */
export const COULOMBS_PER_AH = 3600;

// ---------------------------------------------------------------------------------------------
// Set Variable(s) steps: CtrlValue is a reset mask, ExtCtrlValue1 an increment mask (BEEP's
// maccor_to_arbin.py docstring, confirmed by the Iris schedule's 65536 / 2 / 15 / 1 steps).

/** Reset bits 0–3: charge and discharge capacity and energy (the per-cycle totals). */
export const RESET_CAPACITIES = 15;
/** Increment bit 0: the cycle index. */
export const ADVANCE_CYCLE = 1;

export function resetCounterBit(level: number): number {
  return 2 ** (15 + level);
}

export function advanceCounterBit(level: number): number {
  return 2 ** level;
}

/** The TC counters a mask resets (from CtrlValue) or advances (from ExtCtrlValue1). */
export function countersIn(mask: number, kind: "reset" | "advance"): number[] {
  const levels: number[] = [];
  for (let level = 1; level <= 4; level++) {
    const bit = kind === "reset" ? resetCounterBit(level) : advanceCounterBit(level);
    if (Math.floor(mask / bit) % 2 === 1) levels.push(level);
  }
  return levels;
}

/** Four TC counters, so loops nest at most four deep ("only 4 layers of loops", BEEP). */
export const MAX_LOOP_DEPTH = 4;

/** A loop on TC counter n: the end step advances the counter, then `TC_Countern < N` jumps back
 * to the body and `TC_Countern = N` goes on. The counter is reset to 0 before the loop, so after
 * pass k it reads k: `< N` runs exactly N passes (3 passes → `< 3`). */
export function passesForCounterLimit(comparator: string, limit: number): number | null {
  if (comparator === "<") return limit;
  if (comparator === "<=") return limit + 1;
  return null;
}

/** A loop on the cycle index (the real schedule's "Loop" step): the index starts at 1, the end
 * step advances it and then `PV_CHAN_Cycle_Index <= N` jumps back, so a loop whose first pass
 * starts at index s runs N − s + 1 passes (`<` N: N − s). */
export function passesForCycleIndexLimit(comparator: string, limit: number, startIndex: number): number | null {
  if (comparator === "<=") return limit - startIndex + 1;
  if (comparator === "<") return limit - startIndex;
  return null;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Plain decimals with a point: "0.022", "54000", "-4.4"; no exponent, no float residue. */
export function formatValue(value: number): string {
  const text = formatNumber(value, 12);
  if (!/e/i.test(text)) return text;
  return value.toFixed(12).replace(/\.?0+$/, "") || "0";
}

/** Safety scopes: `min^max` with six decimals, as MITS writes them. */
export function formatScope(min: number, max: number): string {
  return `${min.toFixed(6)}^${max.toFixed(6)}`;
}
