/**
 * Wall-clock arithmetic in IANA time zones, with Intl only: when a subscription's local post time
 * falls, across daylight-saving changes. A time inside a spring-forward gap resolves to the first
 * instant after the gap (02:30 -> 03:00); a time inside a fall-back overlap resolves to its first
 * occurrence, and the per-day claim makes sure it is posted once.
 */

import { asUtc, localDate, wallTimeAt } from "../time/wall-time.js";
import { canonicalZone } from "../time/zones.js";

/** A local time of day, "HH:MM" in 24-hour time. */
export interface PostTime {
  hour: number;
  minute: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const DEFAULT_POST_TIME: PostTime = { hour: 9, minute: 0 };
export const DEFAULT_ZONE = "UTC";

const TIME_PATTERN = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const TIME_HELP = "Use HH:MM in 24-hour time, like 09:00 or 17:30";
const ZONE_HELP = "Use an IANA zone such as Europe/Paris, America/New_York or UTC";

export function parsePostTime(text: string): Parsed<PostTime> {
  const match = TIME_PATTERN.exec(text.trim());
  if (!match) return { ok: false, message: `'${shorten(text)}' is not a time of day. ${TIME_HELP}.` };
  return { ok: true, value: { hour: Number(match[1]), minute: Number(match[2]) } };
}

export function formatPostTime(time: PostTime): string {
  return `${pad(time.hour)}:${pad(time.minute)}`;
}

// Area/City names, "UTC" and legacy names like "EST5EDT"; excludes raw offsets such as "+02:00".
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** Accepts an IANA zone name in any case and returns its canonical spelling. */
export function parseZone(text: string): Parsed<string> {
  const name = text.trim();
  const known = ZONE_NAME.test(name) ? canonicalZone(name) : undefined;
  if (known) return { ok: true, value: known };
  const suggestion = zoneForCity(name.split("/").pop() ?? "");
  const hint = suggestion ? ` Did you mean ${suggestion}?` : "";
  return { ok: false, message: `Unknown time zone '${shorten(name)}'. ${ZONE_HELP}.${hint}` };
}

/** Whether a bare word names a zone's city ("paris" -> Europe/Paris), for `daily on 09:00 Paris`. */
export function zoneForCity(city: string): string | undefined {
  const wanted = city.trim().toLowerCase().replace(/ /g, "_");
  if (!wanted) return undefined;
  return supportedZones().find((zone) => zone.split("/").pop()!.toLowerCase() === wanted);
}

let zoneList: string[] | undefined;
function supportedZones(): string[] {
  zoneList ??= Intl.supportedValuesOf("timeZone");
  return zoneList;
}

/** A calendar date, "YYYY-MM-DD". */
export type LocalDate = string;

// Formatters are costly to build and a tick reads thousands of zones: keep one per zone and use.
const formatters = new Map<string, Intl.DateTimeFormat>();
function cachedFormatter(locale: string, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${zone}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone })));
  return formatter;
}

const DESCRIPTION: Intl.DateTimeFormatOptions = {
  weekday: "short",
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};

/** The local wall-clock reading at an instant, as if it were a UTC timestamp (ms). */
function wallClock(instant: number, zone: string): number {
  return asUtc(wallTimeAt(new Date(instant), zone)) + (instant - Math.floor(instant / 1000) * 1000);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The instant a local date and time happens in a zone. In a fall-back overlap, the first
 * occurrence; in a spring-forward gap, the first instant after the gap.
 */
export function zonedInstant(date: LocalDate, time: PostTime, zone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + (time.hour * 60 + time.minute) * MINUTE;
  const offsets = new Set([-DAY, 0, DAY].map((shift) => wallClock(wall + shift, zone) - (wall + shift)));
  const exact = [...offsets].map((offset) => wall - offset).filter((t) => wallClock(t, zone) === wall);
  if (exact.length > 0) return new Date(Math.min(...exact));

  // In a gap: the transition lies between these two; find the first minute whose wall clock has
  // passed the wanted time (transitions happen on whole minutes).
  let before = (wall - Math.max(...offsets)) / MINUTE;
  let after = (wall - Math.min(...offsets)) / MINUTE;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallClock(middle * MINUTE, zone) >= wall) after = middle;
    else before = middle;
  }
  return new Date(after * MINUTE);
}

/**
 * The first instant a subscription may post: when it was set up (`since`); and when it was changed
 * after its last post, not before that post's local time a day later in its (new) zone, so a new
 * time or zone never brings two posts within a day. A day that rule leaves out is not silent: the
 * next post time that `daily on` and `daily status` show comes from here.
 */
export function earliestPost(subscription: { since: Date; zone: string; lastPostedAt?: Date }): Date {
  const { since, zone, lastPostedAt } = subscription;
  if (!lastPostedAt || lastPostedAt >= since) return since;
  const wall = new Date(wallClock(lastPostedAt.getTime(), zone));
  const dayLater = zonedInstant(addDays(wall.toISOString().slice(0, 10), 1), { hour: wall.getUTCHours(), minute: wall.getUTCMinutes() }, zone);
  return dayLater > since ? dayLater : since;
}

/**
 * When a subscription posts next: the first local day, from `now`'s, whose post instant is not
 * before `earliest` (see `earliestPost`) and which is not taken care of yet (`isDone`). Today's
 * instant may lie in the past: that post is due now.
 */
export function nextPostTime(
  time: PostTime,
  zone: string,
  now: Date,
  earliest: Date,
  isDone: (date: LocalDate) => boolean = () => false,
): { date: LocalDate; at: Date } {
  const today = localDate(now, zone);
  for (let day = 0; ; day++) {
    const date = addDays(today, day);
    const at = zonedInstant(date, time, zone);
    if (at >= earliest && !isDone(date)) return { date, at };
  }
}

/** A short local reading of an instant for chat, e.g. "Tue 10 Jun 2025 at 09:00 (Europe/Paris)". */
export function describeInstant(instant: Date, zone: string): string {
  const describer = cachedFormatter("en-GB", zone, DESCRIPTION);
  // Assembled from parts: the literal punctuation between them differs between ICU versions.
  const part: Record<string, string> = {};
  for (const { type, value } of describer.formatToParts(instant)) part[type] = value;
  return `${part.weekday} ${part.day} ${part.month} ${part.year} at ${part.hour}:${part.minute} (${zone})`;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function shorten(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
