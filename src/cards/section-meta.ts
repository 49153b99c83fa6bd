import { formatSpeaker, type Section } from "../corpus/section.js";

/** "KubeCon + CloudNativeCon Europe 2021", not "... 2021 2021". */
export function eventWithYear(event: string, year: number): string {
  return event.includes(String(year)) ? event : `${event} ${year}`;
}

/** The context line of a section: speakers, event and year, day. */
export function sectionMeta(section: Section): string {
  return [section.speakers.map(formatSpeaker).join("; "), eventWithYear(section.event, section.year), section.day]
    .filter(Boolean)
    .join(" · ");
}
