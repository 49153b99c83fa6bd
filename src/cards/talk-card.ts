import { formatSpeaker, type Recap, type Section } from "../corpus/section.js";
import { rich, type Card, type CardAction } from "./card.js";
import { eventWithYear, sectionLink } from "./section-meta.js";

/** One section in full: every bullet, its speakers, event and source. */
export function talkCard(section: Section, recap: Recap | undefined): Card {
  const actions: CardAction[] = [];
  const topic = section.tags[0];
  if (topic) actions.push({ kind: "command", label: `More on ${topic}`, command: `search ${topic}` });
  actions.push({ kind: "command", label: `All of ${section.eventId}`, command: `event ${section.eventId}` });
  actions.push({ kind: "share", label: "Share in channel", command: `talk ${section.id}` });
  // The card's link is the talk's own video or slides where it has one: the recap it was read in is then said apart.
  const source = recap?.source && recap.source !== section.url ? recap.source : undefined;
  return {
    title: section.title,
    ...(section.speakers.length && { subtitle: section.speakers.map(formatSpeaker).join("; ") }),
    fields: [
      { label: "Event", value: eventWithYear(section.event, section.year), inline: true },
      ...(section.day ? [{ label: "Day", value: section.day, inline: true }] : []),
      ...(section.tags.length ? [{ label: "Topics", value: section.tags.join(", "), inline: true }] : []),
      ...(source ? [{ label: "Source", value: source }] : []),
    ],
    body: section.bullets.map((b) => ({ text: rich(b.text), depth: b.depth })),
    ...(section.url && { link: sectionLink(section) }),
    footer: [recap?.title, recap?.author && `by ${recap.author}`, `id ${section.id}`].filter(Boolean).join(" · "),
    actions,
  };
}
