import { formatSpeaker, type Section, type SessionFacts } from "../corpus/section.js";
import type { Link } from "./card.js";
import { sessionLine } from "./session-time.js";

/** "KubeCon + CloudNativeCon Europe 2021", not "... 2021 2021". */
export function eventWithYear(event: string, year: number): string {
  return event.includes(String(year)) ? event : `${event} ${year}`;
}

/** The context line of a section: speakers, event and year, day; a programme talk's time, room, format and track. */
export function sectionMeta(section: Section): string {
  const when = section.kind === "programme" && section.session ? sessionLine(section.session) : section.day;
  return [section.speakers.map(formatSpeaker).join("; "), eventWithYear(section.event, section.year), when]
    .filter(Boolean)
    .join(" · ");
}

const LINK_LABELS = { video: "Watch", slides: "Slides", page: "Talk page" } as const;

/** The session's page on the event's schedule site, as a link button. */
export function scheduleLink(facts: SessionFacts | undefined): Link | undefined {
  return facts?.scheduleUrl ? { label: "Schedule", url: facts.scheduleUrl, talk: true } : undefined;
}

/**
 * The link a card shows for a section (or a takeaway of it): a programme talk's schedule page, the
 * talk's own ("Watch", "Slides", "Talk page"), else the recap's source.
 */
export function sectionLink(section: Pick<Section, "url" | "urlKind"> & Partial<Pick<Section, "kind" | "session">>): Link | undefined {
  // A programme section's link is its schedule page (programmeSection sets one from the other).
  if (section.kind === "programme") return scheduleLink(section.session);
  if (!section.url) return undefined;
  if (!section.urlKind) return { label: "Source", url: section.url };
  return { label: LINK_LABELS[section.urlKind], url: section.url, talk: true };
}
