import { rich, type Card, type CardAction } from "./card.js";
import { eventWithYear, sectionLink } from "./section-meta.js";
import type { Takeaway } from "../takeaways/takeaways.js";

/**
 * The daily post: the takeaway, where it comes from (the talk, its speakers, its event and year,
 * so a dated fact reads as history; the talk's video or slides where the recap links them), and
 * two buttons whose commands the core runs when pressed: the talk in full, and a search on the
 * topic the takeaway's own text is about, else on the subscription's topic (its section is
 * tagged with it).
 */
export function dailyCard(takeaway: Takeaway, topic?: string): Card {
  const moreOn = takeaway.topic ?? topic;
  const actions: CardAction[] = [
    { kind: "command", label: "Read the talk", command: `talk ${takeaway.sectionId}`, style: "primary" },
  ];
  if (moreOn) actions.push({ kind: "command", label: `More on ${moreOn}`, command: `search ${moreOn}` });
  const link = sectionLink(takeaway);
  return {
    title: "KubeCon takeaway of the day",
    body: [{ text: rich(takeaway.text) }],
    items: [
      {
        title: takeaway.talk,
        meta: [takeaway.speakers.join("; "), eventWithYear(takeaway.event, takeaway.year)].filter(Boolean).join(" · "),
        ...(link && { link }),
      },
    ],
    actions,
  };
}
