// A Modulo Bat block → sequences: what each column controls (rest, constant current, constant
// voltage, loop), the limits that end it, and what it records. Newer EC-Lab rows and older
// BT-Lab rows are both read by name. Settings btp does not model are reported when they are set.

import { CODES } from "../codes.js";
import { MAX_REPEATS, directionFrom, parseDecimal } from "../conventions.js";
import type { LimitAction, MbControl, MbLimit, MbRecord, MbSequence, ModuloBat } from "../model.js";
import { MODULO_BAT_ROWS } from "../write/modulo-bat.js";
import { MAX_COLUMNS } from "./blocks.js";
import type { RowTable } from "./rows.js";

const KNOWN_ROWS = new Set([...MODULO_BAT_ROWS, "lim1_Qprev_pct", "lim2_Qprev_pct", "lim3_Qprev_pct"]);
const MAX_SLOTS = 3;

export function readModuloBat(table: RowTable, capacity: number | null): ModuloBat | null {
  if (!table.require("ctrl_type")) return null;
  const count = table.row("ctrl_type")!.cells.length;
  if (count === 0) {
    table.error(CODES.truncated, `Modulo Bat technique ${table.technique.number} has no sequences`, table.where("ctrl_type"), "save the settings again from EC-Lab");
    return null;
  }
  if (count > MAX_COLUMNS) {
    table.error(CODES.notSettingsFile, `Modulo Bat technique ${table.technique.number} has ${count} sequences, more than btp reads (${MAX_COLUMNS})`, table.where("ctrl_type"));
    return null;
  }
  const sequences: MbSequence[] = [];
  for (let ns = 0; ns < count; ns++) {
    if (table.has("Ns")) {
      const written = table.text("Ns", ns);
      if (written !== String(ns)) {
        table.error(CODES.truncated, `sequence ${ns} is numbered "${written}"; Modulo Bat sequences are numbered 0, 1, 2 … in order`, table.where("Ns", ns));
      }
    }
    const sequence = readSequence(table, ns, capacity);
    if (sequence) sequences.push(sequence);
  }
  table.reportUnknown(KNOWN_ROWS);
  return { kind: "moduloBat", sequences, span: table.locate.whole(table.technique.heading) };
}

function readSequence(table: RowTable, ns: number, capacity: number | null): MbSequence | null {
  const span = table.where("ctrl_type", ns);
  const type = table.text("ctrl_type", ns);
  const control = readControl(table, ns, type, capacity);
  if (control === null) return null;
  notImported(table, ns, control);
  if (control.type === "Loop") return { control, limits: [], records: [], currentRange: table.text("I Range", ns), span };
  const limits = readLimits(table, ns);
  const records = readRecords(table, ns);
  return { control, limits, records, currentRange: table.text("I Range", ns), span };
}

function readControl(table: RowTable, ns: number, type: string, capacity: number | null): MbControl | null {
  switch (type) {
    case "Rest":
      return { type: "Rest" };
    case "CC":
      return readConstantCurrent(table, ns, capacity);
    case "CV": {
      const volts = table.withUnit("ctrl1_val", "ctrl1_val_unit", "voltage", ns);
      const vs = table.text("ctrl1_val_vs", ns);
      if (vs !== "Ref" && vs !== "Eoc") {
        table.error(CODES.unreadableValue, `sequence ${ns} holds a voltage "vs. ${vs}"; btp imports holds against Ref or Eoc`, table.where("ctrl1_val_vs", ns));
        return null;
      }
      return volts === null ? null : { type: "CV", potential: { volts, vs } };
    }
    case "Loop": {
      const toSequence = table.integer("ctrl_seq", ns);
      const repeats = table.integer("ctrl_repeat", ns);
      if (toSequence === null || repeats === null) return null;
      if (repeats < 0 || repeats > MAX_REPEATS) {
        table.unreadable("ctrl_repeat", ns, 0, `loop sequence ${ns} repeats ${repeats} times; btp reads 0 to ${MAX_REPEATS}`);
        return null;
      }
      return { type: "Loop", toSequence, repeats };
    }
    case "":
      table.error(CODES.truncated, `sequence ${ns} has no control type`, table.where("ctrl_type", ns), "the file may be truncated; save it again from EC-Lab");
      return null;
    default:
      table.error(
        CODES.unknownSequenceType,
        `sequence ${ns} is a "${type}" sequence; btp imports Rest, CC, CV and Loop sequences`,
        table.where("ctrl_type", ns),
        "write this part of the schedule in the .btp file by hand",
      );
      return null;
  }
}

