// The single-column techniques → model: Open Circuit Voltage, PEIS, GEIS, Linear Sweep
// Voltammetry, Cyclic Voltammetry and the Loop technique. A setting that would change the test
// but has no place in the protocol (a wait before the impedance, a slope end on open circuit,
// a repeat count inside PEIS) is refused with the cell it is in.

import { CODES } from "../codes.js";
import { MAX_REPEATS } from "../conventions.js";
import type { CyclicVoltammetry, GalvanoImpedance, LinearSweep, LoopTechnique, OpenCircuit, Potential, PotentioImpedance } from "../model.js";
import type { RowTable } from "./rows.js";

const spanOf = (table: RowTable) => table.locate.whole(table.technique.heading);

/** Reports a row whose value must be zero (or empty) for the technique to mean what btp reads. */
function mustBeZero(table: RowTable, name: string, what: string, occurrence = 0): boolean {
  const text = table.text(name, 0, occurrence);
  if (text === "" || /^[-+]?0*([.,]0*)?$/.test(text) || /^0:00:0+([.,]0*)?$/.test(text)) return true;
  table.error(CODES.unreadableValue, `${table.technique.name} sets "${name}" = ${text} (${what}), which a btp step cannot say`, table.where(name, 0, occurrence), "write this part of the schedule by hand");
  return false;
}

function expect(table: RowTable, name: string, wanted: string): boolean {
  const text = table.text(name);
  if (text === wanted) return true;
  table.error(CODES.unreadableValue, `${table.technique.name} has "${name}" = ${text}; btp imports ${wanted}`, table.where(name));
  return false;
}

function potential(table: RowTable, valueRow: string, vsOccurrence: number): Potential | null {
  const volts = table.number(valueRow);
  const vs = table.text("vs.", 0, vsOccurrence);
  if (vs !== "Ref" && vs !== "Eoc") {
    table.error(CODES.unreadableValue, `"${valueRow}" is set vs. ${vs}; btp imports potentials vs. Ref or Eoc`, table.where("vs.", 0, vsOccurrence));
    return null;
  }
  return volts === null ? null : { volts, vs };
}

export function readOpenCircuit(table: RowTable): OpenCircuit | null {
  if (!table.require("tR (h:m:s)")) return null;
  const seconds = table.duration("tR (h:m:s)");
  mustBeZero(table, "dER/dt (mV/h)", "an end on the voltage's slope");
  const dtR = table.has("dtR (s)") ? table.number("dtR (s)") : 0;
  const dER = table.has("dER (mV)") ? table.number("dER (mV)") : 0;
  table.row("record");
  table.row("E range min (V)");
  table.row("E range max (V)");
  table.reportUnknown(new Set());
  if (seconds === null) return null;
  return { kind: "ocv", seconds, recordSeconds: dtR ? dtR : null, recordVolts: dER ? dER / 1000 : null, span: spanOf(table) };
}

const IMPEDANCE_SETTINGS = ["Mode", "record", "dI", "unit dI", "dE (mV)", "dt (s)", "Points", "spacing", "pw", "Na", "corr", "E range min (V)", "E range max (V)", "I Range", "Bandwidth", "Ia/Va", "va pourcent"];

function frequencies(table: RowTable): { startHz: number; endHz: number; pointsPerDecade: number } | null {
  const startHz = table.withUnit("fi", "unit fi", "frequency");
  const endHz = table.withUnit("ff", "unit ff", "frequency");
  const pointsPerDecade = table.integer("Nd");
  const ok = [expect(table, "Mode", "Single sine"), expect(table, "Points", "per decade"), expect(table, "spacing", "Logarithmic")].every(Boolean);
  for (const name of ["nc cycles", "nr cycles"]) mustBeZero(table, name, "repeats inside the technique");
  table.row("goto Ns'");
  table.row("inc. cycle");
  if (!ok || startHz === null || endHz === null || pointsPerDecade === null) return null;
  return { startHz, endHz, pointsPerDecade };
}

export function readPotentioImpedance(table: RowTable): PotentioImpedance | null {
  if (!table.require("fi") || !table.require("Va (mV)")) return null;
  const bias = potential(table, "E (V)", 0);
  mustBeZero(table, "tE (h:m:s)", "a potential hold before the measurement");
  const amplitude = table.number("Va (mV)");
  const sweep = frequencies(table);
  table.reportUnknown(new Set(IMPEDANCE_SETTINGS));
  if (bias === null || amplitude === null || sweep === null) return null;
  if (bias.vs === "Eoc" && bias.volts !== 0) {
    table.error(CODES.unreadableValue, `the impedance is measured at Eoc ${bias.volts > 0 ? "+" : ""}${bias.volts} V; btp measures at open circuit or at a set potential`, table.where("E (V)"));
    return null;
  }
  return { kind: "peis", bias, amplitude: amplitude / 1000, ...sweep, span: spanOf(table) };
}

