/**
 * The platform-neutral answer. The core builds cards; each adapter renders them within its own
 * platform's limits (and escapes every run of text itself), the terminal renders them as plain text.
 */

import type { RichText } from "../text/rich-text.js";

export { plain, rich, type RichText, type TextRun } from "../text/rich-text.js";

/** One paragraph of a card body; `depth` > 0 makes it a bullet at that nesting level. */
export interface Paragraph {
  text: RichText;
  depth?: number;
}

export interface Link {
  label: string;
  url: string;
  /** The talk's own video, slides or page (not the recap it was read in): a link button where the platform has them. */
  talk?: boolean;
}

/**
 * A button. `command` is the canonical command text the core runs when it is pressed, so button
 * state lives in the message, never in process memory. `share` reposts the card publicly;
 * `feedback` answers the presser alone and leaves the card as it is (a vote's thanks).
 */
export interface CardAction {
  kind: "command" | "share" | "feedback";
  label: string;
  command: string;
  /** `primary` for the action a reader most likely wants next. */
  style?: "primary" | "default";
}

/** One result in a list: a talk in a search answer, an event in `events`. */
export interface CardItem {
  /** The section shown, where the item is one. */
  id?: string;
  title: string;
  /** Speakers, event and year, joined for a context line. */
  meta?: string;
  snippet?: RichText;
  link?: Link;
  /** Opens this item in full (`talk <id>`). */
  details?: CardAction;
}

export interface CardField {
  label: string;
  value: string;
  inline?: boolean;
}

export interface Card {
  title: string;
  subtitle?: string;
  body?: Paragraph[];
  /** Numbered results. */
  items?: CardItem[];
  fields?: CardField[];
  link?: Link;
  /** More of the talk's own links, as buttons after `link`'s: its schedule page beside its video. */
  links?: Link[];
  /** Something the reader should know: nothing found, a suggestion, text that had to be cut. */
  notice?: string;
  /** Page position and provenance. */
  footer?: string;
  actions?: CardAction[];
  /** Set on a card shared into a channel: the platform user id of whoever shared it. */
  sharedBy?: string;
}

export type Visibility = "ephemeral" | "public";

export interface Reply {
  card: Card;
  visibility: Visibility;
  /** True when the card explains a user error (bad input, unknown command). */
  isError?: boolean;
  /** True when the error was ours (logged), not the user's input: counted apart in the metrics. */
  internal?: boolean;
  /** The registry name of the command that answered (`help` for empty text); none when the text named no command it could run. */
  command?: string;
}
