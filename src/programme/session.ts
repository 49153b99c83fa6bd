import type { Speaker } from "../corpus/section.js";

/** The id of an event's programme, as its sections' `recapId`: `programme-eu-2026`. */
export const programmeIdOf = (eventId: string): string => `programme-${eventId}`;

/** One session of an event's official programme, as its schedule export gives it, cleaned. */
export interface ProgrammeSession {
  /** Stable across imports: the event id and the export's `UID` (`eu-2026--bdeb89fcb7b2…`). */
  id: string;
  /** The export's `UID`, as written. */
  uid: string;
  eventId: string;
  /** The catalog's name of the event. */
  event: string;
  year: number;
  /** The title alone: without its speakers and without a format label ("📚 Tutorial:"). */
  title: string;
  /** The format label the title carried, without its emoji ("Tutorial", "Lightning Talk"). */
  format?: string;
  speakers: Speaker[];
  /** The abstract as plain text: iCalendar escapes and HTML entities decoded, paragraphs on their own lines. */
  abstract: string;
  /** The programme's track (`CATEGORIES`), as written. */
  track?: string;
  /** The room (`LOCATION` without the venue's address that most entries repeat). */
  room?: string;
  /** ISO 8601 in UTC. */
  start: string;
  end: string;
  /** The event's IANA time zone, in which times are shown. */
  timeZone: string;
  /** The session's page on the schedule site. */
  scheduleUrl?: string;
}

/** An event's programme: its talks, and how many entries were left out as logistics. */
export interface Programme {
  eventId: string;
  event: string;
  year: number;
  timeZone: string;
  /** The calendar's own name (`X-WR-CALNAME`, else `PRODID`), for messages. */
  name: string;
  sessions: ProgrammeSession[];
  /** Entries that are no talk (badge pick-up, meals, registration notices): their titles, for the import's report. */
  logistics: string[];
}
