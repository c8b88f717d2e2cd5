// The lines before the first technique: the magic line, the technique count, the channel's
// potential range and safety limits, then the sample block EC-Lab always writes (btp fills what
// the cell declares and EC-Lab's own placeholders elsewhere), and the comments.

import { DEFAULTS, FIRST_LINE, exactAt, fixed, inUnit } from "../conventions.js";
import type { SettingsHeader } from "../model.js";

/** "2.00", "4.20", "3.905": two decimals as EC-Lab prints them, three when the value needs them. */
function volts(x: number): string {
  return exactAt(x, 2) ? fixed(x, 2) : fixed(x);
}

/** mg, 3 decimals; EC-Lab's placeholder 0.001 when unknown. */
function milligrams(kg: number | null): string {
  return fixed(kg === null ? 0.001 : kg * 1e6);
}

function squareCentimetres(m2: number | null): string {
  return fixed(m2 === null ? 0.001 : m2 * 1e4);
}

/** "0.294 mA.h", "1.300 A.h"; EC-Lab writes "0.000 A.h" when no capacity is set. */
export function capacityText(coulombs: number | null): string {
  if (coulombs === null) return "0.000 A.h";
  const ah = coulombs / 3600;
  return ah >= 1 ? `${fixed(ah)} A.h` : `${fixed(ah * 1000)} mA.h`;
}

export function headerLines(header: SettingsHeader, techniqueCount: number): string[] {
  const lines = [FIRST_LINE, "", `Number of linked techniques : ${techniqueCount}`, ""];
  lines.push(`Ewe ctrl range : min = ${fixed(header.potentialRange.min, 2)} V, max = ${fixed(header.potentialRange.max, 2)} V`);
  lines.push("Safety Limits :");
  const safety = header.safety;
  if (safety.voltageMin !== null) lines.push(`\tEwe min = ${volts(safety.voltageMin)} V`);
  if (safety.voltageMax !== null) lines.push(`\tEwe max = ${volts(safety.voltageMax)} V`);
  if (safety.currentMax !== null) {
    const current = inUnit(safety.currentMax, "current");
    lines.push(`\t|I| = ${current.value} ${current.unit}`);
  }
  if (safety.voltageMin !== null || safety.voltageMax !== null || safety.currentMax !== null) lines.push(`\t${DEFAULTS.safetyDelay}`);
  lines.push("\tDo not start on E overload");
  lines.push(`Electrode material : ${header.electrodeMaterial}`);
  lines.push("Initial state : ");
  lines.push(`Electrolyte : ${header.electrolyte}`);
  for (const comment of header.comments) lines.push(`Comments : ${comment}`);
  lines.push(`Mass of active material : ${milligrams(header.activeMass)} mg`);
  lines.push(" at x = 0.000");
  lines.push("Molecular weight of active material (at x = 0) : 0.001 g/mol");
  lines.push("Atomic weight of intercalated ion : 0.001 g/mol");
  lines.push("Acquisition started at : xo = 0.000");
  lines.push("Number of e- transfered per intercalated ion : 1");
  lines.push("for DX = 1, DQ = 26.802 mA.h");
  lines.push(`Battery capacity : ${capacityText(header.batteryCapacity)}`);
  lines.push(`Electrode surface area : ${squareCentimetres(header.electrodeArea)} cm²`);
  lines.push(`Characteristic mass : ${header.activeMass === null ? "0.001 g" : `${milligrams(header.activeMass)} mg`}`);
  lines.push("Cycle Definition : Charge/Discharge alternance");
  // The cell is left at open circuit between techniques, as between the protocol's steps.
  lines.push("Turn to OCV between techniques");
  return lines;
}
