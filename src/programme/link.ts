import type { Section, Speaker } from "../corpus/section.js";
import { isEnglishFunctionWord } from "../corpus/words.js";
import { fold } from "../text/fold.js";

/*
 * One talk, two views: a recap's section and the programme's session of the same talk. The one place
 * that decides it, from the titles and the people:
 * - the titles are close after folding (case, accents, punctuation, function words, a label such as
 *   "Tutorial:" before the recap's): word overlap of TITLE_CLOSE or more, with TITLE_WORDS content words
 *   at least on each side; or
 * - a speaker in common (same folded name) and titles close enough: overlap of WITH_SPEAKER or more.
 * The overlap is Dice's coefficient with each word weighed by how rare it is among the event's
 * session titles (inverse document frequency): "Intro, Deep Dive and Q&A" is in many titles, the
 * project's name in few, so two projects' deep dives stay apart. A recap section links to its best
 * session of the same event, when no other session is as good; a recap's notes link to nothing.
 */

/** Word overlap that makes two titles one talk's on their own. */
const TITLE_CLOSE = 0.8;
/** Content words a title needs for its words alone to name a talk ("AI Conformance" is a topic). */
const TITLE_WORDS = 4;
/** Word overlap enough when the two share a speaker. */
const WITH_SPEAKER = 0.5;

/** A head before a colon that may be a format label ("Tutorial", "Keynote", "Lightning Talk"). */
const LABEL_HEAD = /^[^:]{1,30}:\s+(?=\S)/u;

/** The content words of a title, folded. */
function titleWords(title: string): string[] {
  return fold(title)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !isEnglishFunctionWord(w));
}

/** A recap title's readings: as written, and without a label head (a session's title has its label off already). */
const readings = (title: string): string[][] => [titleWords(title), ...(LABEL_HEAD.test(title) ? [titleWords(title.replace(LABEL_HEAD, ""))] : [])];

/** How much a word says of a title: rarer among the event's titles, more. */
type WordWeight = (word: string) => number;

/** Words weighed by their inverse document frequency among some titles (a word none has weighs most). */
function titleWeights(titles: readonly string[]): WordWeight {
  const documents = new Map<string, number>();
  for (const title of titles) for (const word of new Set(titleWords(title))) documents.set(word, (documents.get(word) ?? 0) + 1);
  return (word) => Math.log((titles.length + 1) / ((documents.get(word) ?? 0) + 1)) + 1;
}

/** A title's words as a set and their weight together: worked out once a title, compared with many. */
interface WeighedWords {
  words: Set<string>;
  total: number;
}

function weighed(words: readonly string[], weight: WordWeight): WeighedWords {
  const set = new Set(words);
  return { words: set, total: [...set].reduce((sum, w) => sum + weight(w), 0) };
}

/** Dice's coefficient of two titles' words, each word counted at its weight. */
function overlap(a: WeighedWords, b: WeighedWords, weight: WordWeight): number {
  const whole = a.total + b.total;
  if (!whole) return 0;
  let shared = 0;
  for (const word of a.words) if (b.words.has(word)) shared += weight(word);
  return (2 * shared) / whole;
}

const nameKey = (speaker: Speaker) => fold(speaker.name).replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** A recap talk as the links compare it: its titles' readings and its people. */
interface RecapView {
  readings: WeighedWords[];
  people: string[];
}

/** A session as the links compare it: its title's words and its people. */
interface SessionView {
  section: Section;
  title: WeighedWords;
  people: Set<string>;
}

/** Why two views are one talk, and how close their titles are; undefined when they are not. */
function sameTalk(recap: RecapView, session: SessionView, weight: WordWeight): { reason: "title" | "speaker and title"; closeness: number } | undefined {
  const pairs = recap.readings.map((mine) => ({
    score: overlap(mine, session.title, weight),
    long: mine.words.size >= TITLE_WORDS && session.title.words.size >= TITLE_WORDS,
  }));
  const best = Math.max(0, ...pairs.map((p) => p.score));
  const longEnough = pairs.some((p) => p.score >= TITLE_CLOSE && p.long);
  if (best >= TITLE_CLOSE && longEnough) return { reason: "title", closeness: best };
  if (best >= WITH_SPEAKER && recap.people.some((name) => session.people.has(name))) return { reason: "speaker and title", closeness: best };
  return undefined;
}

export interface TalkLink {
  recapSectionId: string;
  programmeId: string;
  reason: "title" | "speaker and title";
  closeness: number;
}

/** The links between the recaps' talk sections and the programme's sections of the same event (see the top of this file). */
export function linkTalks(sections: readonly Section[]): TalkLink[] {
  const sessionsByEvent = new Map<string, Section[]>();
  for (const s of sections) {
    if (s.kind !== "programme") continue;
    const sessions = sessionsByEvent.get(s.eventId);
    if (sessions) sessions.push(s);
    else sessionsByEvent.set(s.eventId, [s]);
  }
  // Each title's words and weight once, for the event's weights: a recap talk is compared with every session.
  const events = new Map(
    [...sessionsByEvent].map(([event, sessions]) => {
      const weight = titleWeights(sessions.map((s) => s.title));
      const views = sessions.map((section) => ({ section, title: weighed(titleWords(section.title), weight), people: new Set(section.speakers.map(nameKey)) }));
      return [event, { weight, views }];
    }),
  );
  const links: TalkLink[] = [];
  for (const recap of sections) {
    const event = events.get(recap.eventId);
    if (recap.kind !== "talk" || !event) continue;
    const view: RecapView = {
      readings: [...readings(recap.talk), ...readings(recap.title)].map((words) => weighed(words, event.weight)),
      people: recap.speakers.map(nameKey),
    };
    const found = event.views
      .map((session) => ({ session: session.section, match: sameTalk(view, session, event.weight) }))
      .filter((c): c is { session: Section; match: NonNullable<ReturnType<typeof sameTalk>> } => c.match !== undefined)
      .sort((a, b) => b.match.closeness - a.match.closeness);
    const [first, second] = found;
    if (!first || (second && second.match.closeness === first.match.closeness)) continue;
    links.push({ recapSectionId: recap.id, programmeId: first.session.id, reason: first.match.reason, closeness: first.match.closeness });
  }
  return links;
}
