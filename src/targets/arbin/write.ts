// Arbin steps → the text of a MITS Pro 7 schedule (.sdu): the sections of the real schedule in
// its order, every key present (m_uStepNum and each m_uLimitNum matching the sections written),
// then the 16 empty user-defined safety sections. The caller encodes it as Latin-1.

import {
  AUX_TEMPERATURE_INDEX,
  formatScope,
  formatValue,
  LIMIT_KEYS,
  SCHEDULE_KEYS,
  SCHEDULE_VERSION,
  STEP_KEYS,
  USER_SAFETY_KEYS,
  USER_SAFETY_SECTIONS,
} from "./conventions.js";
import { writeIni, type IniOut } from "./ini.js";
import type { ArbinLimit, ArbinSchedule, ArbinStep } from "./model.js";
import { contentNumber, contentUuid } from "../common/content-ids.js";


export function writeArbinSchedule(schedule: ArbinSchedule, title: string, notes: readonly string[]): string {
  const fingerprint = JSON.stringify(schedule, (key, value) => (key === "span" ? undefined : value));
  const comments = [title, ...notes].filter((part) => part !== "").join(" ");
  const sections: IniOut[] = [
    { name: "Version Section", entries: [["Current_Version", SCHEDULE_VERSION]] },
    { name: "Signature Section", entries: [["Signature", `{${contentUuid(fingerprint).toUpperCase()}}`]] },
    { name: "Schedule", entries: scheduleEntries(schedule, comments, fingerprint) },
  ];
  schedule.steps.forEach((step, index) => {
    sections.push({ name: `Schedule_Step${index}`, entries: stepEntries(step) });
    step.limits.forEach((limit, limitIndex) => sections.push({ name: `Schedule_Step${index}_Limit${limitIndex}`, entries: limitEntries(limit) }));
  });
  for (let i = 0; i < USER_SAFETY_SECTIONS; i++) sections.push({ name: `Schedule_UserDefineSafety${i}`, entries: USER_SAFETY_KEYS });
  return writeIni(sections);
}

function scheduleEntries(schedule: ArbinSchedule, comments: string, fingerprint: string): Array<[string, string]> {
  const { safety } = schedule;
  const set: Record<string, string> = {
    m_uMUID: String(contentNumber(fingerprint)),
    m_szCreator: schedule.creator,
    m_szComments: comments,
    m_uStepNum: String(schedule.steps.length),
  };
  if (schedule.minDtSeconds !== undefined) set.m_fMinDtSeconds = formatValue(schedule.minDtSeconds);
  if (safety.current) {
    set.m_bCheckCurrentSafety = "1";
    set.m_CurrentSafetyScope = formatScope(...safety.current);
  }
  if (safety.voltage) {
    set.m_bCheckVoltageSafety = "1";
    set.m_VoltageSafetyScope = formatScope(...safety.voltage);
  }
  if (safety.power) {
    set.m_bCheckPowerSafety = "1";
    set.m_PowerSafetyScope = formatScope(...safety.power);
  }
  if (safety.temperature) {
    set.m_AuxTempSafetyScope = formatScope(...safety.temperature);
    set.m_AuxSafetyEnabled = Array.from({ length: 12 }, (_, i) => `${i}^${i === AUX_TEMPERATURE_INDEX ? 1 : 0}`).join(" ; ");
  }
  return SCHEDULE_KEYS.map(([key, value]) => [key, set[key] ?? value]);
}

function stepEntries(step: ArbinStep): Array<[string, string]> {
  const values: Record<string, string> = {
    m_uLimitNum: String(step.limits.length),
    m_szLabel: step.label,
    m_szStepCtrlType: step.ctrlType,
    m_szCurrentRange: step.currentRange,
    m_szVoltageRange: step.voltageRange,
    m_szCtrlValue: step.ctrlValue,
    m_szExtCtrlValue1: step.extCtrlValue1,
    m_szExtCtrlValue2: step.extCtrlValue2,
    m_uStepCtrlTypeExtFlag: "0",
    m_bSampleClockStretch: "0",
    m_bSynchronizedStart: "0",
    m_bAutoPidTips: "0",
    m_nExtra1: "0",
    m_bBurstModeEnable: "0",
  };
  return STEP_KEYS.map((key) => [key, values[key] ?? ""]);
}

function limitEntries(limit: ArbinLimit): Array<[string, string]> {
  const values: Record<string, string> = {
    m_bStepLimit: limit.stepLimit ? "1" : "0",
    m_bLogDataLimit: limit.logLimit ? "1" : "0",
    m_szGotoStep: limit.goto,
  };
  limit.equations.slice(0, 3).forEach((equation, i) => {
    values[`Equation${i}_szLeft`] = equation.left;
    values[`Equation${i}_szCompareSign`] = equation.compare;
    values[`Equation${i}_szRight`] = equation.right;
  });
  return LIMIT_KEYS.map((key) => [key, values[key] ?? ""]);
}
