import { isContainerPhrase, isFurniturePhrase, isNotesTopicPhrase, isPartPhrase, isTalkWord, TALK_WORDS } from "../lexicon/index.js";
import { dayLabel, isDayHeading } from "./days.js";
import { isTalkMarker, LINK_LABEL, type Line } from "./lines.js";
import { talkLinkKind } from "./links.js";
import { peel } from "./peel.js";
import type { Speaker } from "./section.js";
import { labelledPeople, speakerLine, titleAndSpeakers, unshout } from "./speakers.js";
import { capitalizedShare, isCjk, isFunctionWord, lineLanguage, wordsOf } from "./words.js";

/**
 * What a line of a recap is, computed once: the facts every later decision reads. Nothing here decides
 * whether a line is a talk; `title-score.ts` and `segment.ts` do, from these facts.
 */
export interface LineFacts {
  /** The line as read, with its links. */
  line: Line;
  /** Its text with decorations peeled off (numbering, time slots, labels, quotes, media labels). */
  text: string;
  /** A Markdown heading, or a line set apart as one (bold or marked, alone, not a sentence). */
  heading: boolean;
  /** What its words name, when they name a part of a recap rather than a talk. */
  role?: "day" | "container" | "part" | "notes" | "furniture";
  day?: string;
  /** The title and the people, when the line names both ("Title - Jane Doe, Acme"). */
  title: string;
  speakers: Speaker[];
  /** "Lightning talk: Title", "Keynote - Title": a talk word labels the line. */
  talkLabel: boolean;
  words: number;
  /** Written as a sentence: ends with a full stop, or runs long with the grammar of prose. */
  sentence: boolean;
  /** Share of content words that carry a capital (titles are written in Title Case). */
  capitalized: number;
  /** Written in another language than the recap's (an English title in a French or Japanese recap). */
  foreign: boolean;
  /** In a recap written without capitals (Japanese, Chinese): a short line without a sentence's punctuation, as titles are. */
  cjkShort: boolean;
  /** Nothing but a link or an address. */
  linkOnly: boolean;
  /** A line about the talk's media or people ("Slides: …", "Speakers: …", a schedule link): it marks the line above as a title. */
  marker: boolean;
  /** Of those, a line pointing at the talk's slides or abstract (`isTalkMarker`): no note of the talk. */
  talkMarker: boolean;
  /** A reference set as "Slides: X", "See: X" (`LINK_LABEL`): kept as text, never a heading. */
  linkLabel: boolean;
  /** People the line names after a label ("Presenters: Jane Doe, Acme"), or alone as programmes print them. */
  people?: Speaker[];
  /** The talk's own link (video, slides, session page), when the line gives one. */
  url?: string;
}

const TALK_LABEL = new RegExp(`^(?:${TALK_WORDS})(?:\\s*#?\\d+)?\\s*[:|–—-]\\s*\\S`, "iu");
/** "Title: …" inside a talk, as note-takers repeat the official title. */
const TITLE_FIELD = /^(?:title|titre|タイトル|标题)\s*[:：]\s*(.+)$/iu;
/** A full stop ends a sentence; "!" ends a short title as often ("My Microservices are not all stateless!"). */
const SENTENCE_END = /[.。]\)?$/u;
/**
 * A piece of a line rather than a line: it opens with punctuation or a lowercase joint ("or", "and"
 * glued to the next word by a page that lost its inline code), holds code, or is a key and value.
 */
