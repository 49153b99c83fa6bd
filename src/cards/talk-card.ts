import { formatSpeaker, type Recap, type Section } from "../corpus/section.js";
import { extract } from "../text/extract.js";
import { plural } from "../text/plural.js";
import { rich, type Card, type CardAction, type CardField } from "./card.js";
import { eventWithYear, scheduleLink, sectionLink } from "./section-meta.js";
import { sessionWhen } from "./session-time.js";

/** The same talk seen elsewhere: a recap section's programme entry, a programme talk's recap sections (with their recaps). */
export interface LinkedTalks {
  programme?: Section;
  recaps?: readonly { section: Section; recap?: Recap }[];
}

/** How much of a programme abstract a recap's card quotes. */
const ABSTRACT_EXTRACT = 300;
/** Recap notes a programme talk's card opens with a button each; the others are named in its field. */
const NOTES_BUTTONS = 3;

/** A programme talk's time and place, as the card's short fields. */
function sessionFields(section: Section): CardField[] {
  const facts = section.session;
  if (!facts) return [];
  return [
    { label: "When", value: sessionWhen(facts), inline: true },
    ...(facts.room ? [{ label: "Room", value: facts.room, inline: true }] : []),
    ...(facts.format ? [{ label: "Format", value: facts.format, inline: true }] : []),
    ...(facts.track ? [{ label: "Track", value: facts.track, inline: true }] : []),
  ];
}

/**
 * One section in full: every bullet, its speakers, event and source. A programme talk adds its
 * time, room, format and track, its schedule page, and the recap notes written of it; a recap
 * section linked to a programme talk adds the programme's abstract (an extract) and schedule page.
 */
export function talkCard(section: Section, recap: Recap | undefined, linked: LinkedTalks = {}): Card {
  const programme = section.kind === "programme";
  const actions: CardAction[] = [];
  const notes = linked.recaps ?? [];
  notes.slice(0, NOTES_BUTTONS).forEach(({ section: noted }, i) =>
    actions.push({ kind: "command", label: notes.length > 1 ? `Recap notes ${i + 1}` : "Recap notes", command: `talk ${noted.id}`, ...(i === 0 && { style: "primary" as const }) }),
  );
  if (linked.programme) actions.push({ kind: "command", label: "Programme entry", command: `talk ${linked.programme.id}` });
  const topic = section.tags[0];
  if (topic) actions.push({ kind: "command", label: `More on ${topic}`, command: `search ${topic}` });
  // An event's page lists its recaps' talks: a programme talk's event may have none.
  if (!programme) actions.push({ kind: "command", label: `All of ${section.eventId}`, command: `event ${section.eventId}` });
  actions.push({ kind: "share", label: "Share in channel", command: `talk ${section.id}` });
  // The card's link is the talk's own video or slides where it has one: the recap it was read in is then said apart.
  const source = recap?.source && recap.source !== section.url ? recap.source : undefined;
  const schedule = !programme ? scheduleLink(linked.programme?.session ?? section.session) : undefined;
  const facts = linked.programme ?? section;
  return {
    title: section.title,
    ...(section.speakers.length && { subtitle: section.speakers.map(formatSpeaker).join("; ") }),
    fields: [
      { label: "Event", value: eventWithYear(section.event, section.year), inline: true },
      ...(section.day ? [{ label: "Day", value: section.day, inline: true }] : []),
      ...sessionFields(facts),
      ...(section.tags.length ? [{ label: "Topics", value: section.tags.join(", "), inline: true }] : []),
      ...(linked.programme?.text ? [{ label: "Abstract", value: extract(linked.programme.text, ABSTRACT_EXTRACT) }] : []),
      ...(notes.length
        ? [{ label: `Notes from ${plural(notes.length, "recap")}`, value: notes.map(({ section: noted, recap: by }) => [by?.title ?? noted.title, by?.author && `by ${by.author}`].filter(Boolean).join(" ")).join("\n") }]
        : []),
      ...(source ? [{ label: "Source", value: source }] : []),
    ],
    body: section.bullets.map((b) => ({ text: rich(b.text), depth: b.depth })),
    ...(section.url && { link: sectionLink(section) }),
    ...(schedule && { links: [schedule] }),
    footer: [programme ? "Official programme" : recap?.title, recap?.author && `by ${recap.author}`, `id ${section.id}`].filter(Boolean).join(" · "),
    actions,
  };
}
