import type { Recap, Section } from "../corpus/section.js";
import { bestFirst } from "../takeaways/best-first.js";
import type { Takeaway } from "../takeaways/takeaways.js";
import { rich, type Card } from "./card.js";
import { eventWithYear, sectionMeta } from "./section-meta.js";

export interface EventSummary {
  eventId: string;
  event: string;
  year: number;
  location?: string;
  sections: number;
}

/** The events of the corpus, one per event id, newest first. */
export function summarizeEvents(recaps: readonly Recap[], sections: readonly Section[]): EventSummary[] {
  const byId = new Map<string, EventSummary>();
  for (const recap of recaps) {
    const known = byId.get(recap.eventId);
    if (!known) byId.set(recap.eventId, { eventId: recap.eventId, event: recap.event, year: recap.year, location: recap.location, sections: 0 });
  }
  for (const section of sections) {
    const summary = byId.get(section.eventId);
    if (summary) summary.sections++;
  }
  return [...byId.values()].sort((a, b) => b.year - a.year || a.eventId.localeCompare(b.eventId));
}

export function eventsCard(events: readonly EventSummary[]): Card {
  return {
    title: "KubeCon events in the corpus",
    items: events.map((e) => ({
      title: eventWithYear(e.event, e.year),
      meta: [e.eventId, e.location, `${e.sections} sections`].filter(Boolean).join(" · "),
      details: { kind: "command", label: "Open", command: `event ${e.eventId}` },
    })),
    footer: `${events.length} events · ${events.reduce((n, e) => n + e.sections, 0)} sections`,
  };
}

/** How many talks and takeaways an event card lists before it says "and N more". */
const LISTED = 15;
const KEY_TAKEAWAYS = 5;

/** The event's best postable takeaways, at most one per section, so one talk cannot fill the card. */
export function keyTakeaways(takeaways: readonly Takeaway[]): Takeaway[] {
  const sections = new Set<string>();
  const key: Takeaway[] = [];
  for (const takeaway of bestFirst(takeaways.filter((t) => t.postable))) {
    if (sections.has(takeaway.sectionId)) continue;
    sections.add(takeaway.sectionId);
    key.push(takeaway);
    if (key.length === KEY_TAKEAWAYS) break;
  }
  return key;
}

/** One event: its talks and its key takeaways. */
export function eventCard(summary: EventSummary, sections: readonly Section[], takeaways: readonly Takeaway[]): Card {
  const key = keyTakeaways(takeaways);
  return {
    title: eventWithYear(summary.event, summary.year),
    subtitle: [summary.location, `${sections.length} sections`].filter(Boolean).join(" · "),
    ...(key.length && { body: key.map((t) => ({ text: rich(t.text), depth: 1 })) }),
    items: sections.slice(0, LISTED).map((s) => ({
      title: s.title,
      meta: sectionMeta(s),
      details: { kind: "command", label: "Details", command: `talk ${s.id}` },
    })),
    ...(sections.length > LISTED && { footer: `${LISTED} of ${sections.length} sections listed · search with event:${summary.eventId} for the rest` }),
    actions: [{ kind: "share", label: "Share in channel", command: `event ${summary.eventId}` }],
  };
}
