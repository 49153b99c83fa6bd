import { rich, type Card, type CardAction } from "./card.js";
import type { Takeaway } from "../takeaways/takeaways.js";

/**
 * The daily post: the takeaway, where it comes from, and two buttons whose commands the core runs
 * when pressed: the talk in full, and a search on the subscription's topic or, without one, on
 * the topic the takeaway's own text is about.
 */
export function dailyCard(takeaway: Takeaway, topic?: string): Card {
  const moreOn = topic ?? takeaway.topic;
  const actions: CardAction[] = [
    { kind: "command", label: "Read the talk", command: `talk ${takeaway.sectionId}`, style: "primary" },
  ];
  if (moreOn) actions.push({ kind: "command", label: `More on ${moreOn}`, command: `search ${moreOn}` });
  const event = takeaway.event.includes(String(takeaway.year)) ? takeaway.event : `${takeaway.event} ${takeaway.year}`;
  return {
    title: "KubeCon takeaway of the day",
    body: [{ text: rich(takeaway.text) }],
    items: [
      {
        title: takeaway.talk,
        meta: [takeaway.speakers.join("; "), event].filter(Boolean).join(" · "),
        ...(takeaway.url && { link: { label: "Source", url: takeaway.url } }),
      },
    ],
    actions,
  };
}
