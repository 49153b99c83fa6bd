import { formatSpeaker, type Recap, type Section } from "../corpus/section.js";
import { plural } from "../text/plural.js";
import { rich, type Card } from "./card.js";

/** Talks listed on a "new recap" post; the card says how many more there are. */
const TALKS_SHOWN = 8;

/** The "new recap" post of a channel with `daily news on`: the recap's title, event and author, and its talks. */
export function newsCard(recap: Recap, talks: readonly Section[]): Card {
  const event = recap.event.includes(String(recap.year)) ? recap.event : `${recap.event} ${recap.year}`;
  return {
    title: `New recap: ${recap.title}`,
    subtitle: [event, recap.author && `by ${recap.author}`].filter(Boolean).join(" · "),
    body: talks.length
      ? talks.slice(0, TALKS_SHOWN).map((talk) => ({ text: rich([talk.title, talk.speakers.map(formatSpeaker).join("; ")].filter(Boolean).join(" — ")), depth: 1 }))
      : [{ text: rich("Notes from the event, with no talk named in them.") }],
    ...(talks.length > TALKS_SHOWN && { notice: `And ${plural(talks.length - TALKS_SHOWN, "more talk")}.` }),
    ...(recap.source && { link: { label: "Read the recap", url: recap.source } }),
    actions: [{ kind: "command", label: "Talks of this event", command: `event ${recap.eventId}` }],
    footer: "Posted here because daily news is on: turn it off with daily news off",
  };
}
