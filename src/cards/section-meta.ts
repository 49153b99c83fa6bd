import { formatSpeaker, type Section } from "../corpus/section.js";
import type { Link } from "./card.js";

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

const LINK_LABELS = { video: "Watch", slides: "Slides", page: "Talk page" } as const;

/** The link a card shows for a section (or a takeaway of it): the talk's own ("Watch", "Slides", "Talk page"), else the recap's source. */
export function sectionLink(section: Pick<Section, "url" | "urlKind">): Link | undefined {
  if (!section.url) return undefined;
  if (!section.urlKind) return { label: "Source", url: section.url };
  return { label: LINK_LABELS[section.urlKind], url: section.url, talk: true };
}
