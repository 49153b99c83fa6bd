import { daySessions } from "../agenda/agenda.js";
import { dayCard } from "../cards/agenda-card.js";
import type { Card } from "../cards/card.js";
import type { BotData } from "../commands/data.js";
import type { LocalDate } from "./schedule.js";

/** A daily post of an event's day: its sessions on the subscription's topic, in place of the takeaway. */
export interface EventDayPost {
  /** Recorded where a takeaway's id is (`programme-day:eu-2026:2026-03-24`): no takeaway has it, so the rotation is left as it was. */
  id: string;
  card: Card;
}

/**
 * What a subscription posts on `date` (its own local date) when that is a day of an event whose
 * programme is imported: the day's sessions on its topic, at most five by relevance. Nothing on
 * other days, or when no session of the day is on the topic (the takeaway is posted then).
 * The same date and topic give the same post, so a re-send after a crash sends the same card.
 */
export function eventDayPost(data: Pick<BotData, "corpus" | "engine">, topic: string | undefined, date: LocalDate): EventDayPost | undefined {
  const day = daySessions(data.corpus.sections, data.engine, date, topic);
  if (!day?.sessions.length) return undefined;
  return { id: `programme-day:${day.programmes.map((p) => p.eventId).join("+")}:${date}`, card: dayCard(day.programmes, date, day.sessions, topic) };
}
