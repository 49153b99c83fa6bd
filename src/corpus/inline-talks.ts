import { AND_WORDS, BY_WORDS, MEDIA_WORDS, TALK_WORDS } from "../lexicon/index.js";
import type { LineFacts } from "./line-facts.js";
import { talkLinkKind } from "./links.js";
import type { Speaker } from "./section.js";
import { parsePeople, titleAndSpeakers, unshout } from "./speakers.js";
import { capitalizedShare, wordsOf } from "./words.js";

/**
 * Talks named in prose: "I loved **Migration 101 by Luke Kysow and Iryna Shustava**", "la conférence
 * “How Adobe is optimizing resource usage” ([vidéo](…))", "*[In Search of the Rails Moment](youtube…)*".
 * A mention is a span the author set apart (bold, italics, quotes, a link's label) that reads as a
 * title and that the text marks as a talk: its people after "by", a link to its video or slides, or a
 * word such as "talk" or "keynote" in the same sentence.
 */
export interface Mention {
  /** Index of the line that names the talk. */
  at: number;
  title: string;
  speakers: Speaker[];
  url?: string;
  /** Marked by its people or its recording, not only by a word such as "talk" in its sentence. */
  strong: boolean;
}

const QUOTED = /[“«"]\s*([^“”«»"]{6,160}?)\s*[”»"]/gu;
const PEOPLE_AFTER = new RegExp(`^\\s*[,(]?\\s*(?:${BY_WORDS}|[-–—])\\s+((?:\\p{Lu}[\\p{L}'’.-]+\\s?){2,4}(?:(?:,\\s*|\\s+(?:${AND_WORDS})\\s+)(?:\\p{Lu}[\\p{L}'’.-]+\\s?){2,4})*)`, "u");
const TALK_WORD = new RegExp(`(?<![\\p{L}])(?:${TALK_WORDS})s?(?![\\p{L}])`, "iu");
/** "(vidéo)", "([video](…))" right after a span: the talk's recording. */
const MEDIA_AFTER = new RegExp(`^\\s*\\(?\\s*\\[?(?:${MEDIA_WORDS})(?![\\p{L}])\\]?`, "iu");

/** Reads as a title: a few words, mostly capitalized or with a subtitle, not a sentence, not a name alone. */
function titleLike(text: string, quoted: boolean): boolean {
  const words = wordsOf(text).length;
  if (words < 2 || words > 22 || /[.。]$/.test(text) || /^\p{Ll}/u.test(text)) return false;
  const { share } = capitalizedShare(text);
  return share >= 0.5 || /[:：]/.test(text) || (quoted && words >= 3);
}

/**
 * "The talk given by AWS ([video](…))", "La conférence donnée par AWS (vidéo)": a talk the sentence
 * describes rather than names, marked by its recording right after; it opens the sentence, holds a talk
 * word and a name.
 */
const DESCRIBED = new RegExp(`(?:^|(?<=[.!?]\\s))((?:\\S+\\s+){0,2}(?:${TALK_WORDS})s?\\s+(?:\\S+\\s+){0,4}?[\\p{Lu}\\d][\\p{L}\\d.-]*)(?=\\s*\\(\\s*\\[?(?:${MEDIA_WORDS})(?![\\p{L}]))`, "giu");

interface Span {
  text: string;
  quoted: boolean;
  url?: string;
  /** A talk described, not named: its words are no title, its recording is what marks it. */
  described?: true;
}

function spansOf(facts: LineFacts): Span[] {
  const line = facts.line;
  const spans: Span[] = [];
  for (const text of line.marked ?? []) spans.push({ text, quoted: false, url: line.links.find((l) => text.includes(l.label) && l.label)?.url });
  for (const link of line.links) {
    if (link.label && !spans.some((s) => s.text.includes(link.label))) spans.push({ text: link.label, quoted: false, url: link.url });
  }
  for (const match of line.text.matchAll(QUOTED)) spans.push({ text: match[1]!, quoted: true });
  for (const match of line.text.matchAll(DESCRIBED)) spans.push({ text: match[1]!, quoted: false, described: true });
  return spans;
}

export function mentionsIn(facts: readonly LineFacts[]): Mention[] {
  const mentions: Mention[] = [];
  for (let at = 0; at < facts.length; at++) {
    const f = facts[at]!;
    if (f.line.verbatim || f.heading) continue;
    const text = f.line.text;
    for (const span of spansOf(f)) {
      const clean = span.text.replace(/^[\s"“«]+|[\s"”»,;:]+$/gu, "");
      const split = titleAndSpeakers(clean);
      const title = unshout(split?.title ?? clean);
      if (!span.described && !titleLike(title, span.quoted)) continue;
      const after = text.slice(text.indexOf(span.text) + span.text.length).replace(/^[\s*_"”»]+/u, " ");
      const by = PEOPLE_AFTER.exec(after)?.[1];
      const speakers = split?.speakers ?? (by ? parsePeople(by.trim()) : undefined) ?? [];
      const sentence = text.split(/(?<=[.!?。])\s+/u).find((s) => s.includes(span.text)) ?? text;
      const media = span.url && talkLinkKind(span.url, span.text) === "video";
      const mediaAfter = MEDIA_AFTER.test(after);
      if (span.described && !mediaAfter) continue;
      // A talk word alone does not make "Jane Doe" a talk: a name is a person's.
      const evidence = speakers.length > 0 || media || mediaAfter || (TALK_WORD.test(sentence.replace(span.text, "")) && !parsePeople(title));
      // A talk named in passing, with nothing said of it (an item of a list of sessions), is no section.
      const said = wordsOf(text.replace(span.text, " ")).length >= 4 || (facts[at + 1] !== undefined && !facts[at + 1]!.heading && facts[at + 1]!.line.depth > f.line.depth);
      if (!evidence || !said || mentions.some((m) => m.at === at && m.title === title)) continue;
      const url = span.url ?? (mediaAfter ? f.line.links.find((l) => talkLinkKind(l.url, l.label))?.url : undefined);
      mentions.push({ at, title, speakers, ...(url && { url }), strong: speakers.length > 0 || media === true || mediaAfter });
    }
  }
  return mentions;
}
