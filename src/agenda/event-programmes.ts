import type { Section, SessionFacts } from "../corpus/section.js";
import { localDate } from "../time/wall-time.js";

/** A programme section with its time and place. */
export type Session = Section & { session: SessionFacts };

/** The programme of one event as the corpus holds it: its sessions by start, and the days they start on. */
export interface EventProgramme {
  eventId: string;
  event: string;
  year: number;
  timeZone: string;
  /** By start, then room. */
  sessions: Session[];
  /** The local dates (`2026-03-23`) the first and the last session start on, in the event's zone. */
  firstDay: string;
  lastDay: string;
}

const rooms = new Intl.Collator("en", { numeric: true });
/** Rooms in reading order: "Hall 2" before "Hall 10". */
export const byRoom = (a: Session, b: Session): number => rooms.compare(a.session.room ?? "", b.session.room ?? "");

const found = new WeakMap<readonly Section[], EventProgramme[]>();

/** The events whose programme the corpus holds (worked out once per corpus), by first day. */
export function eventProgrammes(sections: readonly Section[]): EventProgramme[] {
  let programmes = found.get(sections);
  if (programmes) return programmes;
  const byEvent = new Map<string, Session[]>();
  for (const section of sections) {
    if (section.kind !== "programme" || !section.session) continue;
    const list = byEvent.get(section.eventId) ?? [];
    list.push(section as Session);
    byEvent.set(section.eventId, list);
  }
  programmes = [...byEvent.values()].map((sessions) => {
    sessions.sort((a, b) => a.session.start.localeCompare(b.session.start) || byRoom(a, b));
    const { eventId, event, year, session } = sessions[0]!;
    return {
      eventId,
      event,
      year,
      timeZone: session.timeZone,
      sessions,
      firstDay: localDate(new Date(session.start), session.timeZone),
      lastDay: localDate(new Date(sessions.at(-1)!.session.start), session.timeZone),
    };
  });
  programmes.sort((a, b) => a.firstDay.localeCompare(b.firstDay));
  found.set(sections, programmes);
  return programmes;
}

const runs = (s: SessionFacts, at: Date) => new Date(s.start) <= at && at < new Date(s.end);

/** Whether the moment falls on one of the event's days (in its zone), or a session runs then (one past midnight). */
export function covers(programme: EventProgramme, at: Date): boolean {
  const day = localDate(at, programme.timeZone);
  return (programme.firstDay <= day && day <= programme.lastDay) || programme.sessions.some((s) => runs(s.session, at));
}

/** The three views of the programme at a moment. */
export type AgendaWindow = "now" | "next" | "today";

/** `next` looks this far ahead. */
const NEXT_WINDOW_MS = 60 * 60_000;

/** Whether a session is in the view at a moment: running, starting within the hour, or starting on the same day in the event's zone. */
export function inWindow(window: AgendaWindow, facts: SessionFacts, at: Date): boolean {
  const start = new Date(facts.start).getTime();
  switch (window) {
    case "now":
      return runs(facts, at);
    case "next":
      return start > at.getTime() && start <= at.getTime() + NEXT_WINDOW_MS;
    case "today":
      return localDate(new Date(start), facts.timeZone) === localDate(at, facts.timeZone);
  }
}

/** The event with a programme nearest to a moment no programme covers: the next to come, else the last one held. */
export function nearestProgramme(programmes: readonly EventProgramme[], at: Date): { programme: EventProgramme; upcoming: boolean } | undefined {
  const upcoming = programmes.find((p) => new Date(p.sessions[0]!.session.start) > at);
  if (upcoming) return { programme: upcoming, upcoming: true };
  const last = programmes.at(-1);
  return last && { programme: last, upcoming: false };
}
