import type { EventCatalog } from "../corpus/event-catalog.js";
import { hash } from "../text/hash.js";
import { plainAbstract } from "./abstract.js";
import { readCalendar, type CalendarEntry } from "./calendar.js";
import { logisticsReason, recurringSlots } from "./logistics.js";
import { ProgrammeError } from "./programme-error.js";
import { programmeIdOf, type Programme, type ProgrammeSession } from "./session.js";
import { commonLabels, readSummary, type SummaryParts } from "./summary.js";

const MAX_UID_SLUG = 40;

/** A session's id: its programme's, then its UID as id characters (hashed when long), so it stays across imports. */
function sessionIdOf(eventId: string, uid: string): string {
  const slug = uid.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  const short = slug.length <= MAX_UID_SLUG && slug ? slug : `${slug.slice(0, 24).replace(/-$/, "")}-${hash(uid, 0).toString(36)}`;
  return `${programmeIdOf(eventId)}--${short}`;
}

/**
 * The venue's address that most locations repeat after their room ("Hall 7, Amsterdam,
 * Netherlands"): the longest ", …" ending shared by more than half of them, if any.
 */
function venueSuffix(locations: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const location of locations) {
    for (const m of location.matchAll(/,\s/g)) counts.set(location.slice(m.index), (counts.get(location.slice(m.index)) ?? 0) + 1);
  }
  const shared = [...counts].filter(([, n]) => n > locations.length / 2).map(([suffix]) => suffix);
  return shared.sort((a, b) => b.length - a.length)[0];
}

const roomOf = (location: string, suffix: string | undefined) => (suffix && location.endsWith(suffix) && location.length > suffix.length ? location.slice(0, -suffix.length) : location).trim();

export interface ReadOptions {
  /** The event, when the calendar's names do not say it (`--event-id`). */
  eventId?: string;
  catalog: EventCatalog;
}

/**
 * An iCalendar export read as an event's programme: the event from `--event-id` or the calendar's
 * names (through the catalog), its talks cleaned, cancelled entries dropped, logistics set apart
 * (`logistics.ts`). One session a UID: a UID given twice keeps its last entry.
 */
export function readProgramme(text: string, name: string, options: ReadOptions): Programme {
  const calendar = readCalendar(text, name);
  const event = options.eventId ? options.catalog.event(options.eventId) : calendar.names.map((n) => options.catalog.eventOf(n)).find(Boolean);
  if (!event) {
    throw new ProgrammeError(
      options.eventId
        ? `No event ${options.eventId} in the event catalog (data/events.yaml): give the id of a listed event, such as eu-2026.`
        : `${name} does not say which KubeCon it is the programme of ("${calendar.name}"): name it with --event-id, such as --event-id eu-2026.`,
    );
  }
  const timeZone = event.timeZone ?? "UTC";
  const entries = calendar.entries(timeZone).filter((entry) => !entry.cancelled);
  const common = commonLabels(entries.map((e) => e.summary));
  const suffix = venueSuffix(entries.map((e) => e.location).filter(Boolean));
  const read = entries.map((entry) => ({ entry, ...readSummary(entry.summary, entry.categories[0], common) }));
  const recurring = recurringSlots(read.map((r) => ({ title: r.title, speakers: r.speakers.length })));
  const byUid = new Map<string, ProgrammeSession>();
  const logistics: string[] = [];
  for (const parts of read) {
    const session = sessionOf(parts);
    if (session) byUid.set(parts.entry.uid, session);
  }
  return { eventId: event.id, event: event.name, year: event.year, timeZone, name: calendar.name, sessions: [...byUid.values()], logistics };

  function sessionOf({ entry, title, format, speakers }: { entry: CalendarEntry } & SummaryParts): ProgrammeSession | undefined {
    const track = entry.categories[0];
    if (!title || logisticsReason(entry, title, recurring)) {
      logistics.push(entry.summary);
      return undefined;
    }
    const room = entry.location && roomOf(entry.location, suffix);
    return {
      id: sessionIdOf(event!.id, entry.uid),
      uid: entry.uid,
      eventId: event!.id,
      event: event!.name,
      year: event!.year,
      title,
      ...(format && { format }),
      speakers,
      abstract: plainAbstract(entry.description),
      ...(track && { track }),
      ...(room && { room }),
      start: entry.start.toISOString(),
      end: entry.end.toISOString(),
      timeZone,
      ...(entry.url && { scheduleUrl: entry.url }),
    };
  }
}
