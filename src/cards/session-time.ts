import type { SessionFacts } from "../corpus/section.js";
import { wallTimeAt, type WallTime } from "../time/wall-time.js";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/**
 * Locales asked in turn for a zone's abbreviation: each knows the letters of its own region's
 * zones only (en-US "CST", en-GB "CET" and "BST", en-IN "IST", en-AU "AEDT"); elsewhere "GMT+9".
 */
const ABBREVIATING_LOCALES = ["en-US", "en-GB", "en-IN", "en-AU"];

const abbreviations = new Map<string, Intl.DateTimeFormat[]>();

/** The zone's abbreviation in force at an instant ("CET", "CEST", "PDT"), else its offset ("GMT+9"). */
function zoneAbbreviation(zone: string, at: Date): string {
  let formats = abbreviations.get(zone);
  if (!formats) abbreviations.set(zone, (formats = ABBREVIATING_LOCALES.map((locale) => new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" }))));
  const names = formats.map((format) => format.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? zone);
  return names.find((name) => !/^(GMT|UTC)[+-−]/.test(name)) ?? names[0]!;
}

const pad = (n: number) => String(n).padStart(2, "0");
const clock = (t: WallTime) => `${pad(t.hour)}:${pad(t.minute)}`;
/** "Tue 24 Mar": the weekday read from the date itself, whatever the zone. */
export const dayLabel = (t: Pick<WallTime, "year" | "month" | "day">) => `${WEEKDAYS[new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay()]} ${t.day} ${MONTHS[t.month - 1]}`;
const sameDay = (a: WallTime, b: WallTime) => a.year === b.year && a.month === b.month && a.day === b.day;

/** A moment in a zone: "Tue 24 Mar 14:05 CET". */
export function momentIn(at: Date, zone: string): string {
  return `${dayLabel(wallTimeAt(at, zone))} ${clock(wallTimeAt(at, zone))} ${zoneAbbreviation(zone, at)}`;
}

/**
 * When a session runs, in its event's zone: "Tue 24 Mar 14:00–15:30 CET", and across midnight
 * "Wed 25 Mar 23:30 – Thu 26 Mar 01:30 CET". The abbreviation is the start's (a session rarely spans a DST change).
 */
export function sessionWhen(facts: Pick<SessionFacts, "start" | "end" | "timeZone">): string {
  const start = new Date(facts.start);
  const from = wallTimeAt(start, facts.timeZone);
  const to = wallTimeAt(new Date(facts.end), facts.timeZone);
  const until = sameDay(from, to) ? `–${clock(to)}` : ` – ${dayLabel(to)} ${clock(to)}`;
  return `${dayLabel(from)} ${clock(from)}${until} ${zoneAbbreviation(facts.timeZone, start)}`;
}

/** A session's time, room, format and track, for a context line: "Tue 24 Mar 14:00–15:30 CET · Hall 7 | Room A · Tutorial". */
export function sessionLine(facts: SessionFacts): string {
  return [sessionWhen(facts), facts.room, facts.format, facts.track].filter(Boolean).join(" · ");
}
