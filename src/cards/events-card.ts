import type { Section } from "../corpus/section.js";
import type { EventSummary } from "../corpus/stats.js";
import { bestFirst } from "../takeaways/best-first.js";
import type { Takeaway } from "../takeaways/takeaways.js";
import { plural } from "../text/plural.js";
import { rich, type Card, type CardAction } from "./card.js";
import { eventWithYear, sectionMeta } from "./section-meta.js";

export function eventsCard(events: readonly EventSummary[]): Card {
  return {
    title: "KubeCon events in the corpus",
    items: events.map((e) => ({
      title: eventWithYear(e.event, e.year),
      meta: [e.eventId, e.location, plural(e.sections, "section"), e.programme > 0 && `${plural(e.programme, "session")} in its programme`].filter(Boolean).join(" · "),
      details: { kind: "command", label: "Open", command: `event ${e.eventId}` },
    })),
    footer: `${plural(events.length, "event")} · ${plural(events.reduce((n, e) => n + e.sections, 0), "section")}`,
  };
}

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

/** Which page of an event's sections a card shows, and the command text of any other page. */
export interface EventPage {
  page: number;
  pageSize: number;
  commandFor(page: number): string;
}

/** One event: its key takeaways (on the first page) and a page of its sections, with Previous/Next. */
export function eventCard(summary: EventSummary, sections: readonly Section[], takeaways: readonly Takeaway[], paging: EventPage): Card {
  const { page, pageSize } = paging;
  const pages = Math.max(1, Math.ceil(sections.length / pageSize));
  const first = (page - 1) * pageSize;
  const shown = sections.slice(first, first + pageSize);
  const key = page > 1 ? [] : keyTakeaways(takeaways);
  const actions: CardAction[] = [];
  if (page > 1) actions.push({ kind: "command", label: "◀ Previous", command: paging.commandFor(page - 1) });
  if (page < pages) actions.push({ kind: "command", label: "Next ▶", command: paging.commandFor(page + 1), style: "primary" });
  actions.push({ kind: "share", label: "Share in channel", command: paging.commandFor(page) });
  return {
    title: eventWithYear(summary.event, summary.year),
    subtitle: [summary.location, plural(sections.length, "section")].filter(Boolean).join(" · "),
    ...(key.length && { body: key.map((t) => ({ text: rich(t.text), depth: 1 })) }),
    // An event known by its programme alone: no recap has written it up yet, but its sessions can be asked for.
    ...(sections.length === 0 && summary.programme > 0 && { notice: `No recap covers it yet. Its programme has ${plural(summary.programme, "session")}: search <topic> event:${summary.eventId}, or today <topic> during the event.` }),
    items: shown.map((s) => ({
      title: s.title,
      meta: sectionMeta(s),
      details: { kind: "command", label: "Details", command: `talk ${s.id}` },
    })),
    ...(pages > 1 && { footer: `Sections ${first + 1}–${first + shown.length} of ${sections.length} · page ${page} of ${pages}` }),
    actions,
  };
}
