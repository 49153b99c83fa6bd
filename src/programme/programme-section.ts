import { detectLanguage } from "../corpus/language.js";
import type { Section } from "../corpus/section.js";
import { programmeIdOf, type ProgrammeSession } from "./session.js";

/** Text enough for a language to be told apart (franc is unsure below it); a session with less speaks its programme's language. */
const SURE_LANGUAGE = 200;
/** Text read to tell a session's language: more only costs time. */
const LANGUAGE_SAMPLE = 400;

/** The language of a programme: most sessions are written in it. */
export const programmeLanguage = (sessions: readonly ProgrammeSession[]): string => detectLanguage(sessions.map((s) => `${s.title}\n${s.abstract}`).join("\n"));

/**
 * A programme session as a searchable section (`kind: "programme"`): its abstract's paragraphs are
 * its bullets, its time and place its `session` facts, its link the schedule page. `tag` gives the
 * lexicon's topics of a text, as for a recap's sections; a session with little text is taken to be
 * in `language`, its programme's, when given (`programmeLanguage`).
 */
export function programmeSection(session: ProgrammeSession, tag: (text: string) => string[], language?: string): Section {
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
    language: language !== undefined && text.length < SURE_LANGUAGE ? language : detectLanguage(`${session.title}\n${text}`.slice(0, LANGUAGE_SAMPLE)),
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
