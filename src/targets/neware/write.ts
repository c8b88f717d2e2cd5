// Neware steps → the bytes of a BTS 8 step file. The layout follows the real BTS 8 file and
// aurora-unicycler's writer: only the fields a step uses, no Is_Select flags, StepN elements
// numbered from 1 with the End step last, `Step_Info Num` counting the End step.

import { XMLBuilder } from "fast-xml-parser";
import {
  ampsToFile,
  CLIENT_VERSION,
  CONFIG_VERSION,
  coulombsToFile,
  FILE_DATE,
  formatFileNumber,
  INDENT,
  LINE_ENDING,
  OPERATE,
  RATE_TYPE,
  secondsToFile,
  STEP_TYPE,
  voltsToFile,
  XML_DECLARATION_ENCODING,
} from "./conventions.js";
import type { NewareMain, NewareProtection, NewareRecord, NewareSchedule, NewareStep } from "./model.js";
import { withPlainSpellings } from "../common/text.js";
import { contentUuid } from "../common/content-ids.js";

type XmlNode = { [key: string]: XmlNode | string };

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  indentBy: INDENT,
  suppressEmptyNode: true,
  // Values are escaped here (escapeAttribute), so that non-ASCII text becomes character
  // references instead of being escaped twice.
  processEntities: false,
});

/** The whole file as text (the caller encodes it as UTF-8). `header` lines become an XML
 * comment before the root element. */
export function writeNewareXml(schedule: NewareSchedule, header: readonly string[]): string {
  const guid = contentUuid(JSON.stringify(schedule, (key, value) => (key === "span" ? undefined : value)));
  const document: XmlNode = {
    root: {
      config: {
        "@_type": "Step File",
        "@_version": CONFIG_VERSION,
        "@_client_version": CLIENT_VERSION,
        "@_date": FILE_DATE,
        "@_Guid": guid,
        Head_Info: headInfo(schedule),
        Whole_Prt: {
          Protect: { Main: protection(schedule.protect, schedule.scale) },
          Record: { Main: recording(schedule.record, schedule.scale) },
        },
        Step_Info: steps(schedule),
        SMBUS: { SMBUS_Info: { "@_Num": "0", "@_AdjacentInterval": "0" } },
      },
    },
  };
  const lines = [`<?xml version="1.0" encoding="${XML_DECLARATION_ENCODING}"?>`, ...comment(header), ...builder.build(document).trimEnd().split("\n")];
  return lines.join(LINE_ENDING) + LINE_ENDING;
}

function headInfo(schedule: NewareSchedule): XmlNode {
  const head: XmlNode = {
    Operate: value(OPERATE),
    Scale: value(String(schedule.scale)),
    Start_Step: { "@_Value": "1", "@_Hide_Ctrl_Step": "0" },
    Creator: value(escapeAttribute(schedule.creator)),
    PN: value(escapeAttribute(schedule.pn)),
    Remark: value(escapeAttribute(schedule.remark)),
    RateType: value(RATE_TYPE),
  };
  if (schedule.multCap !== undefined) head.MultCap = number(coulombsToFile(schedule.multCap, schedule.scale));
  return head;
}

function steps(schedule: NewareSchedule): XmlNode {
  const info: XmlNode = { "@_Num": String(schedule.steps.length) };
  for (const step of schedule.steps) info[`Step${step.id}`] = stepElement(step, schedule.scale);
  return info;
}

function stepElement(step: NewareStep, scale: number): XmlNode {
  const element: XmlNode = { "@_Step_ID": String(step.id), "@_Step_Type": String(step.type) };
  if (step.type === STEP_TYPE.end) return element;
  if (step.record) element.Record = { Main: recording(step.record, scale) };
  const limit: XmlNode = {};
  const main = mainFields(step.main, scale);
  if (Object.keys(main).length > 0 || !step.cycle) limit.Main = main;
  if (step.cycle) {
    limit.Other = { Start_Step: value(String(step.cycle.startStep)), Cycle_Count: value(String(step.cycle.count)) };
  }
  element.Limit = limit;
  if (step.protect) element.Protect = { Main: protection(step.protect, scale) };
  return element;
}

function mainFields(main: NewareMain, scale: number): XmlNode {
  const out: XmlNode = {};
  if (main.rate !== undefined) out.Rate = number(main.rate);
  if (main.current !== undefined) out.Curr = number(ampsToFile(main.current, scale));
  if (main.voltage !== undefined) out.Volt = number(voltsToFile(main.voltage));
  if (main.stopVoltage !== undefined) out.Stop_Volt = number(voltsToFile(main.stopVoltage));
  if (main.stopRate !== undefined) out.Stop_Rate = number(main.stopRate);
  if (main.stopCurrent !== undefined) out.Stop_Curr = number(ampsToFile(main.stopCurrent, scale));
  if (main.time !== undefined) out.Time = number(secondsToFile(main.time));
  if (main.capacity !== undefined) out.Cap = number(coulombsToFile(main.capacity, scale));
  return out;
}

function protection(protect: NewareProtection, scale: number): XmlNode | string {
  const out: XmlNode = {};
  const volt: XmlNode = {};
  if (protect.voltageUpper !== undefined) volt.Upper = number(voltsToFile(protect.voltageUpper));
  if (protect.voltageLower !== undefined) volt.Lower = number(voltsToFile(protect.voltageLower));
  if (Object.keys(volt).length > 0) out.Volt = volt;
  const curr: XmlNode = {};
  if (protect.currentUpper !== undefined) curr.Upper = number(ampsToFile(protect.currentUpper, scale));
  if (protect.currentLower !== undefined) curr.Lower = number(ampsToFile(protect.currentLower, scale));
  if (Object.keys(curr).length > 0) out.Curr = curr;
  if (protect.capacityUpper !== undefined) out.Cap = { Upper: number(coulombsToFile(protect.capacityUpper, scale)) };
  return Object.keys(out).length > 0 ? out : "";
}

function recording(record: NewareRecord, scale: number): XmlNode | string {
  const out: XmlNode = {};
  if (record.time !== undefined) out.Time = number(secondsToFile(record.time));
  if (record.voltage !== undefined) out.Volt = number(voltsToFile(record.voltage));
  if (record.current !== undefined) out.Curr = number(ampsToFile(record.current, scale));
  return Object.keys(out).length > 0 ? out : "";
}

function value(text: string): XmlNode {
  return { "@_Value": text };
}

function number(x: number): XmlNode {
  return value(formatFileNumber(x));
}

/** Attribute text as ASCII XML: markup characters and everything outside ASCII become
 * character references, so the bytes read the same whatever codec BTS assumes. */
export function escapeAttribute(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "&") out += "&amp;";
    else if (char === "<") out += "&lt;";
    else if (char === ">") out += "&gt;";
    else if (char === '"') out += "&quot;";
    else if (code === 9 || code === 10 || code === 13 || code > 0x7e) out += `&#x${code.toString(16).toUpperCase()};`;
    else if (code < 0x20 || code === 0x7f) out += " ";
    else out += char;
  }
  return out;
}

/** The header as one XML comment, in ASCII like the rest of the file: symbols get their plain
 * spellings (°C → degC), anything else its code point. "--" may not appear inside a comment. */
function comment(lines: readonly string[]): string[] {
  if (lines.length === 0) return [];
  const safe = lines.map((line) => {
    let text = withPlainSpellings(line, "ascii").replace(/[^\x20-\x7e]/gu, (char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
    while (text.includes("--")) text = text.replace(/--/g, "- -");
    return `${INDENT}${text}`.trimEnd();
  });
  return ["<!--", ...safe, "-->"];
}
