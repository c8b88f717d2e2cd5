// The chi target's diagnostic codes (BTP6200–6249; catalogued in src/diagnostics/codes/targets.ts).

export const CODES = {
  end: "BTP6201",
  noSegmentTime: "BTP6202",
  overwrittenData: "BTP6203",
  setpointDuringRun: "BTP6204",
  cycleActionSplit: "BTP6205",
  ocvRelativeOnCell: "BTP6206",
} as const;
