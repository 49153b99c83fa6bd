import type { TalkLinkKind } from "./links.js";

/** A recap as stored in `data/recaps/<slug>.md`: front matter facts plus the verbatim text. */
export interface Recap {
  id: string;
  title: string;
  /** The title the source gives itself, when the recap was named otherwise: the segmenter knows the page by it. */
  sourceTitle?: string;
  event: string;
  eventId: string;
  year: number;
  location?: string;
  language: string;
  author?: string;
  source?: string;
  /** The name of the file it was ingested from, to know it again. */
  sourceFile?: string;
  startDate?: string;
  endDate?: string;
  /** The post's own tags (its blog's front matter or the page's article:tag metadata), as written. */
  tags?: string[];
  body: string;
  /** The file it came from, for error messages. */
  file: string;
}

export interface Speaker {
  name: string;
  company?: string;
}

/** One line of a section: a paragraph (depth 0) or a bullet at its nesting depth. */
export interface Bullet {
  text: string;
  depth: number;
  /** The heading of a part of the talk ("Summary", "Demo", "Q&A"): the notes after it are that part's. */
  part?: true;
}

/**
 * What the official programme says of a talk's time and place (see `src/programme`): on a programme
 * section, and on a recap section linked to its programme entry.
 */
export interface SessionFacts {
  /** ISO 8601 in UTC (`2026-03-24T09:00:00.000Z`). */
  start: string;
  end: string;
  /** The event's IANA time zone: times are shown in it. */
  timeZone: string;
  room?: string;
  /** The programme's track, as written ("SECURITY", "KEYNOTE SESSIONS"). */
  track?: string;
  /** The label the programme put before the title ("Tutorial", "Lightning Talk"). */
  format?: string;
  /** The session's page on the schedule site. */
  scheduleUrl?: string;
}

/** A talk, keynote or topic note found in a recap, or a talk of an event's official programme: the unit the bot searches and shows. */
export interface Section {
  /** Stable: derived from the recap id and the display title, so links survive a re-index. */
  id: string;
  /**
   * A talk of a recap; the recap's own notes (introduction, conclusion, travel): searchable, never
   * shown as a talk or a takeaway; or a talk of an event's official programme (its abstract as text):
   * searchable, never a takeaway, not counted among an event's talks.
   */
  kind: "talk" | "notes" | "programme";
  /** The recap it comes from; a programme section's is its programme's (`programme-<event id>`). */
  recapId: string;
  /** Display title; a sub-section carries its parent: "Notes on security › Seccomp". */
  title: string;
  /** The section's own heading, without its parent. */
  talk: string;
  parent?: string;
  speakers: Speaker[];
  day?: string;
  event: string;
  eventId: string;
  year: number;
  language: string;
  /** Topics of the lexicon the section mentions. */
  tags: string[];
  /** The recap's own tags, shared by all its sections: a hint for search, weighed as a word of the notes. */
  recapTags?: string[];
  bullets: Bullet[];
  /** The section's full plain text, one line a bullet or paragraph. */
  text: string;
  /** The talk's own link when the recap gives one (see `urlKind`), else the recap's source. */
  url?: string;
  /** Only when `url` is the talk's own: what it points at (a video, slides, a session page). */
  urlKind?: TalkLinkKind;
  /** The programme's time and place: on a programme section, and on a recap section linked to one. */
  session?: SessionFacts;
  /** On a recap section: the programme section of the same talk. */
  programmeId?: string;
  /** On a programme section: the recap sections of the same talk. */
  recapSectionIds?: string[];
}

export function formatSpeaker(speaker: Speaker): string {
  return speaker.company ? `${speaker.name}, ${speaker.company}` : speaker.name;
}

/** Where a section comes from, carried by everything drawn from it (a search result, a takeaway). */
export function provenance(section: Section) {
  return {
    speakers: section.speakers.map(formatSpeaker),
    event: section.event,
    eventId: section.eventId,
    year: section.year,
    language: section.language,
    tags: section.tags,
    ...(section.url && { url: section.url }),
    ...(section.urlKind && { urlKind: section.urlKind }),
  };
}