function readConstantCurrent(table: RowTable, ns: number, capacity: number | null): MbControl | null {
  const mode = table.text("Apply I/C", ns) || "I";
  const word = table.text("charge/discharge", ns);
  if (mode === "I") {
    const signed = table.withUnit("ctrl1_val", "ctrl1_val_unit", "current", ns);
    if (signed === null) return null;
    const direction = directionFrom(word, signed);
    if (direction === null) return badDirection(table, ns, word);
    return { type: "CC", direction, amperes: Math.abs(signed), cRate: null };
  }
  if (mode !== "C / N" && mode !== "C x N") {
    table.unreadable("Apply I/C", ns, 0, `"${mode}" in row "Apply I/C" is not I, C / N or C x N`);
    return null;
  }
  const n = table.number("N", ns);
  if (n === null) return null;
  if (n <= 0) {
    table.unreadable("N", ns, 0, `N = ${table.text("N", ns)} gives no current`);
    return null;
  }
  if (capacity === null) {
    table.error(CODES.cRateWithoutCapacity, `sequence ${ns} sets its current as ${mode} but the file gives no battery capacity`, table.where("Apply I/C", ns), "set the battery capacity in EC-Lab and save the file again");
    return null;
  }
  const direction = directionFrom(word, 1);
  if (direction === null) return badDirection(table, ns, word);
  const rate = mode === "C / N" ? 1 / n : n;
  return { type: "CC", direction, amperes: (capacity / 3600) * rate, cRate: { mode, n } };
}

function badDirection(table: RowTable, ns: number, word: string): null {
  table.unreadable("charge/discharge", ns, 0, `"${word}" in row "charge/discharge" is neither Charge nor Discharge`);
  return null;
}

function readLimits(table: RowTable, ns: number): MbLimit[] {
  if (!table.has("lim_nb")) return [];
  const count = table.integer("lim_nb", ns);
  if (count === null) return [];
  if (count < 0 || count > MAX_SLOTS) {
    table.unreadable("lim_nb", ns, 0, `sequence ${ns} has ${count} limits; Modulo Bat has 0 to ${MAX_SLOTS}`);
    return [];
  }
  const limits: MbLimit[] = [];
  for (let k = 1; k <= count; k++) {
    const limit = readLimit(table, ns, k);
    if (limit) limits.push(limit);
  }
  return limits;
}

function readLimit(table: RowTable, ns: number, k: number): MbLimit | null {
  const row = (name: string): string => `lim${k}_${name}`;
  const action = readAction(table, ns, k);
  if (action === null) return null;
  const type = table.text(row("type"), ns);
  const comparison = table.text(row("comp"), ns);
  const compared = (): "<" | ">" | null => {
    if (comparison === "<" || comparison === ">") return comparison;
    table.unreadable(row("comp"), ns, 0, `"${comparison}" in row "${row("comp")}" is neither < nor >`);
    return null;
  };
  switch (type) {
    case "Time": {
      if (comparison !== ">") {
        table.unreadable(row("comp"), ns, 0, `sequence ${ns} ends when the time is "${comparison}" a value; btp imports time limits with >`);
        return null;
      }
      const seconds = table.withUnit(row("value"), row("value_unit"), "time", ns);
      return seconds === null ? null : { type: "Time", seconds, action };
    }
    case "Ewe":
    case "Ecell": {
      const c = compared();
      const volts = table.withUnit(row("value"), row("value_unit"), "voltage", ns);
      return c === null || volts === null ? null : { type: "Ewe", comparison: c, volts, action };
    }
    case "|I|":
    case "I": {
      // A limit on I (not |I|) after a charge or discharge compares the current's magnitude in
      // practice; btp's current ends are magnitudes.
      const c = compared();
      const amperes = table.withUnit(row("value"), row("value_unit"), "current", ns);
      return c === null || amperes === null ? null : { type: "|I|", comparison: c, amperes: Math.abs(amperes), action };
    }
    case "|Q|": {
      const q = table.text(row("Q"), ns);
      if (q !== "" && q !== "Q limit") {
        table.unreadable(row("Q"), ns, 0, `sequence ${ns} compares the charge with "${q}"; btp imports plain charge limits (Q limit)`);
        return null;
      }
      const coulombs = table.withUnit(row("value"), row("value_unit"), "charge", ns);
      return coulombs === null ? null : { type: "|Q|", coulombs: Math.abs(coulombs), action };
    }
    default:
      table.unreadable(row("type"), ns, 0, `sequence ${ns} has a "${type}" limit; btp imports limits on Time, Ewe, I and |Q|`);
      return null;
  }
}

