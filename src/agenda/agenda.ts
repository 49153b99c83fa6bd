import type { Section } from "../corpus/section.js";
import type { SearchEngine } from "../search/engine.js";
import type { RichText } from "../text/rich-text.js";
import { localDate } from "../time/wall-time.js";
import { byRoom, covers, eventProgrammes, inWindow, nearestProgramme, type AgendaWindow, type EventProgramme, type Session } from "./event-programmes.js";
import { sessionsOnTopic } from "./on-topic.js";

type Engine = Pick<SearchEngine, "search" | "sections" | "kindWeight">;

export interface Listed {
  session: Session;
  /** Where the topic matched, words in bold: with a topic only. */
  snippet?: RichText;
}

/** What the programme says at a moment, for `now`, `next` and `today`. */
export type Agenda =
  /** No programme in the corpus. */
  | { kind: "none" }
  /** No imported programme covers the moment: the nearest event that has one. */
  | { kind: "outside"; programme: EventProgramme; upcoming: boolean }
  /** Refused: the topic has no word to search for. */
  | { kind: "no-words" }
  | {
      kind: "sessions";
      programmes: EventProgramme[];
      /** In the view, by start (then relevance, then room). */
      sessions: Listed[];
      /** When none is: the next session on the topic after the view, at the same events. */
      later?: Session;
      suggestion?: string;
    };

/** The sessions a topic keeps, best first, with their snippets; all, in programme order, without one. */
function onTopic(engine: Engine, programmes: readonly EventProgramme[], topic: string | undefined) {
  if (!topic) return { rankOf: () => 0, listed: (session: Session): Listed => ({ session }), keep: () => true, empty: false, suggestion: undefined };
  const match = sessionsOnTopic(engine, topic, programmes.map((p) => p.eventId));
  return {
    rankOf: (s: Session) => match.ranked.get(s.id)?.rank ?? Infinity,
    /** The session as listed: with where the topic matched it, when it did. */
    listed: (session: Session): Listed => {
      const snippet = match.ranked.get(session.id)?.snippet;
      return snippet ? { session, snippet } : { session };
    },
    keep: (s: Session) => match.ranked.has(s.id),
    empty: match.empty,
    suggestion: match.suggestion,
  };
}

/** The programme's sessions on a topic (all without one) in a view at a moment. */
export function agendaAt(sections: readonly Section[], engine: Engine, window: AgendaWindow, at: Date, topic?: string): Agenda {
  const all = eventProgrammes(sections);
  if (all.length === 0) return { kind: "none" };
  const programmes = all.filter((p) => covers(p, at));
  if (programmes.length === 0) return { kind: "outside", ...nearestProgramme(all, at)! };
  const topical = onTopic(engine, programmes, topic);
  if (topical.empty) return { kind: "no-words" };
  const matching = programmes.flatMap((p) => p.sessions).filter(topical.keep);
  const sessions = matching
    .filter((s) => inWindow(window, s.session, at))
    .sort((a, b) => a.session.start.localeCompare(b.session.start) || topical.rankOf(a) - topical.rankOf(b) || byRoom(a, b))
    .map(topical.listed);
  const later = sessions.length ? undefined : matching.filter((s) => new Date(s.session.start) > at).sort((a, b) => a.session.start.localeCompare(b.session.start))[0];
  return { kind: "sessions", programmes, sessions, ...(later && { later }), ...(topical.suggestion && { suggestion: topical.suggestion }) };
}

/** Sessions a daily post lists on an event's day. */
const DAY_POST_SESSIONS = 5;

/**
 * An event day's sessions for a daily post: those starting on `date` (a local date, `2026-03-24`,
 * read in each event's zone) at events whose programme spans it, the best five on the topic by
 * relevance, shown by start; without a topic, the day's first five. None when no programme has that day.
 */
export function daySessions(sections: readonly Section[], engine: Engine, date: string, topic?: string): { programmes: EventProgramme[]; sessions: Listed[] } | undefined {
  const programmes = eventProgrammes(sections).filter((p) => p.firstDay <= date && date <= p.lastDay);
  if (programmes.length === 0) return undefined;
  const topical = onTopic(engine, programmes, topic);
  const chosen = programmes
    .flatMap((p) => p.sessions)
    .filter((s) => localDate(new Date(s.session.start), s.session.timeZone) === date && topical.keep(s))
    .sort((a, b) => topical.rankOf(a) - topical.rankOf(b) || a.session.start.localeCompare(b.session.start))
    .slice(0, DAY_POST_SESSIONS)
    .sort((a, b) => a.session.start.localeCompare(b.session.start));
  return { programmes, sessions: chosen.map(topical.listed) };
}
