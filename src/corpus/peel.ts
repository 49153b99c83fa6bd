import { MEDIA_WORDS, UNIT_LABELS } from "../lexicon/index.js";
import type { Link } from "./markdown.js";

/**
 * Peeling: the decorations a recap puts around a title, taken off a line once, so that what is left is
 * what the author wrote as the title. Each decoration is remembered where it says something (a media
 * link is the talk's link).
 */
export interface Peeled {
  text: string;
  /** The link of a media label peeled off the end ("Title ([video](…))"), when there was one. */
  mediaUrl?: string;
}

/** "Session: Title", "Talk 3 — Title", "Conférence : Titre": a label that only says the line is a talk. */
const UNIT_LABEL = new RegExp(`^(?:${UNIT_LABELS})(?:\\s*#?\\d+)?\\s*[:|–—-]\\s*(?=\\S)`, "iu");
/** "{#anchor}" after a heading (Hugo and Pandoc), or the "#", "¶" or "🔗" of a heading's anchor link. */
const ANCHOR = /\s*(?:\{#[^}]*\}|[#¶§🔗])\s*$/u;
/** "1. ", "#5: ", "No. 2 – ", "3) ": the number of a heading in a numbered outline. */
const NUMBER = /^(?:#|no\.?\s*)?\d{1,2}(?:[.):]|\s+[-–—/])\s+(?=\S)/iu;
/** "09:00 – ", "16:00-16:35 ", "14h30 — ": a schedule's time slot before a title. */
const TIME_SLOT =
  /^(?:[01]?\d|2[0-3])[:h][0-5]\d(?:\s*[ap]\.?m\.?)?(?:\s*[-–—]\s*(?:[01]?\d|2[0-3])[:h][0-5]\d(?:\s*[ap]\.?m\.?)?)?\s*(?:[-–—|·:]\s*)?(?=[\p{L}\p{N}「『[(“"«])/iu;
/** " — 31:45", " (1:02:10)": a recording's length after a title. */
const TIME_AFTER = /\s*(?:[-–—|·]\s*|\(\s*)\d{1,2}:[0-5]\d(?::[0-5]\d)?\s*\)?$/u;
/** "【セッション名】Title", "[VIDEO] Title", "[Keynote] Title": a category label before a title. */
const BRACKET_LABEL = /^(?:【[^【】]{1,20}】|\[[^\][]{1,20}\])\s*(?=\S)/u;
const MEDIA_LABEL = new RegExp(`^(?:${MEDIA_WORDS})$`, "iu");
/** A media label at the end of a line with the punctuation around it: "Title ([slides](…), [video](…))". */
const MEDIA_AT_END = new RegExp(`[\\s\\-–—|·,/()[\\]]*(?:${MEDIA_WORDS})[\\s)\\]]*$`, "iu");
/** A whole line in quotes or title brackets: 「Title」, “Title”, « Titre ». */
const QUOTED_WHOLE = /^[「『“"«]\s*([^「」『』“”"«»]+?)\s*[」』”"»]$/u;

export function peel(text: string, links: readonly Link[] = []): Peeled {
  let rest = text.replace(ANCHOR, "");
  let mediaUrl: string | undefined;
  const bracket = BRACKET_LABEL.exec(rest);
  // A category in brackets before the title ("【基調講演】", "[Keynote]") is no part of it.
  if (bracket && rest.length > bracket[0].length + 3) rest = rest.slice(bracket[0].length);
  rest = rest.replace(NUMBER, "").replace(TIME_SLOT, "").replace(UNIT_LABEL, "");
  const time = TIME_AFTER.exec(rest);
  if (time && time.index > 0) rest = rest.slice(0, time.index);
  // One media word off the end for each media link: "Streaming Video" with no video link keeps its word.
  const media = links.filter((l) => MEDIA_LABEL.test(l.label) && !l.url.startsWith("#"));
  for (let left = media.length; left > 0; left--) {
    const end = MEDIA_AT_END.exec(rest);
    if (!end || end.index === 0) break;
    rest = rest.slice(0, end.index);
    mediaUrl ??= media[0]!.url;
  }
  const quoted = QUOTED_WHOLE.exec(rest.trim());
  if (quoted) rest = quoted[1]!;
  rest = rest.replace(/\s*[:：]+\s*$/u, "").trim();
  return { text: rest || text.trim(), ...(mediaUrl && { mediaUrl }) };
}
