import { detectLanguage } from "../corpus/language.js";
import type { Section } from "../corpus/section.js";
import { programmeIdOf } from "./read-programme.js";
import type { ProgrammeSession } from "./session.js";

/**
 * A programme session as a searchable section (`kind: "programme"`): its abstract's paragraphs are
 * its bullets, its time and place its `session` facts, its link the schedule page. `tag` gives the
 * lexicon's topics of a text, as for a recap's sections.
 */
export function programmeSection(session: ProgrammeSession, tag: (text: string) => string[]): Section {
  const bullets = session.abstract ? session.abstract.split("\n").map((text) => ({ text, depth: 0 })) : [];
  const text = bullets.map((b) => b.text).join("\n");
  return {
    id: session.id,
    kind: "programme",
    recapId: programmeIdOf(session.eventId),
    title: session.title,
    talk: session.title,
    speakers: session.speakers,
    event: session.event,
    eventId: session.eventId,
    year: session.year,
    language: detectLanguage(`${session.title}\n${text}`),
    tags: tag(`${session.title}\n${text}`),
    bullets,
    text,
    ...(session.scheduleUrl && { url: session.scheduleUrl, urlKind: "page" as const }),
    session: {
      start: session.start,
      end: session.end,
      timeZone: session.timeZone,
      ...(session.room && { room: session.room }),
      ...(session.track && { track: session.track }),
      ...(session.format && { format: session.format }),
      ...(session.scheduleUrl && { scheduleUrl: session.scheduleUrl }),
    },
  };
}
