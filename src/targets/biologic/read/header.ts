// The header of a settings file: what btp imports (the technique count, the safety limits, the
// battery capacity) and what it knowingly leaves (sample description, software versions, the
// channel's ranges). A line it does not know is reported, not guessed at.

import type { Diagnostic } from "../../../diagnostics/diagnostic.js";
import { CODES } from "../codes.js";
import { parseDecimal, unitFactor } from "../conventions.js";
import type { SafetyLimits } from "../model.js";
import type { Locator, SourceLine } from "./blocks.js";

export interface HeaderFacts {
  techniqueCount: number | null;
  techniqueCountLine: SourceLine | null;
  safety: SafetyLimits;
  /** C, when the file gives a battery capacity above zero. */
  batteryCapacity: number | null;
  capacityLine: SourceLine | null;
  comments: string[];
}

/** Header lines EC-Lab and BT-Lab write that carry nothing btp models (sample description,
 * versions, connection, ranges chosen per technique anyway). */
const KNOWN_PREFIXES = [
  "Filename",
  "Device",
  "Ecell ctrl range",
  "Ewe ctrl range",
  "Electrode material",
  "Initial state",
  "Electrolyte",
  "Mass of active material",
  "at x =",
  "Molecular weight of active material",
  "Atomic weight of intercalated ion",
  "Acquisition started at",
  "Number of e- transfered",
  "for DX",
  "Electrode surface area",
  "Characteristic mass",
  "Volume (V)",
  "Cycle Definition",
  "Turn to OCV between techniques",
  "Do not turn to OCV between techniques",
  "EC-LAB for windows",
  "EC-Lab for windows",
  "BT-LAB for windows",
  "BT-Lab for windows",
  "Internet server",
  "Command interpretor",
  "CE vs. WE compliance",
  "Electrode connection",
  "Potential control",
  "Ewe,I filtering",
  "Channel",
  "Reference electrode",
  "Cable",
  "Equivalent Weight",
  "Density",
  "Record ",
  "User",
];

const SAFETY_IGNORED = [/^for t > /, /^Do not start on E overload/, /^Do not start on I overload/];

export function readHeader(lines: readonly SourceLine[], locate: Locator): { facts: HeaderFacts; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const facts: HeaderFacts = {
    techniqueCount: null,
    techniqueCountLine: null,
    safety: { voltageMin: null, voltageMax: null, currentMax: null },
    batteryCapacity: null,
    capacityLine: null,
    comments: [],
  };
  const warn = (line: SourceLine, message: string): void => {
    diagnostics.push({ code: CODES.unknownHeaderLine, severity: "warning", message, span: locate.whole(line), target: "biologic" });
  };
  const unreadable = (line: SourceLine, message: string): void => {
    diagnostics.push({ code: CODES.unreadableValue, severity: "error", message, span: locate.whole(line), target: "biologic" });
  };

  let inSafety = false;
  for (const line of lines) {
    const text = line.text.trim();
    if (text === "") continue;
    if (inSafety && /^\s/.test(line.text)) {
      readSafetyLine(text, line, facts.safety, warn, unreadable);
      continue;
    }
    inSafety = false;
    const colon = text.indexOf(":");
    const key = colon >= 0 ? text.slice(0, colon).trim() : text;
    const value = colon >= 0 ? text.slice(colon + 1).trim() : "";
    if (key === "Number of linked techniques") {
      const count = Number(value);
      if (!Number.isInteger(count) || count < 0) unreadable(line, `"${value}" is not a number of techniques`);
      else {
        facts.techniqueCount = count;
        facts.techniqueCountLine = line;
      }
    } else if (key === "Safety Limits") {
      inSafety = true;
    } else if (key === "Battery capacity") {
      const capacity = quantity(value, "charge");
      if (capacity === null) unreadable(line, `the battery capacity "${value}" is not a charge EC-Lab writes (A.h, mA.h)`);
      else if (capacity > 0) {
        facts.batteryCapacity = capacity;
        facts.capacityLine = line;
      }
    } else if (key === "Comments") {
      if (value !== "") facts.comments.push(value);
    } else if (!KNOWN_PREFIXES.some((p) => text.startsWith(p))) {
      warn(line, `header line "${text.slice(0, 60)}" is not known to btp; it was not imported`);
    }
  }
  return { facts, diagnostics };
}

function readSafetyLine(
  text: string,
  line: SourceLine,
  safety: SafetyLimits,
  warn: (line: SourceLine, message: string) => void,
  unreadable: (line: SourceLine, message: string) => void,
): void {
  if (SAFETY_IGNORED.some((p) => p.test(text))) return;
  const voltage = /^(Ewe|Ecell) (min|max) = (\S+) (\S+)$/.exec(text);
  if (voltage) {
    const volts = quantity(`${voltage[3]} ${voltage[4]}`, "voltage");
    if (volts === null) return unreadable(line, `the safety limit "${text}" is not a voltage`);
    if (voltage[2] === "min") safety.voltageMin = volts;
    else safety.voltageMax = volts;
    return;
  }
  const current = /^\|I\| = (\S+) (\S+)$/.exec(text);
  if (current) {
    const amperes = quantity(`${current[1]} ${current[2]}`, "current");
    if (amperes === null) return unreadable(line, `the safety limit "${text}" is not a current`);
    safety.currentMax = Math.abs(amperes);
    return;
  }
  warn(line, `safety limit "${text}" is not known to btp; it was not imported`);
}

/** "2.280 mA.h" → coulombs, "4,20 V" → volts; null when the number or unit is not one EC-Lab
 * writes for that quantity. */
export function quantity(text: string, family: "current" | "voltage" | "charge" | "time" | "frequency"): number | null {
  const match = /^(\S+)\s+(\S+)$/.exec(text.trim());
  if (!match) return null;
  const value = parseDecimal(match[1]!);
  const factor = unitFactor(match[2]!, family);
  return value === null || factor === null ? null : value * factor;
}
