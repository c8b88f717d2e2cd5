// The biologic target's diagnostic codes (BTP6100–6199; catalogued in
// src/diagnostics/codes/targets.ts). 610x: compiling, 612x: importing.

export const CODES = {
  setpointDuringRun: "BTP6101",
  tooManyLimits: "BTP6102",
  outOfRange: "BTP6103",
  openCircuitEnd: "BTP6104",
  safetyLimit: "BTP6105",
  cycleActionSplit: "BTP6106",
  rounded: "BTP6107",

  notSettingsFile: "BTP6120",
  unknownTechnique: "BTP6121",
  unknownRow: "BTP6122",
  unknownSequenceType: "BTP6123",
  unreadableValue: "BTP6124",
  jump: "BTP6125",
  unknownHeaderLine: "BTP6126",
  truncated: "BTP6127",
  settingNotImported: "BTP6128",
  cRateWithoutCapacity: "BTP6129",
  stopBeforeEnd: "BTP6130",
} as const;
