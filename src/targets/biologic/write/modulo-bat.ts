// A Modulo Bat technique as parameter rows: one column per sequence, the rows in the order
// EC-Lab 11.6 writes them (the order its logs echo). Unused limit and record slots are filled
// with harmless values the way EC-Lab fills them, never left to chance.

import { DEFAULTS, directionWord, fixed, inUnit, N_DECIMALS, STOP_SEQUENCE } from "../conventions.js";
import type { MbLimit, MbRecord, MbSequence, ModuloBat } from "../model.js";
import type { Row } from "./columns.js";

export const LIMIT_SLOTS = 3;
export const RECORD_SLOTS = 3;

const limitRows = (k: number): string[] => [`lim${k}_type`, `lim${k}_comp`, `lim${k}_Q`, `lim${k}_value`, `lim${k}_value_unit`, `lim${k}_action`, `lim${k}_seq`];
const recordRows = (k: number): string[] => [`rec${k}_type`, `rec${k}_value`, `rec${k}_value_unit`];

/** Every row btp writes for a Modulo Bat technique, in order. */
export const MODULO_BAT_ROWS: readonly string[] = [
  "Ns",
  "ctrl_type",
  "Apply I/C",
  "current/potential",
  "ctrl1_val",
  "ctrl1_val_unit",
  "ctrl1_val_vs",
  "ctrl2_val",
  "ctrl2_val_unit",
  "ctrl2_val_vs",
  "ctrl3_val",
  "ctrl3_val_unit",
  "ctrl3_val_vs",
  "N",
  "charge/discharge",
  "charge/discharge_1",
  "Apply I/C_1",
  "N1",
  "ctrl4_val",
  "ctrl4_val_unit",
  "ctrl5_val",
  "ctrl5_val_unit",
  "ctrl_tM",
  "ctrl_seq",
  "ctrl_repeat",
  "ctrl_trigger",
  "ctrl_TO_t",
  "ctrl_TO_t_unit",
  "ctrl_Nd",
  "ctrl_Na",
  "ctrl_corr",
  "lim_nb",
  ...limitRows(1),
  ...limitRows(2),
  ...limitRows(3),
  "rec_nb",
  ...recordRows(1),
  ...recordRows(2),
  ...recordRows(3),
  "E range min (V)",
  "E range max (V)",
  "I Range",
  "I Range min",
  "I Range max",
  "I Range init",
  "auto rest",
  "Bandwidth",
];

export function moduloBatRows(technique: ModuloBat, potentialRange: { min: number; max: number }): Row[] {
  const columns = technique.sequences.map((sequence, ns) => sequenceCells(sequence, ns, potentialRange));
  return MODULO_BAT_ROWS.map((name) => [name, columns.map((cells) => cells.get(name) ?? "")] as const);
}

function sequenceCells(sequence: MbSequence, ns: number, potentialRange: { min: number; max: number }): Map<string, string> {
  const cells = new Map<string, string>();
  const set = (name: string, value: string): void => void cells.set(name, value);
  const control = sequence.control;

  set("Ns", String(ns));
  set("ctrl_type", control.type);
  set("Apply I/C", control.type === "CC" && control.cRate ? control.cRate.mode : "I");
  set("current/potential", "current");
  if (control.type === "CC") {
    const current = inUnit(control.amperes, "current");
    set("ctrl1_val", current.value);
    set("ctrl1_val_unit", current.unit);
    set("ctrl1_val_vs", "<None>");
  } else if (control.type === "CV") {
    const voltage = inUnit(control.potential.volts, "voltage");
    set("ctrl1_val", voltage.value);
    set("ctrl1_val_unit", voltage.unit);
    set("ctrl1_val_vs", control.potential.vs);
  }
  set("N", fixed(control.type === "CC" && control.cRate ? control.cRate.n : 0, N_DECIMALS));
  set("charge/discharge", control.type === "CC" ? directionWord(control.direction) : "Charge");
  set("charge/discharge_1", "Charge");
  set("Apply I/C_1", "I");
  set("N1", fixed(0, N_DECIMALS));
  set("ctrl_tM", "0");
  set("ctrl_seq", control.type === "Loop" ? String(control.toSequence) : "0");
  set("ctrl_repeat", control.type === "Loop" ? String(control.repeats) : "0");
  set("ctrl_trigger", "Falling Edge");
  set("ctrl_TO_t", fixed(0));
  set("ctrl_TO_t_unit", "d");
  set("ctrl_Nd", "6");
  set("ctrl_Na", "1");
  set("ctrl_corr", "0");

  set("lim_nb", String(sequence.limits.length));
  for (let k = 1; k <= LIMIT_SLOTS; k++) {
    const [type, comp, q, value, unit, action, seq] = limitRows(k);
    const limit = sequence.limits[k - 1];
    const written = limit ? limitCells(limit, ns) : { type: "Time", comp: "<", value: fixed(0), unit: "s", action: "Next sequence", seq: String(ns + 1) };
    set(type!, written.type);
    set(comp!, written.comp);
    set(q!, "Q limit");
    set(value!, written.value);
    set(unit!, written.unit);
    set(action!, written.action);
    set(seq!, written.seq);
  }

  set("rec_nb", String(sequence.records.length));
  for (let k = 1; k <= RECORD_SLOTS; k++) {
    const [type, value, unit] = recordRows(k);
    const record = sequence.records[k - 1];
    const written = record ? recordCells(record) : { type: "Time", value: fixed(0), unit: "s" };
    set(type!, written.type);
    set(value!, written.value);
    set(unit!, written.unit);
  }

  set("E range min (V)", fixed(potentialRange.min));
  set("E range max (V)", fixed(potentialRange.max));
  set("I Range", sequence.currentRange);
  set("I Range min", "Unset");
  set("I Range max", "Unset");
  set("I Range init", "Unset");
  set("auto rest", "0");
  set("Bandwidth", DEFAULTS.bandwidth);
  return cells;
}

function limitCells(limit: MbLimit, ns: number): { type: string; comp: string; value: string; unit: string; action: string; seq: string } {
  const action = limit.action === "stop" ? "Stop" : "Next sequence";
  const seq = limit.action === "stop" ? String(STOP_SEQUENCE) : String(ns + 1);
  switch (limit.type) {
    case "Time": {
      const time = inUnit(limit.seconds, "time");
      return { type: "Time", comp: ">", value: time.value, unit: time.unit, action, seq };
    }
    case "Ewe": {
      const voltage = inUnit(limit.volts, "voltage");
      return { type: "Ewe", comp: limit.comparison, value: voltage.value, unit: voltage.unit, action, seq };
    }
    case "|I|": {
      const current = inUnit(limit.amperes, "current");
      return { type: "|I|", comp: limit.comparison, value: current.value, unit: current.unit, action, seq };
    }
    case "|Q|": {
      const charge = inUnit(limit.coulombs, "charge");
      return { type: "|Q|", comp: ">", value: charge.value, unit: charge.unit, action, seq };
    }
  }
}

function recordCells(record: MbRecord): { type: string; value: string; unit: string } {
  switch (record.type) {
    case "Time": {
      const time = inUnit(record.seconds, "time");
      return { type: "Time", value: time.value, unit: time.unit };
    }
    case "Ewe": {
      const voltage = inUnit(record.volts, "voltage");
      return { type: "Ewe", value: voltage.value, unit: voltage.unit };
    }
    case "I": {
      const current = inUnit(record.amperes, "current");
      return { type: "I", value: current.value, unit: current.unit };
    }
  }
}