const FRAGMENT = /^[(),.;:\]]|[<>{}=$`|\\]|^[a-z_][\w.-]*:\s|^(?:or|and|the|of|to|in|on|for|with|a|an|is|by)\p{Lu}/u;
/** A leading date or day number ("11.14 Keynote Sessions", "Day 2 Keynotes") before what the heading names. */
const LEADING_DATE = /^(?:\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?|\d{4}-\d{2}-\d{2})\s+/u;

/** A line written as a heading in disguise: bold, italic or marked, alone on its line, short, not a sentence. */
function setApart(line: Line, people: Speaker[] | undefined, reference: boolean): boolean {
  return (
    line.depth === 0 &&
    line.markdownLevel === undefined &&
    (line.emphasis > 0 || line.headingMark === true) &&
    !line.verbatim &&
    wordsOf(line.text).length <= 24 &&
    line.text.length <= 200 &&
    !/[.,;!…。]$/.test(line.text) &&
    !reference &&
    // "*Speakers: Jane Doe (Acme)*", "*by Jane Doe*": the talk's people set in italics, not a heading.
    people === undefined
  );
}

/** "Keynotes and Talks", "Sessions & Workshops": a heading of nothing but talk words (plural) and small words. */
function onlyTalkWords(text: string): boolean {
  const words = wordsOf(text);
  const content = words.filter((w) => !isFunctionWord(w));
  return words.length >= 2 && content.length >= 2 && content.every((w) => /s$/i.test(w) && isTalkWord(w.slice(0, -1)));
}

function roleOf(text: string): LineFacts["role"] {
  const named = text.replace(LEADING_DATE, "");
  if (isFurniturePhrase(named)) return "furniture";
  if (isDayHeading(text)) return "day";
  if (isContainerPhrase(named) || onlyTalkWords(named)) return "container";
  if (isNotesTopicPhrase(named)) return "notes";
  if (isPartPhrase(named)) return "part";
  return undefined;
}

export function factsOf(line: Line, recapLanguage: string): LineFacts {
  const peeled = peel(line.text, line.links);
  const text = unshout(peeled.text);
  const split = titleAndSpeakers(text);
  const title = split?.title ?? text;
  const words = wordsOf(title).length;
  const { share } = capitalizedShare(title);
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(title);
  const fieldTitle = TITLE_FIELD.exec(line.text)?.[1];
  // "Presenters: Jane Doe, Acme", or a line of people alone ("- Akihiro Ikezoe @zoetro (Cybozu)").
  const people = labelledPeople(line.text) ?? (line.depth <= 1 ? speakerLine(line.text) : undefined);
  const ownLink = line.links.find((l) => !l.url.startsWith("#") && l.label.length >= line.text.length * 0.5);
  const url = peeled.mediaUrl ?? (ownLink && talkLinkKind(ownLink.url, ownLink.label) ? ownLink.url : undefined);
  const bare = line.links.length === 1 && /^(https?:\/\/|www\.)/i.test(line.text);
  const role = roleOf(text);
  const talkMarker = isTalkMarker(line.text);
  const linkLabel = LINK_LABEL.test(line.text);
  return {
    line,
    text,
    heading: line.markdownLevel !== undefined || setApart(line, people, talkMarker || linkLabel),
    ...(role && { role }),
    ...(role === "day" && { day: dayLabel(text) }),
    title,
    speakers: split?.speakers ?? [],
    talkLabel: TALK_LABEL.test(text),
    words,
    sentence:
      FRAGMENT.test(text) || linkLabel || (cjk ? /[。！？]$|[。，、].{8,}/u.test(title) : SENTENCE_END.test(title) || (/[!]$/.test(title) && words > 10) || (words > 14 && share < 0.5)),
    capitalized: share,
    foreign: recapLanguage !== "en" && (isCjk(recapLanguage) ? !cjk && /\p{Script=Latin}{2}/u.test(title) : lineLanguage(title) === "en"),
    cjkShort: isCjk(recapLanguage) && [...title].length <= 40 && !/[。！？、，]/u.test(title),
    linkOnly: bare || (line.links.length > 0 && line.links.every((l) => l.label === line.text)),
    marker: talkMarker || linkLabel || people !== undefined || fieldTitle !== undefined || bare,
    talkMarker,
    linkLabel,
    ...(people && { people }),
    ...(url && { url }),
  };
}
