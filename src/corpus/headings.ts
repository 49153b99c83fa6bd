import { endsSentence } from "../text/sentence.js";
import { LINK_LABEL, isTalkMarker, type Line } from "./lines.js";
import { talkLinkKind } from "./links.js";
import { UNMARKED_PARENTHESIS, labelledPeople, leadingPeople, parsePeople, speakerLine, titleAndSpeakers, unshout } from "./speakers.js";
import type { Speaker } from "./section.js";
import { capitalizedShare, endsMidSentence, isCjk, lineLanguage, wordsOf } from "./words.js";

/**
 * The classifier of a recap's blocks: every block (a line of text, a list item, a Markdown heading)
 * goes through RULES in order, and the first rule that decides names what the block is. A new shape
 * of recap is a new rule here, not a special case in the segmenter's loop.
 *
 * What a heading opens:
 * - `talk`: a talk or keynote section; it ends any open group;
 * - `group`: a topic or keynote block whose sub-headings become sub-sections ("Notes on security");
 * - `day`: a day or date heading: it sets the day of what follows, whose talks stay talks (a part of
 *   the day, "Morning", keeps the day it is part of);
 * - `sub`: a plain heading, a sub-section inside a group, or a sub-heading inside a talk.
 */
export interface Heading {
  kind: "talk" | "group" | "sub" | "day";
  title: string;
  speakers: Speaker[];
  day?: string;
  /** Only `sub`: looks like a talk title of its own (Title Case, or in another language than the recap). */
  titleLike?: boolean;
  /** The talk's own link (a video, slides, its schedule page), when the heading carries one. */
  url?: string;
  /** What the block says besides the title (the sentence around a link bullet): the talk's first note. */
  note?: string;
}

/** What a rule decides: a heading, a line of notes (`text`), or page furniture to drop with what it heads (`skip`). */
export type Verdict = { rule: string; heading?: Heading; text?: true; skip?: true };

/** Where a Markdown heading or a bold line stands in the recap's outline (worked out by the segmenter). */
export interface OutlineEntry {
  /** 1 for the top level the recap uses. */
  level: number;
  /** Headings of a deeper level follow before the next one of this level: it heads a group (or a day). */
  hasSubheadings: boolean;
  /** The nearest heading above it is a topic group: it is a sub-section of that group. */
  underGroup: boolean;
  /** The one top heading over everything: the page's own title. */
  pageTitle: boolean;
}

