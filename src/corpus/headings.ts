import { LINK_LABEL, isTalkMarker, type Line } from "./lines.js";
import { speakerLine, splitTitleAndSpeakers, unshout } from "./speakers.js";
import type { Speaker } from "./section.js";
import { capitalizedShare, endsMidSentence, lineLanguage, wordsOf } from "./words.js";

/**
 * What a line opens:
 * - `talk`: a talk or keynote section; it ends any open group;
 * - `group`: a topic, day or keynote block whose sub-headings become sub-sections ("Notes on security");
 * - `sub`: a plain heading, a sub-section inside a group, or a sub-heading inside a talk;
 * - `day`: a bare date or day marker.
 */
export interface Heading {
  kind: "talk" | "group" | "sub" | "day";
  title: string;
  speakers: Speaker[];
  day?: string;
  /** Only `sub`: looks like a talk title of its own (Title Case, or in another language than the recap). */
  titleLike?: boolean;
}

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
const DATE = new RegExp(`^(?:\\w+day,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?)(?:,?\\s+\\d{4})?$`, "i");
const DAY_NUMBER = /\b(day|jour|tag)\s+(\d+|one|two|three|four|five)\b/i;
const EXPLICIT_TALK = /^(session|talk|keynote|workshop|panel|tutorial|lightning talk)\s*[:|]\s*(.+)$/i;
const GROUP = /^(notes? on\b|keynotes?\b|sessions?$|talks$|lightning talks$|workshops$|(key )?take ?aways\b|conclusions?\b|lessons learned\b|wrap[- ]up\b|final thoughts\b|day \d+\b|jour \d+\b)|\bkeynotes?$/i;
const YAML_KEY = /^[a-z_][\w.-]*:(\s|$)/;

export function dayLabel(text: string): string | undefined {
  if (DATE.test(text)) return text;
  const match = DAY_NUMBER.exec(text);
  if (!match) return undefined;
  return `${match[1]!.charAt(0).toUpperCase()}${match[1]!.slice(1).toLowerCase()} ${match[2]}`;
}

function endsSentence(text: string): boolean {
  return /[.!?)]$/.test(text) && !/\b(ie|i\.e|eg|e\.g|vs|cf)\.$/i.test(text);
}

function startsLikeContinuation(line: Line | undefined): boolean {
  return line !== undefined && line.depth === 0 && !line.afterBlank && /^[\p{Ll},.;:()\]]/u.test(line.text);
}

export interface HeadingContext {
  previous?: Line;
  /** Whether the previous line was itself taken as a heading. */
  previousIsHeading: boolean;
  next?: Line;
  /** Titles listed in the recap's table of contents. */
  contents: ReadonlySet<string>;
  recapLanguage: string;
}

/** Decides whether a line is a heading, and of what kind. */
export function classifyHeading(line: Line, ctx: HeadingContext): Heading | undefined {
  if (line.depth > 0) return undefined;
  const text = line.text;

  const explicit = EXPLICIT_TALK.exec(text);
  if (explicit) {
    const rest = explicit[2]!.trim();
    const split = splitTitleAndSpeakers(rest);
    return { kind: "talk", title: split?.title ?? unshout(rest), speakers: split?.speakers ?? [], day: dayLabel(text) };
  }
  if (ctx.contents.has(text.toLowerCase())) return { kind: "group", title: text, speakers: [], day: dayLabel(text) };

  if (line.markdownLevel !== undefined) {
    const day = dayLabel(text);
    const split = splitTitleAndSpeakers(text);
    if (line.markdownLevel >= 3) return { kind: "sub", title: text, speakers: [], day, titleLike: true };
    if (GROUP.test(text) || ctx.contents.has(text.toLowerCase())) return { kind: "group", title: text, speakers: [], day };
    return { kind: "talk", title: split?.title ?? unshout(text), speakers: split?.speakers ?? [], day };
  }

  const split = splitTitleAndSpeakers(text);
  const markedAsTalk = ctx.next !== undefined && (isTalkMarker(ctx.next.text) || speakerLine(ctx.next.text) !== undefined);
  if (!isCandidate(line, split !== undefined || markedAsTalk, ctx)) return undefined;
  const day = dayLabel(text);
  if (split) return { kind: "talk", ...split, day };
  if (markedAsTalk) return { kind: "talk", title: unshout(text), speakers: [], day };
  if (/[!?]$/.test(text) && wordsOf(text).length > 8) return undefined;
  if (day && DATE.test(text)) return { kind: "day", title: text, speakers: [], day };
  if (GROUP.test(text) || day) return { kind: "group", title: text, speakers: [], day };

  const { share, contentWords } = capitalizedShare(text);
  const otherLanguage = ctx.recapLanguage !== "en" && lineLanguage(text) === "en";
  const titleLike = !/[?!]$/.test(text) && ((share >= 0.6 && contentWords >= 2) || otherLanguage);
  return { kind: "sub", title: unshout(text), speakers: [], titleLike };
}

/** `clearlyTitled`: the line names speakers or is followed by "Link to slides", so it may be long or end in "?". */
function isCandidate(line: Line, clearlyTitled: boolean, ctx: HeadingContext): boolean {
  const text = line.text;
  const words = wordsOf(text);
  if (words.length === 0 || words.length > (clearlyTitled ? 30 : 16)) return false;
  if (text.length > (clearlyTitled ? 180 : 100)) return false;
  if (LINK_LABEL.test(text) || YAML_KEY.test(text) || /^(https?:|www\.)/i.test(text)) return false;
  if (/[.,;:…]$/.test(text) || /^[(),.;:\]]/.test(text) || /[<>{}=$`|\\]/.test(text)) return false;
  // "orGuaranteed", "thekubectl": a small word glued to the next by a page that lost its inline code.
  if (/^(or|and|the|of|to|in|on|for|with|a|an|is|by)\p{Lu}/u.test(text)) return false;
  // Two sentences on one line ("PSP will be deprecated! Move to OPA") are prose.
  if (!clearlyTitled && /[.!?]\s+\p{Lu}/u.test(text)) return false;
  if (startsLikeContinuation(ctx.next)) return false;

  const previous = ctx.previous;
  if (previous && !clearlyTitled && !ctx.previousIsHeading && !LINK_LABEL.test(previous.text)) {
    if (previous.text.endsWith(":")) return false;
    if (!line.afterBlank && endsMidSentence(previous.text)) return false;
    // "- Use" then "Burstable": a bullet of a word or two that the next line completes.
    if (previous.depth > 0 && wordsOf(previous.text).length <= 2 && !/[.!?)]$/.test(previous.text)) return false;
    const lowercaseStart = /^\p{Ll}/u.test(text) && words.length > 1;
    if (lowercaseStart && !endsSentence(previous.text)) return false;
    // The line before was itself the tail of a broken sentence: this one probably continues it.
    const previousIsFragment = previous.depth === 0 && /^\p{Ll}/u.test(previous.text);
    if (!line.afterBlank && previousIsFragment && !endsSentence(previous.text)) return false;
  }
  return true;
}
