import ICAL from "ical.js";
import { isTimeZone } from "../time/zones.js";
import { ProgrammeError } from "./programme-error.js";
import { instantOf } from "../time/wall-time.js";

/** One `VEVENT` of an export, its text values unescaped by the parser, its times resolved. */
export interface CalendarEntry {
  uid: string;
  summary: string;
  description: string;
  categories: string[];
  location: string;
  start: Date;
  end: Date;
  /** A whole-day entry (`VALUE=DATE`): no talk has one. */
  allDay: boolean;
  url?: string;
  /** `STATUS:CANCELLED`. */
  cancelled: boolean;
}

/** An export read: its own names, and its entries once times are placed in a zone. */
export interface Calendar {
  /** `X-WR-CALNAME`, else `PRODID`. */
  name: string;
  /** Both names, for finding the event they name. */
  names: string[];
  /** Its entries, times without a zone of their own read as wall times in `floatingZone`. */
  entries(floatingZone: string): CalendarEntry[];
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** Parses an iCalendar text (RFC 5545) with ical.js; a text that is not one is a ProgrammeError naming the input. */
export function readCalendar(input: string, name: string): Calendar {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(input));
  } catch (error) {
    throw new ProgrammeError(`${name} is not an iCalendar file (${(error as Error).message.split("\n")[0]}).`);
  }
  if (root.name !== "vcalendar") throw new ProgrammeError(`${name} is not an iCalendar file: it holds a ${root.name.toUpperCase()}, not a VCALENDAR.`);
  const calName = text(root.getFirstPropertyValue("x-wr-calname")).trim();
  const prodId = text(root.getFirstPropertyValue("prodid")).trim();
  const zones = new Map(root.getAllSubcomponents("vtimezone").map((vtz) => [text(vtz.getFirstPropertyValue("tzid")), new ICAL.Timezone(vtz)]));
  return {
    name: calName || prodId || name,
    names: [calName, prodId].filter(Boolean),
    entries: (floatingZone) => root.getAllSubcomponents("vevent").flatMap((vevent) => entryOf(vevent, zones, floatingZone)),
  };
}

function entryOf(vevent: ICAL.Component, zones: Map<string, ICAL.Timezone>, floatingZone: string): CalendarEntry[] {
  const event = new ICAL.Event(vevent);
  if (!event.uid || !event.startDate) return [];
  const start = event.startDate;
  const startZone = zoneParameter(vevent, "dtstart");
  // No DTEND and no DURATION: a moment (RFC 5545 3.6.1). A DURATION keeps the start's zone.
  const [end, endZone] = vevent.hasProperty("dtend") ? [event.endDate, zoneParameter(vevent, "dtend")] : vevent.hasProperty("duration") ? [event.endDate, startZone] : [start, startZone];
  return [
    {
      uid: event.uid,
      summary: text(event.summary).trim(),
      description: text(event.description),
      categories: vevent.getAllProperties("categories").flatMap((p) => p.getValues().map(text)).map((c) => c.trim()).filter(Boolean),
      location: text(event.location).trim(),
      start: instant(start, startZone, zones, floatingZone),
      end: instant(end, endZone, zones, floatingZone),
      allDay: start.isDate,
      ...(text(vevent.getFirstPropertyValue("url")) && { url: text(vevent.getFirstPropertyValue("url")) }),
      cancelled: text(vevent.getFirstPropertyValue("status")).toUpperCase() === "CANCELLED",
    },
  ];
}

const zoneParameter = (vevent: ICAL.Component, property: string): string | undefined => {
  const tzid = vevent.getFirstProperty(property)?.getParameter("tzid");
  return typeof tzid === "string" ? tzid : undefined;
};

/**
 * The instant of a time as written: UTC (`Z`); a `TZID` the runtime knows as an IANA zone; one the
 * calendar defines in a `VTIMEZONE`; else a wall time in the event's own zone.
 */
function instant(time: ICAL.Time, tzid: string | undefined, zones: Map<string, ICAL.Timezone>, floatingZone: string): Date {
  if (time.zone === ICAL.Timezone.utcTimezone || tzid === "UTC") return time.toJSDate();
  const wall = { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second };
  if (tzid && isTimeZone(tzid)) return instantOf(wall, tzid);
  const defined = tzid ? zones.get(tzid) : undefined;
  if (defined) return ICAL.Time.fromData({ ...wall, isDate: time.isDate }, defined).toJSDate();
  return instantOf(wall, floatingZone);
}
