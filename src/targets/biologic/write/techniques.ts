// The potentiostat techniques (OCV, PEIS, GEIS, LSV, CV) and the Loop technique as parameter
// rows, single column each, rows in the order EC-Lab writes them (checked against the rows its
// text exports echo: ocv.issue_149.mpt, peis.mpt).

import { AUTO_RANGE, DEFAULTS, fixed, hms, inUnit, repeatsForPasses } from "../conventions.js";
import type { CyclicVoltammetry, GalvanoImpedance, LinearSweep, LoopTechnique, OpenCircuit, PotentioImpedance } from "../model.js";
import type { Row } from "./columns.js";

type Range = { min: number; max: number };

const one = (rows: readonly (readonly [string, string])[]): Row[] => rows.map(([name, value]) => [name, [value]] as const);

/** "10.0", "5.0", "0.25": at least one decimal, more only when the value needs them. */
export function shortDecimal(x: number, least = 1, most = 3): string {
  for (let decimals = least; decimals < most; decimals++) {
    if (Math.abs(Number(x.toFixed(decimals)) - x) <= 1e-9 * Math.max(1, Math.abs(x))) return x.toFixed(decimals);
  }
  return x.toFixed(most);
}

export function openCircuitRows(t: OpenCircuit, range: Range): Row[] {
  return one([
    ["tR (h:m:s)", hms(t.seconds)],
    ["dER/dt (mV/h)", "0.0"],
    ["record", "<Ewe>"],
    ["dER (mV)", fixed((t.recordVolts ?? 0) * 1000, 2)],
    ["dtR (s)", fixed(t.recordSeconds ?? (t.recordVolts === null ? DEFAULTS.openCircuitRecordSeconds : 0), 4)],
    ["E range min (V)", fixed(range.min)],
    ["E range max (V)", fixed(range.max)],
  ]);
}

function frequencyRows(startHz: number, endHz: number, pointsPerDecade: number): (readonly [string, string])[] {
  const start = inUnit(startHz, "frequency");
  const end = inUnit(endHz, "frequency");
  return [
    ["fi", start.value],
    ["unit fi", start.unit],
    ["ff", end.value],
    ["unit ff", end.unit],
    ["Nd", String(pointsPerDecade)],
    ["Points", "per decade"],
    ["spacing", "Logarithmic"],
  ];
}

const repeatRows: (readonly [string, string])[] = [
  ["nc cycles", "0"],
  ["goto Ns'", "0"],
  ["nr cycles", "0"],
  ["inc. cycle", "0"],
];

export function potentioImpedanceRows(t: PotentioImpedance, range: Range): Row[] {
  return one([
    ["Mode", "Single sine"],
    ["E (V)", fixed(t.bias.volts, 4)],
    ["vs.", t.bias.vs],
    ["tE (h:m:s)", hms(0)],
    ["record", "0"],
    ["dI", fixed(0)],
    ["unit dI", "mA"],
    ["dt (s)", fixed(0)],
    ...frequencyRows(t.startHz, t.endHz, t.pointsPerDecade),
    ["Va (mV)", shortDecimal(t.amplitude * 1000)],
    ["pw", DEFAULTS.waitPeriods],
    ["Na", DEFAULTS.measuresPerFrequency],
    ["corr", "0"],
    ["E range min (V)", fixed(range.min)],
    ["E range max (V)", fixed(range.max)],
    ["I Range", AUTO_RANGE],
    ["Bandwidth", DEFAULTS.bandwidth],
    ...repeatRows,
  ]);
}

export function galvanoImpedanceRows(t: GalvanoImpedance, range: Range, currentRange: string): Row[] {
  const bias = inUnit(t.biasAmperes, "current");
  const amplitude = inUnit(t.amplitude, "current");
  return one([
    ["Mode", "Single sine"],
    ["Is", bias.value],
    ["unit Is", bias.unit],
    ["vs.", "<None>"],
    ["tIs (h:m:s)", hms(0)],
    ["record", "0"],
    ["dE (mV)", fixed(0, 2)],
    ["dt (s)", fixed(0)],
    ...frequencyRows(t.startHz, t.endHz, t.pointsPerDecade),
    ["Ia/Va", "Ia"],
    ["Ia", amplitude.value],
    // Two spaces: that is how EC-Lab names this row.
    ["unit  Ia", amplitude.unit],
    ["va pourcent", "0"],
    ["pw", DEFAULTS.waitPeriods],
    ["Na", DEFAULTS.measuresPerFrequency],
    ["corr", "0"],
    ["E range min (V)", fixed(range.min)],
    ["E range max (V)", fixed(range.max)],
    ["I Range", currentRange],
    ["Bandwidth", DEFAULTS.bandwidth],
    ...repeatRows,
  ]);
}

/** The potential and current range rows of the sweep techniques (LSV, CV): the current range
 * is automatic, with no bounds. */
function sweepRangeRows(range: Range): (readonly [string, string])[] {
  return [
    ["E range min (V)", fixed(range.min)],
    ["E range max (V)", fixed(range.max)],
    ["I Range", AUTO_RANGE],
    ["I Range min", "Unset"],
    ["I Range max", "Unset"],
    ["I Range init", "Unset"],
    ["Bandwidth", DEFAULTS.bandwidth],
  ];
}

export function linearSweepRows(t: LinearSweep, range: Range): Row[] {
  const recordCurrent = t.recordAmperes === null ? { value: fixed(0), unit: "mA" } : inUnit(t.recordAmperes, "current");
  return one([
    ["tR (h:m:s)", hms(0)],
    ["dER/dt (mV/h)", "0.0"],
    ["dER (mV)", fixed(0, 2)],
    ["dtR (s)", fixed(0, 4)],
    ["dE/dt", fixed(t.scanRate * 1000)],
    ["dE/dt unit", "mV/s"],
    ["Ei (V)", fixed(t.from.volts)],
    ["vs.", t.from.vs],
    ["EL (V)", fixed(t.to.volts)],
    ["vs.", t.to.vs],
    ["record", "<I>"],
    ["dI", recordCurrent.value],
    ["unit dI", recordCurrent.unit],
    ["tI (s)", fixed(t.recordSeconds ?? 0, 4)],
    ["step percent", DEFAULTS.stepPercent],
    ["N", DEFAULTS.averagedPoints],
    ...sweepRangeRows(range),
  ]);
}

export function cyclicVoltammetryRows(t: CyclicVoltammetry, range: Range): Row[] {
  return one([
    ["Ei (V)", fixed(t.start.volts)],
    ["vs.", t.start.vs],
    ["dE/dt", fixed(t.scanRate * 1000)],
    ["dE/dt unit", "mV/s"],
    ["E1 (V)", fixed(t.upper)],
    ["vs.", "Ref"],
    ["Step percent", DEFAULTS.stepPercent],
    ["N", DEFAULTS.averagedPoints],
    ...sweepRangeRows(range),
    ["E2 (V)", fixed(t.lower)],
    ["vs.", "Ref"],
    // Cycles after the first, like the other EC-Lab repeat counts.
    ["nc cycles", String(repeatsForPasses(t.cycles))],
    ["Reverse Scan", "0"],
    ["Ef (V)", fixed(t.start.volts)],
    ["vs.", t.start.vs],
  ]);
}

export function loopTechniqueRows(t: LoopTechnique): Row[] {
  return one([
    ["goto Ne", String(t.toTechnique)],
    ["nt times", String(t.repeats)],
  ]);
}
