import type { PlainTextElement, MrkdwnElement } from "@slack/types";
import type { RichText } from "../../src/cards/card.js";
import { ELLIPSIS, truncate } from "./limits.js";

/**
 * The one escaper for every piece of corpus or user text. Slack parses `&`, `<` and `>` as control
 * characters; every mention (`<!channel>`, `<!here>`, `<@U…>`, `<!subteam^…>`) and link starts
 * with `<`, so once these three are entities no text of theirs can ping anyone or fake a link.
 */
export function escapeText(text: string): string {
  return wellFormed(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Drops control characters other than tab and line feed, and replaces lone surrogates (invalid
 * UTF-16 that JSON would carry as broken escapes) with U+FFFD.
 */
function wellFormed(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/** A mrkdwn text object. `verbatim` stops Slack from linkifying channel names and bare mentions. */
export function mrkdwn(text: string): MrkdwnElement {
  return { type: "mrkdwn", text, verbatim: true };
}

/** A plain_text object (headers, button labels) holding already escaped, already fitted text. */
export function plainText(text: string): PlainTextElement {
  return { type: "plain_text", text, emoji: true };
}

/** Escapes `text` and fits it into `max` characters. */
export function escapeAndFit(text: string, max: number): string {
  return truncate(escapeText(text), max);
}

export interface Fitted {
  text: string;
  /** True when some of the input had to be left out. */
  cut: boolean;
}

/**
 * Inline runs as mrkdwn within `max` characters: each run is escaped, and `strong` runs (matched
 * words) are set in bold. Cutting happens run by run, so a bold marker is never left open.
 */
export function richToMrkdwn(runs: RichText, max: number): Fitted {
  let out = "";
  for (const run of runs) {
    const piece = runToMrkdwn(run.text, run.strong === true, max - out.length);
    out += piece.text;
    if (piece.cut) return { text: out, cut: true };
  }
  return { text: out, cut: false };
}

function runToMrkdwn(text: string, strong: boolean, room: number): Fitted {
  const escaped = escapeText(text);
  const core = escaped.trim();
  // Bold only works on a trimmed, single-line run without asterisks of its own.
  if (!strong || core === "" || /[*\n]/.test(core)) {
    return escaped.length <= room ? { text: escaped, cut: false } : { text: truncate(escaped, room), cut: true };
  }
  const lead = escaped.slice(0, escaped.indexOf(core));
  const trail = escaped.slice(lead.length + core.length);
  const whole = `${lead}*${core}*${trail}`;
  if (whole.length <= room) return { text: whole, cut: false };
  // The ellipsis goes after the closing marker, so the bold run stays well formed.
  const coreRoom = room - lead.length - 2;
  if (core.length < coreRoom) return { text: `${lead}*${core}*${ELLIPSIS}`, cut: true };
  if (core.length === coreRoom) return { text: `${lead}*${core}*`, cut: true };
  const body = truncate(core, coreRoom).slice(0, -ELLIPSIS.length).trimEnd();
  if (body === "") return { text: truncate(escaped, room), cut: true };
  return { text: `${lead}*${body}*${ELLIPSIS}`, cut: true };
}

/** A link label is a word or two ("Source"); an address longer than a button's url limit is not linked. */
const LINK_LABEL_MAX = 200;
const LINK_URL_MAX = 2000;

/** Slack user ids: U (or W on Enterprise Grid) and a few to twenty capitals and digits. */
const USER_ID = /^[UW][A-Z0-9]{2,20}$/;

const NAME_MAX = 100;

/** A live `<@U…>` mention for a Slack user id we received from Slack itself; anything else is escaped text. */
export function userMention(userId: string): string {
  return USER_ID.test(userId) ? `<@${userId}>` : escapeAndFit(userId, NAME_MAX);
}

/**
 * A mrkdwn link, or the escaped label alone when the address is not http(s). The address is
 * escaped too, and `|` (the label separator) percent-encoded.
 */
export function link(url: string, label: string): string {
  // Spaces are collapsed after escaping, which drops control characters: a label of those alone is empty.
  const safeLabel = escapeAndFit(label, LINK_LABEL_MAX).replace(/\s+/g, " ").trim().replace(/\|/g, "¦") || "link";
  const address = escapeText(url).replace(/\|/g, "%7C");
  if (!/^https?:\/\/[^\s]+$/i.test(url) || address.length > LINK_URL_MAX) return safeLabel;
  return `<${address}|${safeLabel}>`;
}
