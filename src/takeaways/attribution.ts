import { formatSpeaker, type Section } from "../corpus/section.js";

/** A heading that gathers several talks: a day, the keynotes, the sessions. */
const TALKS_HEADING = /\b(keynotes?|day|jour|sessions|talks)\b/i;

export interface Attribution {
  talk: string;
  speakers: string[];
}

/**
 * Who and what a takeaway comes from: the section's own speakers as the segmenter found them
 * (never a word of the text read as a name), and the section as the talk, by its own heading
 * when it sits under a day's keynotes ("Using OpenTelemetry to empower end users", not
 * "Day 2 keynotes › ..."), else by its full title ("Notes on security › Seccomp").
 */
export function attribute(section: Section): Attribution {
  const talk = section.parent && TALKS_HEADING.test(section.parent) ? section.talk : section.title;
  return { talk, speakers: section.speakers.map(formatSpeaker) };
}