function readAction(table: RowTable, ns: number, k: number): LimitAction | null {
  const action = table.text(`lim${k}_action`, ns);
  if (action === "Next sequence" || action === "") return "next";
  if (action === "Stop") return "stop";
  if (action === "Goto sequence") {
    const target = table.integer(`lim${k}_seq`, ns);
    if (target === ns + 1) return "next";
    table.error(
      CODES.jump,
      `sequence ${ns} jumps to sequence ${target ?? "?"} when limit ${k} is reached; btp imports only loops (Loop sequences)`,
      table.where(`lim${k}_seq`, ns),
      "rewrite the jump as a loop in EC-Lab, or write this part of the schedule by hand",
    );
    return null;
  }
  table.unreadable(`lim${k}_action`, ns, 0, `"${action}" in row "lim${k}_action" is not Next sequence, Goto sequence or Stop`);
  return null;
}

function readRecords(table: RowTable, ns: number): MbRecord[] {
  if (!table.has("rec_nb")) return [];
  const count = table.integer("rec_nb", ns);
  if (count === null) return [];
  if (count < 0 || count > MAX_SLOTS) {
    table.unreadable("rec_nb", ns, 0, `sequence ${ns} has ${count} record rules; Modulo Bat has 0 to ${MAX_SLOTS}`);
    return [];
  }
  const records: MbRecord[] = [];
  for (let k = 1; k <= count; k++) {
    const type = table.text(`rec${k}_type`, ns);
    const value = (family: "time" | "voltage" | "current"): number | null => table.withUnit(`rec${k}_value`, `rec${k}_value_unit`, family, ns);
    if (type === "Time") {
      const seconds = value("time");
      if (seconds !== null) records.push({ type: "Time", seconds });
    } else if (type === "Ewe" || type === "Ecell") {
      const volts = value("voltage");
      if (volts !== null) records.push({ type: "Ewe", volts: Math.abs(volts) });
    } else if (type === "I") {
      const amperes = value("current");
      if (amperes !== null) records.push({ type: "I", amperes: Math.abs(amperes) });
    } else {
      table.warning(CODES.settingNotImported, `sequence ${ns} records on "${type}"; btp imports recording on time, voltage and current only`, table.where(`rec${k}_type`, ns));
    }
  }
  return records;
}

/** Rows btp knows but does not model, reported when they hold a setting. */
function notImported(table: RowTable, ns: number, control: MbControl): void {
  const set = (name: string): boolean => {
    const text = table.text(name, ns);
    if (text === "") return false;
    const value = parseDecimal(text);
    return value === null || value !== 0;
  };
  const names = ["ctrl4_val", "ctrl5_val", "ctrl_tM", "ctrl_TO_t"];
  if (control.type !== "Loop") names.push("ctrl2_val", "ctrl3_val");
  for (const name of names) {
    if (!set(name)) continue;
    table.warning(
      CODES.settingNotImported,
      `sequence ${ns} sets "${name}" = ${table.text(name, ns)}, which btp does not import`,
      table.where(name, ns),
      "check in EC-Lab what it does; if it changes the test, write that step by hand",
    );
  }
}
