// Every LAND convention btp relies on, in one place. LAND (Wuhan LAND / 蓝电, CT2001A, CT3002A,
// LANDt, LANDdt) has no public schedule format (/work/shared/research/cycler-formats.md §1): the
// only public evidence is a reverse-engineered reader of .cex result files, which names the step
// modes 静置 (rest), 恒流充电 (CC charge) and 恒流放电 (CC discharge), stores currents in amperes and
// ends on time or voltage. So btp writes no instrument file for LAND: it writes a keying sheet
// that a person types into the LANDt/LANDdt step editor, in the editor's own words.

import { formatNumber } from "../../units/format.js";

// ---------------------------------------------------------------------------------------------
// Step names (工作模式), Chinese as the editor shows them, English beside

export interface LandMode {
  zh: string;
  en: string;
}

export const MODE = {
  rest: { zh: "静置", en: "Rest" },
  ccCharge: { zh: "恒流充电", en: "CC charge" },
  ccDischarge: { zh: "恒流放电", en: "CC discharge" },
  cvCharge: { zh: "恒压充电", en: "CV charge" },
  cvDischarge: { zh: "恒压放电", en: "CV discharge" },
  cycle: { zh: "循环", en: "Cycle (go to)" },
  end: { zh: "结束", en: "End" },
} as const satisfies Record<string, LandMode>;

/** Rows that are not LAND steps: what the operator does by hand, and section titles. */
export const OPERATOR = { zh: "操作员", en: "Operator" } as const satisfies LandMode;

/** Modes confirmed by the public .cex evidence; every other mode name is marked "verify". */
export const CONFIRMED_MODES: ReadonlySet<string> = new Set([MODE.rest.zh, MODE.ccCharge.zh, MODE.ccDischarge.zh]);

// ---------------------------------------------------------------------------------------------
// Loops

/** A loop is a 循环 (cycle) row after its body: "go to step N, M times". btp writes M as the
 * total number of passes through the block (repeat 3 → 3); LAND's own meaning of the count is not
 * documented publicly, so the sheet says it in words on every cycle row and the docs ask the
 * operator to check one loop. */
export function cycleCountField(passes: number): number {
  return passes;
}

export function cycleWords(first: number, last: number, passes: number): { setpoint: string; cutoff: string; note: string } {
  const count = cycleCountField(passes);
  const steps = first === last ? `step ${first} runs` : `steps ${first}–${last} run`;
  return {
    setpoint: `跳转到第 ${first} 步 / go to step ${first}`,
    cutoff: `循环 ${count} 次 / ${count} times`,
    note: `${steps} ${passes} time${passes === 1 ? "" : "s"} in all (${count} = total passes; if your LANDt counts the repeats after the first pass, enter ${Math.max(0, passes - 1)})`,
  };
}

// ---------------------------------------------------------------------------------------------
// Units: what the LANDt step editor shows

/** Currents in mA, or µA below 1 mA (the units of the editor's current fields); 6 significant
 * digits, far finer than a channel's resolution and free of binary residue. */
export function currentText(amperes: number): string {
  const magnitude = Math.abs(amperes);
  if (magnitude !== 0 && magnitude < 1e-3) return `${formatNumber(magnitude * 1e6, 6)} µA`;
  return `${formatNumber(magnitude * 1e3, 6)} mA`;
}

export function voltageText(volts: number): string {
  return `${formatNumber(volts, 6)} V`;
}

/** Capacities in mAh (µAh below 1 µAh would not be keyed; mAh covers coin to pouch cells). */
export function capacityText(coulombs: number): string {
  return `${formatNumber(coulombs / 3.6, 6)} mAh`;
}

/** Times as the editor's hh:mm:ss, with milliseconds when the time has them. */
export function timeText(seconds: number): string {
  const millis = Math.round(seconds * 1000);
  const hours = Math.floor(millis / 3_600_000);
  const minutes = Math.floor((millis % 3_600_000) / 60_000);
  const secs = Math.floor((millis % 60_000) / 1000);
  const rest = millis % 1000;
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${two(hours)}:${two(minutes)}:${two(secs)}${rest === 0 ? "" : `.${String(rest).padStart(3, "0").replace(/0+$/, "")}`}`;
}

export function temperatureText(kelvin: number): string {
  return `${formatNumber(kelvin - 273.15, 6)} °C`;
}

// ---------------------------------------------------------------------------------------------
// The two files

/** The page is UTF-8 HTML (LF); the CSV is UTF-8 with a byte-order mark, so that Excel on
 * Chinese or English Windows shows 恒流充电 correctly, and CRLF line ends (RFC 4180). */
export const CSV_BOM = "\uFEFF";
export const CSV_LINE_ENDING = "\r\n";
export const HTML_LINE_ENDING = "\n";

export const KEYING_SHEET_NOTICE =
  "LAND keying sheet, NOT an instrument file: LAND has no public schedule format, so type these rows into the LANDt / LANDdt step editor by hand and check each one.";
