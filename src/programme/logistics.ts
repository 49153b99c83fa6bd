import { fold } from "../text/fold.js";
import type { CalendarEntry } from "./calendar.js";

/*
 * Which entries of a programme are no talk: the one place that decides it. Schedule sites export
 * the whole timetable of the venue, and an entry is left out of the talks when one of these facts
 * holds (the words are the schedule sites' own, in English, as their exports are written):
 * - its track is one that holds no talks (registration desks, breaks);
 * - its title, its label and decorations aside, names a moment of the day (badge pick-up, cloakroom,
 *   a meal, a break);
 * - its title carries a registration notice ("[SOLD OUT]", "SEPARATE REGISTRATION REQUIRED"): a
 *   co-located event announced in the timetable, whose own talks are not in it;
 * - it is a whole-day entry, or lasts longer than any talk (opening hours of a hall, a day-long event);
 * - it is a recurring slot: one title, with no speakers, at RECURRING times or more (booth demos,
 *   pavilion demos), where a talk given twice has its speakers.
 */

/** Tracks of no talks. */
const LOGISTICS_TRACKS = new Set(["registration", "registrations", "breaks", "break", "meals", "logistics"]);
/** Titles of no talk: the whole title (or the part before a "|") is one of these. */
const LOGISTICS_TITLES = new Set([
  "badge pick-up", "badge pickup", "badge pick up", "registration", "registration desk", "cloakroom", "coat check",
  "break", "mini break", "coffee break", "networking break", "lunch", "lunch break", "breakfast", "dinner",
  "on own", "lunch on own",
]);
/** Notices that a title is a registration notice, not a talk. */
const NOTICE = /sold out|registration required|registrations required|waitlist|pass required/u;
/** The longest a talk lasts (tutorials and workshops included): anything longer is a venue's or an event's hours. */
const LONGEST_TALK_MS = 4 * 60 * 60 * 1000;

/** How many times one title without speakers recurs before it is a slot of the venue, not a talk. */
const RECURRING = 4;

/** The title as compared: folded, without emoji, brackets or punctuation at its ends. */
const key = (text: string) =>
  fold(text)
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, "")
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, "")
    .replace(/\s+/g, " ");

/** The titles without speakers that recur RECURRING times or more in a programme. */
export function recurringSlots(titles: readonly { title: string; speakers: number }[]): Set<string> {
  const counts = new Map<string, number>();
  for (const { title, speakers } of titles) if (speakers === 0) counts.set(key(title), (counts.get(key(title)) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= RECURRING).map(([title]) => title));
}

/** Why an entry is no talk, in a few words for the import's report; undefined for a talk. */
export function logisticsReason(entry: CalendarEntry, title: string, recurring: ReadonlySet<string>): string | undefined {
  if (entry.categories.some((track) => LOGISTICS_TRACKS.has(key(track)))) return "a registration or break track";
  if (title.split("|").some((part) => LOGISTICS_TITLES.has(key(part)))) return "a moment of the day";
  if (NOTICE.test(fold(entry.summary))) return "a registration notice";
  if (entry.allDay || entry.end.getTime() - entry.start.getTime() > LONGEST_TALK_MS) return "longer than a talk";
  if (recurring.has(key(title))) return "a recurring slot";
  return undefined;
}
