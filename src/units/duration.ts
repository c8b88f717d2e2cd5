// Durations for people: "45 s", "10 min", "2 h 30 min", "41.7 d (1000 h)". Used by `btp explain`,
// hovers and the simulator's summaries, where a total like 3,600,000 s means nothing at a glance.

import { formatNumber } from "./format.js";

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
/** From two days on, clock-style "h min s" stops being readable; days (and hours) take over. */
const DAYS_FROM = 2 * DAY;

export function formatDuration(seconds: number): string {
  if (Number.isNaN(seconds)) return "unknown";
  if (!Number.isFinite(seconds)) return seconds > 0 ? "unbounded" : "-unbounded";
  if (seconds < 0) return `-${formatDuration(-seconds)}`;
  const shortText = formatNumber(seconds, 3);
  if (Number(shortText) < MINUTE) return `${shortText} s`;
  if (seconds < DAYS_FROM) return clockStyle(Math.round(seconds));
  const days = roundTo(seconds / DAY, 1);
  const hours = roundTo(seconds / HOUR, 1);
  return `${formatNumber(days)} d (${formatNumber(hours)} h)`;
}

/** "1 h 1 min 1 s", leaving out zero parts: "2 h 30 min", "1 h 30 s", "10 min". */
function clockStyle(wholeSeconds: number): string {
  const hours = Math.floor(wholeSeconds / HOUR);
  const minutes = Math.floor((wholeSeconds % HOUR) / MINUTE);
  const secs = wholeSeconds % MINUTE;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} h`);
  if (minutes > 0) parts.push(`${minutes} min`);
  if (secs > 0 || parts.length === 0) parts.push(`${secs} s`);
  return parts.join(" ");
}

function roundTo(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(x * scale) / scale;
}