export interface HeadingContext {
  previous?: Line;
  /** Whether the previous line was itself taken as a heading. */
  previousIsHeading: boolean;
  next?: Line;
  /** Titles listed in the recap's table of contents. */
  contents: ReadonlySet<string>;
  recapLanguage: string;
  /** Set for Markdown headings and for bold lines used as headings. */
  outline?: OutlineEntry;
}

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre";
const DATE_TEXT = `(?:(?:\\w+day|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\.?|(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?)(?:,?\\s+\\d{4})?`;
const DATE = new RegExp(`^${DATE_TEXT}$`, "i");
const DAY_NUMBER = /\b(day|jour|tag)\s+(\d+|one|two|three|four|five)\b/i;
const CJK_DAY = /(\d+)\s*日目|第\s*(\d+)\s*[日天]/;
/** "Day 0 (Nov 12, 2024)", "Jour 2 – 18 mai", "1日目": the whole heading names a day. */
const DAY_HEADING = new RegExp(
  `^(?:(?:day|jour|tag)\\s+\\d+|${DATE_TEXT}|(?:\\d+\\s*日目|第\\s*\\d+\\s*[日天]))(?:\\s*[-–—:,(]\\s*(?:${DATE_TEXT}|\\d{4}[-/]\\d{2}[-/]\\d{2}|\\d{4}年\\d{1,2}月\\d{1,2}日)\\)?)?\\s*:?$`,
  "i",
);
/** "Morning", "Afternoon sessions", "Après-midi", "午後": a part of the day, over its talks as a day heading is. */
const PART_OF_DAY = /^(?:morning|afternoon|evening|matin(?:ée)?|après-midi|soir(?:ée)?|午前|午後|上午|下午)(?:\s+(?:sessions?|talks|keynotes?|track))?\s*[:：]?$/i;
/** "Day 2 keynotes", "Keynote day 1": a plain line that names a day at its start or end, not in passing ("Our booth on day two"). */
const DAY_AT_EDGE = /^(?:day|jour|tag)\s+\S+|\b(?:day|jour|tag)\s+(?:\d+|one|two|three|four|five)$/i;
/** "Session: Title", "Talk 3: Title", "Session 2 — Title", "Keynote | Title", "Conférence : Titre". */
const EXPLICIT_TALK = /^(session|talk|keynote|workshop|panel|tutorial|lightning talk|conférence|atelier|table ronde)(?:\s*#?\d+\s*[:|.\-–—]|\s*[:|])\s*(.+)$/i;
const GROUP = /^(notes? on\b|keynotes?\b|sessions?$|talks$|lightning talks$|workshops$|(key )?take ?aways\b|conclusions?\b|lessons learned\b|wrap[- ]up\b|final thoughts\b|day \d+\b|jour \d+\b)|\bkeynotes?$/i;
const YAML_KEY = /^[a-z_][\w.-]*:(\s|$)/;
/** Tables of contents, related posts, comments, author bios, newsletter boxes, in the languages recaps come in. */
const FURNITURE =
  /^(table of contents|contents|in this (post|article|memo|page|recap)|on this page|toc|sommaire|au sommaire|table des matières|dans cet article|目次|もくじ|目录|related( posts| articles| stories| reading)?|you (may|might) also like|more (posts|articles|stories)( from .*)?|recommended( reading| posts)?|read next|articles? (similaires|connexes|liés)|à lire aussi|lire aussi|voir aussi|関連記事|関連投稿|相关文章|(\d+\s+)?comments?|leave a (reply|comment)|post a comment|(\d+\s+)?commentaires?|laisser un commentaire|コメント|评论|about the author|about me|author bio|à propos de l'auteur|l'auteur|著者について|著者紹介|この記事を書いた人|关于作者|subscribe( to (our|my|the) newsletter)?|newsletter|(sign up|subscribe) for (our|my) newsletter|abonnez-vous( à (la|notre|ma) newsletter)?|inscrivez-vous à (la|notre|ma) newsletter|share( this)?( post| article)?( on)?|partager( cet article)?|シェア|share this|licen[cs]e|contributing|how to contribute)\s*[:：]?\s*(\(\d+\))?$/i;
/** Table columns that hold a talk's title, and its speakers. */
const TITLE_COLUMN = /^(title|talk|session|titre|conférence|タイトル|セッション|講演|标题|演讲)s?$/i;
const SPEAKER_COLUMN = /^(speakers?|presenters?|by|who|intervenants?|orateurs?|登壇者|スピーカー|講演者|发言人|演讲者|讲者)$/i;

/** "09:00 – ", "16:00-16:35 ", "9:30 am | ", "14h30 — ": a schedule's time slot before a title. */
const TIME_SLOT =
  /^(?:[01]?\d|2[0-3])[:h][0-5]\d(?:\s*[ap]\.?m\.?)?(?:\s*[-–—]\s*(?:[01]?\d|2[0-3])[:h][0-5]\d(?:\s*[ap]\.?m\.?)?)?\s*(?:[-–—|·:]\s*)?(?=[\p{L}\p{N}「『[(])/iu;
/** " — 31:45", " (1:02:10)": a recording's length (or a time) after a title. */
const TIME_AFTER = /\s*(?:[-–—|·]\s*|\(\s*)\d{1,2}:[0-5]\d(?::[0-5]\d)?\s*\)?$/;
/** "## 1. Title", "**3) Title**", "## #5: Title", "## No. 2 – Title": the number of a heading in a numbered outline or a countdown. */
const HEADING_NUMBER = /^(?:#|no\.?\s*)?\d{1,2}(?:[.):]|\s+[-–—/])\s+(?=\S)/i;
/**
 * A title in quotes or brackets, alone or before its speakers: 「Title」, 『Title』, « Titre » par Nom,
 * “Title” - Name, Company. Group 1 opens the quote, 2 is the title, 3 what follows.
 */
const QUOTED = /^([「『【«“"])\s*([^「」『』【】«»“”"]+?)\s*[」』】»”"](.*)$/u;
/** "【セッション名】Title", "【基調講演】Title": a category label before a title, as Japanese blogs print them. */
const BRACKET_LABEL = /^【[^【】]{1,20}】\s*(\S.*)$/u;
/** Words that name a talk's slides or recording, as the labels of its links ("[slides](…)", "(video)", "資料"). */
const MEDIA_WORDS = "slides?|video|recording|deck|replay|vidéo|diapos?|資料|動画|スライド|録画";
const MEDIA_LABEL = new RegExp(`^(?:${MEDIA_WORDS})$`, "iu");
/** One such label at the end of a line, with the punctuation around it: "Title ([slides](…), [video](…))". */
const MEDIA_AT_END = new RegExp(`[\\s\\-–—|·,/()[\\]]*(?:${MEDIA_WORDS})[\\s)\\]]*$`, "iu");
/** "[VIDEO] Title", "[Keynote] Title": a bracketed label before a title. */
const LABEL_PREFIX = new RegExp(`^\\[(?:${MEDIA_WORDS}|keynote|panel|workshop|demo|lt)\\]\\s*`, "iu");
/** "In “Title”, Jane Doe (Acme) explained …": a paragraph that names the talk it is about. */
const NARRATED = /^(?:in|during|at|dans|lors de)\s+[«“"]\s*([^«»“”"]{6,150}?)\s*[»”"]\s*,?\s+(.+)$/iu;
/** "Q: …", "A: …": a line of a question-and-answer transcript. */
const QA_LINE = /^(?:q|a|question|answer|réponse|質問|回答)\s*[:：.]\s*\S/iu;
/** A line of an unspaced script that ends a sentence, or too long to be a title. */
const CJK_SENTENCE = /[。！？!?]$|[。、，]/;

export function dayLabel(text: string): string | undefined {
  if (DATE.test(text)) return text;
  const cjk = CJK_DAY.exec(text);
  if (cjk) return `Day ${cjk[1] ?? cjk[2]}`;
  const match = DAY_NUMBER.exec(text);
  if (!match) return undefined;
  return `${match[1]!.charAt(0).toUpperCase()}${match[1]!.slice(1).toLowerCase()} ${match[2]}`;
}

/** A heading that names a day and nothing else ("Day 0 (Nov 12, 2024)", "5 May", "2日目"). */
export function isDayHeading(text: string): boolean {
  return DAY_HEADING.test(text) || PART_OF_DAY.test(text);
}

function startsLikeContinuation(line: Line | undefined): boolean {
  return line !== undefined && line.depth === 0 && !line.afterBlank && /^[\p{Ll},.;:()\]]/u.test(line.text);
}

/** A heading's own link, when it points at the talk (a video, slides, a schedule page). */
function ownLink(line: Line): string | undefined {
  const link = line.links.find((l) => l.label && line.text.includes(l.label) && l.label.length >= line.text.length * 0.5);
  return link && !link.url.startsWith("#") ? link.url : undefined;
}

function talk(text: string, line: Line, day = dayLabel(text)): Heading {
  const split = titleAndSpeakers(text);
  const url = ownLink(line);
  return { kind: "talk", title: split?.title ?? unshout(text), speakers: split?.speakers ?? [], day, ...(url && { url }) };
}

interface Rule {
  /** Named so that tests and the ingest report can say which rule decided. */
  name: string;
  decide(line: Line, ctx: HeadingContext): Omit<Verdict, "rule"> | undefined;
}

/** A rule's answers. */
const heading = (h: Heading) => ({ heading: h });
const TEXT = { text: true } as const;
const SKIP = { skip: true } as const;

export const RULES: readonly Rule[] = [
  {
    // | Title | Speaker | Notes |: a table of talks, its header naming a title and a speaker column.
    // Each row is a talk with its link and speakers, the other cells its first note; the header is dropped.
    name: "table-talk",
    decide: (line) => {
      const table = line.table;
      const titleAt = table?.columns.findIndex((c) => TITLE_COLUMN.test(c.trim())) ?? -1;
      const speakersAt = table?.columns.findIndex((c) => SPEAKER_COLUMN.test(c.trim())) ?? -1;
      if (!table || titleAt < 0 || speakersAt < 0) return undefined;
      if (table.header) return SKIP;
      const title = table.cells[titleAt]?.text;
      if (!title) return TEXT;
      const url = table.cells[titleAt]!.links.find((l) => !l.url.startsWith("#"))?.url;
      const note = table.cells.filter((_, i) => i !== titleAt && i !== speakersAt).map((c) => c.text).filter(Boolean).join(" · ");
      const speakers = parsePeople(table.cells[speakersAt]?.text ?? "") ?? [];
      return heading({ kind: "talk", title: unshout(title), speakers, ...(url && { url }), ...(note && { note }) });
    },
  },
  {
    // Code and table rows are notes, whatever they look like.
    name: "verbatim",
    decide: (line) => (line.verbatim ? TEXT : undefined),
  },
  {
    // Shape 7: "Table of contents", "Sommaire", "目次", "Related posts", "Comments (3)", "About the author":
    // dropped with what they head.
    name: "page-furniture",
    decide: (line, ctx) => {
      const standalone = line.depth === 0 && (ctx.outline !== undefined || line.afterBlank || ctx.previousIsHeading);
      return standalone && FURNITURE.test(line.text) ? SKIP : undefined;
    },
  },
  {
    // Shape 5: "Steps:", "Key points:", "Demos worth checking out:" head a list inside a talk: notes.
    name: "inner-label",
    decide: (line) => (line.depth === 0 && /[:：]$/.test(line.text) && wordsOf(line.text).length <= 8 && !DAY_HEADING.test(line.text) ? TEXT : undefined),
  },
  {
    // "Speakers: Jane Doe (Acme)", "Panel: Dawn Chen (Google), Mrunal Patel (Red Hat)": the talk's people,
    // which the segmenter reads; never a heading, nor a talk named after them.
    // A line of people alone under a title ("Jane Doe, Acme · Track: Platform") is the same.
    name: "speaker-line",
    decide: (line, ctx) => (line.depth === 0 && (labelledPeople(line.text) || (ctx.previousIsHeading && speakerLine(line.text))) ? TEXT : undefined),
  },
  {
    // "Q: Is swap production ready?", "A: Beta since 1.28.": a transcript's lines are notes, however short.
    name: "qa-line",
    decide: (line) => (line.depth === 0 && QA_LINE.test(line.text) ? TEXT : undefined),
  },
  {
    // "Title ([slides](…), [video](…))", "Title [Slides](…) | [Video](…)", "[VIDEO] Title": the labels of the
    // talk's links and a bracketed label are no part of its title; the first such link is the talk's.
    name: "media-labels",
    decide: (line, ctx) => {
      const media = line.links.filter((l) => MEDIA_LABEL.test(l.label) && !l.url.startsWith("#"));
      let text = line.text.replace(LABEL_PREFIX, "");
      // One label off the end for each such link: "Streaming Video" with no video link keeps its word.
      for (let left = media.length; left > 0; left--) {
        const end = MEDIA_AT_END.exec(text);
        if (!end || end.index === 0) break;
        text = text.slice(0, end.index);
      }
      if (text === line.text || !text) return undefined;
      const verdict = reclassified({ ...line, text, links: line.links.filter((l) => !media.includes(l)) }, ctx);
      const url = media[0]?.url;
      return verdict.heading && url && !verdict.heading.url ? heading({ ...verdict.heading, url }) : verdict;
    },
  },
  {
    // "14:30 – Zero Trust Networking", "16:00-16:35 Title": a time slot is no part of the title; the
    // rest of the line is classified as the line.
    name: "time-slot",
    decide: (line, ctx) => {
      const slot = TIME_SLOT.exec(line.text);
      return slot ? reclassified({ ...line, text: line.text.slice(slot[0].length) }, ctx) : undefined;
    },
  },
  {
    // "**Scaling to 65,000 Nodes** by Jane Doe (Acme) — 31:45": the recording's length is no part of the
    // title or the speakers; the rest of the line is classified as the line.
    name: "time-after",
    decide: (line, ctx) => {
      const time = TIME_AFTER.exec(line.text);
      return time && time.index > 0 ? reclassified({ ...line, text: line.text.slice(0, time.index) }, ctx) : undefined;
    },
  },
  {
    // "## 1. Gateway API Is GA", "**3) eBPF Everywhere**": a heading's number is no part of its title.
    name: "numbered-heading",
    decide: (line, ctx) => {
      const number = ctx.outline ? HEADING_NUMBER.exec(line.text) : null;
      return number ? reclassified({ ...line, text: line.text.slice(number[0].length) }, ctx) : undefined;
    },
  },
  {
    // "【セッション名】Kubernetesのアップグレード", "【基調講演】CNCFの10年": the category label in 【】 is
    // dropped; the rest is classified as the line. (【Title】 alone is a quoted title.)
    name: "bracket-label",
    decide: (line, ctx) => {
      const rest = BRACKET_LABEL.exec(line.text)?.[1];
      return rest ? reclassified({ ...line, text: rest.trim() }, ctx) : undefined;
    },
  },
  {
    // 「Ciliumで始めるeBPF入門」, 【Title】, « Titre » par Nom (Société), “Title” - Name, Company: the quotes mark the
    // title and are no part of it. A quotation that opens a sentence is left to the other rules.
    name: "quoted-title",
    decide: (line, ctx) => {
      const quoted = QUOTED.exec(line.text);
      if (!quoted) return undefined;
      const [, open = "", inner = "", after = ""] = quoted;
      const text = `${inner}${after.trim() ? ` ${after.trim()}` : ""}`;
      if (after.trim() && !titleAndSpeakers(text)) return undefined;
      const verdict = reclassified({ ...line, text }, ctx);
      // Japanese brackets around a whole line say "title" the way capitals do in English.
      return verdict.heading?.kind === "sub" && /[「『【]/.test(open) ? heading({ ...verdict.heading, titleLike: true }) : verdict;
    },
  },
  {
    // Shape 3: "Session: Title - Speaker", "Talk 3: Title", "Session 2 — Title": the numbering is dropped.
    name: "explicit-talk",
    decide: (line) => {
      const explicit = line.depth === 0 ? EXPLICIT_TALK.exec(line.text) : null;
      return explicit ? heading({ ...talk(explicit[2]!.trim(), line), day: dayLabel(line.text) }) : undefined;
    },
  },
  {
    // "In “Debugging Networking with eBPF”, Duffie Cooley (Isovalent) showed …": a paragraph per talk that
    // names it in quotes and its speakers before a verb. The paragraph is the talk's first note.
    name: "narrated-talk",
    decide: (line) => {
      const narrated = line.depth === 0 ? NARRATED.exec(line.text) : null;
      const speakers = narrated ? leadingPeople(narrated[2]!) : undefined;
      if (!narrated || !speakers) return undefined;
      const title = narrated[1]!.replace(/[,.]$/, "");
      return heading({ kind: "talk", title: EXPLICIT_TALK.exec(title)?.[2]?.trim() ?? title, speakers, note: line.text });
    },
  },
  {
    // An item of the recap's table of contents, come back as a heading.
    name: "contents-item",
    decide: (line, ctx) =>
      line.depth === 0 && ctx.contents.has(line.text.toLowerCase()) ? heading({ kind: "group", title: line.text, speakers: [], day: dayLabel(line.text) }) : undefined,
  },
  {
    // Shape 1: "- [Title - Speaker, Company](https://...)", with or without a sentence around the link.
    name: "link-bullet",
    decide: (line) => {
      if (line.depth !== 1) return undefined;
      const link = line.links.find((l) => wordsOf(l.label).length >= 2 && !isTalkMarker(l.label) && !LINK_LABEL.test(l.label) && !l.url.startsWith("#"));
      if (!link) return undefined;
      const split = titleAndSpeakers(link.label);
      const rest = line.text.replace(link.label, " ").replace(/\s+/g, " ").trim();
      // "- [Title](url) - Jane Doe, Acme. What it was about.": the people, then a sentence of notes.
      const by = /^(?:[-–—,:]\s*|by\s+|par\s+)(.+?)(?:[.;]\s+(\p{Lu}.*))?[.;]?$/iu.exec(rest);
      const people = split?.speakers ?? (by ? titleAndSpeakers(`${link.label} - ${by[1]}`)?.speakers : undefined);
      const talkish = people !== undefined || talkLinkKind(link.url, link.label) !== undefined;
      if (!talkish || line.text.indexOf(link.label) > line.text.length / 2) return undefined;
      const note = people && by && !split ? (by[2] ?? "") : rest.replace(/^[-–—:,.;\s]+/, "");
      return heading({
        kind: "talk",
        title: split?.title ?? unshout(link.label),
        speakers: people ?? [],
        url: link.url,
        ...(note && /\p{L}/u.test(note) && { note }),
      });
    },
  },
  {
    // A talk as the top bullet of a tree, its notes the bullets under it (Notion, Confluence, outliners):
    // "- **Cilium Mesh** — Thomas Graf, Isovalent", "- Keynote: CNCF at 10", "- **Gateway API in Practice**".
    name: "talk-bullet",
    decide: (line, ctx) => {
      if (line.depth !== 1 || (ctx.next?.depth ?? 0) <= 1) return undefined;
      const explicit = EXPLICIT_TALK.exec(line.text);
      if (explicit) return heading(talk(explicit[2]!.trim(), line));
      // The author set the title in bold: the whole bullet, or its opening words before the speakers.
      const boldTitle = line.emphasis > 0 ? writtenAsTitle(line, ctx) : line.lead !== undefined && titleAndSpeakers(line.text)?.title === line.lead;
      return boldTitle ? heading(talk(line.text, line)) : undefined;
    },
  },
  {
    name: "bullet",
    decide: (line) => (line.depth > 0 ? TEXT : undefined),
  },
  {
    // Markdown headings and bold lines used as headings (shapes 2 and 6), by their place in the outline.
    name: "outline-heading",
    decide: (line, ctx) => {
      const outline = ctx.outline;
      if (!outline) return undefined;
      if (outline.pageTitle) return SKIP;
      const text = line.text;
      const day = dayLabel(text);
      if (DAY_HEADING.test(text)) return heading({ kind: "day", title: text.replace(/[:：]$/, ""), speakers: [], day: day ?? text });
      // A part of the day is a day heading that keeps the day it is part of.
      if (PART_OF_DAY.test(text)) return heading({ kind: "day", title: text.replace(/[:：]$/, ""), speakers: [] });
      if (outline.hasSubheadings || GROUP.test(text)) return heading({ kind: "group", title: text, speakers: [], day });
      if (outline.underGroup) return heading({ ...talk(text, line), kind: "sub", day, titleLike: true });
      return heading(talk(text, line, day));
    },
  },
  {
    // The checks a plain line must pass to be a heading at all.
    name: "not-a-heading",
    decide: (line, ctx) => (isCandidate(line, titleAndSpeakers(line.text) !== undefined || markedAsTalk(ctx), ctx) ? undefined : TEXT),
  },
  {
    // Shape 4: "Title - Speaker, Company", "Title (Speaker, Company @handle)", "Title by Speaker", "Speaker: Title".
    name: "title-and-speakers",
    decide: (line) => {
      const split = titleAndSpeakers(line.text);
      return split ? heading({ kind: "talk", ...split, day: dayLabel(line.text) }) : undefined;
    },
  },
  {
    // A title line followed by "Link to slides", "Talk abstract" or "Speakers: ...".
    name: "marked-talk",
    decide: (line, ctx) => (markedAsTalk(ctx) ? heading(talk(line.text, line)) : undefined),
  },
  {
    name: "long-question",
    decide: (line) => (/[!?]$/.test(line.text) && wordsOf(line.text).length > 8 ? TEXT : undefined),
  },
  {
    name: "date",
    decide: (line) => (DATE.test(line.text) ? heading({ kind: "day", title: line.text, speakers: [], day: line.text }) : undefined),
  },
  {
    name: "group",
    decide: (line) => {
      const day = DAY_NUMBER.test(line.text) && !DAY_AT_EDGE.test(line.text) ? undefined : dayLabel(line.text);
      return GROUP.test(line.text) || day ? heading({ kind: "group", title: line.text, speakers: [], day }) : undefined;
    },
  },
  {
    // "Zero Trust at Scale (Acme Corp)": a parenthesis that marks no one as a speaker (a company, a
    // product, "Deep Dive", a lone name: no comma, handle or second person) is part of the title,
    // never a speaker; the line is a sub-heading like any other.
    name: "parenthesis-in-title",
    decide: (line, ctx) => (UNMARKED_PARENTHESIS.test(line.text) ? heading({ kind: "sub", title: unshout(line.text), speakers: [], titleLike: writtenAsTitle(line, ctx) }) : undefined),
  },
  {
    // Any other short line: a sub-heading, that counts as a title when written as one.
    name: "plain-heading",
    decide: (line, ctx) => heading({ kind: "sub", title: unshout(line.text), speakers: [], titleLike: writtenAsTitle(line, ctx) }),
  },
];

/** A line written as a title: in Title Case, in English inside a recap in another language, or a CJK line standing alone. */
function writtenAsTitle(line: Line, ctx: HeadingContext): boolean {
  const text = line.text;
  const { share, contentWords } = capitalizedShare(text);
  const otherLanguage = ctx.recapLanguage !== "en" && !isCjk(ctx.recapLanguage) && lineLanguage(text) === "en";
  // Scripts without capitals: a short line standing alone between blank lines reads as a title.
  const cjkTitle = isCjk(ctx.recapLanguage) && line.afterBlank && ctx.next?.afterBlank === true && [...text].length <= 40;
  return !/[?!]$/.test(text) && ((share >= 0.6 && contentWords >= 2) || otherLanguage || cjkTitle);
}

function markedAsTalk(ctx: HeadingContext): boolean {
  return ctx.next !== undefined && (isTalkMarker(ctx.next.text) || speakerLine(ctx.next.text) !== undefined);
}

/** What the rules decide of a line rewritten by a rule (its time slot or brackets taken off). */
function reclassified(line: Line, ctx: HeadingContext): Omit<Verdict, "rule"> {
  const { rule: _rule, ...verdict } = classifyBlock(line, ctx);
  return verdict;
}

/** Decides what a block is: the first rule that has an answer. */
export function classifyBlock(line: Line, ctx: HeadingContext): Verdict {
  for (const rule of RULES) {
    const verdict = rule.decide(line, ctx);
    if (verdict) return { rule: rule.name, ...verdict };
  }
  return { rule: "none", text: true };
}

/** `clearlyTitled`: the line names speakers or is followed by "Link to slides", so it may be long or end in "?". */
function isCandidate(line: Line, clearlyTitled: boolean, ctx: HeadingContext): boolean {
  const text = line.text;
  const words = wordsOf(text);
  if (words.length === 0 || words.length > (clearlyTitled ? 30 : 16)) return false;
  if (text.length > (clearlyTitled ? 180 : 100)) return false;
  if (LINK_LABEL.test(text) || YAML_KEY.test(text) || /^(https?:|www\.)/i.test(text)) return false;
  if (/[.,;:…]$/.test(text) || /^[(),.;:\]]/.test(text) || /[<>{}=$`|\\]/.test(text)) return false;
  // Shape 8: a sentence of Japanese or Chinese (ending in 。！？, or with commas) is never a heading.
  if (CJK_SENTENCE.test(text) && isCjk(ctx.recapLanguage)) return false;
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