export function readGalvanoImpedance(table: RowTable): GalvanoImpedance | null {
  if (!table.require("fi") || !table.require("Ia")) return null;
  const biasAmperes = table.withUnit("Is", "unit Is", "current");
  mustBeZero(table, "tIs (h:m:s)", "a current hold before the measurement");
  const vs = table.text("vs.");
  if (vs !== "" && vs !== "<None>") {
    table.error(CODES.unreadableValue, `the bias current is set vs. ${vs}; btp imports an absolute bias current`, table.where("vs."));
    return null;
  }
  const amplitude = table.withUnit("Ia", "unit  Ia", "current");
  const sweep = frequencies(table);
  table.reportUnknown(new Set(IMPEDANCE_SETTINGS));
  if (biasAmperes === null || amplitude === null || sweep === null) return null;
  return { kind: "geis", biasAmperes, amplitude: Math.abs(amplitude), ...sweep, span: spanOf(table) };
}

function scanRate(table: RowTable): number | null {
  const rate = table.number("dE/dt");
  const unit = table.text("dE/dt unit");
  const factor = unit === "mV/s" ? 1e-3 : unit === "V/s" ? 1 : null;
  if (factor === null) {
    table.unreadable("dE/dt unit", 0, 0, `"${unit}" is not a scan-rate unit EC-Lab writes (mV/s, V/s)`);
    return null;
  }
  return rate === null ? null : Math.abs(rate) * factor;
}

const SWEEP_SETTINGS = ["record", "step percent", "Step percent", "N", "E range min (V)", "E range max (V)", "I Range", "I Range min", "I Range max", "I Range init", "Bandwidth"];

export function readLinearSweep(table: RowTable): LinearSweep | null {
  if (!table.require("Ei (V)") || !table.require("EL (V)")) return null;
  mustBeZero(table, "tR (h:m:s)", "a rest before the sweep");
  mustBeZero(table, "dER/dt (mV/h)", "an end on the rest's slope");
  table.row("dER (mV)");
  table.row("dtR (s)");
  const rate = scanRate(table);
  const from = potential(table, "Ei (V)", 0);
  const to = potential(table, "EL (V)", 1);
  const dI = table.has("dI") ? table.withUnit("dI", "unit dI", "current") : 0;
  const tI = table.has("tI (s)") ? table.number("tI (s)") : 0;
  table.reportUnknown(new Set(SWEEP_SETTINGS));
  if (rate === null || from === null || to === null) return null;
  return { kind: "lsv", from, to, scanRate: rate, recordSeconds: tI ? tI : null, recordAmperes: dI ? Math.abs(dI) : null, span: spanOf(table) };
}

export function readCyclicVoltammetry(table: RowTable): CyclicVoltammetry | null {
  for (const name of ["Ei (V)", "E1 (V)", "E2 (V)"]) if (!table.require(name)) return null;
  const rate = scanRate(table);
  const start = potential(table, "Ei (V)", 0);
  const first = potential(table, "E1 (V)", 1);
  const second = potential(table, "E2 (V)", 2);
  const end = table.has("Ef (V)") ? potential(table, "Ef (V)", 3) : start;
  const extra = table.integer("nc cycles");
  mustBeZero(table, "Reverse Scan", "a reversed scan");
  table.reportUnknown(new Set(SWEEP_SETTINGS));
  if (rate === null || start === null || first === null || second === null || end === null || extra === null) return null;
  if (first.vs !== "Ref" || second.vs !== "Ref") {
    table.error(CODES.unreadableValue, "the vertex potentials are set vs. Eoc; btp imports vertices vs. Ref", table.where("E1 (V)"));
    return null;
  }
  if (first.volts < second.volts) {
    table.error(CODES.unreadableValue, `the scan goes down to E1 = ${first.volts} V first; btp's cv scans up to the upper vertex first`, table.where("E1 (V)"), "swap E1 and E2 in EC-Lab if the direction does not matter");
    return null;
  }
  if (end.volts !== start.volts || end.vs !== start.vs) {
    table.error(CODES.unreadableValue, "the scan ends at Ef, away from where it started; btp's cv ends where it starts", table.where("Ef (V)"));
    return null;
  }
  if (extra < 0 || extra > MAX_REPEATS) {
    table.unreadable("nc cycles", 0, 0, `${extra} extra cycles is out of range`);
    return null;
  }
  return { kind: "cv", start, upper: first.volts, lower: second.volts, scanRate: rate, cycles: extra + 1, span: spanOf(table) };
}

export function readLoopTechnique(table: RowTable): LoopTechnique | null {
  if (!table.require("goto Ne") || !table.require("nt times")) return null;
  const toTechnique = table.integer("goto Ne");
  const repeats = table.integer("nt times");
  table.reportUnknown(new Set());
  if (toTechnique === null || repeats === null) return null;
  if (repeats < 0 || repeats > MAX_REPEATS) {
    table.unreadable("nt times", 0, 0, `the loop repeats ${repeats} times; btp reads 0 to ${MAX_REPEATS}`);
    return null;
  }
  return { kind: "loop", toTechnique, repeats, span: spanOf(table) };
}
